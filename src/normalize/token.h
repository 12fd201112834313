/* token.h - split a block of UTF-8 text into words, numbers, punctuation, symbols, spaces. */
#ifndef LOC_TOKEN_H
#define LOC_TOKEN_H

#include <stddef.h>

#include "arena.h"
#include "utf8.h" /* utf8_decode, once the tokenizer's own */

typedef enum { TOK_WORD, TOK_NUMBER, TOK_PUNCT, TOK_SYMBOL, TOK_SPACE } token_kind;

typedef struct {
    token_kind kind;
    size_t start; /* byte offset in the block text */
    size_t len;   /* bytes */
} token;

typedef struct {
    token *items; /* arena-owned */
    size_t count;
} token_list;

/* Tokenizes text (NFC UTF-8, len bytes) into tokens allocated in a.
 * Letters and marks make words; ASCII digits make numbers; each punctuation
 * or symbol character is its own token. Returns 0 on success, -1 when out of memory. */
int tokenize(const char *text, size_t len, arena *a, token_list *out);

#endif
