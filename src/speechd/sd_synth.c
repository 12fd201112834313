/* sd_synth.c - the synthesis thread: normalizes a message (or says it as written), sends its
 * audio in 705 blocks with each mark's 700 after the audio up to the mark's sample, and ends it
 * with 702 END, 703 STOP or 704 PAUSE. */
#include "sd_synth.h"

#include "locutor.h"
#include "sd_protocol.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { NLANGS = 8, FIRST_BLOCK = 1024, BLOCK = 5000 };

/* The state shared by the reader and the synthesis thread (lock guards all but the atomics). */
static struct {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    pthread_t thread;
    int started, has_job, busy, in_speak, stop_called, quit;
    atomic_int stop, pause;
    sd_kind kind;
    sd_text text;
    char *line;
    sd_settings settings;
    locutor_voice *voice;
    const char *voice_name;
    locutor_voice_options applied;
    struct {
        const char *region;
        locutor_lang *lang;
    } langs[NLANGS];
    sd_words *words;
    const char *data_dir; /* NULL: the library's */
    FILE *trace;          /* $LOCUTOR_SD_TRACE: the text each message is said as */
} S = {.lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER};

/* A message's output: audio not yet sent, marks waiting for their sample. */
typedef struct {
    short *pcm;
    size_t len, cap; /* buffered samples */
    size_t start;    /* sample number of pcm[0] */
    char **names;    /* pending marks */
    size_t *samples;
    size_t nmarks;
    int rate, paused, sent_any;
    int indexed; /* marks come named "m" and their index in S.text.marks (sd_text_ssml) */
} output;

/* The language data for a region, loaded once. */
static locutor_lang *lang_for(const char *region, char *err, size_t errsize)
{
    for (int i = 0; i < NLANGS; i++) {
        if (S.langs[i].region && strcmp(S.langs[i].region, region) == 0) return S.langs[i].lang;
        if (!S.langs[i].region) {
            locutor_lang_options o = {.data_dir = S.data_dir, .region = region};
            if (locutor_lang_open(&o, &S.langs[i].lang, err, errsize) != LOCUTOR_OK) return NULL;
            S.langs[i].region = region;
            return S.langs[i].lang;
        }
    }
    snprintf(err, errsize, "too many regions");
    return NULL;
}

/* Sends the first n buffered samples. */
static void send_pcm(output *o, size_t n)
{
    if (n == 0 || atomic_load(&S.stop)) return;
    sdp_audio(o->pcm, n, o->rate);
    memmove(o->pcm, o->pcm + n, (o->len - n) * sizeof *o->pcm);
    o->len -= n, o->start += n, o->sent_any = 1;
}

/* Sends the marks whose sample has been reached, each after the audio before it; at_end: all. A
 * __spd_ mark while pausing ends the message. 1 when the message is to stop. */
static int flush_marks(output *o, int at_end)
{
    size_t done = 0;
    while (done < o->nmarks && (at_end || o->samples[done] <= o->start + o->len)) {
        /* a mark before any audio waits for the first block: a client learns its message's id
           from the server's reply to SPEAK, and an event that comes before it is lost (Debian's
           python3-speechd says so); the mark then follows that block at once */
        if (!at_end && !o->sent_any) break;
        size_t upto = o->samples[done] > o->start ? o->samples[done] - o->start : 0;
        send_pcm(o, upto < o->len ? upto : o->len);
        if (atomic_load(&S.stop)) return 1;
        sdp_mark(o->names[done]);
        int spd = strncmp(o->names[done], "__spd_", 6) == 0;
        free(o->names[done++]);
        if (spd && atomic_load(&S.pause)) {
            o->paused = 1;
            break;
        }
    }
    if (done) { /* (names is NULL before the first mark) */
        memmove(o->names, o->names + done, (o->nmarks - done) * sizeof *o->names);
        memmove(o->samples, o->samples + done, (o->nmarks - done) * sizeof *o->samples);
        o->nmarks -= done;
    }
    return o->paused || atomic_load(&S.stop);
}

