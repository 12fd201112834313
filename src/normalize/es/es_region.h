/* es_region.h - the conventions of one Spanish-speaking region (voices/es/regions.tsv):
 * which mark is decimal, what "$" stands for, how the first day of a month is read. */
#ifndef LOC_ES_REGION_H
#define LOC_ES_REGION_H

#include <stdbool.h>
#include <stddef.h>

/* Which mark an ambiguous number (1.500, 1,500) has as its decimal mark. */
typedef enum {
    ES_STYLE_NEUTRAL, /* no evidence: both read as thousands (1.500 and 1,500 are mil quinientos) */
    ES_STYLE_COMMA,   /* 3,5 and 1.500 (Spain, Argentina, Colombia, Chile...) */
    ES_STYLE_POINT,   /* 3.5 and 1,500 (Mexico, Central America, the US...) */
    ES_STYLE_COUNT
} es_style;

typedef struct es_region {
    const char *code;   /* "es-MX"; owned by the language data */
    const char *name;   /* "México" */
    es_style style;     /* how its ambiguous numbers are read now (its own, or the evidence's) */
    es_style own;       /* its usual decimal mark (regions.tsv decimal=) */
    const char *dollar; /* the currency code "$" stands for: "PESO", "USD" */
    bool first;         /* day 1 of a month is read "primero" (Latin America) */
    bool dollarized;    /* the dollar is the home money (money=USD: Ecuador, Panama): 50 centavos */
    bool american;      /* letters named as in the Americas: V ve (letters.tsv america=) */
    bool double_u;      /* and W doble u, not doble ve (letters=america-u: Mexico) */
    bool diagonal;      /* an address's "/" is diagonal, not barra (slash=diagonal: Mexico) */
    bool phone_pairs;   /* telephone digits said in pairs: 55 5658 cincuenta y cinco, cincuenta y
                         * seis cincuenta y ocho (Mexico) */
    bool law_of;        /* a law's number and year joined by a hyphen are read "de": Ley 1-2025,
                         * uno de dos mil veinticinco (Puerto Rico) */
    bool setiembre;     /* September is said "setiembre" (Peru, Uruguay: september=setiembre) */
    bool clock_and; /* a clock's hours and minutes joined by "y": veintiuna y treinta (clock=and:
                     * Argentina, Uruguay) */
} es_region;

/* Most regions regions.tsv may list. */
enum { ES_REGIONS_MAX = 40 };

#endif
