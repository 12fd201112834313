/* timing.c - events in, "00:00:01.250 --> 00:00:04.100" cues and {"time":1250,"type":"word",…}
 * lines out. */
#include "timing.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "atomic.h"

typedef struct {
    char type;         /* 's' sentence, 'w' word, 0 unused */
    size_t start, end; /* bytes in the block text */
} span;

typedef struct block_info {
    struct block_info *next;
    unsigned long id;
    char *text;
    size_t *source_map; /* the block's, copied; NULL: offsets in the block */
    bool has_source;
    span *marks; /* indexed by mark number */
    size_t nmarks;
} block_info;

typedef struct {
    unsigned long block;
    char *title;
    double start_s; /* < 0 until reached */
} chapter;

struct timing {
    int rate;
    atomic_file captions, marks, chapters;
    bool srt;
    block_info *first, *last; /* blocks queued, in order */
    chapter *chaps;
    size_t nchaps, capchaps;
    timing_chapter *view; /* timing_chapters' answer */
    /* the open caption cue */
    bool cue_open;
    unsigned long long cue_start;
    strbuf cue_text;
    unsigned long cues;
    strbuf line;
};

loc_status timing_open(const char *captions, const char *marks, const char *chapters,
                       int sample_rate, timing **out, strbuf *err)
{
    timing *t = calloc(1, sizeof *t);
    if (!t) return LOC_ERR_NOMEM;
    t->rate = sample_rate;
    loc_status st = LOC_OK;
    if (captions) {
        const char *dot = strrchr(captions, '.');
        if (!dot || (strcasecmp(dot, ".vtt") != 0 && strcasecmp(dot, ".srt") != 0)) {
            sb_printf(err, "--captions %s: use a .vtt or .srt name", captions);
            st = LOC_ERR_USAGE;
        } else {
            t->srt = strcasecmp(dot, ".srt") == 0;
            st = atomic_open(&t->captions, captions, err);
            if (st == LOC_OK && !t->srt) fputs("WEBVTT\n\n", t->captions.f);
        }
    }
    if (st == LOC_OK && marks) st = atomic_open(&t->marks, marks, err);
    if (st == LOC_OK && chapters) st = atomic_open(&t->chapters, chapters, err);
    if (st != LOC_OK) {
        timing_abort(t);
        return st;
    }
    *out = t;
    return LOC_OK;
}

loc_status timing_add_block(timing *t, unsigned long id, const block *blk, bool has_source,
                            const chunk_list *chunks)
{
    block_info *b = calloc(1, sizeof *b);
    if (!b) return LOC_ERR_NOMEM;
    b->id = id;
    b->text = strndup(blk->text, blk->len);
    b->has_source = has_source;
    bool mapped = has_source && blk->source_map && blk->len;
    if (mapped) b->source_map = malloc(blk->len * sizeof *b->source_map);
    if (b->source_map) memcpy(b->source_map, blk->source_map, blk->len * sizeof *b->source_map);
    for (size_t i = 0; i < chunks->count; i++)
        if (chunks->items[i].kind == CHUNK_MARK) b->nmarks++;
    b->marks = calloc(b->nmarks ? b->nmarks : 1, sizeof *b->marks);
    if (!b->text || !b->marks || (mapped && !b->source_map)) {
        free(b->text);
        free(b->source_map);
        free(b->marks);
        free(b);
        return LOC_ERR_NOMEM;
    }
    for (size_t i = 0; i < chunks->count; i++) {
        const chunk *c = &chunks->items[i];
        if (c->kind != CHUNK_MARK) continue;
        size_t n = strtoul(c->text + 1, NULL, 10);
        if (n < b->nmarks) b->marks[n] = (span){c->text[0], c->start, c->end};
    }
    if (t->last)
        t->last->next = b;
    else
        t->first = b;
    t->last = b;
    return LOC_OK;
}

loc_status timing_add_chapter(timing *t, unsigned long first_block, const char *title)
{
    if (t->nchaps == t->capchaps) {
        size_t cap = t->capchaps ? t->capchaps * 2 : 16;
        chapter *c = realloc(t->chaps, cap * sizeof *c);
        if (!c) return LOC_ERR_NOMEM;
        t->chaps = c;
        t->capchaps = cap;
    }
    char *copy = strdup(title);
    if (!copy) return LOC_ERR_NOMEM;
    t->chaps[t->nchaps++] = (chapter){first_block, copy, -1};
    return LOC_OK;
}

static block_info *find_block(timing *t, unsigned long id)
{
    for (block_info *b = t->first; b; b = b->next)
        if (b->id == id) return b;
    return NULL;
}

static void free_block(block_info *b)
{
    free(b->text);
    free(b->source_map);
    free(b->marks);
    free(b);
}

