/* read_markup.c - <article><h1>Kim</h1><p>Dijo&nbsp;«sí».</p></article> -> TITLE "Kim", PARAGRAPH
 * "Dijo «sí»." */
#include "read_markup.h"

#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>

#include "read_date.h"

/* What a walk over a tree does at each element (return false to skip it), after it,
 * and at each piece of text. */
typedef struct visitor visitor;
struct visitor {
    bool (*enter)(visitor *v, xmlNode *n);
    void (*leave)(visitor *v, xmlNode *n);
    void (*text)(visitor *v, xmlNode *n, const char *s);
};

/* Depth-first over root and everything under it, without recursion (pages can nest
 * deeper than the stack). Entity references are not followed. */
static void walk(xmlNode *root, visitor *v)
{
    xmlNode *n = root;
    while (n) {
        if (n->type == XML_ELEMENT_NODE) {
            if (v->enter(v, n)) {
                if (n->children) {
                    n = n->children;
                    continue;
                }
                v->leave(v, n);
            }
        } else if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content) {
            v->text(v, n, (const char *)n->content);
        }
        while (n != root && !n->next) {
            n = n->parent;
            if (n->type == XML_ELEMENT_NODE) v->leave(v, n);
        }
        if (n == root) break;
        n = n->next;
    }
}

static bool named(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0;
}

static bool named_any(const xmlNode *n, const char *const *names)
{
    for (; *names; names++)
        if (named(n, *names)) return true;
    return false;
}

static const char *const skipped_elements[] = {
    "script", "style",    "nav",    "aside",  "form",  "noscript", "template", "svg",
    "iframe", "button",   "select", "figure", "head",  "object",   "canvas",   "dialog",
    "menu",   "textarea", "input",  "footer", "video", "audio",    "math",     NULL};

/* Words in a class or id that mark what is not the article: "cookie-banner", "share_bar". */
static const char *const skipped_words[] = {
    "cookie",   "cookies",    "consent",     "gdpr",         "newsletter",    "share",
    "sharing",  "social",     "related",     "advert",       "advertisement", "ad",
    "ads",      "promo",      "subscribe",   "subscription", "paywall",       "banner",
    "comments", "breadcrumb", "breadcrumbs", "sidebar",      "modal",         "popup",
    "menu",     NULL};

static bool has_skipped_word(const char *value)
{
    char word[32];
    size_t k = 0;
    for (const char *p = value;; p++) {
        char c = *p;
        bool sep = !c || c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\n';
        if (!sep && k < sizeof word - 1) word[k++] = c;
        if (sep) { /* class and id names: ASCII case, as HTML compares them */
            word[k] = '\0';
            for (size_t i = 0; k && skipped_words[i]; i++)
                if (strcasecmp(word, skipped_words[i]) == 0) return true;
            k = 0;
        }
        if (!c) return false;
    }
}

static bool attr_matches(xmlNode *n, const char *name, bool (*test)(const char *))
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    bool hit = v && test((const char *)v);
    xmlFree(v);
    return hit;
}

static bool is_true(const char *v)
{
    return strcasecmp(v, "true") == 0;
}

static bool hidden_style(const char *v)
{
    return strstr(v, "display:none") || strstr(v, "display: none");
}

static bool skipped_role(const char *v)
{
    static const char *const roles[] = {"navigation",    "banner", "contentinfo",
                                        "complementary", "dialog", "alertdialog",
                                        "search",        "menu",   NULL};
    for (size_t i = 0; roles[i]; i++)
        if (strcasecmp(v, roles[i]) == 0) return true;
    return false;
}

/* Navigation, scripts, forms, cookie banners and other parts that are not the article. */
static bool not_article(xmlNode *n, bool in_article)
{
    if (named_any(n, skipped_elements)) return true;
    if (!in_article && named(n, "header")) return true;
    return attr_matches(n, "class", has_skipped_word) || attr_matches(n, "id", has_skipped_word) ||
           attr_matches(n, "role", skipped_role) || attr_matches(n, "aria-hidden", is_true) ||
           attr_matches(n, "style", hidden_style) || xmlHasProp(n, (const xmlChar *)"hidden");
}

