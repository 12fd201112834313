/* atomic.c - "captions.vtt" is written as ".captions.vtt.Ab12Cd" and renamed when complete;
 * "-", /dev/stdout, devices and FIFOs are written in place; symlinks lead to their target. */
#include "atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

int standard_stream(const char *path)
{
    if (strcmp(path, "-") == 0 || strcmp(path, "/dev/stdout") == 0) return STDOUT_FILENO;
    if (strcmp(path, "/dev/stdin") == 0) return STDIN_FILENO;
    if (strcmp(path, "/dev/stderr") == 0) return STDERR_FILENO;
    const char *n = NULL;
    if (strncmp(path, "/dev/fd/", 8) == 0) n = path + 8;
    if (strncmp(path, "/proc/self/fd/", 14) == 0) n = path + 14;
    if (!n || *n < '0' || *n > '9') return -1;
    char *end;
    long fd = strtol(n, &end, 10);
    return *end || fd > INT_MAX ? -1 : (int)fd;
}

/* "link.txt" -> "notes/real.txt": follows symlinks (even to a file not made yet), malloc'd. */
static char *follow_links(const char *path)
{
    char *cur = strdup(path);
    for (int hops = 0; cur && hops < 40; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode)) return cur;
        char target[PATH_MAX];
        ssize_t n = readlink(cur, target, sizeof target - 1);
        if (n < 0) break;
        target[n] = '\0';
        const char *slash = strrchr(cur, '/');
        int dirlen = target[0] == '/' || !slash ? 0 : (int)(slash - cur + 1);
        size_t size = (size_t)dirlen + (size_t)n + 1;
        char *next = malloc(size);
        if (next) snprintf(next, size, "%.*s%s", dirlen, cur, target);
        free(cur);
        cur = next;
    }
    if (cur) errno = ELOOP;
    free(cur);
    return NULL;
}

/* Removes ".name.XXXXXX" files next to path that no living run holds (killed runs' leftovers);
 * a run holds its own temporary file locked until it is renamed. */
static void remove_stale_temps(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path + 1) : 1, slash ? path : ".");
    DIR *d = opendir(dir);
    if (!d) return;
    size_t len = strlen(name);
    for (struct dirent *e; (e = readdir(d));) {
        const char *n = e->d_name;
        if (n[0] != '.' || strncmp(n + 1, name, len) != 0 || n[len + 1] != '.' ||
            strlen(n + len + 2) != 6)
            continue;
        int fd = openat(dirfd(d), n, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) continue;
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0)
            unlinkat(dirfd(d), n, 0);
        close(fd);
    }
    closedir(d);
}

