/* es_number.h - Spanish number words: cardinals with gender and apocope, digits, ordinals,
 * partitives. */
#ifndef LOC_ES_NUMBER_H
#define LOC_ES_NUMBER_H

#include <stdbool.h>

#include "status.h"
#include "strbuf.h"
#include "table.h"

typedef enum { ES_MASC = 0, ES_FEM = 1 } es_gender;

/* The speller's words, from voices/es/numbers.tsv (its header says what each row is), indexed
 * by value. The strings are owned by the loaded table or by pool. */
typedef struct es_numbers {
    const char *card[30][3];      /* 0..29: [masculine, feminine, apocope] (uno, una, un) */
    const char *tens[10];         /* [3..9]: treinta..noventa */
    const char *hundreds[10][2];  /* [1..9][gender]: ciento, doscientos|doscientas */
    const char *hundred_alone;    /* a hundred with nothing after it: cien */
    const char *thousand;         /* mil */
    const char *scale[4][2];      /* [1..3] powers of a million: [one, several] */
    const char *and_word;         /* y (treinta y dos) */
    char and_glued;               /* its letter in one glued word: i (treintaiún) */
    const char *ord[13][2];       /* 1..12: [ordinal, apocope] (primero, primer) */
    const char *ord_tens[10][2];  /* [1..9]: [décimo, compound stem decimo] */
    const char *ord_hundreds[10]; /* [1..9]: centésimo.. */
    const char *ord_thousand;     /* milésimo */
    const char *ord_million;      /* millonésimo */
    const char *part[11][2];      /* 2..10: [partitive, feminine when irregular] */
    const char *part_ending;      /* avo (onceavo) */
    char pool[1024];              /* the feature values and split forms the rows name */
} es_numbers;

/* Fills num from numbers.tsv's table t (which must outlive num); on a missing or malformed row
 * writes "path: reason" into err and returns LOC_ERR_DATA. */
loc_status es_numbers_load(es_numbers *num, const table *t, const char *path, strbuf *err);

/* Largest value es_cardinal reads in words (below a thousand trillion). */
#define ES_CARDINAL_MAX 999999999999999ULL
/* Most significant digits es_cardinal_str reads (below a million trillones). */
#define ES_DIGITS_MAX 24

/* Appends the cardinal n in words. gender agrees with the counted noun;
 * apocope shortens a final "uno" before a noun ("veintiún años").
 * 21 ES_FEM -> veintiuna; 200 ES_FEM -> doscientas; 1000000 -> un millón;
 * 31000000 -> treinta y un millones; 600000 ES_FEM -> seiscientas mil. */
bool es_cardinal(const es_numbers *num, strbuf *out, unsigned long long n, es_gender gender,
                 bool apocope);
/* The same from a digit string (non-digits skipped) of up to ES_DIGITS_MAX digits:
 * "100000000000000000000002" -> cien mil trillones dos. */
bool es_cardinal_str(const es_numbers *num, strbuf *out, const char *digits, es_gender gender,
                     bool apocope);

/* Appends a string of ASCII digits one by one: "016" -> cero uno seis. */
bool es_digits(const es_numbers *num, strbuf *out, const char *digits, size_t n);

/* Parses up to 15 ASCII digits, skipping '.' and ' ' group separators; false if too long. */
bool es_parse_digits(const char *s, size_t n, unsigned long long *value);

/* Appends the ordinal of n (RAE forms), agreeing in gender; apocope gives primer/tercer
 * before a masculine noun. 1 -> primero, 3 apocope -> tercer, 21 f -> vigesimoprimera,
 * 134 -> centésimo trigésimo cuarto, 2000 -> dosmilésimo. */
bool es_ordinal(const es_numbers *num, strbuf *out, unsigned long long n, es_gender gender,
                bool apocope);
bool es_ordinal_str(const es_numbers *num, strbuf *out, const char *digits, es_gender gender,
                    bool apocope);

/* Appends the partitive for a denominator (masculine, plural adds -s): 3 -> tercio,
 * 12 -> doceavo, 31 -> treintaiunavo, 100 -> centésimo, 2000 -> dosmilésimo. Returns
 * false (appending nothing) when Spanish has no partitive for it (101: "sobre"). */
bool es_partitive(const es_numbers *num, strbuf *out, unsigned long long den, bool plural);
/* True when es_partitive has a word for den. */
bool es_has_partitive(unsigned long long den);
/* The partitive as an adjective before its noun: 4 f plural -> cuartas (tres cuartas partes),
 * 3 f -> tercera. */
bool es_partitive_g(const es_numbers *num, strbuf *out, unsigned long long den, es_gender gender,
                    bool plural);

#endif
