/* read_markdown.c - "## **Kim** en [Wonsan](http://x)" -> HEADING "Kim en Wonsan". */
#include "read_markdown.h"

#include <string.h>

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

static bool is_punct(char c)
{
    return c && strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) != NULL;
}

/* How far ahead a closing bracket or backtick is looked for (keeps hostile text linear). */
enum { LOOKAHEAD = 1024 };

/* Index of the bracket closing s[open] ('[' or '('), or n when there is none near. */
static size_t closing(const char *s, size_t n, size_t open)
{
    char o = s[open], c = o == '[' ? ']' : ')';
    int depth = 0;
    size_t end = n - open > LOOKAHEAD ? open + LOOKAHEAD : n;
    for (size_t i = open; i < end; i++) {
        if (s[i] == '\\') {
            i++;
            continue;
        }
        if (s[i] == o) depth++;
        if (s[i] == c && --depth == 0) return i;
    }
    return n;
}

/* After "[text]" at i: "(url)" or "[ref]"; returns the index past it, or i when neither. */
static size_t link_tail(const char *s, size_t n, size_t i)
{
    if (i < n && (s[i] == '(' || s[i] == '[')) {
        size_t e = closing(s, n, i);
        if (e < n) return e + 1;
    }
    return i;
}

/* A run of * _ or ~ is emphasis when it opens before a word or closes after one. */
static bool emphasis(const char *s, size_t n, size_t i, size_t k)
{
    char p = i ? s[i - 1] : ' ', q = i + k < n ? s[i + k] : ' ';
    bool left = !is_space(q) && (is_space(p) || is_punct(p));
    bool right = !is_space(p) && (is_space(q) || is_punct(q));
    return left || right;
}

/* Where markdown_inline writes: the words, and with src the input offset of each byte. */
typedef struct {
    strbuf *out;
    const char *s;
    const size_t *src; /* of each byte of s; NULL when not wanted */
    reader_offsets *map;
} words;

/* Copies s[i, i + k) to the words. */
static bool put(words *w, size_t i, size_t k)
{
    if (w->src && k) {
        if (!reader_offsets_add(w->map, 0, k, false)) return false;
        memcpy(w->map->items + w->map->count - k, w->src + i, k * sizeof *w->src);
    }
    return sb_append(w->out, w->s + i, k);
}

bool markdown_inline(const char *s, size_t n, strbuf *out)
{
    return markdown_inline_map(s, n, NULL, out, NULL);
}

bool markdown_inline_map(const char *s, size_t n, const size_t *src, strbuf *out,
                         reader_offsets *map)
{
    words w = {out, s, src, map};
    size_t text_end = n, skip_to = n; /* a link's "](url)" is skipped when reached */
    bool ok = true;
    for (size_t i = 0; i < n && ok;) {
        char c = s[i];
        if (i == text_end) {
            i = skip_to;
            text_end = skip_to = n;
        } else if (c == '\\' && i + 1 < n && is_punct(s[i + 1])) {
            ok = put(&w, i + 1, 1);
            i += 2;
        } else if (c == '`') {
            size_t k = 0;
            while (i + k < n && s[i + k] == '`')
                k++;
            const char *end = NULL;
            for (size_t j = i + k; j + k <= n && j < i + LOOKAHEAD && !end; j++)
                if (s[j] == '`') {
                    size_t m = 0;
                    while (j + m < n && s[j + m] == '`')
                        m++;
                    if (m == k) end = s + j;
                    j += m - 1;
                }
            if (end) {
                ok = put(&w, i + k, (size_t)(end - (s + i + k)));
                i = (size_t)(end - s) + k;
            } else {
                ok = put(&w, i, k);
                i += k;
            }
        } else if (c == '!' && i + 1 < n && s[i + 1] == '[' && closing(s, n, i + 1) < n) {
            size_t e = closing(s, n, i + 1);
            i = link_tail(s, n, e + 1); /* images are not read */
        } else if (c == '[' && text_end == n && closing(s, n, i) < n &&
                   link_tail(s, n, closing(s, n, i) + 1) > closing(s, n, i) + 1) {
            text_end = closing(s, n, i);
            skip_to = link_tail(s, n, text_end + 1);
            i++;
        } else if (c == '<') {
            size_t e = i + 1;
            while (e < n && s[e] != '>' && s[e] != '<')
                e++;
            char f = i + 1 < n ? (char)(s[i + 1] | 0x20) : 0;
            bool tag = e < n && s[e] == '>' &&
                       ((f >= 'a' && f <= 'z') || f == '/' || f == '!' || s[i + 1] == '?');
            bool autolink = tag && memchr(s + i, ':', e - i) && !memchr(s + i, ' ', e - i);
            if (autolink)
                ok = put(&w, i + 1, e - i - 1);
            else if (!tag)
                ok = put(&w, i, 1);
            i = tag ? e + 1 : i + 1;
        } else if (c == '*' || c == '_' || c == '~') {
            size_t k = 0;
            while (i + k < n && s[i + k] == c)
                k++;
            if (!emphasis(s, n, i, k)) ok = put(&w, i, k);
            i += k;
        } else {
            ok = put(&w, i, 1);
            i++;
        }
    }
    return ok;
}

static bool flush(markdown *m, reader_emit_fn emit, void *user)
{
    if (!m->open) return true;
    m->open = false;
    sb_clear(&m->plain);
    m->plain_src.count = 0;
    bool ok = markdown_inline_map(sb_str(&m->text), m->text.len, m->text_src.items, &m->plain,
                                  &m->plain_src) &&
              (m->plain.len == 0 ||
               emit(user, m->kind, 0, m->plain.data, m->plain.len, m->plain_src.items, 0));
    sb_clear(&m->text);
    m->text_src.count = 0;
    return ok;
}

