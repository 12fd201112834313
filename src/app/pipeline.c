/* pipeline.c - drives the stages block by block, so memory stays flat however long the input.
 * With several articles it builds a program: intro, articles with separators, outro. */
#include "pipeline.h"

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "es_classify.h"
#include "es_foreign.h"
#include "es_infer.h"
#include "feed.h"
#include "normalize.h"
#include "collide.h"
#include "render.h"
#include "session.h"
#include "sink.h"
#include "synth.h"
#include "text_pool.h"
#include "timing.h"
#include "title.h"
#include "token.h"
#include "utf8.h"
#include "workers.h"

enum {
    SEPARATOR_MS = 1600, /* between articles, when there is no jingle */
    END_MS = 200,        /* after the last block of the program */
};

typedef struct {
    unsigned long block; /* first block of the intro, an article or the outro */
    char *title;         /* NULL: the outro, where the last split file ends */
    bool article;        /* false for the intro: it gets no split file of its own */
} article_start;

typedef struct {
    const loc_options *o;
    es_lang lang;
    table *phrases; /* voices/es/briefing.tsv */
    table *words;   /* voices/es/interface.tsv, for --feed */
    sink *program[2];
    size_t nprogram;
    sink *split; /* the current article's own file (--split) */
    size_t nsplit;
    article_start *starts;
    size_t nstarts, next_start;
    workers *pool;      /* NULL when no audio is made */
    text_pool *texts;   /* --text or --ssml alone, several jobs: blocks printed by children */
    timing *timing;     /* NULL when no audio is made */
    publish_list later; /* finished files, renamed into place once everything succeeded */
    named_file *files;  /* every input and output, for clashes with split files */
    bool made_split;    /* this run made the --split folder (removed again on failure) */
    size_t nfiles;
    short *jingle;
    size_t jingle_count;
    arena arena;
    strbuf scratch;
    strbuf pending; /* SSML of the last block, held until its pause is known */
    unsigned long pending_id;
    int pending_silence;
    bool has_pending;
    unsigned long next_id;
    unsigned long long samples; /* delivered so far */
    strbuf titles;              /* article titles, for the feed */
    strbuf *err;
    /* the region of the current article: --region, else guessed from its first blocks */
    const es_region *forced; /* --region, NULL to guess */
    const es_region *region; /* decided for this article; NULL while its blocks are held */
    es_evidence evidence;
    block *held; /* the article's first blocks, their text in held_text (offsets in .text) */
    size_t nheld, held_cap;
    strbuf held_text;
    reader_offsets held_map; /* their source maps (offsets in .source_map, plus 1; 0: none) */
    size_t article_no;
    const char *path;
} run;

/* ---- the audio side: samples and events from the workers, in order ---- */

static loc_status to_sinks(void *user, const short *samples, size_t count)
{
    run *r = user;
    if (sink_interrupted()) return LOC_ERR_INTERRUPTED;
    for (size_t i = 0; i < r->nprogram; i++) {
        loc_status st = r->program[i]->ops->write(r->program[i], samples, count);
        if (st != LOC_OK) return st;
    }
    r->samples += count;
    return r->split ? r->split->ops->write(r->split, samples, count) : LOC_OK;
}

static sink_file_options file_options(const loc_options *o, publish_list *later)
{
    return (sink_file_options){o->sample_rate, o->bitrate, !o->loudness_off,
                               o->loudness,    o->jobs,    later};
}

/* "Lavrov elogia a soldados" -> "02-lavrov-elogia-a-soldados", "Ñandú" -> "01-nandu": each
 * character lower-cased (utf8_lower), Spanish accents dropped, anything else a hyphen */
static void slug(char *out, size_t size, size_t n, const char *title)
{
    static const char *const from[] = {"á", "é", "í", "ó", "ú", "ü", "ñ"};
    static const char to[] = "aeiouun";
    size_t o = (size_t)snprintf(out, size, "%02zu-", n);
    const char *end = title + strlen(title);
    for (const char *p = title; p < end && o + 2 < size && o < 64;) {
        size_t k;
        char low[8];
        utf8_decode(p, (size_t)(end - p), &k);
        utf8_lower(p, k, low, sizeof low);
        p += k;
        char c = low[1] ? 0 : low[0];
        for (size_t f = 0; !c && f < sizeof from / sizeof *from; f++)
            if (strcmp(low, from[f]) == 0) c = to[f];
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep)
            out[o++] = c;
        else if (o > 0 && out[o - 1] != '-')
            out[o++] = '-';
    }
    while (o > 0 && out[o - 1] == '-')
        o--;
    out[o] = '\0';
}

