/* collide.h - outputs that would overwrite an input or each other, found before any is opened. */
#ifndef LOC_COLLIDE_H
#define LOC_COLLIDE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

#include "status.h"
#include "strbuf.h"

typedef struct {
    const char *option; /* "-o", "--marks", "the article", "--jingle" */
    const char *path;   /* as given; "-" is standard input or output */
    bool output;
    /* filled by collide_check */
    bool exists;
    struct stat st;
    char *name; /* canonical name (owned), NULL for a standard stream */
} named_file;

/* Compares every output with every input and every other output; the first clash gives
 * LOC_ERR_USAGE and one line in err naming both. */
loc_status collide_check(named_file *files, size_t n, strbuf *err);
/* The file in files (checked already) that path would overwrite, else NULL. */
const named_file *collide_find(const named_file *files, size_t n, const char *path);
/* Frees the names collide_check made. */
void collide_free(named_file *files, size_t n);

#endif
