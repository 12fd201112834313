/* es_classify.h - decides what each token of a Spanish block is (classes of semiotic.h). */
#ifndef LOC_ES_CLASSIFY_H
#define LOC_ES_CLASSIFY_H

#include "arena.h"
#include "es_lang.h"
#include "semiotic.h"
#include "token.h"

/* Classifies the tokens of text into semiotic tokens allocated in a, with the conventions
 * of region (NULL: es_region_default).
 * Returns LOC_OK or LOC_ERR_NOMEM. Never drops text: what no recognizer
 * takes becomes WORD, PUNCT or VERBATIM. */
loc_status es_classify(const es_lang *lang, const es_region *region, const char *text,
                       const token_list *tokens, arena *a, sem_list *out);

#endif
