/* block.h - what every reader hands over: blocks of text, with the map of where their bytes are
 * in the file (the lowest file of the read layer: the format readers and reader.c share it). */
#ifndef LOC_BLOCK_H
#define LOC_BLOCK_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    BLOCK_TITLE,
    BLOCK_HEADING,
    BLOCK_PARAGRAPH,
    BLOCK_QUOTE,
    BLOCK_LIST_ITEM
} block_kind;

typedef struct {
    block_kind kind;
    const char *text;     /* NFC UTF-8 without control characters; owned by the reader */
    size_t len;           /* bytes */
    size_t source_line;   /* 1-based line in its file (0 for HTML and feeds) */
    size_t source_offset; /* byte offset of text in its file: source_map[0] (0 for words the
                           * program made) */
    size_t index;         /* 0-based block number in this file */
    const struct es_region *region; /* conventions to read it with, set by the pipeline from the
                                     * whole article; NULL: guessed from the block alone */
    /* Per byte of text, its offset in its file (NULL for words the program made): bytes [s, e)
     * of text come from bytes [source_map[s], source_map[e - 1] + 1) of the file. Exact for
     * plain text and Markdown; for pages and feeds, exact for the words written as they are in
     * the file (no entity, UTF-8), else the place reached so far. Never decreasing; owned by
     * the reader. */
    const size_t *source_map;
} block;

/* Raw bytes in one block at most: longer lines and paragraphs are cut at a sentence
 * end, else a space, else a character boundary. Bounds memory and each synthesizer call. */
enum { READER_BLOCK_MAX = 4096 };

/* A growing list of byte offsets. */
typedef struct {
    size_t *items;
    size_t count, cap;
} reader_offsets;

/* Appends n offsets: from, from + 1, ... when step, else n times from. False when out of memory. */
bool reader_offsets_add(reader_offsets *o, size_t from, size_t n, bool step);
void reader_offsets_free(reader_offsets *o);

/* How the format readers hand over blocks (text in raw bytes, not yet cleaned; src: the offset
 * in the input of each byte of text, never decreasing, or NULL for pages and feeds, whose words
 * are found in the document later, from line: where the text starts, 0 when unknown).
 * Returns false when memory runs out. */
typedef bool (*reader_emit_fn)(void *user, block_kind kind, size_t article, const char *text,
                               size_t len, const size_t *src, size_t line);

#endif