/* liblocutor's audio: buffered, sent in blocks and up to each mark. */
static int on_audio(void *user, const short *pcm, size_t count)
{
    output *o = user;
    if (atomic_load(&S.stop) || o->paused) return 1;
    if (o->len + count > o->cap) {
        size_t cap = (o->len + count) * 2;
        short *p = realloc(o->pcm, cap * sizeof *p);
        if (!p) return 1;
        o->pcm = p, o->cap = cap;
    }
    memcpy(o->pcm + o->len, pcm, count * sizeof *pcm);
    o->len += count;
    if (flush_marks(o, 0)) return 1;
    if (o->len >= (o->sent_any ? BLOCK : FIRST_BLOCK)) send_pcm(o, o->len);
    return 0;
}

/* liblocutor's events: marks (not its sentence and word marks) wait for their audio. */
static int on_event(void *user, const locutor_event *ev)
{
    output *o = user;
    if (ev->kind != LOCUTOR_EVENT_MARK) return 0;
    const char *name = ev->name;
    if (o->indexed) {
        char *end;
        unsigned long m = strtoul(name + 1, &end, 10);
        if (name[0] != 'm' || *end || m >= S.text.nmarks) return 0; /* not one of ours */
        name = S.text.marks[m].name;
    }
    char **names = realloc(o->names, (o->nmarks + 1) * sizeof *names);
    if (names) o->names = names;
    size_t *samples = realloc(o->samples, (o->nmarks + 1) * sizeof *samples);
    if (samples) o->samples = samples;
    if (!names || !samples || !(names[o->nmarks] = strdup(name))) return 1;
    samples[o->nmarks++] = ev->sample;
    return flush_marks(o, 0);
}

/* Spelling: one character at a time, by name. */
static size_t spell_piece(void *ctx, const char *s, size_t len, size_t i, sd_buf *out)
{
    size_t k = sd_utf8_len(s + i, len - i);
    return sd_spell(ctx, s + i, k, out) ? k : 0;
}

/* Whether byte s[i] is an ASCII digit. */
static int digit_at(const char *s, size_t len, size_t i)
{
    return i < len && s[i] >= '0' && s[i] <= '9';
}

typedef struct {
    const sd_words *words;
    int level;
} punct_ctx;

/* Punctuation at most/all: a mark's name said, except inside a number (1.500, 3,5, 21/03); the
 * marks that shape the sentence (. , ; : ¿ ? ¡ !) kept after it. */
static size_t punct_piece(void *ctx, const char *s, size_t len, size_t i, sd_buf *out)
{
    const punct_ctx *p = ctx;
    size_t k = sd_utf8_len(s + i, len - i);
    const char *name = sd_words_punct(p->words, s + i, k, p->level);
    int in_number = i > 0 && digit_at(s, len, i - 1) && digit_at(s, len, i + k);
    if (!name || in_number) return sd_buf_add(out, s + i, k) ? k : 0;
    int keep = k == 1 ? strchr(".,;:?!", s[i]) != NULL
                      : strncmp(s + i, "¿", k) == 0 || strncmp(s + i, "¡", k) == 0;
    int ok = sd_buf_puts(out, " ") && sd_buf_puts(out, name) &&
             (keep ? sd_buf_add(out, s + i, k) : 1) && sd_buf_puts(out, " ");
    return ok ? k : 0;
}

/* Writes a line to the trace file, when there is one. */
static void trace(const char *what, const char *text)
{
    if (!S.trace) return;
    fprintf(S.trace, "%s: %s\n", what, text);
    fflush(S.trace);
}

