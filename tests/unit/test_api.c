/* test_api.c - liblocutor's public API: normalization with source offsets, text and SSML,
 * synthesis with events in order, stopping within one buffer, and each error named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "locutor.h"

static const char sentence[] = "Titular\nMurieron 21 personas el 21/03/2024. Otra frase.\n";

/* Opens the language data of the source tree. */
static locutor_lang *open_lang(const char *region)
{
    locutor_lang_options o = {.data_dir = LOCUTOR_TEST_DATA_DIR, .region = region};
    locutor_lang *lang = NULL;
    char err[256] = "";
    assert_int_equal(locutor_lang_open(&o, &lang, err, sizeof err), LOCUTOR_OK);
    assert_non_null(lang);
    return lang;
}

static locutor_speech *normalize(locutor_lang *lang, const char *text, unsigned flags)
{
    locutor_speech *s = NULL;
    char err[256] = "";
    assert_int_equal(locutor_normalize(lang, text, strlen(text), LOCUTOR_FORMAT_TEXT, flags, &s,
                                       err, sizeof err),
                     LOCUTOR_OK);
    return s;
}

/* The words and the bytes of the caller's text they come from. */
static void test_text_and_offsets(void **state)
{
    (void)state;
    locutor_lang *lang = open_lang(NULL);
    locutor_speech *s = normalize(lang, sentence, 0);
    char *text = locutor_speech_text(s);
    assert_string_equal(text, "Titular\nMurieron veintiuna personas el veintiuno de marzo de dos "
                              "mil veinticuatro. Otra frase.\n");
    free(text);
    locutor_speech_free(s);
    s = normalize(lang, sentence, LOCUTOR_MARKS); /* a chunk per word */
    size_t n;
    const locutor_chunk *c = locutor_speech_chunks(s, &n);
    int found = 0;
    for (size_t i = 0; i < n; i++) {
        if (c[i].kind != LOCUTOR_CHUNK_TEXT) continue;
        if (strcmp(c[i].text, "veintiuna") == 0) {
            assert_int_equal(c[i].block, 1);
            assert_memory_equal(sentence + c[i].start, "21 ", 3);
            assert_int_equal(c[i].end - c[i].start, 2);
            found++;
        }
        if (strncmp(c[i].text, "veintiuno de marzo", 18) == 0) {
            assert_memory_equal(sentence + c[i].start, "21/03/2024", 10);
            found++;
        }
    }
    assert_int_equal(found, 2);
    char *ssml = locutor_speech_ssml(s);
    assert_non_null(strstr(ssml, "<speak version=\"1.1\""));
    assert_non_null(strstr(ssml, "<mark name=\"w2\"/> veintiuna"));
    free(ssml);
    locutor_speech_free(s);
    s = normalize(lang, sentence, 0);
    ssml = locutor_speech_ssml(s);
    assert_null(strstr(ssml, "<mark")); /* marks only when asked */
    free(ssml);
    locutor_speech_free(s);
    locutor_lang_close(lang);
}

/* Markup in the text is words, never SSML. */
static void test_text_is_escaped(void **state)
{
    (void)state;
    locutor_lang *lang = open_lang(NULL);
    locutor_speech *s = normalize(lang, "Dijo <break time=\"9s\"/> & se fue.\n", 0);
    char *ssml = locutor_speech_ssml(s);
    assert_null(strstr(ssml, "<break time=\"9s\""));
    assert_non_null(strstr(ssml, "&lt;"));
    free(ssml);
    locutor_speech_free(s);
    locutor_lang_close(lang);
}

/* A region changes the reading: 1.500 is mil quinientos in Spain, uno punto cinco in Mexico. */
static void test_region(void **state)
{
    (void)state;
    locutor_lang *mx = open_lang("es-MX");
    locutor_speech *s = normalize(mx, "Pagó 1,500 pesos.\n", 0);
    char *text = locutor_speech_text(s);
    assert_non_null(strstr(text, "mil quinientos"));
    free(text);
    locutor_speech_free(s);
    locutor_lang_close(mx);
}

