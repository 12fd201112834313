/* es_lang.h - the Spanish language data of the voices/es TSV files, loaded once per run. */
#ifndef LOC_ES_LANG_H
#define LOC_ES_LANG_H

#include <stdbool.h>

#include "es_number.h"
#include "es_region.h"
#include "status.h"
#include "strbuf.h"
#include "table.h"
#include "wordfile.h"

struct es_foreign;

/* The roles of cues.tsv's context words (role=heat): X(NAME, "role-name"), once; cues.tsv's header
 * says what each means. es_cue_role is ES_CUE_NAME; es_lang.c's role names come from here too. */
#define ES_CUE_LIST(X)                                                                             \
    X(HEAT, "heat")                                                                                \
    X(RANK, "rank")                                                                                \
    X(RANK_VERB, "rank-verb")                                                                      \
    X(SHOTS, "shots")                                                                              \
    X(CODE, "code")                                                                                \
    X(PARTICIPLE_AUX, "participle-aux")                                                            \
    X(PER, "per")                                                                                  \
    X(CURRENCY, "currency")                                                                        \
    X(GAP, "gap")                                                                                  \
    X(PHONE, "phone")                                                                              \
    X(PHONE_CONTEXT, "phone-context")                                                              \
    X(PHONE_AMOUNT, "phone-amount")                                                                \
    X(PHONE_EXT, "phone-ext")                                                                      \
    X(CODE_ABBR, "code-abbr")                                                                      \
    X(ORDINAL_MASC, "ordinal-masc")                                                                \
    X(ORDINAL_FEM, "ordinal-fem")                                                                  \
    X(ORDINAL_APOCOPE, "ordinal-apocope")                                                          \
    X(ORDINAL_MASC_SUFFIX, "ordinal-masc-suffix")                                                  \
    X(ORDINAL_FEM_SUFFIX, "ordinal-fem-suffix")                                                    \
    X(ORDINAL_PLURAL_SUFFIX, "ordinal-plural-suffix")                                              \
    X(LEGAL, "legal")                                                                              \
    X(SCORE, "score")                                                                              \
    X(YEAR, "year")                                                                                \
    X(SCALE, "scale")                                                                              \
    X(SCALE_NOUN, "scale-noun")                                                                    \
    X(AMOUNT_SCALE, "amount-scale")                                                                \
    X(NUMBER_JOIN, "number-join")                                                                  \
    X(PARTITIVE, "partitive")                                                                      \
    X(DATE_ARTICLE, "date-article")                                                                \
    X(LABEL, "label")                                                                              \
    X(PERSON, "person")                                                                            \
    X(PLATE, "plate")                                                                              \
    X(RATE_VERB, "rate-verb")                                                                      \
    X(LINE_LETTER, "line-letter")                                                                  \
    X(PLURAL_MASC, "plural-masc")                                                                  \
    X(PLURAL_FEM, "plural-fem")                                                                    \
    X(INNINGS, "innings")                                                                          \
    X(FIGHT_RECORD, "fight-record")                                                                \
    X(TEAM_RECORD, "team-record")                                                                  \
    X(DURATION, "duration")                                                                        \
    X(NOT_DATE_AFTER, "not-date-after")                                                            \
    X(HOUR_WORD, "hour-word")                                                                      \
    X(AM, "am")                                                                                    \
    X(MINUTE_MARK, "minute-mark")                                                                  \
    X(MINUTE_WORD, "minute-word")                                                                  \
    X(SCREEN, "screen")                                                                            \
    X(DAY_PART, "day-part")                                                                        \
    X(RACE_RECORD, "race-record")                                                                  \
    X(HOUR_ARTICLE, "hour-article")                                                                \
    X(RANGE_DE, "range-de")                                                                        \
    X(TIME_UNIT, "time-unit")                                                                      \
    X(TIME_AFTER, "time-after")                                                                    \
    X(CENTURY, "century")                                                                          \
    X(CENTURY_JOIN, "century-join")                                                                \
    X(DETERMINER, "determiner")                                                                    \
    X(ROMAN_ORDINAL_NOUN, "roman-ordinal-noun")                                                    \
    X(ROMAN_NUMBER_NOUN, "roman-number-noun")                                                      \
    X(ROMAN_LETTER_NAME, "roman-letter-name")                                                      \
    X(ROMAN_NUMBER_AFTER, "roman-number-after")                                                    \
    X(ROMAN_ORDINAL_BEFORE, "roman-ordinal-before")                                                \
    X(BATTING, "batting")                                                                          \
    X(EITHER_GENDER, "either-gender")                                                              \
    X(DOLLAR_RATE, "dollar-rate")                                                                  \
    X(UNIT_ARTICLE, "unit-article")                                                                \
    X(GAP_BEFORE, "gap-before")                                                                    \
    X(GAP_OF, "gap-of")                                                                            \
    X(GAP_VERB, "gap-verb")                                                                        \
    X(EXPIRY, "expiry")                                                                            \
    X(DECADE_BEFORE, "decade-before")                                                              \
    X(WEB_START, "web-start")                                                                      \
    X(TITLE_FEMININE, "title-feminine")                                                            \
    X(CURRENCY_ONE, "currency-one")                                                                \
    X(SEASON, "season")                                                                            \
    X(SETS, "sets")                                                                                \
    X(MOTTO, "motto")                                                                              \
    X(COMMA_DECIMAL, "comma-decimal")                                                              \
    X(PHONE_PREFIX, "phone-prefix")                                                                \
    X(YEAR_PART, "year-part")                                                                      \
    X(ORDINAL_AFTER, "ordinal-after")                                                              \
    X(FRENCH_LINK, "french-link")                                                                  \
    X(FRENCH_SAINT, "french-saint")                                                                \
    X(HABER, "haber")

