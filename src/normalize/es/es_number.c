/* es_number.c - builds Spanish number words: 451 f -> cuatrocientas cincuenta y una; 25 ->
 * vigesimoquinto. */
#include "es_number.h"

#include <stdio.h>
#include <string.h>

/* ---- loading numbers.tsv ---- */

typedef struct {
    es_numbers *num;
    const table *t;
    const char *path;
    strbuf *err;
    size_t before; /* err's length before loading: a reason is written once */
    size_t used;   /* rows read */
    size_t pooled;
} num_load;

/* Copies n bytes of s into the pool as a string; NULL when the pool is full. */
static const char *pool_copy(num_load *l, const char *s, size_t n)
{
    if (l->pooled + n + 1 > sizeof l->num->pool) {
        if (l->err->len == l->before) sb_printf(l->err, "%s: too many feature values", l->path);
        return NULL;
    }
    char *p = l->num->pool + l->pooled;
    memcpy(p, s, n);
    p[n] = '\0';
    l->pooled += n + 1;
    return p;
}

/* The row named key ("cardinal:21"), or NULL after writing which is missing into err. */
static const table_entry *row(num_load *l, const char *key)
{
    const table_entry *e = table_get(l->t, key);
    if (e)
        l->used++;
    else if (l->err->len == l->before)
        sb_printf(l->err, "%s: no %s row (see the file's header)", l->path, key);
    return e;
}

/* The spoken word of row key, or NULL (missing). */
static const char *word(num_load *l, const char *kind, unsigned long long value)
{
    char key[64];
    snprintf(key, sizeof key, "%s:%llu", kind, value);
    const table_entry *e = row(l, key);
    return e ? e->spoken : NULL;
}

/* The feature name= of row kind:value copied into the pool; dflt when the row has none. */
static const char *feature(num_load *l, const char *kind, unsigned long long value,
                           const char *name, const char *dflt)
{
    char key[64], v[128];
    snprintf(key, sizeof key, "%s:%llu", kind, value);
    const table_entry *e = table_get(l->t, key);
    if (!e) return dflt;
    table_feature(e->features, name, v, sizeof v);
    return v[0] ? pool_copy(l, v, strlen(v)) : dflt;
}

/* "one|several" of a scale row split into two strings. */
static bool split_scale(num_load *l, unsigned k, const char *forms)
{
    const char *bar = forms ? strchr(forms, '|') : NULL;
    if (!bar) {
        if (forms && l->err->len == l->before)
            sb_printf(l->err, "%s: cardinal of 10^%u: expected one|several (un millón|millones)",
                      l->path, 6 * k);
        return false;
    }
    l->num->scale[k][0] = pool_copy(l, forms, (size_t)(bar - forms));
    l->num->scale[k][1] = bar + 1;
    return l->num->scale[k][0] != NULL;
}

/* Every cardinal row; false when one is missing. */
static bool load_cardinals(num_load *l)
{
    es_numbers *num = l->num;
    bool ok = true;
    for (unsigned v = 0; v < 30; v++) {
        const char *w = word(l, "cardinal", v);
        num->card[v][ES_MASC] = w;
        num->card[v][ES_FEM] = feature(l, "cardinal", v, "fem", w);
        num->card[v][2] = feature(l, "cardinal", v, "apocope", w);
        ok = ok && w;
    }
    for (unsigned t = 3; t < 10; t++)
        ok = (num->tens[t] = word(l, "cardinal", t * 10)) && ok;
    for (unsigned h = 1; h < 10; h++) {
        const char *w = word(l, "cardinal", h * 100);
        num->hundreds[h][ES_MASC] = w;
        num->hundreds[h][ES_FEM] = feature(l, "cardinal", h * 100, "fem", w);
        ok = ok && w;
    }
    num->hundred_alone = feature(l, "cardinal", 100, "alone", num->hundreds[1][ES_MASC]);
    ok = (num->thousand = word(l, "cardinal", 1000)) && ok;
    unsigned long long power = 1000000ULL;
    for (unsigned k = 1; k < 4; k++, power *= 1000000ULL)
        ok = split_scale(l, k, word(l, "cardinal", power)) && ok;
    const table_entry *and_row = row(l, "and");
    char glued[8];
    table_feature(and_row ? and_row->features : "", "glued", glued, sizeof glued);
    num->and_word = and_row ? and_row->spoken : NULL;
    num->and_glued = glued[0] && !glued[1] ? glued[0] : 0;
    if (and_row && !num->and_glued && l->err->len == l->before)
        sb_printf(l->err, "%s: and: expected glued=LETTER (y -> i: treintaiún)", l->path);
    return ok && num->and_glued;
}

