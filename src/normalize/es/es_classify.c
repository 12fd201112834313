/* es_classify.c - the recognizer table tried at each token (first match wins) and the
 * token cursor helpers the es_rec_*.c recognizers share. */
#include "es_classify.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "es_rec.h"
#include "utf8.h"

const char *cc_ptr(const cctx *c, size_t i)
{
    return c->text + c->toks[i].start;
}

size_t cc_len(const cctx *c, size_t i)
{
    return i < c->n ? c->toks[i].len : 0;
}

bool cc_is(const cctx *c, size_t i, token_kind kind)
{
    return i < c->n && c->toks[i].kind == kind;
}

bool cc_eq(const cctx *c, size_t i, const char *s)
{
    if (i >= c->n || c->toks[i].len == 0) return false;
    const char *p = cc_ptr(c, i);
    size_t n = c->toks[i].len;
    for (size_t k = 0; k < n; k++) /* stops at s's end: token text holds no NUL */
        if (p[k] != s[k]) return false;
    return s[n] == 0;
}

bool cc_word_is(const cctx *c, size_t i, const char *word)
{
    /* lower-casing keeps a word's length in bytes (utf8_lower), so other lengths never match */
    if (!cc_is(c, i, TOK_WORD) || c->toks[i].len != strlen(word) || c->toks[i].len >= 48)
        return false;
    char w[64];
    es_lower(cc_ptr(c, i), c->toks[i].len, w, sizeof w);
    return strcmp(w, word) == 0;
}

bool cc_cue(const cctx *c, size_t i, es_cue_role role)
{
    return cc_is(c, i, TOK_WORD) && es_cue(c->lang, cc_ptr(c, i), c->toks[i].len, role);
}

bool cc_cue_before(const cctx *c, size_t i, int n, es_cue_role role)
{
    size_t p = i;
    for (int k = 0; k < n; k++) {
        p = cc_prev(c, p);
        if (p == CC_NONE || (cc_eq(c, p, ".") && !cc_touch(c, p))) return false;
        if (cc_cue(c, p, role)) return true;
    }
    return false;
}

bool cc_number_near(const cctx *c, size_t i, size_t span)
{
    for (size_t k = i + 1; k < c->n && k <= i + span; k++)
        if (c->toks[k].kind == TOK_NUMBER) return true;
    return false;
}

bool cc_touch(const cctx *c, size_t i)
{
    return i + 1 < c->n && c->toks[i].kind != TOK_SPACE && c->toks[i + 1].kind != TOK_SPACE;
}

size_t cc_next(const cctx *c, size_t i)
{
    for (i++; i < c->n && c->toks[i].kind == TOK_SPACE; i++) {
    }
    return i;
}

size_t cc_prev(const cctx *c, size_t i)
{
    if (i == CC_NONE || i > c->n) return CC_NONE; /* before nothing, nothing */
    while (i-- > 0)
        if (c->toks[i].kind != TOK_SPACE) return i;
    return CC_NONE;
}

bool cc_alone(const cctx *c, size_t i, size_t last)
{
    size_t after = cc_next(c, last);
    return cc_prev(c, i) == CC_NONE &&
           (after >= c->n || (cc_is(c, after, TOK_PUNCT) && cc_next(c, after) >= c->n));
}

bool cc_capitalized(const cctx *c, size_t i)
{
    return cc_is(c, i, TOK_WORD) && utf8_starts_upper(cc_ptr(c, i), cc_len(c, i));
}

bool cc_roman(const cctx *c, size_t i)
{
    return cc_is(c, i, TOK_WORD) && strspn(cc_ptr(c, i), "IVXLC") >= cc_len(c, i);
}

bool cc_initial(const cctx *c, size_t p)
{
    return p != CC_NONE && cc_capitalized(c, p) && c->toks[p].len == 1 && cc_eq(c, p + 1, ".");
}

bool cc_small(const cctx *c, size_t i, unsigned max_digits, unsigned lo, unsigned hi, unsigned *v)
{
    if (!cc_is(c, i, TOK_NUMBER) || c->toks[i].len > max_digits) return false;
    unsigned x = 0;
    for (size_t k = 0; k < c->toks[i].len; k++)
        x = x * 10 + (unsigned)(cc_ptr(c, i)[k] - '0');
    if (x < lo || x > hi) return false;
    if (v) *v = x;
    return true;
}

/* Notes that memory ran out (see es_rec.h); returns p. */
static void *noted(const cctx *c, void *p)
{
    if (!p && c->nomem) *c->nomem = true;
    return p;
}

void *cc_alloc(const cctx *c, size_t size)
{
    return noted(c, arena_alloc(c->a, size));
}

char *cc_strndup(const cctx *c, const char *s, size_t n)
{
    return noted(c, arena_strndup(c->a, s, n));
}

char *cc_strdup(const cctx *c, const char *s)
{
    return noted(c, arena_strdup(c->a, s));
}

bool cc_nomem(const cctx *c)
{
    noted(c, NULL);
    return false;
}

char *cc_take(const cctx *c, strbuf *b, bool ok)
{
    char *p = ok ? cc_strdup(c, sb_str(b)) : noted(c, NULL);
    sb_free(b);
    return p;
}

sem_token cc_make(const cctx *c, sem_class cls, size_t first, size_t last, const char *payload)
{
    sem_token t = {0};
    t.cls = cls;
    t.start = c->toks[first].start;
    t.end = c->toks[last].start + c->toks[last].len;
    t.payload = payload;
    return t;
}

char *cc_text(const cctx *c, size_t first, size_t last)
{
    return cc_strndup(c, cc_ptr(c, first),
                      c->toks[last].start + c->toks[last].len - c->toks[first].start);
}

/* A space that may group thousands: one blank, no-break or thin space. */
static bool group_space(const cctx *c, size_t i)
{
    return cc_eq(c, i, " ") || cc_eq(c, i, "\u00a0") || cc_eq(c, i, "\u202f") ||
           cc_eq(c, i, "\u2009");
}

/* -, − or the en dash the press often sets as a minus (–7 °C) */
static bool is_minus(const cctx *c, size_t i)
{
    return cc_eq(c, i, "-") || cc_eq(c, i, "\u2212") || cc_eq(c, i, "\u2013");
}

