/* es_infer.h - guesses an article's region from what it shows: a declared language, its
 * dateline, place and currency words, and above all its own way of writing numbers. */
#ifndef LOC_ES_INFER_H
#define LOC_ES_INFER_H

#include <stdbool.h>

#include "es_lang.h"
#include "strbuf.h"
#include "token.h"

typedef struct {
    int score[ES_REGIONS_MAX];  /* place, currency and declared-language evidence per region */
    int point, comma;           /* numbers whose decimal mark shows: 8.9 (point), 3,5 (comma) */
    int dot_group, comma_group; /* ambiguous 36.000 and 42,195, weighed only when both appear;
                                 * a 000 group counts twice (it is seldom a decimal part) */
    int dollar_first;           /* "$" written before its amount ($500): Latin American copy */
    char point_why[24], comma_why[24], place_why[ES_REGIONS_MAX][24]; /* first example of each */
    char declared[16];                                                /* lang="es-MX" */
    int first_seen[ES_REGIONS_MAX]; /* the order of each region's first mention (1, 2...) */
    int mentions;                   /* regions mentioned so far */
} es_evidence;

/* How much of an article is weighed before its region is decided: its first blocks. */
enum { ES_EVIDENCE_BLOCKS = 48, ES_EVIDENCE_BYTES = 48 * 1024 };

void es_evidence_init(es_evidence *ev);
/* Adds what one block shows. first: the article's first block (a dateline weighs more). */
void es_evidence_add(es_evidence *ev, const es_lang *lang, const char *text, const token_list *toks,
                     bool first);
/* Adds a declared language ("es-MX", "es_AR", "es-419"): a page's lang, a feed's <language>. */
void es_evidence_declared(es_evidence *ev, const es_lang *lang, const char *code);
/* The region and number style to read the article with. With no evidence: Spain's
 * conventions, ambiguous numbers (1.500, 1,500) read as thousands. why (may be NULL) gets a
 * one-line explanation: "es-MX, decimal point (8.9, 2,400,000), place (méxico)". */
const es_region *es_evidence_decide(const es_evidence *ev, const es_lang *lang, strbuf *why);

#endif