/* Adds s[0, n) to the block, from offset src of the input (with a space before it when
 * space: the line break it stands for, at src - 1). */
static bool add(markdown *m, bool space, const char *s, size_t n, size_t src)
{
    return (!space ||
            (sb_putc(&m->text, ' ') && reader_offsets_add(&m->text_src, src - 1, 1, false))) &&
           sb_append(&m->text, s, n) && reader_offsets_add(&m->text_src, src, n, true);
}

static bool start(markdown *m, block_kind kind, const char *s, size_t n, size_t src,
                  reader_emit_fn emit, void *user)
{
    if (!flush(m, emit, user)) return false;
    m->open = true;
    m->kind = kind;
    return add(m, false, s, n, src);
}

/* Emits a line of a code fence as it is. */
static bool emit_line(markdown *m, const char *line, size_t len, size_t src, reader_emit_fn emit,
                      void *user)
{
    m->plain_src.count = 0;
    return reader_offsets_add(&m->plain_src, src, len, true) &&
           emit(user, BLOCK_PARAGRAPH, 0, line, len, m->plain_src.items, 0);
}

/* "---", "***", "___" (three or more, spaces allowed): c is the character, 0 if not a rule. */
static char rule(const char *s, size_t n)
{
    size_t count = 0;
    char c = n ? s[0] : 0;
    if (c != '-' && c != '*' && c != '_' && c != '=') return 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == c)
            count++;
        else if (!is_space(s[i]))
            return 0;
    }
    return count >= 3 || (c == '=' && count >= 1) ? c : 0;
}

/* "- x", "* x", "+ x", "1. x", "1) x": the length of the marker and its space, else 0. */
static size_t list_marker(const char *s, size_t n)
{
    size_t i = 0;
    if (n >= 2 && strchr("-*+", s[0]) && is_space(s[1])) return 2;
    while (i < n && i < 9 && s[i] >= '0' && s[i] <= '9')
        i++;
    if (i > 0 && i + 1 < n && (s[i] == '.' || s[i] == ')') && is_space(s[i + 1])) return i + 2;
    return 0;
}

bool markdown_line(markdown *m, const char *line, size_t len, size_t src, bool continued,
                   reader_emit_fn emit, void *user)
{
    if (continued) {
        if (m->fence) return emit_line(m, line, len, src, emit, user);
        if (!m->open) m->open = true, m->kind = BLOCK_PARAGRAPH;
        return add(m, false, line, len, src) &&
               (m->text.len < READER_BLOCK_MAX || flush(m, emit, user)); /* memory stays flat */
    }
    while (len && (line[len - 1] == '\r' || is_space(line[len - 1])))
        len--;
    size_t ind = 0;
    while (ind < len && is_space(line[ind]))
        ind++;
    const char *s = line + ind;
    size_t n = len - ind;
#define AT(p) (src + (size_t)((p)-line)) /* the input offset of p in line */
    bool fence = n >= 3 && (memcmp(s, "```", 3) == 0 || memcmp(s, "~~~", 3) == 0);
    if (m->fence) {
        if (fence) m->fence = false;
        return fence || len == 0 || emit_line(m, line, len, src, emit, user);
    }
    if (n == 0) return flush(m, emit, user);
    if (fence) {
        m->fence = true;
        return flush(m, emit, user);
    }
    char r = rule(s, n);
    if (r && (r == '=' || r == '-') && m->open && m->kind == BLOCK_PARAGRAPH) {
        m->kind = r == '=' ? BLOCK_TITLE : BLOCK_HEADING; /* Setext heading */
        return flush(m, emit, user);
    }
    if (r && r != '=') return flush(m, emit, user);
    size_t level = 0;
    while (level < n && level < 7 && s[level] == '#')
        level++;
    if (level >= 1 && level <= 6 && (level == n || is_space(s[level]))) {
        size_t e = n;
        while (e > level && (s[e - 1] == '#' || is_space(s[e - 1])))
            e--;
        return start(m, level == 1 ? BLOCK_TITLE : BLOCK_HEADING, s + level, e - level,
                     AT(s + level), emit, user) &&
               flush(m, emit, user);
    }
    if (s[0] == '>') {
        while (n && (s[0] == '>' || is_space(s[0])))
            s++, n--;
        if (n == 0) return flush(m, emit, user);
        if (m->open && m->kind == BLOCK_QUOTE)
            return add(m, true, s, n, AT(s)) &&
                   (m->text.len < READER_BLOCK_MAX || flush(m, emit, user));
        return start(m, BLOCK_QUOTE, s, n, AT(s), emit, user);
    }
    size_t k = list_marker(s, n);
    if (k) return start(m, BLOCK_LIST_ITEM, s + k, n - k, AT(s + k), emit, user);
    if (s[0] == '[' && closing(s, n, 0) + 1 < n && s[closing(s, n, 0) + 1] == ':')
        return true; /* [ref]: url */
    size_t t = 0;
    while (t < n && strchr("|:- ", s[t]) && s[t])
        t++;
    if (t == n && memchr(s, '|', n)) return true; /* a table's |---|---| */
    if (m->open && m->kind != BLOCK_TITLE && m->kind != BLOCK_HEADING)
        return add(m, true, s, n, AT(s)) &&
               (m->text.len < READER_BLOCK_MAX || flush(m, emit, user));
    return start(m, BLOCK_PARAGRAPH, s, n, AT(s), emit, user);
#undef AT
}

bool markdown_end(markdown *m, reader_emit_fn emit, void *user)
{
    m->fence = false;
    return flush(m, emit, user);
}

void markdown_free(markdown *m)
{
    sb_free(&m->text);
    sb_free(&m->plain);
    reader_offsets_free(&m->text_src);
    reader_offsets_free(&m->plain_src);
}