/* A mark that may group thousands or start decimals, touching digits on both sides. */
static char number_mark(const cctx *c, size_t k)
{
    if (!cc_touch(c, k - 1) || !cc_touch(c, k) || !cc_is(c, k + 1, TOK_NUMBER)) return 0;
    if (cc_eq(c, k, ".")) return '.';
    if (cc_eq(c, k, ",")) return ',';
    if (cc_eq(c, k, "'") || cc_eq(c, k, "\u2019")) return '\'';
    return 0;
}

/* A scale word after a number: 1,250 millones reads 1.25 where commas can be decimal. */
bool cc_scale_follows(const cctx *c, size_t last)
{
    return cc_cue(c, cc_next(c, last), ES_CUE_SCALE);
}

/* An amount earlier in the sentence written with a decimal comma before a price's unit (1,489
 * euros el litro y la gasolina a 1,612): the later ones written the same way are prices too. */
static bool comma_price_before(const cctx *c, size_t first)
{
    for (size_t k = first, steps = 0; k >= 3 && steps < 60; k--, steps++) {
        if (cc_eq(c, k, ".") && !cc_touch(c, k)) return false; /* the sentence's start */
        if (cc_is(c, k, TOK_NUMBER) && cc_len(c, k) == 3 && cc_eq(c, k - 1, ",") &&
            cc_touch(c, k - 1) && cc_touch(c, k - 2) && cc_is(c, k - 2, TOK_NUMBER) &&
            cc_len(c, k - 2) <= 3) {
            size_t nx = cc_next(c, k);
            if (cc_cue(c, nx, ES_CUE_COMMA_DECIMAL) || cc_eq(c, nx, "\u20ac")) return true;
        }
    }
    return false;
}

/* Whether the one group of three after mark (1.500, 1,500) is decimals, by the region's style. */
static bool ambiguous_is_decimal(const cctx *c, size_t first, size_t last, char mark)
{
    if (cc_eq(c, first, "0")) return true; /* 0,500 0.125 */
    size_t pct = last + 1 + cc_eq(c, last + 1, " ");
    if (cc_eq(c, pct, "%") && mark != '\'') return true; /* 2,411 %: no percentage is that big */
    es_style style = c->region ? c->region->style : ES_STYLE_NEUTRAL;
    if (mark == '\'') return false; /* 1'500: thousands (apostrophe) */
    /* 1.500 personas is a count wherever it is written */
    size_t nx = cc_next(c, last);
    bool noun = cc_is(c, nx, TOK_WORD) && !cc_scale_follows(c, last) &&
                !es_is_function_word(c->lang, cc_ptr(c, nx), cc_len(c, nx));
    /* 42,195 km in copy that groups thousands with points: a measure, not a count */
    if (noun && style == ES_STYLE_COMMA && c->region->own == ES_STYLE_COMMA && mark == ',' &&
        table_getn(c->lang->units, cc_ptr(c, nx), cc_len(c, nx)))
        noun = false;
    if (style == ES_STYLE_POINT) return mark == '.' && !noun;
    if (mark == ',' && (cc_cue(c, nx, ES_CUE_COMMA_DECIMAL) || cc_eq(c, nx, "\u20ac")))
        return true; /* 1,659 euros el litro, 1,500 € */
    if (style == ES_STYLE_COMMA) return mark == ',' && !noun;
    if (mark == ',' && !noun && comma_price_before(c, first)) return true;
    return false; /* no evidence: thousands (1,500 millones in Latin American copy, too) */
}

bool cc_read_number(const cctx *c, size_t i, cc_number *num)
{
    memset(num, 0, sizeof *num);
    if (i >= c->n || c->toks[i].kind == TOK_WORD || c->toks[i].kind == TOK_SPACE) return false;
    size_t j = i;
    if (is_minus(c, i)) {
        /* a sign, not a hyphen: nothing written against it on the left */
        if (!cc_touch(c, i) || !cc_is(c, i + 1, TOK_NUMBER)) return false;
        if (i > 0 && c->toks[i - 1].kind != TOK_SPACE && !cc_eq(c, i - 1, "(")) return false;
        num->negative = true;
        j = i + 1;
    }
    if (!cc_is(c, j, TOK_NUMBER)) return false;
    /* groups of three after one kind of thousands mark (an apostrophe may mark millions) */
    size_t last = j, groups = 0;
    char thousands = 0;
    if (c->toks[j].len <= 3) {
        for (;;) {
            size_t k = last + 1;
            char m = number_mark(c, k);
            if (!m && group_space(c, k) && cc_is(c, k + 1, TOK_NUMBER)) m = ' ';
            if (!m || c->toks[k + 1].len != 3) break;
            if (groups && m != thousands) {
                if (thousands != '\'' || m == ' ') break;
                /* 1'250.000: an apostrophe marks the millions, a point the thousands */
            }
            thousands = m;
            last = k + 1;
            groups++;
        }
    }
    /* a date or a version (12.06.2024, 3.11.2) is not a number with groups */
    if (groups && number_mark(c, last + 1) == thousands && thousands != ' ' &&
        c->toks[last + 2].len != 3) {
        last = j;
        groups = 0;
        thousands = 0;
    }
    size_t frac = CC_NONE;
    char dm = number_mark(c, last + 1);
    if (groups == 1 && thousands != ' ' && (!dm || dm == thousands) &&
        ambiguous_is_decimal(c, j, last, thousands)) {
        frac = last; /* 1.500 read as one and a half: the group is the decimals */
        dm = thousands;
        last = j;
        groups = 0;
    } else if (dm && dm != thousands && dm != ' ' &&
               !(number_mark(c, last + 3) && cc_is(c, last + 4, TOK_NUMBER))) {
        frac = last + 2; /* 3,5 8.9 2'7 1.234,56 1,234.56 */
    } else
        dm = 0;
    /* 701 mil 45, 5 mil 120.4 millones: thousands written as a word between digits */
    size_t mil = cc_next(c, frac != CC_NONE ? frac : last), low = cc_next(c, mil);
    bool spelled = frac == CC_NONE && !groups && c->toks[last].len <= 3 && cc_eq(c, mil, "mil") &&
                   cc_is(c, low, TOK_NUMBER) && c->toks[low].len <= 3 &&
                   !(cc_touch(c, low) && cc_eq(c, low + 1, "/"));
    if (spelled) {
        cc_number rest; /* read as a number unless memory ran out */
        if (!cc_read_number(c, low, &rest) || rest.grouped || rest.negative) spelled = false;
        if (spelled) {
            char *s = cc_alloc(c, 8 + c->toks[last].len + strlen(rest.canon));
            if (!s) return false;
            size_t pad = 3 - c->toks[low].len;
            sprintf(s, "%s%.*s%.*s%s", num->negative ? "-" : "", (int)c->toks[j].len, cc_ptr(c, j),
                    (int)pad, "000", rest.canon);
            *num = rest;
            num->negative = is_minus(c, i);
            num->canon = s;
            num->grouped = true;
            num->int_digits = c->toks[j].len + 3;
            return true;
        }
    }
    num->grouped = groups > 0;
    num->decimal = frac != CC_NONE;
    num->point = dm == '.';
    size_t int_end = last;
    char *s = cc_alloc(c, 64 + c->toks[int_end].start + c->toks[int_end].len - c->toks[i].start +
                              (frac != CC_NONE ? c->toks[frac].len : 0));
    if (!s) return false;
    size_t n = 0;
    if (num->negative) s[n++] = '-';
    for (size_t k = j; k <= int_end; k += 2) {
        memcpy(s + n, cc_ptr(c, k), c->toks[k].len);
        n += c->toks[k].len;
    }
    num->int_digits = n - num->negative;
    if (frac != CC_NONE) {
        s[n++] = '.';
        memcpy(s + n, cc_ptr(c, frac), c->toks[frac].len);
        n += c->toks[frac].len;
        last = frac;
    }
    s[n] = '\0';
    num->canon = s;
    num->last = last;
    return true;
}