#define ES_CUE_ENUM(name, role) ES_CUE_##name,
typedef enum { ES_CUE_LIST(ES_CUE_ENUM) ES_CUE_COUNT } es_cue_role;
#undef ES_CUE_ENUM

/* The roles of morphology.tsv's endings and letter pairs (role=verb): X(NAME, "role-name"), once;
 * morphology.tsv's header says what each means. */
#define ES_MORPH_LIST(X)                                                                           \
    X(NOUN_FEM, "noun-fem")                                                                        \
    X(NOUN_COMMON, "noun-common")                                                                  \
    X(NOUN_FEM_PLURAL, "noun-fem-plural")                                                          \
    X(VERB, "verb")                                                                                \
    X(PARTICIPLE, "participle")                                                                    \
    X(ONSET, "onset")                                                                              \
    X(PREFIX_O, "prefix-o")                                                                        \
    X(PREFIX, "prefix")                                                                            \
    X(PREFIXED_END, "prefixed-end")

#define ES_MORPH_ENUM(name, role) ES_MORPH_##name,
typedef enum { ES_MORPH_LIST(ES_MORPH_ENUM) ES_MORPH_COUNT } es_morph_role;
#undef ES_MORPH_ENUM

/* Most endings of one morphology.tsv role. */
#define ES_ENDINGS_MAX 32

/* The endings of one role, with their lengths in bytes (owned by the morphology table). */
typedef struct {
    const char *s[ES_ENDINGS_MAX];
    size_t len[ES_ENDINGS_MAX];
    size_t n;
} es_endings;

/* One table per file in voices/es/ (file name without .tsv). Add a table here
 * and in es_lang.c's list to load a new file. */
