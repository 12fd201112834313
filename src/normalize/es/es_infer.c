/* es_infer.c - region evidence: number style from numbers whose decimal mark cannot be
 * mistaken (8.9 %, 2,400,000, 1.500.000, 3,5), places and currencies from region-cues.tsv. */
#include "es_infer.h"

#include "es_rec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool number_mark(const cctx *c, size_t i)
{
    return cc_eq(c, i, ".") || cc_eq(c, i, ",") || cc_eq(c, i, "'") || cc_eq(c, i, "\u2019");
}

/* The word token after i (past one space), lower-cased into w; false if none. */
static bool word_after(const cctx *c, size_t i, char *w, size_t size)
{
    size_t k = i + 1 + cc_is(c, i + 1, TOK_SPACE);
    if (!cc_is(c, k, TOK_WORD) || c->toks[k].len >= size / 2) return false;
    es_lower(c->text + c->toks[k].start, c->toks[k].len, w, size);
    return true;
}

static void note(char *why, size_t size, const cctx *c, size_t first, size_t last)
{
    if (why[0]) return;
    size_t a = c->toks[first].start, b = c->toks[last].start + c->toks[last].len;
    snprintf(why, size, "%.*s", (int)(b - a < size - 1 ? b - a : size - 1), c->text + a);
}

/* A time written with a point or comma: a las 9.45, 12,30 horas. */
static bool time_like(const cctx *c, size_t first, size_t last)
{
    char w[32];
    size_t p = first >= 2 && cc_is(c, first - 1, TOK_SPACE) ? first - 2 : first;
    if (p < first && cc_is(c, p, TOK_WORD) && c->toks[p].len <= 3) {
        es_lower(c->text + c->toks[p].start, c->toks[p].len, w, sizeof w);
        if (es_cue(c->lang, w, strlen(w), ES_CUE_HOUR_ARTICLE)) return true;
    }
    if (word_after(c, last, w, sizeof w)) return es_cue(c->lang, w, strlen(w), ES_CUE_TIME_AFTER);
    return false;
}

/* A number at i: what its marks show of the decimal mark. Returns its last token. */
static size_t number_evidence(es_evidence *ev, const cctx *c, size_t i)
{
    size_t g[8], n = 1, k = i;
    char sep[8] = {0};
    g[0] = i;
    while (n < 8 && cc_touch(c, k) && number_mark(c, k + 1) && cc_touch(c, k + 1) &&
           cc_is(c, k + 2, TOK_NUMBER)) {
        sep[n] = c->text[c->toks[k + 1].start] == ',' ? ',' : cc_eq(c, k + 1, ".") ? '.' : '\'';
        g[n++] = k + 2;
        k += 2;
    }
    size_t last = k;
    if (n == 1) return last;
    /* letters or more marks against it: a code (BA.2.86), a date, a version */
    if (i > 0 && cc_touch(c, i - 1) && !cc_eq(c, i - 1, "(") && !cc_eq(c, i - 1, "$")) return last;
    if (cc_touch(c, last) && (cc_is(c, last + 1, TOK_WORD) || cc_is(c, last + 1, TOK_NUMBER)))
        return last;
    bool threes = c->toks[i].len <= 3;
    for (size_t m = 1; m < n; m++)
        if (c->toks[g[m]].len != 3 && m + 1 < n) threes = false;
    size_t lastlen = c->toks[g[n - 1]].len;
    char last_sep = sep[n - 1];
    bool mixed = false;
    for (size_t m = 1; m + 1 < n; m++)
        if (sep[m] != last_sep) mixed = true;
    int *side = NULL, weight = 0;
    char *why = NULL;
    if (!threes) return last;
    if (mixed) { /* 1.234,5 or 1,234.5: the last mark is the decimal one */
        weight = 3;
        side = last_sep == '.' ? &ev->point : &ev->comma;
    } else if (n >= 3 && lastlen == 3) { /* 2,400,000 or 1.500.000: thousands */
        weight = 3;
        side = last_sep == ',' ? &ev->point : &ev->comma;
    } else if (n == 2 && lastlen != 3) { /* 8.9 or 3,5 */
        if (time_like(c, i, last)) return last;
        weight = 2;
        side = last_sep == '.' ? &ev->point : &ev->comma;
    } else if (n == 2) { /* 1,500 or 1.500 prove nothing alone: they are what the evidence is for */
        int *group = last_sep == '.' ? &ev->dot_group : &ev->comma_group;
        *group += 1 + !memcmp(c->text + c->toks[g[1]].start, "000", 3);
    }
    if (!side) return last;
    *side += weight;
    why = side == &ev->point ? ev->point_why : ev->comma_why;
    note(why, sizeof ev->point_why, c, i, last);
    return last;
}

