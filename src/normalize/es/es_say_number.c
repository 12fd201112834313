/* es_say_number.c - verbalizers for numbers: cardinals, decimals, percents, fractions,
 * ordinals, Roman numerals, ranges, scores and telephones. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "es_say.h"
#include "es_verbalize.h"

/* Decimal digits after the comma: up to three as one number (cero cinco, ciento treinta y
 * dos), longer ones in pairs (catorce quince) the way they are read aloud, or one by one when
 * digits is set (an exchange rate: 1,0845 dólares, cero ocho cuatro cinco). */
static bool say_decimals(const es_lang *lang, strbuf *out, const char *d, es_gender g, bool apocope,
                         bool digits)
{
    size_t n = strlen(d);
    if (digits && n > 3) return es_digits(&lang->num, out, d, n);
    if (n <= 3) {
        size_t z = 0;
        while (z + 1 < n && d[z] == '0')
            if (!sb_word(out, "cero"))
                return false;
            else
                z++;
        return es_cardinal_str(&lang->num, out, d + z, g, apocope);
    }
    for (size_t i = 0; i < n; i += 2) {
        bool last = i + 2 >= n;
        char pair[3] = {d[i], i + 1 < n ? d[i + 1] : '\0', '\0'};
        if (pair[0] == '0' && !sb_word(out, "cero")) return false;
        if (pair[0] == '0' && pair[1] == '\0') continue;
        const char *rest = pair[0] == '0' ? pair + 1 : pair;
        if (!es_cardinal_str(&lang->num, out, rest, last ? g : ES_MASC, last && apocope))
            return false;
    }
    return true;
}

bool es_say_number(const es_lang *lang, strbuf *out, const char *canon, es_gender g, bool apocope)
{
    return es_say_number_mark(lang, out, canon, g, apocope, "coma");
}

static bool say_number_mark(const es_lang *lang, strbuf *out, const char *canon, es_gender g,
                            bool apocope, const char *mark, bool digits)
{
    if (*canon == '-') {
        if (!sb_word(out, "menos")) return false;
        canon++;
    }
    const char *dot = strchr(canon, '.');
    if (!dot) return es_cardinal_str(&lang->num, out, canon, g, apocope);
    char whole[32];
    size_t wn = (size_t)(dot - canon);
    if (wn >= sizeof whole) return false;
    memcpy(whole, canon, wn);
    whole[wn] = '\0';
    /* uno coma cinco toneladas: a whole part ending in one stays masculine before decimals */
    es_gender wg = wn && whole[wn - 1] == '1' && !(wn >= 2 && whole[wn - 2] == '1') ? ES_MASC : g;
    return es_cardinal_str(&lang->num, out, whole, wg, false) && sb_word(out, mark) &&
           say_decimals(lang, out, dot + 1, ES_MASC, apocope, digits) /* seis punto uno entradas */;
}

bool es_say_number_mark(const es_lang *lang, strbuf *out, const char *canon, es_gender g,
                        bool apocope, const char *mark)
{
    return say_number_mark(lang, out, canon, g, apocope, mark, false);
}

bool es_say_rate_mark(const es_lang *lang, strbuf *out, const char *canon, es_gender g,
                      bool apocope, const char *mark)
{
    return say_number_mark(lang, out, canon, g, apocope, mark, true);
}

/* CARDINAL "21" f -> veintiuna; "2024" year -> dos mil veinticuatro; "016" -> cero uno seis */
bool es_say_millions_count(const es_lang *lang, strbuf *out, unsigned long long millions,
                           bool *rest)
{
    unsigned long long big = millions / 1000000, small = millions % 1000000;
    *rest = small != 0;
    return es_cardinal(&lang->num, out, big, ES_MASC, true) &&
           sb_word(out, big == 1 ? "billón" : "billones") &&
           (!small || es_cardinal(&lang->num, out, small, ES_MASC, true));
}

bool es_say_cardinal(const es_lang *lang, const sem_token *t, strbuf *out)
{
    const char *p = t->payload;
    if (t->flags & SEM_DIGITS) {
        if (*p == '-' && !sb_word(out, "menos")) return false;
        return es_digits(&lang->num, out, p, strlen(p));
    }
    if (t->flags & SEM_YEAR) return es_say_number(lang, out, p, ES_MASC, false);
    if (t->flags & SEM_AGE) /* Lucía Ferrer (24): de veinticuatro años */
        return sb_word(out, "de") && es_say_number(lang, out, p, ES_MASC, true) &&
               sb_word(out, strcmp(p, "1") ? "años" : "año");
    bool rest;
    if (t->flags & SEM_BILLIONS) /* the "millones" after it ends the count */
        return es_say_millions_count(lang, out, strtoull(p, NULL, 10), &rest);
    return es_say_number(lang, out, p, t->gender, (t->flags & SEM_APOCOPE) != 0);
}

