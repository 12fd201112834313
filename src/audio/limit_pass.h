/* limit_pass.h - gain and peak limiting over held audio, in parallel, delivered in order. */
#ifndef LOC_LIMIT_PASS_H
#define LOC_LIMIT_PASS_H

#include "loudness.h"
#include "status.h"

/* Receives the limited audio in order; anything but LOC_OK stops the pass. */
typedef loc_status (*limit_pass_fn)(void *user, const short *samples, size_t count);

/* Reads the 16-bit samples held in fd (from its start, all of it, as given to plan),
 * applies gain and the limiter at ceiling (full scale 1.0) with `threads` threads, and
 * hands the result to fn. The samples are the same for any number of threads. */
loc_status limit_pass_run(int fd, limiter_plan *plan, float gain, float ceiling, int threads,
                          limit_pass_fn fn, void *user);

#endif
