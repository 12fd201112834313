/* reader.c - bytes in (file, stdin, memory; iconv), bounded lines and blocks out, by format. */
#include "reader.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <utf8proc.h>

#include "read_markdown.h"
#include "read_markup.h"
#include "utf8.h"

static bool atx_heading(const char *text, size_t len);

typedef struct {
    block_kind kind;
    bool detect; /* plain text: the kind comes from reader_kind_of */
    size_t article, line;
    size_t off, len; /* in the queue's text (and its offsets) */
} queued;

struct reader {
    read_options o;
    FILE *f; /* NULL when reading memory */
    bool owns_file;
    const char *mem;
    size_t memlen, mempos;
    iconv_t cd; /* (iconv_t)-1 when not recoding */
    char raw[4096];
    size_t rawlen;
    bool raw_eof, read_error, stopped;
    char buf[16384]; /* UTF-8 (or detected legacy) bytes not yet consumed */
    size_t pos, len;
    bool eof, started, done, nomem;
    strbuf line;      /* the current line, or a piece of it */
    size_t carry;     /* bytes of line left over from the last piece (0: none) */
    size_t lineno;    /* lines started */
    size_t consumed;  /* input bytes taken from buf so far */
    size_t piece_src; /* input offset of line.data[0] */
    size_t next_src;  /* input offset of the carried rest of a cut line */
    bool continues;   /* the current line has been cut before */
    queued *q;        /* blocks waiting: plain-text lines, Markdown blocks, a whole page */
    size_t qhead, qcount, qcap;
    strbuf qtext;
    reader_offsets qsrc; /* the input offset of each byte of qtext (not for pages and feeds) */
    strbuf doc;          /* a page or a feed, kept while its blocks are read */
    markup_source msrc;  /* where its blocks' words are in it */
    reader_offsets amap; /* the input offset of each byte of the block being cleaned */
    markdown md;
    strbuf clean, err;
    reader_offsets cmap; /* the input offset of each byte of clean */
    size_t blocks, article;
    bool legacy, doc_legacy;
    char lang[16]; /* the language a page or feed declares ("es-MX"), "" if none */
};

/* Longest line, in characters, that can still be a heading. */
enum { HEADING_MAX_CHARS = 100 };

read_format reader_format_of_name(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash)) return READ_AUTO;
    static const struct {
        const char *ext;
        read_format f;
    } exts[] = {{".txt", READ_TEXT},          {".text", READ_TEXT}, {".md", READ_MARKDOWN},
                {".markdown", READ_MARKDOWN}, {".html", READ_HTML}, {".htm", READ_HTML},
                {".xhtml", READ_HTML},        {".xml", READ_FEED},  {".rss", READ_FEED},
                {".atom", READ_FEED}};
    for (size_t i = 0; i < sizeof exts / sizeof *exts; i++)
        if (strcasecmp(dot, exts[i].ext) == 0) return exts[i].f;
    return READ_AUTO;
}

bool reader_format_parse(const char *name, read_format *out)
{
    static const char *const names[] = {"auto", "text", "markdown", "html", "feed"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (read_format)i;
            return true;
        }
    return false;
}

static reader *new_reader(const read_options *o)
{
    reader *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    if (o) r->o = *o;
    r->cd = (iconv_t)-1;
    return r;
}

/* Sets up --encoding: the bytes are recoded to UTF-8 as they are read. */
static bool open_recoder(reader *r)
{
    if (!r->o.encoding) return true;
    r->cd = iconv_open("UTF-8", r->o.encoding);
    return r->cd != (iconv_t)-1;
}

reader *reader_open_with(const char *path, const read_options *o, loc_status *st)
{
    reader *r = new_reader(o);
    if (!r) {
        *st = LOC_ERR_NOMEM;
        return NULL;
    }
    if (!open_recoder(r)) {
        reader_close(r);
        *st = LOC_ERR_USAGE;
        return NULL;
    }
    if (strcmp(path, "-") == 0) {
        r->f = stdin;
        return r;
    }
    if (r->o.format == READ_AUTO) r->o.format = reader_format_of_name(path);
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        errno = EISDIR;
        reader_close(r);
        *st = LOC_ERR_INPUT_OPEN;
        return NULL;
    }
    r->f = fopen(path, "rb");
    if (!r->f) {
        int e = errno;
        reader_close(r);
        errno = e;
        *st = LOC_ERR_INPUT_OPEN;
        return NULL;
    }
    r->owns_file = true;
    return r;
}