/* DECIMAL "0.25" -> cero coma veinticinco; "1.5" before millones -> uno coma cinco */
bool es_say_decimal(const es_lang *lang, const sem_token *t, strbuf *out)
{
    return say_number_mark(lang, out, t->payload, t->gender, (t->flags & SEM_APOCOPE) != 0,
                           ES_MARK(t), (t->flags & SEM_RATE) != 0);
}

/* PERCENT "11.2" -> once coma dos por ciento; "6.00" -> seis por ciento (a rate's two zero
 * decimals are not read, as a price's are not); "1.0" -> uno coma cero (a statistic's one
 * decimal is: el IPC subió un 1,0 %) */
bool es_say_percent(const es_lang *lang, const sem_token *t, strbuf *out)
{
    char whole[64];
    const char *p = t->payload, *point = strchr(p, '.');
    if (point && point[1] && point[2] && point[1 + strspn(point + 1, "0")] == '\0' &&
        (size_t)(point - p) < sizeof whole) {
        snprintf(whole, sizeof whole, "%.*s", (int)(point - p), p);
        p = whole;
    }
    return es_say_number_mark(lang, out, p, ES_MASC, false, ES_MARK(t)) &&
           sb_word(out, "por ciento");
}

bool es_say_fraction_of(const es_lang *lang, strbuf *out, const char *canon, es_gender g,
                        const char *unit_forms)
{
    if (*canon == '-') {
        if (!sb_word(out, "menos")) return false;
        canon++;
    }
    unsigned long long whole = 0, num, den;
    const char *sp = strchr(canon, ' ');
    bool has_whole = sp != NULL;
    if (has_whole) {
        whole = strtoull(canon, NULL, 10);
        canon = sp + 1;
    }
    num = strtoull(canon, NULL, 10);
    const char *slash = strchr(canon, '/');
    if (!slash) return false;
    den = strtoull(slash + 1, NULL, 10);
    bool half = num == 1 && den == 2;
    if (unit_forms && half) {
        /* un metro y medio; media milla */
        const char *m = g == ES_FEM ? "media" : "medio";
        if (!has_whole) return sb_word(out, m) && es_say_form(out, unit_forms, false);
        return es_cardinal(&lang->num, out, whole, g, true) &&
               es_say_form(out, unit_forms, whole != 1) && sb_word(out, "y") && sb_word(out, m);
    }
    if (has_whole && !(es_cardinal(&lang->num, out, whole, g, false) && sb_word(out, "y")))
        return false;
    strbuf part = {0};
    bool ok;
    if (es_partitive(&lang->num, &part, den, num != 1))
        ok = es_cardinal(&lang->num, out, num, ES_MASC, true) && sb_word(out, sb_str(&part));
    else /* uno sobre ciento uno */
        ok = es_cardinal(&lang->num, out, num, ES_MASC, false) && sb_word(out, "sobre") &&
             es_cardinal(&lang->num, out, den, ES_MASC, false);
    sb_free(&part);
    if (ok && unit_forms) ok = sb_word(out, "de") && es_say_form(out, unit_forms, false);
    return ok;
}

/* FRACTION "2/3" -> dos tercios; "1/2" -> un medio; "3 2/100" -> tres y dos centésimos;
 * before its noun: "3/4" f -> tres cuartas (partes), "1/2" f -> media (hora); with it: "2 1/2
 * horas" f -> dos horas y media */