/* ---- Finding the article's body in a page ---- */

typedef struct {
    visitor v;
    int skip_depth;   /* > 0 inside something that is not the article (never entered) */
    xmlNode *article; /* the first <article>, <main> */
    xmlNode *main;
    size_t text;    /* bytes of text seen */
    size_t p_start; /* text when the current <p> began */
    xmlNode *best;  /* the parent with the most text in <p> children */
    uintptr_t best_score;
} scout;

static bool scout_enter(visitor *v, xmlNode *n)
{
    scout *s = (scout *)v;
    if (not_article(n, false)) return false;
    if (named(n, "article") && !s->article) s->article = n;
    if (named(n, "main") && !s->main) s->main = n;
    if (named(n, "p")) s->p_start = s->text;
    return true;
}

static void scout_leave(visitor *v, xmlNode *n)
{
    scout *s = (scout *)v;
    if (!named(n, "p") || !n->parent) return;
    uintptr_t score = (uintptr_t)n->parent->_private + (s->text - s->p_start);
    n->parent->_private = (void *)score;
    if (score > s->best_score) s->best_score = score, s->best = n->parent;
}

static void scout_text(visitor *v, xmlNode *n, const char *t)
{
    (void)n;
    ((scout *)v)->text += strlen(t);
}

/* ---- Where the words are in the document's bytes ---- */

/* How far a word is looked for past the last one found; a block's first word, further. */
enum { WORD_REACH = 4096, BLOCK_REACH = 65536 };
/* Words not found one after another before the rest of a block is not looked for (bounds the
 * time a page written in another encoding takes). */
enum { MISSES_MAX = 8 };

/* Where line (1-based; 0: unknown) starts in the document. */
static size_t line_start(markup_source *s, size_t line)
{
    if (line == 0) return 0;
    if (line < s->line || s->line == 0) s->line = 1, s->line_at = 0;
    while (s->line < line) {
        const char *nl = memchr(s->doc + s->line_at, '\n', s->len - s->line_at);
        if (!nl) break;
        s->line_at = (size_t)(nl - s->doc) + 1;
        s->line++;
    }
    return s->line_at;
}

/* True when offset p of the document is in a tag ("<a href=...>", its "<" too), judged from the
 * last "<" or ">" up to 1 KB before it. */
static bool in_tag(const markup_source *s, size_t p)
{
    for (size_t i = p + 1, stop = p > 1024 ? p - 1024 : 0; i-- > stop;) {
        char c = s->doc[i], next = i + 1 < s->len ? s->doc[i + 1] : ' ';
        if (c == '>' && i < p) return false;
        if (c == '<')
            return ((next | 0x20) >= 'a' && (next | 0x20) <= 'z') || next == '/' || next == '!' ||
                   next == '?';
    }
    return false;
}

/* The offset of w (k bytes) outside tags in the document, from from to at most reach bytes
 * further; SIZE_MAX when it is not there. */
static size_t find_word(const markup_source *s, size_t from, size_t reach, const char *w, size_t k)
{
    if (from >= s->len) return SIZE_MAX;
    size_t end = s->len - from > reach ? from + reach : s->len;
    for (size_t p = from; p < end;) {
        const char *hit = memmem(s->doc + p, end - p, w, k);
        if (!hit) return SIZE_MAX;
        p = (size_t)(hit - s->doc);
        if (!in_tag(s, p)) return p;
        p++;
    }
    return SIZE_MAX;
}

/* Length of the punctuation character at w (k bytes left: ASCII, « » ¿ ¡, “ ” — …), else 0. */
static size_t punct_len(const char *w, size_t k)
{
    unsigned char c = (unsigned char)w[0];
    bool alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (c < 0x80) return alnum ? 0 : 1;
    if (c == 0xC2 && k >= 2) return 2;
    if (c == 0xE2 && k >= 3 && (unsigned char)w[1] == 0x80) return 3;
    return 0;
}