/* Says a Spanish message: normalized for its region, with its marks where their words are. */
static locutor_status speak_spanish(const sd_choice *c, output *o, char *err, size_t errsize)
{
    locutor_lang *lang = lang_for(c->region, err, errsize);
    if (!lang) return LOCUTOR_ERR_DATA;
    locutor_speech *speech = NULL;
    locutor_status st = locutor_normalize(lang, S.text.text.s, S.text.text.len, LOCUTOR_FORMAT_TEXT,
                                          LOCUTOR_MARKS | LOCUTOR_FRAGMENT, &speech, err, errsize);
    for (size_t i = 0; st == LOCUTOR_OK && i < S.text.nmarks; i++)
        st = locutor_speech_add_mark(speech, S.text.marks[i].offset, S.text.marks[i].name);
    if (st == LOCUTOR_OK && S.trace) {
        char *spoken = locutor_speech_text(speech);
        trace("spoken", spoken ? spoken : "");
        free(spoken);
    }
    if (st == LOCUTOR_OK) st = locutor_speak(S.voice, speech, on_audio, on_event, o);
    locutor_speech_free(speech);
    return st;
}

/* The words a CHAR or KEY message is said as (Spanish names where the tables have them). */
static void name_of(sd_kind kind, const char *line, int caps, sd_buf *out)
{
    const sd_words *w = S.words;
    size_t n = strlen(line), k = n ? sd_utf8_len(line, n) : 0;
    const char *name = sd_words_key(w, line);
    if (!name && k == n) name = sd_words_letter(w, line, n);
    if (!name && k == n) name = sd_words_punct(w, line, n, SD_PUNCT_ALL - 1);
    const char *capital = sd_words_key(w, "capital"); /* cap_let_recogn: before a capital */
    if (name && k == n && caps && capital && line[0] >= 'A' && line[0] <= 'Z') {
        sd_buf_puts(out, capital);
        sd_buf_puts(out, " ");
    }
    if (name) {
        sd_buf_puts(out, name);
        return;
    }
    if (kind == SD_KEY) { /* shift_a, control_alt_Delete: each part */
        char *copy = strdup(line), *save = NULL;
        for (char *p = copy ? strtok_r(copy, "_", &save) : NULL; p;
             p = strtok_r(NULL, "_", &save)) {
            const char *part = sd_words_key(w, p);
            if (!part) part = sd_words_letter(w, p, strlen(p));
            sd_buf_puts(out, part ? part : p);
            sd_buf_puts(out, " ");
        }
        free(copy);
        return;
    }
    sd_buf_puts(out, line);
}

/* Applies the message's rate, pitch and volume, and its espeak-ng voice. */
static locutor_status set_voice(const sd_choice *c, char *err, size_t errsize)
{
    locutor_voice_options o = sd_settings_voice(&S.settings);
    locutor_status st = LOCUTOR_OK;
    if (strcmp(S.voice_name, c->espeak) != 0) {
        pthread_mutex_lock(&S.lock);
        locutor_voice_close(S.voice);
        S.voice = NULL;
        o.name = c->espeak;
        st = locutor_voice_open(&o, &S.voice, err, errsize);
        /* on failure no voice is open: the next message opens one again, whatever it asks */
        S.voice_name = st == LOCUTOR_OK ? c->espeak : "";
        if (st == LOCUTOR_OK) S.applied = o;
        pthread_mutex_unlock(&S.lock);
        return st;
    }
    if (o.rate != S.applied.rate || o.pitch != S.applied.pitch || o.volume != S.applied.volume) {
        st = locutor_voice_set(S.voice, &o);
        if (st == LOCUTOR_OK)
            S.applied = o;
        else
            snprintf(err, errsize, "rate %d, pitch %d, volume %d", o.rate, o.pitch, o.volume);
    }
    return st;
}