/* Closes the current article's file and opens the next one's (title NULL: none). */
static loc_status switch_split(run *r, const char *title)
{
    loc_status st = LOC_OK;
    if (r->split) {
        sink *s = r->split;
        r->split = NULL;
        st = s->ops->finish(s);
        if (st != LOC_OK) sb_printf(r->err, "%s (a --split file)", r->o->split);
    }
    if (st != LOC_OK || !title) return st;
    char name[80], path[PATH_MAX];
    const char *ext =
        r->o->output && sink_file_known_format(r->o->output) ? strrchr(r->o->output, '.') : ".wav";
    slug(name, sizeof name, ++r->nsplit, title);
    snprintf(path, sizeof path, "%s/%s%s", r->o->split, name, ext);
    const named_file *clash = collide_find(r->files, r->nfiles, path);
    if (clash) {
        sb_printf(r->err, "--split file %s would overwrite %s %s: choose another folder", path,
                  clash->option, clash->path);
        return LOC_ERR_USAGE;
    }
    sink_file_options fo = file_options(r->o, &r->later);
    return sink_file_open(path, synth_sample_rate(), &fo, &r->split, r->err);
}

static loc_status on_event(void *user, const worker_event *ev)
{
    run *r = user;
    loc_status st = timing_event(r->timing, ev);
    if (st == LOC_OK && ev->kind == WORKER_BLOCK_BEGIN && r->o->split &&
        r->next_start < r->nstarts && r->starts[r->next_start].block == ev->block) {
        const article_start *a = &r->starts[r->next_start++];
        st = switch_split(r, a->article ? a->title : NULL);
    }
    return st;
}

/* ---- the text side: one block at a time ---- */

static loc_status print_block(const loc_options *o, const chunk_list *chunks, strbuf *line)
{
    sb_clear(line);
    bool ok = o->text ? render_text(chunks, line)
                      : sb_puts(line, "<p>") && render_ssml(chunks, chunks->count, line) &&
                            sb_puts(line, "</p>");
    if (!ok || !sb_putc(line, '\n')) return LOC_ERR_NOMEM;
    return fwrite(line->data, 1, line->len, stdout) == line->len ? LOC_OK : LOC_ERR_OUTPUT_WRITE;
}

/* Sends the held block to the workers with the pause it now has. */
static loc_status flush_pending(run *r)
{
    if (!r->has_pending) return LOC_OK;
    r->has_pending = false;
    return workers_submit(r->pool, r->pending_id, sb_str(&r->pending), r->pending_silence);
}

/* Queues one block for synthesis: its speech as SSML, its trailing pauses as silence.
 * It is held until the next one comes, so an article's last pause can become a separator. */
static loc_status speak_block(run *r, const block *b, bool has_source, const chunk_list *chunks)
{
    loc_status st = flush_pending(r);
    if (st != LOC_OK) return st;
    r->pending_id = r->next_id++;
    sb_clear(&r->pending);
    if (!render_speech(chunks, &r->pending, &r->pending_silence)) return LOC_ERR_NOMEM;
    r->has_pending = true;
    return timing_add_block(r->timing, r->pending_id, b, has_source, chunks);
}

static loc_status add_start(run *r, const char *title, bool article)
{
    article_start *s = realloc(r->starts, (r->nstarts + 1) * sizeof *s);
    if (!s) return LOC_ERR_NOMEM;
    r->starts = s;
    s[r->nstarts].block = r->next_id;
    s[r->nstarts].article = article;
    s[r->nstarts].title = title ? strdup(title) : NULL;
    if (title && !s[r->nstarts].title) return LOC_ERR_NOMEM;
    r->nstarts++;
    return title ? timing_add_chapter(r->timing, r->next_id, title) : LOC_OK;
}

