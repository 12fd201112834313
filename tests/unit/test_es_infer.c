/* test_es_infer.c - an article's region: number style, declared language, place and currency
 * words, and how an ambiguous number (1.500, 1,500) is then classified. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "es_classify.h"
#include "es_infer.h"
#include "es_say.h"

#include "lang_fixture.h"

/* The region decided from the given blocks (NULL-terminated); the first is the article's first. */
static const es_region *decide(const char *const *blocks, const char *declared, strbuf *why)
{
    es_evidence ev;
    es_evidence_init(&ev);
    if (declared) es_evidence_declared(&ev, &lang, declared);
    for (size_t k = 0; blocks[k]; k++) {
        token_list toks;
        arena_reset(&a);
        assert_int_equal(tokenize(blocks[k], strlen(blocks[k]), &a, &toks), 0);
        es_evidence_add(&ev, &lang, blocks[k], &toks, k == 0);
    }
    return es_evidence_decide(&ev, &lang, why);
}

static const es_region *decide1(const char *text)
{
    return decide((const char *const[]){text, NULL}, NULL, NULL);
}

/* The canonical payload of the first CARDINAL, DECIMAL or PERCENT of text read in region r. */
static const char *number_in(const es_region *r, const char *text)
{
    token_list toks;
    sem_list sems;
    arena_reset(&a);
    assert_int_equal(tokenize(text, strlen(text), &a, &toks), 0);
    assert_int_equal(es_classify(&lang, r, text, &toks, &a, &sems), LOC_OK);
    for (size_t i = 0; i < sems.count; i++)
        if (sems.items[i].cls == SEM_CARDINAL || sems.items[i].cls == SEM_DECIMAL ||
            sems.items[i].cls == SEM_PERCENT)
            return sems.items[i].payload;
    fail_msg("no number in \"%s\"", text);
    return "";
}

static void regions_load_with_spain_first(void **state)
{
    (void)state;
    assert_true(lang.nregions >= 9);
    assert_string_equal(lang.region_styles[0][0].code, "es-ES");
    const es_region *mx = es_region_find(&lang, "es-mx");
    assert_non_null(mx);
    assert_int_equal(mx->style, ES_STYLE_POINT);
    assert_string_equal(mx->dollar, "PESO");
    assert_true(mx->first);
    assert_false(es_region_find(&lang, "es")->first);
    assert_null(es_region_find(&lang, "xx-YY"));
}

static void unmistakable_numbers_decide_the_style(void **state)
{
    (void)state;
    assert_int_equal(decide1("La inflación fue de 8.9 % en octubre.")->style, ES_STYLE_POINT);
    assert_int_equal(decide1("Se vacunó a 2,400,000 personas.")->style, ES_STYLE_POINT);
    assert_int_equal(decide1("El paro bajó al 3,5 %.")->style, ES_STYLE_COMMA);
    assert_int_equal(decide1("Hay 1.500.000 afiliados.")->style, ES_STYLE_COMMA);
    /* what the evidence is for proves nothing; times and codes are not numbers */
    assert_int_equal(decide1("Llegaron 1.500 personas y 1,500 cajas.")->style, ES_STYLE_NEUTRAL);
    assert_int_equal(decide1("Abrió a las 9.45 y cerró a las 12,30 horas.")->style,
                     ES_STYLE_NEUTRAL);
    assert_int_equal(decide1("La variante BA.2.86 avanza.")->style, ES_STYLE_NEUTRAL);
    /* no evidence at all: Spain, ambiguous numbers as thousands */
    const es_region *none = decide1("El Gobierno aprobó el plan.");
    assert_string_equal(none->code, "es-ES");
    assert_int_equal(none->style, ES_STYLE_NEUTRAL);
}

