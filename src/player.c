/* player.c - the interactive reader: speaks one sentence at a time in 20 ms pieces, keys between.
 */
#include "player.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "chunk.h"
#include "pipeline.h"
#include "reader.h"
#include "render.h"
#include "sink.h"
#include "synth.h"
#include "term.h"

enum {
    PIECE_MS = 20,   /* audio written between two looks at the keyboard */
    RATE_STEP = 25,  /* words per minute per + or - */
    EARCON_MS = 140, /* two short tones before a heading or an article */
};

typedef struct {
    char *ssml;   /* <speak>…</speak>, malloc'd */
    char *label;  /* the heading's text on a heading's first sentence, else NULL */
    int pause_ms; /* silence after it */
    bool part;    /* a heading starts here */
} sentence;

typedef struct {
    sentence *items; /* the current article only: memory never holds the whole input */
    size_t count, cap;
    char title[256];
    unsigned long long fingerprint; /* FNV-1a of the file's bytes */
} article;

typedef struct {
    const loc_options *o;
    const es_lang *lang;
    sink *out;
    article art;
    size_t ai, si; /* article, sentence */
    int rate;
    bool paused;
    short *pcm; /* the sentence being played */
    size_t pcm_len, pcm_cap;
    arena arena;
    strbuf *err;
} player;

bool player_wanted(const loc_options *o)
{
    if (!o->play || o->output || o->text || o->ssml || o->split || o->captions || o->marks ||
        o->chapters || o->feed || o->ninputs == 0)
        return false;
    for (size_t i = 0; i < o->ninputs; i++)
        if (strcmp(o->inputs[i], "-") == 0) return false;
    return isatty(STDIN_FILENO);
}

static void say(const player *p, const char *fmt, const char *arg, long n, long m)
{
    if (p->o->quiet) return;
    printf(fmt, arg, n, m);
    fputs("\r\n", stdout);
    fflush(stdout);
}

#define SAY0(p, text) say(p, "%s", text, 0, 0)

/* ---- the article: its sentences as SSML ---- */

static void article_clear(article *a)
{
    for (size_t i = 0; i < a->count; i++) {
        free(a->items[i].ssml);
        free(a->items[i].label);
    }
    a->count = 0;
}

static unsigned long long fingerprint(const char *path)
{
    unsigned long long h = 14695981039346656037ULL;
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    int c;
    while ((c = getc(f)) != EOF)
        h = (h ^ (unsigned char)c) * 1099511628211ULL;
    fclose(f);
    return h;
}

static loc_status add_sentence(article *a, const chunk_list *cl, size_t from, size_t to,
                               const char *cue, int pause_ms)
{
    if (a->count == a->cap) {
        size_t cap = a->cap ? 2 * a->cap : 64;
        sentence *s = realloc(a->items, cap * sizeof *s);
        if (!s) return LOC_ERR_NOMEM;
        a->items = s;
        a->cap = cap;
    }
    chunk_list sub = {.items = cl->items + from, .count = to - from, .kind = cl->kind};
    strbuf sb = {0};
    bool ok = sb_puts(&sb, "<speak xml:lang=\"es\">") &&
              (!cue || sb_printf(&sb, "<s>%s.</s>", cue)) && render_ssml(&sub, sub.count, &sb) &&
              sb_puts(&sb, "</speak>");
    if (!ok) {
        sb_free(&sb);
        return LOC_ERR_NOMEM;
    }
    sentence *s = &a->items[a->count++];
    s->ssml = strdup(sb_str(&sb));
    s->label = NULL;
    s->part = false;
    s->pause_ms = pause_ms;
    sb_free(&sb);
    return s->ssml ? LOC_OK : LOC_ERR_NOMEM;
}