typedef struct es_lang {
    table *letters;        /* letters.tsv: K -> ka */
    table *acronyms;       /* acronyms.tsv: OTAN -> otan, EEUU -> Estados Unidos */
    table *lexicon;        /* lexicon.tsv: Pyongyang -> Pionyang (plus --lexicon files) */
    table *gender;         /* gender.tsv: mapa -> mapa g=m */
    table *function_words; /* function-words.tsv: words that are never counted nouns */
    table *adjectives;     /* adjectives.tsv: mejores, grandes (before the counted noun) */
    table *months;         /* months.tsv: junio -> junio n=6; ago -> agosto n=8 abbr=1 */
    table *weekdays;       /* weekdays.tsv: vier -> viernes (abbreviations before a date) */
    table *abbreviations; /* abbreviations.tsv: Sr. -> señor use=name; EE. UU. -> Estados Unidos */
    table *units;         /* units.tsv: km/h -> kilómetro por hora|kilómetros por hora g=m */
    table *currencies;    /* currencies.tsv: EUR -> euro|euros g=m cent=céntimo|céntimos */
    table *currency_signs; /* currency-signs.tsv: € -> EUR, US$ -> USD */
    table *names;          /* names.tsv: Isabel -> Isabel g=f (first names before a numeral) */
    table *given_names;    /* given-names.tsv: Facundo -> es, Luciano -> es it */
    table *web_words;      /* web-words.tsv: www -> uve doble uve doble uve doble; es -> es tld */
    table *symbols;        /* symbols.tsv: @ -> arroba, / -> barra (read inside addresses) */
    table *regions;        /* regions.tsv: es-MX -> México decimal=point dollar=PESO first=1 */
    table *region_cues;    /* region-cues.tsv: méxico -> es-MX w=3 (words that show a region) */
    table *cues;           /* cues.tsv: context words by role: alcanzó -> role=heat */
    table *cue_sets[ES_CUE_COUNT];    /* cues.tsv's words of each role (lower case) */
    table *timezones;                 /* timezones.tsv: gmt -> ge eme te; pyt -> hora de Paraguay */
    table *numbers;                   /* numbers.tsv: cardinal:21 -> veintiuno fem=veintiuna */
    es_numbers num;                   /* numbers.tsv's words by value, for the speller */
    table *morphology;                /* morphology.tsv: aron -> role=verb (endings by role) */
    es_endings morph[ES_MORPH_COUNT]; /* morphology.tsv's endings of each role */
    table *lexicon_heads;  /* first words of the lexicon's phrases: New (New York), fake */
    table *lexicon_folded; /* the lexicon by its letters in lower case: mcdonalds (McDonald's) */
    /* the word lists of es_foreign.c, loaded by es_lang_word_lists when first needed */
    table *spanish_words;     /* spanish-words.tsv: kiosco, Euskadi (never approximated) */
    wordfile *spanish_common; /* spanish-common-words.tsv, mapped: premio, estadio */
    table *english_words;     /* english-words.tsv: Hollis, Foster (English names) */
    table *foreign_trigrams;  /* foreign-trigrams.tsv: sch -> log shares per language */
    table *foreign_names;     /* foreign-names.tsv: Jacopo -> it, Tobias -> de nb pt sv */
    bool lists_tried;
    char dir[4096];              /* the data folder it was loaded from */
    table *foreign_cues;         /* foreign-cues.tsv: sh -> en w=2 (letters that show a language) */
    table *foreign_context;      /* foreign-context.tsv: francesa -> fr (a sentence's country) */
    table *foreign_phonemes;     /* foreign-phonemes.tsv: en:dZ -> y */
    table *foreign_spelling;     /* foreign-spelling.tsv: it:gli -> lli */
    struct es_foreign *foreign;  /* the run's foreign-word approximation; NULL: off */
    const char *month_name[13];  /* 1..12 -> "enero"..., from months.tsv (owned by months) */
    const char *weekday_name[7]; /* 0 (Sunday)..6 -> "domingo"..., from weekdays.tsv's n= */
    /* regions.tsv (es-ES first, then by code), each in every number style: [k][style] */
    es_region region_styles[ES_REGIONS_MAX][ES_STYLE_COUNT];
    size_t nregions;
} es_lang;

/* The region of a code ("es-MX", any case; "es" is Spain), in its own number style; NULL if
 * unknown. */
const es_region *es_region_find(const es_lang *lang, const char *code);
/* The same region with ambiguous numbers read in style s. */
const es_region *es_region_styled(const es_lang *lang, const es_region *r, es_style s);
/* With no evidence: Spain's conventions, ambiguous numbers read as thousands. */
const es_region *es_region_default(const es_lang *lang);

/* True when word (any case) has role in cues.tsv: ("alcanzó", ES_CUE_HEAT). */
bool es_cue(const es_lang *lang, const char *word, size_t n, es_cue_role role);

/* Returns the folder that holds voices/ data: $LOCUTOR_DATA_DIR when set and not empty,
 * else ../share/locutor/voices beside the executable when it exists (an installed
 * program), else the source tree's voices/ (a build-tree run). */
const char *es_data_dir(void);

/* Loads every table from dir/es/. On failure writes "file:line: reason" into err. */
loc_status es_lang_load(es_lang *lang, const char *dir, strbuf *err);
/* Loads spanish-words.tsv and english-words.tsv the first time (a run without a foreign-looking
 * word never reads them); false when they cannot be read. */
