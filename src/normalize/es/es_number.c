/* es_number.c - builds Spanish number words: 451 f -> cuatrocientas cincuenta y una; 25 ->
 * vigesimoquinto. */
#include "es_number.h"

#include <stdio.h>
#include <string.h>

/* not words: the number speller's forms indexed by digit (with stems: doscient-); the speller's
 * grammar, not a list of words looked up in a text (issue 14 leaves these in C) */
static const char *const units[] = {"cero",  "uno",  "dos",   "tres", "cuatro",
                                    "cinco", "seis", "siete", "ocho", "nueve"};
static const char *const teens[] = {"diez",   "once",      "doce",       "trece",     "catorce",
                                    "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve"};
static const char *const twenties[] = {"veinte",       "veintiuno",   "veintidós",  "veintitrés",
                                       "veinticuatro", "veinticinco", "veintiséis", "veintisiete",
                                       "veintiocho",   "veintinueve"};
static const char *const tens[] = {"",          "",        "",        "treinta", "cuarenta",
                                   "cincuenta", "sesenta", "setenta", "ochenta", "noventa"};
static const char *const hundreds[] = {
    "",         "ciento",    "doscient",  "trescient", "cuatrocient",
    "quinient", "seiscient", "setecient", "ochocient", "novecient"};

/* Starts a new word: a space unless out is empty or already ends in one. */
static bool sb_word_start(strbuf *out)
{
    return out->len == 0 || out->data[out->len - 1] == ' ' || sb_putc(out, ' ');
}

/* "uno" as it agrees: un (apocope), una (feminine), uno. */
static const char *one(es_gender g, bool apocope)
{
    return g == ES_FEM ? "una" : apocope ? "un" : "uno";
}

/* 0 < n < 1000 */
static bool below_thousand(strbuf *out, unsigned n, es_gender g, bool apocope)
{
    bool ok = true;
    unsigned h = n / 100, rest = n % 100;
    if (h == 1)
        ok = sb_word(out, rest ? "ciento" : "cien");
    else if (h > 1) {
        ok = sb_word(out, hundreds[h]) && sb_puts(out, g == ES_FEM ? "as" : "os");
    }
    if (!rest || !ok) return ok;
    if (rest == 1) return sb_word(out, one(g, apocope));
    if (rest < 10) return sb_word(out, units[rest]);
    if (rest < 20) return sb_word(out, teens[rest - 10]);
    if (rest < 30) {
        if (rest == 21)
            return sb_word(out, g == ES_FEM ? "veintiuna" : apocope ? "veintiún" : "veintiuno");
        return sb_word(out, twenties[rest - 20]);
    }
    ok = sb_word(out, tens[rest / 10]);
    if (rest % 10 == 0 || !ok) return ok;
    return sb_word(out, "y") &&
           (rest % 10 == 1 ? sb_word(out, one(g, apocope)) : sb_word(out, units[rest % 10]));
}

/* 0 < n < 1 000 000: thousands agree with the noun and take apocope before "mil". */
static bool below_million(strbuf *out, unsigned n, es_gender g, bool apocope)
{
    unsigned th = n / 1000, rest = n % 1000;
    bool ok = true;
    if (th == 1)
        ok = sb_word(out, "mil");
    else if (th > 1)
        ok = below_thousand(out, th, g, true) && sb_word(out, "mil");
    if (rest && ok) ok = below_thousand(out, rest, g, apocope);
    return ok;
}

bool es_cardinal_str(strbuf *out, const char *digits, es_gender g, bool apocope)
{
    /* not words: the speller's scale names by power of a million */
    static const char *const one_name[] = {"", "un millón", "un billón", "un trillón"};
    static const char *const names[] = {"", "millones", "billones", "trillones"};
    char d[ES_DIGITS_MAX + 1];
    size_t n = 0;
    for (const char *p = digits; *p; p++)
        if (*p >= '0' && *p <= '9') {
            if (n == 0 && *p == '0') continue; /* leading zeros */
            if (n == ES_DIGITS_MAX) return false;
            d[n++] = *p;
        }
    if (n == 0) return sb_word(out, "cero");
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
            ok = below_million(out, v, g, apocope);
        else if (v == 1)
            ok = sb_word(out, one_name[k]);
        else
            ok = below_million(out, v, ES_MASC, true) && sb_word(out, names[k]);
    }
    return ok;
}

bool es_cardinal(strbuf *out, unsigned long long n, es_gender g, bool apocope)
{
    char d[24];
    snprintf(d, sizeof d, "%llu", n);
    return es_cardinal_str(out, d, g, apocope);
}

