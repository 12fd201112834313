/* atomic.c - "captions.vtt" is written as ".captions.vtt.Ab12Cd" and renamed when complete. */
#include "atomic.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int atomic_temp_fd(const char *path, char **tmp)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
    size_t n = strlen(path) + 16;
    *tmp = malloc(n);
    if (!*tmp) return -1;
    snprintf(*tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
    int fd = mkstemp(*tmp);
    if (fd >= 0) {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    return fd;
}

loc_status atomic_open(atomic_file *af, const char *path, strbuf *err)
{
    memset(af, 0, sizeof *af);
    af->path = strdup(path);
    int fd = af->path ? atomic_temp_fd(path, &af->tmp) : -1;
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
    if (!af->f) return LOC_OK;
    int bad = ferror(af->f);
    bad |= fflush(af->f) != 0;
    bad |= fsync(fileno(af->f)) != 0 && errno != EINVAL;
    bad |= fclose(af->f) != 0;
    af->f = NULL;
    if (!bad && rename(af->tmp, af->path) != 0) bad = 1;
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

void atomic_discard(atomic_file *af)
{
    if (af->f) fclose(af->f);
    if (af->tmp) unlink(af->tmp);
    free(af->tmp);
    free(af->path);
    memset(af, 0, sizeof *af);
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
