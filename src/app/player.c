/* player.c - the interactive reader: speaks one sentence at a time in 20 ms pieces, keys between;
 * a synthesis thread makes the sentences around the current one ahead of playback. */
#include "player.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "chunk.h"
#include "hash.h"
#include "normalize.h"
#include "reader.h"
#include "render.h"
#include "session.h"
#include "sink.h"
#include "synth.h"
#include "term.h"
#include "title.h"

enum {
    PIECE_MS = 20,       /* audio written between two looks at the keyboard */
    PIECE_MAX = 4096,    /* samples in a piece, at most */
    RATE_STEP = 25,      /* words per minute per + or - */
    EARCON_MS = 140,     /* two short tones before a heading or an article */
    EARCON_GAP_MS = 100, /* silence between the tones and the speech */
    SLOTS = 4,           /* sentences held: the one playing, the two after it, the one before */
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
    strbuf title;                   /* title_of_article's */
    unsigned long long fingerprint; /* FNV-1a of the file's bytes */
} article;

/* One sentence's audio, asked for by the player and filled by the synthesis thread. */
typedef struct {
    unsigned long ticket; /* which request it holds; 0: none */
    size_t article, si;   /* the article's load number, the sentence's index in it */
    int rate;             /* words per minute */
    int rank;     /* urgency: 0 the sentence at hand, 1-2 after it, 3 before; -1 not wanted */
    char *ssml;   /* malloc'd copy: the thread never reads the article */
    bool earcon;  /* two tones first */
    int pause_ms; /* silence after */
    short *pcm;   /* malloc'd, grows while it is made */
    size_t len, cap;
    bool done; /* pcm is complete, or status says why not */
    loc_status status;
} slot;

/* The synthesis thread and the slots it fills; lock guards the slots and flags. */
typedef struct {
    pthread_t thread;
    bool started;
    pthread_mutex_t lock;
    pthread_cond_t work;  /* to the thread: a slot wants audio, or quit */
    pthread_cond_t audio; /* to the player: audio arrived, or the voice is loaded */
    slot slots[SLOTS];
    unsigned long tickets; /* the last ticket given */
    bool quit, opened;
    loc_status open_status;
    const synth_options *voice;
} ahead;

/* An article: a file, or one item of a feed. */
typedef struct {
    size_t input; /* in o->inputs */
    size_t item;  /* the reader's article number in it (see reader_article) */
} article_ref;

