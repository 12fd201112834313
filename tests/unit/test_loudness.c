/* test_loudness.c - the BS.1770 meter agrees with libebur128 on real speech; the limiter
 * keeps every sample under its ceiling and its planned gain gives the energy asked for. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <ebur128.h>
#include <math.h>

#include "limit_pass.h"
#include "loudness.h"
#include "synth.h"

typedef struct {
    short *pcm;
    size_t len, cap;
} audio;

static loc_status collect(void *user, const short *samples, size_t count)
{
    audio *a = user;
    if (a->len + count > a->cap) {
        a->cap = (a->len + count) * 2;
        a->pcm = realloc(a->pcm, a->cap * sizeof *a->pcm);
        if (!a->pcm) return LOC_ERR_NOMEM;
    }
    memcpy(a->pcm + a->len, samples, count * sizeof *samples);
    a->len += count;
    return LOC_OK;
}

/* Real espeak-ng speech scaled to a volume (percent), with pauses between the sentences. */
static audio speech(int volume)
{
    audio a = {0};
    const char *ssml =
        "<speak>El Gobierno aprobó ayer el proyecto de ley de presupuestos, que prevé un gasto "
        "de cuatrocientos mil millones de euros.<break time=\"900ms\"/>La oposición anunció "
        "que presentará una enmienda a la totalidad.</speak>";
    for (int i = 0; i < 3; i++) {
        assert_int_equal(synth_speak_ssml(ssml, collect, NULL, &a), LOC_OK);
        assert_int_equal(synth_silence(700, collect, &a), LOC_OK);
    }
    for (size_t i = 0; i < a.len; i++) { /* the volume, as 16-bit samples would carry it */
        long v = lrint(a.pcm[i] * volume / 100.0);
        a.pcm[i] = (short)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
    }
    return a;
}

static double reference_lufs(const audio *a, int rate)
{
    ebur128_state *st = ebur128_init(1, (unsigned long)rate, EBUR128_MODE_I);
    assert_non_null(st);
    assert_int_equal(ebur128_add_frames_short(st, a->pcm, a->len), EBUR128_SUCCESS);
    double lufs;
    assert_int_equal(ebur128_loudness_global(st, &lufs), EBUR128_SUCCESS);
    ebur128_destroy(&st);
    return lufs;
}

static double our_lufs(const audio *a, int rate, size_t piece)
{
    loudness_meter *m = loudness_meter_new(rate);
    assert_non_null(m);
    for (size_t i = 0; i < a->len; i += piece)
        loudness_meter_add(m, a->pcm + i, a->len - i < piece ? a->len - i : piece);
    double lufs = loudness_meter_lufs(m);
    loudness_meter_free(m);
    return lufs;
}

static void meter_agrees_with_libebur128_on_speech(void **state)
{
    (void)state;
    int volumes[] = {25, 100, 200};
    for (size_t v = 0; v < 3; v++) {
        audio a = speech(volumes[v]);
        int rate = 22050; /* espeak-ng's */
        double ref = reference_lufs(&a, rate);
        assert_true(ref > -60 && ref < 0);
        /* pieces of any size give the same answer */
        assert_true(fabs(our_lufs(&a, rate, 4096) - ref) < 0.02);
        assert_true(fabs(our_lufs(&a, rate, 333) - ref) < 0.02);
        free(a.pcm);
    }
}

static void meter_agrees_on_a_tone_at_48k(void **state)
{
    (void)state;
    audio a = {0};
    short tone[48000];
    for (size_t i = 0; i < 48000; i++) /* 1 kHz at -20 dBFS, 3 s */
        tone[i] = (short)lrint(3276.7 * sin(2 * M_PI * 1000.0 * (double)i / 48000.0));
    for (int s = 0; s < 3; s++)
        collect(&a, tone, 48000);
    double ref = reference_lufs(&a, 48000);
    assert_true(fabs(ref - (-23.0)) < 0.1); /* -20 dBFS sine: -23 LUFS, BS.1770's example */
    assert_true(fabs(our_lufs(&a, 48000, 1000) - ref) < 0.02);
    free(a.pcm);
}

static void silence_has_no_loudness(void **state)
{
    (void)state;
    loudness_meter *m = loudness_meter_new(22050);
    short zeros[22050] = {0};
    loudness_meter_add(m, zeros, 22050);
    loudness_meter_add(m, zeros, 22050);
    assert_true(isinf(loudness_meter_lufs(m)));
    loudness_meter_free(m);
    assert_null(loudness_meter_new(10));
}

