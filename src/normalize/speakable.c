/* speakable.c - the filter at the espeak-ng boundary: its Spanish voice gets only what it can
 * say. espeak-ng 1.51 reads freed memory on Hangul jamo (U+1180-U+11FF) and spells most other
 * letters as "símbolo" and a hexadecimal number. */
#include "speakable.h"

#include <iconv.h>
#include <string.h>

#include <utf8proc.h>

typedef struct {
    const char *text;
    size_t kept;  /* text[kept, i) is unchanged and not yet in out */
    bool changed; /* out holds what text[0, kept) became */
    bool gap;     /* something was dropped: a space before the next word */
    bool ssml;
    strbuf *out;
    iconv_t cd; /* to ASCII//TRANSLIT, opened on the first letter utf8proc cannot simplify */
} filter;

bool speakable_char(int32_t cp)
{
    if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
    if (cp <= 0x17F) return cp >= 0xA0 && cp != 0xAD && cp != 0x149 && cp != 0x17F;
    if (cp <= 0x3CE) return cp >= 0x386 && cp != 0x387 && cp != 0x38B && cp != 0x38D && cp != 0x3A2;
    return (cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) || cp == 0x20AC;
}

/* Punctuation written against the word before it. */
static bool attaches_left(const char *s, size_t n)
{
    return strchr(",.;:?!)]", s[0]) || (n >= 2 && strncmp(s, "»", 2) == 0) ||
           (n >= 3 && (strncmp(s, "…", 3) == 0 || strncmp(s, "”", 3) == 0));
}

/* Appends s[0, n) to out where something was dropped before it: the spaces around it become
 * one, none before punctuation ("a 😀." -> "a.", not "a ." on which espeak-ng 1.51 reads
 * uninitialised memory). */
static bool put(filter *f, const char *s, size_t n)
{
    strbuf *out = f->out;
    if (f->gap) {
        while (n && s[0] == ' ')
            s++, n--;
        if (!n) return true;
        f->gap = false;
        bool after_space = out->len && out->data[out->len - 1] == ' ';
        if (attaches_left(s, n)) {
            if (after_space) out->data[--out->len] = '\0';
        } else if (out->len && !after_space && !sb_putc(out, ' ')) {
            return false;
        }
    }
    return sb_append(out, s, n);
}

/* Moves the unchanged bytes before end into out, and skips text up to next. */
static bool take_until(filter *f, size_t end, size_t next)
{
    if (!f->changed) sb_clear(f->out);
    f->changed = true;
    bool ok = put(f, f->text + f->kept, end - f->kept);
    f->kept = next;
    return ok;
}

/* What was dropped becomes a space if a word follows (see put). */
static bool put_space(filter *f)
{
    f->gap = true;
    return true;
}

static const char *const escapes[0x3F] = {
    ['&'] = "&amp;", ['<'] = "&lt;", ['>'] = "&gt;", ['"'] = "&quot;", ['\''] = "&apos;"};

/* Appends code points a transliteration made (all speakable_char), escaped inside SSML. */
static bool put_chars(filter *f, const int32_t *cps, size_t n)
{
    char buf[6 * 4 * 18]; /* each of up to 18 code points escaped ("&quot;") or 4 bytes */
    size_t len = 0;
    for (size_t i = 0; i < n && i < 18; i++) {
        const char *esc = f->ssml && cps[i] >= 0 && cps[i] < 0x3F ? escapes[cps[i]] : NULL;
        if (esc) {
            memcpy(buf + len, esc, strlen(esc));
            len += strlen(esc);
        } else {
            len += (size_t)utf8proc_encode_char(cps[i], (utf8proc_uint8_t *)buf + len);
        }
    }
    return put(f, buf, len);
}

/* A combining mark joins the character out ends with when they compose into a speakable one
 * ("e" U+0301 -> "é"); otherwise (or after something dropped) it is dropped. */
static bool put_mark(filter *f, int32_t mark)
{
    strbuf *out = f->out;
    if (out->len == 0 || f->gap) return true;
    size_t p = out->len - 1;
    while (p > 0 && ((unsigned char)out->data[p] & 0xC0) == 0x80)
        p--;
    utf8proc_int32_t pair[2] = {0, mark};
    if (utf8proc_iterate((const utf8proc_uint8_t *)out->data + p, (utf8proc_ssize_t)(out->len - p),
                         &pair[0]) <= 0)
        return true;
    if (utf8proc_normalize_utf32(pair, 2, UTF8PROC_STABLE | UTF8PROC_COMPOSE) != 1 ||
        !speakable_char(pair[0]))
        return true;
    out->len = p;
    utf8proc_uint8_t buf[4];
    return sb_append(out, (const char *)buf, (size_t)utf8proc_encode_char(pair[0], buf));
}

