/* reader.h - reads articles (files or stdin) line by line into blocks of clean UTF-8. */
#ifndef LOC_READER_H
#define LOC_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "status.h"
#include "strbuf.h"

typedef enum {
    BLOCK_TITLE,
    BLOCK_HEADING,
    BLOCK_PARAGRAPH,
    BLOCK_QUOTE,
    BLOCK_LIST_ITEM
} block_kind;

typedef struct {
    block_kind kind;
    const char *text;   /* NFC UTF-8 without control characters; owned by the reader */
    size_t len;         /* bytes */
    size_t source_line; /* 1-based line in its file */
    size_t
        source_offset; /* byte offset of text in its file (exact when cleaning changed nothing) */
    size_t index;      /* 0-based block number in this file */
} block;

typedef struct reader reader;

/* Opens path ("-" is standard input). On failure returns NULL and sets *st. */
reader *reader_open(const char *path, loc_status *st);
/* Reads the next non-empty block. Returns LOC_OK with *got true, or *got false at the end. */
loc_status reader_next(reader *r, block *out, bool *got);
/* True when the last block read was not valid UTF-8 and was read as Windows-1252. */
bool reader_was_legacy(const reader *r);
void reader_close(reader *r);

/* Cleans one line into out: Windows-1252 if not valid UTF-8, NFC, no control
 * characters, trimmed. Returns false when memory runs out. Sets *legacy. */
bool reader_clean_line(const char *line, size_t len, strbuf *out, bool *legacy);
/* The block kind of a cleaned line: a short line with no final sentence
 * punctuation is a heading; "# Title" too. */
block_kind reader_kind_of(const char *text, size_t len);

#endif
