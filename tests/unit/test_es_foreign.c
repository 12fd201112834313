/* test_es_foreign.c - foreign words: which language a word's letters show, and the Spanish
 * respelling of given espeak-ng phonemes (no espeak-ng here: the phonemes are written out). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "es_foreign.h"
#include "es_lang.h"

static es_lang lang;

static int setup(void **state)
{
    (void)state;
    strbuf err = {0};
    loc_status st = es_lang_load(&lang, LOCUTOR_TEST_DATA_DIR, &err);
    if (st != LOC_OK) fprintf(stderr, "%s\n", sb_str(&err));
    sb_free(&err);
    return st == LOC_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    es_lang_free(&lang);
    return 0;
}

static const char *language(const char *w)
{
    const char *code = es_foreign_language(&lang, w, strlen(w));
    return code ? code : "-";
}

static void languages_from_letters(void **state)
{
    (void)state;
    assert_string_equal(language("Whitfield"), "en");
    assert_string_equal(language("Thompson"), "en");
    assert_string_equal(language("McCarthy"), "en");
    assert_string_equal(language("Rousseau"), "fr");
    assert_string_equal(language("Schmidt"), "de");
    assert_string_equal(language("Przybylski"), "pl");
    assert_string_equal(language("Bonucci"), "it");
    assert_string_equal(language("Magalhães"), "pt");
    assert_string_equal(language("Hollis"), "en"); /* english-words.tsv */
}

static void spanish_is_left_alone(void **state)
{
    (void)state;
    const char *spanish[] = {"Jiménez",  "Xavier",     "Ximena",   "Joaquín",    "Sanxenxo",
                             "Lleida",   "Xochimilco", "Oaxaca",   "Etxeberria", "kiosco",
                             "acciones", "marzo",      "reforzar", "hay",        "ciudades",
                             "Ñeembucú", "Tlaxcala",   "deshizo",  "anhelaba",   "pymes"};
    for (size_t i = 0; i < sizeof spanish / sizeof *spanish; i++)
        if (strcmp(language(spanish[i]), "-") != 0)
            fail_msg("%s taken for %s", spanish[i], language(spanish[i]));
}

static void respell(const char *code, const char *word, const char *phonemes, const char *want)
{
    strbuf out = {0};
    assert_true(es_foreign_respell(&lang, code, word, phonemes, &out));
    if (strcmp(sb_str(&out), want) != 0)
        fail_msg("%s (%s) -> %s, want %s", word, phonemes, sb_str(&out), want);
    sb_free(&out);
}

static void phonemes_to_spanish_letters(void **state)
{
    (void)state;
    respell("en", "Jack", "dZ|'a|k", "Yac");
    respell("en", "Heathrow", "h|'i:|T|r|oU", "Jizrou");
    respell("en", "Goldman", "g|'oU|l|d|m|@|n",
            "Goldman"); /* stressed where Spanish puts it: no accent */
    respell("en", "McDonald's", "m|@|k d|'0|n|@L|d|z", "Macdonals");
    respell("en", "Whitney", "w|'I|t|n|i", "Uítni");
    respell("en", "Thompson", "t|'0|m|p|s|@|n", "Tompson");
    respell("en", "brunch", "b|r|'V|n|tS", "branch");
    respell("en", "spoiler", "s|p|'OI|l|3", "espóiler");
    respell("en", "Kennedy", "k|'E|n|@|d|i", "Quénedi");
    respell("en", "Judge", "dZ|'V|dZ", "Yach");
    respell("en", "Edwards", "'E|d|w|3|d|z", "Eduars");
    respell("en", "Gwen", "g|w|'E|n", "Güen");
    respell("fr", "Rousseau", "r|u|s|'o", "Rusó");
    respell("de", "Schmidt", "S|m|'I|t", "Shmit");
}

/* Phonemes with no Spanish letters give nothing, and no crash (it wrote into a string literal). */
static void phonemes_without_spanish_letters(void **state)
{
    (void)state;
    strbuf out = {0};
    assert_false(es_foreign_respell(&lang, "de", "ö", "_!|'Y:", &out));
    assert_int_equal(out.len, 0);
    sb_free(&out);
}

static void spelling_rules(void **state)
{
    (void)state;
    strbuf out = {0};
    assert_true(es_foreign_rewrite(&lang, "it", "Giorgetti", &out));
    assert_string_equal(sb_str(&out), "Yoryeti");
    sb_clear(&out);
    assert_true(es_foreign_rewrite(&lang, "pt", "Magalhães", &out));
    assert_string_equal(sb_str(&out), "Magallaes");
    sb_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(languages_from_letters),
        cmocka_unit_test(spanish_is_left_alone),
        cmocka_unit_test(phonemes_to_spanish_letters),
        cmocka_unit_test(phonemes_without_spanish_letters),
        cmocka_unit_test(spelling_rules),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