static int region_index(const es_lang *lang, const char *code)
{
    for (size_t k = 0; k < lang->nregions; k++)
        if (!strcmp(lang->region_styles[k][0].code, code)) return (int)k;
    return -1;
}

/* A cue phrase of one to four words from token i; returns the tokens it took (0: none).
 * dateline: i opens the article; the phrase weighs triple if a dateline's mark follows it. */
static size_t place_evidence(es_evidence *ev, const es_lang *lang, const cctx *c, size_t i,
                             bool dateline)
{
    char phrase[96];
    size_t n = 0, took = 0, words = 0;
    const table_entry *best = NULL;
    for (size_t k = i; k < c->n && words < 4; k++) {
        const token *t = &c->toks[k];
        if (t->kind == TOK_SPACE) {
            if (n + 1 >= sizeof phrase || !cc_eq(c, k, " ")) break;
            phrase[n++] = ' ';
            continue;
        }
        if (t->kind == TOK_NUMBER || n + t->len * 2 + 1 >= sizeof phrase) break;
        char low[96];
        es_lower(c->text + t->start, t->len, low, sizeof low);
        size_t l = strlen(low);
        memcpy(phrase + n, low, l);
        n += l;
        phrase[n] = '\0';
        if (t->kind == TOK_WORD) words++;
        const table_entry *e = table_get(lang->region_cues, phrase);
        if (e) best = e, took = k - i + 1;
        if (t->kind == TOK_WORD && !cc_touch(c, k) && !cc_is(c, k + 1, TOK_SPACE)) break;
    }
    if (!best) return 0;
    if (dateline) { /* a dateline is the place at the block's start, then , ( .- or a dash */
        size_t after = i + took;
        if (cc_is(c, after, TOK_SPACE)) after++;
        dateline = cc_eq(c, after, ",") || cc_eq(c, after, "(") || cc_eq(c, after, "-") ||
                   cc_eq(c, after, "\u2014") || cc_eq(c, after, "\u2013") ||
                   (cc_eq(c, after, ".") && cc_eq(c, after + 1, "-"));
    }
    int r = region_index(lang, best->spoken);
    if (r < 0 || (!dateline && strstr(best->features, "at=dateline"))) return took;
    char w[8];
    table_feature(best->features, "w", w, sizeof w);
    ev->score[r] += (w[0] ? atoi(w) : 1) * (dateline ? 3 : 1);
    if (!ev->first_seen[r]) ev->first_seen[r] = ++ev->mentions;
    if (!ev->place_why[r][0])
        snprintf(ev->place_why[r], sizeof ev->place_why[r], "%s", best->written);
    return took;
}

void es_evidence_init(es_evidence *ev)
{
    memset(ev, 0, sizeof *ev);
}

void es_evidence_add(es_evidence *ev, const es_lang *lang, const char *text, const token_list *toks,
                     bool first)
{
    cctx c = {lang, NULL, text, toks->items, toks->count, NULL, NULL};
    size_t words = 0;
    for (size_t i = 0; i < toks->count; i++) {
        const token *t = &toks->items[i];
        if (t->kind == TOK_NUMBER) {
            if (i > 0 && cc_touch(&c, i - 1) && number_mark(&c, i - 1)) continue;
            i = number_evidence(ev, &c, i);
        } else if (cc_eq(&c, i, "$") &&
                   (cc_is(&c, i + 1, TOK_NUMBER) || cc_is(&c, i + 2, TOK_NUMBER))) {
            ev->dollar_first++;
        } else if (cc_word_is(&c, i, "pesos") &&
                   (cc_is(&c, cc_prev(&c, i), TOK_NUMBER) ||
                    (cc_word_is(&c, cc_prev(&c, i), "de") &&
                     cc_cue(&c, cc_prev(&c, cc_prev(&c, i)), ES_CUE_SCALE)))) {
            ev->dollar_first++; /* 500 pesos, 13,205 millones de pesos: Latin American copy */
        } else if (t->kind == TOK_WORD || t->kind == TOK_SYMBOL) {
            if (i > 0 && cc_touch(&c, i - 1) && cc_is(&c, i - 1, TOK_WORD)) continue;
            size_t took = place_evidence(ev, lang, &c, i, first && words == 0);
            if (t->kind == TOK_WORD) words++;
            if (took) i += took - 1;
        }
    }
}