/* Every ordinal and partitive row; false when one is missing. */
static bool load_ordinals(num_load *l)
{
    es_numbers *num = l->num;
    bool ok = true;
    for (unsigned v = 1; v <= 12; v++) {
        num->ord[v][0] = word(l, "ordinal", v);
        num->ord[v][1] = feature(l, "ordinal", v, "apocope", NULL);
        ok = ok && num->ord[v][0];
    }
    l->used--; /* ordinal:10 is read twice */
    for (unsigned t = 1; t < 10; t++) {
        num->ord_tens[t][0] = word(l, "ordinal", t * 10);
        num->ord_tens[t][1] = feature(l, "ordinal", t * 10, "compound", NULL);
        ok = ok && num->ord_tens[t][0] && (t > 2 || num->ord_tens[t][1]);
    }
    for (unsigned h = 1; h < 10; h++)
        ok = (num->ord_hundreds[h] = word(l, "ordinal", h * 100)) && ok;
    ok = (num->ord_thousand = word(l, "ordinal", 1000)) && ok;
    ok = (num->ord_million = word(l, "ordinal", 1000000)) && ok;
    for (unsigned d = 2; d <= 10; d++) {
        num->part[d][0] = word(l, "partitive", d);
        num->part[d][1] = feature(l, "partitive", d, "fem", NULL);
        ok = ok && num->part[d][0];
    }
    const table_entry *ending = row(l, "partitive-ending");
    num->part_ending = ending ? ending->spoken : NULL;
    return ok && ending;
}

loc_status es_numbers_load(es_numbers *num, const table *t, const char *path, strbuf *err)
{
    memset(num, 0, sizeof *num);
    num_load l = {num, t, path, err, err->len, 0, 0};
    bool ok = load_cardinals(&l) && load_ordinals(&l) && err->len == l.before;
    if (ok && l.used != table_count(t)) {
        sb_printf(err, "%s: %zu row(s) the speller does not read (see the file's header)", path,
                  table_count(t) - l.used);
        ok = false;
    }
    if (!ok && err->len == l.before) sb_printf(err, "%s: a malformed row", path);
    return ok ? LOC_OK : LOC_ERR_DATA;
}

/* ---- cardinals ---- */

/* Starts a new word: a space unless out is empty or already ends in one. */
static bool sb_word_start(strbuf *out)
{
    return out->len == 0 || out->data[out->len - 1] == ' ' || sb_putc(out, ' ');
}

/* 0 < n < 1000 */
static bool below_thousand(const es_numbers *num, strbuf *out, unsigned n, es_gender g,
                           bool apocope)
{
    bool ok = true;
    unsigned h = n / 100, rest = n % 100;
    int form = g == ES_FEM ? ES_FEM : apocope ? 2 : ES_MASC; /* una, un, uno */
    if (h == 1)
        ok = sb_word(out, rest ? num->hundreds[1][ES_MASC] : num->hundred_alone);
    else if (h > 1)
        ok = sb_word(out, num->hundreds[h][g]);
    if (!rest || !ok) return ok;
    if (rest < 30) return sb_word(out, num->card[rest][rest == 1 || rest == 21 ? form : ES_MASC]);
    ok = sb_word(out, num->tens[rest / 10]);
    if (rest % 10 == 0 || !ok) return ok;
    return sb_word(out, num->and_word) &&
           sb_word(out, num->card[rest % 10][rest % 10 == 1 ? form : ES_MASC]);
}

/* 0 < n < 1 000 000: thousands agree with the noun and take apocope before "mil". */
static bool below_million(const es_numbers *num, strbuf *out, unsigned n, es_gender g, bool apocope)
{
    unsigned th = n / 1000, rest = n % 1000;
    bool ok = true;
    if (th == 1)
        ok = sb_word(out, num->thousand);
    else if (th > 1)
        ok = below_thousand(num, out, th, g, true) && sb_word(out, num->thousand);
    if (rest && ok) ok = below_thousand(num, out, rest, g, apocope);
    return ok;
}

bool es_cardinal_str(const es_numbers *num, strbuf *out, const char *digits, es_gender g,
                     bool apocope)
{
    char d[ES_DIGITS_MAX + 1];
    size_t n = 0;
    for (const char *p = digits; *p; p++)
        if (*p >= '0' && *p <= '9') {
            if (n == 0 && *p == '0') continue; /* leading zeros */
            if (n == ES_DIGITS_MAX) return false;
            d[n++] = *p;
        }
    if (n == 0) return sb_word(out, num->card[0][ES_MASC]);
    /* groups of six digits from the right: units, millones, billones, trillones */
    size_t groups = (n + 5) / 6;
    bool ok = true;
    for (size_t k = groups; k-- > 0 && ok;) {
        size_t end = n - 6 * k, start = end >= 6 ? end - 6 : 0;
        unsigned v = 0;
        for (size_t i = start; i < end; i++)
            v = v * 10 + (unsigned)(d[i] - '0');
        if (!v) continue;
        if (k == 0)
            ok = below_million(num, out, v, g, apocope);
        else if (v == 1)
            ok = sb_word(out, num->scale[k][0]);
        else
            ok = below_million(num, out, v, ES_MASC, true) && sb_word(out, num->scale[k][1]);
    }
    return ok;
}