/* In a text pool's child: one block through the normalizer, printed. */
static loc_status print_one(void *user, const block *b)
{
    run *r = user;
    chunk_list chunks;
    arena_reset(&r->arena);
    loc_status st = normalize_block(&r->lang, b, false, &r->arena, &chunks, NULL);
    return st == LOC_OK ? print_block(r->o, &chunks, &r->scratch) : st;
}

/* One block through the normalizer, then printed and/or queued for speech. */
static loc_status process_block(run *r, const block *b, bool has_source, FILE *verbose)
{
    if (r->texts) {
        loc_status st = text_pool_add(r->texts, b);
        return st == LOC_OK && sink_interrupted() ? LOC_ERR_INTERRUPTED : st;
    }
    chunk_list chunks;
    arena_reset(&r->arena);
    bool marks = r->pool != NULL; /* always: the audio is the same whether or not timing is asked */
    loc_status st = normalize_block(&r->lang, b, marks, &r->arena, &chunks, verbose);
    if (st == LOC_OK && (r->o->text || r->o->ssml)) st = print_block(r->o, &chunks, &r->scratch);
    if (st == LOC_OK && r->pool) st = speak_block(r, b, has_source, &chunks);
    if (st == LOC_OK && sink_interrupted()) st = LOC_ERR_INTERRUPTED;
    return st;
}

/* Speaks generated words (intro, outro) as a block of their own. */
static loc_status process_text(run *r, const char *text, block_kind kind)
{
    block b = {.kind = kind, .text = text, .len = strlen(text)};
    b.region = r->forced ? r->forced : es_region_default(&r->lang);
    return process_block(r, &b, false, NULL);
}

static const char *phrase(const run *r, const char *key, const char *fallback)
{
    const table_entry *e = r->phrases ? table_get(r->phrases, key) : NULL;
    return e ? e->spoken : fallback;
}

/* The program's title: --title cleaned and cut like an article's (see title_clean), else
 * the frame's ("Resumen informativo"). */
static bool program_title(const run *r, strbuf *out)
{
    const char *t = r->o->title;
    sb_clear(out);
    if (t && !title_clean(t, strlen(t), TITLE_MAX, out)) return false;
    return out->len || sb_puts(out, phrase(r, "title", "Resumen informativo"));
}

/* "Resumen informativo. Jueves, 26 de noviembre de 2026." (read by the normalizer) */
static loc_status speak_intro(run *r)
{
    const loc_options *o = r->o;
    struct tm day = {0};
    if (o->year) {
        day.tm_year = o->year - 1900, day.tm_mon = o->month - 1, day.tm_mday = o->day;
        day.tm_hour = 12;
        mktime(&day);
    } else {
        time_t now = time(NULL);
        localtime_r(&now, &day);
    }
    strbuf program = {0};
    if (!program_title(r, &program)) return LOC_ERR_NOMEM;
    const char *title = sb_str(&program);
    strbuf text = {0};
    bool ok = sb_printf(&text, "%s. ", title);
    size_t weekday = text.len; /* starts a sentence: "Jueves" */
    ok = ok && sb_printf(&text, "%s, %d de %s de %d.", r->lang.weekday_name[day.tm_wday],
                         day.tm_mday, r->lang.month_name[day.tm_mon + 1], day.tm_year + 1900);
    if (ok) utf8_capitalize_at(&text, weekday);
    loc_status st = !ok ? LOC_ERR_NOMEM : r->pool ? add_start(r, title, false) : LOC_OK;
    if (st == LOC_OK) st = process_text(r, sb_str(&text), BLOCK_TITLE);
    sb_free(&text);
    sb_free(&program);
    return st;
}

/* An article begins: its title (its first heading, else the file name) opens a chapter. */
static loc_status start_article(run *r, const block *first, const char *path)
{
    strbuf title = {0};
    loc_status st = title_of_article(first, path, &title) ? LOC_OK : LOC_ERR_NOMEM;
    if (st == LOC_OK) st = add_start(r, sb_str(&title), true);
    if (st == LOC_OK && r->titles.len && !sb_puts(&r->titles, "; ")) st = LOC_ERR_NOMEM;
    if (st == LOC_OK && !sb_puts(&r->titles, sb_str(&title))) st = LOC_ERR_NOMEM;
    sb_free(&title);
    return st;
}

/* An article ends: its last pause becomes the separator (or a jingle follows), and is
 * short at the very end of the program. Articles never share a worker. */