/* Says the message handed over; returns how it ended. */
static locutor_status say(output *o, char *err, size_t errsize)
{
    sd_choice c = sd_settings_choice(&S.settings);
    if (S.kind != SD_SPEAK && !S.line) return LOCUTOR_ERR_NOMEM; /* its copy failed */
    locutor_status st = set_voice(&c, err, errsize);
    if (st != LOCUTOR_OK) return st;
    o->rate = locutor_voice_sample_rate(S.voice);
    if (S.kind == SD_SPEAK && S.settings.spelling) sd_text_map(&S.text, spell_piece, S.words);
    punct_ctx pc = {S.words, S.settings.punct - 1};
    if (S.kind == SD_SPEAK && S.settings.punct >= SD_PUNCT_MOST)
        sd_text_map(&S.text, punct_piece, &pc);
    pthread_mutex_lock(&S.lock);
    S.in_speak = 1;
    pthread_mutex_unlock(&S.lock);
    if (S.kind == SD_SPEAK) {
        trace("text", S.text.text.s ? S.text.text.s : "");
        if (c.spanish) {
            st = speak_spanish(&c, o, err, errsize);
        } else {
            char *doc = sd_text_ssml(&S.text);
            o->indexed = 1;
            st = doc ? locutor_speak_as_written(S.voice, doc, c.language, 1, on_audio, on_event, o)
                     : LOCUTOR_ERR_NOMEM;
            free(doc);
        }
    } else {
        sd_buf words = {0};
        name_of(S.kind, S.line, S.settings.caps, &words);
        trace("spoken", words.s ? words.s : "");
        st = words.s ? locutor_speak_as_written(S.voice, words.s, c.spanish ? "es" : c.language, 0,
                                                on_audio, NULL, o)
                     : LOCUTOR_ERR_NOMEM;
        sd_buf_free(&words);
    }
    pthread_mutex_lock(&S.lock);
    S.in_speak = 0;
    int stop_called = S.stop_called;
    pthread_mutex_unlock(&S.lock);
    if (stop_called) /* a stop that came as it ended must not stop the next message */
        locutor_speak_as_written(S.voice, "", NULL, 0, on_audio, NULL, o);
    return st;
}

/* Runs one message: 701, its audio and marks, then 702, 703 or 704. */
static void run(void)
{
    output o = {0};
    char err[512] = "";
    sdp_write("701 BEGIN\n");
    locutor_status st = LOCUTOR_OK;
    if (S.kind == SD_ICON)
        sdp_printf("706-%s\n706 ICON\n", S.line);
    else
        st = say(&o, err, sizeof err);
    if (st == LOCUTOR_OK && !atomic_load(&S.stop) && !o.paused) {
        flush_marks(&o, 1);
        send_pcm(&o, o.len);
    }
    if (st != LOCUTOR_OK && st != LOCUTOR_ERR_INTERRUPTED)
        fprintf(stderr, "sd_locutor: %s%s%s\n", locutor_strerror(st), *err ? ": " : "", err);
    const char *end = atomic_load(&S.stop) || (st != LOCUTOR_OK && !o.paused) ? "703 STOP\n"
                      : o.paused                                              ? "704 PAUSE\n"
                                                                              : "702 END\n";
    for (size_t i = 0; i < o.nmarks; i++)
        free(o.names[i]);
    free(o.names), free(o.samples), free(o.pcm);
    sd_text_free(&S.text);
    free(S.line);
    S.line = NULL;
    pthread_mutex_lock(&S.lock);
    S.busy = 0;
    sdp_write(end);
    pthread_mutex_unlock(&S.lock);
}

/* The thread: waits for a message, says it, until the end. */
static void *thread_main(void *unused)
{
    (void)unused;
    for (;;) {
        pthread_mutex_lock(&S.lock);
        while (!S.has_job && !S.quit)
            pthread_cond_wait(&S.wake, &S.lock);
        int quit = !S.has_job;
        S.has_job = 0;
        pthread_mutex_unlock(&S.lock);
        if (quit) return NULL;
        run();
    }
}

/* Whether dir/es/letters.tsv exists. */
static int has_data(const char *dir)
{
    char path[4200];
    snprintf(path, sizeof path, "%s/es/letters.tsv", dir);
    return access(path, R_OK) == 0;
}

/* The voices folder: LocutorDataDir, $LOCUTOR_DATA_DIR, beside the installed liblocutor
 * (../share/locutor/voices), else the source tree's. */
