/* utf8.c - UTF-8 decoding and case mapping on utf8proc, with an ASCII fast path. */
#include "utf8.h"

#include <utf8proc.h>

/* Bytes of cp in UTF-8. */
static size_t cp_length(utf8proc_int32_t cp)
{
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

int utf8_decode(const char *s, size_t n, size_t *size)
{
    if ((unsigned char)s[0] < 0x80) {
        *size = 1;
        return (unsigned char)s[0];
    }
    utf8proc_int32_t cp;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
    if (k <= 0) {
        *size = 1;
        return 0xFFFD;
    }
    *size = (size_t)k;
    return cp;
}

bool utf8_valid(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        if ((unsigned char)s[i] < 0x80) { /* ASCII: nothing to decode */
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) return false;
        i += (size_t)k;
    }
    return true;
}

size_t utf8_lower(const char *s, size_t n, char *out, size_t outsize)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 4 < outsize;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* the usual case */
            out[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        unsigned char d = i + 1 < n ? (unsigned char)s[i + 1] : 0;
        if (c == 0xC3 && d >= 0x80 && d <= 0xBF) { /* Latin-1 (Á É Ñ...), as utf8proc maps it */
            out[o++] = (char)c;
            out[o++] = (char)(d <= 0x9E && d != 0x97 ? d + 0x20 : d); /* not × nor ß */
            i += 2;
            continue;
        }
        size_t size;
        int cp = utf8_decode(s + i, n - i, &size);
        utf8proc_int32_t low = cp == 0xFFFD ? cp : utf8proc_tolower(cp);
        if (cp == 0xFFFD || cp_length(low) != size) {
            for (size_t k = 0; k < size; k++) /* as it is: invalid, or a length change */
                out[o++] = s[i + k];
        } else
            o += (size_t)utf8proc_encode_char(low, (utf8proc_uint8_t *)out + o);
        i += size;
    }
    out[o] = '\0';
    return o;
}

bool utf8_starts_upper(const char *s, size_t n)
{
    if (n == 0) return false;
    unsigned char c = (unsigned char)s[0];
    if (c < 0x80) return c >= 'A' && c <= 'Z';
    size_t size;
    return utf8proc_category(utf8_decode(s, n, &size)) == UTF8PROC_CATEGORY_LU;
}

void utf8_capitalize_at(strbuf *out, size_t at)
{
    if (at >= out->len) return;
    unsigned char *p = (unsigned char *)out->data + at;
    if (p[0] < 0x80) {
        if (p[0] >= 'a' && p[0] <= 'z') p[0] = (unsigned char)(p[0] - 32);
        return;
    }
    size_t size;
    int cp = utf8_decode(out->data + at, out->len - at, &size);
    utf8proc_int32_t up = utf8proc_toupper(cp);
    if (cp != 0xFFFD && up != cp && cp_length(up) == size) utf8proc_encode_char(up, p);
}