/* The word without the punctuation around it: [*a, *b) of w. */
static void word_core(const char *w, size_t k, size_t *a, size_t *b)
{
    size_t i = 0, e = k, n;
    while (i < e && (n = punct_len(w + i, e - i)))
        i += n;
    for (bool more = true; more && e > i;) { /* strips from the end, a character at a time */
        more = false;
        for (n = 1; n <= 3 && n <= e - i; n++)
            if (punct_len(w + e - n, n) == n) {
                e -= n;
                more = true;
                break;
            }
    }
    *a = i, *b = e;
}

bool markup_align(markup_source *s, size_t line, const char *text, size_t len, reader_offsets *map)
{
    map->count = 0;
    size_t pos = s->cursor, at = line_start(s, line), reach = BLOCK_REACH, misses = 0;
    if (at > pos) pos = at;
    bool ok = true;
    for (size_t i = 0; i < len && ok;) {
        size_t k = 0;
        while (i + k < len && text[i + k] != ' ')
            k++;
        bool look = k && misses < MISSES_MAX;
        size_t f = look ? find_word(s, pos, reach, text + i, k) : SIZE_MAX, a = 0, b = k;
        if (f == SIZE_MAX && look) { /* "rapidez." from "<b>rapidez</b>.": the word alone */
            word_core(text + i, k, &a, &b);
            if (b > a && b - a < k) f = find_word(s, pos, reach, text + i + a, b - a);
        }
        misses = f == SIZE_MAX && look ? misses + 1 : f == SIZE_MAX ? misses : 0;
        if (f != SIZE_MAX && b - a < k) {
            ok = reader_offsets_add(map, f, a, false) && reader_offsets_add(map, f, b - a, true) &&
                 reader_offsets_add(map, f + b - a, k - b, false);
            pos = f + b - a;
            reach = WORD_REACH;
        } else if (f != SIZE_MAX) {
            ok = reader_offsets_add(map, f, k, true);
            pos = f + k;
            reach = WORD_REACH;
        } else {
            ok = reader_offsets_add(map, pos, k ? k : 1, false);
        }
        i += k ? k : 1;
    }
    if (len && map->count) s->cursor = pos > map->items[0] ? pos : map->items[0] + 1;
    if (s->cursor > s->len) s->cursor = s->len;
    return ok;
}

/* ---- Reading blocks ---- */

typedef struct {
    visitor v;
    reader_emit_fn emit;
    void *user;
    size_t article;
    strbuf text;
    size_t base; /* the document's line of the first line of the tree read (1, or a fragment's) */
    size_t line; /* the document's line where the block's text starts (0: none yet) */
    bool ok;
    bool in_article; /* header elements are read */
    int title, heading, quote, item;
} blocks;

static const char *const block_elements[] = {
    "p",          "div",     "h1",     "h2",     "h3",      "h4",      "h5",         "h6",
    "li",         "ul",      "ol",     "dl",     "dt",      "dd",      "blockquote", "section",
    "article",    "main",    "header", "pre",    "table",   "tr",      "td",         "th",
    "figcaption", "address", "hr",     "center", "details", "summary", "body",       NULL};

static void flush(blocks *b)
{
    size_t len = b->text.len;
    while (len && b->text.data[len - 1] == ' ')
        len--;
    size_t start = 0;
    while (start < len && b->text.data[start] == ' ')
        start++;
    block_kind kind = b->title     ? BLOCK_TITLE
                      : b->heading ? BLOCK_HEADING
                      : b->quote   ? BLOCK_QUOTE
                      : b->item    ? BLOCK_LIST_ITEM
                                   : BLOCK_PARAGRAPH;
    if (b->ok && len > start)
        b->ok =
            b->emit(b->user, kind, b->article, b->text.data + start, len - start, NULL, b->line);
    sb_clear(&b->text);
    b->line = 0;
}

