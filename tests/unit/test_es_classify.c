/* test_es_classify.c - the classify stage: what each token is, its canonical payload and
 * features (gender, apocope, year, ordinal reading), before anything is said. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "es_classify.h"
#include "es_verbalize.h"
#include "utf8.h"

#include "lang_fixture.h"

/* The first token of class cls in text (fails the test when there is none). */
static sem_token first_of(const char *text, sem_class cls)
{
    token_list toks;
    sem_list sems;
    arena_reset(&a);
    assert_int_equal(tokenize(text, strlen(text), &a, &toks), 0);
    assert_int_equal(es_classify(&lang, NULL, text, &toks, &a, &sems), LOC_OK);
    for (size_t i = 0; i < sems.count; i++)
        if (sems.items[i].cls == cls) return sems.items[i];
    fail_msg("no %s in \"%s\"", sem_class_name(cls), text);
    return (sem_token){0};
}

static bool has_class(const char *text, sem_class cls)
{
    token_list toks;
    sem_list sems;
    arena_reset(&a);
    assert_int_equal(tokenize(text, strlen(text), &a, &toks), 0);
    assert_int_equal(es_classify(&lang, NULL, text, &toks, &a, &sems), LOC_OK);
    for (size_t i = 0; i < sems.count; i++)
        if (sems.items[i].cls == cls) return true;
    return false;
}

static void cardinals_carry_gender_apocope_and_year(void **state)
{
    (void)state;
    sem_token t = first_of("Fallecieron 21 personas.", SEM_CARDINAL);
    assert_string_equal(t.payload, "21");
    assert_int_equal(t.gender, ES_FEM);
    assert_true(t.flags & SEM_APOCOPE);
    t = first_of("Hace 21 días.", SEM_CARDINAL);
    assert_int_equal(t.gender, ES_MASC);
    assert_true(t.flags & SEM_APOCOPE);
    t = first_of("Llegaron 2.300 migrantes.", SEM_CARDINAL);
    assert_string_equal(t.payload, "2300");
    t = first_of("Supera los 8 000 000 de personas.", SEM_CARDINAL);
    assert_string_equal(t.payload, "8000000");
    t = first_of("Desde 1987 vive aquí.", SEM_CARDINAL);
    assert_true(t.flags & SEM_YEAR);
    t = first_of("La mínima fue de -2 grados.", SEM_CARDINAL);
    assert_string_equal(t.payload, "-2");
    t = first_of("El código postal es 0173.", SEM_CARDINAL);
    assert_string_equal(t.payload, "0173");
    assert_true(t.flags & SEM_DIGITS);
    /* millones is the counted noun: treinta y un millones */
    t = first_of("Votaron 31 millones de personas.", SEM_CARDINAL);
    assert_int_equal(t.gender, ES_MASC);
}

static void decimals_and_percents(void **state)
{
    (void)state;
    assert_string_equal(first_of("Creció un 0,8 %.", SEM_PERCENT).payload, "0.8");
    assert_string_equal(first_of("Subió un 7%.", SEM_PERCENT).payload, "7");
    assert_string_equal(first_of("Ganó 2,35 puntos.", SEM_DECIMAL).payload, "2.35");
    assert_string_equal(first_of("Son 5.002,132 votos.", SEM_DECIMAL).payload, "5002.132");
}

static void ordinals_in_every_rae_form(void **state)
{
    (void)state;
    sem_token t = first_of("Es la 1.ª edición.", SEM_ORDINAL);
    assert_string_equal(t.payload, "1");
    assert_int_equal(t.gender, ES_FEM);
    t = first_of("Es el 1.er intento.", SEM_ORDINAL);
    assert_true(t.flags & SEM_APOCOPE);
    t = first_of("Acabó en 4.º lugar.", SEM_ORDINAL);
    assert_string_equal(t.payload, "4");
    assert_int_equal(t.gender, ES_MASC);
    assert_string_equal(first_of("Subió al 2º puesto.", SEM_ORDINAL).payload, "2");
    assert_string_equal(first_of("El 1.000.º aniversario.", SEM_ORDINAL).payload, "1000");
    /* the degree sign alone is a temperature */
    assert_false(has_class("Hace 28°.", SEM_ORDINAL));
}

