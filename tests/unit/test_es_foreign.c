/* test_es_foreign.c - foreign words: which language a word's letters show, and the Spanish
 * respelling of given espeak-ng phonemes (no espeak-ng here: the phonemes are written out). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "es_foreign.h"
#include "es_lang.h"

#include "lang_fixture.h"

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
    assert_string_equal(language("Hollis"), "en");      /* english-words.tsv */
    assert_string_equal(language("Livingstone"), "en"); /* -stone */
    assert_string_equal(language("Bourg"), "fr");       /* -ourg */
    assert_string_equal(language("Kovács"), "hu");      /* -ács */
    assert_string_equal(language("Gyula"), "hu");       /* gy before a vowel */
    assert_string_equal(language("PureGym"), "en");     /* not the gy of gym */
    assert_string_equal(language("Ionuț"), "ro");       /* ț (session 36) */
    assert_string_equal(language("Tănăsescu"), "ro");   /* -escu */
    assert_string_equal(language("Öztürk"), "tr");      /* Öz-, not German ö ü */
}

/* Issue 13: more languages and the letters that show them. */
static void more_languages_from_letters(void **state)
{
    (void)state;
    assert_string_equal(language("Jönköping"), "sv");  /* köping */
    assert_string_equal(language("Lindqvist"), "sv");  /* -qvist */
    assert_string_equal(language("Sørensen"), "nb");   /* ø: Danish read through Norwegian */
    assert_string_equal(language("Heijmans"), "nl");   /* ij */
    assert_string_equal(language("Hoogeveen"), "nl");  /* -veen beats oo, ee */
    assert_string_equal(language("Heikkinen"), "fi");  /* -nen, kk */
    assert_string_equal(language("Amélie"), "fr");     /* an é Spanish would not write */
    assert_string_equal(language("Pontarlier"), "fr"); /* -ier */
    assert_string_equal(language("Aurillac"), "fr");   /* a name ending in c */
    assert_string_equal(language("Jürgen"), "de");     /* ü not after g */
    assert_string_equal(language("Pfeiffer"), "de");   /* pf- */
    assert_string_equal(language("Ottavio"), "it");    /* a doubled consonant, final o */
    assert_string_equal(language("Cicchetti"), "it");
    assert_string_equal(language("Matosinhos"), "pt"); /* the ? in nh[ao]s?$ was never read */
    assert_string_equal(language("streamers"), "en");  /* s + consonant, -ers */
    assert_string_equal(language("McAllister"), "en"); /* Mc opens the gate */
    assert_string_equal(language("Pike"), "en");       /* english-words.tsv, wamerican-huge */
    assert_string_equal(language("Clive"), "en");
}

/* Session 8: a name with Spanish letters only is judged by its letter trigrams
 * (foreign-trigrams.tsv), and a Spanish word they would misjudge is listed there. */
static void languages_from_trigrams(void **state)
{
    (void)state;
    assert_string_equal(language("Eisele"), "de");
    assert_string_equal(language("Rindlisbacher"), "de");
    assert_string_equal(language("Sieglinde"), "de");
    const char *kept[] = {"Serie", "Tiene",   "Internas", "Garmendia",    "Sitges",
                          "Julen", "Urkullu", "Aranburu", "Castelldefels"};
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
        if (strcmp(language(kept[i]), "-")) fail_msg("%s read as %s", kept[i], language(kept[i]));
}

/* Session 9: a given name or surname in one language's list (foreign-names.tsv) is that
 * language's, whatever its letters show; in several lists, the first unless its letters pick
 * another of them; a name Spanish writes the same, or with an accent, is not listed. */
static void languages_from_name_lists(void **state)
{
    (void)state;
    assert_string_equal(language("Jacopo"), "it");
    assert_string_equal(language("Detlef"), "de");
    assert_string_equal(language("Callum"), "en");
    assert_string_equal(language("Pieter"), "nl");
    assert_string_equal(language("Azevedo"), "pt");
    assert_string_equal(language("Matthias"), "de");            /* th and tt would say English */
    assert_string_equal(language("Anne"), "en");                /* en fr nb fi: the first */
    const char *kept[] = {"Martin", "Miles", "Dale", "Lisboa"}; /* Martín, miles, dale */
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
        if (strcmp(language(kept[i]), "-")) fail_msg("%s read as %s", kept[i], language(kept[i]));
}

