/* loudness.c - the only file that includes libebur128; -21.6 LUFS speech -> +5.6 dB gain, peaks
 * limited. */
#include "loudness.h"

#include <ebur128.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct loudness_meter {
    ebur128_state *st;
};

loudness_meter *loudness_meter_new(int sample_rate)
{
    loudness_meter *m = malloc(sizeof *m);
    if (!m) return NULL;
    m->st = ebur128_init(1, (unsigned long)sample_rate, EBUR128_MODE_I);
    if (!m->st) {
        free(m);
        return NULL;
    }
    return m;
}

int loudness_meter_add(loudness_meter *m, const float *samples, size_t count)
{
    return ebur128_add_frames_float(m->st, samples, count) == EBUR128_SUCCESS ? 0 : -1;
}

double loudness_meter_lufs(loudness_meter *m)
{
    double lufs;
    if (ebur128_loudness_global(m->st, &lufs) != EBUR128_SUCCESS) return -HUGE_VAL;
    return lufs;
}

void loudness_meter_free(loudness_meter *m)
{
    if (!m) return;
    ebur128_destroy(&m->st);
    free(m);
}

void limiter_init(limiter *l, float ceiling)
{
    *l = (limiter){.ceiling = ceiling, .boundary = 1.0f};
}

static float allowed_gain(const limiter *l, const float *x, size_t n)
{
    float peak = 0;
    for (size_t i = 0; i < n; i++) {
        float a = x[i] < 0 ? -x[i] : x[i];
        if (a > peak) peak = a;
    }
    return peak > l->ceiling ? l->ceiling / peak : 1.0f;
}

/* Ramps the held block from its start gain to end_gain into out. */
static size_t emit_held(limiter *l, float end_gain, float *out)
{
    float step = (end_gain - l->boundary) / (float)l->nheld;
    for (size_t i = 0; i < l->nheld; i++)
        out[i] = l->held[i] * (l->boundary + step * (float)(i + 1));
    size_t n = l->nheld;
    l->boundary = end_gain;
    l->nheld = 0;
    l->have_block = false;
    return n;
}

/* A new complete block arrived: the held one can go, ending at the gain both allow. */
static size_t next_block(limiter *l, const float *block, float *out)
{
    float allow = allowed_gain(l, block, LIMITER_BLOCK);
    size_t n = 0;
    if (l->have_block) {
        float end = fminf(l->held_allow, allow);
        float released = l->boundary + (1.0f - l->boundary) * 0.05f; /* about 60 ms at 22 kHz */
        n = emit_held(l, fminf(end, released), out);
    } else {
        l->boundary = fminf(l->boundary, allow);
    }
    memcpy(l->held, block, sizeof l->held);
    l->nheld = LIMITER_BLOCK;
    l->held_allow = allow;
    l->have_block = true;
    /* the start of the new block may not exceed what it allows */
    l->boundary = fminf(l->boundary, allow);
    return n;
}

size_t limiter_process(limiter *l, const float *in, size_t count, float *out)
{
    size_t written = 0;
    for (size_t i = 0; i + LIMITER_BLOCK <= count; i += LIMITER_BLOCK)
        written += next_block(l, in + i, out + written);
    size_t rest = count % LIMITER_BLOCK;
    if (rest) { /* a short last block: treated as complete, padded by nothing */
        if (l->have_block) {
            float allow = allowed_gain(l, in + count - rest, rest);
            float released = l->boundary + (1.0f - l->boundary) * 0.05f;
            written += emit_held(l, fminf(fminf(l->held_allow, allow), released), out + written);
        }
        memcpy(l->held, in + count - rest, rest * sizeof *in);
        l->nheld = rest;
        l->held_allow = allowed_gain(l, l->held, rest);
        l->boundary = fminf(l->boundary, l->held_allow);
        l->have_block = true;
    }
    return written;
}

size_t limiter_flush(limiter *l, float *out)
{
    if (!l->nheld) return 0;
    return emit_held(l, fminf(l->held_allow, l->boundary), out);
}
