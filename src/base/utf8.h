/* utf8.h - UTF-8 decoding and case, one helper per concept (on utf8proc, ASCII fast). */
#ifndef LOC_UTF8_H
#define LOC_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* Decodes one UTF-8 code point at s (n bytes available); stores its length in *size.
 * Invalid bytes decode as U+FFFD with size 1. */
int utf8_decode(const char *s, size_t n, size_t *size);

/* True when the n bytes at s are all well-formed UTF-8 (no overlong forms, surrogates or
 * code points past U+10FFFF): where it is false, a reader falls back to Windows-1252. */
bool utf8_valid(const char *s, size_t n);

/* The n bytes at s in lower case into out (NUL-terminated, cut short to fit outsize):
 * "Ávila" -> "ávila". Returns the bytes written. */
size_t utf8_lower(const char *s, size_t n, char *out, size_t outsize);

/* True when the text at s (NUL-terminated or longer than its first letter) starts with a
 * capital letter: "Ávila" yes, "ávila", "×" and "3" no. */
bool utf8_starts_upper(const char *s, size_t n);

/* Writes the letter at byte at of out as a capital when its capital has the same length:
 * veintiuna -> Veintiuna, álister -> Álister. */
void utf8_capitalize_at(strbuf *out, size_t at);

#endif