/* Splits one block's chunks at its sentences; breaks between them become pauses. */
static loc_status add_block(player *p, const block *b, const chunk_list *cl)
{
    article *a = &p->art;
    size_t first = a->count;
    const char *cue = NULL;
    if (p->o->announce && (b->kind == BLOCK_HEADING || b->kind == BLOCK_TITLE)) cue = "Titular";
    if (p->o->announce && b->kind == BLOCK_QUOTE) cue = "Cita";
    size_t i = 0, speech = chunk_trailing_breaks(cl);
    loc_status st = LOC_OK;
    while (st == LOC_OK && i < speech) {
        size_t from = i;
        if (cl->items[i].kind == CHUNK_SENTENCE_BEGIN)
            while (i < speech && cl->items[i].kind != CHUNK_SENTENCE_END)
                i++;
        else
            while (i < speech && cl->items[i].kind != CHUNK_SENTENCE_BEGIN)
                i++;
        if (i < speech && cl->items[i].kind == CHUNK_SENTENCE_END) i++;
        int pause = 0;
        while (i < speech && cl->items[i].kind == CHUNK_BREAK)
            pause += cl->items[i++].ms;
        st = add_sentence(a, cl, from, i, a->count == first ? cue : NULL, pause);
    }
    int tail = 0;
    for (size_t k = speech; k < cl->count; k++)
        if (cl->items[k].kind == CHUNK_BREAK) tail += cl->items[k].ms;
    if (st == LOC_OK && a->count > first) {
        a->items[a->count - 1].pause_ms += tail;
        if (b->kind == BLOCK_HEADING || b->kind == BLOCK_TITLE) {
            a->items[first].part = true;
            a->items[first].label = strndup(b->text, b->len);
        }
    }
    return st;
}

static void title_of(const char *path, const block *first, char *out, size_t size)
{
    if (first && (first->kind == BLOCK_HEADING || first->kind == BLOCK_TITLE)) {
        snprintf(out, size, "%.*s", (int)first->len, first->text);
        return;
    }
    const char *base = strrchr(path, '/');
    snprintf(out, size, "%s", base ? base + 1 : path);
    char *dot = strrchr(out, '.');
    if (dot && dot != out) *dot = '\0';
}

static loc_status load_article(player *p, size_t ai)
{
    const char *path = p->o->inputs[ai];
    article_clear(&p->art);
    loc_status st;
    reader *rd = reader_open(path, &st);
    if (!rd) {
        sb_printf(p->err, "%s: %s", path, strerror(errno));
        return st;
    }
    block b;
    bool got, first = true;
    while ((st = reader_next(rd, &b, &got)) == LOC_OK && got) {
        if (first) title_of(path, &b, p->art.title, sizeof p->art.title);
        first = false;
        chunk_list cl;
        arena_reset(&p->arena);
        st = pipeline_chunk_block(p->lang, &b, false, &p->arena, &cl, NULL);
        if (st == LOC_OK) st = add_block(p, &b, &cl);
        if (st != LOC_OK) break;
    }
    if (first) title_of(path, NULL, p->art.title, sizeof p->art.title);
    if (st == LOC_ERR_INPUT_READ) sb_printf(p->err, "%s: %s", path, strerror(errno));
    reader_close(rd);
    p->art.fingerprint = fingerprint(path);
    return st;
}

/* ---- the saved position ---- */

static bool state_path(char *out, size_t size, bool create)
{
    const char *xdg = getenv("XDG_STATE_HOME");
    const char *home = getenv("HOME");
    char dir[PATH_MAX];
    if (xdg && *xdg)
        snprintf(dir, sizeof dir, "%s/locutor", xdg);
    else if (home && *home)
        snprintf(dir, sizeof dir, "%s/.local/state/locutor", home);
    else
        return false;
    if (create) /* mkdir -p */
        for (char *s = dir + 1;; s++)
            if (*s == '/' || *s == '\0') {
                char c = *s;
                *s = '\0';
                if (mkdir(dir, 0700) != 0 && errno != EEXIST) return false;
                *s = c;
                if (!c) break;
            }
    return snprintf(out, size, "%s/position", dir) < (int)size;
}

static void save_position(const player *p)
{
    char path[PATH_MAX], real[PATH_MAX], tmp[PATH_MAX + 8];
    if (!state_path(path, sizeof path, true) || !realpath(p->o->inputs[p->ai], real)) return;
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) return;
    fprintf(f, "%s\t%016llx\t%zu\n", real, p->art.fingerprint, p->si);
    if (fclose(f) == 0) rename(tmp, path);
}

/* Finds the saved article among the inputs: *si is its sentence, or 0 when it changed. */
static void load_position(player *p, unsigned long long *fp, size_t *si, bool *found)
{
    char path[PATH_MAX], line[PATH_MAX + 64], real[PATH_MAX];
    *found = false;
    FILE *f = state_path(path, sizeof path, false) ? fopen(path, "r") : NULL;
    if (!f) return;
    char *ok = fgets(line, sizeof line, f);
    fclose(f);
    char *tab = ok ? strchr(line, '\t') : NULL;
    if (!tab) return;
    *tab = '\0';
    if (sscanf(tab + 1, "%llx\t%zu", fp, si) != 2) return;
    for (size_t i = 0; i < p->o->ninputs; i++)
        if (realpath(p->o->inputs[i], real) && strcmp(real, line) == 0) {
            p->ai = i;
            *found = true;
            return;
        }
}