typedef struct {
    const loc_options *o;
    es_lang lang;
    const es_region *forced; /* --region, NULL to guess each block's */
    read_options read;       /* as the pipeline reads: --format, --encoding, --max-items... */
    table *words;            /* voices/es/interface.tsv: what it prints and speaks */
    article_ref *refs;       /* every article of the inputs, in order */
    size_t nrefs;
    sink *out;
    article art;
    size_t loads;  /* articles loaded so far: names the current one in slots */
    size_t ai, si; /* article, sentence */
    int rate;
    bool paused;
    ahead ah;
    unsigned long playing; /* ticket of the slot being played */
    size_t pos;            /* samples of it played */
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

/* The interface's text for key (see voices/es/interface.tsv). */
static const char *word(const player *p, const char *key)
{
    return session_word(p->words, key);
}

/* ---- the article: its sentences as SSML ---- */

static void article_clear(article *a)
{
    for (size_t i = 0; i < a->count; i++) {
        free(a->items[i].ssml);
        free(a->items[i].label);
    }
    a->count = 0;
}

/* A feed's item other than its first gets its own fingerprint: the file's, mixed with it
 * (one more FNV-1a step, so saved positions keep their values). */
static unsigned long long item_fingerprint(unsigned long long file, size_t item)
{
    return item ? (file ^ item) * LOC_FNV_PRIME : file;
}

/* The FNV-1a hash (base/hash.h) of the file's bytes; 0 when it cannot be read. */
static unsigned long long fingerprint(const char *path)
{
    uint64_t h = LOC_FNV_BASIS;
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    char buf[16384];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        h = loc_fnv1a_add(h, buf, n);
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
    if (p->o->announce && (b->kind == BLOCK_HEADING || b->kind == BLOCK_TITLE))
        cue = word(p, "heading_cue");
    if (p->o->announce && b->kind == BLOCK_QUOTE) cue = word(p, "quote_cue");
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

/* Names what went wrong reading path (err empty so far). */
static void read_failure(player *p, const char *path, loc_status st, const reader *rd)
{
    if (st == LOC_ERR_INPUT_READ) sb_printf(p->err, "%s: %s", path, strerror(errno));
    if (st == LOC_ERR_INPUT_TOO_LARGE || st == LOC_ERR_INPUT_FORMAT)
        sb_printf(p->err, "%s: %s", path, reader_error(rd));
}

/* Opens input i as the pipeline does; NULL with err set when it cannot. */
static reader *open_input(player *p, size_t i, loc_status *st)
{
    const char *path = p->o->inputs[i];
    reader *rd = reader_open_with(path, &p->read, st);
    if (!rd) sb_printf(p->err, "%s: %s", path, strerror(errno));
    return rd;
}

static loc_status add_ref(player *p, size_t input, size_t item)
{
    article_ref *r = realloc(p->refs, (p->nrefs + 1) * sizeof *r);
    if (!r) return LOC_ERR_NOMEM;
    p->refs = r;
    r[p->nrefs++] = (article_ref){input, item};
    return LOC_OK;
}

/* The articles of input i: one for a file, one per item for a feed. A FIFO or device is
 * not read ahead (it could not be read again): one article. */
static loc_status find_articles(player *p, size_t i)
{
    struct stat sb;
    if (stat(p->o->inputs[i], &sb) == 0 && !S_ISREG(sb.st_mode)) return add_ref(p, i, 0);
    loc_status st;
    reader *rd = open_input(p, i, &st);
    if (!rd) return st;
    block b;
    bool got, any = false;
    size_t last = 0;
    while ((st = reader_next(rd, &b, &got)) == LOC_OK && got) {
        if (any && reader_article(rd) == last) continue;
        if (!any && reader_format(rd) != READ_FEED) break; /* one article: no need to read on */
        any = true;
        last = reader_article(rd);
        if ((st = add_ref(p, i, last)) != LOC_OK) break;
    }
    if (st == LOC_OK && !any) st = add_ref(p, i, 0);
    read_failure(p, p->o->inputs[i], st, rd);
    reader_close(rd);
    return st;
}

/* Reads article ai: its blocks into sentences, its title. */
static loc_status load_article(player *p, size_t ai)
{
    const article_ref *ref = &p->refs[ai];
    const char *path = p->o->inputs[ref->input];
    article_clear(&p->art);
    p->loads++;
    loc_status st;
    reader *rd = open_input(p, ref->input, &st);
    if (!rd) return st;
    block b;
    bool got, first = true;
    while ((st = reader_next(rd, &b, &got)) == LOC_OK && got) {
        if (reader_article(rd) < ref->item) continue; /* a feed's earlier items */
        if (reader_article(rd) > ref->item) break;
        if (first && !title_of_article(&b, path, &p->art.title)) st = LOC_ERR_NOMEM;
        first = false;
        if (st != LOC_OK) break;
        chunk_list cl;
        arena_reset(&p->arena);
        if (p->forced) b.region = p->forced;
        st = normalize_block(&p->lang, &b, false, &p->arena, &cl, NULL);
        if (st == LOC_OK) st = add_block(p, &b, &cl);
        if (st != LOC_OK) break;
    }
    if (first && st == LOC_OK && !title_of_article(NULL, path, &p->art.title)) st = LOC_ERR_NOMEM;
    read_failure(p, path, st, rd);
    reader_close(rd);
    p->art.fingerprint = item_fingerprint(fingerprint(path), ref->item);
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
    if (!state_path(path, sizeof path, true) || !realpath(p->o->inputs[p->refs[p->ai].input], real))
        return;
    snprintf(tmp, sizeof tmp, "%s.tmp", path);
    FILE *f = fopen(tmp, "w");
    if (!f) return;
    /* the path last: it may hold tabs */
    fprintf(f, "%016llx\t%zu\t%s\n", p->art.fingerprint, p->si, real);
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
    int start = 0;
    if (!ok || sscanf(line, "%llx\t%zu\t%n", fp, si, &start) != 2 || !start) return;
    const char *saved = line + start;
    line[strcspn(line, "\n")] = '\0';
    for (size_t i = 0; i < p->o->ninputs; i++)
        if (realpath(p->o->inputs[i], real) && strcmp(real, saved) == 0) {
            unsigned long long file = fingerprint(p->o->inputs[i]);
            size_t first = p->nrefs;
            for (size_t k = 0; k < p->nrefs; k++) /* a feed's item: the one that matches */
                if (p->refs[k].input == i) {
                    if (item_fingerprint(file, p->refs[k].item) == *fp) {
                        first = k;
                        break;
                    }
                    if (first == p->nrefs) first = k;
                }
            if (first == p->nrefs) continue;
            p->ai = first;
            *found = true;
            return;
        }
}

/* ---- synthesis ahead: one thread owns espeak-ng and fills a few sentence slots ---- */

/* espeak-ng is not thread-safe: every synth_* call below is made by the synthesis thread
 * only. The player asks for sentences by filling slots (a copy of the SSML, the rate);
 * the thread speaks the most urgent slot that is not done, appending audio as espeak-ng
 * makes it, so the player can start a sentence before it is complete. A slot that is
 * given to another sentence while being spoken stops that synthesis at its next piece. */

/* The thread's copy of a slot's request: the slot may be given away while it works. */
typedef struct {
    ahead *a;
    unsigned long ticket;
    char *ssml; /* malloc'd */
    bool earcon;
    int pause_ms, rate;
} job;

/* The slot holding ticket, or NULL when it was given to another sentence (lock held). */
static slot *slot_of(ahead *a, unsigned long ticket)
{
    for (int i = 0; ticket && !a->quit && i < SLOTS; i++)
        if (a->slots[i].ticket == ticket) return &a->slots[i];
    return NULL;
}

static loc_status append(slot *s, const short *samples, size_t count)
{
    if (!count) return LOC_OK; /* nothing to add, and pcm may still be NULL */
    if (s->len + count > s->cap) {
        size_t cap = (s->len + count) * 2;
        short *n = realloc(s->pcm, cap * sizeof *n);
        if (!n) return LOC_ERR_NOMEM;
        s->pcm = n;
        s->cap = cap;
    }
    memcpy(s->pcm + s->len, samples, count * sizeof *samples);
    s->len += count;
    return LOC_OK;
}

/* Audio from espeak-ng into the job's slot; a slot given away stops the synthesis. */
static loc_status to_slot(void *user, const short *samples, size_t count)
{
    job *j = user;
    pthread_mutex_lock(&j->a->lock);
    slot *s = slot_of(j->a, j->ticket);
    loc_status st = s ? append(s, samples, count) : LOC_ERR_INTERRUPTED;
    pthread_cond_broadcast(&j->a->audio);
    pthread_mutex_unlock(&j->a->lock);
    return st;
}

/* Two short rising tones: a heading or a new article begins. */
static loc_status earcon(job *j)
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
    loc_status st = to_slot(j, tone, n);
    return st == LOC_OK ? synth_silence(EARCON_GAP_MS, to_slot, j) : st;
}

/* Waits for the most urgent slot that wants audio and copies its request; false on quit. */
static bool next_job(ahead *a, job *j)
{
    pthread_mutex_lock(&a->lock);
    slot *best = NULL;
    while (!a->quit && !best) {
        for (int i = 0; i < SLOTS; i++) {
            slot *s = &a->slots[i];
            if (s->ticket && !s->done && s->rank >= 0 && (!best || s->rank < best->rank)) best = s;
        }
        if (!best && !a->quit) pthread_cond_wait(&a->work, &a->lock);
    }
    if (best) {
        *j = (job){a, best->ticket, strdup(best->ssml), best->earcon, best->pause_ms, best->rate};
    }
    pthread_mutex_unlock(&a->lock);
    return best != NULL;
}

/* Marks the job's slot complete (or failed), if it still holds the job. */
static void finish_job(job *j, loc_status st)
{
    pthread_mutex_lock(&j->a->lock);
    slot *s = slot_of(j->a, j->ticket);
    if (s) {
        s->done = true;
        s->status = st;
    }
    pthread_cond_broadcast(&j->a->audio);
    pthread_mutex_unlock(&j->a->lock);
}

static loc_status speak_job(job *j, int *rate)
{
    if (!j->ssml) return LOC_ERR_NOMEM;
    if (j->rate != *rate) synth_set_rate(*rate = j->rate);
    loc_status st = j->earcon ? earcon(j) : LOC_OK;
    if (st == LOC_OK) st = synth_speak_ssml(j->ssml, to_slot, NULL, j);
    if (st == LOC_OK) st = synth_silence(j->pause_ms, to_slot, j);
    return st;
}

/* The synthesis thread: loads the voice, then speaks slots until told to quit. */
static void *synth_main(void *arg)
{
    ahead *a = arg;
    loc_status st = synth_open(a->voice);
    pthread_mutex_lock(&a->lock);
    a->open_status = st;
    a->opened = true;
    pthread_cond_broadcast(&a->audio);
    pthread_mutex_unlock(&a->lock);
    if (st != LOC_OK) return NULL;
    int rate = a->voice->rate;
    job j;
    while (next_job(a, &j)) {
        finish_job(&j, speak_job(&j, &rate));
        free(j.ssml);
    }
    synth_close();
    return NULL;
}

/* Starts the synthesis thread, which begins by loading the voice (see ahead_voice). */
static loc_status ahead_start(ahead *a, const synth_options *voice)
{
    *a = (ahead){.voice = voice};
    pthread_mutex_init(&a->lock, NULL);
    pthread_cond_init(&a->work, NULL);
    pthread_cond_init(&a->audio, NULL);
    /* SIGINT and SIGTERM go to the player's thread, which reads the keyboard */
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    int rc = pthread_create(&a->thread, NULL, synth_main, a);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    a->started = rc == 0;
    return rc == 0 ? LOC_OK : LOC_ERR_NOMEM;
}

/* Waits until the voice is loaded: its status. */
static loc_status ahead_voice(ahead *a)
{
    pthread_mutex_lock(&a->lock);
    while (!a->opened)
        pthread_cond_wait(&a->audio, &a->lock);
    loc_status st = a->open_status;
    pthread_mutex_unlock(&a->lock);
    return st;
}

/* Stops the thread (a synthesis under way ends at its next piece) and frees the slots. */
static void ahead_stop(ahead *a)
{
    if (a->started) {
        pthread_mutex_lock(&a->lock);
        a->quit = true;
        pthread_cond_broadcast(&a->work);
        pthread_mutex_unlock(&a->lock);
        pthread_join(a->thread, NULL);
    }
    for (int i = 0; i < SLOTS; i++) {
        free(a->slots[i].ssml);
        free(a->slots[i].pcm);
    }
    pthread_mutex_destroy(&a->lock);
    pthread_cond_destroy(&a->work);
    pthread_cond_destroy(&a->audio);
}

/* ---- the player's side: which sentences it wants, and their audio ---- */

typedef struct {
    size_t si;
    int rank;
} wanted;

static bool same_sentence(const player *p, const slot *s, size_t si)
{
    return s->ticket && s->article == p->loads && s->si == si && s->rate == p->rate;
}

/* Gives a free slot (never the one playing) to sentence si; false when none is free. */
static bool ask_for(player *p, size_t si, int rank)
{
    ahead *a = &p->ah;
    for (int i = 0; i < SLOTS; i++) {
        slot *s = &a->slots[i];
        if (s->rank >= 0 || (s->ticket && s->ticket == p->playing)) continue;
        const sentence *t = &p->art.items[si];
        char *ssml = strdup(t->ssml);
        if (!ssml) return false;
        free(s->ssml);
        s->ssml = ssml;
        s->ticket = ++a->tickets;
        s->article = p->loads;
        s->si = si;
        s->rate = p->rate;
        s->rank = rank;
        s->earcon = si == 0 || t->part;
        s->pause_ms = t->pause_ms;
        s->len = 0;
        s->done = false;
        s->status = LOC_OK;
        return true;
    }
    return false;
}

/* Asks for the sentence at hand (with_current), the two after it and the one before, in
 * that order of urgency, at the current rate; keeps the slot playing; frees the others. */
static void plan(player *p, bool with_current)
{
    ahead *a = &p->ah;
    wanted w[4];
    int n = 0;
    if (with_current) w[n++] = (wanted){p->si, 0};
    for (size_t k = 1; k <= 2; k++)
        if (p->si + k < p->art.count) w[n++] = (wanted){p->si + k, (int)k};
    if (p->si > 0) w[n++] = (wanted){p->si - 1, 3};
    pthread_mutex_lock(&a->lock);
    bool found[4] = {false};
    for (int i = 0; i < SLOTS; i++) { /* first keep what is already there */
        slot *s = &a->slots[i];
        s->rank = s->ticket && s->ticket == p->playing ? 0 : -1;
        for (int k = 0; k < n; k++)
            if (!found[k] && same_sentence(p, s, w[k].si)) {
                s->rank = w[k].rank;
                found[k] = true;
            }
    }
    for (int k = 0; k < n; k++) /* then ask for the rest, most urgent first */
        if (!found[k] && !ask_for(p, w[k].si, w[k].rank)) break;
    pthread_cond_signal(&a->work);
    pthread_mutex_unlock(&a->lock);
}

/* The current sentence starts from its beginning: its slot becomes the one playing. */
static void start_sentence(player *p)
{
    p->playing = 0;
    plan(p, true);
    pthread_mutex_lock(&p->ah.lock);
    for (int i = 0; i < SLOTS; i++)
        if (same_sentence(p, &p->ah.slots[i], p->si)) p->playing = p->ah.slots[i].ticket;
    pthread_mutex_unlock(&p->ah.lock);
    p->pos = 0;
}

/* Copies up to max samples of the playing sentence from p->pos into buf, waiting up to one
 * piece's time for the synthesizer. *end: the sentence has no more audio. */
static size_t take_audio(player *p, short *buf, size_t max, bool *end, loc_status *st)
{
    ahead *a = &p->ah;
    pthread_mutex_lock(&a->lock);
    slot *s = slot_of(a, p->playing);
    if (s && s->len == p->pos && !s->done) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += PIECE_MS * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&a->audio, &a->lock, &until);
        s = slot_of(a, p->playing);
    }
    size_t n = 0;
    *end = !s;
    if (!s) *st = LOC_ERR_NOMEM; /* no slot was given to it: strdup failed in ask_for */
    if (s) {
        n = s->len - p->pos < max ? s->len - p->pos : max;
        if (n) memcpy(buf, s->pcm + p->pos, n * sizeof *buf); /* pcm is NULL before any audio */
        p->pos += n;
        *end = n == 0 && s->done;
        if (*end) *st = s->status;
    }
    pthread_mutex_unlock(&a->lock);
    return n;
}

