/* es_say.h - internal to the verbalizer: one function per semiotic class (es_say_*.c). */
#ifndef LOC_ES_SAY_H
#define LOC_ES_SAY_H

#include "es_lang.h"
#include "semiotic.h"
#include "strbuf.h"

typedef bool (*verbalizer)(const es_lang *lang, const sem_token *t, strbuf *out);

/* A canonical number "-12.05" in words: menos doce coma cero cinco. The integer part
 * agrees in gender; apocope applies to the last word said (un, veintiún). */
bool es_say_number(strbuf *out, const char *canon, es_gender g, bool apocope);
/* The same with the decimal mark's word: "coma", or "punto" where it was written 8.9. */
bool es_say_number_mark(strbuf *out, const char *canon, es_gender g, bool apocope,
                        const char *mark);
/* The word for t's decimal mark. */
#define ES_MARK(t) (((t)->flags & SEM_POINT) ? "punto" : "coma")
/* Letters one by one with their Spanish names: "KCNA" -> ka ce ene a. */
bool es_say_letters(const es_lang *lang, strbuf *out, const char *s, size_t n);
/* A word through the pronunciation lexicon: Pyongyang -> Pionyang. */
bool es_say_word(const es_lang *lang, strbuf *out, const char *w);
/* "sing|plural" of a vocabulary entry: picks one into out (a word). */
bool es_say_form(strbuf *out, const char *forms, bool plural);

/* es_say_number.c */
bool es_say_cardinal(const es_lang *lang, const sem_token *t, strbuf *out);
bool es_say_decimal(const es_lang *lang, const sem_token *t, strbuf *out);
bool es_say_percent(const es_lang *lang, const sem_token *t, strbuf *out);
bool es_say_fraction(const es_lang *lang, const sem_token *t, strbuf *out);
bool es_say_ordinal(const es_lang *lang, const sem_token *t, strbuf *out);
bool es_say_roman(const es_lang *lang, const sem_token *t, strbuf *out);
bool es_say_range(const es_lang *lang, const sem_token *t, strbuf *out);
bool es_say_telephone(const es_lang *lang, const sem_token *t, strbuf *out);
/* A fraction "[-][W ]N/D" as words; unit_forms ("metro|metros", g) makes it a measure. */
bool es_say_fraction_of(strbuf *out, const char *canon, es_gender g, const char *unit_forms);
/* es_say_date.c */
bool es_say_date(const es_lang *lang, const sem_token *t, strbuf *out);
bool es_say_time(const es_lang *lang, const sem_token *t, strbuf *out);
/* es_say_unit.c */
bool es_say_money(const es_lang *lang, const sem_token *t, strbuf *out);
bool es_say_measure(const es_lang *lang, const sem_token *t, strbuf *out);
/* es_say_text.c */
bool es_say_electronic(const es_lang *lang, const sem_token *t, strbuf *out);
bool es_say_code(const es_lang *lang, const sem_token *t, strbuf *out);

#endif
