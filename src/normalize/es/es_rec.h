/* es_rec.h - internal to the classifier: the token cursor shared by the es_rec_*.c recognizers. */
#ifndef LOC_ES_REC_H
#define LOC_ES_REC_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "es_lang.h"
#include "es_rec_order.h"
#include "semiotic.h"
#include "strbuf.h"
#include "token.h"

typedef struct {
    const es_lang *lang;
    const es_region *region; /* the article's conventions: decimal mark, "$", "primero" */
    const char *text;
    const token *toks;
    size_t n;
    arena *a;
    bool *nomem; /* set when an allocation failed (see cc_alloc); may be NULL */
} cctx;

/* A recognizer returns how many tokens it took at i (0: not its kind) and fills out. */
typedef size_t (*recognizer)(const cctx *c, size_t i, sem_token *out);

#define CC_NONE ((size_t)-1)

const char *cc_ptr(const cctx *c, size_t i);
size_t cc_len(const cctx *c, size_t i);
bool cc_is(const cctx *c, size_t i, token_kind kind);
/* Token i is exactly s (case-sensitive). */
bool cc_eq(const cctx *c, size_t i, const char *s);
/* Token i, lower-cased, is word (one word; lists of words are roles of cues.tsv). */
bool cc_word_is(const cctx *c, size_t i, const char *word);
/* Token i is a word that has role in cues.tsv (any case): cc_cue(c, i, ES_CUE_YEAR). */
bool cc_cue(const cctx *c, size_t i, es_cue_role role);
/* A word with role among the n tokens before i, within the sentence (a sentence's closing point
 * stops the search): cc_cue_before(c, i, 8, ES_CUE_HEAT). */
bool cc_cue_before(const cctx *c, size_t i, int n, es_cue_role role);
/* Tokens i and i+1 touch (no space between them). */
/* True when a NUMBER token comes within span tokens after i (cheap pre-check for recognizers). */
bool cc_number_near(const cctx *c, size_t i, size_t span);
bool cc_touch(const cctx *c, size_t i);
/* Next / previous non-space token, or c->n / CC_NONE. */
size_t cc_next(const cctx *c, size_t i);
size_t cc_prev(const cctx *c, size_t i);
/* Tokens i..last are the whole text but for a closing mark (a table cell's "2 kg", "1234-5678"). */
bool cc_alone(const cctx *c, size_t i, size_t last);
/* Token i is a word starting with a capital letter. */
bool cc_capitalized(const cctx *c, size_t i);
/* Token i is a word of Roman numeral capitals (XV). */
bool cc_roman(const cctx *c, size_t i);
/* Token p is a one-letter capital with its point at p + 1: the J. of "J. K. Rowling". */
bool cc_initial(const cctx *c, size_t p);
/* Token i is a NUMBER with 1..max digits and a value in [lo, hi]; stores it in *v. */
bool cc_small(const cctx *c, size_t i, unsigned max_digits, unsigned lo, unsigned hi, unsigned *v);
/* Out of memory in a recognizer, the one convention: recognizers allocate only through
 * cc_alloc, cc_strndup, cc_strdup and cc_take (and the cc_ helpers built on them), which set
 * *c->nomem when memory runs out; the classifier then fails with LOC_ERR_NOMEM whatever the
 * recognizer returned, so a failure is never "not mine" nor a truncated payload. */
void *cc_alloc(const cctx *c, size_t size);
char *cc_strndup(const cctx *c, const char *s, size_t n);
char *cc_strdup(const cctx *c, const char *s);
/* b's text copied into the arena when ok (every append to b succeeded), else NULL with
 * *c->nomem set; b is freed either way. */
char *cc_take(const cctx *c, strbuf *b, bool ok);
/* Notes that memory ran out elsewhere (a strbuf, utf8proc); returns false. */
bool cc_nomem(const cctx *c);
sem_token cc_make(const cctx *c, sem_class cls, size_t first, size_t last, const char *payload);
/* Source text of tokens first..last, copied into the arena. */
char *cc_text(const cctx *c, size_t first, size_t last);

/* A number as written: [-]1.234.567[,89] or 8 000 000. */
typedef struct {
    size_t last;   /* index of its last token */
    char *canon;   /* "-1234567.89", arena-owned */
    bool negative; /* written with a minus sign */
    bool grouped;  /* thousands separated by a point or a space */
    bool decimal;  /* has a decimal part */
    bool point;    /* its decimal mark is a point (8.9): said "punto" */
    size_t int_digits;
} cc_number;

/* Reads a number at i: a sign, thousands grouped by a point, comma, space or apostrophe, a
 * decimal comma, point or apostrophe (1.500.000, 2,400,000, 1'250.000, 8.9, 3,5, 2'7). A single
 * group of three after one mark (1.500, 1,500) is read by the region's style. False when none. */
bool cc_read_number(const cctx *c, size_t i, cc_number *num);
/* Reads [-][whole ]num/den or a vulgar fraction (½) at i into canon "-3 2/5". */
bool cc_read_fraction(const cctx *c, size_t i, char **canon, size_t *last);
/* A scale word (mil, millón, millones, billón, billones) follows token last. */
bool cc_scale_follows(const cctx *c, size_t last);
/* Gender and apocope from the noun after token i (skipping "mil", "millones de"):
 * sets out->gender and SEM_APOCOPE when a counted noun follows. */
void cc_agree(const cctx *c, size_t i, sem_token *out);
/* How an acronym is read, into the arena: lower case = said as a word ("otan"), upper case =
 * spelled ("KCNA"), else the table's spoken form ("Estados Unidos"). NULL if w is not all
 * capitals. *spelled tells which. */
const char *cc_acronym(const cctx *c, const char *w, size_t n, sem_class *cls);

/* The abbreviations.tsv era (use=era) word i is when written without points after a number or
 * a century's Roman numeral: siglo X ec, 300 aec (looked up as "e. c."); else NULL.
 * es_rec_text.c */
const table_entry *es_era_without_points(const cctx *c, size_t i);

/* The recognizers, declared from their order (es_rec_order.h): es_rec_quote, es_rec_date...
 * They live in es_classify.c (quote, lexicon_phrase, word, punct, verbatim) and es_rec_*.c. */
#define ES_REC_DECLARE(name, starts) size_t es_rec_##name(const cctx *c, size_t i, sem_token *out);
ES_REC_ORDER(ES_REC_DECLARE)
#undef ES_REC_DECLARE

/* The units.tsv entry of w when it is a symbol said as other words (km, kcal, min: kilómetro...),
 * NULL for none or a unit written as a word already (mes, barril). es_rec_unit.c */
const table_entry *es_unit_symbol(const es_lang *lang, const char *w, size_t n);
/* Does word i follow a count of millions or thousands and "de" (17,3 millones de ha, miles de km)?
 * Then a unit symbol there is its plural: hectáreas, kilómetros. */
bool es_after_scale_de(const cctx *c, size_t i);
/* Is token i a year's half before the year, I or II joined by a hyphen (el ciclo I-2026)?
 * es_rec_date.c */
bool es_half_before_year(const cctx *c, size_t i);
/* A number's "mil" just before i (22 mil ha, 4 mil km): a unit symbol there is one. */
bool es_after_number_mil(const cctx *c, size_t i);
/* Is token i an opening bracket or quotation mark: ( [ « “ ‘ ‹ „ or a straight "? es_classify.c */
bool es_opening_mark(const cctx *c, size_t i);
/* True for a word only es_rec_word can take (most words): the classifier skips the others. */
bool es_plain_word(const cctx *c, size_t i);

#endif
