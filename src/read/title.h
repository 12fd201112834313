/* title.h - titles for chapters, cue points, split files and the feed: clean text, cut on a
 * word boundary. */
#ifndef LOC_TITLE_H
#define LOC_TITLE_H

#include <stdbool.h>
#include <stddef.h>

#include "reader.h"
#include "strbuf.h"

/* Bytes in a title at most (a WAV cue point's label holds 255 and a NUL). */
enum { TITLE_MAX = 255 };

/* Cleans len bytes of text into out the way article text is cleaned (invalid UTF-8 read as
 * Windows-1252, NFC, format characters dropped) with control characters as spaces and runs
 * of spaces squeezed, then cuts it to at most max bytes: after a word, else on a character
 * boundary. Returns false when memory runs out. */
bool title_clean(const char *text, size_t len, size_t max, strbuf *out);

/* The article's title into out: its first block when that is a heading, else its file
 * name without the extension ("Artículo" for standard input or a name with nothing left),
 * cleaned and cut to TITLE_MAX bytes. first may be NULL (an empty article). */
bool title_of_article(const block *first, const char *path, strbuf *out);

#endif