/* ---- sound ---- */

static loc_status to_pcm(void *user, const short *samples, size_t count)
{
    player *p = user;
    if (p->pcm_len + count > p->pcm_cap) {
        size_t cap = (p->pcm_len + count) * 2;
        short *n = realloc(p->pcm, cap * sizeof *n);
        if (!n) return LOC_ERR_NOMEM;
        p->pcm = n;
        p->pcm_cap = cap;
    }
    memcpy(p->pcm + p->pcm_len, samples, count * sizeof *samples);
    p->pcm_len += count;
    return LOC_OK;
}

/* Two short rising tones: a heading or a new article begins. */
static loc_status earcon(player *p)
{
    int rate = synth_sample_rate();
    size_t n = (size_t)rate * EARCON_MS / 1000, half = n / 2;
    short tone[8192];
    if (n > sizeof tone / sizeof *tone) n = sizeof tone / sizeof *tone;
    for (size_t i = 0; i < n; i++) {
        double f = i < half ? 660.0 : 990.0, t = (double)(i % half) / rate;
        double env = sin(M_PI * (double)(i % half) / (double)half); /* no clicks */
        tone[i] = (short)(5000.0 * env * sin(2.0 * M_PI * f * t));
    }
    loc_status st = to_pcm(p, tone, n);
    short gap[2205] = {0};
    return st == LOC_OK ? to_pcm(p, gap, (size_t)rate / 10) : st;
}

static loc_status prepare(player *p)
{
    const sentence *s = &p->art.items[p->si];
    p->pcm_len = 0;
    loc_status st = LOC_OK;
    if (p->si == 0 || s->part) st = earcon(p);
    if (st == LOC_OK) st = synth_speak_ssml(s->ssml, to_pcm, NULL, p);
    if (st == LOC_OK) st = synth_silence(s->pause_ms, to_pcm, p);
    return st;
}

/* ---- keys ---- */

static const char help_text[] =
    "Teclas: espacio pausa o continúa; flecha derecha o n, frase siguiente; flecha izquierda o p,"
    " frase anterior; flecha abajo o N, titular o artículo siguiente; flecha arriba o P, anterior;"
    " + y -, velocidad; r, repite la frase; h o ?, esta ayuda; q, sale.";

static void announce_article(const player *p)
{
    if (p->o->quiet) return;
    printf("Artículo %zu de %zu: %s\r\n", p->ai + 1, p->o->ninputs, p->art.title);
    fflush(stdout);
}

static void announce_sentence(const player *p)
{
    const sentence *s = &p->art.items[p->si];
    if (p->o->quiet) return;
    if (s->part && s->label)
        printf("Titular: %s (frase %zu de %zu)\r\n", s->label, p->si + 1, p->art.count);
    else
        printf("Frase %zu de %zu\r\n", p->si + 1, p->art.count);
    fflush(stdout);
}

/* Moves to article ai (its first sentence, or its last with at_end). */
static loc_status go_article(player *p, size_t ai, bool at_end)
{
    p->ai = ai;
    loc_status st = load_article(p, ai);
    p->si = at_end && p->art.count ? p->art.count - 1 : 0;
    if (st == LOC_OK) announce_article(p);
    return st;
}

typedef enum { GO_ON, RESTART, STOP, DONE } step;

static step to_sentence(player *p, size_t si)
{
    p->si = si;
    announce_sentence(p);
    return RESTART;
}

static step to_article(player *p, size_t ai, bool at_end, loc_status *st)
{
    *st = go_article(p, ai, at_end);
    return *st == LOC_OK ? RESTART : STOP;
}

/* Past the last sentence of an article: the next article, or the end. */
static step past_article(player *p, loc_status *st)
{
    if (p->ai + 1 < p->o->ninputs) return to_article(p, p->ai + 1, false, st);
    SAY0(p, "Fin");
    return DONE;
}

