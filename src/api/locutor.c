/* locutor.c - liblocutor's public API (include/locutor.h) over the read, normalize and speech
 * layers: language data, articles into speech chunks, chunks into PCM with events. */
#include "locutor.h"

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "chunk.h"
#include "es_foreign.h"
#include "es_infer.h"
#include "es_lang.h"
#include "normalize.h"
#include "reader.h"
#include "render.h"
#include "status.h"
#include "strbuf.h"
#include "synth.h"
#include "token.h"

#ifndef LOCUTOR_LIB_VERSION
#define LOCUTOR_LIB_VERSION LOCUTOR_VERSION_STRING
#endif

/* The public statuses are the internal ones, in the same order. */
_Static_assert((int)LOCUTOR_ERR_INTERRUPTED == (int)LOC_ERR_INTERRUPTED &&
                   (int)LOCUTOR_ERR_DATA == (int)LOC_ERR_DATA &&
                   (int)LOCUTOR_ERR_USAGE == (int)LOC_ERR_USAGE &&
                   (int)LOCUTOR_ERR_INTERRUPTED + 1 == (int)LOC_STATUS_COUNT,
               "locutor_status and loc_status differ");
_Static_assert((int)LOCUTOR_CHUNK_SENTENCE_END == (int)CHUNK_SENTENCE_END &&
                   (int)LOCUTOR_CHUNK_MARK == (int)CHUNK_MARK,
               "locutor_chunk_kind and chunk_kind differ");

struct locutor_lang {
    es_lang es;
    const es_region *forced; /* options->region, NULL to guess */
};

typedef struct {
    block b;      /* text and source_map point into the speech's arena */
    size_t first; /* its chunks: [first, first + count) of the speech's */
    size_t count;
    size_t article; /* a feed's item */
} speech_block;

struct locutor_speech {
    arena arena;
    speech_block *blocks;
    size_t nblocks, blocks_cap;
    chunk *chunks; /* internal form, for rendering and synthesis */
    locutor_chunk *public_chunks;
    bool *user_mark; /* per chunk: a mark of the caller's (locutor_speech_add_mark) */
    bool marks;      /* normalized with LOCUTOR_MARKS */
    size_t nchunks, chunks_cap;
};

struct locutor_voice {
    atomic_int stop; /* lock-free: safe from another thread and from a signal handler */
    int rate;
};

/* Copies a one-line message into err (may be NULL). */
static void set_error(char *err, size_t errsize, const char *msg)
{
    if (err && errsize) snprintf(err, errsize, "%s", msg);
}

const char *locutor_strerror(locutor_status status)
{
    return loc_strerror((loc_status)status);
}

const char *locutor_version(void)
{
    return LOCUTOR_LIB_VERSION;
}

locutor_status locutor_lang_open(const locutor_lang_options *options, locutor_lang **out, char *err,
                                 size_t errsize)
{
    static const locutor_lang_options defaults = {0};
    const locutor_lang_options *o = options ? options : &defaults;
    *out = NULL;
    locutor_lang *l = calloc(1, sizeof *l);
    if (!l) return LOCUTOR_ERR_NOMEM;
    strbuf why = {0};
    loc_status st = es_lang_load(&l->es, o->data_dir ? o->data_dir : es_data_dir(), &why);
    if (st == LOC_OK && o->region && !(l->forced = es_region_find(&l->es, o->region))) {
        sb_printf(&why, "region %s: unknown", o->region);
        st = LOC_ERR_USAGE;
    }
    if (st == LOC_OK && !o->no_foreign && !(l->es.foreign = es_foreign_new(synth_phonemes, NULL)))
        st = LOC_ERR_NOMEM;
    if (st != LOC_OK) {
        set_error(err, errsize, why.len ? sb_str(&why) : loc_strerror(st));
        sb_free(&why);
        locutor_lang_close(l);
        return (locutor_status)st;
    }
    sb_free(&why);
    *out = l;
    return LOCUTOR_OK;
}

locutor_status locutor_lang_add_lexicon(locutor_lang *lang, const char *path, char *err,
                                        size_t errsize)
{
    strbuf why = {0};
    loc_status st = es_lang_add_lexicon(&lang->es, path, &why);
    if (st != LOC_OK) set_error(err, errsize, why.len ? sb_str(&why) : loc_strerror(st));
    sb_free(&why);
    return (locutor_status)st;
}

