/* workers.h - parallel synthesis: each block is spoken by a child forked from a pristine espeak-ng.
 */
#ifndef LOC_WORKERS_H
#define LOC_WORKERS_H

#include "status.h"
#include "synth.h"

typedef struct workers workers;

/* Starts a pool that runs at most jobs children at once and hands their audio,
 * strictly in submission order, to deliver. synth_open must have been called
 * and nothing synthesized in this process: every child starts from that same
 * state, so the audio is byte-identical whatever jobs is. */
workers *workers_new(int jobs, synth_audio_fn deliver, void *user);

/* Queues one block: ssml is spoken, then silence_ms of silence follows.
 * Waits (delivering finished audio) while the pool is full. */
loc_status workers_submit(workers *w, const char *ssml, int silence_ms);

/* Ends the current unit at an article's end, so articles never share a child. */
loc_status workers_end_article(workers *w);

/* Delivers everything still pending, then frees the pool. */
loc_status workers_finish(workers *w);

/* Stops every child, drops pending audio and frees the pool. */
void workers_abort(workers *w);

/* The number of online processors (the default for -j). */
int workers_default_jobs(void);

#endif
