/* es_rec_unit.c - recognizers for amounts with a unit: money and measures. */
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "es_rec.h"
#include "utf8.h"

/* The longest key of t made of touching tokens from i (upper-cased when upper), written
 * into key; returns the index of its last token or CC_NONE. */
static size_t longest_key(const cctx *c, const table *t, size_t i, bool upper, char *key,
                          size_t keysize)
{
    size_t best = CC_NONE, len = 0;
    char buf[64];
    bool spaced = false;
    for (size_t k = i; k < c->n && k < i + 6; k++) {
        if (k > i && !cc_touch(c, k - 1)) {
            /* one blank inside a key that holds a slash: l/100 km */
            bool blank = cc_eq(c, k, " ") && !spaced && memchr(buf, '/', len);
            bool after_blank = spaced && cc_eq(c, k - 1, " ") && c->toks[k].kind != TOK_SPACE;
            if (!blank && !after_blank) break;
            spaced = true;
        }
        if (len + cc_len(c, k) >= sizeof buf) break;
        memcpy(buf + len, cc_ptr(c, k), cc_len(c, k));
        len += cc_len(c, k);
        buf[len] = '\0';
        char look[64];
        if (upper) {
            for (size_t b = 0; b <= len; b++)
                look[b] = (buf[b] >= 'a' && buf[b] <= 'z') ? (char)(buf[b] - 32) : buf[b];
        } else
            memcpy(look, buf, len + 1);
        if (table_getn(t, look, len) && len < keysize) {
            best = k;
            memcpy(key, look, len + 1);
        }
    }
    return best;
}

/* A currency sign or code at i: "€", "US$", "USD", "usd" -> its ISO code; "$" -> the region's;
 * before: the sign stands before the amount (Bs 3,72: bolivianos, currency-signs.tsv before=) */
