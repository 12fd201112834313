/* loudness.c - integrated loudness per ITU-R BS.1770-4 and a peak limiter: -21.6 LUFS speech
 * -> +5.6 dB gain, peaks limited. The meter is checked against libebur128 in tests/unit. */
#include "loudness.h"
#include "atomic.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "regroup.h"

/* The per-sample loops get a second build for x86-64-v3 (AVX2, FMA), picked at run time. */
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__)) &&                            \
    !defined(__SANITIZE_ADDRESS__)
#define PER_SAMPLE __attribute__((target_clones("arch=x86-64-v3", "default")))
#else
#define PER_SAMPLE
#endif

/* Gating blocks are sorted into bins of 0.01 LU from GATE_FLOOR up; a bin keeps the
 * count and the summed energy of its blocks, so the gated mean is exact up to where
 * the relative gate cuts a bin (0.01 LU), and memory does not grow with the input. */
#define GATE_FLOOR (-70.0) /* BS.1770 absolute gate, LUFS */
enum { GATE_BINS = 8000, GATE_BINS_PER_LU = 100 };

typedef struct {
    double b0, b1, b2, a1, a2; /* a normalized biquad */
} biquad;
/* The filter runs on METER_LANES stretches of SEGMENT_HOPS hops side by side (vector
 * instructions), each started from rest WARM samples early: by its first sample the
 * start-up has died away (the slowest pole, the 38 Hz high-pass, leaves 1e-16 of it at
 * 22 kHz), so the energies are those of one continuous run. */
enum { METER_LANES = 4, SEGMENT_HOPS = 8, WARM = 4096 };

struct loudness_meter {
    biquad shelf, highpass; /* the K-weighting filter, in direct form I */
    size_t hop_len;         /* samples in 100 ms */
    size_t segment;         /* SEGMENT_HOPS hops */
    short *buf;             /* WARM samples of history, then METER_LANES segments */
    size_t fill;            /* samples after the history */
    double hops[3];         /* the last three hops' energies */
    size_t nhops;
    double bin_energy[GATE_BINS];
    unsigned long bin_count[GATE_BINS];
};

/* The BS.1770 pre-filter (a high shelf) and RLB high-pass for any sample rate, as
 * libebur128 derives them. */
static void k_weighting(loudness_meter *m, double rate)
{
    double f0 = 1681.974450955533, gain_db = 3.999843853973347, q = 0.7071752369554196;
    double k = tan(M_PI * f0 / rate), vh = pow(10.0, gain_db / 20.0);
    double vb = pow(vh, 0.4996667741545416), a0 = 1.0 + k / q + k * k;
    m->shelf = (biquad){(vh + vb * k / q + k * k) / a0, 2.0 * (k * k - vh) / a0,
                        (vh - vb * k / q + k * k) / a0, 2.0 * (k * k - 1.0) / a0,
                        (1.0 - k / q + k * k) / a0};
    f0 = 38.13547087602444;
    q = 0.5003270373238773;
    k = tan(M_PI * f0 / rate);
    a0 = 1.0 + k / q + k * k;
    m->highpass = (biquad){1.0, -2.0, 1.0, 2.0 * (k * k - 1.0) / a0, (1.0 - k / q + k * k) / a0};
}

loudness_meter *loudness_meter_new(int sample_rate)
{
    if (sample_rate < 1000) return NULL;
    loudness_meter *m = calloc(1, sizeof *m);
    if (!m) return NULL;
    k_weighting(m, sample_rate);
    m->hop_len = (size_t)sample_rate / 10;
    m->segment = m->hop_len * SEGMENT_HOPS;
    m->buf = calloc(WARM + METER_LANES * m->segment, sizeof *m->buf); /* silence before */
    if (!m->buf) {
        free(m);
        return NULL;
    }
    return m;
}

/* A hop's energy arrives: the gating block (400 ms: it and the three before) goes into
 * its bin. */
static void add_hop(loudness_meter *m, double hop_sum)
{
    if (++m->nhops >= 4) {
        double energy = (hop_sum + m->hops[0] + m->hops[1] + m->hops[2]) / (4.0 * m->hop_len);
        double lufs = -0.691 + 10.0 * log10(energy);
        if (lufs > GATE_FLOOR) {
            long bin = (long)((lufs - GATE_FLOOR) * GATE_BINS_PER_LU);
            if (bin >= GATE_BINS) bin = GATE_BINS - 1;
            m->bin_energy[bin] += energy;
            m->bin_count[bin]++;
        }
    }
    m->hops[2] = m->hops[1];
    m->hops[1] = m->hops[0];
    m->hops[0] = hop_sum;
}

/* Filters the lanes from t0 to t1 (sample indices in each lane, warm-up included);
 * adds the K-weighted energy to sum[lane]. Direct form I: one multiply-add between an
 * output and the next. */