/* ---- keys ---- */

static void announce_article(const player *p)
{
    if (p->o->quiet) return;
    printf("%s %zu %s %zu: %s\r\n", word(p, "article"), p->ai + 1, word(p, "of"), p->nrefs,
           sb_str(&p->art.title));
    fflush(stdout);
}

static void announce_sentence(const player *p)
{
    const sentence *s = &p->art.items[p->si];
    if (p->o->quiet) return;
    if (s->part && s->label)
        printf("%s: %s (%s %zu %s %zu)\r\n", word(p, "heading"), s->label,
               word(p, "sentence_lower"), p->si + 1, word(p, "of"), p->art.count);
    else
        printf("%s %zu %s %zu\r\n", word(p, "sentence"), p->si + 1, word(p, "of"), p->art.count);
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
    if (p->ai + 1 < p->nrefs) return to_article(p, p->ai + 1, false, st);
    SAY0(p, word(p, "end"));
    return DONE;
}

static step on_key(player *p, term_key k, loc_status *st)
{
    switch (k) {
    case KEY_PAUSE:
        p->paused = !p->paused;
        SAY0(p, word(p, p->paused ? "pause" : "resume"));
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
        plan(p, false); /* the next sentences again, at the new rate */
        say(p, "%s %ld", word(p, "rate"), p->rate, 0);
        return GO_ON;
    case KEY_REPEAT:
        p->paused = false;
        SAY0(p, word(p, "repeat"));
        return RESTART;
    case KEY_HELP: /* asked for, so printed even with --quiet */
        printf("%s\r\n", word(p, "help"));
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
    short buf[PIECE_MAX];
    size_t piece = (size_t)synth_sample_rate() * PIECE_MS / 1000;
    if (piece > PIECE_MAX) piece = PIECE_MAX;
    for (;;) {
        if (sink_interrupted()) {
            *st = LOC_ERR_INTERRUPTED;
            return STOP;
        }
        term_key k = term_read_key(0);
        step s = k == KEY_NONE ? GO_ON : on_key(p, k, st);
        if (s != GO_ON) return s;
        bool end = false;
        size_t n = piece;
        if (p->paused) /* silence keeps the pace, and a lost sound server is noticed */
            memset(buf, 0, n * sizeof *buf);
        else
            n = take_audio(p, buf, piece, &end, st);
        if (*st != LOC_OK) return STOP;
        if (end) return GO_ON;
        if (n == 0) continue; /* the synthesizer is behind: look at the keys again */
        *st = p->out->ops->write(p->out, buf, n);
        if (*st != LOC_OK) {
            sb_printf(p->err, "the sound device stopped answering");
            return STOP;
        }
    }
}

/* Loads the first article (or, with --resume, the saved one) and goes to the first
 * (or saved) sentence. */
static loc_status start_position(player *p)
{
    loc_status st = LOC_OK;
    size_t resume_si = 0;
    if (p->o->resume) {
        unsigned long long fp = 0;
        bool found;
        load_position(p, &fp, &resume_si, &found);
        if (!found) SAY0(p, word(p, "no_position"));
        st = go_article(p, p->ai, false);
        if (st == LOC_OK && found && fp != p->art.fingerprint) {
            SAY0(p, word(p, "changed"));
        } else if (st == LOC_OK && found && resume_si < p->art.count) {
            p->si = resume_si;
            announce_sentence(p);
        }
    } else {
        st = go_article(p, 0, false);
    }
    return st;
}

/* Plays from the current sentence on, until the end, q, a signal or an error. */
static loc_status play_all(player *p)
{
    loc_status st = LOC_OK;
    while (st == LOC_OK) {
        if (p->art.count == 0) { /* an empty file: go on to the next one */
            if (p->ai + 1 >= p->nrefs) break;
            st = go_article(p, p->ai + 1, false);
            continue;
        }
        start_sentence(p);
        step s = play_sentence(p, &st);
        if (s == STOP) {
            save_position(p);
            break;
        }
        if (s == DONE) break;
        if (s == RESTART) continue;
        if (p->si + 1 < p->art.count) {
            p->si++;
        } else if (p->ai + 1 < p->nrefs) {
            st = go_article(p, p->ai + 1, false);
        } else {
            break;
        }
    }
    return st;
}

/* Plays the articles: the voice loads while the inputs are looked through. */
static loc_status play(player *p)
{
    const loc_options *o = p->o;
    /* the voice loads in the synthesis thread, which then speaks the first sentence into
     * its slot while the sound device opens here */
    loc_status st = ahead_start(&p->ah, &o->voice);
    for (size_t i = 0; st == LOC_OK && i < o->ninputs; i++)
        st = find_articles(p, i);
    if (p->ah.started) {
        loc_status voice = ahead_voice(&p->ah);
        if (voice == LOC_ERR_VOICE && st == LOC_OK) sb_printf(p->err, "%s", o->voice.voice);
        if (st == LOC_OK) st = voice;
    }
    if (st == LOC_OK) {
        term_raw();
        st = start_position(p);
    }
    if (st == LOC_OK && p->art.count > 0) start_sentence(p);
    if (st == LOC_OK)
        st = sink_live_open_low_latency(o->driver, synth_sample_rate(), &p->out, p->err);
    if (st == LOC_OK) {
        st = play_all(p);
        if (st == LOC_OK || st == LOC_ERR_INTERRUPTED)
            st = st == LOC_OK ? p->out->ops->finish(p->out) : (p->out->ops->abort(p->out), st);
        else
            p->out->ops->abort(p->out);
    }
    term_restore();
    return st;
}

loc_status player_run(const loc_options *o, strbuf *err)
{
    player p = {.o = o, .rate = o->voice.rate, .err = err, .read = session_read_options(o)};
    loc_status st = session_load_language(o, &p.lang, &p.forced, err);
    if (st == LOC_OK) st = session_load_interface(&p.words, err);
    if (st == LOC_OK) st = session_check_inputs(o, err);
    if (st == LOC_OK) {
        sink_catch_signals();
        st = play(&p);
        ahead_stop(&p.ah);
    }
    if (sink_interrupted()) {
        st = LOC_ERR_INTERRUPTED;
        sb_clear(err);
    }
    article_clear(&p.art);
    free(p.art.items);
    sb_free(&p.art.title);
    free(p.refs);
    table_free(p.words);
    arena_free(&p.arena);
    session_free_language(&p.lang);
    return st;
}