reader *reader_open(const char *path, loc_status *st)
{
    return reader_open_with(path, NULL, st);
}

reader *reader_open_memory(const char *data, size_t len, const read_options *o)
{
    reader *r = new_reader(o);
    if (!r) return NULL;
    r->mem = data;
    r->memlen = len;
    if (!open_recoder(r)) {
        reader_close(r);
        return NULL;
    }
    return r;
}

void reader_close(reader *r)
{
    if (!r) return;
    if (r->owns_file) fclose(r->f);
    if (r->cd != (iconv_t)-1) iconv_close(r->cd);
    sb_free(&r->line);
    sb_free(&r->qtext);
    reader_offsets_free(&r->qsrc);
    sb_free(&r->doc);
    reader_offsets_free(&r->amap);
    reader_offsets_free(&r->cmap);
    free(r->q);
    markdown_free(&r->md);
    sb_free(&r->clean);
    sb_free(&r->err);
    free(r);
}

const char *reader_language(const reader *r)
{
    return r->lang[0] ? r->lang : NULL;
}

bool reader_was_legacy(const reader *r)
{
    return r->legacy;
}

size_t reader_article(const reader *r)
{
    return r->article;
}

read_format reader_format(const reader *r)
{
    return r->o.format;
}

const char *reader_error(const reader *r)
{
    return sb_str(&r->err);
}

/* Reads up to cap bytes as they are in the file. */
static size_t read_raw(reader *r, char *dst, size_t cap)
{
    if (!r->f) {
        size_t n = r->memlen - r->mempos < cap ? r->memlen - r->mempos : cap;
        if (n) memcpy(dst, r->mem + r->mempos, n);
        r->mempos += n;
        return n;
    }
    size_t n = fread(dst, 1, cap, r->f);
    if (n < cap && ferror(r->f)) r->read_error = true;
    return n;
}

/* Reads up to cap bytes, recoded to UTF-8 when --encoding is given (bytes that are not
 * in that encoding are skipped). Returns 0 at the end. */
static size_t read_bytes(reader *r, char *dst, size_t cap)
{
    if (r->cd == (iconv_t)-1) return read_raw(r, dst, cap);
    for (;;) {
        if (!r->raw_eof && r->rawlen < sizeof r->raw) {
            size_t n = read_raw(r, r->raw + r->rawlen, sizeof r->raw - r->rawlen);
            if (n == 0) r->raw_eof = true;
            r->rawlen += n;
        }
        if (r->rawlen == 0) return 0;
        char *in = r->raw, *out = dst;
        size_t inleft = r->rawlen, outleft = cap;
        errno = 0;
        size_t rc = iconv(r->cd, &in, &inleft, &out, &outleft);
        if (rc == (size_t)-1 && errno == EILSEQ) {
            in++;
            inleft--;
        } else if (rc == (size_t)-1 && errno == EINVAL && r->raw_eof) {
            inleft = 0; /* an incomplete character at the very end */
        }
        memmove(r->raw, in, inleft);
        r->rawlen = inleft;
        if (out > dst) return (size_t)(out - dst);
    }
}

static bool fill(reader *r)
{
    if (r->eof) return false;
    if (r->pos < r->len) return true;
    if (r->o.stop && r->o.stop()) {
        r->stopped = r->eof = true;
        return false;
    }
    r->pos = 0;
    r->len = read_bytes(r, r->buf, sizeof r->buf);
    if (r->len == 0) r->eof = true;
    return r->len > 0;
}