static void test_errors_named(void **state)
{
    (void)state;
    char err[256] = "";
    locutor_lang *lang = (locutor_lang *)1;
    locutor_lang_options bad_region = {.data_dir = LOCUTOR_TEST_DATA_DIR, .region = "es-XX"};
    assert_int_equal(locutor_lang_open(&bad_region, &lang, err, sizeof err), LOCUTOR_ERR_USAGE);
    assert_null(lang);
    assert_non_null(strstr(err, "es-XX"));
    locutor_lang_options no_data = {.data_dir = "/nonexistent-locutor"};
    assert_int_equal(locutor_lang_open(&no_data, &lang, err, sizeof err), LOCUTOR_ERR_DATA);
    assert_non_null(strstr(err, "/nonexistent-locutor"));
    assert_string_equal(locutor_strerror(LOCUTOR_ERR_NOMEM), "out of memory");
    lang = open_lang(NULL);
    locutor_speech *s = (locutor_speech *)1;
    assert_int_equal(locutor_normalize(lang, "x", 1, (locutor_format)99, 0, &s, err, sizeof err),
                     LOCUTOR_ERR_USAGE);
    assert_null(s);
    assert_int_equal(locutor_lang_add_lexicon(lang, "/nonexistent/lex.tsv", err, sizeof err),
                     LOCUTOR_ERR_DATA);
    assert_non_null(strstr(err, "/nonexistent/lex.tsv"));
    locutor_lang_close(lang);
    locutor_voice *v = (locutor_voice *)1;
    locutor_voice_options no_voice = {.name = "xx-nope", .pitch = -1};
    assert_int_equal(locutor_voice_open(&no_voice, &v, err, sizeof err), LOCUTOR_ERR_VOICE);
    assert_null(v);
    assert_non_null(strstr(err, "xx-nope"));
    locutor_voice_options fast = {.rate = 5000, .pitch = -1};
    assert_int_equal(locutor_voice_open(&fast, &v, err, sizeof err), LOCUTOR_ERR_USAGE);
}

typedef struct {
    size_t samples, events, words, sentences;
    size_t last_sample;
    int ordered;
    size_t stop_after; /* 0: never */
    size_t calls_after_stop;
    int stopped;
} listener;

static int on_audio(void *user, const short *pcm, size_t count)
{
    listener *l = user;
    (void)pcm;
    if (l->stopped) l->calls_after_stop++;
    l->samples += count;
    if (l->stop_after && l->samples >= l->stop_after) {
        l->stopped = 1;
        return 1;
    }
    return 0;
}

static int on_event(void *user, const locutor_event *ev)
{
    listener *l = user;
    l->events++;
    if (ev->sample < l->last_sample) l->ordered = 0;
    l->last_sample = ev->sample;
    if (ev->kind == LOCUTOR_EVENT_WORD) l->words++;
    if (ev->kind == LOCUTOR_EVENT_SENTENCE) l->sentences++;
    if (ev->kind == LOCUTOR_EVENT_WORD && ev->block == 1 && ev->sample > 0)
        assert_true(ev->end > ev->start && ev->end <= sizeof sentence);
    return 0;
}

/* Real espeak-ng: every sentence and word mark comes back, in order, within the audio. */
static void test_speak_events(void **state)
{
    (void)state;
    locutor_lang *lang = open_lang(NULL);
    locutor_speech *s = normalize(lang, sentence, LOCUTOR_MARKS);
    locutor_voice *v = NULL;
    char err[256] = "";
    assert_int_equal(locutor_voice_open(NULL, &v, err, sizeof err), LOCUTOR_OK);
    int rate = locutor_voice_sample_rate(v);
    assert_true(rate >= 16000);
    listener l = {.ordered = 1};
    assert_int_equal(locutor_speak(v, s, on_audio, on_event, &l), LOCUTOR_OK);
    assert_int_equal(l.sentences, 3); /* Titular; Murieron…; Otra frase. */
    assert_int_equal(l.words, 8);     /* Titular Murieron 21 personas el 21/03/2024 Otra frase */
    assert_true(l.ordered);
    assert_true(l.last_sample < l.samples);
    assert_true(l.samples > (size_t)rate * 3); /* seconds of speech and pauses */
    /* stopped by the audio callback after one second: no more audio comes */
    listener cut = {.ordered = 1, .stop_after = (size_t)rate};
    assert_int_equal(locutor_speak(v, s, on_audio, NULL, &cut), LOCUTOR_ERR_INTERRUPTED);
    assert_int_equal(cut.calls_after_stop, 0);
    assert_true(cut.samples < (size_t)rate + (size_t)rate * 4 / 10 + 1); /* one buffer at most */
    /* locutor_voice_stop before speaking: nothing is said, and the next call speaks again */
    locutor_voice_stop(v);
    listener none = {.ordered = 1};
    assert_int_equal(locutor_speak(v, s, on_audio, NULL, &none), LOCUTOR_ERR_INTERRUPTED);
    assert_int_equal(none.samples, 0);
    listener again = {.ordered = 1};
    assert_int_equal(locutor_speak(v, s, on_audio, NULL, &again), LOCUTOR_OK);
    /* (espeak-ng's length varies by about 1 % from call to call in one process) */
    assert_true(again.samples > l.samples * 95 / 100 && again.samples < l.samples * 105 / 100);
    locutor_voice_close(v);
    locutor_speech_free(s);
    locutor_lang_close(lang);
}

