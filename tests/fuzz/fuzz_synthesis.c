/* fuzz_synthesis.c - libFuzzer target: any line through the normalizer (foreign words looked up in
 * espeak-ng's other voices) into SSML, then spoken by the real espeak-ng into PCM that is thrown
 * away; and the raw bytes as a word looked up in an English, French, German or Polish voice. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "es_foreign.h"
#include "normalize.h"
#include "render.h"
#include "speakable.h"
#include "synth.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static es_lang lang;
static arena a;
static strbuf line, ssml, filtered, phonemes;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    strbuf err = {0};
    synth_options voice = {"es", 175, 50, 100, 0};
    if (es_lang_load(&lang, es_data_dir(), &err) != LOC_OK || synth_open(&voice) != LOC_OK) {
        fprintf(stderr, "fuzz_synthesis: %s\n", err.len ? sb_str(&err) : "espeak-ng");
        abort();
    }
    sb_free(&err);
    lang.foreign = es_foreign_new(synth_phonemes, NULL);
    if (!lang.foreign) abort();
    return 0;
}

/* Discards the audio. */
static loc_status ignore_audio(void *user, const short *samples, size_t count)
{
    (void)user, (void)samples, (void)count;
    return LOC_OK;
}

static loc_status ignore_mark(void *user, const char *name, size_t sample)
{
    (void)user, (void)name, (void)sample;
    return LOC_OK;
}

/* What reaches espeak-ng: outside its tags, only characters its Spanish voice can say. */
static void check_speakable(const char *s)
{
    while (*s) {
        if (*s == '<') {
            const char *gt = strchr(s, '>');
            if (!gt) abort();
            s = gt + 1;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &cp);
        if (k <= 0 || !speakable_char(cp)) abort();
        s += k;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const voices[] = {"en", "fr", "de", "pl"};
    if (size > 1) { /* a word as the foreign-word look-up hands it over (no NUL inside) */
        size_t n = strnlen((const char *)data + 1, size - 1 < 64 ? size - 1 : 64);
        sb_clear(&line);
        if (!sb_append(&line, (const char *)data + 1, n)) abort();
        synth_phonemes(NULL, voices[data[0] % 4], sb_str(&line), &phonemes);
    }
    bool legacy;
    if (size > READER_BLOCK_MAX) size = READER_BLOCK_MAX;
    if (!reader_clean_line((const char *)data, size, &line, &legacy) || line.len == 0) return 0;
    block b = {.kind = reader_kind_of(line.data, line.len),
               .text = line.data,
               .len = line.len,
               .source_line = 1};
    chunk_list chunks;
    arena_reset(&a);
    bool marks = size % 2;
    if (normalize_block(&lang, &b, marks, &a, &chunks, NULL) != LOC_OK) return 0;
    sb_clear(&ssml); /* as pipeline.c's speak_block */
    int pause_ms;
    if (!render_speech(&chunks, &ssml, &pause_ms)) abort();
    const char *text = speakable(sb_str(&ssml), true, &filtered);
    if (!text) abort();
    check_speakable(text);
    if (synth_speak_ssml(sb_str(&ssml), ignore_audio, marks ? ignore_mark : NULL, NULL) != LOC_OK)
        abort();
    return 0;
}
