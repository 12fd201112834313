/* read_markdown.h - Markdown line by line into blocks: headings, paragraphs, quotes, list items. */
#ifndef LOC_READ_MARKDOWN_H
#define LOC_READ_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "reader.h"
#include "strbuf.h"

typedef struct {
    strbuf text;     /* the block being gathered, Markdown marks still in */
    strbuf plain;    /* scratch: the block with its marks removed */
    block_kind kind; /* of text */
    bool open;       /* text holds a block */
    bool fence;      /* inside a ``` code fence */
} markdown;

/* Takes one line (without its newline). continued: the line is the rest of a long line
 * already given in pieces. Emits the blocks the line ends. False when out of memory. */
bool markdown_line(markdown *m, const char *line, size_t len, bool continued, reader_emit_fn emit,
                   void *user);
/* Emits the last block. */
bool markdown_end(markdown *m, reader_emit_fn emit, void *user);
void markdown_free(markdown *m);
/* The words of one block: emphasis marks, link targets, images and HTML tags dropped. */
bool markdown_inline(const char *s, size_t n, strbuf *out);

#endif