void locutor_lang_close(locutor_lang *lang)
{
    if (!lang) return;
    es_foreign_free(lang->es.foreign);
    es_lang_free(&lang->es);
    free(lang);
}

/* ---- normalization ---- */

/* Keeps a copy of a block read (its text and source map in the speech's arena). */
static loc_status keep_block(locutor_speech *s, const block *b, size_t article)
{
    if (s->nblocks == s->blocks_cap) {
        size_t cap = s->blocks_cap ? s->blocks_cap * 2 : 16;
        speech_block *n = realloc(s->blocks, cap * sizeof *n);
        if (!n) return LOC_ERR_NOMEM;
        s->blocks = n;
        s->blocks_cap = cap;
    }
    speech_block *k = &s->blocks[s->nblocks];
    k->b = *b;
    k->article = article;
    char *text = arena_strndup(&s->arena, b->text, b->len);
    if (!text) return LOC_ERR_NOMEM;
    k->b.text = text;
    if (b->source_map && b->len) {
        size_t *map = arena_alloc_raw(&s->arena, b->len * sizeof *map);
        if (!map) return LOC_ERR_NOMEM;
        memcpy(map, b->source_map, b->len * sizeof *map);
        k->b.source_map = map;
    }
    s->nblocks++;
    return LOC_OK;
}

/* Decides each article's region from its first blocks, as the program does. */
static loc_status decide_regions(const locutor_lang *lang, locutor_speech *s, const reader *r)
{
    arena scratch = {0};
    loc_status st = LOC_OK;
    for (size_t i = 0; st == LOC_OK && i < s->nblocks;) {
        size_t end = i, bytes = 0;
        es_evidence ev;
        es_evidence_init(&ev);
        const char *declared = reader_language(r);
        if (declared) es_evidence_declared(&ev, &lang->es, declared);
        while (end < s->nblocks && s->blocks[end].article == s->blocks[i].article)
            end++;
        for (size_t k = i; k < end && k - i < ES_EVIDENCE_BLOCKS && bytes < ES_EVIDENCE_BYTES;
             k++) {
            token_list toks;
            arena_reset(&scratch);
            if (tokenize(s->blocks[k].b.text, s->blocks[k].b.len, &scratch, &toks) != 0) {
                st = LOC_ERR_NOMEM;
                break;
            }
            es_evidence_add(&ev, &lang->es, s->blocks[k].b.text, &toks, k == i);
            bytes += s->blocks[k].b.len;
        }
        const es_region *region =
            lang->forced ? lang->forced : es_evidence_decide(&ev, &lang->es, NULL);
        for (size_t k = i; k < end; k++)
            s->blocks[k].b.region = region;
        i = end;
    }
    arena_free(&scratch);
    return st;
}

/* The bytes of the caller's text that bytes [start, end) of a block come from. */
static void map_range(const block *b, size_t start, size_t end, size_t *from, size_t *to)
{
    if (!b->source_map || start >= end || end > b->len) {
        *from = *to =
            b->source_map && b->len ? b->source_map[start < b->len ? start : b->len - 1] : 0;
        return;
    }
    *from = b->source_map[start];
    *to = b->source_map[end - 1] + 1;
}

/* Appends one block's chunks, with their public form. */
static loc_status add_chunks(locutor_speech *s, size_t index, const chunk_list *cl)
{
    if (s->nchunks + cl->count > s->chunks_cap) {
        size_t cap = s->chunks_cap ? s->chunks_cap : 64;
        while (cap < s->nchunks + cl->count)
            cap *= 2;
        chunk *c = realloc(s->chunks, cap * sizeof *c);
        if (c) s->chunks = c;
        locutor_chunk *p = realloc(s->public_chunks, cap * sizeof *p);
        if (p) s->public_chunks = p;
        bool *u = realloc(s->user_mark, cap * sizeof *u);
        if (u) s->user_mark = u;
        if (!c || !p || !u) return LOC_ERR_NOMEM;
        s->chunks_cap = cap;
    }
    speech_block *k = &s->blocks[index];
    k->first = s->nchunks;
    k->count = cl->count;
    for (size_t i = 0; i < cl->count; i++) {
        const chunk *c = &cl->items[i];
        locutor_chunk *p = &s->public_chunks[s->nchunks];
        s->user_mark[s->nchunks] = false;
        s->chunks[s->nchunks++] = *c;
        *p = (locutor_chunk){.kind = (locutor_chunk_kind)c->kind,
                             .text = c->text,
                             .ms = c->ms,
                             .rate = c->rate,
                             .pitch = c->pitch,
                             .block = index};
        if (c->kind == CHUNK_TEXT || c->kind == CHUNK_MARK)
            map_range(&k->b, c->start, c->end, &p->start, &p->end);
    }
    return LOC_OK;
}