static void find_data(const sd_settings *s, char *dir, size_t size)
{
    const char *env = getenv("LOCUTOR_DATA_DIR");
    Dl_info info;
    if (*s->data_dir) {
        snprintf(dir, size, "%s", s->data_dir);
        return;
    }
    if (env && *env) {
        snprintf(dir, size, "%s", env);
        return;
    }
    const char *(*fn)(void) = locutor_version;
    void *addr;
    memcpy(&addr, &fn, sizeof addr); /* a function's address as dladdr takes it */
    if (dladdr(addr, &info) && info.dli_fname) {
        snprintf(dir, size, "%s", info.dli_fname);
        char *slash = strrchr(dir, '/');
        if (slash) {
            snprintf(slash, size - (size_t)(slash - dir), "/../share/locutor/voices");
            if (has_data(dir)) return;
        }
    }
    snprintf(dir, size, "%s", LOCUTOR_SOURCE_DATA_DIR);
}

int sd_synth_start(const sd_settings *settings, char *err, size_t errsize)
{
    static char dir[4096];
    if (S.started) return 1;
    find_data(settings, dir, sizeof dir);
    S.data_dir = *settings->data_dir ? settings->data_dir : NULL;
    if (!(S.words = sd_words_load(dir, err, errsize))) return 0;
    S.settings = *settings;
    sd_choice c = sd_settings_choice(settings);
    if (!lang_for(c.region, err, errsize)) return 0;
    locutor_voice_options o = sd_settings_voice(settings);
    o.name = c.espeak;
    if (locutor_voice_open(&o, &S.voice, err, errsize) != LOCUTOR_OK) return 0;
    S.voice_name = c.espeak, S.applied = o;
    const char *path = getenv("LOCUTOR_SD_TRACE");
    if (path && *path && !(S.trace = fopen(path, "a")))
        fprintf(stderr, "sd_locutor: %s: cannot open the trace file\n", path);
    if (pthread_create(&S.thread, NULL, thread_main, NULL) != 0) {
        snprintf(err, errsize, "cannot start the synthesis thread");
        return 0;
    }
    S.started = 1;
    return 1;
}

const sd_words *sd_synth_words(void)
{
    return S.words;
}

int sd_synth_begin(sd_kind kind, sd_text *text, const char *line, const sd_settings *settings)
{
    pthread_mutex_lock(&S.lock);
    int ok = S.started && !S.busy;
    if (ok) {
        S.busy = S.has_job = 1;
        S.stop_called = 0;
        atomic_store(&S.stop, 0);
        atomic_store(&S.pause, 0);
        S.kind = kind;
        S.text = *text;
        *text = (sd_text){0};
        S.line = line ? strdup(line) : NULL;
        S.settings = *settings;
        pthread_cond_signal(&S.wake);
    }
    pthread_mutex_unlock(&S.lock);
    return ok;
}

int sd_synth_busy(void)
{
    pthread_mutex_lock(&S.lock);
    int busy = S.busy;
    pthread_mutex_unlock(&S.lock);
    return busy;
}

void sd_synth_stop(void)
{
    pthread_mutex_lock(&S.lock);
    if (S.busy) {
        atomic_store(&S.stop, 1);
        if (S.in_speak) locutor_voice_stop(S.voice), S.stop_called = 1;
    }
    pthread_mutex_unlock(&S.lock);
}

void sd_synth_pause(void)
{
    pthread_mutex_lock(&S.lock);
    if (S.busy) atomic_store(&S.pause, 1);
    pthread_mutex_unlock(&S.lock);
}

void sd_synth_end(void)
{
    if (!S.started) return;
    sd_synth_stop();
    pthread_mutex_lock(&S.lock);
    S.quit = 1;
    pthread_cond_signal(&S.wake);
    pthread_mutex_unlock(&S.lock);
    pthread_join(S.thread, NULL);
    locutor_voice_close(S.voice);
    for (int i = 0; i < NLANGS; i++)
        locutor_lang_close(S.langs[i].lang);
    sd_words_free(S.words);
    if (S.trace) fclose(S.trace);
    S.started = 0;
}