PER_SAMPLE static void filter_lanes(const loudness_meter *m, double st[6][METER_LANES], size_t t0,
                                    size_t t1, double sum[METER_LANES])
{
    const double scale = 1.0 / 32768.0, b0 = m->shelf.b0 * scale, b1 = m->shelf.b1 * scale,
                 b2 = m->shelf.b2 * scale, a1 = m->shelf.a1, a2 = m->shelf.a2;
    const double ha1 = m->highpass.a1, ha2 = m->highpass.a2; /* numerator: 1, -2, 1 */
    const short *buf = m->buf;
    const size_t seg = m->segment;
    double x1[METER_LANES], x2[METER_LANES], y1[METER_LANES], y2[METER_LANES], k1[METER_LANES],
        k2[METER_LANES], acc[METER_LANES]; /* locals: kept in vector registers */
    for (size_t j = 0; j < METER_LANES; j++) {
        x1[j] = st[0][j], x2[j] = st[1][j], y1[j] = st[2][j], y2[j] = st[3][j];
        k1[j] = st[4][j], k2[j] = st[5][j], acc[j] = 0;
    }
    for (size_t t = t0; t < t1; t++) {
        /* a tiny signal at half the sample rate keeps the filters off denormal numbers
         * (slow to compute) in silences; its energy, 1e-36 a sample, is nothing */
        const double tiny = t & 1 ? 1e-14 : -1e-14;
        for (size_t j = 0; j < METER_LANES; j++) {
            double v = buf[j * seg + t] + tiny; /* in 16-bit steps: b0..b2 scale it */
            double y = (b0 * v + b1 * x1[j] + b2 * x2[j] - a2 * y2[j]) - a1 * y1[j];
            double k = ((y - 2.0 * y1[j]) + y2[j] - ha2 * k2[j]) - ha1 * k1[j];
            x2[j] = x1[j];
            x1[j] = v;
            y2[j] = y1[j];
            y1[j] = y;
            k2[j] = k1[j];
            k1[j] = k;
            acc[j] += k * k;
        }
    }
    for (size_t j = 0; j < METER_LANES; j++) {
        st[0][j] = x1[j], st[1][j] = x2[j], st[2][j] = y1[j], st[3][j] = y2[j];
        st[4][j] = k1[j], st[5][j] = k2[j], sum[j] += acc[j];
    }
}

/* Measures the buffered segments (whole hops only) and keeps the last WARM samples. */
static void measure_buffer(loudness_meter *m)
{
    size_t hops = m->fill / m->hop_len;
    if (hops == 0) return;
    double st[6][METER_LANES] = {{0}}; /* x1 x2 y1 y2 k1 k2, from rest */
    double warm[METER_LANES] = {0}, sum[SEGMENT_HOPS][METER_LANES] = {{0}};
    filter_lanes(m, st, 0, WARM, warm);
    for (size_t h = 0; h < SEGMENT_HOPS; h++)
        filter_lanes(m, st, WARM + h * m->hop_len, WARM + (h + 1) * m->hop_len, sum[h]);
    for (size_t i = 0; i < hops; i++)
        add_hop(m, sum[i % SEGMENT_HOPS][i / SEGMENT_HOPS]);
    size_t used = hops * m->hop_len; /* a part hop (at the end) is not measured */
    memmove(m->buf, m->buf + used, WARM * sizeof *m->buf);
    memset(m->buf + WARM, 0, METER_LANES * m->segment * sizeof *m->buf);
    m->fill = 0;
}

void loudness_meter_add(loudness_meter *m, const short *samples, size_t count)
{
    const size_t room = METER_LANES * m->segment;
    while (count) {
        size_t n = room - m->fill < count ? room - m->fill : count;
        memcpy(m->buf + WARM + m->fill, samples, n * sizeof *samples);
        m->fill += n;
        samples += n;
        count -= n;
        if (m->fill == room) measure_buffer(m);
    }
}

double loudness_meter_lufs(loudness_meter *m)
{
    measure_buffer(m); /* what is held: the program ends here */
    double sum = 0;
    unsigned long n = 0;
    for (size_t i = 0; i < GATE_BINS; i++) {
        sum += m->bin_energy[i];
        n += m->bin_count[i];
    }
    if (n == 0) return -HUGE_VAL;
    double relative = -0.691 + 10.0 * log10(sum / (double)n) - 10.0;
    long first = (long)ceil((relative - GATE_FLOOR) * GATE_BINS_PER_LU);
    sum = 0;
    n = 0;
    for (long i = first < 0 ? 0 : first; i < GATE_BINS; i++) {
        sum += m->bin_energy[i];
        n += m->bin_count[i];
    }
    return n ? -0.691 + 10.0 * log10(sum / (double)n) : -HUGE_VAL;
}

void loudness_meter_free(loudness_meter *m)
{
    if (m) free(m->buf);
    free(m);
}