static const read_format formats[] = {
    [LOCUTOR_FORMAT_AUTO] = READ_AUTO,         [LOCUTOR_FORMAT_TEXT] = READ_TEXT,
    [LOCUTOR_FORMAT_MARKDOWN] = READ_MARKDOWN, [LOCUTOR_FORMAT_HTML] = READ_HTML,
    [LOCUTOR_FORMAT_FEED] = READ_FEED,
};

/* Reads every block of the text into s. */
static loc_status read_all(locutor_speech *s, const locutor_lang *lang, const char *text,
                           size_t len, const read_options *ro, char *err, size_t errsize)
{
    reader *r = reader_open_memory(text, len, ro);
    if (!r) return LOC_ERR_NOMEM;
    loc_status st = LOC_OK;
    bool got = true;
    while (st == LOC_OK && got) {
        block b;
        st = reader_next(r, &b, &got);
        if (st == LOC_OK && got) st = keep_block(s, &b, reader_article(r));
    }
    if (st != LOC_OK && *reader_error(r)) set_error(err, errsize, reader_error(r));
    if (st == LOC_OK) st = decide_regions(lang, s, r);
    reader_close(r);
    return st;
}

locutor_status locutor_normalize(locutor_lang *lang, const char *text, size_t len,
                                 locutor_format format, unsigned flags, locutor_speech **out,
                                 char *err, size_t errsize)
{
    *out = NULL;
    if (err && errsize) *err = '\0';
    if ((unsigned)format > LOCUTOR_FORMAT_FEED || !lang || (!text && len)) {
        set_error(err, errsize, "locutor_normalize: invalid argument");
        return LOCUTOR_ERR_USAGE;
    }
    locutor_speech *s = calloc(1, sizeof *s);
    if (!s) return LOCUTOR_ERR_NOMEM;
    read_options ro = {.format = formats[format]};
    loc_status st = read_all(s, lang, text ? text : "", len, &ro, err, errsize);
    bool fragment = flags & LOCUTOR_FRAGMENT;
    for (size_t i = 0; st == LOC_OK && i < s->nblocks; i++) {
        chunk_list cl;
        if (fragment) s->blocks[i].b.kind = BLOCK_PARAGRAPH; /* a short line is no heading */
        st = normalize_block(&lang->es, &s->blocks[i].b, flags & LOCUTOR_MARKS, &s->arena, &cl,
                             NULL);
        if (st == LOC_OK && fragment && i + 1 == s->nblocks) /* no pause after it */
            cl.count = chunk_trailing_breaks(&cl);
        if (st == LOC_OK) st = add_chunks(s, i, &cl);
    }
    if (st != LOC_OK) {
        if (err && errsize && !*err) set_error(err, errsize, loc_strerror(st));
        locutor_speech_free(s);
        return (locutor_status)st;
    }
    s->marks = flags & LOCUTOR_MARKS;
    *out = s;
    return LOCUTOR_OK;
}

/* Where a mark for byte offset goes: before the first word (its word mark, else its text)
 * that ends after offset, so a mark inside words said as one ("21 de marzo") comes before
 * them; never among a block's trailing pauses (they are not spoken). */
static size_t mark_place(const locutor_speech *s, size_t offset, size_t *block)
{
    for (size_t b = 0; b < s->nblocks; b++) {
        const speech_block *k = &s->blocks[b];
        for (size_t i = k->first; i < k->first + k->count; i++) {
            const locutor_chunk *c = &s->public_chunks[i];
            bool word = c->kind == LOCUTOR_CHUNK_TEXT ||
                        (c->kind == LOCUTOR_CHUNK_MARK && !s->user_mark[i] && c->text[0] == 'w');
            if (word && c->end > c->start && c->end > offset) {
                *block = b;
                return i;
            }
        }
    }
    /* after every word: the end of the last block's speech */
    *block = s->nblocks ? s->nblocks - 1 : 0;
    if (!s->nblocks || !s->chunks) return 0; /* (chunks is NULL while nothing is said) */
    chunk_list cl = {.items = s->chunks + s->blocks[*block].first,
                     .count = s->blocks[*block].count};
    return s->blocks[*block].first + chunk_trailing_breaks(&cl);
}

