/* es_number.c - builds Spanish cardinals: 451 f -> cuatrocientas cincuenta y una. */
#include "es_number.h"

#include <string.h>

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

bool es_cardinal(strbuf *out, unsigned long long n, es_gender g, bool apocope)
{
    if (n == 0) return sb_word(out, "cero");
    if (n > ES_CARDINAL_MAX) return false;
    unsigned long long billions = n / 1000000000000ULL;        /* billones */
    unsigned long long millions = n / 1000000ULL % 1000000ULL; /* millones, incl. "mil millones" */
    unsigned rest = (unsigned)(n % 1000000ULL);
    bool ok = true;
    if (billions) {
        ok = billions == 1 ? sb_word(out, "un billón")
                           : below_million(out, (unsigned)billions, ES_MASC, true) &&
                                 sb_word(out, "billones");
    }
    if (millions && ok) {
        ok = millions == 1 ? sb_word(out, "un millón")
                           : below_million(out, (unsigned)millions, ES_MASC, true) &&
                                 sb_word(out, "millones");
    }
    if (rest && ok) ok = below_million(out, rest, g, apocope);
    return ok;
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