bool es_say_fraction(const es_lang *lang, const sem_token *t, strbuf *out)
{
    const char *p = t->payload;
    const char *noun = strchr(p, ' ') ? strchr(strchr(p, ' ') + 1, ' ') : NULL;
    if (noun) { /* "7 1/3 entradas": siete entradas y un tercio; 2 1/2 horas: dos horas y media */
        const char *part = strchr(p, ' ') + 1;
        char fraction[48]; /* the part alone: "1/3" */
        snprintf(fraction, sizeof fraction, "%.*s", (int)(noun - part), part);
        if (!(es_cardinal(&lang->num, out, strtoull(p, NULL, 10), t->gender, false) &&
              sb_word(out, noun + 1) && sb_word(out, "y")))
            return false;
        if (!strcmp(fraction, "1/2")) return sb_word(out, t->gender == ES_FEM ? "media" : "medio");
        return es_say_fraction_of(lang, out, fraction, ES_MASC, NULL);
    }
    const char *space = strchr(p, ' ');
    if (space && !strcmp(space + 1, "1/2")) /* km 10 1/2: diez y medio */
        return (*p != '-' || sb_word(out, "menos")) &&
               es_cardinal(&lang->num, out, strtoull(p + (*p == '-'), NULL, 10), t->gender,
                           false) &&
               sb_word(out, "y") && sb_word(out, t->gender == ES_FEM ? "media" : "medio");
    unsigned long long num = strtoull(p, NULL, 10);
    const char *slash = strchr(p, '/');
    if (!(t->flags & SEM_APOCOPE) || *p == '-' || strchr(p, ' ') || !slash)
        return es_say_fraction_of(lang, out, p, t->gender, NULL);
    unsigned long long den = strtoull(slash + 1, NULL, 10);
    if (den == 2 && num == 1) return sb_word(out, t->gender == ES_FEM ? "media" : "medio");
    if (den == 2 || !es_has_partitive(den))
        return es_say_fraction_of(lang, out, p, t->gender, NULL);
    return es_cardinal(&lang->num, out, num, t->gender, true) &&
           es_partitive_g(&lang->num, out, den, t->gender, num != 1);
}

/* ORDINAL "1" apocope -> primer; "7" f -> séptima; "25" -> vigesimoquinto */
bool es_say_ordinal(const es_lang *lang, const sem_token *t, strbuf *out)
{
    unsigned long long v = strtoull(t->payload, NULL, 10);
    if (strlen(t->payload) > 12)
        return es_ordinal_str(&lang->num, out, t->payload, t->gender, false);
    bool ok = es_ordinal(&lang->num, out, v, t->gender,
                         (t->flags & SEM_APOCOPE) && !(t->flags & SEM_PLURAL));
    return ok && (!(t->flags & SEM_PLURAL) || sb_puts(out, "s")); /* terceros, primeras */
}

/* ROMAN "6" ordinal -> sexto; "2" ordinal f -> segunda; "20" plural -> vigésimos; "14" -> catorce;
 * "21" -> veintiuno */
bool es_say_roman(const es_lang *lang, const sem_token *t, strbuf *out)
{
    unsigned long long v = strtoull(t->payload, NULL, 10);
    if (t->flags & SEM_AS_ORDINAL)
        return es_say_ordinal(lang, t, out); /* los XX Juegos: vigésimos */
    return es_cardinal(&lang->num, out, v, ES_MASC, false);
}

/* RANGE "2010-2015" -> dos mil diez a dos mil quince; SCORE "4-2" -> cuatro a dos */
bool es_say_range(const es_lang *lang, const sem_token *t, strbuf *out)
{
    const char *dash = strchr(t->payload + 1, '-');
    if (!dash) return sb_word(out, t->payload);
    char a[64];
    size_t n = (size_t)(dash - t->payload);
    if (n >= sizeof a) return false;
    memcpy(a, t->payload, n);
    a[n] = '\0';
    es_gender g = t->cls == SEM_RANGE && !(t->flags & SEM_YEAR) ? t->gender : ES_MASC;
    bool apocope = t->cls == SEM_RANGE && (t->flags & SEM_APOCOPE);
    /* 1990-91: the second year keeps its century */
    char b[64];
    const char *second = dash + 1;
    if ((t->flags & SEM_YEAR) && strlen(second) == 2 && n == 4) {
        snprintf(b, sizeof b, "%.2s%s", a, second);
        if (strcmp(b, a) <= 0) snprintf(b, sizeof b, "%s", second);
        second = b;
    }
    return es_say_number_mark(lang, out, a, g, false, ES_MARK(t)) &&
           sb_word(out, (t->flags & SEM_BETWEEN) ? "y"
                        : (t->flags & SEM_FROM)  ? "al"
                                                 : "a") &&
           es_say_number_mark(lang, out, second, g, apocope, ES_MARK(t));
}

