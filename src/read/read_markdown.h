/* read_markdown.h - Markdown line by line into blocks: headings, paragraphs, quotes, list items. */
#ifndef LOC_READ_MARKDOWN_H
#define LOC_READ_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "block.h"
#include "strbuf.h"

typedef struct {
    strbuf text;     /* the block being gathered, Markdown marks still in */
    strbuf plain;    /* scratch: the block with its marks removed */
    block_kind kind; /* of text */
    bool open;       /* text holds a block */
    bool fence;      /* inside a ``` code fence */
    /* the input offset of each byte of text, of plain */
    reader_offsets text_src, plain_src;
} markdown;

/* Takes one line (without its newline) that starts at offset src of the input. continued: the
 * line is the rest of a long line already given in pieces. Emits the blocks the line ends (with
 * the input offset of each byte). False when out of memory. */
bool markdown_line(markdown *m, const char *line, size_t len, size_t src, bool continued,
                   reader_emit_fn emit, void *user);
/* Emits the last block. */
bool markdown_end(markdown *m, reader_emit_fn emit, void *user);
void markdown_free(markdown *m);
/* The words of one block: emphasis marks, link targets, images and HTML tags dropped. */
bool markdown_inline(const char *s, size_t n, strbuf *out);
/* markdown_inline, and the offset of each byte of out (from src, that of each byte of s) in map. */
bool markdown_inline_map(const char *s, size_t n, const size_t *src, strbuf *out,
                         reader_offsets *map);

#endif
