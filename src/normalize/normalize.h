/* normalize.h - the Spanish normalizer's entry point: one block into speech chunks. */
#ifndef LOC_NORMALIZE_H
#define LOC_NORMALIZE_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "chunk.h"
#include "es_lang.h"
#include "reader.h"
#include "status.h"

/* Turns one block into chunks in a (tokenize, classify, chunk); its region is b->region, else
 * what the block shows itself. marks adds the sentence and word marks that timing outputs need;
 * verbose (or NULL) gets a line for each word read as written or digit by digit. */
loc_status normalize_block(const es_lang *lang, const block *b, bool marks, arena *a,
                           chunk_list *out, FILE *verbose);

#endif
