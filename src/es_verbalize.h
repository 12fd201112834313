/* es_verbalize.h - says a semiotic token in Spanish words. */
#ifndef LOC_ES_VERBALIZE_H
#define LOC_ES_VERBALIZE_H

#include "es_lang.h"
#include "semiotic.h"
#include "strbuf.h"

/* Appends the spoken words for t to out (space-separated from what is there).
 * PUNCT appends its mark without a space. Returns LOC_OK or LOC_ERR_NOMEM. */
loc_status es_verbalize(const es_lang *lang, const sem_token *t, strbuf *out);

#endif
