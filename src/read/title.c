/* title.c - "bad\xff name\x01.txt" -> "badÿ name"; a 400-byte heading -> its first 255 bytes'
 * words. */
#include "title.h"

#include <string.h>

/* Removes U+FFFE and U+FFFF, which XML 1.0 does not allow (the reader keeps them), and the
 * spaces that leaves doubled or at either end. */
static void drop_nonchars(strbuf *s)
{
    size_t o = 0;
    for (size_t i = 0; i < s->len; i++) {
        if (i + 2 < s->len && memcmp(s->data + i, "\xef\xbf", 2) == 0 &&
            (s->data[i + 2] == '\xbe' || s->data[i + 2] == '\xbf')) {
            i += 2;
            continue;
        }
        if (s->data[i] == ' ' && (o == 0 || s->data[o - 1] == ' ')) continue;
        s->data[o++] = s->data[i];
    }
    while (o && s->data[o - 1] == ' ')
        o--;
    s->len = o;
    if (s->data) s->data[o] = '\0';
}

bool title_clean(const char *text, size_t len, size_t max, strbuf *out)
{
    sb_clear(out);
    strbuf piece = {0};
    bool ok = true, legacy;
    /* the pieces between control bytes (never inside a UTF-8 character), a space apart */
    for (size_t i = 0; ok && i <= len;) {
        size_t j = i;
        while (j < len && (unsigned char)text[j] >= 0x20 && text[j] != 0x7F)
            j++;
        ok = reader_clean_line(text + i, j - i, &piece, &legacy) &&
             (!piece.len || sb_word(out, sb_str(&piece)));
        i = j + 1;
    }
    sb_free(&piece);
    if (!ok) return false;
    drop_nonchars(out);
    if (out->len <= max) return true;
    out->len = reader_cut_point(out->data, out->len, max);
    while (out->len && out->data[out->len - 1] == ' ')
        out->len--;
    out->data[out->len] = '\0';
    return true;
}

bool title_of_article(const block *first, const char *path, strbuf *out)
{
    sb_clear(out);
    if (first && (first->kind == BLOCK_HEADING || first->kind == BLOCK_TITLE))
        return title_clean(first->text, first->len, TITLE_MAX, out);
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t len = dot && dot > base ? (size_t)(dot - base) : strlen(base);
    if (strcmp(base, "-") != 0 && !title_clean(base, len, TITLE_MAX, out)) return false;
    return out->len || sb_puts(out, "Artículo");
}