locutor_status locutor_speech_add_mark(locutor_speech *speech, size_t offset, const char *name)
{
    if (!speech || !name || !speech->marks) return LOCUTOR_ERR_USAGE;
    if (!speech->nblocks) { /* nothing is said: the mark alone, in an empty block */
        block empty = {.kind = BLOCK_PARAGRAPH, .text = "", .len = 0};
        if (keep_block(speech, &empty, 0) != LOC_OK) return LOCUTOR_ERR_NOMEM;
        speech->blocks[0].first = speech->blocks[0].count = 0;
    }
    size_t block, at = mark_place(speech, offset, &block);
    /* after the caller's marks already there: they keep the order they were added in */
    while (at < speech->nchunks && speech->user_mark[at] &&
           speech->public_chunks[at].block == block)
        at++;
    char *copy = arena_strdup(&speech->arena, name);
    if (!copy) return LOCUTOR_ERR_NOMEM;
    chunk mark = {.kind = CHUNK_MARK, .text = copy, .start = 0, .end = 0};
    chunk_list one = {.items = &mark, .count = 1, .cap = 1};
    /* append through add_chunks' growth, then move into place */
    speech_block saved = speech->blocks[block];
    loc_status st = add_chunks(speech, block, &one);
    speech->blocks[block] = saved;
    if (st != LOC_OK) return (locutor_status)st;
    size_t last = speech->nchunks - 1;
    chunk c = speech->chunks[last];
    locutor_chunk p = speech->public_chunks[last];
    p.start = p.end = offset;
    memmove(speech->chunks + at + 1, speech->chunks + at, (last - at) * sizeof *speech->chunks);
    memmove(speech->public_chunks + at + 1, speech->public_chunks + at,
            (last - at) * sizeof *speech->public_chunks);
    memmove(speech->user_mark + at + 1, speech->user_mark + at, (last - at) * sizeof(bool));
    speech->chunks[at] = c;
    speech->public_chunks[at] = p;
    speech->user_mark[at] = true;
    speech->blocks[block].count++;
    for (size_t b = block + 1; b < speech->nblocks; b++)
        speech->blocks[b].first++;
    return LOCUTOR_OK;
}

const locutor_chunk *locutor_speech_chunks(const locutor_speech *speech, size_t *count)
{
    *count = speech->nchunks;
    return speech->public_chunks;
}

/* The chunks of block i as the renderer takes them. */
static chunk_list block_chunks(const locutor_speech *s, size_t i)
{
    const speech_block *k = &s->blocks[i];
    return (chunk_list){
        .items = s->chunks + k->first, .count = k->count, .cap = k->count, .kind = k->b.kind};
}

char *locutor_speech_text(const locutor_speech *speech)
{
    strbuf out = {0};
    bool ok = sb_puts(&out, "");
    for (size_t i = 0; ok && i < speech->nblocks; i++) {
        chunk_list cl = block_chunks(speech, i);
        ok = render_text(&cl, &out) && sb_putc(&out, '\n');
    }
    if (ok) return out.data ? out.data : strdup(""); /* the strbuf's buffer is the caller's */
    sb_free(&out);
    return NULL;
}

char *locutor_speech_ssml(const locutor_speech *speech)
{
    strbuf out = {0};
    bool ok = sb_puts(&out, render_ssml_header);
    for (size_t i = 0; ok && i < speech->nblocks; i++) {
        chunk_list cl = block_chunks(speech, i);
        ok = sb_puts(&out, "<p>") && render_ssml(&cl, cl.count, &out) && sb_puts(&out, "</p>\n");
    }
    if (ok && sb_puts(&out, render_ssml_footer)) return out.data;
    sb_free(&out);
    return NULL;
}

void locutor_speech_free(locutor_speech *speech)
{
    if (!speech) return;
    arena_free(&speech->arena);
    free(speech->blocks);
    free(speech->chunks);
    free(speech->public_chunks);
    free(speech->user_mark);
    free(speech);
}

/* ---- synthesis ---- */

