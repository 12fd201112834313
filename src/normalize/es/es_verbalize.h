/* es_verbalize.h - says a semiotic token in Spanish words. */
#ifndef LOC_ES_VERBALIZE_H
#define LOC_ES_VERBALIZE_H

#include "es_lang.h"
#include "semiotic.h"
#include "strbuf.h"

/* Between the groups of a telephone number: a short pause, not a word. The chunker makes it a
 * BREAK, so the text has no comma (which espeak-ng would read with a pause's allophones). */
#define ES_GROUP_PAUSE "\x1e"

/* Appends the spoken words for t to out (space-separated from what is there).
 * PUNCT appends its mark without a space. What its class cannot say is read digit by digit or
 * as written. Returns LOC_OK, or LOC_ERR_NOMEM only when memory runs out. */
loc_status es_verbalize(const es_lang *lang, const sem_token *t, strbuf *out);

/* True when t's class cannot say it (0.ª, a 30-digit amount) and es_verbalize falls back to
 * reading it digit by digit or as written (for --verbose). */
bool es_verbalize_falls_back(const es_lang *lang, const sem_token *t);

#endif