static loc_status end_article(run *r, bool last)
{
    if (!r->pool) return LOC_OK;
    bool more = !last || (r->o->briefing && !r->o->no_outro);
    if (r->has_pending && r->o->briefing && more)
        r->pending_silence = r->jingle && !last ? CHUNK_PAUSE_HEADING_MS : SEPARATOR_MS;
    if (r->has_pending && !more) r->pending_silence = END_MS;
    loc_status st = flush_pending(r);
    if (st == LOC_OK && r->jingle && r->o->briefing && !last) st = workers_submit_clip(r->pool);
    return st == LOC_OK ? workers_end_article(r->pool) : st;
}

/* The article's region is decided from its held blocks, which are then read with it. */
static loc_status release_held(run *r, FILE *verbose)
{
    if (!r->region) {
        strbuf why = {0};
        r->region = es_evidence_decide(&r->evidence, &r->lang, verbose ? &why : NULL);
        if (verbose)
            fprintf(verbose, "locutor: %s: article %zu: region %s\n", r->path, r->article_no,
                    sb_str(&why));
        sb_free(&why);
    }
    loc_status st = LOC_OK;
    for (size_t k = 0; st == LOC_OK && k < r->nheld; k++) {
        block b = r->held[k];
        b.text = r->held_text.data + (size_t)(uintptr_t)b.text;
        size_t map = (size_t)(uintptr_t)b.source_map;
        b.source_map = map ? r->held_map.items + map - 1 : NULL;
        b.region = r->region;
        st = process_block(r, &b, true, verbose);
    }
    r->nheld = 0;
    sb_clear(&r->held_text);
    r->held_map.count = 0;
    return st;
}

/* A block of the current article: held (and weighed) until the region is known, then read. */
static loc_status take_block(run *r, const block *b, FILE *verbose)
{
    if (r->region) {
        block with = *b;
        with.region = r->region;
        return process_block(r, &with, true, verbose);
    }
    arena_reset(&r->arena);
    token_list toks;
    if (tokenize(b->text, b->len, &r->arena, &toks) != 0) return LOC_ERR_NOMEM;
    es_evidence_add(&r->evidence, &r->lang, b->text, &toks, r->nheld == 0);
    if (r->nheld == r->held_cap) {
        size_t cap = r->held_cap ? r->held_cap * 2 : 16;
        block *h = realloc(r->held, cap * sizeof *h);
        if (!h) return LOC_ERR_NOMEM;
        r->held = h;
        r->held_cap = cap;
    }
    block *h = &r->held[r->nheld++];
    *h = *b;
    h->text = (const char *)(uintptr_t)r->held_text.len; /* an offset until released */
    if (!sb_append(&r->held_text, b->text, b->len) || !sb_putc(&r->held_text, '\0'))
        return LOC_ERR_NOMEM;
    h->source_map = NULL;
    if (b->source_map && b->len) {
        h->source_map = (const size_t *)(uintptr_t)(r->held_map.count + 1);
        if (!reader_offsets_add(&r->held_map, 0, b->len, false)) return LOC_ERR_NOMEM;
        memcpy(r->held_map.items + r->held_map.count - b->len, b->source_map,
               b->len * sizeof *b->source_map);
    }
    if (r->nheld >= ES_EVIDENCE_BLOCKS || r->held_text.len >= ES_EVIDENCE_BYTES)
        return release_held(r, verbose);
    return LOC_OK;
}

/* A new article: its region is guessed again, unless --region set it. */
static void begin_region(run *r, const char *path, const char *declared)
{
    r->region = r->forced;
    r->nheld = 0;
    sb_clear(&r->held_text);
    r->held_map.count = 0;
    r->article_no++;
    r->path = path;
    es_evidence_init(&r->evidence);
    if (declared) es_evidence_declared(&r->evidence, &r->lang, declared);
}

