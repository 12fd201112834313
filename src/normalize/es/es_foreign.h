/* es_foreign.h - foreign names and loanwords said with Spanish sounds: Whitfield -> Uítfild. */
#ifndef LOC_ES_FOREIGN_H
#define LOC_ES_FOREIGN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "semiotic.h"
#include "status.h"
#include "strbuf.h"

struct es_lang;

/* Writes the phonemes (espeak-ng mnemonics, '|' between phonemes) another language's voice
 * gives word ("en", "Heathrow" -> "h|'i:|T|r|oU"); false when it cannot. */
typedef bool (*es_phonemes_fn)(void *user, const char *voice, const char *word, strbuf *out);

/* What one run knows about foreign words: the phonemizer and the words already approximated. */
typedef struct es_foreign es_foreign;

es_foreign *es_foreign_new(es_phonemes_fn phonemes, void *user);
void es_foreign_free(es_foreign *f);
/* Lists each word the first time it is approximated: "Whitfield (en w'Itfi:ld) -> Uítfild". */
void es_foreign_set_verbose(es_foreign *f, FILE *out);

/* The language a word seems to be in by its letters ("en", "fr", "de", "it", "pt", "pl",
 * "ru", "nl", "sv", "nb", "fi"), or NULL when it is Spanish (in spanish-words.tsv), looks Spanish,
 * Basque, Catalan, Galician or Amerindian, or shows no clear cue: "Whitfield" -> "en", "Etxeberria"
 * -> NULL. An English name with Spanish letters is English when english-words.tsv lists it:
 * "Hollis". */
const char *es_foreign_language(const struct es_lang *lang, const char *word, size_t n);

/* The Spanish approximation of a word from its phonemes in language code (a row set of
 * foreign-phonemes.tsv): ("en", "Heathrow", "h|'i:|T|r|oU") -> "Jízrou". False when a
 * phoneme has no mapping (out is then unchanged). */
bool es_foreign_respell(const struct es_lang *lang, const char *code, const char *word,
                        const char *phonemes, strbuf *out);

/* Writes a lower-case Spanish spelling with the stress the phonemes of its word show, accented
 * where Spanish rules would put it elsewhere: ("yacopo", "j|'a:|k|o|p|o") -> "yácopo";
 * ("matia", "m|a|t:|'i;|a") -> "matía"; ("fiorentso", ...'E...) -> "fiorentso". False when
 * the phonemes show no stress, or the spelling already has an accent (out is then unchanged). */
bool es_foreign_stress(const char *spelled, const char *phonemes, strbuf *out);

/* The Spanish approximation of a word by spelling rules (foreign-spelling.tsv), for languages
 * spelled close to how they sound: ("it", "Giorgetti") -> "Yorgueti". */
bool es_foreign_rewrite(const struct es_lang *lang, const char *code, const char *word,
                        strbuf *out);

/* The espeak-ng voice whose phonemes say a language's words ("en" -> "en-us"), or NULL for a
 * language read by spelling rules ("it"). */
const char *es_foreign_voice(const char *code);

/* Before a block is said: a capitalized word of a name that shows no language of its own and is
 * not Spanish takes the language its other words show (Dietmar Heinzelmann: German; Mette
 * Sørensen: Norwegian), so it is said that way too. */
void es_foreign_names(const struct es_lang *lang, const sem_list *sems);

/* Says word the Spanish way when it is foreign (appends to out and returns true), else false.
 * starts_sentence: its capital is the sentence's, not a name's (Networking, ...: no g after
 * its n, as in the word networking). Uses lang->foreign (NULL: never). */
bool es_foreign_say(const struct es_lang *lang, const char *word, size_t n, bool starts_sentence,
                    strbuf *out);

#endif
