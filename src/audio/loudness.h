/* loudness.h - integrated loudness (ITU-R BS.1770-4) and a look-ahead peak limiter for 16-bit
 * audio. */
#ifndef LOC_LOUDNESS_H
#define LOC_LOUDNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct loudness_meter loudness_meter;

/* NULL when out of memory or the rate is below 1000 Hz. */
loudness_meter *loudness_meter_new(int sample_rate);
/* Adds mono 16-bit samples (the program, in order). */
void loudness_meter_add(loudness_meter *m, const short *samples, size_t count);
/* Integrated loudness in LUFS (BS.1770-4 gating) of the program so far; -HUGE_VAL for
 * silence. Ends the program: add nothing after it. */
double loudness_meter_lufs(loudness_meter *m);
void loudness_meter_free(loudness_meter *m);

/* The limiter works on blocks of LIMITER_BLOCK samples: the gain at each block
 * boundary is what both neighbouring blocks' peaks allow (with a slow release), and
 * samples between boundaries get a linear ramp, so no sample exceeds the ceiling and
 * the gain never jumps. */
enum { LIMITER_BLOCK = 64 };

/* The limiter's gain from block to block, given each block's allowed gain. */
typedef struct {
    bool have_block;  /* a block is held, waiting for its successor */
    float held_allow; /* the gain the held block's peak allows */
    float boundary;   /* the gain at the held block's start */
} limiter_gain;

typedef struct {
    limiter_gain g;
    short held[LIMITER_BLOCK];
    size_t nheld;
    float gain;    /* applied to every sample before limiting */
    float ceiling; /* in 16-bit steps */
} limiter;

/* gain: the make-up gain; ceiling: the highest sample allowed (full scale 1.0). */
void limiter_init(limiter *l, float gain, float ceiling);
/* Feeds count samples (a multiple of LIMITER_BLOCK except in the last call); writes
 * finished samples to out (room for count + LIMITER_BLOCK) and returns how many.
 * Output lags input by one block. */
size_t limiter_process(limiter *l, const short *in, size_t count, short *out);
/* Writes what is still held (at most LIMITER_BLOCK samples) and returns how many. */
size_t limiter_flush(limiter *l, short *out);

/* What the limiter will take away, known before it runs: each block's peak and
 * energy go to a temporary file (8 bytes per LIMITER_BLOCK samples, not memory). */
typedef struct limiter_plan limiter_plan;
limiter_plan *limiter_plan_new(void);
/* Adds the program's samples, in order; false when the file cannot be written. */
bool limiter_plan_add(limiter_plan *p, const short *samples, size_t count);
/* The gain that gives, after the limiter at ceiling, the energy `gain` alone would
 * give: a few simulated runs of the limiter over the block statistics. */
float limiter_plan_gain(limiter_plan *p, float gain, float ceiling);
void limiter_plan_free(limiter_plan *p);

/* Chunks of LIMITER_CHUNK_BLOCKS blocks can be limited apart (in threads) and give the
 * same samples as one run, when each starts from the limiter's state at its start. */
enum { LIMITER_CHUNK_BLOCKS = 1024 };
typedef struct {
    limiter_gain *state; /* before each chunk's first block; malloc'd */
    size_t count, cap;
} limiter_checkpoints;
/* The states at this gain, from the statistics; false when out of memory or on a
 * read error. */
bool limiter_plan_checkpoints(limiter_plan *p, float gain, float ceiling, limiter_checkpoints *out);
/* Starts a limiter at a checkpoint: feed it its chunk and the next chunk's first block
 * (it writes the chunk's samples), or its chunk and then limiter_flush for the last. */
void limiter_resume(limiter *l, float gain, float ceiling, limiter_gain state);

#endif