static void places_datelines_and_declared_languages(void **state)
{
    (void)state;
    strbuf why = {0};
    const es_region *r =
        decide((const char *const[]){"BUENOS AIRES (EFE).- El Gobierno anunció medidas.", NULL},
               NULL, &why);
    assert_string_equal(r->code, "es-AR");
    assert_non_null(strstr(sb_str(&why), "buenos aires"));
    sb_free(&why);
    assert_string_equal(decide1("El Inegi informó que la economía creció.")->code, "es-MX");
    assert_string_equal(decide1("La Sunat cobrará S/ 25 por trámite.")->code, "es-PE");
    /* a web address's country domain */
    assert_string_equal(decide1("Más información en www.gob.mx/salud.")->code, "es-MX");
    assert_string_equal(decide1("Consulte www.registraduria.gov.co hoy.")->code, "es-CO");
    assert_string_equal(decide1("Consulte www.example.com hoy.")->code, "es-ES");
    /* a page's declared language; "es" alone says nothing */
    assert_string_equal(decide((const char *const[]){"Texto.", NULL}, "es_CO", NULL)->code,
                        "es-CO");
    assert_string_equal(decide((const char *const[]){"Texto.", NULL}, "es", NULL)->code, "es-ES");
    /* a point style with no place is Latin America in general; so is $ before amounts */
    assert_string_equal(decide1("Subió 8.9 % el año pasado.")->code, "es-419");
    assert_string_equal(decide1("El boleto cuesta $15 desde hoy.")->code, "es-419");
    /* the numbers win over the place's usual style */
    const es_region *co = decide1("En Bogotá el alza fue de 4.5 % anual.");
    assert_string_equal(co->code, "es-CO");
    assert_int_equal(co->style, ES_STYLE_POINT);
}

static void ambiguous_numbers_follow_the_region(void **state)
{
    (void)state;
    const es_region *es = es_region_find(&lang, "es-ES"), *mx = es_region_find(&lang, "es-MX");
    const es_region *neutral = es_region_default(&lang);
    assert_string_equal(number_in(neutral, "Cotiza a 17.235 por dólar."), "17235");
    assert_string_equal(number_in(mx, "Cotiza a 17.235 por dólar."), "17.235");
    assert_string_equal(number_in(es, "Cotiza a 17.235 por dólar."), "17235");
    assert_string_equal(number_in(es, "Cotiza a 1,085 por euro."), "1.085");
    assert_string_equal(number_in(mx, "Cotiza a 1,085 por euro."), "1085");
    /* a count stays a count, a percentage is a decimal, wherever it is written */
    assert_string_equal(number_in(mx, "Llegaron 1.500 personas."), "1500");
    assert_string_equal(number_in(neutral, "El euríbor está en el 2,411 %."), "2.411");
    /* euros are written with a decimal comma: 1,659 euros el litro; not where a point is */
    assert_string_equal(number_in(neutral, "El litro cuesta 1,659 euros."), "1.659");
    assert_string_equal(number_in(es, "El litro cuesta 1,659 euros."), "1.659");
    assert_string_equal(number_in(mx, "Cuesta 1,659 euros."), "1659");
    assert_string_equal(number_in(es, "Vendió 1,500 acciones."), "1500");
    /* marks that cannot be mistaken read the same everywhere */
    assert_string_equal(number_in(es, "Subió 8.9 puntos."), "8.9");
    assert_string_equal(number_in(mx, "Subió 3,5 puntos."), "3.5");
    assert_string_equal(number_in(neutral, "Son 2,400,000 hogares."), "2400000");
    assert_string_equal(number_in(neutral, "Costó 1'250.000 soles."), "1250000");
    assert_string_equal(number_in(neutral, "Creció 2'7 puntos."), "2.7");
    assert_string_equal(number_in(neutral, "Obtuvo 701 mil 45 votos."), "701045");
}

/* W by region: uve doble in Spain, doble ve in South America, doble u in Mexico. */
static void letters_named_by_region(void **state)
{
    (void)state;
    const es_names names[] = {0, ES_NAMES_AMERICA, ES_NAMES_AMERICA | ES_NAMES_DOUBLE_U};
    const char *want[] = {"be eme uve doble", "be eme doble ve", "be eme doble u"};
    for (size_t k = 0; k < 3; k++) {
        strbuf sb = {0};
        assert_true(es_say_letters(&lang, &sb, "BMW", 3, names[k]));
        assert_string_equal(sb_str(&sb), want[k]);
        sb_free(&sb);
    }
    assert_true(es_region_find(&lang, "es-MX")->double_u);
    assert_false(es_region_find(&lang, "es-AR")->double_u);
    assert_true(es_region_find(&lang, "es-AR")->american);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(regions_load_with_spain_first),
        cmocka_unit_test(unmistakable_numbers_decide_the_style),
        cmocka_unit_test(places_datelines_and_declared_languages),
        cmocka_unit_test(ambiguous_numbers_follow_the_region),
        cmocka_unit_test(letters_named_by_region),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
