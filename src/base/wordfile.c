/* wordfile.c - a large sorted word list, mapped in place and searched by bisection. */
#include "wordfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

struct wordfile {
    const char *data; /* the mapped file */
    size_t size;
    size_t start; /* the first byte after the '#' lines */
};

loc_status wordfile_open(const char *path, wordfile **out, strbuf *err)
{
    *out = NULL;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size == 0) {
        sb_printf(err, "%s: %s", path, fd < 0 ? strerror(errno) : "empty or unreadable");
        if (fd >= 0) close(fd);
        return LOC_ERR_DATA;
    }
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    wordfile *w = map == MAP_FAILED ? NULL : calloc(1, sizeof *w);
    if (!w) {
        if (map != MAP_FAILED) munmap(map, (size_t)st.st_size);
        sb_printf(err, "%s: cannot map it", path);
        return map == MAP_FAILED ? LOC_ERR_DATA : LOC_ERR_NOMEM;
    }
    w->data = map;
    w->size = (size_t)st.st_size;
    while (w->start < w->size && w->data[w->start] == '#') {
        const char *nl = memchr(w->data + w->start, '\n', w->size - w->start);
        w->start = nl ? (size_t)(nl - w->data) + 1 : w->size;
    }
    *out = w;
    return LOC_OK;
}

/* The start of the line holding byte i. */
static size_t line_start(const wordfile *w, size_t i)
{
    while (i > w->start && w->data[i - 1] != '\n')
        i--;
    return i;
}

bool wordfile_has(const wordfile *w, const char *word, size_t n)
{
    if (!w || n == 0) return false;
    size_t lo = w->start, hi = w->size; /* lines starting in [lo, hi) */
    while (lo < hi) {
        size_t at = line_start(w, lo + (hi - lo) / 2);
        const char *nl = memchr(w->data + at, '\n', w->size - at);
        size_t end = nl ? (size_t)(nl - w->data) : w->size, len = end - at;
        int c = memcmp(w->data + at, word, len < n ? len : n);
        if (c == 0) c = len < n ? -1 : len > n ? 1 : 0;
        if (c == 0) return true;
        if (c < 0)
            lo = end + 1;
        else
            hi = at;
    }
    return false;
}

void wordfile_free(wordfile *w)
{
    if (!w) return;
    munmap((void *)w->data, w->size);
    free(w);
}
