/* test_es_number.c - Spanish number words: cardinals with gender and apocope, long numbers,
 * ordinals (RAE forms), partitives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "es_number.h"
#include "table.h"

static strbuf sb;
static table *numbers; /* voices/es/numbers.tsv */
static es_numbers num_words;
static const es_numbers *num = &num_words;

/* Loads voices/es/numbers.tsv into num. */
static int load_numbers(void **state)
{
    (void)state;
    strbuf err = {0};
    numbers = table_new();
    loc_status st = table_load(numbers, LOCUTOR_TEST_DATA_DIR "/es/numbers.tsv", &err);
    if (st == LOC_OK) st = es_numbers_load(&num_words, numbers, "numbers.tsv", &err);
    if (st != LOC_OK) fprintf(stderr, "%s\n", sb_str(&err));
    sb_free(&err);
    return st == LOC_OK ? 0 : -1;
}

static int free_numbers(void **state)
{
    (void)state;
    table_free(numbers);
    return 0;
}

#define CARD(n, g, ap, want)                                                                       \
    do {                                                                                           \
        sb_clear(&sb);                                                                             \
        assert_true(es_cardinal(num, &sb, n, g, ap));                                              \
        assert_string_equal(sb_str(&sb), want);                                                    \
    } while (0)
#define ORD(n, g, ap, want)                                                                        \
    do {                                                                                           \
        sb_clear(&sb);                                                                             \
        assert_true(es_ordinal(num, &sb, n, g, ap));                                               \
        assert_string_equal(sb_str(&sb), want);                                                    \
    } while (0)
#define PART(d, pl, want)                                                                          \
    do {                                                                                           \
        sb_clear(&sb);                                                                             \
        assert_true(es_partitive(num, &sb, d, pl));                                                \
        assert_string_equal(sb_str(&sb), want);                                                    \
    } while (0)

static void cardinals_agree(void **state)
{
    (void)state;
    CARD(21, ES_FEM, true, "veintiuna");
    CARD(21, ES_MASC, true, "veintiún");
    CARD(21, ES_MASC, false, "veintiuno");
    CARD(200, ES_FEM, true, "doscientas");
    CARD(101, ES_FEM, true, "ciento una");
    CARD(600000, ES_FEM, true, "seiscientas mil");
    CARD(31000000, ES_FEM, true, "treinta y un millones");
    CARD(1000000, ES_MASC, true, "un millón");
    CARD(1000000000, ES_MASC, false, "mil millones");
    CARD(3001000000ULL, ES_MASC, true, "tres mil un millones");
    CARD(200000001, ES_FEM, true, "doscientos millones una");
    CARD(100, ES_MASC, false, "cien");
    CARD(0, ES_MASC, false, "cero");
}

static void long_numbers_reach_trillones(void **state)
{
    (void)state;
    sb_clear(&sb);
    assert_true(es_cardinal_str(num, &sb, "100000000000000000000002", ES_MASC, false));
    assert_string_equal(sb_str(&sb), "cien mil trillones dos");
    sb_clear(&sb);
    assert_true(es_cardinal_str(num, &sb, "3000000000000", ES_MASC, false));
    assert_string_equal(sb_str(&sb), "tres billones");
    sb_clear(&sb);
    assert_false(es_cardinal_str(num, &sb, "1234567890123456789012345", ES_MASC, false));
}

static void ordinals_follow_the_rae(void **state)
{
    (void)state;
    ORD(1, ES_MASC, false, "primero");
    ORD(1, ES_MASC, true, "primer");
    ORD(3, ES_MASC, true, "tercer");
    ORD(1, ES_FEM, true, "primera");
    ORD(11, ES_MASC, false, "undécimo");
    ORD(11, ES_MASC, true, "decimoprimer");
    ORD(12, ES_FEM, false, "duodécima");
    ORD(13, ES_MASC, true, "decimotercer");
    ORD(18, ES_MASC, false, "decimoctavo");
    ORD(21, ES_FEM, false, "vigesimoprimera");
    ORD(28, ES_MASC, false, "vigesimoctavo");
    ORD(31, ES_FEM, false, "trigésima primera");
    ORD(134, ES_MASC, false, "centésimo trigésimo cuarto");
    ORD(1248, ES_FEM, false, "milésima ducentésima cuadragésima octava");
    ORD(2000, ES_MASC, false, "dosmilésimo");
    ORD(100000, ES_MASC, false, "cienmilésimo");
}

