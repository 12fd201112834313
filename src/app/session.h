/* session.h - what the pipeline and the player share: the language as the options load it, the
 * inputs checked and read with the same read options. */
#ifndef LOC_SESSION_H
#define LOC_SESSION_H

#include "es_lang.h"
#include "options.h"
#include "reader.h"
#include "status.h"
#include "strbuf.h"
#include "table.h"

/* Loads the Spanish data with --lexicon, --region (into *forced, NULL to guess each article's)
 * and the foreign-word approximation. Free with session_free_language even on failure. */
loc_status session_load_language(const loc_options *o, es_lang *lang, const es_region **forced,
                                 strbuf *err);
void session_free_language(es_lang *lang);

/* Loads voices/es/interface.tsv, the words the player and the feed print or speak; every key
 * they use must be there (else LOC_ERR_DATA naming it). */
loc_status session_load_interface(table **out, strbuf *err);
/* The text of key in an interface table ("" when absent). */
const char *session_word(const table *words, const char *key);

/* The read options of a run: --format, --encoding, --max-items, --since; Ctrl-C stops a read. */
read_options session_read_options(const loc_options *o);

/* Fails early, before any output exists, when an input cannot be read. */
loc_status session_check_inputs(const loc_options *o, strbuf *err);

#endif
