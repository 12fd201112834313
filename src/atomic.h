/* atomic.h - files written under a temporary name and renamed into place when complete; safe
 * writes. */
#ifndef LOC_ATOMIC_H
#define LOC_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "status.h"
#include "strbuf.h"

typedef struct {
    FILE *f;    /* write here */
    char *path; /* final name (owned) */
    char *tmp;  /* ".name.XXXXXX" in the same folder (owned) */
} atomic_file;

/* Creates the temporary file next to path; on failure err names path. */
loc_status atomic_open(atomic_file *af, const char *path, strbuf *err);
/* Flushes, closes and renames into place; the file is removed on failure. */
loc_status atomic_commit(atomic_file *af, strbuf *err);
/* Closes and removes the temporary file. Safe on a zeroed or finished struct. */
void atomic_discard(atomic_file *af);

/* Makes "dir/.name.XXXXXX" next to path and opens it (0666 less the umask).
 * Returns the descriptor, or -1 with errno set; *tmp is malloc'd either way. */
int atomic_temp_fd(const char *path, char **tmp);

/* Writes all n bytes to fd, retrying after interruptions; false on failure. */
bool fd_write_all(int fd, const void *data, size_t n);

#endif
