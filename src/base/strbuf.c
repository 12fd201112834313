/* strbuf.c - growable string buffer used by every stage that builds text. */
#include "strbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool reserve(strbuf *sb, size_t extra)
{
    if (sb->len + extra + 1 <= sb->cap) return true;
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap < sb->len + extra + 1)
        cap *= 2;
    char *p = realloc(sb->data, cap);
    if (!p) return false;
    sb->data = p;
    sb->cap = cap;
    return true;
}

bool sb_append(strbuf *sb, const char *s, size_t n)
{
    if (!reserve(sb, n)) return false;
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
    return true;
}

bool sb_puts(strbuf *sb, const char *s)
{
    return sb_append(sb, s, strlen(s));
}

bool sb_putc(strbuf *sb, char c)
{
    return sb_append(sb, &c, 1);
}

bool sb_word(strbuf *sb, const char *s)
{
    return sb_wordn(sb, s, strlen(s));
}

bool sb_wordn(strbuf *sb, const char *s, size_t n)
{
    if (n == 0) return true;
    bool space = sb->len > 0 && sb->data[sb->len - 1] != ' ';
    if (!reserve(sb, n + space)) return false;
    if (space) sb->data[sb->len++] = ' ';
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
    return true;
}

bool sb_printf(strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(sb, (size_t)n)) return false;
    va_start(ap, fmt);
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
    return true;
}

void sb_clear(strbuf *sb)
{
    sb->len = 0;
    if (sb->data) sb->data[0] = '\0';
}

void sb_free(strbuf *sb)
{
    free(sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
}

const char *sb_str(const strbuf *sb)
{
    return sb->data ? sb->data : "";
}