static const char *currency_at(const cctx *c, size_t i, bool before, size_t *last)
{
    char key[64];
    size_t k = longest_key(c, c->lang->currency_signs, i, true, key, sizeof key);
    if (k == CC_NONE) return NULL;
    /* a code written against a word is part of it: "EURO", "usdt" */
    if (cc_touch(c, k) && cc_is(c, k + 1, TOK_WORD)) return NULL;
    if (i > 0 && cc_touch(c, i - 1) && cc_is(c, i - 1, TOK_WORD)) return NULL;
    /* a code in capitals against a small number is a name: COP29, Q1 (a quarter); nio21,
     * Q3,658.40 and USD1,5 millones are amounts */
    bool letters = strspn(key, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == strlen(key);
    bool capitals = strspn(cc_ptr(c, i), "ABCDEFGHIJKLMNOPQRSTUVWXYZ") > 0;
    cc_number after;
    if (letters && capitals && cc_touch(c, k) && cc_read_number(c, k + 1, &after) &&
        !after.grouped && !after.decimal && strlen(after.canon) <= (strlen(key) >= 3 ? 2 : 1) &&
        (strlen(key) >= 3 || cc_small(c, k + 1, 1, 1, 4, NULL)) &&
        !cc_cue(c, cc_next(c, after.last), ES_CUE_AMOUNT_SCALE))
        return NULL;
    /* one capital against the number before it names a thing: 5G., 4G (networks) */
    if (!before && i > 0 && cc_touch(c, i - 1) && cc_is(c, i - 1, TOK_NUMBER) &&
        cc_len(c, i - 1) <= 2 && key[0] >= 'A' && key[0] <= 'Z' &&
        (!key[1] || !strcmp(key + 1, ".")))
        return NULL;
    *last = k;
    if (!strcmp(key, "$")) return c->region->dollar; /* pesos or dólares, by region */
    const table_entry *e = table_get(c->lang->currency_signs, key);
    char local[16]; /* Bs: bolívares, but bolivianos in Bolivia */
    table_feature(e->features, c->region->code, local, sizeof local);
    if (!local[0] && before) table_feature(e->features, "before", local, sizeof local);
    const table_entry *cur = local[0] ? table_get(c->lang->currencies, local) : NULL;
    if (!cur && !strcmp(e->spoken, "NONE")) {
        /* L: lempiras in Honduras, or anywhere before a price in cents or an exchange rate (L
         * 1.20, L26.1845), or joined to thousands or a scale (L4,000, L2.5 millones); not L 5,
         * L5 (a metro line) */
        cc_number price;
        size_t at = cc_next(c, k);
        const char *dot = NULL;
        bool read = cc_read_number(c, at, &price);
        bool cents = read && price.decimal && (dot = strchr(price.canon, '.')) &&
                     (strlen(dot + 1) == 2 || strlen(dot + 1) == 4);
        bool sum = read && cc_touch(c, k) &&
                   (price.grouped || cc_cue(c, cc_next(c, price.last), ES_CUE_AMOUNT_SCALE));
        const table_entry *hnl = table_get(c->lang->currencies, "HNL");
        if (!(cents || sum) || !hnl) return NULL;
        return hnl->written;
    }
    return cur ? cur->written : e->spoken;
}

/* A currency named after an amount: "$500 pesos", "$3 millones de dólares" -> its code. */
static const char *currency_word(const cctx *c, size_t i, size_t *last)
{
    size_t k = cc_eq(c, i, "de") ? cc_next(c, i) : i;
    if (!cc_cue(c, k, ES_CUE_CURRENCY)) return NULL;
    char w[32], code[16];
    es_lower(cc_ptr(c, k), cc_len(c, k), w, sizeof w);
    table_feature(table_get(c->lang->cues, w)->features, "code", code, sizeof code);
    const table_entry *e = table_get(c->lang->currencies, code);
    if (!e) return NULL;
    *last = k;
    return e->written;
}

/* "millones", "mil millones", "billones" after an amount: the scale word(s) and last index */
static const char *scale_at(const cctx *c, size_t i, size_t *last)
{
    if (cc_eq(c, i, "MM")) { /* US$ 3 MM: millones in Andean and Chilean business copy */
        *last = i;
        return "millones";
    }
    if (!cc_cue(c, i, ES_CUE_SCALE) && !cc_cue(c, i, ES_CUE_SCALE_NOUN)) return NULL;
    *last = i;
    size_t nx = cc_next(c, i);
    if (cc_eq(c, i, "mil") && (cc_word_is(c, nx, "millones") || cc_eq(c, nx, "MM"))) {
        *last = nx;
        return "mil millones";
    }
    char w[16];
    es_lower(cc_ptr(c, i), cc_len(c, i), w, sizeof w);
    return cc_strdup(c, w);
}

static const table_entry *unit_at(const cctx *c, size_t i, size_t *last);
static bool dollar_rate(const cctx *c);

/* Is an amount whose sign is written first (₡505,40, Q7.75) a price in units and cents, even as
 * an exchange rate? Newsreaders say "quinientos cinco colones con cuarenta céntimos por dólar";
 * only the currencies marked rate=decimal (Bs. 36,52) and amounts written before their
 * currency (36,52 Bs, 18.42 unidades) are quoted in decimals. */
static bool rate_in_cents(const cctx *c, size_t i, const char *code)
{
    if (cc_is(c, i, TOK_NUMBER)) return false;
    const table_entry *e = table_get(c->lang->currencies, code);
    char rate[16];
    if (!e) return false;
    table_feature(e->features, "rate", rate, sizeof rate);
    return strcmp(rate, "decimal") != 0;
}

/* The code a currency is said by in this copy: a region's own peso is its "$" (COP 24 billones in
 * Colombia: veinticuatro billones de pesos; currencies.tsv home=), any other as written. */
static const char *home_code(const cctx *c, const char *code)
{
    const table_entry *e = table_get(c->lang->currencies, code);
    char home[16];
    if (!e || !c->region) return code;
    table_feature(e->features, "home", home, sizeof home);
    return home[0] && !strcmp(home, c->region->code) ? c->region->dollar : code;
}

static size_t money(const cctx *c, size_t i, size_t last, const char *code, const char *amount,
                    const char *scale, sem_token *out)
{
    code = home_code(c, code);
    /* a price per unit: 120,50 €/MWh, 3 €/kg */
    const char *per = "";
    bool cents = rate_in_cents(c, i, code);
    size_t ul;
    const table_entry *u;
    if (cc_eq(c, last + 1, "/") && cc_touch(c, last) && cc_touch(c, last + 1) &&
        (u = unit_at(c, last + 2, &ul))) {
        per = u->written;
        last = ul;
    } else if (cc_eq(c, last + 1, "/") && cc_touch(c, last) && cc_touch(c, last + 1) &&
               cc_cue(c, last + 2, ES_CUE_PER)) {
        per = cc_text(c, last + 2, last + 2); /* $45/litro: por litro */
        if (!per) return 0;
        last += 2;
    } else if (cc_word_is(c, cc_next(c, last), "por")) {
        size_t k = cc_next(c, cc_next(c, last)); /* 36,52 Bs por dólar: an exchange rate */
        if (cc_cue(c, k, ES_CUE_CURRENCY) && cc_ptr(c, k)[cc_len(c, k) - 1] != 's' && !cents) {
            per = cc_text(c, k, k);
            if (!per) return 0;
            last = k;
        }
    }
    /* a sign with its scale: M€ -> EUR millones */
    const char *sp = strchr(code, ' ');
    if (sp) { /* 3 mil mdd: mil millones */
        if (scale && !strcmp(scale, "mil") && !strchr(sp + 1, ' '))
            scale = "mil millones";
        else if (!scale)
            scale = sp + 1;
        code = cc_strndup(c, code, (size_t)(sp - code));
        if (!code) return 0;
    }
    size_t n = strlen(code) + strlen(amount) + (scale ? strlen(scale) : 0) + strlen(per) + 8;
    char *p = cc_alloc(c, n);
    if (!p) return 0;
    snprintf(p, n, "%s %s%s%s%s%s", code, amount, scale ? " " : "", scale ? scale : "",
             *per ? " /" : "", per);
    *out = cc_make(c, SEM_MONEY, i, last, p);
    /* Venezuela's US$ 0,50: centavos de dólar (Spain's copy, with no place seen, says centavos) */
    if (!strcmp(code, "USD") && c->region && !c->region->dollarized &&
        strcmp(c->region->code, "es-ES"))
        out->flags |= SEM_OF_DOLLAR;
    /* el euro se cotizó en Bs. 39,71, la divisa se negocia hasta en Bs 13,50: in a block on the
       dollar's price, a price of money (not the petrol's: el galón se cotiza en Q31.50) */
    for (size_t k = cc_prev(c, i), words = 0; k != CC_NONE && words < 3; k = cc_prev(c, k), words++)
        if (!cents && cc_cue(c, k, ES_CUE_RATE_VERB) && dollar_rate(c)) out->flags |= SEM_RATE;
    return last - i + 1;
}

/* The block speaks of the dollar's price: "tipo de cambio", "el dólar cerró en". */
static bool dollar_rate(const cctx *c)
{
    for (size_t k = 0; k < c->n; k++)
        if (cc_is(c, k, TOK_WORD) && cc_len(c, k) >= 6 && cc_cue(c, k, ES_CUE_DOLLAR_RATE))
            return true;
    return false;
}

/* money() from a number read by cc_read_number, keeping its decimal point (US$ 2.5 millones:
 * dos punto cinco) */
static size_t money_num(const cctx *c, size_t i, size_t last, const char *code,
                        const cc_number *num, const char *scale, sem_token *out)
{
    const char *amount = num->canon;
    bool point = num->point;
    /* S/3.350 por dólar: a rate of soles to the dollar has three decimals, never thousands */
    if (!strcmp(code, "PEN") && num->grouped && !num->decimal && strlen(amount) == 4 && !scale &&
        dollar_rate(c)) {
        char *d = cc_alloc(c, 8);
        if (!d) return 0;
        snprintf(d, 8, "%c.%s", amount[0], amount + 1);
        amount = d;
        point = cc_eq(c, num->last - 1, ".");
    }
    size_t n = money(c, i, last, code, amount, scale, out);
    if (point) out->flags |= SEM_POINT;
    return n;
}

/* pagarse en US$, cobrar en € -> WORD "dólares", "euros": a currency sign with no amount names
 * its currency (a sign with a symbol in it; USD, COP and EUR alone stay acronyms) */
static size_t lone_sign(const cctx *c, size_t i, sem_token *out)
{
    size_t last;
    if (cc_is(c, i, TOK_WORD) && !(cc_touch(c, i) && cc_is(c, i + 1, TOK_SYMBOL)))
        return 0; /* cheap first: a word is a sign only against a symbol (US$) */
    const char *code = currency_at(c, i, false, &last);
    if (!code || (i > 0 && cc_is(c, cc_prev(c, i), TOK_NUMBER)) ||
        cc_is(c, cc_next(c, last), TOK_NUMBER))
        return 0;
    bool symbol = false;
    for (size_t k = i; k <= last; k++)
        symbol = symbol || cc_is(c, k, TOK_SYMBOL);
    const table_entry *e = table_get(c->lang->currencies, code);
    const char *plural = e ? strchr(e->spoken, '|') : NULL;
    if (!symbol || !plural) return 0;
    size_t p = cc_prev(c, i); /* el $ se apreció: dólar */
    bool one = cc_word_is(c, p, "el") || cc_word_is(c, p, "del") || cc_word_is(c, p, "al") ||
               cc_word_is(c, p, "un");
    const char *said = one ? cc_strndup(c, e->spoken, (size_t)(plural - e->spoken)) : plural + 1;
    if (!said) return cc_nomem(c), 0;
    *out = cc_make(c, SEM_WORD, i, last, said);
    return last - i + 1;
}

/* 15 € -> MONEY "EUR 15"; 3,20 € -> "EUR 3.20"; US$ 3 millones -> "USD 3 millones";
 * £20 -> "GBP 20"; 1.000 millones de € -> "EUR 1000 millones" */
size_t es_rec_money(const cctx *c, size_t i, sem_token *out)
{
    size_t cl, sl;
    cc_number num;
    /* a word can only open an amount as its currency (US$ 10, USD 5): a number follows */
    if (cc_is(c, i, TOK_WORD) && !cc_number_near(c, i, 4)) return lone_sign(c, i, out);
    const char *cur = currency_at(c, i, true, &cl);
    if (cur) { /* sign first */
        size_t k = cc_touch(c, cl) ? cl + 1 : cc_next(c, cl);
        if (!cc_read_number(c, k, &num)) return lone_sign(c, i, out);
        const char *scale = scale_at(c, cc_next(c, num.last), &sl);
        size_t last = scale ? sl : num.last, wl;
        const char *named = currency_word(c, cc_next(c, last), &wl);
        bool dollar_sign = cc_eq(c, i, "$");
        const table_entry *ce = table_get(c->lang->currencies, cur);
        bool same = named && (!strcmp(named, cur) ||
                              (ce && !strcmp(named, "PESO") && !strncmp(ce->spoken, "peso ", 5)));
        if (named && ((dollar_sign && (!strcmp(named, "PESO") || !strcmp(named, "USD"))) || same))
            /* $500 pesos, S/ 25 soles, MXN$17 pesos: the currency is said once */
            return money_num(c, i, wl, dollar_sign || !strcmp(named, "PESO") ? named : cur, &num,
                             scale, out);
        size_t after = cc_next(c, last), cl2;
        const char *code =
            dollar_sign && cc_is(c, after, TOK_WORD) ? currency_at(c, after, false, &cl2) : NULL;
        if (code) /* $1,000.00 USD: the code names the dollar sign's currency */
            return money_num(c, i, cl2, code, &num, scale, out);
        /* entre $85.000 y $240.000: the currency said with each amount, as written */
        return money_num(c, i, last, cur, &num, scale, out);
    }
    if (!cc_read_number(c, i, &num)) return 0;
    cc_number to;
    if ((cc_eq(c, num.last + 1, "-") || cc_eq(c, num.last + 1, "\u2013")) &&
        cc_touch(c, num.last) && cc_touch(c, num.last + 1) && !num.decimal &&
        cc_read_number(c, num.last + 2, &to) && !to.decimal) {
        /* 10-15 €: a range of amounts, its currency said once (diez a quince euros) */
        size_t k2 = cc_touch(c, to.last) ? to.last + 1 : cc_next(c, to.last);
        if ((cur = currency_at(c, k2, false, &cl))) {
            size_t n = strlen(num.canon) + strlen(to.canon) + 2;
            char *both = cc_alloc(c, n);
            if (!both) return 0;
            snprintf(both, n, "%s-%s", num.canon, to.canon);
            return money(c, i, cl, cur, both, NULL, out);
        }
    }
    size_t k = cc_touch(c, num.last) ? num.last + 1 : cc_next(c, num.last);
    const char *scale = NULL;
    if ((cur = currency_at(c, k, false, &cl))) {
        return money_num(c, i, cl, cur, &num, NULL, out);
    }
    if ((scale = scale_at(c, k, &sl))) {
        /* 1.000 millones de €, 3 millones € */
        size_t d = cc_next(c, sl);
        if (cc_eq(c, d, "de")) d = cc_next(c, d);
        /* a sign (€, US$), or a scaled code as a word (3 mil mdd) */
        if ((cur = currency_at(c, d, false, &cl)) &&
            (!cc_is(c, d, TOK_WORD) || cl > d || strchr(cur, ' ')))
            return money_num(c, i, cl, cur, &num, scale, out);
    }
    return 0;
}

/* "ha" after a number is the verb haber when a participle follows or a name precedes the
 * number: el G20 ha acordado, el Ibex 35 ha subido, 300 ha sido (not hectáreas). */
static bool verb_ha(const cctx *c, size_t i)
{
    size_t nx = cc_next(c, i);
    if (cc_is(c, nx, TOK_WORD)) {
        char w[32];
        if (cc_len(c, nx) >= 24) return false;
        es_lower(cc_ptr(c, nx), cc_len(c, nx), w, sizeof w);
        size_t n = strlen(w);
        /* a participle: hecho, puesto, subido (morphology.tsv) */
        if (es_has_ending(c->lang, ES_MORPH_PARTICIPLE, w, n, 2)) return true;
        if (es_cue(c->lang, w, n, ES_CUE_PARTICIPLE_AUX)) return true;
    }
    size_t num = cc_prev(c, i);
    while (num != CC_NONE && num > 0 && cc_touch(c, num - 1))
        num--; /* the number's first token */
    size_t p = num == CC_NONE ? CC_NONE : cc_prev(c, num);
    if (p == CC_NONE || !cc_capitalized(c, p)) return false;
    size_t pp = cc_prev(c, p); /* a name, not the capital of a sentence's first word */
    return pp != CC_NONE && !cc_eq(c, pp, ".") &&
           !es_is_function_word(c->lang, cc_ptr(c, p), cc_len(c, p)) &&
           !es_is_verb_form(c->lang, cc_ptr(c, p), cc_len(c, p));
}

/* The point of the compass a capital letter at i names (letters.tsv compass=: S -> sur), when
 * it stands alone (40°N, 12′ S,); NULL if none. */
static const char *compass_letter(const cctx *c, size_t i)
{
    if (!cc_is(c, i, TOK_WORD) || cc_len(c, i) != 1) return NULL;
    if (cc_touch(c, i) && (cc_is(c, i + 1, TOK_WORD) || cc_is(c, i + 1, TOK_NUMBER))) return NULL;
    const table_entry *e = table_getn(c->lang->letters, cc_ptr(c, i), 1);
    char point[16] = "";
    if (!e) return NULL;
    table_feature(e->features, "compass", point, sizeof point);
    return point[0] ? cc_strdup(c, point) : NULL;
}

/* Does the block give a temperature in Fahrenheit (110 °F (43 °C))? Then °C is named too. */
static bool fahrenheit_in_block(const cctx *c)
{
    for (size_t k = 0; k + 1 < c->n; k++)
        if ((cc_eq(c, k, "°") || cc_eq(c, k, "º")) &&
            cc_word_is(c, cc_eq(c, k + 1, " ") ? k + 2 : k + 1, "f"))
            return true;
    return false;
}

/* A unit at i: "km/h", "°C", "° C", "l/m²" -> its key and last token */
static const table_entry *unit_at(const cctx *c, size_t i, size_t *last)
{
    char key[64];
    bool degree = cc_eq(c, i, "°") || cc_eq(c, i, "º");
    if (degree) {
        /* 40 °C, -8° c, 40 ° K: the scale letter may stand apart or in lower case */
        size_t s = cc_eq(c, i + 1, " ") ? i + 2 : i + 1;
        const char *scale = NULL;
        if (cc_word_is(c, s, "c")) scale = "°C";
        if (cc_word_is(c, s, "f")) scale = "°F";
        if (cc_word_is(c, s, "k")) scale = "°K";
        if (scale &&
            !(cc_touch(c, s) && (cc_is(c, s + 1, TOK_WORD) || cc_is(c, s + 1, TOK_NUMBER)))) {
            *last = s;
            if (!strcmp(scale, "°C") && fahrenheit_in_block(c)) scale = "°C~F";
            return table_get(c->lang->units, scale);
        }
        if (cc_touch(c, i) && cc_is(c, i + 1, TOK_WORD) && !compass_letter(c, i + 1)) return NULL;
        *last = i;
        return table_get(c->lang->units, "°");
    }
    size_t k = longest_key(c, c->lang->units, i, false, key, sizeof key);
    if (k == CC_NONE) return NULL;
    if (!strcmp(key, "ha") && verb_ha(c, i)) return NULL; /* el Nasdaq 100 ha cerrado */
    if (cc_touch(c, k) && (cc_is(c, k + 1, TOK_WORD) || cc_is(c, k + 1, TOK_NUMBER))) return NULL;
    /* "2 m." is metres at a sentence end; "h." too: the point stays the sentence's; but
     * "5 min. después", "2 pts. del líder", "38 pts., dos más": a point a lower-case word or a
     * comma follows is the unit's */
    *last = k;
    size_t after = cc_next(c, k + 1);
    bool word_after =
        cc_is(c, after, TOK_WORD) && !utf8_starts_upper(cc_ptr(c, after), cc_len(c, after));
    bool mark_after = cc_touch(c, k + 1) && (cc_eq(c, k + 2, ",") || cc_eq(c, k + 2, ";") ||
                                             cc_eq(c, k + 2, ")")); /* 38 pts., dos más */
    if (cc_eq(c, k + 1, ".") && cc_touch(c, k) && (word_after || mark_after)) *last = k + 1;
    return table_get(c->lang->units, key);
}

/* ' ’ ′: minutes (45+2', 2' 45") */
static bool is_minute_mark(const char *u)
{
    return !strcmp(u, "'") || !strcmp(u, "\u2019") || !strcmp(u, "\u2032");
}

/* Is the token at k a minute mark (is_minute_mark), without copying it? */
static bool minute_mark_at(const cctx *c, size_t k)
{
    return cc_eq(c, k, "'") || cc_eq(c, k, "\u2019") || cc_eq(c, k, "\u2032");
}

static bool is_time_unit(const char *u)
{
    return !strcmp(u, "h") || !strcmp(u, "min") || !strcmp(u, "s") || !strcmp(u, "seg") ||
           is_minute_mark(u) || !strcmp(u, "\u2033") || !strcmp(u, "''");
}

const table_entry *es_unit_symbol(const es_lang *lang, const char *w, size_t n)
{
    if (n == 2 && !memcmp(w, "ha", 2)) return NULL; /* the verb (ha sido), not hectáreas */
    const table_entry *u = table_getn(lang->units, w, n);
    if (!u) return NULL;
    size_t len = strlen(u->written); /* mes|meses, barril|barriles: already words */
    bool word = !strncmp(u->spoken, u->written, len) && (!u->spoken[len] || u->spoken[len] == '|');
    return word ? NULL : u;
}

bool es_after_scale_de(const cctx *c, size_t i)
{
    size_t de = cc_prev(c, i), scale = de == CC_NONE ? CC_NONE : cc_prev(c, de);
    return cc_word_is(c, de, "de") && scale != CC_NONE &&
           (cc_cue(c, scale, ES_CUE_SCALE_NOUN) || cc_word_is(c, scale, "miles"));
}

/* 2,4 MM t -> ABBREVIATION "millones de toneladas": MM (millones in Andean and Chilean copy)
 * after a number, before a unit symbol or alone (2,4 MM de barriles: millones) */
static size_t millions_mm(const cctx *c, size_t i, sem_token *out)
{
    if (!cc_eq(c, i, "MM") || !cc_is(c, cc_prev(c, i), TOK_NUMBER)) return 0;
    size_t nx = cc_next(c, i), last = nx;
    const table_entry *u = unit_at(c, nx, &last);
    if (u && (!es_unit_symbol(c->lang, u->written, strlen(u->written)) ||
              cc_is(c, cc_next(c, last), TOK_NUMBER)))
        u = NULL;
    const char *bar = u ? strchr(u->spoken, '|') : NULL;
    const char *plural = !u ? "" : bar ? bar + 1 : u->spoken;
    size_t n = strlen(plural) + 16;
    char *said = cc_alloc(c, n);
    if (!said) return 0;
    snprintf(said, n, "millones%s%s", u ? " de " : "", plural);
    *out = cc_make(c, SEM_ABBREVIATION, i, u ? last : i, said);
    return (u ? last : i) - i + 1;
}

/* 22 mil ha, 4 mil km: a unit symbol after a number's "mil" (said in the plural) */
bool es_after_number_mil(const cctx *c, size_t i)
{
    size_t mil = cc_prev(c, i);
    return cc_word_is(c, mil, "mil") && cc_is(c, cc_prev(c, mil), TOK_NUMBER);
}

/* el kWh de consumo, por km -> ABBREVIATION "kilovatio hora": a unit named without a number */
size_t es_rec_unit_word(const cctx *c, size_t i, sem_token *out)
{
    size_t millions = millions_mm(c, i, out);
    if (millions) return millions;
    /* unit-article words (cues.tsv) have four bytes at most: es_plain_word looks units up
     * only after such a word, or after "millones de" (then the plural: millones de km) */
    bool scaled = es_after_scale_de(c, i) || es_after_number_mil(c, i);
    bool power = cc_touch(c, i) && (cc_eq(c, i + 1, "²") || cc_eq(c, i + 1, "³")); /* m² */
    if (!scaled && ((cc_len(c, i) < 2 && !power) || !cc_cue(c, cc_prev(c, i), ES_CUE_UNIT_ARTICLE)))
        return 0;
    size_t last = i;
    const table_entry *u = NULL;
    if (scaled) { /* millones de m³ (a symbol of two tokens), de ha (never the verb here) */
        u = cc_word_is(c, i, "ha") ? table_get(c->lang->units, "ha") : unit_at(c, i, &last);
        if (u && strcmp(u->written, "ha") &&
            !es_unit_symbol(c->lang, u->written, strlen(u->written)))
            return 0; /* a unit written as a word already: millones de meses */
    } else if (!cc_touch(c, i) || cc_is(c, i + 1, TOK_PUNCT)) {
        u = es_unit_symbol(c->lang, cc_ptr(c, i), cc_len(c, i));
    } else if (power) {
        u = unit_at(c, i, &last); /* el m² de un departamento */
        if (u && last != i + 1) u = NULL;
    }
    if (!u || cc_is(c, cc_next(c, last), TOK_NUMBER)) return 0;
    char alone[4];
    table_feature(u->features, "alone", alone, sizeof alone);
    if (!strcmp(alone, "0")) return 0; /* el MP pidió: an acronym, not megapíxel */
    const char *bar = strchr(u->spoken, '|');
    const char *said = !bar     ? u->spoken
                       : scaled ? cc_strdup(c, bar + 1)
                                : cc_strndup(c, u->spoken, (size_t)(bar - u->spoken));
    *out = cc_make(c, SEM_ABBREVIATION, i, last, said);
    return last - i + 1;
}

/* euros/m², personas/km² -> ABBREVIATION "por metro cuadrado": a slash between a word and a
 * unit symbol (a number's unit is es_rec_measure's: 3 €/kg, 15 km/l) */
size_t es_rec_per_unit(const cctx *c, size_t i, sem_token *out)
{
    size_t last;
    const table_entry *u;
    if (!cc_eq(c, i, "/") || i == 0 || !cc_is(c, i - 1, TOK_WORD) || !cc_touch(c, i - 1) ||
        !cc_touch(c, i) || cc_len(c, i - 1) < 3 || !(cc_ptr(c, i - 1)[0] >= 'a') ||
        es_unit_symbol(c->lang, cc_ptr(c, i - 1), cc_len(c, i - 1)) ||
        !(u = unit_at(c, i + 1, &last)))
        return 0;
    const char *bar = strchr(u->spoken, '|');
    size_t n = bar ? (size_t)(bar - u->spoken) : strlen(u->spoken);
    char *said = cc_alloc(c, n + 5);
    if (!said) return 0;
    snprintf(said, n + 5, "por %.*s", (int)n, u->spoken);
    *out = cc_make(c, SEM_ABBREVIATION, i, last, said);
    return last - i + 1;
}

/* a 1:12 del líder, con 0:45 de ventaja, aventaja en 1:14 -> MEASURE "1 min 12 s": a gap in a
 * race, not a clock */
size_t es_rec_gap(const cctx *c, size_t i, sem_token *out)
{
    unsigned m, sec;
    if (!cc_small(c, i, 2, 0, 59, &m) || !cc_eq(c, i + 1, ":") || !cc_touch(c, i) ||
        !cc_touch(c, i + 1) || cc_len(c, i + 2) != 2 || !cc_small(c, i + 2, 2, 0, 59, &sec))
        return 0;
    if (cc_touch(c, i + 2) && !cc_is(c, i + 3, TOK_PUNCT)) return 0;
    if (cc_touch(c, i + 2) &&
        (cc_eq(c, i + 3, ":") || (cc_eq(c, i + 3, ".") && cc_touch(c, i + 3))))
        return 0; /* 1:12:30, 1:12.5; not the sentence's end (a 3:31.) */
    size_t before = cc_prev(c, i);
    bool lead = (cc_word_is(c, before, "en") && /* aventaja en 1:14 */
                 cc_cue(c, cc_prev(c, before), ES_CUE_GAP_VERB)) ||
                (cc_word_is(c, before, "a") && /* su ventaja en el Tour a 3:31 */
                 cc_cue_before(c, before, 6, ES_CUE_GAP));
    if (lead && cc_cue(c, cc_next(c, i + 2), ES_CUE_HOUR_WORD)) return 0; /* supera en 10:30 h */
    if (!lead && !cc_cue(c, before, ES_CUE_GAP_BEFORE)) return 0;
    size_t de = cc_next(c, i + 2), what = cc_next(c, de);
    /* a 1:45 del suizo Schurter: any rider after del, unless a range ends there (de 8:00 a 10:30)
     */
    bool rider = cc_word_is(c, de, "del") && !cc_is(c, cc_prev(c, before), TOK_NUMBER);
    /* con 2:10 sobre Vingegaard: a rival named after sobre */
    rider = rider || (cc_word_is(c, de, "sobre") && cc_capitalized(c, what));
    if (!lead && !(cc_cue(c, de, ES_CUE_GAP_OF) && cc_cue(c, what, ES_CUE_GAP)) && !rider) return 0;
    char *p = cc_alloc(c, 24);
    if (!p) return 0;
    if (m)
        snprintf(p, 24, "%u min %u s", m, sec);
    else
        snprintf(p, 24, "%u s", sec);
    *out = cc_make(c, SEM_MEASURE, i, i + 2, p);
    return 3;
}

/* One minute of a match at i (27', 90+4'): the token of its mark, with the minute and the added
 * time; CC_NONE when there is none. */
static size_t minute_at(const cctx *c, size_t i, unsigned *minute, unsigned *added)
{
    size_t k = i + 1;
    *added = 0;
    if (!cc_small(c, i, 3, 1, 150, minute) || !cc_touch(c, i)) return CC_NONE;
    if (cc_eq(c, k, "+") && cc_touch(c, k) && cc_small(c, k + 1, 2, 1, 30, added) &&
        cc_touch(c, k + 1))
        k += 2;
    if (!minute_mark_at(c, k) || (cc_touch(c, k) && !cc_is(c, k + 1, TOK_PUNCT)) ||
        (cc_touch(c, k) && cc_eq(c, k + 1, "\"")))
        return CC_NONE;
    return k;
}

/* A minute and its added time in words: noventa más cuatro. */
static bool say_minute(const cctx *c, unsigned minute, unsigned added, strbuf *b)
{
    const table_entry *plus = table_get(c->lang->symbols, "+");
    const es_numbers *num = &c->lang->num;
    return plus && es_cardinal(num, b, minute, ES_MASC, false) &&
           (!added || (sb_word(b, plus->spoken) && es_cardinal(num, b, added, ES_MASC, false)));
}

/* Henry Martín (17' y 88') -> ABBREVIATION "minutos diecisiete y ochenta y ocho": the minutes
 * of a scorer's goals in brackets, from the first at i (after "("); 0 when fewer than two. */
static size_t minute_list(const cctx *c, size_t i, sem_token *out)
{
    size_t k = i, last = CC_NONE, count = 0, mark;
    unsigned minute, added;
    while ((mark = minute_at(c, k, &minute, &added)) != CC_NONE) {
        last = mark;
        count++;
        size_t nx = cc_next(c, mark);
        if (!cc_eq(c, nx, ",") && !cc_word_is(c, nx, "y")) break;
        k = cc_next(c, nx);
    }
    if (count < 2 || !cc_eq(c, cc_next(c, last), ")")) return 0;
    const table_entry *unit = table_get(c->lang->units, "'");
    const char *plural = unit ? strchr(unit->spoken, '|') : NULL;
    strbuf b = {0};
    bool ok = true;
    for (k = i; ok; k = cc_next(c, cc_next(c, mark))) {
        mark = minute_at(c, k, &minute, &added);
        ok = say_minute(c, minute, added, &b);
        if (mark == last) break;
        ok = ok && sb_puts(&b, cc_word_is(c, cc_next(c, mark), "y") ? " y" : ",");
    }
    /* "minutos" put before the numbers last (a strbuf's first growth stays a realloc) */
    size_t size = ok ? b.len + 16 : 0;
    char *said = ok ? cc_alloc(c, size) : NULL;
    if (said) snprintf(said, size, "%s %s", plural ? plural + 1 : "minutos", b.data);
    sb_free(&b);
    if (!said) return cc_nomem(c), 0;
    *out = cc_make(c, SEM_ABBREVIATION, i, last, said);
    return last - i + 1;
}

/* al 27', en el 90+4' -> ABBREVIATION "minuto veintisiete", "minuto noventa más cuatro": the
 * minute of a match after al, el, del or minuto, said as sports broadcasters say it */
size_t es_rec_match_minute(const cctx *c, size_t i, sem_token *out)
{
    size_t p = cc_prev(c, i);
    size_t listed = cc_eq(c, p, "(") ? minute_list(c, i, out) : 0;
    if (listed) return listed;
    bool named = cc_word_is(c, p, "minuto"); /* en el minuto 45+2': said once */
    unsigned minute, added;
    size_t k = minute_at(c, i, &minute, &added);
    if (k == CC_NONE ||
        !(named || cc_word_is(c, p, "al") || cc_word_is(c, p, "el") || cc_word_is(c, p, "del") ||
          cc_eq(c, p, "("))) /* Barcos (34'): the minute of a goal after its scorer */
        return 0;
    const table_entry *unit = table_getn(c->lang->units, cc_ptr(c, k), cc_len(c, k)); /* ' ’ */
    if (!unit) return 0;
    strbuf b = {0};
    bool ok = (named || sb_wordn(&b, unit->spoken, strcspn(unit->spoken, "|"))) && /* minuto */
              say_minute(c, minute, added, &b);
    char *said = ok ? cc_strdup(c, b.data) : NULL;
    sb_free(&b);
    if (!said) return cc_nomem(c), 0;
    *out = cc_make(c, SEM_ABBREVIATION, i, k, said);
    return k - i + 1;
}

/* 62° 12′ S -> WORD "sur": a coordinate's hemisphere after its degrees, minutes or seconds */
size_t es_rec_compass(const cctx *c, size_t i, sem_token *out)
{
    size_t mark = cc_prev(c, i);
    if (mark == CC_NONE || (!cc_is(c, mark, TOK_PUNCT) && !cc_is(c, mark, TOK_SYMBOL))) return 0;
    if (mark == 0 || !cc_is(c, mark - 1, TOK_NUMBER) || !cc_touch(c, mark - 1)) return 0;
    if (!(minute_mark_at(c, mark) || cc_eq(c, mark, "°") || cc_eq(c, mark, "º") ||
          cc_eq(c, mark, "\"") || cc_eq(c, mark, "\u2033") || cc_eq(c, mark, "\u201d")))
        return 0;
    const char *point = compass_letter(c, i);
    if (!point) return 0;
    *out = cc_make(c, SEM_WORD, i, i, point);
    return 1;
}

/* 140/90 mmHg -> WORD "ciento cuarenta sobre noventa milímetros de mercurio" (units.tsv pair=) */
static size_t pair_measure(const cctx *c, size_t i, size_t last, const char *amount,
                           const char *slash, const char *pair, const table_entry *u,
                           sem_token *out)
{
    const es_numbers *num = &c->lang->num;
    const char *plural = strchr(u->spoken, '|');
    strbuf b = {0};
    bool ok = es_cardinal(num, &b, strtoull(amount, NULL, 10), ES_MASC, false) &&
              sb_word(&b, pair) &&
              es_cardinal(num, &b, strtoull(slash + 1, NULL, 10), ES_MASC, false) &&
              sb_word(&b, plural ? plural + 1 : u->spoken);
    char *said = ok ? cc_strdup(c, b.data) : NULL;
    sb_free(&b);
    if (!said) return cc_nomem(c), 0;
    *out = cc_make(c, SEM_WORD, i, last, said);
    return last - i + 1;
}

/* Is a screen or a wheel named in the few words before i (televisor de 65", rin 17'')? */
static bool screen_before(const cctx *c, size_t i)
{
    size_t k = i;
    for (int words = 0; words < 4 && (k = cc_prev(c, k)) != CC_NONE; words++)
        if (cc_cue(c, k, ES_CUE_SCREEN)) return true;
    return false;
}

/* 120 km/h -> MEASURE "120 km/h"; -2 °C -> "-2 °C"; 60 l/m² -> "60 l/m²"; 1 1/2 m -> "1 1/2 m";
 * 30-35 °C -> "30-35 °C" */
size_t es_rec_measure(const cctx *c, size_t i, sem_token *out)
{
    char *amount;
    size_t last;
    cc_number num = {0};
    if (!cc_read_fraction(c, i, &amount, &last)) {
        if (!cc_read_number(c, i, &num)) return 0;
        amount = num.canon;
        last = num.last;
        cc_number to;
        if ((cc_eq(c, last + 1, "-") || cc_eq(c, last + 1, "–")) && cc_touch(c, last) &&
            cc_touch(c, last + 1) && cc_is(c, last + 2, TOK_NUMBER) &&
            cc_read_number(c, last + 2, &to)) {
            /* 30-35 °C: a range with its unit */
            size_t n = strlen(num.canon) + strlen(to.canon) + 2;
            if (!(amount = cc_alloc(c, n))) return 0;
            snprintf(amount, n, "%s-%s", num.canon, to.canon);
            last = to.last;
            num.point |= to.point;
        }
    }
    size_t k = cc_touch(c, last) ? last + 1 : last + 1 + cc_eq(c, last + 1, " ");
    size_t ul;
    const table_entry *u = unit_at(c, k, &ul);
    bool seconds_mark = u ? !strcmp(u->written, "''") || !strcmp(u->written, "\u2033")
                          : cc_touch(c, last) && (cc_eq(c, k, "\"") || cc_eq(c, k, "\u201d"));
    if (seconds_mark && screen_before(c, i)) { /* una pantalla de 55'': pulgadas */
        if (!u) ul = k;
        u = table_get(c->lang->units, "pulg.");
    }
    if (!u) return 0;
    if (!strcmp(u->written, "K") && cc_touch(c, last))
        return 0;  /* la 10K is a race, 1.500 K kelvin */
    char pair[16]; /* 140/90 mmHg: two readings joined, ciento cuarenta sobre noventa */
    table_feature(u->features, "pair", pair, sizeof pair);
    const char *slash = strchr(amount, '/');
    if (pair[0] && slash && amount[0] != '-' && !strchr(amount, ' '))
        return pair_measure(c, i, ul, amount, slash, pair, u, out);
    /* los 70s, los 1980s: a decade, not seconds */
    size_t nd = strlen(amount);
    if (!strcmp(u->written, "s") && cc_touch(c, last) && amount[nd - 1] == '0' &&
        (nd == 2 || nd == 4) && cc_cue(c, cc_prev(c, i), ES_CUE_DECADE_BEFORE))
        return 0;
    /* los 90': a decade too; a los 90' is the minute; al 93', el 45': the minute said bare */
    bool minute_mark = is_minute_mark(u->written);
    size_t before = cc_prev(c, i);
    if (minute_mark &&
        ((amount[nd - 1] == '0' && nd == 2 && cc_cue(c, before, ES_CUE_DECADE_BEFORE) &&
          !cc_word_is(c, cc_prev(c, before), "a")) ||
         cc_word_is(c, before, "al") || cc_word_is(c, before, "el")))
        return 0;
    strbuf b = {0};
    bool ok = sb_printf(&b, "%s %s", amount, u->written);
    /* a unit per another: 15 km/l, 3 mg/l (said "kilómetros por litro") */
    size_t per_last;
    const table_entry *per = cc_eq(c, ul + 1, "/") && cc_touch(c, ul) && cc_touch(c, ul + 1)
                                 ? unit_at(c, ul + 2, &per_last)
                                 : NULL;
    if (per && !strchr(u->written, '/') && !strchr(per->written, '/')) {
        ok = ok && sb_printf(&b, "/%s", per->written);
        ul = per_last;
        u = per;
    }
    /* a duration goes on: 2 h 30 min, 15 h 10 min 40 s */
    while (is_time_unit(u->written)) {
        size_t k2 = cc_next(c, ul), ul2;
        if (!cc_is(c, k2, TOK_NUMBER) || cc_len(c, k2) > 2) break;
        size_t uk = cc_touch(c, k2) ? k2 + 1 : k2 + 1 + cc_eq(c, k2 + 1, " ");
        const table_entry *u2 = unit_at(c, uk, &ul2);
        if (!u2 && cc_touch(c, k2) && (cc_eq(c, uk, "\"") || cc_eq(c, uk, "\u201d")) &&
            is_minute_mark(u->written))
            u2 = table_get(c->lang->units, "\u2033"),
            ul2 = uk; /* 2' 45": a straight " is seconds */
        if (u2 && !strcmp(u->written, "h") && !strcmp(u2->written, "m"))
            u2 = table_get(c->lang->units, "min"); /* 2h 41m: after hours, m is minutes */
        if (!u2 || !is_time_unit(u2->written) || !strcmp(u2->written, u->written)) break;
        ok = ok && sb_printf(&b, " %.*s %s", (int)cc_len(c, k2), cc_ptr(c, k2), u2->written);
        u = u2;
        ul = ul2;
    }
    *out = cc_make(c, SEM_MEASURE, i, ul, cc_take(c, &b, ok));
    if (num.point) out->flags |= SEM_POINT;
    if (cc_alone(c, i, ul)) out->flags |= SEM_ALONE;
    return ul - i + 1;
}
