/* reader.c - plain-text articles: one block per line, short unpunctuated lines are headings. */
#include "reader.h"

#include <errno.h>
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

static bool append_cp(strbuf *sb, utf8proc_int32_t cp)
{
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t n = utf8proc_encode_char(cp, buf);
    return sb_append(sb, (const char *)buf, (size_t)n);
}

bool reader_clean_line(const char *line, size_t len, strbuf *out, bool *legacy)
{
    strbuf utf8 = {0};
    sb_clear(out);
    *legacy =
        utf8proc_decompose((const utf8proc_uint8_t *)line, (utf8proc_ssize_t)len, NULL, 0, 0) < 0;
    bool ok = true;
    for (size_t i = 0; i < len && ok;) {
        utf8proc_int32_t cp;
        if (*legacy) {
            unsigned char b = (unsigned char)line[i++];
            cp = b >= 0x80 && b < 0xA0 ? cp1252[b - 0x80] : b;
        } else {
            i += (size_t)utf8proc_iterate((const utf8proc_uint8_t *)line + i,
                                          (utf8proc_ssize_t)(len - i), &cp);
        }
        if (cp == 0xFEFF) continue; /* byte-order mark */
        if (cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == 0x2009) cp = ' ';
        utf8proc_category_t cat = utf8proc_category(cp);
        if (cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF || cp == 0xFFFD) continue;
        ok = append_cp(&utf8, cp);
    }
    if (!ok) {
        sb_free(&utf8);
        return false;
    }
    utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)sb_str(&utf8));
    sb_free(&utf8);
    if (!nfc) return false;
    const char *s = (const char *)nfc;
    size_t n = strlen(s);
    while (n && s[n - 1] == ' ')
        n--;
    while (n && *s == ' ')
        s++, n--;
    ok = sb_append(out, s, n) && sb_puts(out, "");
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
        out->text = text;
        out->len = len;
        out->source_line = r->lineno;
        out->index = r->blocks++;
        *got = true;
        return LOC_OK;
    }
}