size_t reader_cut_point(const char *s, size_t len, size_t max)
{
    if (len <= max) return len;
    for (size_t i = max; i > max / 2; i--)
        if (s[i - 1] == ' ' && s[i - 2] && strchr(".!?;:", s[i - 2])) return i;
    for (size_t i = max; i > max / 4; i--)
        if (s[i - 1] == ' ') return i;
    size_t n = max;
    while (n > max - 3 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* Reads the next line into r->line, at most READER_BLOCK_MAX bytes: a longer line is cut
 * (see reader_cut_point) and its pieces come one call at a time. Sets *cut when the line
 * was or will be cut. Returns false at the end of the input. */
static bool next_line(reader *r, bool *cut, bool *cont)
{
    if (r->carry) {
        size_t from = r->line.len - r->carry;
        memmove(r->line.data, r->line.data + from, r->carry);
        r->line.len = r->carry;
        r->carry = 0;
        r->piece_src = r->next_src;
    } else {
        sb_clear(&r->line);
        r->continues = false;
        r->lineno++;
        r->piece_src = r->consumed;
    }
    *cut = *cont = r->continues;
    while (fill(r)) {
        size_t room = READER_BLOCK_MAX - r->line.len, avail = r->len - r->pos;
        size_t n = avail < room ? avail : room;
        const char *nl = memchr(r->buf + r->pos, '\n', n);
        if (nl) n = (size_t)(nl - (r->buf + r->pos));
        if (!sb_append(&r->line, r->buf + r->pos, n)) {
            r->nomem = true;
            return false;
        }
        r->pos += n;
        r->consumed += n;
        if (nl) {
            r->pos++;
            r->consumed++;
            return true;
        }
        if (r->line.len == READER_BLOCK_MAX) {
            size_t keep = reader_cut_point(r->line.data, r->line.len, READER_BLOCK_MAX - 1);
            r->next_src = r->piece_src + keep;
            r->carry = r->line.len - keep;
            r->line.len = keep;
            r->continues = *cut = true;
            return true;
        }
    }
    return r->line.len > 0;
}

/* Appends the n offsets at src. */
static bool offsets_copy(reader_offsets *o, const size_t *src, size_t n)
{
    if (n == 0) return true;
    if (!reader_offsets_add(o, 0, n, false)) return false;
    memcpy(o->items + o->count - n, src, n * sizeof *src);
    return true;
}

/* Queues a block; src NULL: the text is the current line piece, as it is in the input, or a
 * page's or a feed's, from line. */
static bool push(void *user, block_kind kind, size_t article, const char *text, size_t len,
                 const size_t *src, size_t line)
{
    reader *r = user;
    bool markup = r->o.format == READ_HTML || r->o.format == READ_FEED;
    if (r->qcount == r->qcap) {
        size_t cap = r->qcap ? r->qcap * 2 : 16;
        queued *q = realloc(r->q, cap * sizeof *q);
        if (!q) return false;
        r->q = q;
        r->qcap = cap;
    }
    r->q[r->qcount++] = (queued){.kind = kind,
                                 .article = article,
                                 .line = markup ? line : r->lineno,
                                 .off = r->qtext.len,
                                 .len = len};
    bool ok = markup || (src ? offsets_copy(&r->qsrc, src, len)
                             : reader_offsets_add(&r->qsrc, r->piece_src, len, true));
    return ok && sb_append(&r->qtext, text, len);
}

/* Reads everything left (at most READER_MARKUP_MAX bytes) into r->qtext's end. */
static loc_status slurp(reader *r, strbuf *all)
{
    if (!sb_append(all, r->buf + r->pos, r->len - r->pos)) return LOC_ERR_NOMEM;
    r->pos = r->len;
    char chunk[65536];
    size_t n;
    while ((n = read_bytes(r, chunk, sizeof chunk)) > 0) {
        if (r->o.stop && r->o.stop()) return LOC_ERR_INTERRUPTED;
        if (all->len + n > READER_MARKUP_MAX) return LOC_ERR_INPUT_TOO_LARGE;
        if (!sb_append(all, chunk, n)) return LOC_ERR_NOMEM;
    }
    return r->read_error ? LOC_ERR_INPUT_READ : LOC_OK;
}

/* What the first bytes of an input of unknown name look like: a page, a feed, or text. */
static read_format sniff(const char *s, size_t n)
{
    if (n > 1024) n = 1024;
    size_t i = 0;
    if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < n && isspace((unsigned char)s[i]))
        i++;
    if (i == n || s[i] != '<') return READ_TEXT;
    static const char *const feeds[] = {"<rss", "<feed", "<rdf:RDF"};
    static const char *const pages[] = {"<!doctype html", "<html"};
    for (size_t k = 0; k < sizeof feeds / sizeof *feeds; k++)
        if (memmem(s + i, n - i, feeds[k], strlen(feeds[k]))) return READ_FEED;
    for (size_t k = 0; k < sizeof pages / sizeof *pages; k++)
        if (n - i >= strlen(pages[k]) && strncasecmp(s + i, pages[k], strlen(pages[k])) == 0)
            return READ_HTML;
    return READ_TEXT;
}

static bool declares_encoding(const char *s, size_t n, read_format f)
{
    if (n > 2048) n = 2048;
    const char *word = f == READ_FEED ? "encoding=" : "charset";
    for (size_t i = 0; i + strlen(word) <= n; i++)
        if (strncasecmp(s + i, word, strlen(word)) == 0) return true;
    return false;
}

static bool clean(const char *line, size_t len, const size_t *src, strbuf *out, reader_offsets *map,
                  bool *legacy);

/* An HTML page or a feed: parsed whole into the queue; kept, to find its words in. */
static loc_status read_markup(reader *r)
{
    strbuf all = {0};
    loc_status st = slurp(r, &all);
    r->msrc = (markup_source){.doc = all.data ? all.data : "", .len = all.len};
    if (st == LOC_ERR_INPUT_TOO_LARGE)
        sb_printf(&r->err, "more than %d MB", READER_MARKUP_MAX / (1024 * 1024));
    const char *enc = NULL;
    if (st == LOC_OK) {
        if (r->o.encoding)
            enc = "UTF-8";
        else if (!declares_encoding(all.data ? all.data : "", all.len, r->o.format))
            enc = utf8_valid(sb_str(&all), all.len) ? "UTF-8" : "windows-1252";
        r->doc_legacy = enc && strcmp(enc, "windows-1252") == 0;
    }
    if (st == LOC_OK && r->o.format == READ_HTML)
        st =
            markup_read_html(sb_str(&all), all.len, enc, push, r, r->lang, sizeof r->lang, &r->err);
    else if (st == LOC_OK)
        st = markup_read_feed(sb_str(&all), all.len, enc, r->o.max_items, r->o.since, push, r,
                              r->lang, sizeof r->lang, &r->err);
    r->doc = all;
    return st;
}

/* Refills the queue from the input. Sets r->done when nothing more will come. */
static loc_status refill(reader *r)
{
    if (!r->started) {
        r->started = true;
        if (r->o.format == READ_AUTO)
            r->o.format = fill(r) ? sniff(r->buf + r->pos, r->len - r->pos) : READ_TEXT;
        if (r->o.format == READ_HTML || r->o.format == READ_FEED) {
            r->done = true;
            return read_markup(r);
        }
    }
    bool cut, cont;
    if (!next_line(r, &cut, &cont)) {
        r->done = true;
        if (r->nomem) return LOC_ERR_NOMEM;
        if (r->stopped) return LOC_ERR_INTERRUPTED;
        if (r->read_error) return LOC_ERR_INPUT_READ;
        if (r->o.format == READ_MARKDOWN && !markdown_end(&r->md, push, r)) return LOC_ERR_NOMEM;
        return LOC_OK;
    }
    if (r->o.format == READ_MARKDOWN)
        return markdown_line(&r->md, r->line.data, r->line.len, r->piece_src, cont, push, r)
                   ? LOC_OK
                   : LOC_ERR_NOMEM;
    if (!push(r, BLOCK_PARAGRAPH, 0, r->line.data, r->line.len, NULL, 0)) return LOC_ERR_NOMEM;
    r->q[r->qcount - 1].detect = !cut;
    return LOC_OK;
}

loc_status reader_next(reader *r, block *out, bool *got)
{
    *got = false;
    for (;;) {
        if (r->qhead == r->qcount) {
            r->qhead = r->qcount = 0;
            sb_clear(&r->qtext);
            r->qsrc.count = 0;
            if (r->done) return LOC_OK;
            loc_status st = refill(r);
            if (st != LOC_OK) return st;
            continue;
        }
        queued *e = &r->q[r->qhead];
        const char *raw = r->qtext.data + e->off;
        size_t n = reader_cut_point(raw, e->len, READER_BLOCK_MAX);
        bool legacy;
        const size_t *src = r->amap.items;
        if (r->o.format != READ_HTML && r->o.format != READ_FEED)
            src = r->qsrc.items + e->off;
        else if (!markup_align(&r->msrc, e->line, raw, n, &r->amap))
            return LOC_ERR_NOMEM;
        else
            src = r->amap.items;
        if (!clean(raw, n, src, &r->clean, &r->cmap, &legacy)) return LOC_ERR_NOMEM;
        block_kind kind = e->kind;
        bool detect = e->detect && n == e->len;
        size_t article = e->article, line = e->line;
        if (n < e->len) {
            e->off += n;
            e->len -= n;
            e->detect = false;
        } else
            r->qhead++;
        if (r->clean.len == 0) continue;
        const char *text = r->clean.data;
        const size_t *map = r->cmap.items;
        size_t len = r->clean.len;
        if (detect) {
            kind = reader_kind_of(text, len);
            if (atx_heading(text, len)) { /* Markdown heading: drop the marks */
                while (len && (*text == '#' || *text == ' '))
                    text++, map++, len--;
                if (!len) continue;
            }
        }
        r->legacy = legacy || (r->doc_legacy && r->blocks == 0);
        out->kind = kind;
        out->text = text;
        out->len = len;
        out->source_offset = map[0];
        out->source_map = map;
        out->source_line = r->o.format == READ_HTML || r->o.format == READ_FEED ? 0 : line;
        out->index = r->blocks++;
        out->region = NULL; /* the pipeline decides it per article; alone, the block guesses */
        r->article = article;
        *got = true;
        return LOC_OK;
    }
}

/* Windows-1252 bytes 0x80..0x9F as Unicode; the rest of the range is Latin-1. */
static const unsigned short cp1252[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

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

/* The offsets of k output bytes made from input bytes [i0, i1) (src: their offsets): the last
 * ends where the input does, so a span ending there ends there in the input too. */
static bool map_char(reader_offsets *map, const size_t *src, size_t i0, size_t i1, size_t k)
{
    size_t a = src[i0], last = src[i1 - 1];
    if (!reader_offsets_add(map, a, k, true)) return false;
    for (size_t j = map->count - k; j < map->count; j++)
        if (map->items[j] > last || j == map->count - 1) map->items[j] = last;
    return true;
}

/* The offsets of NFC text made from pre (premap: its offsets), one run of a base character and
 * its combining marks at a time; an even spread when the runs do not add up to nfc_len. */
static bool nfc_map(const char *pre, size_t pre_len, const size_t *premap, size_t nfc_len,
                    reader_offsets *map)
{
    size_t start = map->count, total = 0;
    bool ok = true;
    for (size_t i = 0; i < pre_len && ok;) {
        size_t k; /* a character, then those of a non-zero combining class */
        utf8_decode(pre + i, pre_len - i, &k);
        size_t e = i + k;
        while (e < pre_len) {
            int cp = utf8_decode(pre + e, pre_len - e, &k); /* invalid: U+FFFD, class 0 */
            if (utf8proc_get_property(cp)->combining_class == 0) break;
            e += k;
        }
        utf8proc_uint8_t *seg = NULL;
        utf8proc_ssize_t n =
            utf8proc_map((const utf8proc_uint8_t *)pre + i, (utf8proc_ssize_t)(e - i), &seg,
                         UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        free(seg);
        ok = n > 0 && map_char(map, premap, i, e, (size_t)n);
        total += n > 0 ? (size_t)n : 0;
        i = e;
    }
    if (ok && total == nfc_len) return true;
    map->count = start;
    if (!reader_offsets_add(map, 0, nfc_len, false)) return false;
    for (size_t j = 0; j < nfc_len; j++)
        map->items[start + j] = premap[pre_len ? j * pre_len / (nfc_len ? nfc_len : 1) : 0];
    return true;
}

/* reader_clean_line; with src (the input offset of each byte of line) it also gives the input
 * offset of each byte of out in map. */
static bool clean(const char *line, size_t len, const size_t *src, strbuf *out, reader_offsets *map,
                  bool *legacy)
{
    sb_clear(out);
    if (src) map->count = 0;
    *legacy = !utf8_valid(line, len);
    bool ok = true, needs_nfc = false;
    for (size_t i = 0; i < len && ok;) {
        size_t run = i; /* printable ASCII other than space is kept as it is: copied in runs */
        while (run < len && (unsigned char)line[run] > 0x20 && (unsigned char)line[run] < 0x7F)
            run++;
        if (run > i) {
            ok = sb_append(out, line + i, run - i) && (!src || offsets_copy(map, src + i, run - i));
            i = run;
            continue;
        }
        size_t from = i, was = out->len;
        int32_t cp;
        if (*legacy) {
            unsigned char b = (unsigned char)line[i++];
            cp = b >= 0x80 && b < 0xA0 ? cp1252[b - 0x80] : b;
        } else { /* the line is valid UTF-8 */
            size_t k;
            cp = utf8_decode(line + i, len - i, &k);
            i += k;
        }
        if (cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == 0x2009) cp = ' ';
        if (cp >= 0x2080 && cp <= 0x2089) cp = '0' + (cp - 0x2080); /* CO₂ -> CO2: a formula's */
        if (dropped(cp)) continue;
        if (cp == ' ' && (out->len == 0 || out->data[out->len - 1] == ' ')) continue;
        needs_nfc |= !nfc_stable(cp);
        if (cp < 0x80) {
            ok = sb_putc(out, (char)cp);
        } else {
            utf8proc_uint8_t buf[4];
            ok = sb_append(out, (const char *)buf, (size_t)utf8proc_encode_char(cp, buf));
        }
        ok = ok && (!src || map_char(map, src, from, i, out->len - was));
    }
    while (ok && out->len && out->data[out->len - 1] == ' ')
        out->data[--out->len] = '\0';
    if (ok && src) map->count = out->len;
    if (!ok || !needs_nfc) return ok;
    utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)sb_str(out));
    if (!nfc) return false;
    size_t nfc_len = strlen((const char *)nfc);
    if (src && (nfc_len != out->len || memcmp(nfc, out->data, nfc_len) != 0)) {
        size_t *premap = malloc((out->len ? out->len : 1) * sizeof *premap);
        ok = premap != NULL;
        if (ok) {
            memcpy(premap, map->items, out->len * sizeof *premap);
            map->count = 0;
            ok = nfc_map(out->data, out->len, premap, nfc_len, map);
        }
        free(premap);
    }
    sb_clear(out);
    ok = ok && sb_puts(out, (const char *)nfc);
    free(nfc);
    return ok;
}

bool reader_clean_line(const char *line, size_t len, strbuf *out, bool *legacy)
{
    return clean(line, len, NULL, out, NULL, legacy);
}

/* A Markdown heading's marks: "## Title" (one to six #, then a space), not "#NiUnaMenos". */
static bool atx_heading(const char *text, size_t len)
{
    size_t k = 0;
    while (k < len && k < 7 && text[k] == '#')
        k++;
    return k >= 1 && k <= 6 && (k == len || text[k] == ' ' || text[k] == '\t');
}

block_kind reader_kind_of(const char *text, size_t len)
{
    if (len > 1 && atx_heading(text, len)) return BLOCK_HEADING;
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