/* The synthesizer's settings for voice options (NULL: the defaults); false when out of range. */
static bool voice_settings(const locutor_voice_options *options, synth_options *out)
{
    static const locutor_voice_options defaults = {.pitch = -1};
    const locutor_voice_options *o = options ? options : &defaults;
    synth_options so = {.voice = o->name ? o->name : "es",
                        .rate = o->rate ? o->rate : 175,
                        .pitch = o->pitch >= 0 ? o->pitch : 50,
                        .volume = o->volume ? o->volume : 100,
                        .buffer_ms = o->buffer_ms};
    if (so.rate < 80 || so.rate > 900 || so.pitch > 100 || so.volume < 0 || so.volume > 200 ||
        so.buffer_ms < 0 || so.buffer_ms > 2000)
        return false;
    *out = so;
    return true;
}

locutor_status locutor_voice_open(const locutor_voice_options *options, locutor_voice **out,
                                  char *err, size_t errsize)
{
    *out = NULL;
    synth_options so;
    if (!voice_settings(options, &so)) {
        set_error(err, errsize,
                  "voice options out of range (rate 80-900, pitch 0-100, volume 0-200, "
                  "buffer_ms 0-2000)");
        return LOCUTOR_ERR_USAGE;
    }
    locutor_voice *v = calloc(1, sizeof *v);
    if (!v) return LOCUTOR_ERR_NOMEM;
    loc_status st = synth_open(&so);
    if (st != LOC_OK) {
        char msg[160];
        snprintf(msg, sizeof msg, "voice %s: %s", so.voice, loc_strerror(st));
        set_error(err, errsize, msg);
        free(v);
        return (locutor_status)st;
    }
    v->rate = so.rate;
    *out = v;
    return LOCUTOR_OK;
}

int locutor_voice_sample_rate(const locutor_voice *voice)
{
    (void)voice;
    return synth_sample_rate();
}

locutor_status locutor_voice_set(locutor_voice *voice, const locutor_voice_options *options)
{
    synth_options so;
    if (!voice || !voice_settings(options, &so)) return LOCUTOR_ERR_USAGE;
    synth_set_voice_params(so.rate, so.pitch, so.volume);
    voice->rate = so.rate;
    return LOCUTOR_OK;
}

void locutor_voice_stop(locutor_voice *voice)
{
    if (voice) atomic_store(&voice->stop, 1);
}

void locutor_voice_close(locutor_voice *voice)
{
    if (!voice) return;
    synth_close();
    free(voice);
}

/* A block's chunks as the synthesizer gets them: the caller's marks named "u" and their index
 * in the block, so any name (with & or < in it) comes back as it was given. */
static loc_status synth_chunks(const locutor_speech *s, size_t i, chunk **items, char **names,
                               chunk_list *out)
{
    *out = block_chunks(s, i);
    const speech_block *k = &s->blocks[i];
    bool any = false;
    for (size_t j = 0; j < k->count && !any; j++)
        any = s->user_mark[k->first + j];
    if (!any) return LOC_OK;
    chunk *c = realloc(*items, (k->count ? k->count : 1) * sizeof *c);
    if (c) *items = c;
    char *n = realloc(*names, (k->count ? k->count : 1) * 24);
    if (n) *names = n;
    if (!c || !n) return LOC_ERR_NOMEM;
    memcpy(c, out->items, k->count * sizeof *c);
    for (size_t j = 0; j < k->count; j++)
        if (s->user_mark[k->first + j]) {
            snprintf(n + j * 24, 24, "u%zu", j);
            c[j].text = n + j * 24;
        }
    out->items = c;
    return LOC_OK;
}

/* One locutor_speak call: the callbacks and where it is. */
typedef struct {
    locutor_voice *voice;
    const locutor_speech *speech;
    locutor_audio_fn on_audio;
    locutor_event_fn on_event;
    void *user;
    size_t block;     /* the block being said */
    size_t next_mark; /* where to look for the next mark among its chunks */
    size_t base;      /* samples delivered before this block */
    size_t delivered; /* samples delivered in all */
} speaking;

static loc_status deliver_audio(void *user, const short *samples, size_t count)
{
    speaking *sp = user;
    if (atomic_load(&sp->voice->stop)) return LOC_ERR_INTERRUPTED;
    if (sp->on_audio(sp->user, samples, count) != 0) return LOC_ERR_INTERRUPTED;
    sp->delivered += count;
    return LOC_OK;
}