static void spanish_is_left_alone(void **state)
{
    (void)state;
    const char *spanish[] = {
        "Jiménez",  "Xavier",     "Ximena",   "Joaquín",  "Sanxenxo", "Lleida",   "Xochimilco",
        "Oaxaca",   "Etxeberria", "kiosco",   "acciones", "marzo",    "reforzar", "hay",
        "ciudades", "Ñeembucú",   "Tlaxcala", "deshizo",  "anhelaba", "pymes",    "Gijón",
        "pingüino", "Beasain",    "Asier",    "Terrassa", "Eivissa",  "Itziar",   "Chiapas",
        "Javier",   "celac",      "aaa",      "Chetumal", "Martin",   "Ramon",    "Dale",
        "Leioa",    "Dane"};
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
    respell("en", "McDonald's", "m|@|k d|'0|n|@L|d|z",
            "Macdónals"); /* ls ends as a consonant: espeak-ng stresses an unmarked Macdonals on its
                             last syllable */
    respell("en", "Whitney", "w|'I|t|n|i", "Uítni");
    respell("en", "Thompson", "t|'0|m|p|s|@|n", "Tompson");
    respell("en", "brunch", "b|r|'V|n|tS", "branch");
    respell("en", "spoiler", "s|p|'OI|l|3", "espóiler");
    respell("en", "Stockport", "s|t|'0|k|p|o@|t", "Estócport"); /* a name too */
    respell("en", "Kennedy", "k|'E|n|@|d|i", "Quénedi");
    respell("en", "Judge", "dZ|'V|dZ", "Yach");
    respell("en", "Edwards", "'E|d|w|3|d|z", "Éduars");
    respell("en", "Gwen", "g|w|'E|n", "Güen");
    respell("fr", "Rousseau", "r|u|s|'o", "Rusó");
    respell("de", "Schmidt", "S|m|'I|t", "Shmit");
    /* a name keeps the g of its final ng; a word (marketing) does not */
    respell("en", "Kettering", "k|'E|t#|3|r-|I|N", "Quétering");
    respell("en", "networking", "n|'E|t|w|3:|k|I|N", "nétuorquin");
}

/* Phonemes with no Spanish letters give nothing, and no crash (it wrote into a string literal). */
static void phonemes_without_spanish_letters(void **state)
{
    (void)state;
    strbuf out = {0};
    assert_false(es_foreign_respell(&lang, "de", "ö", "_!|_:", &out));
    assert_int_equal(out.len, 0);
    sb_free(&out);
}

/* Session 36: a three-byte letter at the end of a word (fuzz_synthesis found nuclei stepping over
 * its NUL: Memphisỹ) is one letter, read in place, never past the word. */
static void stress_reads_whole_letters(void **state)
{
    (void)state;
    char *spelled = strdup("mẽ");
    strbuf out = {0};
    assert_false(es_foreign_stress(spelled, "m|'e", &out)); /* one nucleus: nothing to mark */
    free(spelled);
    spelled = strdup("memfisỹ");
    if (es_foreign_stress(spelled, "m|'E|m|f|i|s|i", &out))
        assert_non_null(strstr(sb_str(&out), "ỹ"));
    free(spelled);
    sb_free(&out);
}

/* Issue 13: nuclei aligned with the spelled vowels, capitals kept, spelled endings. */
static void respelling_follows_the_spelling(void **state)
{
    (void)state;
    respell("en", "Thornbury", "T|'O@|n|b|E|r|i", "Zórnberi"); /* r where spelled (en-us) */
    respell("en", "Gillian", "dZ|'I|l|i:|;|@|n", "Yilian");    /* one group, two nuclei */
    respell("en", "Alistair", "'a|l|I|s|t|,e@", "Álister");    /* the capital kept */
    respell("en", "Probert", "p|r|'oU|b|3:|t", "Próbert");     /* an o alone: o */
    respell("en", "Barlow", "b|'A@|l|oU", "Barlou");           /* ow: ou */
    respell("en", "Kirsty", "k|'3:|s|t|i", "Quersti");         /* ir said er */
    respell("de", "Hengstenberg", "h|'E|N|s|t|@|n|b|,E|r|k", "Jéngstenberg"); /* -berg */
    respell("nb", "Haugland", "h|'aU|g|l|A|n|n", "Jáugland");                 /* a final d said */
    respell("nl", "Heijmans", "h|'EI|j|m|A|n|s",
            "Jéimans"); /* a stressed falling diphthong keeps its accent */
    respell("sv", "Åkesson", "'o:|k|E-|s|,O|n", "Óqueson"); /* a Latin-1 capital kept */
    respell("fr", "Aurillac", "o|r|i|j|'a|k", "Oriyac");
    respell("en", "Brian", "b|r|'aI|@|n", "Bráian");   /* i says ai, a the schwa; accent kept */
    respell("en", "Ewan", "j|'u:|@|n", "Yúan");        /* a hiatus only the accent shows */
    respell("fr", "Gagnon", "g|a|n|j|'O~", "Gañón");   /* French gn written ñ, as in coñac */
    respell("fr", "Daniel", "d|a|n|j|'E|l", "Daniel"); /* n j not spelled gn stays */
    respell("fr", "Berthelot", "(en)|b|'3:|T|I2|l|,0|t|(fr)", "Bérzelot"); /* the voice switched */
    respell("en", "Theodore", "T|'i:|;|@|d|,o@", "Zíodor");   /* a silent final e takes no vowel */
    respell("en", "Woolworth", "w|'U|l|w|3:|T", "Úluorz");    /* a first w and its u: one u */
    respell("en", "Toowoomba", "t|u:|w|'u:|m|b|@", "Tuúmba"); /* two u's of two syllables */
    /* ø said o; the inner nd's d the voice drops said as spelled; no final d after r */
    respell("nb", "Søndergaard", "s|'W|n|n|a|R|g|,O|R", "Sóndergor");
    respell("nb", "Bjørndalen", "b|j|'W|r|n|n|A:|l|@|n", "Biórndalen");
    respell("nb", "Halvorsen", "h|'A|l|v|O|R|S|@|n", "Jálborsen"); /* rs is r s, not r sh */
    respell("sv", "Andersson", "'a|n|d|E-|s.|,O|n", "Ánderson");   /* the r the voice loses */
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
    sb_clear(&out);
    assert_true(es_foreign_rewrite(&lang, "it", "Civitavecchia", &out));
    assert_string_equal(sb_str(&out), "Chivitavequia");
    sb_clear(&out);
    assert_true(es_foreign_rewrite(&lang, "it", "Scaglione", &out));
    assert_string_equal(sb_str(&out), "Scalione"); /* gli: li, not a yeísta ll */
    sb_clear(&out);
    assert_true(es_foreign_rewrite(&lang, "it", "Fiorenzo", &out));
    assert_string_equal(sb_str(&out), "Fiorentso");
    sb_clear(&out);
    assert_true(es_foreign_rewrite(&lang, "pt", "Azevedo", &out));
    assert_string_equal(sb_str(&out), "Asevedo");
    sb_clear(&out);
    assert_true(es_foreign_rewrite(&lang, "ro", "Pitești", &out)); /* session 36: Romanian */
    assert_string_equal(sb_str(&out), "Piteshti");
    sb_clear(&out);
    assert_true(es_foreign_rewrite(&lang, "ro", "Gheorghița", &out));
    assert_string_equal(sb_str(&out), "Gueorguitsa");
    sb_free(&out);
}