/* A counted noun at w: a word that is neither a function word nor a verb form, nor a letter
 * (3.º B: a flat's door, tercero be). */
static bool noun_at(const cctx *c, size_t w)
{
    return cc_is(c, w, TOK_WORD) && cc_len(c, w) > 1 &&
           !es_is_function_word(c->lang, cc_ptr(c, w), cc_len(c, w)) &&
           !es_is_verb_form(c->lang, cc_ptr(c, w), cc_len(c, w));
}

/* The noun a number at i counts, past "mil" and invariable adjectives (21 mejores
 * películas), or CC_NONE. */
static size_t counted_noun(const cctx *c, size_t i)
{
    size_t w = cc_next(c, i);
    while (cc_eq(c, w, "mil"))
        w = cc_next(c, w);
    if (!noun_at(c, w)) return CC_NONE;
    size_t nx = cc_next(c, w);
    if (es_is_prenominal_adjective(c->lang, cc_ptr(c, w), cc_len(c, w)) && noun_at(c, nx))
        return nx;
    return w;
}

/* The gender of the noun counted elsewhere in the sentence, when none follows the number:
 * "8 personas y 21 resultaron heridas", "entre 21 y 31 personas"; through one number between
 * that counts it too (de las 10.142 causas, 131 llegaron a juicio y 41 terminaron). */
