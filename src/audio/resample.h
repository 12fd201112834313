/* resample.h - the libsoxr boundary: streaming 16-bit mono sample-rate conversion. */
#ifndef LOC_RESAMPLE_H
#define LOC_RESAMPLE_H

#include <stddef.h>

#include "status.h"

typedef struct resampler resampler;
/* Receives converted samples. */
typedef loc_status (*resample_out_fn)(void *user, const short *samples, size_t count);

resampler *resampler_new(int in_rate, int out_rate);
/* Converts count samples; NULL/0 flushes what the filter still holds. */
loc_status resampler_process(resampler *r, const short *in, size_t count, resample_out_fn fn,
                             void *user);
void resampler_free(resampler *r);

#endif
