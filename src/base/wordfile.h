/* wordfile.h - a large sorted word list, mapped in place and searched by bisection. */
#ifndef LOC_WORDFILE_H
#define LOC_WORDFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "status.h"
#include "strbuf.h"

typedef struct wordfile wordfile;

/* Maps path: one word a line, sorted by bytes (LC_ALL=C sort), '#' lines first. Nothing is
 * parsed, so opening costs the same for 80 000 words as for ten. On failure returns
 * LOC_ERR_DATA with "path: reason" in err. */
loc_status wordfile_open(const char *path, wordfile **out, strbuf *err);
/* Is the n bytes at word one of the file's lines? */
bool wordfile_has(const wordfile *w, const char *word, size_t n);
void wordfile_free(wordfile *w);

#endif
