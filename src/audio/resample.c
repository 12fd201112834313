/* resample.c - the only file that includes libsoxr (22 050 Hz -> 48 000 Hz for Opus). */
#include "resample.h"

#include <soxr.h>
#include <stdlib.h>

struct resampler {
    soxr_t soxr;
    double ratio;
};

resampler *resampler_new(int in_rate, int out_rate)
{
    resampler *r = calloc(1, sizeof *r);
    if (!r) return NULL;
    soxr_io_spec_t io = soxr_io_spec(SOXR_INT16_I, SOXR_INT16_I);
    io.flags |= SOXR_NO_DITHER; /* its dither is random each run: the same input, other bytes */
    soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);
    soxr_error_t err = NULL;
    r->soxr = soxr_create(in_rate, out_rate, 1, &err, &io, &q, NULL);
    if (err) {
        free(r);
        return NULL;
    }
    r->ratio = (double)out_rate / in_rate;
    return r;
}

loc_status resampler_process(resampler *r, const short *in, size_t count, resample_out_fn fn,
                             void *user)
{
    short buf[4096];
    size_t used = 0;
    for (;;) {
        size_t took = 0, made = 0;
        soxr_error_t err = soxr_process(r->soxr, in ? in + used : NULL, in ? count - used : 0,
                                        &took, buf, sizeof buf / sizeof *buf, &made);
        if (err) return LOC_ERR_RESAMPLE;
        used += took;
        if (made) {
            loc_status st = fn(user, buf, made);
            if (st != LOC_OK) return st;
        }
        if (in ? (used >= count && made == 0) : made == 0) return LOC_OK;
    }
}

void resampler_free(resampler *r)
{
    if (!r) return;
    soxr_delete(r->soxr);
    free(r);
}