static void roman_numerals_by_context(void **state)
{
    (void)state;
    sem_token t = first_of("Felipe VI presidió el acto.", SEM_ROMAN);
    assert_string_equal(t.payload, "6");
    assert_true(t.flags & SEM_AS_ORDINAL);
    t = first_of("La reina Isabel II murió.", SEM_ROMAN);
    assert_int_equal(t.gender, ES_FEM);
    t = first_of("Luis XIV construyó Versalles.", SEM_ROMAN);
    assert_string_equal(t.payload, "14");
    assert_false(t.flags & SEM_AS_ORDINAL);
    t = first_of("En el siglo XXI todo cambió.", SEM_ROMAN);
    assert_string_equal(t.payload, "21");
    assert_false(t.flags & SEM_AS_ORDINAL);
    t = first_of("La I Guerra Mundial empezó.", SEM_ROMAN);
    assert_true(t.flags & SEM_AS_ORDINAL);
    assert_int_equal(t.gender, ES_FEM);
    assert_false(has_class("Xi Jinping habló.", SEM_ROMAN));
    assert_false(has_class("Li Qiang habló.", SEM_ROMAN));
    assert_false(has_class("I Will Survive sonó.", SEM_ROMAN));
    assert_false(has_class("lo vi ayer", SEM_ROMAN));
}

static void dates_are_iso(void **state)
{
    (void)state;
    assert_string_equal(first_of("Se firmó el 12/06/2024.", SEM_DATE).payload, "2024-06-12");
    assert_string_equal(first_of("Vence el 2025-03-31.", SEM_DATE).payload, "2025-03-31");
    assert_string_equal(first_of("Nació el 30-09-1987.", SEM_DATE).payload, "1987-09-30");
    assert_string_equal(first_of("Será el 28 de mayo.", SEM_DATE).payload, "--05-28");
    assert_string_equal(first_of("Desde el 15 de ago. no hay datos.", SEM_DATE).payload, "--08-15");
    assert_string_equal(first_of("El 7 de enero de 1952 nació.", SEM_DATE).payload, "1952-01-07");
}

static void times_keep_the_hour_word(void **state)
{
    (void)state;
    assert_string_equal(first_of("A las 10:30 h.", SEM_TIME).payload, "10:30 h");
    assert_string_equal(first_of("A las 7.15 horas.", SEM_TIME).payload,
                        "7:15 ho"); /* horas written out */
    assert_string_equal(first_of("Llegó a las 16:15.", SEM_TIME).payload,
                        "16:15 la"); /* after "las": a clock's time */
    assert_string_equal(first_of("A la 1.00 p.m.", SEM_TIME).payload, "1:00 pm");
    assert_false(has_class("Cuesta 2.50 euros.", SEM_TIME));
}

static void money_is_an_iso_code_and_an_amount(void **state)
{
    (void)state;
    assert_string_equal(first_of("Cuesta 15 €.", SEM_MONEY).payload, "EUR 15");
    assert_string_equal(first_of("Pagó 3,20 €.", SEM_MONEY).payload, "EUR 3.20");
    assert_string_equal(first_of("Ofrecen US$ 3 millones.", SEM_MONEY).payload, "USD 3 millones");
    assert_string_equal(first_of("Cuesta £15.", SEM_MONEY).payload, "GBP 15");
    assert_string_equal(first_of("Invirtieron 1.000 millones de €.", SEM_MONEY).payload,
                        "EUR 1000 millones");
}

static void measures_and_units(void **state)
{
    (void)state;
    assert_string_equal(first_of("Circulaba a 120 km/h.", SEM_MEASURE).payload, "120 km/h");
    assert_string_equal(first_of("Hubo -2 °C.", SEM_MEASURE).payload, "-2 °C");
    assert_string_equal(first_of("Cayeron 60 l/m².", SEM_MEASURE).payload, "60 l/m²");
    assert_string_equal(first_of("Mide 1 1/2 m.", SEM_MEASURE).payload, "1 1/2 m");
}