static step on_key(player *p, term_key k, loc_status *st)
{
    switch (k) {
    case KEY_PAUSE:
        p->paused = !p->paused;
        SAY0(p, p->paused ? "Pausa" : "Continúa");
        return GO_ON;
    case KEY_NEXT:
        p->paused = false;
        if (p->si + 1 < p->art.count) return to_sentence(p, p->si + 1);
        return past_article(p, st);
    case KEY_PREV:
        p->paused = false;
        if (p->si > 0) return to_sentence(p, p->si - 1);
        if (p->ai > 0) return to_article(p, p->ai - 1, true, st);
        return to_sentence(p, p->si);
    case KEY_NEXT_PART:
        p->paused = false;
        for (size_t i = p->si + 1; i < p->art.count; i++)
            if (p->art.items[i].part) return to_sentence(p, i);
        return past_article(p, st);
    case KEY_PREV_PART:
        p->paused = false;
        for (size_t i = p->si; i-- > 0;)
            if (p->art.items[i].part) return to_sentence(p, i);
        if (p->si == 0 && p->ai > 0) return to_article(p, p->ai - 1, false, st);
        p->si = 0;
        announce_article(p);
        return RESTART;
    case KEY_FASTER:
    case KEY_SLOWER:
        p->rate += k == KEY_FASTER ? RATE_STEP : -RATE_STEP;
        if (p->rate > 900) p->rate = 900;
        if (p->rate < 80) p->rate = 80;
        synth_set_rate(p->rate);
        say(p, "Velocidad %s%ld", "", p->rate, 0);
        return GO_ON;
    case KEY_REPEAT:
        p->paused = false;
        SAY0(p, "Repite");
        return RESTART;
    case KEY_HELP: /* asked for, so printed even with --quiet */
        printf("%s\r\n", help_text);
        fflush(stdout);
        return GO_ON;
    case KEY_QUIT:
        return STOP;
    default:
        return GO_ON;
    }
}

/* Plays the prepared sentence in pieces, looking at the keyboard between them. */
static step play_sentence(player *p, loc_status *st)
{
    size_t piece = (size_t)synth_sample_rate() * PIECE_MS / 1000;
    for (size_t pos = 0; pos < p->pcm_len || p->paused;) {
        if (sink_interrupted()) {
            *st = LOC_ERR_INTERRUPTED;
            return STOP;
        }
        term_key k = term_read_key(p->paused ? 200 : 0);
        step s = k == KEY_NONE ? GO_ON : on_key(p, k, st);
        if (s != GO_ON) return s;
        if (p->paused) continue;
        size_t n = p->pcm_len - pos < piece ? p->pcm_len - pos : piece;
        *st = p->out->ops->write(p->out, p->pcm + pos, n);
        if (*st != LOC_OK) {
            sb_printf(p->err, "the sound device stopped answering");
            return STOP;
        }
        pos += n;
    }
    return GO_ON;
}

static loc_status run(player *p)
{
    loc_status st = LOC_OK;
    size_t resume_si = 0;
    if (p->o->resume) {
        unsigned long long fp = 0;
        bool found;
        load_position(p, &fp, &resume_si, &found);
        if (!found)
            SAY0(p, "No hay posición guardada para estos artículos: empieza desde el principio");
        st = go_article(p, p->ai, false);
        if (st == LOC_OK && found && fp != p->art.fingerprint) {
            SAY0(p, "El artículo ha cambiado: empieza desde el principio");
        } else if (st == LOC_OK && found && resume_si < p->art.count) {
            p->si = resume_si;
            announce_sentence(p);
        }
    } else {
        st = go_article(p, 0, false);
    }
    while (st == LOC_OK) {
        if (p->art.count == 0) { /* an empty file: go on to the next one */
            if (p->ai + 1 >= p->o->ninputs) break;
            st = go_article(p, p->ai + 1, false);
            continue;
        }
        st = prepare(p);
        if (st != LOC_OK) break;
        step s = play_sentence(p, &st);
        if (s == STOP) {
            save_position(p);
            break;
        }
        if (s == DONE) break;
        if (s == RESTART) continue;
        if (p->si + 1 < p->art.count) {
            p->si++;
        } else if (p->ai + 1 < p->o->ninputs) {
            st = go_article(p, p->ai + 1, false);
        } else {
            break;
        }
    }
    return st;
}

loc_status player_run(const loc_options *o, const es_lang *lang, strbuf *err)
{
    player p = {.o = o, .lang = lang, .rate = o->voice.rate, .err = err};
    sink_catch_signals();
    loc_status st = synth_open(&o->voice);
    if (st == LOC_ERR_VOICE) sb_printf(err, "%s", o->voice.voice);
    if (st == LOC_OK) st = sink_live_open_low_latency(o->driver, synth_sample_rate(), &p.out, err);
    if (st == LOC_OK) {
        term_raw();
        st = run(&p);
        term_restore();
        if (st == LOC_OK || st == LOC_ERR_INTERRUPTED)
            st = st == LOC_OK ? p.out->ops->finish(p.out) : (p.out->ops->abort(p.out), st);
        else
            p.out->ops->abort(p.out);
    }
    synth_close();
    article_clear(&p.art);
    free(p.art.items);
    free(p.pcm);
    arena_free(&p.arena);
    return st;
}
