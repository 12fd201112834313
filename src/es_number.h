/* es_number.h - Spanish number words: cardinals with gender and apocope, digits, ordinals. */
#ifndef LOC_ES_NUMBER_H
#define LOC_ES_NUMBER_H

#include <stdbool.h>

#include "strbuf.h"

typedef enum { ES_MASC = 0, ES_FEM = 1 } es_gender;

/* Largest value es_cardinal reads in words (below a thousand trillion). */
#define ES_CARDINAL_MAX 999999999999999ULL

/* Appends the cardinal n in words. gender agrees with the counted noun;
 * apocope shortens a final "uno" before a noun ("veintiún años").
 * 21 ES_FEM -> veintiuna; 200 ES_FEM -> doscientas; 1000000 -> un millón;
 * 31000000 -> treinta y un millones; 600000 ES_FEM -> seiscientas mil. */
bool es_cardinal(strbuf *out, unsigned long long n, es_gender gender, bool apocope);

/* Appends a string of ASCII digits one by one: "016" -> cero uno seis. */
bool es_digits(strbuf *out, const char *digits, size_t n);

/* Parses up to 15 ASCII digits, skipping '.' and ' ' group separators; false if too long. */
bool es_parse_digits(const char *s, size_t n, unsigned long long *value);

#endif
