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
    char *path; /* final name, symlinks followed (owned) */
    char *tmp;  /* ".name.XXXXXX" in the same folder; NULL when written in place (owned) */
} atomic_file;

/* Creates the temporary file next to path; on failure err names path. */
loc_status atomic_open(atomic_file *af, const char *path, strbuf *err);
/* Flushes, closes and renames into place; the file is removed on failure. */
loc_status atomic_commit(atomic_file *af, strbuf *err);
/* Finished temporary files that are renamed together once the whole run has succeeded. */
typedef struct {
    char **tmp, **path; /* owned */
    size_t n;
} publish_list;

/* Like atomic_commit, but the rename waits in later (when not NULL) for publish_all. */
loc_status atomic_commit_later(atomic_file *af, publish_list *later, strbuf *err);
/* Takes ownership of tmp and path (both malloc'd) and holds them for publish_all. */
bool publish_hold(publish_list *later, char *tmp, char *path);
/* Renames every held file into place, in order; on a failure the rest are removed. */
loc_status publish_all(publish_list *later, strbuf *err);
/* Removes every held temporary file. Safe on a zeroed list. */
void publish_discard(publish_list *later);

/* Closes and removes the temporary file. Safe on a zeroed or finished struct. */
void atomic_discard(atomic_file *af);

/* Makes "dir/.name.XXXXXX" next to path and opens it (0666 less the umask), locked while open.
 * Returns the descriptor, or -1 with errno set; *tmp is malloc'd either way. */
int atomic_temp_fd(const char *path, char **tmp);

/* The descriptor a path names without a file of its own, else -1: "-" (an output: standard
 * output), "/dev/stdout", "/dev/stdin", "/dev/stderr", "/dev/fd/2", "/proc/self/fd/1". */
int standard_stream(const char *path);

/* Opens where an output named path goes: "-" and /dev/stdout (a copy of that descriptor), an
 * existing device or FIFO (in place; *tmp stays NULL), else a temporary file next to the real
 * file (symlinks followed; an existing file's mode and owner kept; a read-only file refused;
 * stale temporary files of killed runs removed). *real (malloc'd) is what gets replaced.
 * Returns the descriptor, or -1 with errno set. */
int atomic_target_open(const char *path, char **real, char **tmp);

/* An unnamed read-write file in $TMPDIR (else /tmp), gone when closed; NULL with errno set. */
FILE *scratch_file(void);
/* The folder scratch_file uses, for messages. */
const char *scratch_dir(void);

/* Writes all n bytes to fd, retrying after interruptions; false on failure. */
bool fd_write_all(int fd, const void *data, size_t n);

#endif