/* A mark reached: found among the block's chunks (in order) and reported with its text. */
static loc_status deliver_mark(void *user, const char *name, size_t sample)
{
    speaking *sp = user;
    if (atomic_load(&sp->voice->stop)) return LOC_ERR_INTERRUPTED;
    if (!sp->on_event) return LOC_OK;
    const speech_block *k = &sp->speech->blocks[sp->block];
    char *end;
    size_t theirs = name[0] == 'u' ? (size_t)strtoul(name + 1, &end, 10) : SIZE_MAX;
    if (theirs != SIZE_MAX && (*end || theirs >= k->count)) theirs = SIZE_MAX;
    for (size_t i = theirs != SIZE_MAX ? theirs : sp->next_mark; i < k->count; i++) {
        const locutor_chunk *c = &sp->speech->public_chunks[k->first + i];
        bool mine = sp->speech->user_mark[k->first + i];
        if (c->kind != LOCUTOR_CHUNK_MARK || mine != (theirs != SIZE_MAX) ||
            (!mine && strcmp(c->text, name) != 0))
            continue;
        sp->next_mark = i + 1;
        locutor_event ev = {.name = c->text,
                            .sample = sp->base + sample,
                            .start = c->start,
                            .end = c->end,
                            .block = sp->block};
        ev.kind = sp->speech->user_mark[k->first + i] ? LOCUTOR_EVENT_MARK
                  : name[0] == 's'                    ? LOCUTOR_EVENT_SENTENCE
                                                      : LOCUTOR_EVENT_WORD;
        return sp->on_event(sp->user, &ev) == 0 ? LOC_OK : LOC_ERR_INTERRUPTED;
    }
    return LOC_OK;
}

locutor_status locutor_speak(locutor_voice *voice, const locutor_speech *speech,
                             locutor_audio_fn on_audio, locutor_event_fn on_event, void *user)
{
    if (!voice || !speech || !on_audio) return LOCUTOR_ERR_USAGE;
    speaking sp = {
        .voice = voice, .speech = speech, .on_audio = on_audio, .on_event = on_event, .user = user};
    strbuf ssml = {0};
    chunk *items = NULL;
    char *names = NULL;
    loc_status st = LOC_OK;
    for (size_t i = 0; st == LOC_OK && i < speech->nblocks; i++) {
        chunk_list cl;
        st = synth_chunks(speech, i, &items, &names, &cl);
        if (st != LOC_OK) break;
        int silence;
        sb_clear(&ssml);
        if (!render_speech(&cl, &ssml, &silence)) st = LOC_ERR_NOMEM;
        sp.block = i;
        sp.next_mark = 0;
        sp.base = sp.delivered;
        if (st == LOC_OK) st = synth_speak_ssml(sb_str(&ssml), deliver_audio, deliver_mark, &sp);
        if (st == LOC_OK && silence) st = synth_silence(silence, deliver_audio, &sp);
    }
    sb_free(&ssml);
    free(items);
    free(names);
    if (atomic_exchange(&voice->stop, 0)) st = LOC_ERR_INTERRUPTED;
    return (locutor_status)st;
}

/* A mark of an SSML document said as written: reported with its name. */
static loc_status deliver_written_mark(void *user, const char *name, size_t sample)
{
    speaking *sp = user;
    if (atomic_load(&sp->voice->stop)) return LOC_ERR_INTERRUPTED;
    if (!sp->on_event) return LOC_OK;
    locutor_event ev = {.kind = LOCUTOR_EVENT_MARK, .name = name, .sample = sample};
    return sp->on_event(sp->user, &ev) == 0 ? LOC_OK : LOC_ERR_INTERRUPTED;
}

locutor_status locutor_speak_as_written(locutor_voice *voice, const char *text,
                                        const char *language, int ssml, locutor_audio_fn on_audio,
                                        locutor_event_fn on_event, void *user)
{
    if (!voice || !text || !on_audio) return LOCUTOR_ERR_USAGE;
    speaking sp = {.voice = voice, .on_audio = on_audio, .on_event = on_event, .user = user};
    strbuf doc = {0};
    loc_status st = LOC_OK;
    if (!ssml &&
        !(sb_puts(&doc, "<speak>") && render_escape(&doc, text) && sb_puts(&doc, "</speak>")))
        st = LOC_ERR_NOMEM;
    if (st == LOC_OK)
        st = synth_speak_ssml_in(language, ssml ? text : sb_str(&doc), deliver_audio,
                                 deliver_written_mark, &sp);
    sb_free(&doc);
    if (atomic_exchange(&voice->stop, 0)) st = LOC_ERR_INTERRUPTED;
    return (locutor_status)st;
}