static void limiter_holds_the_ceiling_and_plan_gives_the_energy(void **state)
{
    (void)state;
    audio a = speech(100);
    /* speech brought to -16 LUFS, as by default: peaks go over -2.2 dBFS */
    const float ceiling = 0.776f;
    const float wanted_gain = (float)pow(10.0, (-16.0 - reference_lufs(&a, 22050)) / 20.0);
    limiter_plan *plan = limiter_plan_new();
    assert_non_null(plan);
    for (size_t i = 0; i < a.len; i += 1000)
        assert_true(limiter_plan_add(plan, a.pcm + i, a.len - i < 1000 ? a.len - i : 1000));
    float gain = limiter_plan_gain(plan, wanted_gain, ceiling);
    assert_true(gain > wanted_gain); /* the limiter takes energy away: more gain */
    limiter_plan_free(plan);

    limiter lim;
    limiter_init(&lim, gain, ceiling);
    short *out = malloc((a.len + LIMITER_BLOCK) * sizeof *out);
    size_t n = 0;
    for (size_t i = 0; i < a.len; i += 4096)
        n += limiter_process(&lim, a.pcm + i, a.len - i < 4096 ? a.len - i : 4096, out + n);
    n += limiter_flush(&lim, out + n);
    assert_int_equal(n, a.len);
    double in_energy = 0, out_energy = 0;
    int peak = 0;
    for (size_t i = 0; i < n; i++) {
        in_energy += (double)a.pcm[i] * a.pcm[i];
        out_energy += (double)out[i] * out[i];
        peak = abs(out[i]) > peak ? abs(out[i]) : peak;
    }
    assert_true(peak <= (int)(ceiling * 32767.0f) + 1);
    double wanted = in_energy * wanted_gain * wanted_gain;
    print_message("limited %.3f dB from the energy wanted (gain %.2f -> %.2f)\n",
                  10 * log10(out_energy / wanted), wanted_gain, gain);
    assert_true(fabs(10 * log10(out_energy / wanted)) < 0.1); /* within 0.1 dB */
    free(out);
    free(a.pcm);
}

static void limiter_passes_quiet_audio_unchanged_but_for_gain(void **state)
{
    (void)state;
    short in[1000], out[1000 + LIMITER_BLOCK];
    for (int i = 0; i < 1000; i++)
        in[i] = (short)((i * 37) % 2001 - 1000);
    limiter lim;
    limiter_init(&lim, 2.0f, 0.9f);
    size_t n = limiter_process(&lim, in, 1000, out);
    n += limiter_flush(&lim, out + n);
    assert_int_equal(n, 1000);
    for (int i = 0; i < 1000; i++)
        assert_true(abs(out[i] - 2 * in[i]) <= 1);
}

typedef struct {
    short *pcm;
    size_t len;
} sink_buf;

static loc_status take(void *user, const short *samples, size_t count)
{
    sink_buf *b = user;
    memcpy(b->pcm + b->len, samples, count * sizeof *samples);
    b->len += count;
    return LOC_OK;
}

static void threaded_pass_gives_the_same_samples_as_one_limiter(void **state)
{
    (void)state;
    audio one_take = speech(100), a = {0};
    while (a.len < 5 * 65536 + 1000) /* several chunks and a short end */
        collect(&a, one_take.pcm, one_take.len);
    free(one_take.pcm);
    FILE *held = tmpfile();
    limiter_plan *plan = limiter_plan_new();
    assert_true(held && plan);
    assert_int_equal(fwrite(a.pcm, 2, a.len, held), a.len);
    assert_int_equal(fflush(held), 0);
    assert_true(limiter_plan_add(plan, a.pcm, a.len));
    const float gain = limiter_plan_gain(plan, 2.0f, 0.776f);

    limiter lim;
    limiter_init(&lim, gain, 0.776f);
    short *one = malloc((a.len + LIMITER_BLOCK) * sizeof *one);
    size_t n = limiter_process(&lim, a.pcm, a.len, one);
    n += limiter_flush(&lim, one + n);
    assert_int_equal(n, a.len);
    for (int threads = 1; threads <= 3; threads++) {
        sink_buf b = {malloc(a.len * sizeof *b.pcm), 0};
        assert_int_equal(limit_pass_run(fileno(held), plan, gain, 0.776f, threads, take, &b),
                         LOC_OK);
        assert_int_equal(b.len, a.len);
        assert_memory_equal(b.pcm, one, a.len * sizeof *one);
        free(b.pcm);
    }
    free(one);
    limiter_plan_free(plan);
    fclose(held);
    free(a.pcm);
}

/* A silent program (no gain search) ending just past a chunk: every sample still comes. */
static void silent_program_passes_whole(void **state)
{
    (void)state;
    size_t len = 65536 + 10;
    short *zero = calloc(len, sizeof *zero);
    FILE *held = tmpfile();
    limiter_plan *plan = limiter_plan_new();
    assert_true(zero && held && plan);
    assert_int_equal(fwrite(zero, 2, len, held), len);
    assert_int_equal(fflush(held), 0);
    assert_true(limiter_plan_add(plan, zero, len));
    sink_buf b = {malloc(len * sizeof *b.pcm), 0};
    assert_int_equal(limit_pass_run(fileno(held), plan, 1.0f, 0.776f, 2, take, &b), LOC_OK);
    assert_int_equal(b.len, len);
    free(b.pcm);
    limiter_plan_free(plan);
    fclose(held);
    free(zero);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(meter_agrees_with_libebur128_on_speech),
        cmocka_unit_test(meter_agrees_on_a_tone_at_48k),
        cmocka_unit_test(silence_has_no_loudness),
        cmocka_unit_test(limiter_holds_the_ceiling_and_plan_gives_the_energy),
        cmocka_unit_test(limiter_passes_quiet_audio_unchanged_but_for_gain),
        cmocka_unit_test(threaded_pass_gives_the_same_samples_as_one_limiter),
        cmocka_unit_test(silent_program_passes_whole),
    };
    synth_options o = {"es", 175, 50, 100, 0};
    if (synth_open(&o) != LOC_OK) return 1;
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    synth_close();
    return failed;
}