bool es_digits(strbuf *out, const char *digits, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (digits[i] >= '0' && digits[i] <= '9' && !sb_word(out, units[digits[i] - '0']))
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

static bool glued(strbuf *out, unsigned long long n);

/* k times a power word as one word: (2, milésimo) -> dosmilésimo; (1, ...) -> milésimo */
static bool round_word(strbuf *out, unsigned long long k, const char *suffix, es_gender g)
{
    bool ok = sb_word_start(out);
    if (ok && k > 1) ok = glued(out, k);
    ok = ok && sb_puts(out, suffix);
    if (ok && g == ES_FEM) out->data[out->len - 1] = 'a';
    return ok;
}

/* not words: the ordinal speller's forms indexed by digit */
static const char *const ord_units[] = {"",       "primero", "segundo", "tercero", "cuarto",
                                        "quinto", "sexto",   "séptimo", "octavo",  "noveno"};
static const char *const ord_tens[] = {
    "",           "décimo",       "vigésimo",   "trigésimo", "cuadragésimo", "quincuagésimo",
    "sexagésimo", "septuagésimo", "octogésimo", "nonagésimo"};
static const char *const ord_hundreds[] = {"",
                                           "centésimo",
                                           "ducentésimo",
                                           "tricentésimo",
                                           "cuadringentésimo",
                                           "quingentésimo",
                                           "sexcentésimo",
                                           "septingentésimo",
                                           "octingentésimo",
                                           "noningentésimo"};

/* Appends word w; in the feminine its final -o becomes -a (vigesimoprimero -> vigesimoprimera). */
static bool ord_word(strbuf *out, const char *w, es_gender g)
{
    if (!sb_word(out, w)) return false;
    if (g == ES_FEM && out->len && out->data[out->len - 1] == 'o') out->data[out->len - 1] = 'a';
    return true;
}

/* 0 < n < 1000: 134 -> centésimo trigésimo cuarto; 11 -> undécimo; 28 -> vigesimoctavo */
static bool ord_below_thousand(strbuf *out, unsigned n, es_gender g)
{
    unsigned h = n / 100, t = n % 100 / 10, u = n % 10;
    if (h && !ord_word(out, ord_hundreds[h], g)) return false;
    if (t == 1 && (u == 1 || u == 2) && !h)
        return ord_word(out, u == 1 ? "undécimo" : "duodécimo", g);
    if (t == 1 || t == 2) {
        if (!u) return ord_word(out, ord_tens[t], g);
        /* one word: decimotercero, vigesimoprimero, decimoctavo */
        char w[64];
        const char *stem = t == 1 ? "decimo" : "vigesimo";
        snprintf(w, sizeof w, "%.*s%s", (int)(strlen(stem) - (u == 8)), stem, ord_units[u]);
        return ord_word(out, w, g);
    }
    if (t && !ord_word(out, ord_tens[t], g)) return false;
    return !u || ord_word(out, ord_units[u], g);
}

bool es_ordinal_str(strbuf *out, const char *digits, es_gender g, bool apocope)
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
    bool ok = (!mill || round_word(out, mill, "millonésimo", g)) &&
              (!th || round_word(out, th, "milésimo", g));
    if (ok && rest) ok = ord_below_thousand(out, rest, g);
    /* apocope of a final primero/tercero before a masculine noun: primer, decimotercer */
    if (ok && apocope && g == ES_MASC && out->len - before >= 7 &&
        (strcmp(out->data + out->len - 7, "primero") == 0 ||
         strcmp(out->data + out->len - 7, "tercero") == 0)) {
        out->data[--out->len] = '\0';
    }
    return ok;
}

bool es_ordinal(strbuf *out, unsigned long long n, es_gender g, bool apocope)
{
    char d[24];
    snprintf(d, sizeof d, "%llu", n);
    if (apocope && g == ES_MASC && n % 100 == 11) {
        /* 11.er -> decimoprimer (undécimo has no apocope) */
        if (n >= 100 && !es_ordinal(out, n - n % 100, g, false)) return false;
        return sb_word(out, "decimoprimer");
    }
    return es_ordinal_str(out, d, g, apocope);
}

/* ---- partitives (fractions) ---- */

/* not words: the partitive speller's forms indexed by denominator */
static const char *const part_small[] = {"",      "",        "medio",  "tercio", "cuarto", "quinto",
                                         "sexto", "séptimo", "octavo", "noveno", "décimo"};

/* Appends the cardinal of n glued into one word with the accent removed from a final
 * stressed vowel: 22 -> veintidos, 31 -> treintaiun (RAE: treintaiunavo). */
static bool glued(strbuf *out, unsigned long long n)
{
    strbuf w = {0};
    bool ok = es_cardinal(&w, n, ES_MASC, true);
    for (size_t i = 0; ok && i < w.len; i++) {
        if (w.data[i] == ' ') {
            if (i + 3 < w.len && w.data[i + 1] == 'y' && w.data[i + 2] == ' ') {
                ok = sb_putc(out, 'i');
                i += 2;
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

bool es_partitive_g(strbuf *out, unsigned long long den, es_gender g, bool plural)
{
    size_t start = out->len;
    if (g == ES_FEM && den == 3) return sb_word(out, plural ? "terceras" : "tercera");
    if (!es_partitive(out, den, false)) return false;
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

bool es_partitive(strbuf *out, unsigned long long den, bool plural)
{
    if (den < 2) return false;
    bool ok;
    if (den <= 10)
        ok = sb_word(out, part_small[den]);
    else if (den < 100) {
        /* onceavo, veinteavo, treintavo (treinta loses its -a), veintiunavo, treintaiunavo */
        ok = sb_word_start(out) && glued(out, den);
        if (ok && den >= 30 && den % 10 == 0) out->data[--out->len] = '\0';
        ok = ok && sb_puts(out, "avo");
    } else if (den < 1000 && den % 100 == 0)
        ok = sb_word(out, ord_hundreds[den / 100]);
    else if (den % 1000000 == 0)
        ok = round_word(out, den / 1000000, "millonésimo", ES_MASC);
    else if (den % 1000 == 0 && den < 1000000)
        ok = round_word(out, den / 1000, "milésimo", ES_MASC);
    else
        return false;
    return ok && (!plural || sb_putc(out, 's'));
}