static int *counter(blocks *b, xmlNode *n)
{
    if (named(n, "h1")) return &b->title;
    static const char *const h[] = {"h2", "h3", "h4", "h5", "h6", NULL};
    if (named_any(n, h)) return &b->heading;
    if (named(n, "blockquote")) return &b->quote;
    if (named(n, "li") || named(n, "dd") || named(n, "dt")) return &b->item;
    return NULL;
}

static bool blocks_enter(visitor *v, xmlNode *n)
{
    blocks *b = (blocks *)v;
    if (not_article(n, b->in_article)) return false;
    if (named_any(n, block_elements)) flush(b);
    int *c = counter(b, n);
    if (c) ++*c;
    if (named(n, "q")) b->ok = b->ok && sb_puts(&b->text, "«");
    if (named(n, "br") || named(n, "td") || named(n, "th")) b->ok = b->ok && sb_putc(&b->text, ' ');
    return true;
}

static void blocks_leave(visitor *v, xmlNode *n)
{
    blocks *b = (blocks *)v;
    if (named(n, "q")) b->ok = b->ok && sb_puts(&b->text, "»");
    if (named_any(n, block_elements)) flush(b);
    int *c = counter(b, n);
    if (c && *c) --*c;
}

/* The document's line where the element holding text node n starts (0 when unknown). */
static size_t line_of(const blocks *b, xmlNode *n)
{
    long line = n->parent ? xmlGetLineNo(n->parent) : -1;
    return line > 0 ? b->base + (size_t)line - 1 : 0;
}

static void blocks_text(visitor *v, xmlNode *n, const char *t)
{
    blocks *b = (blocks *)v;
    if (!b->line && t[strspn(t, " \t\r\n\f")]) b->line = line_of(b, n);
    for (; *t && b->ok; t++) {
        char c = *t == '\n' || *t == '\r' || *t == '\t' || *t == '\f' ? ' ' : *t;
        if (c == ' ' && (b->text.len == 0 || b->text.data[b->text.len - 1] == ' ')) continue;
        b->ok = sb_putc(&b->text, c);
    }
}

static bool read_blocks(xmlNode *root, size_t article, bool in_article, size_t base,
                        reader_emit_fn emit, void *user)
{
    blocks b = {.v = {blocks_enter, blocks_leave, blocks_text},
                .emit = emit,
                .user = user,
                .article = article,
                .base = base,
                .ok = true,
                .in_article = in_article};
    walk(root, &b.v);
    flush(&b);
    sb_free(&b.text);
    return b.ok;
}

static const int html_options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                HTML_PARSE_NONET | HTML_PARSE_COMPACT;

static bool inside(xmlNode *n, const char *name)
{
    for (int depth = 0; n && depth < 512; n = n->parent, depth++)
        if (named(n, name)) return true;
    return false;
}

/* Keeps a declared language ("es-MX", "es_AR") in lang when it names a region (or none is kept). */
static void keep_language(const xmlChar *value, char *lang, size_t size)
{
    if (!value) return;
    size_t n = strcspn((const char *)value, " \t\r\n");
    if (n > 0 && n < size && (!lang[0] || (n > 2 && strlen(lang) <= 2)))
        snprintf(lang, size, "%.*s", (int)n, (const char *)value);
}

/* <html lang="es-MX">, <meta property="og:locale" content="es_MX">: the page's language. */
static void page_language(xmlNode *root, char *lang, size_t size)
{
    xmlChar *v = xmlGetProp(root, (const xmlChar *)"lang");
    keep_language(v, lang, size);
    xmlFree(v);
    for (xmlNode *head = root->children; head; head = head->next) {
        if (!named(head, "head")) continue;
        for (xmlNode *m = head->children; m; m = m->next) {
            if (!named(m, "meta")) continue;
            xmlChar *prop = xmlGetProp(m, (const xmlChar *)"property");
            if (prop && !strcmp((const char *)prop, "og:locale")) {
                xmlChar *content = xmlGetProp(m, (const xmlChar *)"content");
                keep_language(content, lang, size);
                xmlFree(content);
            }
            xmlFree(prop);
        }
    }
}