/* Letters without a decomposition that iconv does not know either. */
static int32_t own_latin(int32_t cp)
{
    switch (cp) {
    case 0x18F: /* Ə, Azerbaijani (Əliyev) */
        return 'E';
    case 0x259: /* ə */
    case 0x1DD: /* ǝ */
        return 'e';
    default:
        return 0;
    }
}

/* Whether the character after the one being replaced is a lower-case letter. */
static bool next_is_lower(const filter *f)
{
    utf8proc_int32_t cp;
    return utf8proc_iterate((const utf8proc_uint8_t *)f->text + f->kept, -1, &cp) > 0 &&
           utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/* glibc's transliteration of a letter to ASCII letters, 0 bytes when it has none. locutor never
 * calls setlocale, so this is the C locale's table: Cyrillic ("Ж" -> "ZH"), not CJK, Arabic,
 * Hebrew or Hangul. */
static size_t iconv_latin(filter *f, int32_t cp, char *dst, size_t cap)
{
    if (f->cd == (iconv_t)-1) f->cd = iconv_open("ASCII//TRANSLIT", "UTF-8");
    if (f->cd == (iconv_t)-1) return 0;
    char src[4];
    char *in = src, *o = dst;
    size_t inleft = (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)src), left = cap;
    size_t rc = iconv(f->cd, &in, &inleft, &o, &left);
    iconv(f->cd, NULL, NULL, NULL, NULL);
    size_t n = cap - left;
    if (rc == (size_t)-1 || inleft || n == 0) return 0;
    for (size_t i = 0; i < n; i++) {
        char c = dst[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\'')) return 0;
    }
    return n;
}

/* The Latin (or plain Greek) form of cp: compatibility decomposition without marks ("ễ" -> "e",
 * "①" -> "1", "ﬁ" -> "fi", "ἀ" -> "α"), then for a letter glibc's; a space when there is none. */
static bool put_transliteration(filter *f, int32_t cp, bool letter)
{
    utf8proc_int32_t cps[18];
    int bound = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, cps, 18, UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &bound);
    bool fits = n > 0 && n <= 18 && !(n == 1 && cps[0] == cp);
    for (utf8proc_ssize_t i = 0; fits && i < n; i++)
        fits = speakable_char(cps[i]);
    if (fits) return put_chars(f, cps, (size_t)n);
    if (!letter) return put_space(f);
    if ((cps[0] = own_latin(cp))) return put_chars(f, cps, 1);
    char ascii[16];
    size_t len = iconv_latin(f, cp, ascii, sizeof ascii - 1);
    bool title = len > 1 && next_is_lower(f); /* "Юлия" -> "Yuliya", not "YUliya" */
    for (size_t i = 0; i < len; i++)
        cps[i] = (unsigned char)(i && title && ascii[i] >= 'A' && ascii[i] <= 'Z' ? ascii[i] + 32
                                                                                  : ascii[i]);
    return len ? put_chars(f, cps, len) : put_space(f);
}

/* What replaces cp (not speakable_char), by its Unicode category. */
static bool put_replacement(filter *f, int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return put_mark(f, cp);
    case UTF8PROC_CATEGORY_CF: /* joiners, direction marks, soft hyphen, byte order mark */
        return true;
    case UTF8PROC_CATEGORY_CN: /* unassigned */
    case UTF8PROC_CATEGORY_CO: /* private use */
    case UTF8PROC_CATEGORY_CS: /* surrogates */
    case UTF8PROC_CATEGORY_CC: /* controls */
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return put_space(f);
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
        return put_transliteration(f, cp, true);
    default:
        return put_transliteration(f, cp, false);
    }
}

const char *speakable(const char *text, bool ssml, strbuf *out)
{
    filter f = {.text = text, .ssml = ssml, .out = out, .cd = (iconv_t)-1};
    size_t n = strlen(text);
    bool ok = true;
    for (size_t i = 0; i < n && ok;) {
        unsigned char b = (unsigned char)text[i];
        if (b >= 0x20 && b < 0x7F) { /* the usual case: kept where it is */
            const char *gt = ssml && b == '<' ? strchr(text + i, '>') : NULL;
            i = gt ? (size_t)(gt - text) + 1 : i + 1; /* a tag is copied as it is */
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k =
            utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k > 0 && speakable_char(cp)) {
            i += (size_t)k;
            continue;
        }
        size_t next = i + (k > 0 ? (size_t)k : 1);
        ok = take_until(&f, i, next) && (k > 0 ? put_replacement(&f, cp) : put_space(&f));
        i = next;
    }
    if (f.cd != (iconv_t)-1) iconv_close(f.cd);
    if (!ok || (f.changed && !take_until(&f, n, n))) return NULL;
    return f.changed ? sb_str(out) : text;
}
