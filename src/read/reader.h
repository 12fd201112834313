/* reader.h - reads articles (plain text, Markdown, HTML, feeds; files, stdin or memory) into blocks
 * of clean UTF-8. */
#ifndef LOC_READER_H
#define LOC_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#include "block.h"
#include "status.h"
#include "strbuf.h"

typedef enum { READ_AUTO, READ_TEXT, READ_MARKDOWN, READ_HTML, READ_FEED } read_format;

typedef struct {
    read_format format;   /* READ_AUTO: from the file name, else from the first bytes */
    const char *encoding; /* iconv name that overrides detection; NULL to detect */
    size_t max_items;     /* feeds: read at most this many items; 0 for all */
    time_t since;         /* feeds: skip items dated before this; 0 for all */
    int (*stop)(void);    /* not NULL: asked before each read; nonzero ends the input with
                           * LOC_ERR_INTERRUPTED (Ctrl-C on an endless input) */
} read_options;

/* HTML pages and feeds are parsed whole: larger ones are refused. */
enum { READER_MARKUP_MAX = 32 * 1024 * 1024 };

typedef struct reader reader;

/* Opens path ("-" is standard input) as plain text or by its extension. On failure
 * returns NULL and sets *st (errno says why). Nothing is parsed until reader_next. */
reader *reader_open(const char *path, loc_status *st);
reader *reader_open_with(const char *path, const read_options *o, loc_status *st);
/* Reads len bytes of data (kept by the caller until reader_close). NULL when out of memory. */
reader *reader_open_memory(const char *data, size_t len, const read_options *o);
/* Reads the next non-empty block. Returns LOC_OK with *got true, or *got false at the end.
 * On failure reader_error() says what was wrong with the input. */
loc_status reader_next(reader *r, block *out, bool *got);
/* The 0-based article of the last block read: a feed's item; 0 for other formats. */
size_t reader_article(const reader *r);
/* The format being read: known once the first block is read (READ_AUTO before). */
read_format reader_format(const reader *r);
/* True when the last block read was not valid UTF-8 and was read as Windows-1252
 * (for an HTML page or a feed: its first block only). */
bool reader_was_legacy(const reader *r);
/* The language a page or feed declares ("es-MX", "es_AR"), once its first block is read;
 * NULL when it declares none (plain text, Markdown). */
const char *reader_language(const reader *r);
/* Details of the last failure ("" when none), e.g. "line 3: Detected an entity reference loop". */
const char *reader_error(const reader *r);
void reader_close(reader *r);

/* The format a file name's extension implies: .md -> READ_MARKDOWN; READ_AUTO when none. */
read_format reader_format_of_name(const char *path);
/* "text", "markdown", "html", "feed" or "auto". Returns false for any other name. */
bool reader_format_parse(const char *name, read_format *out);
/* Cleans one line into out: Windows-1252 if not valid UTF-8, NFC, no control
 * characters, trimmed. Returns false when memory runs out. Sets *legacy. */
bool reader_clean_line(const char *line, size_t len, strbuf *out, bool *legacy);
/* The block kind of a cleaned line: a short line with no final sentence
 * punctuation is a heading; "# Title" too. */
block_kind reader_kind_of(const char *text, size_t len);
/* Where to cut text longer than max: after a sentence end, else after a space, else at a
 * UTF-8 character boundary. Returns 0 < n <= max. */
size_t reader_cut_point(const char *text, size_t len, size_t max);

#endif
