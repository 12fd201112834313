/* pipeline.c - drives the stages block by block, so memory stays flat however long the input. */
#include "pipeline.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "es_classify.h"
#include "render.h"
#include "sink.h"
#include "synth.h"
#include "token.h"
#include "workers.h"

typedef struct {
    sink *sinks[2]; /* file and/or live; NULL when unused */
    size_t count;
} sink_set;

static loc_status to_sinks(void *user, const short *samples, size_t count)
{
    sink_set *set = user;
    if (sink_interrupted()) return LOC_ERR_INTERRUPTED;
    for (size_t i = 0; i < set->count; i++) {
        loc_status st = set->sinks[i]->ops->write(set->sinks[i], samples, count);
        if (st != LOC_OK) return st;
    }
    return LOC_OK;
}

static void verbose_verbatim(FILE *verbose, const block *b, const sem_list *sems)
{
    for (size_t i = 0; i < sems->count; i++)
        if (sems->items[i].cls == SEM_VERBATIM)
            fprintf(verbose, "locutor: line %zu: no rule for '%s', read as written\n",
                    b->source_line, sems->items[i].payload);
}

loc_status pipeline_chunk_block(const es_lang *lang, const block *b, arena *a, chunk_list *out,
                                FILE *verbose)
{
    token_list tokens;
    sem_list sems;
    if (tokenize(b->text, b->len, a, &tokens) != 0) return LOC_ERR_NOMEM;
    loc_status st = es_classify(lang, b->text, &tokens, a, &sems);
    if (st != LOC_OK) return st;
    if (verbose) verbose_verbatim(verbose, b, &sems);
    return chunk_block(lang, b, &sems, a, out);
}

/* Queues one block for synthesis: its speech as SSML, its trailing pauses as silence. */
static loc_status speak_block(const chunk_list *chunks, workers *pool, strbuf *ssml)
{
    size_t speech = chunk_trailing_breaks(chunks);
    int silence_ms = 0;
    for (size_t i = speech; i < chunks->count; i++)
        if (chunks->items[i].kind == CHUNK_BREAK) silence_ms += chunks->items[i].ms;
    sb_clear(ssml);
    if (!sb_puts(ssml, "<speak xml:lang=\"es\">") || !render_ssml(chunks, speech, ssml) ||
        !sb_puts(ssml, "</speak>"))
        return LOC_ERR_NOMEM;
    return workers_submit(pool, sb_str(ssml), silence_ms);
}

static loc_status print_block(const loc_options *o, const chunk_list *chunks, strbuf *line)
{
    sb_clear(line);
    bool ok = o->text ? render_text(chunks, line)
                      : sb_puts(line, "<p>") && render_ssml(chunks, chunks->count, line) &&
                            sb_puts(line, "</p>");
    if (!ok || !sb_putc(line, '\n')) return LOC_ERR_NOMEM;
    return fwrite(line->data, 1, line->len, stdout) == line->len ? LOC_OK : LOC_ERR_OUTPUT_WRITE;
}

typedef struct {
    const loc_options *o;
    es_lang lang;
    sink_set sinks;
    workers *pool; /* NULL when no audio is made */
    arena arena;
    strbuf scratch;
    strbuf *err;
} run;

static loc_status read_file(run *r, const char *path)
{
    loc_status st;
    reader *rd = reader_open_with(path, &r->o->read, &st);
    if (!rd) {
        sb_printf(r->err, "%s: %s", path, strerror(errno));
        return st;
    }
    block b;
    bool got;
    size_t blocks = 0, articles = 0, article = 0;
    FILE *verbose = r->o->verbose ? stderr : NULL;
    while ((st = reader_next(rd, &b, &got)) == LOC_OK && got) {
        chunk_list chunks;
        arena_reset(&r->arena);
        if (b.index == 0 || reader_article(rd) != article) { /* a feed's next item */
            if (b.index > 0 && r->pool && (st = workers_end_article(r->pool)) != LOC_OK) break;
            article = reader_article(rd);
            articles++;
        }
        if (verbose && reader_was_legacy(rd) && b.source_line)
            fprintf(verbose, "locutor: %s:%zu: not UTF-8, read as Windows-1252\n", path,
                    b.source_line);
        else if (verbose && reader_was_legacy(rd)) /* a page or a feed */
            fprintf(verbose, "locutor: %s: not UTF-8, read as Windows-1252\n", path);
        st = pipeline_chunk_block(&r->lang, &b, &r->arena, &chunks, verbose);
        if (st == LOC_OK && (r->o->text || r->o->ssml))
            st = print_block(r->o, &chunks, &r->scratch);
        if (st == LOC_OK && r->pool) st = speak_block(&chunks, r->pool, &r->scratch);
        if (st == LOC_OK && sink_interrupted()) st = LOC_ERR_INTERRUPTED;
        if (st != LOC_OK) break;
        blocks++;
    }
    if (st == LOC_ERR_INPUT_READ) sb_printf(r->err, "%s: %s", path, strerror(errno));
    if (st == LOC_ERR_INPUT_TOO_LARGE || st == LOC_ERR_INPUT_FORMAT)
        sb_printf(r->err, "%s: %s", path, reader_error(rd));
    if (st == LOC_ERR_OUTPUT_WRITE && !r->err->len)
        sb_printf(r->err, "%s", r->o->output ? r->o->output : "standard output");
    if (st == LOC_OK && r->pool) st = workers_end_article(r->pool);
    if (verbose && st == LOC_OK)
        fprintf(verbose, "locutor: %s: %zu article%s, %zu blocks\n", path, articles,
                articles == 1 ? "" : "s", blocks);
    reader_close(rd);
    return st;
}