static bool elided_gender_within(const cctx *c, size_t i, es_gender *g, int depth)
{
    size_t nx = cc_next(c, i);
    if (cc_cue(c, nx, ES_CUE_NUMBER_JOIN)) {
        size_t num = cc_next(c, nx);
        cc_number n;
        if (cc_read_number(c, num, &n)) {
            size_t w = counted_noun(c, n.last);
            if (w != CC_NONE) {
                *g = es_noun_gender(c->lang, cc_ptr(c, w), cc_len(c, w));
                return true;
            }
        }
    }
    size_t p = i;
    for (int k = 0; k < 12; k++) {
        while (p != CC_NONE && p > 0 && !cc_is(c, p - 1, TOK_SPACE) && cc_is(c, p, TOK_NUMBER))
            p--; /* the start of this number */
        p = cc_prev(c, p);
        if (cc_eq(c, p, ".") && p > 1 && cc_touch(c, p - 1) && cc_is(c, p - 1, TOK_WORD) &&
            cc_len(c, p - 1) <= 3 &&
            strspn(cc_ptr(c, p - 1), "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == cc_len(c, p - 1))
            continue; /* the point of DD. HH. or EE. UU., not a sentence's end */
        if (p == CC_NONE || cc_eq(c, p, ".") || cc_eq(c, p, ";") || cc_eq(c, p, ":")) return false;
        if (cc_is(c, p, TOK_NUMBER) && !cc_touch(c, p)) {
            size_t w = counted_noun(c, p);
            if (w != CC_NONE && w < i) {
                *g = es_noun_gender(c->lang, cc_ptr(c, w), cc_len(c, w));
                return true;
            }
            if (w == CC_NONE && depth > 0 && cc_is(c, cc_next(c, p), TOK_WORD) &&
                es_is_verb_form(c->lang, cc_ptr(c, cc_next(c, p)), cc_len(c, cc_next(c, p))))
                return elided_gender_within(c, p, g, depth - 1);
        }
    }
    return false;
}

static bool elided_gender(const cctx *c, size_t i, es_gender *g)
{
    return elided_gender_within(c, i, g, 1);
}

/* The gender a plural article or demonstrative at w shows (cues.tsv plural-masc, plural-fem):
 * los, unos, estos -> masculine; las, unas, estas -> feminine. */
static bool plural_article(const cctx *c, size_t w, es_gender *g)
{
    if (cc_cue(c, w, ES_CUE_PLURAL_MASC)) return *g = ES_MASC, true;
    if (cc_cue(c, w, ES_CUE_PLURAL_FEM)) return *g = ES_FEM, true;
    return false;
}

/* The gender "las cuales" or "los cuales" at w shows (300 víctimas, de las cuales 201 eran
 * mujeres: doscientas una). */
static bool relative_article(const cctx *c, size_t w, es_gender *g)
{
    return cc_word_is(c, w, "cuales") && plural_article(c, cc_prev(c, w), g);
}

/* Is the word at w a weekday's name (el lunes 21: a day of the month)? */
static bool weekday_at(const cctx *c, size_t w)
{
    char low[16];
    if (!cc_is(c, w, TOK_WORD) || cc_len(c, w) >= 12) return false;
    es_lower(cc_ptr(c, w), cc_len(c, w), low, sizeof low);
    for (int d = 0; d < 7; d++)
        if (c->lang->weekday_name[d] && !strcmp(low, c->lang->weekday_name[d])) return true;
    return false;
}

/* Is "La" before the number at p the television channel (en La 1 de TVE: La uno), not the
 * article of an hour (a la 1)? A capital La inside a sentence. */
static bool channel_name(const cctx *c, size_t p)
{
    size_t pp = p == CC_NONE ? CC_NONE : cc_prev(c, p);
    return cc_eq(c, p, "La") && pp != CC_NONE && !cc_eq(c, pp, ".") && !cc_eq(c, pp, ":") &&
           !cc_eq(c, pp, "\u00bf") && !cc_eq(c, pp, "\u00a1");
}

/* Does a noun of either gender at w (policías, periodistas, estudiantes) name women, as a
 * participle after it shows (31 policías resultaron lesionadas)? Sets *g from the first
 * participle in -adas, -idas (feminine) or -ados, -idos within three words. */
static bool either_gender_told(const cctx *c, size_t w, es_gender *g)
{
    const char *n = cc_ptr(c, w);
    size_t len = cc_len(c, w);
    bool either =
        cc_cue(c, w, ES_CUE_EITHER_GENDER) ||
        (len > 5 && (!strncmp(n + len - 4, "ntes", 4) || !strncmp(n + len - 5, "istas", 5)));
    if (!either) return false;
    size_t k = w;
    for (int words = 0; words < 3; words++) {
        k = cc_next(c, k);
        if (k == CC_NONE || !cc_is(c, k, TOK_WORD)) return false;
        const char *p = cc_ptr(c, k);
        size_t pl = cc_len(c, k);
        if (pl < 6 || (p[pl - 4] != 'a' && p[pl - 4] != 'i') || p[pl - 3] != 'd') continue;
        if (!strncmp(p + pl - 2, "as", 2)) return *g = ES_FEM, true;
        if (!strncmp(p + pl - 2, "os", 2)) return *g = ES_MASC, true;
    }
    return false;
}

/* Is token p a plural participle in -adas, -idas (feminine) or -ados, -idos (incluidas)? */
static bool participle_gender(const cctx *c, size_t p, es_gender *g)
{
    if (p == CC_NONE || !cc_is(c, p, TOK_WORD) || cc_len(c, p) < 7) return false;
    const char *w = cc_ptr(c, p) + cc_len(c, p) - 4;
    if (!(w[0] == 'a' || w[0] == 'i') || w[1] != 'd' || w[3] != 's') return false;
    if (w[2] != 'a' && w[2] != 'o') return false;
    *g = w[2] == 'a' ? ES_FEM : ES_MASC;
    return true;
}

void cc_agree(const cctx *c, size_t i, sem_token *out)
{
    size_t first = i; /* the number's first token: 1.500 */
    while (
        first > 0 && cc_touch(c, first - 1) &&
        (cc_is(c, first - 1, TOK_NUMBER) || cc_eq(c, first - 1, ".") || cc_eq(c, first - 1, ",")))
        first--;
    size_t word_before = cc_prev(c, first);
    /* la Línea 1 reabrirá: uno, whatever follows; batea para .328: an average, trescientos;
       núm. 212 ayudas, n.º 212: the label abbreviated (doscientos doce) */
    size_t abbreviated = word_before;
    for (int k = 0; k < 3 && abbreviated != CC_NONE && !cc_is(c, abbreviated, TOK_WORD) &&
                    !cc_is(c, abbreviated, TOK_NUMBER);
         k++)
        abbreviated = cc_prev(c, abbreviated);
    bool number_mark = cc_word_is(c, word_before, "n.º") || cc_word_is(c, word_before, "nº") ||
                       cc_word_is(c, word_before, "n°") || cc_eq(c, word_before, "º") ||
                       cc_eq(c, word_before, "°");
    if (abbreviated != word_before && abbreviated != CC_NONE && cc_touch(c, abbreviated) &&
        (cc_word_is(c, abbreviated, "núm") || cc_word_is(c, abbreviated, "n") ||
         cc_word_is(c, abbreviated, "nro") || cc_word_is(c, abbreviated, "no")))
        number_mark = true;
    /* D.S. 5503 fija: a decree's initials name it (decreto supremo cinco mil quinientos tres) */
    size_t dot = abbreviated != CC_NONE ? cc_prev(c, abbreviated) : CC_NONE;
    if (cc_eq(c, word_before, ".") && cc_initial(c, abbreviated) && cc_touch(c, abbreviated) &&
        dot != CC_NONE && dot > 0 && cc_eq(c, dot, ".") && cc_initial(c, dot - 1))
        number_mark = true;
    if (cc_cue(c, word_before, ES_CUE_LABEL) || cc_eq(c, first, ".") || number_mark) {
        out->gender = ES_MASC;
        return;
    }
    size_t w = cc_next(c, i);
    while (cc_eq(c, w, "mil"))
        w = cc_next(c, w);
    if (cc_cue(c, w, ES_CUE_SCALE_NOUN)) {
        out->gender = ES_MASC; /* "millones" is the counted noun: treinta y un millones */
        out->flags |= SEM_APOCOPE;
        size_t n = out->cls == SEM_CARDINAL && out->payload ? strlen(out->payload) : 0;
        if (cc_word_is(c, w, "millones") && n >= 7 && n <= 12 &&
            strspn(out->payload, "0123456789") == n && strcmp(out->payload + n - 6, "000000"))
            out->flags |= SEM_BILLIONS; /* 2.456.300 millones: dos billones ... trescientos */
        return;
    }
    w = counted_noun(c, i);
    if (w != CC_NONE) {
        out->gender = es_noun_gender(c->lang, cc_ptr(c, w), cc_len(c, w));
        out->flags |= SEM_APOCOPE;
        /* las 21 periodistas, unos 200 guardias: a plural article tells a noun of either
           gender (or listed with the other one) which one it is */
        es_gender told;
        if (plural_article(c, word_before, &told) || relative_article(c, word_before, &told)) {
            out->gender = told;
            if (es_is_verb_form(c->lang, cc_ptr(c, w), cc_len(c, w))) out->flags &= ~SEM_APOCOPE;
        } else if (either_gender_told(c, w, &told))
            out->gender = told;
        return;
    }
    es_gender g;
    size_t de = cc_next(c, i), whom = cc_next(c, de), before = cc_prev(c, i);
    /* not after a noun the number labels (artículo 21 de las normas) nor an article */
    bool counts = before == CC_NONE || !cc_is(c, before, TOK_WORD) ||
                  es_is_verb_form(c->lang, cc_ptr(c, before), cc_len(c, before)) ||
                  cc_cue(c, cc_prev(c, before), ES_CUE_HABER) || /* ha valorado 21 de las */
                  (es_is_function_word(c->lang, cc_ptr(c, before), cc_len(c, before)) &&
                   !cc_cue(c, before, ES_CUE_DETERMINER));
    cc_number every;
    size_t each_noun = cc_word_is(c, de, "de") && cc_word_is(c, whom, "cada") &&
                               cc_read_number(c, cc_next(c, whom), &every)
                           ? counted_noun(c, every.last)
                           : CC_NONE;
    if (each_noun != CC_NONE) { /* 1 de cada 4 aulas: una, the noun after cada's number */
        out->gender = es_noun_gender(c->lang, cc_ptr(c, each_noun), cc_len(c, each_noun));
    } else if (cc_word_is(c, de, "las") || cc_word_is(c, de, "los")) {
        /* cifró en 11.600 las hectáreas: the article of the noun named after it */
        out->gender = cc_word_is(c, de, "las") ? ES_FEM : ES_MASC;
    } else if (counts && cc_word_is(c, de, "de") && cc_cue(c, whom, ES_CUE_PARTITIVE)) {
        /* 121 de ellas, murieron 21 de las víctimas: the pronoun or article tells */
        const char *w = cc_ptr(c, whom);
        out->gender = w[cc_len(c, whom) - 2] == 'a' ? ES_FEM : ES_MASC;
    } else if (relative_article(c, word_before, &g)) {
        out->gender = g;
    } else if (cc_word_is(c, word_before, "el") || cc_word_is(c, word_before, "del") ||
               cc_word_is(c, word_before, "al") || weekday_at(c, word_before) ||
               channel_name(c, word_before)) {
        /* entre el 1 y el 15 de julio, el lunes 21, en La 1: the article tells, not urgencias */
        out->gender = ES_MASC;
    } else if (cc_word_is(c, word_before, "las") || cc_word_is(c, word_before, "la")) {
        out->gender = ES_FEM; /* a las 21, la 1: the article tells, not 40 partidos before it */
    } else if (plural_article(c, word_before, &g)) {
        out->gender = g; /* otras 1.200 para la I Región: viviendas left out, mil doscientas */
    } else if (participle_gender(c, word_before, &g)) {
        out->gender = g; /* dosis, incluidas 450,000: the participle tells the noun left out */
    } else if (elided_gender(c, i, &g)) {
        out->gender = g;
    }
}

/* Quotation marks that open and close (a straight " does either). not words (marks) */
static const char *const opening[] = {"«", "“", "‘", "‹", "„"};
static const char *const closing[] = {"»", "”", "’", "›"};

bool es_opening_mark(const cctx *c, size_t i)
{
    if (cc_eq(c, i, "(") || cc_eq(c, i, "[") || cc_eq(c, i, "\"")) return true;
    for (size_t k = 0; k < sizeof opening / sizeof *opening; k++)
        if (cc_eq(c, i, opening[k])) return true;
    return false;
}

/* «sagrada» “así” "así" -> QUOTE(opens) WORD QUOTE(closes) */
size_t es_rec_quote(const cctx *c, size_t i, sem_token *out)
{
    if (!cc_is(c, i, TOK_PUNCT)) return 0;
    unsigned side = 0;
    for (size_t k = 0; k < sizeof opening / sizeof *opening; k++)
        if (cc_eq(c, i, opening[k])) side = SEM_OPENS;
    for (size_t k = 0; k < sizeof closing / sizeof *closing; k++)
        if (cc_eq(c, i, closing[k])) side = SEM_CLOSES;
    if (cc_eq(c, i, "\"")) {
        /* a straight quote opens after a space or at the start, else closes */
        bool after_space = i == 0 || c->toks[i - 1].kind == TOK_SPACE ||
                           (c->toks[i - 1].kind == TOK_PUNCT && !cc_eq(c, i - 1, "."));
        side = after_space ? SEM_OPENS : SEM_CLOSES;
    }
    if (!side) return 0;
    *out = cc_make(c, SEM_QUOTE, i, i, "");
    out->flags = side;
    return 1;
}

/* Pyongyang -> WORD "Pyongyang" (the lexicon is applied when it is said);
 * 3 x 4 metros -> WORD "por" */
size_t es_rec_word(const cctx *c, size_t i, sem_token *out)
{
    if (c->toks[i].len == 1 || c->toks[i].kind != TOK_WORD) { /* the rare marks first */
        const char *said = NULL;
        size_t p = cc_prev(c, i), nx = cc_next(c, i);
        bool numbers = p != CC_NONE && cc_is(c, p, TOK_NUMBER) && cc_is(c, nx, TOK_NUMBER);
        if (cc_eq(c, i, "+") && cc_touch(c, i) && cc_eq(c, i + 1, "/") && cc_touch(c, i + 1) &&
            cc_eq(c, i + 2, "-")) {
            /* +/- 3.1%: the plus-minus sign written with three marks */
            const table_entry *pm = table_get(c->lang->symbols, "\u00b1");
            *out = cc_make(c, SEM_WORD, i, i + 2, pm ? pm->spoken : "+/-");
            return 3;
        }
        if (numbers && (cc_eq(c, i, "x") || cc_eq(c, i, "×")))
            said = "por"; /* 3 x 4 */
        else if (numbers && (cc_eq(c, i, "-") || cc_eq(c, i, "\u2212")) &&
                 cc_is(c, i - 1, TOK_SPACE) && cc_is(c, i + 1, TOK_SPACE))
            said = "menos"; /* 2 + 2 - 1 = 3: a minus standing apart between numbers */
        else if ((cc_eq(c, i, "-") || cc_eq(c, i, "\u2013")) && i > 0 && cc_touch(c, i - 1) &&
                 cc_touch(c, i) &&
                 ((cc_eq(c, i - 1, "%") && cc_is(c, i + 1, TOK_NUMBER)) ||
                  (cc_is(c, i - 1, TOK_NUMBER) && cc_is(c, i + 1, TOK_SYMBOL) &&
                   cc_touch(c, i + 1) && cc_is(c, i + 2, TOK_NUMBER))))
            said = "a"; /* 4,25 %-4,5 %, $10-$15: a range of percentages or amounts */
        else if (cc_eq(c, i, "-") && i > 0 && cc_touch(c, i - 1) && cc_touch(c, i) &&
                 cc_roman(c, i - 1) && cc_roman(c, i + 1) &&
                 cc_cue(c, cc_prev(c, i - 1), ES_CUE_CENTURY))
            said = "a"; /* los siglos XV-XVI: quince a dieciséis */
        else if (cc_eq(c, i, "#") && cc_is(c, nx, TOK_NUMBER) && !cc_touch(c, i))
            said = "número"; /* Carrera 7 # 32-16: a Colombian address's number */
        else if (cc_eq(c, i, "/") && i > 0 && cc_is(c, i - 1, TOK_WORD) && cc_touch(c, i) &&
                 cc_is(c, i + 1, TOK_WORD) && cc_cue(c, i + 1, ES_CUE_PER))
            said = "por"; /* dólares/barril */
        if (said) {
            *out = cc_make(c, SEM_WORD, i, i, said);
            return 1;
        }
    }
    if (!cc_is(c, i, TOK_WORD)) return 0;
    *out = cc_make(c, SEM_WORD, i, i, cc_strndup(c, cc_ptr(c, i), c->toks[i].len));
    return 1;
}

/* Tokens i..last as one WORD said as the lexicon says them, when it lists their text (and 0). */
static size_t lexicon_said(const cctx *c, size_t i, size_t last, sem_token *out)
{
    size_t start = c->toks[i].start, end = c->toks[last].start + c->toks[last].len;
    const table_entry *e = es_lexicon_get(c->lang, c->text + start, end - start);
    char spaced[128]; /* hat-trick as the lexicon's "hat trick", St. Louis as "St Louis" */
    if (!e && end - start < sizeof spaced &&
        (memchr(c->text + start, '-', end - start) || memchr(c->text + start, '.', end - start))) {
        size_t n = 0;
        for (size_t k = start; k < end; k++)
            if (c->text[k] != '.') spaced[n++] = c->text[k] == '-' ? ' ' : c->text[k];
        e = es_lexicon_get(c->lang, spaced, n);
    }
    if (!e) return 0;
    char local[64];
    const char *said = es_lexicon_spoken(e, c->region && c->region->american, local, sizeof local);
    *out = cc_make(c, SEM_WORD, i, last, said == local ? cc_strdup(c, said) : said);
    out->flags |= SEM_SAID;
    return last - i + 1;
}

/* New York -> WORD "Nueva York", Rolls-Royce -> "Rols Róis": a lexicon phrase of two to four
 * words joined by one space or a hyphen (or " & "), said as the lexicon says it */
size_t es_rec_lexicon_phrase(const cctx *c, size_t i, sem_token *out)
{
    if (!cc_is(c, i, TOK_WORD) || !es_lexicon_head(c->lang, cc_ptr(c, i), cc_len(c, i))) return 0;
    size_t last[4], n = 0;
    for (size_t j = i; n < 3 && j + 2 < c->n; j += 2) {
        bool pointed = cc_initial(c, j) || (cc_eq(c, j, "St") && cc_eq(c, j + 1, "."));
        if (pointed && j + 3 < c->n && cc_is(c, j + 2, TOK_SPACE) && cc_is(c, j + 3, TOK_WORD))
            j++; /* St. Louis, J. D. Vance: a point, then the space */
        bool joined = (cc_is(c, j + 1, TOK_SPACE) && c->toks[j + 1].len == 1 &&
                       c->text[c->toks[j + 1].start] == ' ') ||
                      cc_eq(c, j + 1, "-") || cc_eq(c, j + 1, "&"); /* Pull&Bear */
        /* Marks & Spencer: an ampersand between a phrase's words; Maroon 5: a number */
        if (!joined ||
            !(cc_is(c, j + 2, TOK_WORD) || cc_is(c, j + 2, TOK_NUMBER) || cc_eq(c, j + 2, "&")))
            break;
        last[n++] = j + 2;
    }
    for (; n > 0; n--) {
        size_t took = lexicon_said(c, i, last[n - 1], out);
        if (took) return took;
    }
    return 0;
}

/* A number with a word written against it that the lexicon lists as one name: 49ers. */
size_t es_rec_numbered_name(const cctx *c, size_t i, sem_token *out)
{
    if (!cc_is(c, i, TOK_NUMBER) || i + 1 >= c->n || !cc_is(c, i + 1, TOK_WORD)) return 0;
    if (i + 2 < c->n && cc_is(c, i + 2, TOK_NUMBER)) return 0;
    return lexicon_said(c, i, i + 1, out);
}

/* A one-letter capital with a point inside a name: "J. K. Rowling", "George W. Bush",
 * "J. A. Bayona" (not the group's letter before a sentence: "el Grupo A. El equipo") */
static bool initial_point(const cctx *c, size_t i)
{
    size_t p = i - 1, nx = cc_next(c, i);
    if (i == 0 || !cc_initial(c, p)) return false;
    if (cc_initial(c, nx)) return true;
    size_t before = cc_prev(c, p);
    if (cc_eq(c, nx, "(") && before != CC_NONE && before > 0 && cc_eq(c, before, ".") &&
        cc_initial(c, before - 1))
        return true; /* the last of a person's initials before an age: J. M. G. (34) */
    if ((cc_eq(c, nx, ",") || cc_eq(c, nx, ";")) && before != CC_NONE && before > 0 &&
        cc_eq(c, before, ".") && cc_initial(c, before - 1))
        return true; /* ...or before a comma: identificado como J. R. M. L., de 34 años */
    if (!cc_capitalized(c, nx) || es_is_function_word(c->lang, cc_ptr(c, nx), cc_len(c, nx)))
        return false;
    if (cc_capitalized(c, before)) return true;
    if (before == CC_NONE || before == 0 || !cc_eq(c, before, ".")) return false;
    size_t w = before - 1; /* J. A. Bayona; el Sr. A. López (a title the table says is a name's) */
    const table_entry *title =
        cc_touch(c, w) ? table_getn(c->lang->abbreviations, cc_ptr(c, w), cc_len(c, w) + 1) : NULL;
    return cc_initial(c, w) || (title && strstr(title->features, "use=name"));
}

/* An initial inside a name -> LETTERS, its point unsaid and no sentence end: J. K. Rowling ->
 * jota ka Róulin */
size_t es_rec_initial(const cctx *c, size_t i, sem_token *out)
{
    if (!cc_initial(c, i) || !cc_touch(c, i) || !initial_point(c, i + 1)) return 0;
    *out = cc_make(c, SEM_LETTERS, i, i + 1, cc_strndup(c, cc_ptr(c, i), 1));
    return 2;
}

/* A dash after the agency's bracket that closes a dateline, before the story's first capital:
 * WASHINGTON (AP) — La Cámara, LIMA (AFP) - El dólar. */
static bool credit_dash(const cctx *c, size_t i)
{
    if (!(cc_eq(c, i, "\u2014") || cc_eq(c, i, "\u2013") || cc_eq(c, i, "-")) || i < 2 || i > 40 ||
        !cc_capitalized(c, cc_next(c, i)))
        return false;
    size_t close = cc_prev(c, i);
    if (!cc_eq(c, close, ")")) return false;
    for (size_t k = close; k > 0 && close - k < 6; k--)
        if (cc_eq(c, k, "(")) {
            for (size_t p = 0; p < k; p++) /* nothing but the dateline before the credit */
                if (c->toks[p].kind == TOK_PUNCT && !cc_eq(c, p, ",") && !cc_eq(c, p, "."))
                    return false;
            return true;
        }
    return false;
}

/* "." at the end of a sentence -> PUNCT "." sentence end; "¿" -> PUNCT attached to the next word;
 * Procter & Gamble -> VERBATIM "&": y (a mark symbols.tsv reads alone) */
size_t es_rec_punct(const cctx *c, size_t i, sem_token *out)
{
    if (!cc_is(c, i, TOK_PUNCT)) return 0;
    /* a point between digits no rule took (3.11.2) is "punto", never a sentence end; before
     * digits after a space (batea .325) it is not said */
    if (cc_eq(c, i, ".") && cc_touch(c, i) && cc_is(c, i + 1, TOK_NUMBER) && i > 0) {
        bool between = cc_is(c, i - 1, TOK_NUMBER);
        if (between || cc_is(c, i - 1, TOK_SPACE)) {
            *out = cc_make(c, between ? SEM_WORD : SEM_PUNCT, i, i, between ? "punto" : "");
            return 1;
        }
    }
    const table_entry *sym = table_getn(c->lang->symbols, cc_ptr(c, i), cc_len(c, i));
    if (sym && strstr(sym->features, "alone=1")) {
        *out = cc_make(c, SEM_VERBATIM, i, i, cc_strndup(c, cc_ptr(c, i), c->toks[i].len));
        return 1;
    }
    if (credit_dash(c, i)) { /* WASHINGTON (AP) — La Cámara: the dateline ends there */
        *out = cc_make(c, SEM_PUNCT, i, i, ".");
        out->flags |= SEM_SENTENCE_END;
        return 1;
    }
    *out = cc_make(c, SEM_PUNCT, i, i, cc_strndup(c, cc_ptr(c, i), c->toks[i].len));
    bool ends = cc_eq(c, i, ".") || cc_eq(c, i, "!") || cc_eq(c, i, "?") || cc_eq(c, i, "…");
    /* "." inside a token run (www.boe.es) or after an initial (J. K. Rowling) does not end one */
    if (ends &&
        (i + 1 == c->n || c->toks[i + 1].kind == TOK_SPACE || c->toks[i + 1].kind == TOK_PUNCT) &&
        !(cc_eq(c, i, ".") && initial_point(c, i)))
        out->flags |= SEM_SENTENCE_END;
    if (cc_eq(c, i, "¿") || cc_eq(c, i, "¡") || cc_eq(c, i, "(") || cc_eq(c, i, "["))
        out->flags |= SEM_ATTACH_NEXT;
    return 1;
}

/* Is token i a credit rating's grade (AAA, BB, C) or a blood group (O, AB)? 1 grade, 2 blood. */
static int grade_at(const cctx *c, size_t i)
{
    const char *w = cc_ptr(c, i);
    size_t n = cc_len(c, i);
    if (!cc_is(c, i, TOK_WORD) || n > 3) return 0;
    if ((n == 1 && w[0] == 'O') || (n == 2 && !strncmp(w, "AB", 2))) return 2;
    for (size_t k = 0; k < n; k++)
        if (w[k] != w[0] || !strchr("ABC", w[k])) return 0;
    return 1;
}

/* BB+ -> más, BBB- -> menos (a rating's notch); O- -> negativo, AB+ -> positivo */
size_t es_rec_grade_sign(const cctx *c, size_t i, sem_token *out)
{
    bool plus = cc_eq(c, i, "+"), minus = cc_eq(c, i, "-") || cc_eq(c, i, "\u2212");
    if (!(plus || minus) || i == 0 || !cc_touch(c, i - 1) ||
        (cc_touch(c, i) && (cc_is(c, i + 1, TOK_WORD) || cc_is(c, i + 1, TOK_NUMBER))))
        return 0;
    int kind = grade_at(c, i - 1);
    if (!kind) return 0;
    *out = cc_make(c, SEM_WORD, i, i,
                   kind == 2 ? (plus ? "positivo" : "negativo") : (plus ? "más" : "menos"));
    return 1;
}

/* & + and anything else -> VERBATIM as written */
size_t es_rec_verbatim(const cctx *c, size_t i, sem_token *out)
{
    if (cc_is(c, i, TOK_SPACE)) return 0;
    /* Disney+, Note 13 Pro+: a plus sign written against a name is "plus" */
    if (cc_eq(c, i, "+") && i > 0 && cc_touch(c, i - 1) && cc_is(c, i - 1, TOK_WORD) &&
        !(cc_touch(c, i) && (cc_is(c, i + 1, TOK_WORD) || cc_is(c, i + 1, TOK_NUMBER)))) {
        /* Movistar Plus+: the name says its plus already */
        bool said = cc_len(c, i - 1) == 4 && strncasecmp(cc_ptr(c, i - 1), "plus", 4) == 0;
        *out = cc_make(c, SEM_ABBREVIATION, i, i, said ? "" : "plus");
        return 1;
    }
    *out = cc_make(c, SEM_VERBATIM, i, i, cc_strndup(c, cc_ptr(c, i), c->toks[i].len));
    return 1;
}

/* The recognizers in their order (es_rec_order.h), each with the token kinds it can start on,
 * so most are skipped at once. */
#define W (1u << TOK_WORD)
#define N (1u << TOK_NUMBER)
#define P (1u << TOK_PUNCT)
#define S (1u << TOK_SYMBOL)
static const struct {
    recognizer fn;
    unsigned starts; /* bit per token_kind */
} recognizers[] = {
#define ES_REC_ENTRY(name, kinds) {es_rec_##name, kinds},
    ES_REC_ORDER(ES_REC_ENTRY)
#undef ES_REC_ENTRY
};
#undef W
#undef N
#undef P
#undef S

/* A lower-case word with a space after it, no number within four tokens, not a lexicon phrase's
 * head and not a Roman numeral's letters ("casa", not "xx", "mayo 15", "www.", "Sr.", "fake
 * news"): such a word goes straight to es_rec_word, skipping every recognizer before it in
 * es_rec_order.h. Why each word-starting one cannot claim it:
 *   electronic, weekday, abbreviation: need a mark written against the word (www.boe.es, vier.,
 *     Sr.) - the space after it rules that out - or, an era, a number or century before it
 *     (siglo X ec: checked here);
 *   date, time, money, ordinal, code: need a number next to or near the word (mayo 15, las
 *     01:25, 11-M) or a capital (G7, USD);
 *   lexicon_phrase: starts on a lexicon head only (New York, fake news) - checked here;
 *   roman: letters of ivxlcdm only;
 *   unit_word: a unit symbol said as other words after el, por... (el kWh, por kcal) - checked
 *     here after a word of four bytes at most (km, mm: no vowel, declined before the lookup);
 *   acronym: all capitals.
 * tests/unit/test_sem_classes.c runs every recognizer over the words this accepts in the golden
 * files and fails if one would have claimed any: a recognizer that can start on a plain
 * lower-case word must be excluded here. */
bool es_plain_word(const cctx *c, size_t i)
{
    const token *t = &c->toks[i];
    const char *w = c->text + t->start;
    if (t->kind != TOK_WORD || w[0] < 'a' || w[0] > 'z' || t->len == 1) return false;
    if (es_lexicon_head(c->lang, w, t->len)) return false; /* fake news */
    if (i + 1 < c->n && c->toks[i + 1].kind != TOK_SPACE) return false;
    if (strspn(w, "ivxlcdm") >= t->len) return false;
    if (t->len <= 3 && strcspn(w, "aeiou") >= t->len) return false; /* vs: an abbreviation */
    if (cc_number_near(c, i, 4)) return false;
    /* por kcal, el min: es_rec_unit_word's unit after a short article or preposition */
    size_t p = cc_prev(c, i);
    if (p == CC_NONE) return true;
    if (t->len <= 3 && es_era_without_points(c, i)) return false; /* siglo X ec, 300 aec */
    if (t->len <= 4 && (es_after_scale_de(c, i) || es_after_number_mil(c, i)))
        return false; /* millones de ha, 22 mil ha */
    return c->toks[p].len > 4 || !es_unit_symbol(c->lang, w, t->len);
}

static bool push(arena *a, sem_list *out, const sem_token *t)
{
    if (out->count == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 32 + out->hint; /* hint: the token count */
        sem_token *items = arena_alloc_raw(a, cap * sizeof *items);
        if (!items) return false;
        if (out->count) memcpy(items, out->items, out->count * sizeof *items);
        out->items = items;
        out->cap = cap;
    }
    out->items[out->count++] = *t;
    return true;
}

/* "Cree que" -> a word before a function word marked starts=object (function-words.tsv). */
static bool object_follows(const es_lang *lang, const sem_list *list, size_t k)
{
    if (k + 1 >= list->count || list->items[k + 1].cls != SEM_WORD) return false;
    const char *next = list->items[k + 1].payload;
    const table_entry *e = next[0] >= 'a' ? table_get(lang->function_words, next) : NULL;
    char starts[8];
    if (e) table_feature(e->features, "starts", starts, sizeof starts);
    return e && !strcmp(starts, "object");
}

/* "21 personas murieron." -> the first token of each sentence, written with a capital or a
 * digit, gets SEM_CAPITAL: Veintiuna personas murieron; a first word before its object
 * (Lee el informe) SEM_VERB_START too. */
static void mark_sentence_starts(const es_lang *lang, const char *text, sem_list *list)
{
    bool start = true;
    for (size_t k = 0; k < list->count; k++) {
        sem_token *t = &list->items[k];
        if (t->cls == SEM_QUOTE || (t->cls == SEM_PUNCT && (t->flags & SEM_ATTACH_NEXT))) continue;
        if (start && t->cls != SEM_PUNCT) {
            const char *p = text + t->start;
            if ((p[0] >= '0' && p[0] <= '9') || utf8_starts_upper(p, t->end - t->start))
                t->flags |= SEM_CAPITAL;
            if (t->cls == SEM_WORD && (t->flags & SEM_CAPITAL) && object_follows(lang, list, k))
                t->flags |= SEM_VERB_START;
        }
        start = (t->flags & SEM_SENTENCE_END) != 0;
    }
}

loc_status es_classify(const es_lang *lang, const es_region *region, const char *text,
                       const token_list *tokens, arena *a, sem_list *out)
{
    bool nomem = false; /* see cc_alloc */
    cctx c = {
        lang,  region ? region : es_region_default(lang), text, tokens->items, tokens->count, a,
        &nomem};
    memset(out, 0, sizeof *out);
    out->hint = tokens->count / 2 + 1;
    for (size_t i = 0; i < c.n;) {
        if (c.toks[i].kind == TOK_SPACE) {
            i++;
            continue;
        }
        size_t taken = 0;
        sem_token t;
        if (es_plain_word(&c, i)) { /* most words: nothing but es_rec_word can take them */
            taken = es_rec_word(&c, i, &t);
            if (nomem || !t.payload || !push(a, out, &t)) return LOC_ERR_NOMEM;
            i += taken;
            continue;
        }
        unsigned kind = 1u << c.toks[i].kind;
        for (size_t r = 0; r < sizeof recognizers / sizeof *recognizers && !taken && !nomem; r++)
            if (recognizers[r].starts & kind) taken = recognizers[r].fn(&c, i, &t);
        /* es_rec_verbatim takes any token: nothing taken means memory ran out, as does a
         * claim without its payload */
        if (nomem || !taken || !t.payload || !push(a, out, &t)) return LOC_ERR_NOMEM;
        i += taken;
    }
    mark_sentence_starts(lang, text, out);
    return LOC_OK;
}