bool es_cardinal(const es_numbers *num, strbuf *out, unsigned long long n, es_gender g,
                 bool apocope)
{
    char d[24];
    snprintf(d, sizeof d, "%llu", n);
    return es_cardinal_str(num, out, d, g, apocope);
}

bool es_digits(const es_numbers *num, strbuf *out, const char *digits, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (digits[i] >= '0' && digits[i] <= '9' &&
            !sb_word(out, num->card[digits[i] - '0'][ES_MASC]))
            return false;
    return true;
}

bool es_parse_digits(const char *s, size_t n, unsigned long long *value)
{
    unsigned long long v = 0;
    int count = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '.' || s[i] == ' ') continue;
        if (s[i] < '0' || s[i] > '9' || ++count > 15) return false;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    *value = v;
    return count > 0;
}

/* ---- ordinals (RAE, Ortografía 2010 §3.3) ---- */

static bool glued(const es_numbers *num, strbuf *out, unsigned long long n);

/* Appends first then second as one word, dropping first's last letter when second starts with
 * it: decimo + octavo -> decimoctavo, treinta + avo -> treintavo. */
static bool compound(strbuf *out, const char *first, size_t n, const char *second)
{
    if (n && first[n - 1] == second[0]) n--;
    return sb_append(out, first, n) && sb_puts(out, second);
}

/* k times a power word as one word: (2, milésimo) -> dosmilésimo; (1, ...) -> milésimo */
static bool round_word(const es_numbers *num, strbuf *out, unsigned long long k, const char *suffix,
                       es_gender g)
{
    bool ok = sb_word_start(out);
    if (ok && k > 1) ok = glued(num, out, k);
    ok = ok && sb_puts(out, suffix);
    if (ok && g == ES_FEM) out->data[out->len - 1] = 'a';
    return ok;
}

/* Appends word w; in the feminine its final -o becomes -a (vigesimoprimero -> vigesimoprimera). */
static bool ord_word(strbuf *out, const char *w, es_gender g)
{
    if (!sb_word(out, w)) return false;
    if (g == ES_FEM && out->len && out->data[out->len - 1] == 'o') out->data[out->len - 1] = 'a';
    return true;
}

/* 0 < n < 1000: 134 -> centésimo trigésimo cuarto; 11 -> undécimo; 28 -> vigesimoctavo */
static bool ord_below_thousand(const es_numbers *num, strbuf *out, unsigned n, es_gender g)
{
    unsigned h = n / 100, t = n % 100 / 10, u = n % 10;
    if (h && !ord_word(out, num->ord_hundreds[h], g)) return false;
    if (t == 1 && (u == 1 || u == 2) && !h) return ord_word(out, num->ord[10 + u][0], g);
    if (t == 1 || t == 2) {
        if (!u) return ord_word(out, num->ord_tens[t][0], g);
        /* one word: decimotercero, vigesimoprimero, decimoctavo */
        const char *stem = num->ord_tens[t][1];
        if (!sb_word_start(out) || !compound(out, stem, strlen(stem), num->ord[u][0])) return false;
        if (g == ES_FEM && out->data[out->len - 1] == 'o') out->data[out->len - 1] = 'a';
        return true;
    }
    if (t && !ord_word(out, num->ord_tens[t][0], g)) return false;
    return !u || ord_word(out, num->ord[u][0], g);
}

/* Apocope of a final ordinal before a masculine noun: primero -> primer, decimotercero ->
 * decimotercer. */
static bool ord_apocope(const es_numbers *num, strbuf *out, size_t from)
{
    for (unsigned u = 1; u < 10; u++) {
        const char *full = num->ord[u][0], *cut = num->ord[u][1];
        if (!cut) continue;
        size_t n = strlen(full);
        if (out->len - from < n || strcmp(out->data + out->len - n, full) != 0) continue;
        out->len -= n;
        out->data[out->len] = '\0';
        return sb_puts(out, cut);
    }
    return true;
}