bool timing_json_string(strbuf *out, const char *s)
{
    bool ok = sb_putc(out, '"');
    for (size_t i = 0, n = strlen(s); ok && i < n;) {
        unsigned char c = (unsigned char)s[i];
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = c < 0x80 ? 1
                                      : utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                         (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0) /* not UTF-8: U+FFFD, so the file stays valid JSON */
            ok = sb_puts(out, "\\ufffd"), k = 1;
        else if (c == '"' || c == '\\')
            ok = sb_putc(out, '\\') && sb_putc(out, (char)c);
        else if (c < 0x20)
            ok = sb_printf(out, "\\u%04x", c);
        else
            ok = sb_append(out, s + i, (size_t)k);
        i += (size_t)k;
    }
    return ok && sb_putc(out, '"');
}

/* Source text of a span with runs of spaces squeezed. */
static bool span_text(strbuf *out, const block_info *b, const span *s)
{
    size_t len = strlen(b->text);
    size_t end = s->end < len ? s->end : len;
    for (size_t i = s->start; i < end; i++) {
        char c = b->text[i];
        if (c == ' ' && (out->len == 0 || out->data[out->len - 1] == ' ')) continue;
        if (!sb_putc(out, c)) return false;
    }
    return true;
}

static void timestamp(strbuf *out, unsigned long long ms, char sep)
{
    sb_printf(out, "%02llu:%02llu:%02llu%c%03llu", ms / 3600000, ms / 60000 % 60, ms / 1000 % 60,
              sep, ms % 1000);
}

static unsigned long long ms_of(const timing *t, unsigned long long sample)
{
    return sample * 1000 / (unsigned long long)t->rate;
}

/* A word joiner: invisible, it keeps an SRT player from reading "<b>", "&lt;", "{\an8}" or
 * "-->" in the text as markup or as a timing line. */
static const char WORD_JOINER[] = "\xE2\x81\xA0";

/* Cue text that shows exactly the written words: WebVTT escapes & < > (so "-->" never
 * appears); SubRip, which has no escapes, gets a word joiner inside each such sequence.
 * Line breaks become spaces: an empty line would end the cue. */
