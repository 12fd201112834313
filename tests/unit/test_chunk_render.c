/* test_chunk_render.c - chunks nest, block pauses are there, SSML escapes every piece of text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "normalize.h"
#include "render.h"

static es_lang lang;
static arena a;

static int setup(void **state)
{
    (void)state;
    strbuf err = {0};
    return es_lang_load(&lang, LOCUTOR_TEST_DATA_DIR, &err) == LOC_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    es_lang_free(&lang);
    arena_free(&a);
    return 0;
}

static chunk_list chunks_of(const char *text)
{
    block b = {.kind = reader_kind_of(text, strlen(text)),
               .text = text,
               .len = strlen(text),
               .source_line = 1};
    chunk_list out;
    arena_reset(&a);
    assert_int_equal(normalize_block(&lang, &b, false, &a, &out, NULL), LOC_OK);
    return out;
}

static void prosody_never_spans_a_sentence(void **state)
{
    (void)state;
    chunk_list c = chunks_of("Dijo: «Vamos. Ahora mismo». Y se fue.");
    int depth = 0, sentences = 0;
    for (size_t i = 0; i < c.count; i++) {
        if (c.items[i].kind == CHUNK_PROSODY_PUSH) depth++;
        if (c.items[i].kind == CHUNK_PROSODY_POP) depth--;
        if (c.items[i].kind == CHUNK_SENTENCE_END) {
            assert_int_equal(depth, 0);
            sentences++;
        }
        assert_true(depth >= 0);
    }
    assert_int_equal(sentences, 3);
    strbuf s = {0};
    assert_true(render_ssml(&c, c.count, &s));
    assert_non_null(strstr(sb_str(&s), "<s><prosody pitch=\"+12%\">Ahora mismo</prosody>.</s>"));
    assert_null(strstr(sb_str(&s), "<s></s>"));
    sb_free(&s);
}

static void blocks_end_in_a_pause(void **state)
{
    (void)state;
    chunk_list p = chunks_of("Una frase.");
    assert_int_equal(p.items[p.count - 1].kind, CHUNK_BREAK);
    assert_int_equal(p.items[p.count - 1].ms, CHUNK_PAUSE_PARAGRAPH_MS);
    assert_true(CHUNK_PAUSE_PARAGRAPH_MS >= 500);
    chunk_list h = chunks_of("Un vínculo militar en ascenso");
    assert_int_equal(h.kind, BLOCK_HEADING);
    assert_int_equal(h.items[h.count - 1].ms, CHUNK_PAUSE_HEADING_MS);
    assert_true(CHUNK_PAUSE_HEADING_MS >= 700);
    assert_int_equal(chunk_trailing_breaks(&h), h.count - 1);
}

static void quotes_are_prosody_not_text(void **state)
{
    (void)state;
    chunk_list c = chunks_of("Calificó como «sagrada» la causa.");
    strbuf t = {0}, s = {0};
    assert_true(render_text(&c, &t));
    assert_string_equal(sb_str(&t), "Calificó como sagrada la causa.");
    assert_true(render_ssml(&c, c.count, &s));
    assert_non_null(
        strstr(sb_str(&s), "<break time=\"120ms\"/><prosody pitch=\"+12%\">sagrada</prosody>"));
    sb_free(&t);
    sb_free(&s);
}

static void ssml_escapes_markup(void **state)
{
    (void)state;
    strbuf s = {0};
    assert_true(render_escape(&s, "<audio src=\"x\"> & 'y'\x01"));
    assert_string_equal(sb_str(&s), "&lt;audio src=&quot;x&quot;&gt; &amp; &apos;y&apos;");
    sb_free(&s);
    chunk_list c = chunks_of("Texto <speak> y </s> final.");
    strbuf r = {0};
    assert_true(render_ssml(&c, c.count, &r));
    assert_null(strstr(sb_str(&r), "<speak>"));
    assert_null(strstr(sb_str(&r), "</s> final"));
    sb_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prosody_never_spans_a_sentence),
        cmocka_unit_test(blocks_end_in_a_pause),
        cmocka_unit_test(quotes_are_prosody_not_text),
        cmocka_unit_test(ssml_escapes_markup),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
