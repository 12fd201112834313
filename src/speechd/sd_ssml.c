/* sd_ssml.c - the SSML the server sends into plain text, marks (byte offset, name) and say-as
 * spans rewritten for the normalizer (libxml2). */
#include "sd_ssml.h"

#include <ctype.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int sd_text_mark(sd_text *t, const char *name)
{
    sd_mark *m = realloc(t->marks, (t->nmarks + 1) * sizeof *m);
    if (!m) return 0;
    t->marks = m;
    m[t->nmarks].offset = t->text.len;
    if (!(m[t->nmarks].name = strdup(name))) return 0;
    t->nmarks++;
    return 1;
}

void sd_text_free(sd_text *t)
{
    for (size_t i = 0; i < t->nmarks; i++)
        free(t->marks[i].name);
    free(t->marks);
    sd_buf_free(&t->text);
    *t = (sd_text){0};
}

/* Appends text with its line ends read as spaces (one block for the normalizer). */
static int add_text(sd_text *t, const char *s)
{
    size_t from = t->text.len;
    if (!sd_buf_puts(&t->text, s)) return 0;
    for (size_t i = from; i < t->text.len; i++)
        if (t->text.s[i] == '\n' || t->text.s[i] == '\r' || t->text.s[i] == '\t')
            t->text.s[i] = ' ';
    return 1;
}