static void fractions_ranges_scores(void **state)
{
    (void)state;
    assert_string_equal(first_of("Solo 2/3 de los diputados.", SEM_FRACTION).payload, "2/3");
    assert_string_equal(first_of("Se reservó ½ del espacio.", SEM_FRACTION).payload, "1/2");
    sem_token t = first_of("En el periodo 2010-2015 hubo crisis.", SEM_RANGE);
    assert_string_equal(t.payload, "2010-2015");
    assert_true(t.flags & SEM_YEAR);
    assert_string_equal(first_of("El Madrid ganó 4-2.", SEM_SCORE).payload, "4-2");
    /* a law number is not a fraction */
    assert_string_equal(first_of("La Ley 7/2024 entró en vigor.", SEM_CODE).payload,
                        "7 barra 2024");
}

static void telephones_codes_and_addresses(void **state)
{
    (void)state;
    assert_string_equal(first_of("Llame al 900 123 456.", SEM_TELEPHONE).payload, "900 123 456");
    assert_string_equal(first_of("Desde fuera, +34 91 234 56 78.", SEM_TELEPHONE).payload,
                        "+34 91 234 56 78");
    assert_false(has_class("Hay 900 000 000 de euros.", SEM_TELEPHONE));
    assert_string_equal(first_of("El G20 se reúne.", SEM_CODE).payload, "G 20");
    assert_string_equal(first_of("La COVID-19 llegó.", SEM_CODE).payload, "covid 19");
    assert_string_equal(first_of("El 11-M cambió todo.", SEM_CODE).payload, "11 M");
    assert_string_equal(first_of("Más datos en www.boe.es.", SEM_ELECTRONIC).payload, "www.boe.es");
    assert_string_equal(first_of("Lo anunció en @mundo.", SEM_ELECTRONIC).payload, "@mundo");
}

static void abbreviations_and_acronyms(void **state)
{
    (void)state;
    sem_token t = first_of("El Sr. López no asistió.", SEM_ABBREVIATION);
    assert_string_equal(t.payload, "señor");
    assert_false(t.flags & SEM_SENTENCE_END);
    t = first_of("Compraron pan, leche, etc.", SEM_ABBREVIATION);
    assert_string_equal(t.payload, "etcétera");
    assert_true(t.flags & SEM_SENTENCE_END);
    assert_string_equal(first_of("EE. UU. y Rusia negocian.", SEM_ABBREVIATION).payload,
                        "Estados Unidos");
    assert_string_equal(first_of("La agencia KCNA informó.", SEM_LETTERS).payload, "KCNA");
    assert_string_equal(first_of("La OTAN se reunió.", SEM_WORD).payload, "La");
    assert_false(has_class("La OTAN se reunió.", SEM_LETTERS));
}

/* The sentence ends only where a sentence ends. */
static void abbreviation_points_do_not_end_sentences(void **state)
{
    (void)state;
    const char *text = "El Sr. López y la Dra. Ruiz viven en EE. UU. desde 2010.";
    token_list toks;
    sem_list sems;
    arena_reset(&a);
    assert_int_equal(tokenize(text, strlen(text), &a, &toks), 0);
    assert_int_equal(es_classify(&lang, NULL, text, &toks, &a, &sems), LOC_OK);
    int ends = 0;
    for (size_t i = 0; i < sems.count; i++)
        ends += (sems.items[i].flags & SEM_SENTENCE_END) != 0;
    assert_int_equal(ends, 1);
    assert_true(sems.items[sems.count - 1].flags & SEM_SENTENCE_END);
}

/* The noun a number counts: past invariable adjectives, never a verb, else elided. */
static void agreement_past_adjectives_and_elided_nouns(void **state)
{
    (void)state;
    sem_token t = first_of("Las 21 mejores películas.", SEM_CARDINAL);
    assert_int_equal(t.gender, ES_FEM);
    assert_true(t.flags & SEM_APOCOPE);
    t = first_of("Solo 1 sigue en prisión.", SEM_CARDINAL);
    assert_false(t.flags & SEM_APOCOPE);
    /* "21 resultaron heridas": the noun is the one counted before, personas */
    token_list toks;
    sem_list sems;
    const char *text = "Murieron 8 personas y 21 resultaron heridas.";
    arena_reset(&a);
    assert_int_equal(tokenize(text, strlen(text), &a, &toks), 0);
    assert_int_equal(es_classify(&lang, NULL, text, &toks, &a, &sems), LOC_OK);
    const sem_token *second = NULL;
    for (size_t i = 0; i < sems.count; i++)
        if (sems.items[i].cls == SEM_CARDINAL && !strcmp(sems.items[i].payload, "21"))
            second = &sems.items[i];
    assert_non_null(second);
    assert_int_equal(second->gender, ES_FEM);
    assert_false(second->flags & SEM_APOCOPE);
}