static loc_status read_file(run *r, const char *path, bool last_article)
{
    loc_status st;
    read_options ro = session_read_options(r->o);
    if (sink_interrupted()) return LOC_ERR_INTERRUPTED; /* before a FIFO's open can block */
    reader *rd = reader_open_with(path, &ro, &st);
    if (!rd) {
        sb_printf(r->err, "%s: %s", path, strerror(errno));
        return st;
    }
    block b;
    bool got;
    size_t blocks = 0, articles = 0, article = 0;
    FILE *verbose = r->o->verbose ? stderr : NULL;
    while ((st = reader_next(rd, &b, &got)) == LOC_OK && got) {
        if (b.index == 0 || reader_article(rd) != article) { /* a new file or a feed's next item */
            if (b.index > 0) st = release_held(r, verbose);
            if (b.index > 0 && st == LOC_OK) st = end_article(r, false);
            begin_region(r, path, reader_language(rd));
            article = reader_article(rd);
            articles++;
            if (st == LOC_OK && r->pool) st = start_article(r, &b, path);
        }
        if (verbose && reader_was_legacy(rd) && b.source_line)
            fprintf(verbose, "locutor: %s:%zu: not UTF-8, read as Windows-1252\n", path,
                    b.source_line);
        else if (verbose && reader_was_legacy(rd)) /* a page or a feed */
            fprintf(verbose, "locutor: %s: not UTF-8, read as Windows-1252\n", path);
        if (st == LOC_OK) st = take_block(r, &b, verbose);
        if (st != LOC_OK) break;
        blocks++;
    }
    if (st == LOC_ERR_INPUT_READ) sb_printf(r->err, "%s: %s", path, strerror(errno));
    if (st == LOC_ERR_INPUT_TOO_LARGE || st == LOC_ERR_INPUT_FORMAT)
        sb_printf(r->err, "%s: %s", path, reader_error(rd));
    const char *why =
        st == LOC_ERR_OUTPUT_WRITE && r->nprogram ? sink_file_failure(r->program[0]) : NULL;
    if (why && !r->err->len) sb_puts(r->err, why);
    if (st == LOC_ERR_OUTPUT_WRITE && !r->err->len)
        sb_printf(r->err, "%s", r->o->output ? r->o->output : "standard output");
    if (st == LOC_OK) st = release_held(r, verbose);
    if (st == LOC_OK) st = end_article(r, last_article);
    if (verbose && st == LOC_OK)
        fprintf(verbose, "locutor: %s: %zu article%s, %zu blocks\n", path, articles,
                articles == 1 ? "" : "s", blocks);
    reader_close(rd);
    return st;
}

static loc_status speak_outro(run *r)
{
    loc_status st = r->pool ? add_start(r, NULL, false) : LOC_OK;
    if (st == LOC_OK)
        st = process_text(r, phrase(r, "outro", "Fin del resumen informativo."), BLOCK_PARAGRAPH);
    if (st == LOC_OK && r->has_pending) r->pending_silence = END_MS;
    if (st == LOC_OK && r->pool) st = flush_pending(r);
    return st;
}

/* ---- setting up and finishing ---- */

/* Refuses, before any output is opened, an output that is an input or another output. */
static loc_status check_collisions(run *r)
{
    const loc_options *o = r->o;
    size_t n = o->ninputs + o->nlexicons + 8;
    if (!(r->files = calloc(n, sizeof *r->files))) return LOC_ERR_NOMEM;
    named_file *f = r->files;
    const struct {
        const char *option, *path;
        bool output;
    } named[] = {
        {"-o", o->output, true},
        {"--captions", o->captions, true},
        {"--marks", o->marks, true},
        {"--chapters", o->chapters, true},
        {"--feed", o->feed, true},
        {"--jingle", o->briefing ? o->jingle : NULL, false},
        {"the article", o->ninputs ? NULL : "-", false},
        {o->text ? "--text" : "--ssml", o->text || o->ssml ? "-" : NULL, true},
    };
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (named[i].path)
            *f++ = (named_file){
                .option = named[i].option, .path = named[i].path, .output = named[i].output};
    for (size_t i = 0; i < o->ninputs; i++)
        *f++ = (named_file){.option = "the article", .path = o->inputs[i]};
    for (size_t i = 0; i < o->nlexicons; i++)
        *f++ = (named_file){.option = "--lexicon", .path = o->lexicons[i]};
    r->nfiles = (size_t)(f - r->files);
    return collide_check(r->files, r->nfiles, r->err);
}

