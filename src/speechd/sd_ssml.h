/* sd_ssml.h - the SSML speech-dispatcher sends, as plain text with marks (byte offset, name);
 * say-as spans rewritten into text the normalizer reads that way. */
#ifndef SD_SSML_H
#define SD_SSML_H

#include "sd_protocol.h"
#include "sd_words.h"

#include <stddef.h>

typedef struct {
    size_t offset; /* byte offset in the text where the mark stands */
    char *name;
} sd_mark;

typedef struct {
    sd_buf text;
    sd_mark *marks;
    size_t nmarks;
} sd_text;

/* Parses an SSML document (entities decoded, newlines read as spaces) into *out; 0 with one
 * line in err when it is not well-formed XML. */
int sd_ssml_parse(const char *ssml, size_t len, const sd_words *words, sd_text *out, char *err,
                  size_t errsize);

/* Adds a mark at the current end of the text; 0 when out of memory. */
int sd_text_mark(sd_text *t, const char *name);

/* Rewrites the text piece by piece, moving the marks with it: piece reads the text from byte i,
 * appends its replacement to out and returns how many bytes it read (at least 1; 0: error). */
typedef size_t (*sd_piece_fn)(void *ctx, const char *s, size_t len, size_t i, sd_buf *out);
int sd_text_map(sd_text *t, sd_piece_fn piece, void *ctx);

/* The text as an SSML document with its marks (for speaking without normalization), each named
 * "m" and its index in t->marks (any name comes back intact); free() it. */
char *sd_text_ssml(const sd_text *t);

void sd_text_free(sd_text *t);

#endif