/* ---- the limiter ---- */

void limiter_init(limiter *l, float gain, float ceiling)
{
    *l = (limiter){.g = {.boundary = 1.0f}, .gain = gain, .ceiling = ceiling * 32767.0f};
}

void limiter_resume(limiter *l, float gain, float ceiling, limiter_gain state)
{
    limiter_init(l, gain, ceiling);
    l->g = state;
}

/* The largest magnitude in a block, in 16-bit steps. */
static int block_peak(const short *x, size_t n)
{
    int peak = 0;
    for (size_t i = 0; i < n; i++) {
        int a = x[i] < 0 ? -x[i] : x[i];
        peak = a > peak ? a : peak;
    }
    return peak;
}

/* The smaller of two gains (no NaN here: a plain comparison, not a call to fminf). */
static float least(float a, float b)
{
    return a < b ? a : b;
}

static float allowed_gain(float peak, float gain, float ceiling)
{
    float p = peak * gain;
    return p > ceiling ? ceiling / p : 1.0f;
}

/* A new block arrives with the gain its peak allows: returns the gain at which the
 * held block ends (its start is g->boundary before the call, or -1 when nothing was held). */
static float next_gain(limiter_gain *g, float allow, float *start)
{
    float end = -1.0f;
    *start = g->boundary;
    if (g->have_block) {
        float released = g->boundary + (1.0f - g->boundary) * 0.05f; /* about 60 ms at 22 kHz */
        end = least(least(g->held_allow, allow), released);
        g->boundary = end;
    }
    g->held_allow = allow;
    g->have_block = true;
    g->boundary = least(g->boundary, allow); /* the new block may not start above it */
    return end;
}

/* Rounds to the nearest 16-bit sample, clipping: written so that compilers vectorize it. */
static short to_pcm16(float v)
{
    v = v > 32767.0f ? 32767.0f : v;
    v = v < -32768.0f ? -32768.0f : v;
    int i = (int)(v + (v < 0 ? -0.5f : 0.5f));
    i = i > 32767 ? 32767 : i;
    return (short)(i < -32768 ? -32768 : i);
}

/* Writes the held block with its gain ramping from start to end. */
PER_SAMPLE static size_t emit_held(limiter *l, const short *restrict held, float start, float end,
                                   short *restrict out)
{
    const float k = l->gain * (32767.0f / 32768.0f);
    const int n = (int)l->nheld;        /* int: its conversion to float vectorizes */
    if (start == 1.0f && end == 1.0f) { /* nothing to limit */
        for (int i = 0; i < n; i++)
            out[i] = to_pcm16((float)held[i] * k);
    } else {
        float step = (end - start) / (float)n;
        for (int i = 0; i < n; i++)
            out[i] = to_pcm16((float)held[i] * k * (start + step * (float)(i + 1)));
    }
    l->nheld = 0;
    return (size_t)n;
}

size_t limiter_process(limiter *l, const short *in, size_t count, short *out)
{
    size_t written = 0;
    const short *held = l->held; /* the held block: kept from the last call, or in `in` */
    for (size_t i = 0; i < count; i += LIMITER_BLOCK) {
        size_t n = count - i < LIMITER_BLOCK ? count - i : LIMITER_BLOCK;
        float start, allow = allowed_gain((float)block_peak(in + i, n), l->gain, l->ceiling);
        float end = next_gain(&l->g, allow, &start);
        if (end >= 0) written += emit_held(l, held, start, end, out + written);
        held = in + i;
        l->nheld = n;
    }
    if (count) memcpy(l->held, held, l->nheld * sizeof *held);
    return written;
}

size_t limiter_flush(limiter *l, short *out)
{
    if (!l->nheld) return 0;
    float start = l->g.boundary;
    return emit_held(l, l->held, start, least(l->g.held_allow, start), out);
}

/* ---- choosing the gain ---- */

typedef struct {
    float energy; /* sum of squares, in 16-bit steps */
    unsigned short peak;
    unsigned short count; /* samples in the block */
} block_stat;

struct limiter_plan {
    FILE *file;
    limiter_checkpoints marks; /* from the last simulated run, at marks_gain */
    float marks_gain;
    bool marks_valid;
    short partial[LIMITER_BLOCK];
    size_t npartial;
    block_stat out[4096]; /* statistics not yet in the file: one fwrite per 4096 */
    size_t nout;
};

limiter_plan *limiter_plan_new(void)
{
    limiter_plan *p = calloc(1, sizeof *p);
    if (p && !(p->file = scratch_file())) {
        free(p);
        return NULL;
    }
    return p;
}

static bool flush_stats(limiter_plan *p)
{
    bool ok = fwrite(p->out, sizeof *p->out, p->nout, p->file) == p->nout;
    p->nout = 0;
    return ok;
}