static void stress(const char *spelled, const char *phonemes, const char *want)
{
    strbuf out = {0};
    assert_true(es_foreign_stress(spelled, phonemes, &out));
    if (strcmp(sb_str(&out), want) != 0)
        fail_msg("%s (%s) -> %s, want %s", spelled, phonemes, sb_str(&out), want);
    sb_free(&out);
}

/* Session 10: a word spelled by rules takes the stress its language's voice gives it (espeak-ng
 * -v it), accented only where Spanish rules would stress it elsewhere. */
static void stress_from_the_voice(void **state)
{
    (void)state;
    stress("yacopo", "j|'a:|k|o|p|o", "yácopo");             /* esdrújula */
    stress("matia", "m|a|t:|'i|;|a", "matía");               /* i a: a hiatus */
    stress("mateo", "m|a|t:|'E|o", "mateo");                 /* where Spanish puts it */
    stress("gabriele", "g|a|b|@-|*|i|;|'E|l|e", "gabriele"); /* @- is no vowel */
    stress("caliari", "k|'a:|l^|,a|R|I", "cáliari");         /* one nucleus fewer spelled */
    stress("bañoli", "b|a|n^|'O|l|I", "bañoli");             /* ñ is a consonant */
    stress("quiavari", "k|j|'a|v|a|R|I", "quiávari");        /* the glide j spelled i */
    stress("guilione", "g|i|l^|'o|n|e", "guilione");         /* i spelled, not said */
    stress("yoia", "dZ|'O|i|;|a", "yóia");                   /* o|ia, as Spanish splits it */
    stress("mijai", "m|i|h|'aI", "mijái");                   /* the voice's diphthong aI: its a */
    stress("gueorgue", "g|'eo|r|g|e", "gueorgue"); /* Romanian eo: the o, where Spanish puts it */
    stress("ionuts", "j|o|n|'u|ts", "ionuts");     /* a final ts: Spanish stresses the last */
    strbuf out = {0};
    assert_false(es_foreign_stress("nicolò", "n|i|k:|o|l|'O", &out)); /* accented already */
    assert_false(es_foreign_stress("mateo", "m|a|t|E|o", &out));      /* no stress shown */
    assert_int_equal(out.len, 0);
    sb_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(languages_from_letters),
        cmocka_unit_test(more_languages_from_letters),
        cmocka_unit_test(languages_from_trigrams),
        cmocka_unit_test(languages_from_name_lists),
        cmocka_unit_test(respelling_follows_the_spelling),
        cmocka_unit_test(spanish_is_left_alone),
        cmocka_unit_test(phonemes_to_spanish_letters),
        cmocka_unit_test(phonemes_without_spanish_letters),
        cmocka_unit_test(spelling_rules),
        cmocka_unit_test(stress_from_the_voice),
        cmocka_unit_test(stress_reads_whole_letters),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