/* "5658" -> cincuenta y seis cincuenta y ocho; "05" -> cero cinco: a telephone group in pairs;
 * a free line's round thousand as one number (0800 5000: cinco mil; not 55 5200 9000) */
static bool say_pairs(const es_lang *lang, strbuf *out, const char *p, size_t n, bool toll_free)
{
    if (toll_free && n == 4 && p[0] != '0' && !strncmp(p + 1, "000", 3))
        return es_cardinal(&lang->num, out, (unsigned)(p[0] - '0') * 1000, ES_MASC, false);
    bool ok = true;
    for (size_t k = 0; k + 1 < n && ok; k += 2)
        ok = p[k] == '0'
                 ? es_digits(&lang->num, out, p + k, 2)
                 : es_cardinal(&lang->num, out, (unsigned)((p[k] - '0') * 10 + p[k + 1] - '0'),
                               ES_MASC, false);
    return ok;
}

/* TELEPHONE "+34 91 123 45 67" -> más treinta y cuatro | nueve uno | uno dos tres ... (| a group
 * pause, ES_GROUP_PAUSE); a free line's groups as numbers (cues.tsv phone-prefix: 900 123 456
 * novecientos, ciento veintitrés...; 1-800-375-8282: uno ochocientos tres siete cinco...);
 * "123.123.0.40" -> uno dos tres punto ... */
bool es_say_telephone(const es_lang *lang, const sem_token *t, strbuf *out)
{
    const char *p = t->payload;
    bool ok = true, first = true, toll_free = false; /* 900 123 456: novecientos ciento... */
    /* Colombia's 01 8000 513 700: cero uno ocho mil quinientos trece setecientos */
    bool co_free = !strncmp(p, "01 8000 ", 8);
    /* Spain's 941 27 15 00: its groups of two said as numbers (veintisiete, quince, cero cero) */
    size_t len = strlen(p);
    bool two_by_two =
        len == 12 && p[3] == ' ' && p[6] == ' ' && p[9] == ' ' && strspn(p, "0123456789 ") == len;
    while (*p && ok) {
        size_t n = strcspn(p, " .");
        if (*p == '+') {
            /* a country code of one or two digits is said as a number: más treinta y cuatro */
            ok = sb_word(out, "más") &&
                 (n <= 3 ? es_cardinal(&lang->num, out, strtoull(p + 1, NULL, 10), ES_MASC, false)
                         : es_digits(&lang->num, out, p + 1, n - 1));
        } else if (n == 3 && strncmp(p, "ext", 3) == 0) {
            ok = sb_puts(out, ",") && sb_word(out, "extensión");
            first = true;
            p += n + (p[n] != '\0');
            continue;
        } else {
            if (!first) ok = p[-1] == '.' ? sb_word(out, "punto") : sb_puts(out, ES_GROUP_PAUSE);
            size_t zero = p[0] == '0'; /* 0800: cero ochocientos */
            if (first) toll_free = co_free || es_cue(lang, p, n, ES_CUE_PHONE_PREFIX);
            /* 1-800-375-8282: an American free line, uno ochocientos tres siete cinco... */
            bool us_free = p - t->payload == 2 && t->payload[0] == '1' && n == 3 &&
                           !strncmp(p, "800", 3); /* but 1-888: uno ocho ocho ocho */
            if (us_free) {                        /* then its digits one by one */
                ok = ok && es_cardinal(&lang->num, out, strtoull(p, NULL, 10), ES_MASC, false);
                first = false;
                p += n + (p[n] != '\0');
                continue;
            }
            bool pairs = !co_free &&
                         ((t->flags & SEM_PAIRS) || (toll_free && !first && n == 4) ||
                          (two_by_two && !first)) &&
                         n % 2 == 0 && !strchr(t->payload, '.'); /* 1133: once treinta y tres */
            /* 900 101 062: a group of three after the first says its zero and then a number */
            if (toll_free && (first || (!pairs && (!zero || (n == 3 && p[1] != '0')))) && n <= 4)
                ok = ok && (!zero || sb_word(out, "cero")) &&
                     es_cardinal(&lang->num, out, strtoull(p + zero, NULL, 10), ES_MASC, false);
            else if (pairs)
                ok = ok && say_pairs(lang, out, p, n, toll_free);
            else
                ok = ok && es_digits(&lang->num, out, p, n);
        }
        first = false;
        p += n + (p[n] != '\0');
    }
    return ok;
}