typedef struct {
    char names[16][16];
    size_t count, samples[16];
    size_t others;
} marks_heard;

static int on_mark(void *user, const locutor_event *ev)
{
    marks_heard *m = user;
    if (ev->kind != LOCUTOR_EVENT_MARK) {
        m->others++;
        return 0;
    }
    assert_true(m->count < 16);
    snprintf(m->names[m->count], sizeof m->names[0], "%s", ev->name);
    m->samples[m->count++] = ev->sample;
    return 0;
}

static int count_audio(void *user, const short *pcm, size_t count)
{
    (void)user, (void)pcm, (void)count;
    return 0;
}

/* Marks of the caller's text survive normalization: one before each word (as Orca sends them)
 * and one at the end (as speech-dispatcher does) are reported in order; those before "21",
 * "de" and "marzo" just before "veintiuno de marzo", which says them. */
static void test_marks_survive(void **state)
{
    (void)state;
    static const char text[] = "Pagaron 1.500 euros el 21 de marzo.";
    static const size_t words[] = {0, 8, 14, 20, 23, 26, 29};
    locutor_lang *lang = open_lang(NULL);
    locutor_speech *s = normalize(lang, text, LOCUTOR_MARKS);
    char name[8];
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        snprintf(name, sizeof name, "m%zu", i);
        assert_int_equal(locutor_speech_add_mark(s, words[i], name), LOCUTOR_OK);
    }
    assert_int_equal(locutor_speech_add_mark(s, sizeof text - 1, "__spd_0"), LOCUTOR_OK);
    char *ssml = locutor_speech_ssml(s);
    assert_non_null(strstr(ssml, "<mark name=\"m1\"/><mark name=\"w2\"/> mil quinientos"));
    assert_non_null(strstr(ssml, "<mark name=\"m4\"/><mark name=\"m5\"/><mark name=\"m6\"/><mark "
                                 "name=\"w5\"/> veintiuno de marzo"));
    assert_non_null(strstr(ssml, "</s><mark name=\"__spd_0\"/>"));
    free(ssml);
    locutor_voice *v = NULL;
    char err[256] = "";
    assert_int_equal(locutor_voice_open(NULL, &v, err, sizeof err), LOCUTOR_OK);
    marks_heard m = {0};
    assert_int_equal(locutor_speak(v, s, count_audio, on_mark, &m), LOCUTOR_OK);
    assert_int_equal(m.count, 8);
    for (size_t i = 0; i < 7; i++) {
        snprintf(name, sizeof name, "m%zu", i);
        assert_string_equal(m.names[i], name);
        if (i && i < 5) assert_true(m.samples[i] > m.samples[i - 1]);
        if (i >= 5) assert_true(m.samples[i] == m.samples[4]); /* de, marzo: said with 21 */
    }
    assert_string_equal(m.names[7], "__spd_0");
    assert_true(m.others > 0); /* its own sentence and word events too */
    locutor_voice_close(v);
    /* without LOCUTOR_MARKS there is no word to place a mark by */
    locutor_speech *plain = normalize(lang, text, 0);
    assert_int_equal(locutor_speech_add_mark(plain, 0, "x"), LOCUTOR_ERR_USAGE);
    locutor_speech_free(plain);
    locutor_speech_free(s);
    locutor_lang_close(lang);
}

static int add_samples(void *user, const short *pcm, size_t count)
{
    (void)pcm;
    *(size_t *)user += count;
    return 0;
}

/* Text said as written, in another language, and a faster rate: each changes the audio, and
 * the Spanish voice comes back after another language. */