/* Fails early, before any output exists, when an input cannot be read. */
static loc_status check_inputs(const loc_options *o, strbuf *err)
{
    for (size_t i = 0; i < o->ninputs; i++) {
        const char *p = o->inputs[i];
        if (strcmp(p, "-") == 0) continue;
        loc_status st;
        reader *rd = reader_open_with(p, &o->read, &st);
        if (!rd) {
            sb_printf(err, "%s: %s", p, strerror(errno));
            return st;
        }
        reader_close(rd);
    }
    return LOC_OK;
}

static loc_status open_outputs(run *r)
{
    const loc_options *o = r->o;
    loc_status st = synth_open(&o->voice);
    if (st == LOC_ERR_VOICE) sb_printf(r->err, "%s", o->voice.voice);
    if (st != LOC_OK) return st;
    if (o->output) {
        st =
            sink_file_open(o->output, synth_sample_rate(), &r->sinks.sinks[r->sinks.count], r->err);
        if (st != LOC_OK) return st;
        r->sinks.count++;
    }
    if (o->play) {
        st =
            sink_live_open(o->driver, synth_sample_rate(), &r->sinks.sinks[r->sinks.count], r->err);
        if (st != LOC_OK) return st;
        r->sinks.count++;
    }
    r->pool = workers_new(o->jobs, to_sinks, &r->sinks);
    return r->pool ? LOC_OK : LOC_ERR_NOMEM;
}

loc_status pipeline_run(const loc_options *o, strbuf *err)
{
    run r = {.o = o, .err = err};
    loc_status st = es_lang_load(&r.lang, es_data_dir(), err);
    for (size_t i = 0; st == LOC_OK && i < o->nlexicons; i++)
        st = es_lang_add_lexicon(&r.lang, o->lexicons[i], err);
    if (st == LOC_OK) st = check_inputs(o, err);
    bool audio = o->output || o->play;
    sink_catch_signals();
    if (st == LOC_OK && audio) st = open_outputs(&r);
    if (st == LOC_OK && o->ssml && fputs(render_ssml_header, stdout) == EOF)
        st = LOC_ERR_OUTPUT_WRITE;
    static char *stdin_only[] = {"-"};
    char **inputs = o->ninputs ? o->inputs : stdin_only;
    size_t n = o->ninputs ? o->ninputs : 1;
    for (size_t i = 0; st == LOC_OK && i < n; i++)
        st = read_file(&r, inputs[i]);
    if (st == LOC_OK && o->ssml && fputs(render_ssml_footer, stdout) == EOF)
        st = LOC_ERR_OUTPUT_WRITE;
    if (r.pool) {
        if (st == LOC_OK)
            st = workers_finish(r.pool);
        else
            workers_abort(r.pool);
        if (st == LOC_ERR_SYNTH && !err->len) sb_puts(err, "espeak-ng could not speak a block");
    }
    for (size_t i = 0; i < r.sinks.count; i++) {
        sink *s = r.sinks.sinks[i];
        if (st == LOC_OK) {
            st = s->ops->finish(s);
            if (st != LOC_OK) sb_printf(err, "%s", o->output ? o->output : "audio device");
        } else
            s->ops->abort(s);
    }
    if (audio) synth_close();
    if (fflush(stdout) != 0 && st == LOC_OK) {
        sb_printf(err, "standard output: %s", strerror(errno));
        st = LOC_ERR_OUTPUT_WRITE;
    }
    if (sink_interrupted()) {
        st = LOC_ERR_INTERRUPTED;
        sb_clear(err);
    }
    arena_free(&r.arena);
    sb_free(&r.scratch);
    es_lang_free(&r.lang);
    return st;
}
