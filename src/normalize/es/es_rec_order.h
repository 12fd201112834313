/* es_rec_order.h - the recognizers in the order the classifier tries them (first match wins). */
#ifndef LOC_ES_REC_ORDER_H
#define LOC_ES_REC_ORDER_H

/* X(name, starts): es_rec_<name> is tried at a token whose kind is in starts, a mask made of
 * W (word), N (number), P (punctuation) and S (symbol) that the user of the list defines.
 * The longest, most specific shapes first; the last three never fail, so nothing is dropped.
 * es_rec.h declares them all from here. A new recognizer goes into this list; if it can start
 * on a lower-case word, read the comment at es_plain_word (es_classify.c), which lets most
 * words skip every recognizer but es_rec_word. */
#define ES_REC_ORDER(X)                                                                            \
    X(quote, P)                  /* « » “ ” */                                               \
    X(numbered_name, N)          /* los 49ers */                                                   \
    X(electronic, W | N | P | S) /* www.boe.es, a@b.es, @cuenta */                                 \
    X(date, W | N)               /* 12/06/2024, 28 de mayo */                                      \
    X(star_code, P | S)          /* *462 */                                                        \
    X(telephone, N | P | S)      /* 900 123 456 */                                                 \
    X(weekday, W)                /* vier. 10 */                                                    \
    X(gap, N)                    /* a 1:12 del líder */                                           \
    X(time, W | N)               /* 10:30 h, las 01:25 */                                          \
    X(money, W | N | P | S)      /* 15 € */                                                      \
    X(ordinal, W | N)            /* 1.º */                                                        \
    X(match_minute, N)           /* al 27' */                                                      \
    X(measure, N | P | S)        /* 120 km/h */                                                    \
    X(fraction, N | P | S)       /* 2/3 */                                                         \
    X(year_part, N)              /* 2T25 */                                                        \
    X(fight_record, N)           /* récord de 36-3 */                                             \
    X(code, W | N)               /* G7, 11-M */                                                    \
    X(range, N | P | S)          /* 2010-2015, 4-2 */                                              \
    X(number, N | P | S)         /* 21, 2,5, 7 % */                                                \
    X(lexicon_phrase, W)         /* New York */                                                    \
    X(roman, W)                  /* Felipe VI */                                                   \
    X(compass, W)                /* 62° 12′ S */                                                \
    X(abbreviation, W | P | S)   /* Sr., EE. UU. */                                                \
    X(initial, W)                /* J. K. Rowling */                                               \
    X(unit_word, W)              /* el kWh, por km */                                              \
    X(per_unit, P)               /* euros/m² */                                                    \
    X(acronym, W)                /* OTAN, KCNA */                                                  \
    X(grade_sign, P | S)         /* BB+, O- */                                                     \
    X(word, W | P | S)           /* casa; 3 x 4 -> por */                                          \
    X(punct, P)                  /* . , ¿ */                                                      \
    X(verbatim, W | N | P | S)   /* & + and anything else, as written */

#endif
