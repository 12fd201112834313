/* reader.c - plain-text articles: one block per line, short unpunctuated lines are headings. */
#include "reader.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>

struct reader {
    FILE *f;
    bool owns_file;
    char *line; /* getline buffer */
    size_t cap;
    strbuf clean;
    size_t lineno, blocks;
    size_t offset; /* bytes of the file before the current line */
    bool legacy;
};

/* Longest line, in characters, that can still be a heading. */
enum { HEADING_MAX_CHARS = 100 };

reader *reader_open(const char *path, loc_status *st)
{
    reader *r = calloc(1, sizeof *r);
    if (!r) {
        *st = LOC_ERR_NOMEM;
        return NULL;
    }
    if (strcmp(path, "-") == 0) {
        r->f = stdin;
        return r;
    }
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        errno = EISDIR;
        free(r);
        *st = LOC_ERR_INPUT_OPEN;
        return NULL;
    }
    r->f = fopen(path, "rb");
    if (!r->f) {
        free(r);
        *st = LOC_ERR_INPUT_OPEN;
        return NULL;
    }
    r->owns_file = true;
    return r;
}

void reader_close(reader *r)
{
    if (!r) return;
    if (r->owns_file) fclose(r->f);
    free(r->line);
    sb_free(&r->clean);
    free(r);
}

bool reader_was_legacy(const reader *r)
{
    return r->legacy;
}

/* Windows-1252 bytes 0x80..0x9F as Unicode; the rest of the range is Latin-1. */
static const unsigned short cp1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

/* Decodes one UTF-8 sequence at s (n bytes left); returns its length, or 0 when invalid. */
static size_t decode_utf8(const unsigned char *s, size_t n, int32_t *cp)
{
    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
    if (len == 0 || len > n || s[0] > 0xF4) return 0;
    int32_t v = s[0] & (0x7F >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80) return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    static const int32_t min[] = {0, 0, 0x80, 0x800, 0x10000};
    if (v < min[len] || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    *cp = v;
    return len;
}

static bool valid_utf8(const char *line, size_t len)
{
    for (size_t i = 0; i < len;) {
        int32_t cp;
        size_t k = decode_utf8((const unsigned char *)line + i, len - i, &cp);
        if (!k) return false;
        i += k;
    }
    return true;
}

/* Control and format characters are dropped (tab and no-break spaces become spaces). */
static bool dropped(int32_t cp)
{
    if (cp < 0x80) return cp < 0x20 || cp == 0x7F;
    if (cp < 0x300) return cp < 0xA0 || cp == 0xAD;
    if (cp == 0xFFFD || cp == 0xFEFF) return true;
    utf8proc_category_t cat = utf8proc_category(cp);
    return cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF;
}

/* Text made only of these code points is already NFC: no combining marks, no singletons. */
static bool nfc_stable(int32_t cp)
{
    return cp < 0x300 || (cp >= 0x2002 && cp <= 0x20CF);
}

bool reader_clean_line(const char *line, size_t len, strbuf *out, bool *legacy)
{
    sb_clear(out);
    *legacy = !valid_utf8(line, len);
    bool ok = true, needs_nfc = false;
    for (size_t i = 0; i < len && ok;) {
        int32_t cp;
        size_t plain = 0; /* a run of printable ASCII other than spaces goes in at once */
        while (i + plain < len && line[i + plain] > ' ' && line[i + plain] < 0x7F)
            plain++;
        if (plain) {
            ok = sb_append(out, line + i, plain);
            i += plain;
            continue;
        }
        if (*legacy) {
            unsigned char b = (unsigned char)line[i++];
            cp = b >= 0x80 && b < 0xA0 ? cp1252[b - 0x80] : b;
        } else {
            i += decode_utf8((const unsigned char *)line + i, len - i, &cp);
        }
        if (cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == 0x2009) cp = ' ';
        if (dropped(cp)) continue;
        if (cp == ' ' && (out->len == 0 || out->data[out->len - 1] == ' ')) continue;
        needs_nfc |= !nfc_stable(cp);
        if (cp < 0x80) {
            ok = sb_putc(out, (char)cp);
        } else {
            utf8proc_uint8_t buf[4];
            ok = sb_append(out, (const char *)buf, (size_t)utf8proc_encode_char(cp, buf));
        }
    }
    while (ok && out->len && out->data[out->len - 1] == ' ')
        out->data[--out->len] = '\0';
    if (!ok || !needs_nfc) return ok;
    utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)sb_str(out));
    if (!nfc) return false;
    sb_clear(out);
    ok = sb_puts(out, (const char *)nfc);
    free(nfc);
    return ok;
}

block_kind reader_kind_of(const char *text, size_t len)
{
    if (len > 1 && text[0] == '#') return BLOCK_HEADING;
    size_t chars = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)text[i] & 0xC0) != 0x80) chars++;
    if (chars > HEADING_MAX_CHARS || len == 0) return BLOCK_PARAGRAPH;
    static const char *const final_marks[] = {".", "!", "?", "…",  ":", ";",
                                              ",", "»", "”", "\"", ")"};
    for (size_t i = 0; i < sizeof final_marks / sizeof *final_marks; i++) {
        size_t k = strlen(final_marks[i]);
        if (len >= k && memcmp(text + len - k, final_marks[i], k) == 0) return BLOCK_PARAGRAPH;
    }
    return BLOCK_HEADING;
}

loc_status reader_next(reader *r, block *out, bool *got)
{
    *got = false;
    for (;;) {
        errno = 0;
        ssize_t n = getline(&r->line, &r->cap, r->f);
        if (n < 0) return ferror(r->f) ? LOC_ERR_INPUT_READ : LOC_OK;
        r->lineno++;
        size_t line_offset = r->offset, lead = 0;
        r->offset += (size_t)n;
        while (lead < (size_t)n && (r->line[lead] == ' ' || r->line[lead] == '\t'))
            lead++;
        if ((size_t)n - lead >= 3 && memcmp(r->line + lead, "\xef\xbb\xbf", 3) == 0) lead += 3;
        if (!reader_clean_line(r->line, (size_t)n, &r->clean, &r->legacy)) return LOC_ERR_NOMEM;
        if (r->clean.len == 0) continue;
        const char *text = r->clean.data;
        size_t len = r->clean.len;
        block_kind kind = reader_kind_of(text, len);
        if (text[0] == '#') { /* Markdown heading: drop the marks */
            while (len && (*text == '#' || *text == ' '))
                text++, len--;
            if (!len) continue;
        }
        out->kind = kind;
        out->source_offset = line_offset + lead + (size_t)(text - r->clean.data);
        out->text = text;
        out->len = len;
        out->source_line = r->lineno;
        out->index = r->blocks++;
        *got = true;
        return LOC_OK;
    }
}