static void test_as_written_and_rate(void **state)
{
    (void)state;
    locutor_lang *lang = open_lang(NULL);
    locutor_speech *s = normalize(lang, "Murieron 21 personas el 21/03/2024.\n", 0);
    locutor_voice *v = NULL;
    char err[256] = "";
    assert_int_equal(locutor_voice_open(NULL, &v, err, sizeof err), LOCUTOR_OK);
    size_t spanish = 0, english = 0, again = 0, fast = 0, none = 0;
    assert_int_equal(locutor_speak(v, s, add_samples, NULL, &spanish), LOCUTOR_OK);
    assert_int_equal(locutor_speak_as_written(v, "The <quick> brown fox & the dog.", "en", 0,
                                              add_samples, NULL, &english),
                     LOCUTOR_OK);
    assert_true(english > 0);
    assert_int_equal(locutor_speak_as_written(v, "x", "xx-none", 0, add_samples, NULL, &none),
                     LOCUTOR_ERR_VOICE);
    assert_int_equal(locutor_speak(v, s, add_samples, NULL, &again), LOCUTOR_OK);
    assert_true(again > spanish * 95 / 100 && again < spanish * 105 / 100);
    locutor_voice_options quick = {.rate = 350, .pitch = -1};
    assert_int_equal(locutor_voice_set(v, &quick), LOCUTOR_OK);
    assert_int_equal(locutor_speak(v, s, add_samples, NULL, &fast), LOCUTOR_OK);
    assert_true(fast < spanish * 80 / 100);
    locutor_voice_options bad = {.rate = 10, .pitch = -1};
    assert_int_equal(locutor_voice_set(v, &bad), LOCUTOR_ERR_USAGE);
    locutor_voice_close(v);
    locutor_speech_free(s);
    locutor_lang_close(lang);
}

/* A mark named with XML's special characters comes back as it was given; a mark alone in an
 * empty message is still reported; a fragment has no heading and no pause at its end. */
static void test_mark_names_and_fragments(void **state)
{
    (void)state;
    locutor_lang *lang = open_lang(NULL);
    locutor_voice *v = NULL;
    char err[256] = "";
    assert_int_equal(locutor_voice_open(NULL, &v, err, sizeof err), LOCUTOR_OK);
    locutor_speech *s = normalize(lang, "Hola, mundo.", LOCUTOR_MARKS);
    assert_int_equal(locutor_speech_add_mark(s, 6, "a&b <\"c\">"), LOCUTOR_OK);
    marks_heard m = {0};
    assert_int_equal(locutor_speak(v, s, count_audio, on_mark, &m), LOCUTOR_OK);
    assert_int_equal(m.count, 1);
    assert_string_equal(m.names[0], "a&b <\"c\">");
    locutor_speech_free(s);
    s = normalize(lang, "", LOCUTOR_MARKS);
    assert_int_equal(locutor_speech_add_mark(s, 0, "__spd_0"), LOCUTOR_OK);
    marks_heard lone = {0};
    assert_int_equal(locutor_speak(v, s, count_audio, on_mark, &lone), LOCUTOR_OK);
    assert_int_equal(lone.count, 1);
    assert_string_equal(lone.names[0], "__spd_0");
    locutor_speech_free(s);
    locutor_speech *whole = NULL, *fragment = NULL;
    assert_int_equal(
        locutor_normalize(lang, "Archivo", 7, LOCUTOR_FORMAT_TEXT, 0, &whole, err, sizeof err),
        LOCUTOR_OK);
    assert_int_equal(locutor_normalize(lang, "Archivo", 7, LOCUTOR_FORMAT_TEXT, LOCUTOR_FRAGMENT,
                                       &fragment, err, sizeof err),
                     LOCUTOR_OK);
    char *a = locutor_speech_ssml(whole), *b = locutor_speech_ssml(fragment);
    assert_non_null(strstr(a, "<prosody")); /* an article's short line is a heading */
    assert_non_null(strstr(a, "<break"));
    assert_null(strstr(b, "<prosody"));
    assert_null(strstr(b, "<break"));
    free(a);
    free(b);
    size_t with_pause = 0, without = 0;
    assert_int_equal(locutor_speak(v, whole, add_samples, NULL, &with_pause), LOCUTOR_OK);
    assert_int_equal(locutor_speak(v, fragment, add_samples, NULL, &without), LOCUTOR_OK);
    assert_true(without + (size_t)locutor_voice_sample_rate(v) / 2 < with_pause);
    locutor_speech_free(whole);
    locutor_speech_free(fragment);
    locutor_voice_close(v);
    locutor_lang_close(lang);
}

static void test_version(void **state)
{
    (void)state;
    assert_string_equal(locutor_version(), LOCUTOR_VERSION_STRING);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_and_offsets),
        cmocka_unit_test(test_text_is_escaped),
        cmocka_unit_test(test_region),
        cmocka_unit_test(test_errors_named),
        cmocka_unit_test(test_speak_events),
        cmocka_unit_test(test_marks_survive),
        cmocka_unit_test(test_as_written_and_rate),
        cmocka_unit_test(test_mark_names_and_fragments),
        cmocka_unit_test(test_version),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
