/* es_guarani.h - Guaraní and old Spanish spellings the Spanish voice misreads (Pytyvõ, Yrigoyen).
 */
#ifndef ES_GUARANI_H
#define ES_GUARANI_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* Is w spelled the Guaraní way (a final ã or õ beside a Guaraní letter: Pytyvõ, Tekoporã) or
 * with an initial Y before a consonant (Yguazú, Yrigoyen, Ybycuí; not Yves)? Such words are
 * Spanish-read, never approximated as foreign. */
bool es_guarani_shape(const char *w, size_t n);

/* Writes w as the Spanish voice should read it: y before a consonant or at the end as i, a final
 * ã or õ as the stressed á or ó (Pytyvõ -> Pitivó, Yguazú -> Iguazú, Tekoporã -> Tekoporá).
 * False (nothing written) when w has no such letter. */
bool es_guarani_respell(const char *w, size_t n, strbuf *out);

#endif
