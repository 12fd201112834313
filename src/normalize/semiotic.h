/* semiotic.h - the typed tokens between classify and verbalize (declared once, X-macro). */
#ifndef LOC_SEMIOTIC_H
#define LOC_SEMIOTIC_H

#include <stddef.h>

#include "es_number.h"

/* Every semiotic class and how it is read: X(CLASS, reading). The enum, the names, the
 * verbalizer prototypes and the verbalizer table all come from here: a language's verbalizer for
 * a class is <lang>_say_<reading> (es_say_cardinal), so a class whose reading nobody wrote is an
 * undefined reference at link time, never a token silently read as written. Adding a class: an
 * X() line here, its recognizer (es/es_rec_order.h), its es_say_<reading> and
 * tests/golden/<class>.tsv (tests/unit/test_sem_classes.c checks the last two). */
#define SEM_CLASS_LIST(X)                                                                          \
    X(CARDINAL, cardinal)                                                                          \
    X(ORDINAL, ordinal)                                                                            \
    X(DECIMAL, decimal)                                                                            \
    X(FRACTION, fraction)                                                                          \
    X(PERCENT, percent)                                                                            \
    X(MONEY, money)                                                                                \
    X(MEASURE, measure)                                                                            \
    X(DATE, date)                                                                                  \
    X(TIME, time)                                                                                  \
    X(RANGE, range)                                                                                \
    X(SCORE, range)                                                                                \
    X(TELEPHONE, telephone)                                                                        \
    X(ELECTRONIC, electronic)                                                                      \
    X(LETTERS, spelled)                                                                            \
    X(CODE, code)                                                                                  \
    X(ABBREVIATION, payload)                                                                       \
    X(ROMAN, roman)                                                                                \
    X(WORD, looked_up)                                                                             \
    X(VERBATIM, verbatim)                                                                          \
    X(PUNCT, punct)                                                                                \
    X(QUOTE, silent)

typedef enum {
#define SEM_ENUM(name, reading) SEM_##name,
    SEM_CLASS_LIST(SEM_ENUM)
#undef SEM_ENUM
        SEM_CLASS_COUNT
} sem_class;

/* Feature flags a recognizer can set. */
enum {
    SEM_APOCOPE = 1u << 0,      /* a noun follows: un/veintiún */
    SEM_OPENS = 1u << 1,        /* QUOTE: opening mark */
    SEM_CLOSES = 1u << 2,       /* QUOTE: closing mark */
    SEM_SENTENCE_END = 1u << 3, /* PUNCT: ends a sentence */
    SEM_ATTACH_NEXT = 1u << 4,  /* PUNCT: written before the next word (¿ ¡) */
    SEM_YEAR = 1u << 5,         /* CARDINAL, RANGE: a year (never agrees) */
    SEM_DIGITS = 1u << 6,       /* CARDINAL, CODE: read digit by digit (016; el vuelo IB3456) */
    SEM_AS_ORDINAL = 1u << 7,   /* ROMAN: read as an ordinal (Felipe VI, la I Guerra); DATE: day 1
                                 * read "primero" (Latin America) */
    SEM_PLURAL = 1u << 8,       /* ABBREVIATION: the counted noun is plural; ORDINAL: 3ros */
    SEM_CAPITAL = 1u << 9,      /* starts a sentence with a capital or a digit: said capitalized */
    SEM_POINT = 1u << 10,    /* its decimal mark is a point (8.9): said "punto", not "coma"; TIME:
                                written with a point (12.15 a.m.) */
    SEM_BETWEEN = 1u << 11,  /* RANGE after "entre": entre diez y quince, not "a" */
    SEM_SAID = 1u << 12,     /* WORD: the payload is already what to say (a lexicon phrase) */
    SEM_AMERICAN = 1u << 13, /* any: its letters are named as in the Americas (BCV be ce ve) */
    SEM_PAIRS = 1u << 14,    /* TELEPHONE: its even groups said in pairs (55 cincuenta y cinco) */
    SEM_BARE = 1u << 15, /* ELECTRONIC: a hashtag a word before names (el lema #NiUnaMenos): said
                          * without "hashtag" */
    SEM_DOUBLE_U = 1u << 16,  /* any, with SEM_AMERICAN: W is "doble u" (Mexico, Central America) */
    SEM_DIAGONAL = 1u << 17,  /* ELECTRONIC: "/" is "diagonal" (Mexico) */
    SEM_FROM = 1u << 18,      /* RANGE after "del": del diez al quince, not "a" */
    SEM_BILLIONS = 1u << 19,  /* CARDINAL: a count of millions past a million, said with billones
                               * before its "millones" (2.456.300 millones) */
    SEM_AGE = 1u << 20,       /* CARDINAL: an age in parentheses after a name: Lucía Ferrer (24),
                               * said "de veinticuatro años" */
    SEM_RATE = 1u << 21,      /* MONEY: a currency's price (el euro se cotizó en Bs. 39,71): its
                               * cents said as decimals, treinta y nueve coma setenta y un;
                               * DECIMAL before a currency: four or more decimals one by one */
    SEM_SETIEMBRE = 1u << 22, /* DATE: September said "setiembre" (written so, or Peru's copy) */
    SEM_VERB_START = 1u << 23, /* WORD with SEM_CAPITAL: an article, que or the like follows
                                * (Cree que, Lee el informe): judged as its lower-case word */
    SEM_CLOCK_AND = 1u << 24,  /* TIME: a clock's hours and minutes joined by "y" (Argentina,
                                * Uruguay: a las 21:30, veintiuna y treinta) */
    SEM_ALONE = 1u << 25,      /* MEASURE: the whole text (a table cell's "2 kg"): its unit said
                                * by its full name (units.tsv full=), not the everyday kilos */
    SEM_OF_DOLLAR = 1u << 26,  /* MONEY: dollars where they are not the home money: cents alone are
                                * centavos de dólar (Venezuela's US$ 0,50) */
};

/* Canonical payloads, class by class (what the unit tests assert on):
 *   CARDINAL "-2", "2300", "016"(+SEM_DIGITS)   DECIMAL "11.2"     PERCENT "0.8"
 *   FRACTION "2/3", "3 2/100", "-1/3"           ORDINAL "25"       ROMAN "14"
 *   MONEY "EUR 12.50", "USD 3 millones"          MEASURE "120 km/h", "-2 °C", "1 1/2 m"
 *   DATE "2024-06-12", "--05-28" (no year)       TIME "10:30", "13:05:20", "1:00 pm"
 *   RANGE "2010-2015"    SCORE "4-2"    TELEPHONE "+34 900 123 456", "123.123.0.40"
 *   ELECTRONIC "www.boe.es"   LETTERS "KCNA"   CODE "G 20", "covid 19", "11 M"
 *   ABBREVIATION/WORD: the words to say. */
typedef struct {
    sem_class cls;
    size_t start, end;   /* byte range in the block's source text */
    const char *payload; /* canonical form, arena-owned: digits, letters, ISO date, the word */
    es_gender gender;    /* of the counted noun, for classes that agree */
    unsigned flags;      /* SEM_* */
} sem_token;

typedef struct {
    sem_token *items; /* arena-owned */
    size_t count, cap;
    size_t hint; /* expected count, for the first allocation */
} sem_list;

/* Name of a class, e.g. "CARDINAL". */
const char *sem_class_name(sem_class cls);

#endif
