/* collide.c - "-o jingle.wav --jingle jingle.wav" is refused before anything is written: every
 * output is compared with every input and every other output, by device and inode and by name. */
#include "collide.h"
#include "atomic.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

/* A standard stream's descriptor ("-" is standard input for an input), else -1. */
static int stream_fd(const char *path, bool output)
{
    return !output && strcmp(path, "-") == 0 ? STDIN_FILENO : standard_stream(path);
}

/* "out/../a.wav" (a.wav not made yet) -> "/home/x/a.wav": the folder made absolute, symlinks
 * followed; NULL when the folder does not exist. */
static char *canonical_name(const char *path)
{
    char *full = realpath(path, NULL);
    if (full) return full;
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX], real[PATH_MAX];
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + (slash == path) : 1,
             slash ? path : ".");
    if (!realpath(dir, real)) return NULL;
    const char *base = slash ? slash + 1 : path;
    size_t n = strlen(real) + strlen(base) + 2;
    char *out = malloc(n);
    if (out) snprintf(out, n, "%s/%s", strcmp(real, "/") == 0 ? "" : real, base);
    return out;
}

/* Fills f's identity: the file it names now (if any) and its canonical name. */
static void identify(named_file *f)
{
    int fd = stream_fd(f->path, f->output);
    f->exists = fd >= 0 ? fstat(fd, &f->st) == 0 : stat(f->path, &f->st) == 0;
    f->name = fd >= 0 ? NULL : canonical_name(f->path);
}

/* Writing twice to /dev/null loses nothing. */
static bool harmless(const struct stat *st)
{
    return S_ISCHR(st->st_mode) && major(st->st_rdev) == 1 && minor(st->st_rdev) == 3;
}

static bool same_file(const named_file *a, const named_file *b)
{
    if (a->exists && b->exists && a->st.st_dev == b->st.st_dev && a->st.st_ino == b->st.st_ino)
        return !harmless(&a->st);
    return a->name && b->name && strcmp(a->name, b->name) == 0;
}

/* "--marks a.txt would overwrite the article a.txt" */
static void describe(const named_file *out, const named_file *other, strbuf *err)
{
    if (other->output)
        sb_printf(err, "%s %s and %s %s are the same file: give each output its own name",
                  out->option, out->path, other->option, other->path);
    else
        sb_printf(err, "%s %s would overwrite %s %s: choose another output name", out->option,
                  out->path, other->option, other->path);
}

loc_status collide_check(named_file *files, size_t n, strbuf *err)
{
    for (size_t i = 0; i < n; i++)
        identify(&files[i]);
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            named_file *a = &files[i], *b = &files[j];
            if (i == j || !a->output || (b->output && j < i)) continue;
            if (same_file(a, b)) {
                describe(a, b, err);
                return LOC_ERR_USAGE;
            }
        }
    return LOC_OK;
}

const named_file *collide_find(const named_file *files, size_t n, const char *path)
{
    named_file probe = {.option = "", .path = path, .output = true};
    identify(&probe);
    const named_file *hit = NULL;
    for (size_t i = 0; i < n && !hit; i++)
        if (same_file(&probe, &files[i])) hit = &files[i];
    free(probe.name);
    return hit;
}

void collide_free(named_file *files, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(files[i].name);
        files[i].name = NULL;
    }
}