loc_status markup_read_html(const char *data, size_t len, const char *encoding, reader_emit_fn emit,
                            void *user, char *lang, size_t langsize, strbuf *err)
{
    xmlInitParser();
    xmlResetLastError();
    htmlDocPtr doc = htmlReadMemory(data, (int)len, NULL, encoding, html_options);
    if (!doc) return LOC_OK; /* nothing a parser in recovery mode could read: an empty page */
    const xmlError *e = xmlGetLastError();
    if (e && e->code == XML_ERR_INTERNAL_ERROR && e->message && strstr(e->message, "depth")) {
        sb_printf(err, "elements nested more than %d deep", (int)xmlParserMaxDepth);
        xmlFreeDoc(doc);
        return LOC_ERR_INPUT_FORMAT;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    loc_status st = LOC_OK;
    if (root) page_language(root, lang, langsize);
    if (root) {
        scout s = {.v = {scout_enter, scout_leave, scout_text}};
        walk(root, &s.v);
        xmlNode *body = s.article ? s.article : s.main ? s.main : s.best ? s.best : root;
        bool in_article = inside(body, "article") || inside(body, "main");
        if (!read_blocks(body, 0, in_article, 1, emit, user)) st = LOC_ERR_NOMEM;
    }
    xmlFreeDoc(doc);
    return st;
}

/* ---- Feeds ---- */

static xmlNode *child(xmlNode *n, const char *name)
{
    for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && strcmp((const char *)c->name, name) == 0) return c;
    return NULL;
}

typedef struct {
    visitor v;
    strbuf *out;
    bool ok;
} gather;

static bool gather_enter(visitor *v, xmlNode *n)
{
    (void)v, (void)n;
    return true;
}

static void gather_leave(visitor *v, xmlNode *n)
{
    (void)v, (void)n;
}

static void gather_text(visitor *v, xmlNode *n, const char *t)
{
    (void)n;
    gather *g = (gather *)v;
    g->ok = g->ok && sb_puts(g->out, t);
}

/* The text under n (entity references other than the predefined ones are not read). */
static bool text_of(xmlNode *n, strbuf *out)
{
    sb_clear(out);
    gather g = {{gather_enter, gather_leave, gather_text}, out, true};
    if (n) walk(n, &g.v);
    return g.ok;
}

/* The document's line where n starts (0 when unknown). */
static size_t node_line(xmlNode *n)
{
    long line = xmlGetLineNo(n);
    return line > 0 ? (size_t)line : 0;
}

/* Reads an HTML fragment (a feed's escaped content, in element n) as blocks. */
static bool read_html_fragment(const char *html, xmlNode *n, size_t article, reader_emit_fn emit,
                               void *user)
{
    if (!*html) return true;
    htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), NULL, "UTF-8", html_options);
    if (!doc) return true;
    xmlNode *root = xmlDocGetRootElement(doc);
    size_t base = node_line(n);
    bool ok = !root || read_blocks(root, article, true, base ? base : 1, emit, user);
    xmlFreeDoc(doc);
    return ok;
}

/* The words of an HTML fragment, as one line. */
static bool html_text(strbuf *html, strbuf *out)
{
    sb_clear(out);
    htmlDocPtr doc = htmlReadMemory(sb_str(html), (int)html->len, NULL, "UTF-8", html_options);
    xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    bool ok = !root || text_of(root, out);
    xmlFreeDoc(doc);
    return ok;
}