void es_evidence_declared(es_evidence *ev, const es_lang *lang, const char *code)
{
    char norm[16];
    snprintf(norm, sizeof norm, "%s", code);
    for (char *p = norm; *p; p++)
        if (*p == '_') *p = '-';
    const es_region *r = es_region_find(lang, norm);
    if (!r || strlen(norm) < 5) return; /* "es" alone says nothing of the region */
    int k = region_index(lang, r->code);
    if (k < 0) return;
    ev->score[k] += 20;
    snprintf(ev->declared, sizeof ev->declared, "%s", r->code);
}

const es_region *es_evidence_decide(const es_evidence *ev, const es_lang *lang, strbuf *why)
{
    es_style style = ev->point > ev->comma   ? ES_STYLE_POINT
                     : ev->comma > ev->point ? ES_STYLE_COMMA
                                             : ES_STYLE_NEUTRAL;
    /* 42,195 km beside 36.000 corredores: one of the two marks groups thousands, the more
     * frequent one (a 000 group weighing double), and the other is the decimal mark */
    bool both = ev->dot_group && ev->comma_group;
    if (style == ES_STYLE_NEUTRAL && both && ev->dot_group != ev->comma_group)
        style = ev->dot_group > ev->comma_group ? ES_STYLE_COMMA : ES_STYLE_POINT;
    int best = -1, spain = region_index(lang, es_region_default(lang)->code);
    for (size_t k = 0; k < lang->nregions; k++) {
        /* one weak mention (la Reserva Federal) does not make copy with 0,25 from the US */
        bool other_mark = style != ES_STYLE_NEUTRAL && lang->region_styles[k][0].own != style;
        /* nor one Spanish name (Córdoba) copy that writes $ 899.999 or 500 pesos */
        int needs = other_mark ? 1 : (int)k == spain && ev->dollar_first ? 1 : 0;
        /* a tie goes to the region named first: the Zona Libre de Colón's exports to Colombia */
        if (ev->score[k] > needs &&
            (best < 0 || ev->score[k] > ev->score[best] ||
             (ev->score[k] == ev->score[best] && ev->first_seen[k] < ev->first_seen[best])))
            best = (int)k;
    }
    const es_region *r;
    if (best >= 0)
        r = es_region_styled(lang, &lang->region_styles[best][0], style);
    else if (style == ES_STYLE_POINT || ev->dollar_first) /* 8.9 %, $500: Latin America */
        r = es_region_styled(lang, es_region_find(lang, "es-419"), style);
    else
        r = es_region_styled(lang, es_region_default(lang), style);
    if (why) {
        sb_printf(why, "%s", r->code);
        if (style != ES_STYLE_NEUTRAL)
            sb_printf(why, ", decimal %s (%s)", style == ES_STYLE_POINT ? "point" : "comma",
                      ev->point != ev->comma
                          ? (style == ES_STYLE_POINT ? ev->point_why : ev->comma_why)
                          : "1.500 and 1,500 both written");
        else
            sb_puts(why, ", 1.500 and 1,500 read as thousands");
        if (ev->declared[0] && best >= 0 && !strcmp(ev->declared, r->code))
            sb_printf(why, ", declared %s", ev->declared);
        else if (best >= 0)
            sb_printf(why, ", place or currency (%s)", ev->place_why[best]);
        else if (ev->dollar_first)
            sb_puts(why, ", $ or pesos with amounts (Latin American copy)");
        else
            sb_puts(why, ", no place or currency seen");
    }
    return r;
}