static bool write_stat(limiter_plan *p, const short *x, size_t n)
{
    long long energy = 0; /* at most 2^36 for a block */
    for (size_t i = 0; i < n; i++)
        energy += x[i] * x[i];
    p->out[p->nout++] =
        (block_stat){(float)energy, (unsigned short)block_peak(x, n), (unsigned short)n};
    return p->nout < sizeof p->out / sizeof *p->out || flush_stats(p);
}

/* Files the statistics of whole blocks (count is a multiple of LIMITER_BLOCK). */
static bool write_stats(void *user, const short *x, size_t count)
{
    for (size_t i = 0; i < count; i += LIMITER_BLOCK)
        if (!write_stat(user, x + i, LIMITER_BLOCK)) return false;
    return true;
}

bool limiter_plan_add(limiter_plan *p, const short *samples, size_t count)
{
    return regroup(p->partial, &p->npartial, LIMITER_BLOCK, samples, count, write_stats, p);
}

/* Energy of a block whose gain ramps linearly from a to b. */
static double ramped(double energy, double a, double b)
{
    return energy * (a * a + a * b + b * b) / 3.0;
}

/* Files the last, short block (the program has ended); false on a write error. */
static bool file_partial(limiter_plan *p)
{
    bool ok = (!p->npartial || write_stat(p, p->partial, p->npartial)) && flush_stats(p) &&
              fflush(p->file) == 0;
    p->npartial = 0;
    return ok;
}

/* The input energy, and the output energy at this gain before the make-up gain itself,
 * from the statistics. */
static bool simulate(limiter_plan *p, float gain, float ceiling, double *in, double *out)
{
    if (!file_partial(p)) return false;
    limiter_checkpoints *marks = &p->marks;
    marks->count = 0;
    p->marks_valid = false;
    limiter_gain g = {.boundary = 1.0f};
    block_stat held = {0}, s[LIMITER_CHUNK_BLOCKS];
    double sum_in = 0, sum_out = 0;
    if (fseek(p->file, 0, SEEK_SET) != 0) return false;
    for (size_t n; (n = fread(s, sizeof *s, LIMITER_CHUNK_BLOCKS, p->file)) > 0;) {
        if (marks->count == marks->cap) { /* every read but the last is a whole chunk */
            size_t cap = marks->cap ? marks->cap * 2 : 64;
            limiter_gain *grown = realloc(marks->state, cap * sizeof *grown);
            if (!grown) return false;
            marks->state = grown;
            marks->cap = cap;
        }
        marks->state[marks->count++] = g;
        for (size_t i = 0; i < n; i++) {
            float start, end = next_gain(&g, allowed_gain(s[i].peak, gain, ceiling), &start);
            if (end >= 0) sum_out += ramped(held.energy, start, end);
            held = s[i];
            sum_in += s[i].energy;
        }
    }
    if (g.have_block) sum_out += ramped(held.energy, g.boundary, least(g.held_allow, g.boundary));
    *in = sum_in;
    *out = sum_out;
    p->marks_gain = gain;
    p->marks_valid = !ferror(p->file);
    return p->marks_valid;
}

float limiter_plan_gain(limiter_plan *p, float gain, float ceiling)
{
    ceiling *= 32767.0f;
    double in, out, wanted = -1, last_gain = 0, last_out = 0;
    for (int round = 0; round < 6; round++) {
        if (!simulate(p, gain, ceiling, &in, &out) || out <= 0) break;
        out *= (double)gain * gain;
        if (wanted < 0) wanted = in * gain * gain;
        if (fabs(out / wanted - 1.0) < 0.002) break; /* within 0.01 dB */
        /* energy grows as gain^slope: 2 without limiting, less with; measured from the
         * last two rounds, it takes two or three rounds to get there */
        double slope = 2.0;
        if (last_gain > 0 && gain != last_gain) {
            slope = log(out / last_out) / log(gain / last_gain);
            slope = slope < 0.2 ? 0.2 : slope > 2.0 ? 2.0 : slope;
        }
        last_gain = gain;
        last_out = out;
        gain *= (float)pow(wanted / out, 1.0 / slope);
    }
    return gain;
}

bool limiter_plan_checkpoints(limiter_plan *p, float gain, float ceiling, limiter_checkpoints *out)
{
    double in, energy; /* the last run of limiter_plan_gain has them, mostly */
    bool ok = (p->marks_valid && p->marks_gain == gain) ||
              simulate(p, gain, ceiling * 32767.0f, &in, &energy);
    *out = ok ? p->marks : (limiter_checkpoints){0};
    if (ok) p->marks = (limiter_checkpoints){0};
    p->marks_valid = false;
    return ok;
}

void limiter_plan_free(limiter_plan *p)
{
    if (!p) return;
    free(p->marks.state);
    fclose(p->file);
    free(p);
}