static void partitives(void **state)
{
    (void)state;
    PART(2, false, "medio");
    PART(3, true, "tercios");
    PART(11, false, "onceavo");
    PART(16, false, "dieciseisavo");
    PART(21, false, "veintiunavo");
    PART(22, false, "veintidosavo");
    PART(30, false, "treintavo");
    PART(31, false, "treintaiunavo");
    PART(100, false, "centésimo");
    PART(400, false, "cuadringentésimo");
    PART(2000, true, "dosmilésimos");
    PART(1200000000ULL, false, "mildoscientosmillonésimo");
    sb_clear(&sb);
    assert_false(es_partitive(num, &sb, 101, false));
    assert_false(es_has_partitive(1100));
    sb_clear(&sb);
    assert_true(es_partitive_g(num, &sb, 4, ES_FEM, true));
    assert_string_equal(sb_str(&sb), "cuartas");
    sb_clear(&sb);
    assert_true(es_partitive_g(num, &sb, 3, ES_FEM, true));
    assert_string_equal(sb_str(&sb), "terceras");
}

static void digits_one_by_one(void **state)
{
    (void)state;
    sb_clear(&sb);
    assert_true(es_digits(num, &sb, "016", 3));
    assert_string_equal(sb_str(&sb), "cero uno seis");
}

/* The words come from numbers.tsv: a changed row changes what is said (the speller has no
 * word of its own), and a missing row is an error naming it. */
static void words_are_data(void **state)
{
    (void)state;
    table *t = table_new();
    strbuf err = {0};
    assert_int_equal(table_load(t, LOCUTOR_TEST_DATA_DIR "/es/numbers.tsv", &err), LOC_OK);
    assert_int_equal(table_put(t, "cardinal:7", "sete", ""), LOC_OK);
    assert_int_equal(table_put(t, "ordinal:3", "terzo", "apocope=terz"), LOC_OK);
    es_numbers *mine = malloc(sizeof *mine);
    assert_non_null(mine);
    assert_int_equal(es_numbers_load(mine, t, "numbers.tsv", &err), LOC_OK);
    sb_clear(&sb);
    assert_true(es_cardinal(mine, &sb, 77, ES_MASC, false));
    assert_string_equal(sb_str(&sb), "setenta y sete");
    sb_clear(&sb);
    assert_true(es_ordinal(mine, &sb, 23, ES_MASC, true));
    assert_string_equal(sb_str(&sb), "vigesimoterz");
    table_free(t);

    t = table_new(); /* one row only */
    assert_int_equal(table_put(t, "cardinal:0", "cero", ""), LOC_OK);
    assert_int_equal(es_numbers_load(mine, t, "numbers.tsv", &err), LOC_ERR_DATA);
    assert_string_equal(sb_str(&err), "numbers.tsv: no cardinal:1 row (see the file's header)");
    table_free(t);

    t = table_new(); /* every row and one more */
    assert_int_equal(table_load(t, LOCUTOR_TEST_DATA_DIR "/es/numbers.tsv", &err), LOC_OK);
    assert_int_equal(table_put(t, "cardinal:31", "treinta y uno", ""), LOC_OK);
    sb_clear(&err);
    assert_int_equal(es_numbers_load(mine, t, "numbers.tsv", &err), LOC_ERR_DATA);
    assert_string_equal(sb_str(&err),
                        "numbers.tsv: 1 row(s) the speller does not read (see the file's header)");
    table_free(t);
    free(mine);
    sb_free(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cardinals_agree),         cmocka_unit_test(long_numbers_reach_trillones),
        cmocka_unit_test(ordinals_follow_the_rae), cmocka_unit_test(partitives),
        cmocka_unit_test(digits_one_by_one),       cmocka_unit_test(words_are_data),
    };
    int r = cmocka_run_group_tests(tests, load_numbers, free_numbers);
    sb_free(&sb);
    return r;
}
