/* sd_words.h - the module's Spanish words from voices/es: letter, punctuation and key names. */
#ifndef SD_WORDS_H
#define SD_WORDS_H

#include "sd_protocol.h"

#include <stddef.h>

typedef struct sd_words sd_words;

/* Loads letters.tsv, punctuation.tsv and keys.tsv of voices_dir/es; NULL (err says which file)
 * when one cannot be read. */
sd_words *sd_words_load(const char *voices_dir, char *err, size_t errsize);
void sd_words_free(sd_words *w);

/* The name of the letter of the n bytes at s (any case), or NULL. */
const char *sd_words_letter(const sd_words *w, const char *s, size_t n);
/* The name of the punctuation mark at s (n bytes) said at level (1 most, 2 all), or NULL. */
const char *sd_words_punct(const sd_words *w, const char *s, size_t n, int level);
/* The name of a key, or NULL. */
const char *sd_words_key(const sd_words *w, const char *key);

/* Bytes of the UTF-8 character at s (1 for a stray byte). */
size_t sd_utf8_len(const char *s, size_t left);
/* Appends the n bytes at s spelled: letters by name, other characters as they are, spaced. */
int sd_spell(const sd_words *w, const char *s, size_t n, sd_buf *out);

#endif
