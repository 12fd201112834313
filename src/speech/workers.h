/* workers.h - parallel synthesis: each unit of blocks is spoken by a child forked from a pristine
 * espeak-ng. */
#ifndef LOC_WORKERS_H
#define LOC_WORKERS_H

#include <stddef.h>

#include "status.h"
#include "synth.h"

typedef struct workers workers;

typedef enum {
    WORKER_BLOCK_BEGIN, /* a block's audio starts here */
    WORKER_MARK,        /* a <mark name="wN"/> or "sN" was reached */
    WORKER_SPEECH_END,  /* a block's speech ends here (its trailing pause follows) */
    WORKER_BLOCK_END,   /* a block's audio, pause included, ends here */
} worker_event_kind;

typedef struct {
    worker_event_kind kind;
    unsigned long block;       /* the id given to workers_submit */
    char mark_type;            /* WORKER_MARK: 'w' or 's' (first letter of the name) */
    unsigned long mark;        /* WORKER_MARK: the number after it */
    unsigned long long sample; /* position in the whole output, in samples */
} worker_event;

typedef loc_status (*worker_event_fn)(void *user, const worker_event *ev);

/* Starts a pool that runs at most jobs children at once and hands their audio
 * and events, strictly in submission order, to deliver and on_event (may be
 * NULL). synth_open must have been called and nothing synthesized in this
 * process: every child starts from that same state, so the audio is
 * byte-identical whatever jobs is. clip (a jingle, or NULL) is what
 * workers_submit_clip plays; it must stay valid and unchanged until
 * workers_finish or workers_abort. */
workers *workers_new(int jobs, const short *clip, size_t clip_count, synth_audio_fn deliver,
                     worker_event_fn on_event, void *user);

/* Queues one block: ssml is spoken, then silence_ms of silence follows.
 * Waits (delivering finished audio) while the pool is full. */
loc_status workers_submit(workers *w, unsigned long block, const char *ssml, int silence_ms);

/* Queues the pool's clip (the jingle given to workers_new), played as it is. */
loc_status workers_submit_clip(workers *w);

/* Ends the current unit at an article's end, so articles never share a child. */
loc_status workers_end_article(workers *w);

/* Delivers everything still pending, then frees the pool. */
loc_status workers_finish(workers *w);

/* Stops every child, drops pending audio and frees the pool. */
void workers_abort(workers *w);

/* The number of online processors (the default for -j). */
int workers_default_jobs(void);

#endif
