/* fuzz_normalizer.c - libFuzzer target: any line through tokenize, classify, verbalize, chunk, text
 * and SSML. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "render.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static es_lang lang;
static arena a;
static strbuf line, out;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    strbuf err = {0};
    if (es_lang_load(&lang, es_data_dir(), &err) != LOC_OK) {
        fprintf(stderr, "fuzz_normalizer: %s\n", sb_str(&err));
        abort();
    }
    sb_free(&err);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    bool legacy;
    if (size > READER_BLOCK_MAX) size = READER_BLOCK_MAX; /* what the readers hand over */
    if (!reader_clean_line((const char *)data, size, &line, &legacy) || line.len == 0) return 0;
    block b = {.kind = reader_kind_of(line.data, line.len),
               .text = line.data,
               .len = line.len,
               .source_line = 1};
    chunk_list chunks;
    arena_reset(&a);
    if (normalize_block(&lang, &b, size % 2, &a, &chunks, NULL) != LOC_OK)
        return 0; /* marks or not */
    sb_clear(&out);
    if (!render_text(&chunks, &out)) abort();
    for (size_t i = 0; i < chunks.count; i++) /* what the synthesizer gets: no overlong word */
        if (chunks.items[i].kind == CHUNK_TEXT) {
            size_t run = 0;
            for (const char *p = chunks.items[i].text; *p; p++) {
                run = *p == ' ' ? 0 : run + (((unsigned char)*p & 0xC0) != 0x80);
                if (run > CHUNK_WORD_MAX) abort();
            }
        }
    sb_clear(&out);
    if (!render_ssml(&chunks, chunks.count, &out)) abort();
    return 0;
}