int atomic_temp_fd(const char *path, char **tmp)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
    size_t n = strlen(path) + 16;
    *tmp = malloc(n);
    if (!*tmp) return -1;
    snprintf(*tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
    int fd = mkostemp(*tmp, O_CLOEXEC);
    if (fd >= 0) {
        flock(fd, LOCK_EX | LOCK_NB); /* tells later runs this one is alive */
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    return fd;
}

int atomic_target_open(const char *path, char **real, char **tmp)
{
    *real = *tmp = NULL;
    int std = standard_stream(path);
    if (std >= 0) {
        *real = strdup(path);
        return *real ? fcntl(std, F_DUPFD_CLOEXEC, 3) : -1;
    }
    if (!(*real = follow_links(path))) return -1;
    struct stat st;
    bool exists = stat(*real, &st) == 0;
    if (exists && S_ISDIR(st.st_mode)) {
        errno = EISDIR;
        return -1;
    }
    if (exists && !S_ISREG(st.st_mode)) /* a device, a FIFO: written as it is */
        return open(*real, O_WRONLY | O_CLOEXEC | O_NOCTTY);
    if (exists && access(*real, W_OK) != 0) return -1; /* read-only: not ours to replace */
    remove_stale_temps(*real);
    int fd = atomic_temp_fd(*real, tmp);
    if (fd >= 0 && exists) { /* the new file keeps the old one's mode and owner */
        fchmod(fd, st.st_mode & 07777);
        if (geteuid() == 0 && fchown(fd, st.st_uid, st.st_gid) == 0) fchmod(fd, st.st_mode & 07777);
    }
    return fd;
}

loc_status atomic_open(atomic_file *af, const char *path, strbuf *err)
{
    memset(af, 0, sizeof *af);
    int fd = atomic_target_open(path, &af->path, &af->tmp);
    if (fd >= 0) af->f = fdopen(fd, "w");
    if (!af->f) {
        sb_printf(err, "%s: %s", path, strerror(errno));
        if (fd >= 0) close(fd);
        atomic_discard(af);
        return LOC_ERR_OUTPUT_OPEN;
    }
    return LOC_OK;
}

loc_status atomic_commit(atomic_file *af, strbuf *err)
{
    return atomic_commit_later(af, NULL, err);
}

loc_status atomic_commit_later(atomic_file *af, publish_list *later, strbuf *err)
{
    if (!af->f) return LOC_OK;
    int bad = ferror(af->f);
    bad |= fflush(af->f) != 0;
    bad |= af->tmp && fsync(fileno(af->f)) != 0 && errno != EINVAL;
    bad |= fclose(af->f) != 0;
    af->f = NULL;
    if (!bad && af->tmp && later) {
        if (!publish_hold(later, af->tmp, af->path)) {
            atomic_discard(af);
            return LOC_ERR_NOMEM;
        }
        memset(af, 0, sizeof *af);
        return LOC_OK;
    }
    if (!bad && af->tmp && rename(af->tmp, af->path) != 0) bad = 1;
    if (bad) {
        sb_printf(err, "%s: %s", af->path, strerror(errno));
        atomic_discard(af);
        return LOC_ERR_OUTPUT_WRITE;
    }
    free(af->tmp);
    free(af->path);
    memset(af, 0, sizeof *af);
    return LOC_OK;
}

bool publish_hold(publish_list *later, char *tmp, char *path)
{
    char **t = realloc(later->tmp, (later->n + 1) * sizeof *t);
    if (t) later->tmp = t;
    char **p = t ? realloc(later->path, (later->n + 1) * sizeof *p) : NULL;
    if (!p) {
        unlink(tmp);
        free(tmp);
        free(path);
        return false;
    }
    later->path = p;
    later->tmp[later->n] = tmp;
    later->path[later->n++] = path;
    return true;
}

loc_status publish_all(publish_list *later, strbuf *err)
{
    loc_status st = LOC_OK;
    for (size_t i = 0; i < later->n; i++) {
        if (st == LOC_OK && rename(later->tmp[i], later->path[i]) != 0) {
            sb_printf(err, "%s: %s", later->path[i], strerror(errno));
            st = LOC_ERR_OUTPUT_WRITE;
        }
        if (st != LOC_OK) unlink(later->tmp[i]);
        free(later->tmp[i]);
        free(later->path[i]);
    }
    free(later->tmp);
    free(later->path);
    memset(later, 0, sizeof *later);
    return st;
}

void publish_discard(publish_list *later)
{
    for (size_t i = 0; i < later->n; i++) {
        unlink(later->tmp[i]);
        free(later->tmp[i]);
        free(later->path[i]);
    }
    free(later->tmp);
    free(later->path);
    memset(later, 0, sizeof *later);
}

void atomic_discard(atomic_file *af)
{
    if (af->f) fclose(af->f);
    if (af->tmp) unlink(af->tmp);
    free(af->tmp);
    free(af->path);
    memset(af, 0, sizeof *af);
}

FILE *scratch_file(void)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/locutor.XXXXXX", scratch_dir());
    int fd = mkostemp(path, O_CLOEXEC);
    if (fd < 0) return NULL;
    unlink(path);
    FILE *f = fdopen(fd, "w+");
    if (!f) close(fd);
    return f;
}

const char *scratch_dir(void)
{
    const char *dir = getenv("TMPDIR");
    return dir && *dir ? dir : "/tmp";
}

bool fd_write_all(int fd, const void *data, size_t n)
{
    const char *p = data;
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return false;
        p += k;
        n -= (size_t)k;
    }
    return true;
}