/* An Atom text construct: type="xhtml" is markup in place, "html" is escaped HTML, else text. */
static bool read_content(xmlNode *n, bool atom, size_t article, strbuf *scratch,
                         reader_emit_fn emit, void *user)
{
    if (!n) return true;
    xmlChar *type = atom ? xmlGetNoNsProp(n, (const xmlChar *)"type") : NULL;
    bool ok;
    if (type && strcmp((const char *)type, "xhtml") == 0) {
        ok = read_blocks(n, article, true, 1, emit, user);
    } else if (!atom || (type && strcmp((const char *)type, "html") == 0)) {
        ok = text_of(n, scratch) && read_html_fragment(sb_str(scratch), n, article, emit, user);
    } else {
        ok = text_of(n, scratch);
        for (char *p = scratch->data; ok && p && *p;) { /* one paragraph a line */
            char *nl = strchr(p, '\n');
            size_t k = nl ? (size_t)(nl - p) : strlen(p);
            ok = emit(user, BLOCK_PARAGRAPH, article, p, k, NULL, node_line(n));
            p = nl ? nl + 1 : NULL;
        }
    }
    xmlFree(type);
    return ok;
}

static const int feed_options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;

loc_status markup_read_feed(const char *data, size_t len, const char *encoding, size_t max_items,
                            time_t since, reader_emit_fn emit, void *user, char *lang,
                            size_t langsize, strbuf *err)
{
    xmlInitParser();
    xmlResetLastError();
    xmlDocPtr doc = xmlReadMemory(data, (int)len, NULL, encoding, feed_options);
    if (!doc) {
        const xmlError *e = xmlGetLastError();
        if (e && e->message) {
            size_t k = strlen(e->message);
            while (k && (e->message[k - 1] == '\n' || e->message[k - 1] == ' '))
                k--;
            sb_printf(err, "line %d: %.*s", e->line, (int)k, e->message);
        } else {
            sb_puts(err, "not well-formed XML");
        }
        return LOC_ERR_INPUT_FORMAT;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    xmlNode *items = NULL;
    const char *item = "item";
    bool atom = false;
    if (root && strcmp((const char *)root->name, "rss") == 0) {
        items = child(root, "channel");
    } else if (root && strcmp((const char *)root->name, "RDF") == 0) {
        items = root;
    } else if (root && strcmp((const char *)root->name, "feed") == 0) {
        items = root;
        item = "entry";
        atom = true;
    }
    if (items) { /* <language>es-mx</language>, <feed xml:lang="es-AR"> */
        xmlChar *v = atom ? xmlNodeGetLang(root) : xmlNodeGetContent(child(items, "language"));
        keep_language(v, lang, langsize);
        xmlFree(v);
    }
    if (!items) {
        sb_printf(err, "not RSS or Atom (the document is <%s>)",
                  root ? (const char *)root->name : "empty");
        xmlFreeDoc(doc);
        return LOC_ERR_INPUT_FORMAT;
    }
    strbuf scratch = {0}, words_buf = {0};
    bool ok = true;
    size_t article = 0;
    for (xmlNode *it = items->children; it && ok; it = it->next) {
        if (it->type != XML_ELEMENT_NODE || strcmp((const char *)it->name, item) != 0) continue;
        if (max_items && article == max_items) break;
        xmlNode *date = atom ? child(it, "updated") : child(it, "pubDate");
        if (!date) date = atom ? child(it, "published") : child(it, "date");
        time_t when;
        if (since && date && text_of(date, &scratch) && date_parse(sb_str(&scratch), NULL, &when) &&
            when < since)
            continue;
        xmlNode *title = child(it, "title");
        xmlChar *type = atom && title ? xmlGetNoNsProp(title, (const xmlChar *)"type") : NULL;
        bool html_title = type && strcmp((const char *)type, "text") != 0;
        xmlFree(type);
        strbuf *words = html_title ? &words_buf : &scratch;
        if (title)
            ok = text_of(title, &scratch) && (!html_title || html_text(&scratch, words)) &&
                 (!words->len || emit(user, BLOCK_TITLE, article, words->data, words->len, NULL,
                                      node_line(title)));
        xmlNode *content = atom ? child(it, "content") : child(it, "encoded");
        if (!content) content = atom ? child(it, "summary") : child(it, "description");
        ok = ok && read_content(content, atom, article, &scratch, emit, user);
        article++;
    }
    sb_free(&scratch);
    sb_free(&words_buf);
    xmlFreeDoc(doc);
    return ok ? LOC_OK : LOC_ERR_NOMEM;
}
