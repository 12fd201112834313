/* loudness.h - the libebur128 boundary: integrated loudness (ITU-R BS.1770) and a peak limiter. */
#ifndef LOC_LOUDNESS_H
#define LOC_LOUDNESS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct loudness_meter loudness_meter;

loudness_meter *loudness_meter_new(int sample_rate);
/* Adds mono float samples (full scale 1.0); returns 0, or -1 on failure. */
int loudness_meter_add(loudness_meter *m, const float *samples, size_t count);
/* Integrated loudness in LUFS; -HUGE_VAL for silence. */
double loudness_meter_lufs(loudness_meter *m);
void loudness_meter_free(loudness_meter *m);

/* A look-ahead peak limiter working on blocks of LIMITER_BLOCK samples: the
 * gain at each block boundary is what both neighbouring blocks' peaks allow
 * (with a slow release), and samples between boundaries get a linear ramp,
 * so no sample exceeds the ceiling and the gain never jumps. */
enum { LIMITER_BLOCK = 64 };
typedef struct {
    float held[LIMITER_BLOCK]; /* the block waiting for its successor's peak */
    size_t nheld;
    bool have_block;  /* held is a complete block */
    float held_allow; /* gain its peak allows */
    float boundary;   /* gain at its start */
    float ceiling;
} limiter;

void limiter_init(limiter *l, float ceiling);
/* Feeds count samples (a multiple of LIMITER_BLOCK except in the last call);
 * writes finished samples to out (room for count + LIMITER_BLOCK) and returns
 * how many. Output lags input by one block. */
size_t limiter_process(limiter *l, const float *in, size_t count, float *out);
/* Writes what is still held (at most 2 * LIMITER_BLOCK samples) and returns how many. */
size_t limiter_flush(limiter *l, float *out);

#endif