static loc_status open_outputs(run *r)
{
    const loc_options *o = r->o;
    loc_status st = synth_open(&o->voice);
    if (st == LOC_ERR_VOICE) sb_printf(r->err, "%s", o->voice.voice);
    if (st != LOC_OK) return st;
    int rate = synth_sample_rate();
    if (o->jingle && o->briefing) {
        st = sound_file_read(o->jingle, rate, &r->jingle, &r->jingle_count, r->err);
        if (st != LOC_OK) return st;
    }
    if (o->split && mkdir(o->split, 0777) == 0) r->made_split = true;
    if (o->split && !r->made_split && errno != EEXIST) {
        sb_printf(r->err, "%s: %s", o->split, strerror(errno));
        return LOC_ERR_OUTPUT_OPEN;
    }
    if (o->output) {
        sink_file_options fo = file_options(o, &r->later);
        fo.normalize = fo.normalize && strcmp(o->output, "-") != 0; /* a pipe streams as it goes */
        st = sink_file_open(o->output, rate, &fo, &r->program[r->nprogram], r->err);
        if (st != LOC_OK) return st;
        r->nprogram++;
    }
    if (o->play) {
        st = sink_live_open(o->driver, rate, &r->program[r->nprogram], r->err);
        if (st != LOC_OK) return st;
        r->nprogram++;
    }
    st = timing_open(o->captions, o->marks, o->chapters, rate, &r->timing, r->err);
    if (st != LOC_OK) return st;
    r->pool = workers_new(o->jobs, r->jingle, r->jingle_count, to_sinks, on_event, r);
    return r->pool ? LOC_OK : LOC_ERR_NOMEM;
}

/* Waits for the last audio, then completes every output (or removes them all). */
static loc_status finish_outputs(run *r, loc_status st)
{
    const loc_options *o = r->o;
    if (r->pool) {
        if (st == LOC_OK)
            st = workers_finish(r->pool);
        else
            workers_abort(r->pool);
        if (st == LOC_ERR_SYNTH && !r->err->len)
            sb_puts(r->err, "espeak-ng could not speak a block");
    }
    if (st == LOC_OK && r->split) st = switch_split(r, NULL);
    if (r->split) r->split->ops->abort(r->split);
    if (st == LOC_OK && r->timing && o->output && r->nstarts > 1) {
        size_t n;
        const timing_chapter *c = timing_chapters(r->timing, &n);
        for (size_t i = 0; st == LOC_OK && c && i < n; i++)
            st = sink_file_cue(r->program[0],
                               (unsigned long long)(c[i].start_s * synth_sample_rate() + 0.5),
                               c[i].title);
    }
    for (size_t i = 0; i < r->nprogram; i++) {
        sink *s = r->program[i];
        if (st == LOC_OK) {
            st = s->ops->finish(s);
            if (st != LOC_OK && !r->err->len)
                sb_printf(r->err, "%s", o->output ? o->output : "audio device");
        } else
            s->ops->abort(s);
    }
    if (r->timing) {
        if (st == LOC_OK)
            st = timing_finish(r->timing, &r->later, r->err);
        else
            timing_abort(r->timing);
    }
    if (st == LOC_OK && sink_interrupted()) st = LOC_ERR_INTERRUPTED;
    if (st == LOC_OK)
        st = publish_all(&r->later, r->err);
    else
        publish_discard(&r->later);
    if (st == LOC_OK && o->feed) {
        double seconds = (double)r->samples / synth_sample_rate();
        strbuf program = {0};
        st = program_title(r, &program) ? LOC_OK : LOC_ERR_NOMEM;
        if (st == LOC_OK)
            st = feed_add_episode(r->words, o->feed, o->feed_url, o->output, sb_str(&program),
                                  sb_str(&r->titles), seconds, o->year, o->month, o->day, r->err);
        sb_free(&program);
    }
    return st;
}

loc_status pipeline_list_regions(FILE *out, strbuf *err)
{
    es_lang lang;
    loc_status st = es_lang_load(&lang, es_data_dir(), err);
    for (size_t k = 0; st == LOC_OK && k < lang.nregions; k++) {
        const es_region *r = &lang.region_styles[k][lang.region_styles[k][0].own];
        const table_entry *cur = table_get(lang.currencies, r->dollar);
        char dollar[64];
        snprintf(dollar, sizeof dollar, "%s", cur ? cur->spoken : r->dollar);
        char *bar = strchr(dollar, '|');
        if (bar) memmove(dollar, bar + 1, strlen(bar)); /* the plural: pesos, dólares */
        if (fprintf(out, "%-7s decimal %-6s $ = %-8s 1 de enero = %-8s %s\n", r->code,
                    r->style == ES_STYLE_POINT ? "point" : "comma", dollar,
                    r->first ? "primero" : "uno", r->name) < 0)
            st = LOC_ERR_OUTPUT_WRITE;
    }
    es_lang_free(&lang);
    return st;
}

