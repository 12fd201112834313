/* strbuf.h - a growable, always NUL-terminated byte string. */
#ifndef LOC_STRBUF_H
#define LOC_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    char *data; /* owned; NUL-terminated when cap > 0 */
    size_t len;
    size_t cap;
} strbuf;

/* All appenders return false only when memory runs out. */
bool sb_append(strbuf *sb, const char *s, size_t n);
bool sb_puts(strbuf *sb, const char *s);
bool sb_putc(strbuf *sb, char c);
/* Appends s with a single space before it unless sb is empty or ends in space. */
bool sb_word(strbuf *sb, const char *s);
/* sb_word for the first n bytes of s. */
bool sb_wordn(strbuf *sb, const char *s, size_t n);
bool sb_printf(strbuf *sb, const char *fmt, ...);
void sb_clear(strbuf *sb);
void sb_free(strbuf *sb);
/* Returns the text, "" when nothing was appended (never NULL). */
const char *sb_str(const strbuf *sb);

#endif