bool es_lang_word_lists(const es_lang *lang);
/* The lexicon entry for a word or phrase as written, or with the capital a sentence gave it
 * (Brunch, Fake news); NULL when there is none. */
const table_entry *es_lexicon_get(const es_lang *lang, const char *w, size_t n);
/* A lexicon entry's reading; american: its america= reading where it has one (Washington
 * Guáshinton; "_" in it a space: Miami-Dade america=Mayami_Deid). buf holds that one. */
const char *es_lexicon_spoken(const table_entry *e, bool american, char *buf, size_t size);
/* How a region names letters (regions.tsv letters=): ES_NAMES_AMERICA the Americas' names (V ve,
 * W doble ve), with ES_NAMES_DOUBLE_U Mexico's and Central America's (W doble u). */
typedef unsigned es_names;
enum { ES_NAMES_AMERICA = 1u, ES_NAMES_DOUBLE_U = 2u, ES_NAMES_DIAGONAL = 4u };
/* A table entry's reading for those names: its diagonal= (ES_NAMES_DIAGONAL: "/" in Mexico),
 * america-u= or america= feature ("_" a space: www america-u=doble_u_doble_u_doble_u), else its
 * spoken column. buf holds the feature. */
const char *es_regional_spoken(const table_entry *e, es_names names, char *buf, size_t size);
/* A table entry's feature name= as words ("_" a space: price=el_kilo -> "el kilo") into buf, ""
 * when it has none. */
void es_feature_words(const table_entry *e, const char *name, char *buf, size_t size);
/* The lexicon entry whose letters, in lower case and without spaces or marks, are low (a web
 * address's piece: mcdonalds -> McDonald's, burgerking -> Burger King), or NULL. */
const table_entry *es_lexicon_folded(const es_lang *lang, const char *low);
/* True when a lexicon phrase starts with this word (any first-letter case): New, fake. */
bool es_lexicon_head(const es_lang *lang, const char *word, size_t n);
/* Loads a user's pronunciation table over the built-in lexicon. */
loc_status es_lang_add_lexicon(es_lang *lang, const char *path, strbuf *err);
void es_lang_free(es_lang *lang);

/* Grammatical gender of a noun (singular or plural), from the exceptions table,
 * else from its ending: personas -> ES_FEM, años -> ES_MASC, ciudad -> ES_FEM. */
es_gender es_noun_gender(const es_lang *lang, const char *word, size_t n);

/* True for a noun that names a man or a woman alike (periodistas: morphology.tsv noun-common). */
bool es_noun_common(const es_lang *lang, const char *word, size_t n);
/* True when word (any case) is a function word (article, preposition, pronoun…). */
bool es_is_function_word(const es_lang *lang, const char *word, size_t n);

/* True when word (any case) is an adjective that may stand before the counted noun
 * without showing its gender: "21 mejores películas". */
bool es_is_prenominal_adjective(const es_lang *lang, const char *word, size_t n);

/* True when word (n bytes) ends in one of role's endings (morphology.tsv) with at least before
 * bytes in front of it: ("subido", ES_MORPH_PARTICIPLE, 2). */
bool es_has_ending(const es_lang *lang, es_morph_role role, const char *word, size_t n,
                   size_t before);

/* True when word (n bytes) starts with one of role's letter runs (morphology.tsv prefix-o). */
bool es_has_prefix(const es_lang *lang, es_morph_role role, const char *word, size_t n);

/* True when word looks like a finite verb, never a counted noun: "21 resultaron heridas". */
bool es_is_verb_form(const es_lang *lang, const char *word, size_t n);

/* True when a lower-case word can be read as Spanish syllables: "otan" yes, "kcna" no. */
bool es_pronounceable(const es_lang *lang, const char *w);

/* Is a word in the Spanish word lists as written, or the plural of one (noticias, mujeres)? */
bool es_listed_word(const es_lang *lang, const char *w, size_t n);

/* The one Spanish word a lower-case ASCII word is with an acute or an ñ put back, as web
 * addresses and handles drop them (policia -> policía, espana -> españa); false when the word is
 * Spanish as written, or no word or several words fit. */
bool es_restored_accent(const es_lang *lang, const char *w, char *out, size_t size);

/* Lower-cases ASCII and the Spanish capital letters into out (NUL-terminated). */
void es_lower(const char *word, size_t n, char *out, size_t outsize);

#endif