loc_status pipeline_run(const loc_options *o, strbuf *err)
{
    run r = {.o = o, .err = err};
    sink_catch_signals(); /* from the start: loading data takes time */
    loc_status st = check_collisions(&r);
    if (st == LOC_OK) st = session_load_language(o, &r.lang, &r.forced, err);
    if (st == LOC_OK && o->briefing) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/es/briefing.tsv", es_data_dir());
        r.phrases = table_new();
        st = r.phrases ? table_load(r.phrases, path, err) : LOC_ERR_NOMEM;
    }
    if (st == LOC_OK && o->feed) st = session_load_interface(&r.words, err);
    if (st == LOC_OK) st = session_check_inputs(o, err);
    bool audio = o->output || o->play || o->split;
    if (st == LOC_OK && audio) st = open_outputs(&r);
    /* normalizing alone, children pay for their cold caches and the copies: on two processors
       one process is faster (bench/run: 21.7 MB/s against 17.9), unless -j asks otherwise */
    int text_jobs = o->jobs_given || o->jobs > 2 ? o->jobs : 1;
    if (st == LOC_OK && r.lang.foreign && !audio && text_jobs > 1) { /* children inherit these */
        es_lang_word_lists(&r.lang);
        strbuf warm = {0};
        synth_phonemes(NULL, es_foreign_voice("en"), "the", &warm);
        sb_free(&warm);
    }
    /* text alone on several cores; --verbose stays in one process, its lines in order */
    if (st == LOC_OK && !audio && (o->text || o->ssml) && text_jobs > 1 && !o->verbose &&
        !(r.texts = text_pool_new(text_jobs, print_one, &r)))
        st = LOC_ERR_NOMEM;
    if (st == LOC_OK && o->ssml && fputs(render_ssml_header, stdout) == EOF)
        st = LOC_ERR_OUTPUT_WRITE;
    static char *stdin_only[] = {"-"};
    char **inputs = o->ninputs ? o->inputs : stdin_only;
    size_t n = o->ninputs ? o->ninputs : 1;
    if (st == LOC_OK && o->briefing && !o->no_intro) st = speak_intro(&r);
    for (size_t i = 0; st == LOC_OK && i < n; i++)
        st = read_file(&r, inputs[i], i + 1 == n);
    if (st == LOC_OK && o->briefing && !o->no_outro) st = speak_outro(&r);
    if (r.texts && st == LOC_OK)
        st = text_pool_finish(r.texts);
    else if (r.texts)
        text_pool_abort(r.texts);
    r.texts = NULL;
    if (st == LOC_OK && o->ssml && fputs(render_ssml_footer, stdout) == EOF)
        st = LOC_ERR_OUTPUT_WRITE;
    if (audio) {
        st = finish_outputs(&r, st);
        synth_close();
    }
    if (st != LOC_OK && r.made_split) rmdir(o->split); /* only if empty, as it was made */
    if (fflush(stdout) != 0 && st == LOC_OK) {
        sb_printf(err, "standard output: %s", strerror(errno));
        st = LOC_ERR_OUTPUT_WRITE;
    }
    if (sink_interrupted()) {
        st = LOC_ERR_INTERRUPTED;
        sb_clear(err);
    }
    for (size_t i = 0; i < r.nstarts; i++)
        free(r.starts[i].title);
    free(r.starts);
    collide_free(r.files, r.nfiles);
    free(r.files);
    free(r.jingle);
    table_free(r.phrases);
    table_free(r.words);
    arena_free(&r.arena);
    sb_free(&r.scratch);
    sb_free(&r.pending);
    sb_free(&r.titles);
    free(r.held);
    sb_free(&r.held_text);
    reader_offsets_free(&r.held_map);
    session_free_language(&r.lang);
    return st;
}