bool timing_cue_text(strbuf *out, const char *s, bool srt)
{
    bool ok = true;
    for (const char *p = s; *p && ok; p++) {
        char c = *p, next = p[1];
        bool letter = (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
        if (c == '\n' || c == '\r') {
            ok = sb_putc(out, ' ');
        } else if (!srt && (c == '&' || c == '<' || c == '>')) {
            ok = sb_puts(out, c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;");
        } else if (srt && c == '-' && next == '-' && p[2] == '>') { /* "--⁠>" */
            ok = sb_puts(out, "--") && sb_puts(out, WORD_JOINER);
            p++;
        } else {
            bool tag = c == '<' && next && next != ' ';
            bool entity = c == '&' && (letter || next == '#');
            bool override = c == '{' && next == '\\';
            ok = sb_putc(out, c) &&
                 (!srt || !(tag || entity || override) || sb_puts(out, WORD_JOINER));
        }
    }
    return ok;
}

static loc_status close_cue(timing *t, unsigned long long end)
{
    if (!t->cue_open) return LOC_OK;
    t->cue_open = false;
    if (!t->captions.f) return LOC_OK;
    sb_clear(&t->line);
    char sep = t->srt ? ',' : '.';
    if (t->srt) sb_printf(&t->line, "%lu\n", ++t->cues);
    unsigned long long from = ms_of(t, t->cue_start), to = ms_of(t, end);
    timestamp(&t->line, from, sep);
    sb_puts(&t->line, " --> ");
    timestamp(&t->line, to > from ? to : from + 1, sep); /* a cue lasts at least 1 ms */
    sb_putc(&t->line, '\n');
    size_t text = t->line.len;
    if (!timing_cue_text(&t->line, sb_str(&t->cue_text), t->srt)) return LOC_ERR_NOMEM;
    while (t->line.len > text && t->line.data[t->line.len - 1] == ' ')
        t->line.len--;
    if (t->line.len == text && !sb_puts(&t->line, "…")) return LOC_ERR_NOMEM; /* never empty */
    if (!sb_puts(&t->line, "\n\n")) return LOC_ERR_NOMEM;
    return fputs(sb_str(&t->line), t->captions.f) < 0 ? LOC_ERR_OUTPUT_WRITE : LOC_OK;
}

/* Where a span of the block's text is in its file: [from, to). */
static void source_span(const block_info *b, const span *s, size_t *from, size_t *to)
{
    size_t len = strlen(b->text);
    size_t start = s->start < len ? s->start : len, end = s->end < len ? s->end : len;
    if (!b->source_map || len == 0) {
        *from = start, *to = end;
        return;
    }
    *from = b->source_map[start < len ? start : len - 1];
    *to = end > start ? b->source_map[end - 1] + 1 : *from;
}

/* One Polly speech mark: {"time":ms,"type":"word","start":b,"end":b,"value":"…"} */
static loc_status write_mark(timing *t, const block_info *b, const span *s,
                             unsigned long long sample)
{
    if (!t->marks.f || !b->has_source) return LOC_OK;
    strbuf value = {0};
    sb_clear(&t->line);
    size_t from, to;
    source_span(b, s, &from, &to);
    bool ok =
        span_text(&value, b, s) &&
        sb_printf(&t->line, "{\"time\":%llu,\"type\":\"%s\",\"start\":%zu,\"end\":%zu,\"value\":",
                  ms_of(t, sample), s->type == 's' ? "sentence" : "word", from, to) &&
        timing_json_string(&t->line, sb_str(&value)) && sb_puts(&t->line, "}\n");
    sb_free(&value);
    if (!ok) return LOC_ERR_NOMEM;
    return fputs(sb_str(&t->line), t->marks.f) < 0 ? LOC_ERR_OUTPUT_WRITE : LOC_OK;
}

loc_status timing_event(timing *t, const worker_event *ev)
{
    block_info *b = find_block(t, ev->block);
    if (!b) return LOC_OK;
    loc_status st = LOC_OK;
    switch (ev->kind) {
    case WORKER_BLOCK_BEGIN:
        for (size_t i = 0; i < t->nchaps; i++)
            if (t->chaps[i].block == ev->block && t->chaps[i].start_s < 0)
                t->chaps[i].start_s = (double)ev->sample / t->rate;
        break;
    case WORKER_MARK:
        if (ev->mark >= b->nmarks || !b->marks[ev->mark].type) break;
        if (b->marks[ev->mark].type == 's') {
            st = close_cue(t, ev->sample);
            sb_clear(&t->cue_text);
            if (st == LOC_OK && !span_text(&t->cue_text, b, &b->marks[ev->mark]))
                st = LOC_ERR_NOMEM;
            t->cue_open = true;
            t->cue_start = ev->sample;
        }
        if (st == LOC_OK) st = write_mark(t, b, &b->marks[ev->mark], ev->sample);
        break;
    case WORKER_SPEECH_END:
        st = close_cue(t, ev->sample);
        break;
    case WORKER_BLOCK_END:
        /* blocks end in order: drop this one and any before it */
        while (t->first) {
            block_info *f = t->first;
            t->first = f->next;
            if (!t->first) t->last = NULL;
            bool done = f == b;
            free_block(f);
            if (done) break;
        }
        break;
    }
    return st;
}

const timing_chapter *timing_chapters(const timing *t, size_t *count)
{
    timing *m = (timing *)t;
    free(m->view);
    m->view = calloc(t->nchaps ? t->nchaps : 1, sizeof *m->view);
    *count = 0;
    if (!m->view) return NULL;
    for (size_t i = 0; i < t->nchaps; i++)
        if (t->chaps[i].start_s >= 0)
            m->view[(*count)++] = (timing_chapter){t->chaps[i].start_s, t->chaps[i].title};
    return m->view;
}

static loc_status write_chapters(timing *t)
{
    strbuf j = {0};
    bool ok = sb_puts(&j, "{\"version\":\"1.2.0\",\"chapters\":[");
    size_t n;
    const timing_chapter *c = timing_chapters(t, &n);
    for (size_t i = 0; ok && i < n; i++)
        ok = sb_printf(&j, "%s{\"startTime\":%.3f,\"title\":", i ? "," : "", c[i].start_s) &&
             timing_json_string(&j, c[i].title) && sb_puts(&j, "}");
    ok = ok && sb_puts(&j, "]}\n");
    loc_status st = ok ? LOC_OK : LOC_ERR_NOMEM;
    if (ok && fputs(sb_str(&j), t->chapters.f) < 0) st = LOC_ERR_OUTPUT_WRITE;
    sb_free(&j);
    return st;
}

static void free_timing(timing *t)
{
    while (t->first) {
        block_info *f = t->first;
        t->first = f->next;
        free_block(f);
    }
    for (size_t i = 0; i < t->nchaps; i++)
        free(t->chaps[i].title);
    free(t->chaps);
    free(t->view);
    sb_free(&t->cue_text);
    sb_free(&t->line);
    free(t);
}

loc_status timing_finish(timing *t, publish_list *later, strbuf *err)
{
    loc_status st = LOC_OK;
    if (t->chapters.f) st = write_chapters(t);
    if (st == LOC_OK) st = atomic_commit_later(&t->captions, later, err);
    if (st == LOC_OK) st = atomic_commit_later(&t->marks, later, err);
    if (st == LOC_OK) st = atomic_commit_later(&t->chapters, later, err);
    if (st != LOC_OK) {
        timing_abort(t);
        return st;
    }
    free_timing(t);
    return LOC_OK;
}

void timing_abort(timing *t)
{
    if (!t) return;
    atomic_discard(&t->captions);
    atomic_discard(&t->marks);
    atomic_discard(&t->chapters);
    free_timing(t);
}
