/* es_say.h - internal to the verbalizer: one function per semiotic class (es_say_*.c). */
#ifndef LOC_ES_SAY_H
#define LOC_ES_SAY_H

#include "es_lang.h"
#include "semiotic.h"
#include "strbuf.h"

typedef bool (*verbalizer)(const es_lang *lang, const sem_token *t, strbuf *out);

/* A canonical number "-12.05" in words: menos doce coma cero cinco. The integer part
 * agrees in gender; apocope applies to the last word said (un, veintiún). */
bool es_say_number(const es_lang *lang, strbuf *out, const char *canon, es_gender g, bool apocope);
/* A count of millions past a million, its "millones" left to the caller (said only when
 * *rest): 2456300 -> dos billones cuatrocientos cincuenta y seis mil trescientos. */
bool es_say_millions_count(const es_lang *lang, strbuf *out, unsigned long long millions,
                           bool *rest);
/* The same with the decimal mark's word: "coma", or "punto" where it was written 8.9. */
bool es_say_number_mark(const es_lang *lang, strbuf *out, const char *canon, es_gender g,
                        bool apocope, const char *mark);
/* As es_say_number_mark, but four or more decimals one by one (a money amount: C$36,6243
 * treinta y seis coma seis dos cuatro tres). */
bool es_say_rate_mark(const es_lang *lang, strbuf *out, const char *canon, es_gender g,
                      bool apocope, const char *mark);
/* The word for t's decimal mark. */
#define ES_MARK(t) (((t)->flags & SEM_POINT) ? "punto" : "coma")
/* Whether t's letters are named as in the Americas. */
#define ES_AMERICAN(t) (((t)->flags & SEM_AMERICAN) != 0)
/* How t's letters are named: es_names bits from SEM_AMERICAN and SEM_DOUBLE_U. */
#define ES_NAMES(t)                                                                                \
    ((((t)->flags & SEM_AMERICAN) ? ES_NAMES_AMERICA : 0u) |                                       \
     (((t)->flags & SEM_DOUBLE_U) ? ES_NAMES_DOUBLE_U : 0u) |                                      \
     (((t)->flags & SEM_DIAGONAL) ? ES_NAMES_DIAGONAL : 0u))
/* Letters one by one with their Spanish names: "KCNA" -> ka ce ene a; names: as named in the
 * Americas (letters.tsv america=: "BCV" -> be ce ve; america-u=: W doble u in Mexico). */
bool es_say_letters(const es_lang *lang, strbuf *out, const char *s, size_t n, es_names names);
/* The letters of an address or a time zone as the voice spells them, its own letter names where
 * they are the Spanish ones (letters.tsv "bare"): "est" -> e s t, "gmail.abc" -> ... a b c. */
bool es_say_code_letters(const es_lang *lang, strbuf *out, const char *s, size_t n, es_names names);
/* A word through the pronunciation lexicon: Pyongyang -> Pionyang; american: its america=
 * reading where it has one (es_lexicon_spoken). */
bool es_say_word(const es_lang *lang, strbuf *out, const char *w, bool american);
/* "sing|plural" of a vocabulary entry: picks one into out (a word). */
bool es_say_form(strbuf *out, const char *forms, bool plural);

/* One verbalizer per reading of SEM_CLASS_LIST (semiotic.h): es_say_cardinal, es_say_spelled...
 * They live in es_say_number.c, es_say_date.c, es_say_unit.c, es_say_text.c and es_verbalize.c
 * (the reading of words, letters, marks and quotes). */
#define ES_SAY_DECLARE(name, reading)                                                              \
    bool es_say_##reading(const es_lang *lang, const sem_token *t, strbuf *out);
SEM_CLASS_LIST(ES_SAY_DECLARE)
#undef ES_SAY_DECLARE

/* The verbalizer of class cls (NULL only for a value outside sem_class). */
verbalizer es_verbalizer(sem_class cls);

/* es_say_number.c: a fraction "[-][W ]N/D" as words; unit_forms ("metro|metros", g) makes it a
 * measure. */
bool es_say_fraction_of(const es_lang *lang, strbuf *out, const char *canon, es_gender g,
                        const char *unit_forms);

#endif