/* An attribute's value as a C string ("" when absent); free() it. */
static char *attr(xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = strdup(v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

/* Digits of s, in order, into d (at most size-1); how many. */
static size_t digits(const char *s, char *d, size_t size)
{
    size_t n = 0;
    for (; *s && n + 1 < size; s++)
        if (isdigit((unsigned char)*s)) d[n++] = *s;
    d[n] = '\0';
    return n;
}

/* A date in format (dmy, mdy, ymd; default dmy) as d/m/y, which the normalizer reads as a date. */
static int say_date(const char *s, const char *format, sd_buf *out)
{
    char part[3][16] = {"", "", ""};
    int n = 0;
    for (const char *p = s; *p && n < 3;) {
        while (*p && !isdigit((unsigned char)*p))
            p++;
        size_t k = 0;
        while (isdigit((unsigned char)*p) && k + 1 < sizeof part[0])
            part[n][k++] = *p++;
        if (k) part[n++][k] = '\0';
    }
    if (n != 3 || !*format) return sd_buf_puts(out, s);
    const char *d = part[0], *m = part[1], *y = part[2];
    if (strcmp(format, "mdy") == 0) d = part[1], m = part[0];
    if (strcmp(format, "ymd") == 0) y = part[0], m = part[1], d = part[2];
    char date[64];
    snprintf(date, sizeof date, "%s/%s/%s", d, m, y);
    return sd_buf_puts(out, date);
}

/* A say-as span rewritten so that the normalizer reads it as interpret-as says. */
static int say_as(const sd_words *words, const char *how, const char *format, const char *s,
                  sd_buf *out)
{
    char d[64];
    if (strcmp(how, "characters") == 0 || strcmp(how, "spell-out") == 0)
        return sd_spell(words, s, strlen(s), out);
    if (strcmp(how, "ordinal") == 0 && digits(s, d, sizeof d))
        return sd_buf_puts(out, d) && sd_buf_puts(out, ".º");
    if (strcmp(how, "cardinal") == 0 && digits(s, d, sizeof d) &&
        strspn(s, "0123456789., ") == strlen(s))
        return sd_buf_puts(out, d);
    if (strcmp(how, "telephone") == 0) { /* digit by digit */
        for (; *s; s++) {
            const char *plus = *s == '+' ? sd_words_punct(words, s, 1, 1) : NULL;
            if (plus && !(sd_buf_puts(out, plus) && sd_buf_puts(out, " "))) return 0;
            if (isdigit((unsigned char)*s) && !(sd_buf_add(out, s, 1) && sd_buf_puts(out, " ")))
                return 0;
        }
        return 1;
    }
    if (strcmp(how, "date") == 0) return say_date(s, format, out);
    return sd_buf_puts(out, s); /* currency and the rest: the normalizer reads them as they are */
}

/* Walks the element's children: text, marks, say-as, sub; other elements by their content. */
static int walk(xmlNode *n, const sd_words *words, sd_text *t)
{
    for (xmlNode *c = n->children; c; c = c->next) {
        int ok = 1;
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            ok = add_text(t, (const char *)c->content);
        } else if (c->type != XML_ELEMENT_NODE) {
            continue;
        } else if (xmlStrcmp(c->name, (const xmlChar *)"mark") == 0) {
            char *name = attr(c, "name");
            ok = name && sd_text_mark(t, name);
            free(name);
        } else if (xmlStrcmp(c->name, (const xmlChar *)"say-as") == 0) {
            char *how = attr(c, "interpret-as"), *format = attr(c, "format");
            xmlChar *content = xmlNodeGetContent(c);
            sd_buf span = {0};
            ok = how && format && content && sd_buf_add(&span, "", 0) &&
                 say_as(words, how, format, (const char *)content, &span) && add_text(t, span.s);
            sd_buf_free(&span);
            xmlFree(content);
            free(how), free(format);
        } else if (xmlStrcmp(c->name, (const xmlChar *)"sub") == 0) {
            char *alias = attr(c, "alias");
            ok = alias && add_text(t, alias);
            free(alias);
        } else if (xmlStrcmp(c->name, (const xmlChar *)"break") == 0) {
            ok = add_text(t, " ");
        } else {
            ok = walk(c, words, t);
        }
        if (!ok) return 0;
    }
    return 1;
}

int sd_ssml_parse(const char *ssml, size_t len, const sd_words *words, sd_text *out, char *err,
                  size_t errsize)
{
    *out = (sd_text){0};
    xmlDoc *doc = xmlReadMemory(ssml, (int)len, NULL, "UTF-8",
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) {
        const xmlError *e = xmlGetLastError();
        snprintf(err, errsize, "SSML is not well-formed: %s",
                 e && e->message ? e->message : "parse error");
        char *nl = strchr(err, '\n');
        if (nl) *nl = '\0';
        return 0;
    }
    xmlNode *root = xmlDocGetRootElement(doc);
    int ok = sd_buf_add(&out->text, "", 0) && (!root || walk(root, words, out));
    xmlFreeDoc(doc);
    if (!ok) {
        snprintf(err, errsize, "out of memory");
        sd_text_free(out);
    }
    return ok;
}

int sd_text_map(sd_text *t, sd_piece_fn piece, void *ctx)
{
    sd_buf out = {0};
    size_t m = 0;
    if (!sd_buf_add(&out, "", 0)) return 0;
    for (size_t i = 0; i <= t->text.len;) {
        while (m < t->nmarks && t->marks[m].offset <= i)
            t->marks[m++].offset = out.len;
        if (i == t->text.len) break;
        size_t n = piece(ctx, t->text.s, t->text.len, i, &out);
        if (n == 0) {
            sd_buf_free(&out);
            return 0;
        }
        i += n;
    }
    sd_buf_free(&t->text);
    t->text = out;
    return 1;
}

/* Appends s escaped for XML. */
static int escape(sd_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const char *r = s[i] == '<'   ? "&lt;"
                        : s[i] == '>' ? "&gt;"
                        : s[i] == '&' ? "&amp;"
                        : s[i] == '"' ? "&quot;"
                                      : NULL;
        if (!(r ? sd_buf_puts(b, r) : sd_buf_add(b, s + i, 1))) return 0;
    }
    return 1;
}

char *sd_text_ssml(const sd_text *t)
{
    sd_buf b = {0};
    size_t at = 0;
    int ok = sd_buf_puts(&b, "<speak>");
    for (size_t m = 0; ok && m < t->nmarks; m++) {
        size_t to = t->marks[m].offset;
        char name[32]; /* "m" and the mark's index: espeak-ng gives names back as written */
        snprintf(name, sizeof name, "m%zu", m);
        ok = escape(&b, t->text.s + at, to - at) && sd_buf_puts(&b, "<mark name=\"") &&
             sd_buf_puts(&b, name) && sd_buf_puts(&b, "\"/>");
        at = to;
    }
    ok = ok && escape(&b, t->text.s + at, t->text.len - at) && sd_buf_puts(&b, "</speak>");
    if (!ok) sd_buf_free(&b);
    return b.s;
}
