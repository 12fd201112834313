/* normalize.c - the Spanish normalizer's entry point: tokenize, classify, chunk one block. */
#include "normalize.h"

#include "es_classify.h"
#include "es_foreign.h"
#include "es_infer.h"
#include "es_verbalize.h"
#include "token.h"

/* Lines for --verbose: words no rule read, numbers said digit by digit. */
static void verbose_verbatim(const es_lang *lang, FILE *verbose, const block *b,
                             const sem_list *sems)
{
    for (size_t i = 0; i < sems->count; i++) {
        const sem_token *t = &sems->items[i];
        if (t->cls == SEM_VERBATIM)
            fprintf(verbose, "locutor: line %zu: no rule for '%s', read as written\n",
                    b->source_line, t->payload);
        else if (es_verbalize_falls_back(lang, t))
            fprintf(verbose,
                    "locutor: line %zu: %s '%.*s' cannot be said as one, read digit by "
                    "digit\n",
                    b->source_line, sem_class_name(t->cls), (int)(t->end - t->start),
                    b->text + t->start);
    }
}

loc_status normalize_block(const es_lang *lang, const block *b, bool marks, arena *a,
                           chunk_list *out, FILE *verbose)
{
    token_list tokens;
    sem_list sems;
    if (tokenize(b->text, b->len, a, &tokens) != 0) return LOC_ERR_NOMEM;
    const es_region *region = b->region;
    if (!region) { /* a block alone (the player, a test): what it shows itself */
        es_evidence ev;
        es_evidence_init(&ev);
        es_evidence_add(&ev, lang, b->text, &tokens, true);
        region = es_evidence_decide(&ev, lang, NULL);
    }
    loc_status st = es_classify(lang, region, b->text, &tokens, a, &sems);
    if (st != LOC_OK) return st;
    es_foreign_names(lang, &sems); /* names whose words show their language to the others */
    for (size_t i = 0; region && region->american && i < sems.count; i++)
        sems.items[i].flags |= SEM_AMERICAN | (region->double_u ? SEM_DOUBLE_U : 0) |
                               (region->diagonal ? SEM_DIAGONAL : 0);
    for (size_t i = 0; region && region->phone_pairs && i < sems.count; i++)
        if (sems.items[i].cls == SEM_TELEPHONE) sems.items[i].flags |= SEM_PAIRS;
    if (verbose) verbose_verbatim(lang, verbose, b, &sems);
    return chunk_block(lang, b, &sems, marks, a, out);
}
