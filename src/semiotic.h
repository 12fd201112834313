/* semiotic.h - the typed tokens between classify and verbalize (declared once, X-macro). */
#ifndef LOC_SEMIOTIC_H
#define LOC_SEMIOTIC_H

#include <stddef.h>

#include "es_number.h"

/* Every semiotic class; the enum, the names and the verbalizer table come from here. */
#define SEM_CLASS_LIST(X)                                                                          \
    X(CARDINAL)                                                                                    \
    X(ORDINAL)                                                                                     \
    X(DECIMAL)                                                                                     \
    X(FRACTION)                                                                                    \
    X(PERCENT)                                                                                     \
    X(MONEY)                                                                                       \
    X(MEASURE)                                                                                     \
    X(DATE)                                                                                        \
    X(TIME)                                                                                        \
    X(RANGE)                                                                                       \
    X(SCORE)                                                                                       \
    X(TELEPHONE)                                                                                   \
    X(ELECTRONIC)                                                                                  \
    X(LETTERS)                                                                                     \
    X(ABBREVIATION)                                                                                \
    X(ROMAN)                                                                                       \
    X(WORD)                                                                                        \
    X(VERBATIM)                                                                                    \
    X(PUNCT)                                                                                       \
    X(QUOTE)

typedef enum {
#define SEM_ENUM(name) SEM_##name,
    SEM_CLASS_LIST(SEM_ENUM)
#undef SEM_ENUM
        SEM_CLASS_COUNT
} sem_class;

/* Feature flags a recognizer can set. */
enum {
    SEM_APOCOPE = 1u << 0,      /* a noun follows: un/veintiún */
    SEM_OPENS = 1u << 1,        /* QUOTE: opening mark */
    SEM_CLOSES = 1u << 2,       /* QUOTE: closing mark */
    SEM_SENTENCE_END = 1u << 3, /* PUNCT: ends a sentence */
    SEM_ATTACH_NEXT = 1u << 4,  /* PUNCT: written before the next word (¿ ¡) */
    SEM_YEAR = 1u << 5,         /* CARDINAL: a year (never agrees) */
};

typedef struct {
    sem_class cls;
    size_t start, end;   /* byte range in the block's source text */
    const char *payload; /* canonical form, arena-owned: digits, letters, ISO date, the word */
    es_gender gender;    /* of the counted noun, for classes that agree */
    unsigned flags;      /* SEM_* */
} sem_token;

typedef struct {
    sem_token *items; /* arena-owned */
    size_t count, cap;
} sem_list;

/* Name of a class, e.g. "CARDINAL". */
const char *sem_class_name(sem_class cls);

#endif
