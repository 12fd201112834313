/* token.c - tokenizer: "KCNA, 2024." -> WORD PUNCT SPACE NUMBER PUNCT. */
#include "token.h"

#include <stdbool.h>

#include <utf8proc.h>

static token_kind kind_of(int cp)
{
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return TOK_WORD; /* the usual case */
    if (cp == ' ') return TOK_SPACE;
    if (cp >= '0' && cp <= '9') return TOK_NUMBER;
    if (cp == '\t' || cp == '\n' || cp == '\r') return TOK_SPACE;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return TOK_WORD;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return TOK_SPACE;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        return TOK_PUNCT;
    default:
        return TOK_SYMBOL;
    }
}

static bool is_apostrophe(int cp)
{
    return cp == '\'' || cp == 0x2019;
}

int tokenize(const char *text, size_t len, arena *a, token_list *out)
{
    size_t cap = 16 + len / 2, count = 0; /* words and spaces alternate: rarely grows */
    token *items = arena_alloc_raw(a, cap * sizeof *items);
    if (!items) return -1;
    size_t i = 0;
    while (i < len) {
        size_t size;
        token_kind kind = kind_of(utf8_decode(text + i, len - i, &size));
        size_t end = i + size;
        if (kind == TOK_WORD) /* plain ASCII letters: no decoding needed */
            while (end < len && ((text[end] | 0x20) >= 'a' && (text[end] | 0x20) <= 'z'))
                end++;
        if (kind == TOK_WORD || kind == TOK_NUMBER || kind == TOK_SPACE) {
            while (end < len) {
                size_t next;
                int cp = utf8_decode(text + end, len - end, &next);
                if (kind == TOK_WORD && is_apostrophe(cp) && end + next < len) {
                    /* O'Donnell, d'Hondt, McDonald's: an apostrophe between letters */
                    size_t after;
                    if (kind_of(utf8_decode(text + end + next, len - end - next, &after)) ==
                        TOK_WORD) {
                        end += next + after;
                        continue;
                    }
                }
                if (kind_of(cp) != kind) break;
                end += next;
            }
        }
        if (count == cap) {
            token *bigger = arena_alloc_raw(a, 2 * cap * sizeof *items);
            if (!bigger) return -1;
            for (size_t k = 0; k < count; k++)
                bigger[k] = items[k];
            items = bigger;
            cap *= 2;
        }
        items[count++] = (token){kind, i, end - i};
        i = end;
    }
    out->items = items;
    out->count = count;
    return 0;
}