bool es_ordinal_str(const es_numbers *num, strbuf *out, const char *digits, es_gender g,
                    bool apocope)
{
    char d[ES_DIGITS_MAX + 1];
    size_t n = 0;
    for (const char *p = digits; *p; p++)
        if (*p >= '0' && *p <= '9' && !(n == 0 && *p == '0') && n < ES_DIGITS_MAX) d[n++] = *p;
    if (n == 0 || n > 12) return false;
    d[n] = '\0';
    unsigned long long v = 0;
    for (size_t i = 0; i < n; i++)
        v = v * 10 + (unsigned)(d[i] - '0');
    size_t before = out->len;
    unsigned long long mill = v / 1000000ULL, th = v / 1000 % 1000;
    unsigned rest = (unsigned)(v % 1000);
    /* round multiples form one word: 2000 -> dosmilésimo, 100 000 -> cienmilésimo */
    bool ok = (!mill || round_word(num, out, mill, num->ord_million, g)) &&
              (!th || round_word(num, out, th, num->ord_thousand, g));
    if (ok && rest) ok = ord_below_thousand(num, out, rest, g);
    if (ok && apocope && g == ES_MASC) ok = ord_apocope(num, out, before);
    return ok;
}

bool es_ordinal(const es_numbers *num, strbuf *out, unsigned long long n, es_gender g, bool apocope)
{
    char d[24];
    snprintf(d, sizeof d, "%llu", n);
    if (apocope && g == ES_MASC && n % 100 == 11) {
        /* 11.er -> decimoprimer (undécimo has no apocope) */
        if (n >= 100 && !es_ordinal(num, out, n - n % 100, g, false)) return false;
        return sb_word(out, num->ord[11][1]);
    }
    return es_ordinal_str(num, out, d, g, apocope);
}

/* ---- partitives (fractions) ---- */

/* Appends the cardinal of n glued into one word with the accent removed from a final
 * stressed vowel: 22 -> veintidos, 31 -> treintaiun (RAE: treintaiunavo). */
static bool glued(const es_numbers *num, strbuf *out, unsigned long long n)
{
    strbuf w = {0};
    bool ok = es_cardinal(num, &w, n, ES_MASC, true);
    size_t and_len = strlen(num->and_word);
    for (size_t i = 0; ok && i < w.len; i++) {
        if (w.data[i] == ' ') {
            if (i + and_len + 2 < w.len && !memcmp(w.data + i + 1, num->and_word, and_len) &&
                w.data[i + and_len + 1] == ' ') {
                ok = sb_putc(out, num->and_glued);
                i += and_len + 1;
            }
            continue;
        }
        if (strncmp(w.data + i, "ó", 2) == 0 || strncmp(w.data + i, "é", 2) == 0 ||
            strncmp(w.data + i, "ú", 2) == 0) {
            ok = sb_putc(out, w.data[i + 1] == '\xb3' ? 'o' : w.data[i + 1] == '\xa9' ? 'e' : 'u');
            i++;
            continue;
        }
        ok = sb_putc(out, w.data[i]);
    }
    sb_free(&w);
    return ok;
}

bool es_partitive_g(const es_numbers *num, strbuf *out, unsigned long long den, es_gender g,
                    bool plural)
{
    size_t start = out->len;
    if (g == ES_FEM && den <= 10 && den >= 2 && num->part[den][1])
        return sb_word(out, num->part[den][1]) && (!plural || sb_putc(out, 's'));
    if (!es_partitive(num, out, den, false)) return false;
    if (g == ES_FEM && out->len > start && out->data[out->len - 1] == 'o')
        out->data[out->len - 1] = 'a';
    return !plural || sb_putc(out, 's');
}

bool es_has_partitive(unsigned long long den)
{
    if (den < 2) return false;
    if (den < 100) return true;
    if (den < 1000) return den % 100 == 0;
    return den % 1000000 == 0 || (den % 1000 == 0 && den < 1000000);
}

bool es_partitive(const es_numbers *num, strbuf *out, unsigned long long den, bool plural)
{
    if (den < 2) return false;
    bool ok;
    if (den <= 10)
        ok = sb_word(out, num->part[den][0]);
    else if (den < 100) {
        /* onceavo, veinteavo, treintavo (treinta loses its -a), veintiunavo, treintaiunavo */
        strbuf w = {0};
        ok = glued(num, &w, den) && sb_word_start(out) &&
             compound(out, w.data, w.len, num->part_ending);
        sb_free(&w);
    } else if (den < 1000 && den % 100 == 0)
        ok = sb_word(out, num->ord_hundreds[den / 100]);
    else if (den % 1000000 == 0)
        ok = round_word(num, out, den / 1000000, num->ord_million, ES_MASC);
    else if (den % 1000 == 0 && den < 1000000)
        ok = round_word(num, out, den / 1000, num->ord_thousand, ES_MASC);
    else
        return false;
    return ok && (!plural || sb_putc(out, 's'));
}