/* Seasons, ranges with a unit, products, sentence starts. */
static void seasons_unit_ranges_and_sentence_starts(void **state)
{
    (void)state;
    assert_string_equal(first_of("La Liga 2024/25 arranca.", SEM_CODE).payload, "2024 25");
    sem_token t = first_of("El periodo 2010-2015 acabó.", SEM_RANGE);
    assert_true(t.flags & SEM_YEAR);
    assert_string_equal(first_of("Rondarán los 30-35 °C.", SEM_MEASURE).payload, "30-35 °C");
    assert_string_equal(first_of("Bajó a -12 ºC.", SEM_MEASURE).payload, "-12 ºC");
    assert_string_equal(first_of("El relevo 4x100 ganó.", SEM_CODE).payload, "4 por 100");
    assert_true(first_of("21 personas murieron.", SEM_CARDINAL).flags & SEM_CAPITAL);
    assert_false(first_of("Murieron 21 personas.", SEM_CARDINAL).flags & SEM_CAPITAL);
    assert_string_equal(first_of("La vacuna en Fase II.", SEM_ROMAN).payload, "2");
    assert_false(first_of("La vacuna en Fase II.", SEM_ROMAN).flags & SEM_AS_ORDINAL);
    assert_string_equal(first_of("Los siglos XVI y XVII.", SEM_ROMAN).payload, "16");
    assert_false(has_class("ÚLTIMA HORA: dimite.", SEM_LETTERS));
    assert_false(has_class("TRUMP GANA EN OHIO", SEM_LETTERS));
    assert_true(has_class("El PP y el PSOE.", SEM_LETTERS));
    /* an apostrophe between letters stays inside the word */
    assert_string_equal(first_of("O'Donnell habló.", SEM_WORD).payload, "O'Donnell");
}

/* cc_word_is and es_cue skip words of another length before lower-casing them: that holds only
 * while lower-casing keeps every word's length in bytes, whatever its letters. */
static void lower_casing_keeps_the_length(void **state)
{
    (void)state;
    static const char *const words[] = {"MILLONES", "ÁLVARO", "ÑANDÚ",      "İSTANBUL", "STRAẞE",
                                        "ΩMEGA",    "ÉTÉ",    "a\377\376b", "Ⅻ",        "ǅemal"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        char low[64];
        size_t n = strlen(words[k]);
        assert_int_equal(utf8_lower(words[k], n, low, sizeof low), n);
        assert_int_equal(strlen(low), n);
    }
    char low[64];
    utf8_lower("ÁLVARO", strlen("ÁLVARO"), low, sizeof low);
    assert_string_equal(low, "álvaro");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cardinals_carry_gender_apocope_and_year),
        cmocka_unit_test(decimals_and_percents),
        cmocka_unit_test(ordinals_in_every_rae_form),
        cmocka_unit_test(roman_numerals_by_context),
        cmocka_unit_test(dates_are_iso),
        cmocka_unit_test(times_keep_the_hour_word),
        cmocka_unit_test(money_is_an_iso_code_and_an_amount),
        cmocka_unit_test(measures_and_units),
        cmocka_unit_test(fractions_ranges_scores),
        cmocka_unit_test(telephones_codes_and_addresses),
        cmocka_unit_test(abbreviations_and_acronyms),
        cmocka_unit_test(abbreviation_points_do_not_end_sentences),
        cmocka_unit_test(agreement_past_adjectives_and_elided_nouns),
        cmocka_unit_test(seasons_unit_ranges_and_sentence_starts),
        cmocka_unit_test(lower_casing_keeps_the_length),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
