/* es_rec_date.c - recognizers for dates, weekdays, times of day and Roman numerals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "es_rec.h"

/* ---- dates ---- */

/* Month number of token i (junio, Junio, ago. with its point), 0 if none; *last gets the
 * index of its last token. */
static unsigned month_at(const cctx *c, size_t i, size_t *last)
{
    if (!cc_is(c, i, TOK_WORD) || cc_len(c, i) >= 24) return 0;
    char w[32], f[8];
    es_lower(cc_ptr(c, i), cc_len(c, i), w, sizeof w);
    const table_entry *e = table_get(c->lang->months, w);
    if (!e) return 0;
    table_feature(e->features, "abbr", f, sizeof f);
    *last = i;
    if (f[0]) { /* an abbreviation needs its point: 15 de ago. */
        if (!cc_eq(c, i + 1, ".")) return 0;
        *last = i + 1;
    }
    table_feature(e->features, "n", f, sizeof f);
    return (unsigned)atoi(f);
}

/* The abbreviation's point also ends the sentence when nothing or a capital follows. */
static void point_may_end(const cctx *c, size_t last, sem_token *out)
{
    size_t nx = cc_next(c, last);
    if (cc_eq(c, last, ".") && (nx >= c->n || cc_capitalized(c, nx)))
        out->flags |= SEM_SENTENCE_END;
}

static char *iso(const cctx *c, const char *year, size_t ylen, unsigned m, unsigned d)
{
    char *p = arena_alloc(c->a, ylen + 16);
    if (p)
        snprintf(p, ylen + 16, "%.*s-%02u-%02u", (int)(ylen ? ylen : 1), ylen ? year : "-", m, d);
    return p;
}

/* 12/06/2024, 1-1-2026, 30.2.1990 -> "2024-06-12"; 2025-03-31 -> "2025-03-31" */
static size_t numeric_date(const cctx *c, size_t i, sem_token *out)
{
    unsigned a, b, y;
    if (!cc_small(c, i, 4, 1, 9999, &a) || !cc_touch(c, i)) return 0;
    if (i > 0 && cc_touch(c, i - 1) && !cc_is(c, i - 1, TOK_PUNCT)) return 0;
    const char *sep = cc_ptr(c, i + 1);
    if (cc_len(c, i + 1) != 1 || !strchr("/-.", *sep)) return 0;
    if (!cc_touch(c, i + 1) || !cc_small(c, i + 2, 2, 1, 31, &b)) return 0;
    if (!cc_touch(c, i + 2) || cc_len(c, i + 3) != 1 || cc_ptr(c, i + 3)[0] != *sep) return 0;
    if (!cc_touch(c, i + 3) || !cc_is(c, i + 4, TOK_NUMBER)) return 0;
    size_t last = i + 4;
    if (cc_touch(c, last) &&
        (cc_is(c, last + 1, TOK_WORD) || cc_is(c, last + 1, TOK_NUMBER) ||
         ((cc_eq(c, last + 1, ".") || cc_eq(c, last + 1, "/") || cc_eq(c, last + 1, "-")) &&
          cc_is(c, last + 2, TOK_NUMBER))))
        return 0;
    if (cc_len(c, i) == 4) { /* ISO: year-month-day */
        if (*sep != '-' || b > 12 || !cc_small(c, last, 2, 1, 31, &y)) return 0;
        *out = cc_make(c, SEM_DATE, i, last, iso(c, cc_ptr(c, i), 4, b, y));
        return last - i + 1;
    }
    size_t yl = cc_len(c, last);
    if (a > 31 || b > 12 || (yl != 4 && yl != 2) || cc_len(c, i) > 2) return 0;
    *out = cc_make(c, SEM_DATE, i, last, iso(c, cc_ptr(c, last), yl, b, a));
    return last - i + 1;
}

/* "de 2024" after a date: the year it belongs to */
static size_t year_after(const cctx *c, size_t last, size_t *year)
{
    size_t de = cc_next(c, last), y = cc_next(c, de);
    if (!cc_eq(c, de, "de") || !cc_small(c, y, 4, 1, 9999, NULL) || cc_len(c, y) < 3) return last;
    if (cc_touch(c, y) && !cc_is(c, y + 1, TOK_PUNCT)) return last;
    *year = y;
    return y;
}

/* 28 de mayo, 15 de ago., 1 enero, 10 de mayo de 1990, abril 30, junio 11 2000 -> DATE */
size_t es_rec_date(const cctx *c, size_t i, sem_token *out)
{
    /* a date that starts with a word starts with its month: junio 11, mayo de 2024 */
    if (cc_is(c, i, TOK_WORD) && !cc_number_near(c, i, 4)) return 0;
    size_t n = numeric_date(c, i, out);
    if (n) return n;
    unsigned d, m;
    size_t mlast, year = CC_NONE, last;
    if (cc_small(c, i, 2, 1, 31, &d)) {
        size_t k = cc_next(c, i);
        if (cc_touch(c, i)) return 0;
        if (cc_eq(c, k, "de")) k = cc_next(c, k);
        if (!(m = month_at(c, k, &mlast))) return 0;
        last = year_after(c, mlast, &year);
        size_t y = cc_next(c, mlast);
        if (last == mlast && cc_small(c, y, 4, 1000, 2999, NULL) && cc_len(c, y) == 4 &&
            !(cc_touch(c, y) && !cc_is(c, y + 1, TOK_PUNCT)))
            year = last = y; /* 10 mayo 1990 */
    } else if ((m = month_at(c, i, &mlast))) {
        /* month first: abril 30, junio 11 2000 (not "mayo 15 personas") */
        size_t k = cc_next(c, mlast);
        if (!cc_small(c, k, 2, 1, 31, &d) || cc_touch(c, k)) return 0;
        last = k;
        size_t nx = cc_next(c, k);
        if (cc_small(c, nx, 4, 1000, 2999, NULL) && cc_len(c, nx) == 4)
            year = last = nx;
        else if (cc_is(c, nx, TOK_WORD) || cc_is(c, nx, TOK_NUMBER))
            return 0;
    } else
        return 0;
    *out = cc_make(c, SEM_DATE, i, last,
                   iso(c, year == CC_NONE ? "" : cc_ptr(c, year),
                       year == CC_NONE ? 0 : cc_len(c, year), m, d));
    if (last == mlast) point_may_end(c, mlast, out);
    return last - i + 1;
}

/* vier. 10 de mayo -> ABBREVIATION "viernes" (only before a day number) */
size_t es_rec_weekday(const cctx *c, size_t i, sem_token *out)
{
    if (!cc_is(c, i, TOK_WORD) || cc_len(c, i) >= 24 || !cc_eq(c, i + 1, ".")) return 0;
    char w[32];
    es_lower(cc_ptr(c, i), cc_len(c, i), w, sizeof w);
    const table_entry *e = table_get(c->lang->weekdays, w);
    if (!e || !cc_small(c, cc_next(c, i + 1), 2, 1, 31, NULL)) return 0;
    *out = cc_make(c, SEM_ABBREVIATION, i, i + 1, e->spoken);
    return 2;
}

/* ---- times of day ---- */

/* a.m. a. m. am p.m. pm -> 'a' or 'p', with the index of the last token */
static char meridiem(const cctx *c, size_t i, size_t *last)
{
    if (cc_word_in(c, i, (const char *const[]){"am", "a.m", NULL})) {
        *last = cc_eq(c, i + 1, ".") ? i + 1 : i;
        return 'a';
    }
    if (cc_word_in(c, i, (const char *const[]){"pm", NULL})) {
        *last = cc_eq(c, i + 1, ".") ? i + 1 : i;
        return 'p';
    }
    if (!cc_word_in(c, i, (const char *const[]){"a", "p", NULL}) || !cc_eq(c, i + 1, ".")) return 0;
    size_t m = cc_eq(c, i + 2, " ") ? i + 3 : i + 2;
    if (!cc_word_in(c, m, (const char *const[]){"m", NULL})) return 0;
    *last = cc_eq(c, m + 1, ".") ? m + 1 : m;
    return (char)(cc_ptr(c, i)[0] | 0x20);
}

/* 10:30 h, 8.30 horas, 16:15, 3:02:32, 01 h, 1.00 p.m. -> TIME "10:30 h", "1:00 pm" */
size_t es_rec_time(const cctx *c, size_t i, sem_token *out)
{
    static const char *const hours[] = {"h", "horas", "hrs", "hs", NULL};
    unsigned h, mi = 0, s = 0;
    if (!cc_small(c, i, 2, 0, 24, &h)) return 0;
    if (i > 0 && cc_touch(c, i - 1) && !cc_is(c, i - 1, TOK_PUNCT)) return 0;
    size_t last = i;
    bool seconds = false, colon = cc_eq(c, i + 1, ":");
    if ((colon || cc_eq(c, i + 1, ".")) && cc_touch(c, i) && cc_touch(c, i + 1) &&
        cc_len(c, i + 2) == 2 && cc_small(c, i + 2, 2, 0, 59, &mi)) {
        last = i + 2;
        if (colon && cc_eq(c, i + 3, ":") && cc_len(c, i + 4) == 2 &&
            cc_small(c, i + 4, 2, 0, 59, &s))
            last = i + 4, seconds = true;
        if (cc_touch(c, last) && !cc_is(c, last + 1, TOK_PUNCT) && !cc_eq(c, last + 1, "h"))
            return 0;
        if (cc_touch(c, last) &&
            (cc_eq(c, last + 1, ".") || cc_eq(c, last + 1, ":") || cc_eq(c, last + 1, ",")) &&
            cc_is(c, last + 2, TOK_NUMBER))
            return 0;
    } else if (!(cc_len(c, i) == 2 && cc_ptr(c, i)[0] == '0'))
        return 0; /* only 01 h, 09 h stand alone as a time; 3 h is a measure */
    size_t nx = cc_next(c, last), end = last;
    bool hword = false;
    char mer = 0;
    if (cc_word_in(c, nx, hours)) {
        hword = true;
        end = nx;
        /* "h." at a sentence end: the point is the sentence's */
    } else if ((mer = meridiem(c, nx, &end))) {
    } else if (last == i) {
        return 0;
    } else if (!colon && (cc_is(c, nx, TOK_SYMBOL) || cc_eq(c, nx, "%") ||
                          (cc_is(c, nx, TOK_WORD) && !cc_capitalized(c, nx) &&
                           !es_is_function_word(c->lang, cc_ptr(c, nx), cc_len(c, nx)))))
        return 0; /* 2.50 euros, 1.30 metros: not a time */
    if (last == i && !hword) return 0;
    char *p = arena_alloc(c->a, 32);
    if (seconds)
        snprintf(p, 32, "%u:%02u:%02u", h, mi, s);
    else
        snprintf(p, 32, "%u:%02u%s%s", h, mi,
                 hword        ? " h"
                 : mer == 'a' ? " am"
                 : mer        ? " pm"
                              : "",
                 "");
    *out = cc_make(c, SEM_TIME, i, end, p);
    if (mer) point_may_end(c, end, out);
    return end - i + 1;
}

/* ---- Roman numerals ---- */

/* Value of a canonical Roman numeral (XIV, mcmlxxxix), 0 when s is not one. */
static unsigned roman_value(const char *s, size_t n)
{
    static const char *const sym[] = {"m",  "cm", "d",  "cd", "c",  "xc", "l",
                                      "xl", "x",  "ix", "v",  "iv", "i"};
    static const unsigned val[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    char w[16];
    if (n == 0 || n >= sizeof w) return 0;
    for (size_t k = 0; k < n; k++)
        w[k] = (char)(s[k] | 0x20);
    w[n] = '\0';
    unsigned v = 0;
    size_t pos = 0;
    for (size_t k = 0; k < 13 && pos < n; k++) {
        size_t l = strlen(sym[k]);
        int reps = 0;
        while (strncmp(w + pos, sym[k], l) == 0 && reps < 3) {
            v += val[k];
            pos += l;
            reps++;
            if (l == 2 || val[k] == 5 || val[k] == 50 || val[k] == 500) break;
        }
    }
    return pos == n ? v : 0;
}

static bool all_of(const char *s, size_t n, const char *set)
{
    for (size_t k = 0; k < n; k++)
        if (!strchr(set, s[k])) return false;
    return n > 0;
}

/* Gender of a first name before a Roman numeral: Isabel II, María VII. */
static es_gender name_gender(const cctx *c, size_t i)
{
    const table_entry *e = table_getn(c->lang->names, cc_ptr(c, i), cc_len(c, i));
    if (e) {
        char g[4];
        table_feature(e->features, "g", g, sizeof g);
        return g[0] == 'f' ? ES_FEM : ES_MASC;
    }
    return cc_ptr(c, i)[cc_len(c, i) - 1] == 'a' ? ES_FEM : ES_MASC;
}

/* siglo XV, s. XV, los siglos XVI y XVII, del siglo XV al XVII: p (the token before the
 * numeral) ends a mention of centuries. */
static bool century_before(const cctx *c, size_t p)
{
    static const char *const century[] = {"siglo", "siglos", NULL};
    static const char *const joins[] = {"y", "e", "o", "u", "al", "a", NULL};
    if (cc_word_in(c, p, century)) return true;
    if (p != CC_NONE && cc_eq(c, p, ".") && p > 0 && cc_eq(c, p - 1, "s")) return true;
    if (cc_word_in(c, p, joins) || cc_eq(c, p, ",") || cc_eq(c, p, "-")) {
        size_t r = p > 0 && cc_eq(c, p, "-") ? p - 1 : cc_prev(c, p);
        if (r == CC_NONE || !all_of(cc_ptr(c, r), cc_len(c, r), "IVXLC")) return false;
        return century_before(c, r > 0 && cc_eq(c, r - 1, "-") ? r - 1 : cc_prev(c, r));
    }
    return false;
}

/* Felipe VI -> ROMAN "6" ordinal; Luis XIV -> "14"; siglo XXI -> "21";
 * la I Guerra Mundial -> "1" ordinal f; never Xi (Jinping), Li, or a lone English I */
size_t es_rec_roman(const cctx *c, size_t i, sem_token *out)
{
    static const char *const determiner[] = {
        "el",   "la",  "los", "las",   "del",     "al",   "su",      "sus",     "este",
        "esta", "ese", "esa", "aquel", "aquella", "cada", "nuestra", "nuestro", NULL};
    static const char *const counted[] = {
        "capítulo", "tomo",    "volumen",  "fase",        "parte",    "acto",     "libro",
        "título",   "canto",   "edición",  "legislatura", "jornada",  "división", "papa",
        "rey",      "reina",   "zar",      "zarina",      "duque",    "duquesa",  "conde",
        "condesa",  "marqués", "marquesa", "cuerpo",      "ejército", NULL};
    /* nouns whose Roman numeral is a plain number: la fase II (dos), el grupo III (tres),
     * la Clase V (cinco, never "quinto" as if Clase were a king) */
    static const char *const numbered[] = {"fase", "grupo", "nivel", "categoría",
                                           "tipo", "clase", NULL};
    if (!cc_is(c, i, TOK_WORD)) return 0;
    const char *w = cc_ptr(c, i);
    size_t n = cc_len(c, i);
    if (!all_of(w, n, "IVXLCDMivxlcdm")) return 0; /* most words: not a numeral at all */
    size_t p = cc_prev(c, i), nx = cc_next(c, i);
    bool span = cc_eq(c, i + 1, "-") && cc_touch(c, i + 1) && cc_is(c, i + 2, TOK_WORD) &&
                century_before(c, p); /* siglos XV-XVI */
    if (cc_touch(c, i) && (cc_is(c, i + 1, TOK_WORD) || cc_is(c, i + 1, TOK_NUMBER) ||
                           (cc_eq(c, i + 1, "-") && !span)))
        return 0;
    unsigned v;
    bool upper = all_of(w, n, "IVXLCDM");
    if (century_before(c, p)) {
        if (!(upper || all_of(w, n, "ivxlcdm")) || !(v = roman_value(w, n)) || v > 30) return 0;
        char *d = arena_alloc(c->a, 8);
        snprintf(d, 8, "%u", v);
        *out = cc_make(c, SEM_ROMAN, i, i, d);
        return 1;
    }
    if (!upper || !all_of(w, n, "IVXL") || !(v = roman_value(w, n)) || v > 50) return 0;
    es_gender g = ES_MASC;
    bool ordinal, before_noun = false;
    if (cc_word_in(c, p, numbered)) {
        ordinal = false;
    } else if (cc_word_in(c, p, counted)) {
        /* la parte II, el capítulo XII, el tomo III */
        g = es_noun_gender(c->lang, cc_ptr(c, p), cc_len(c, p));
        ordinal = v <= 10;
    } else if (cc_capitalized(c, p) && p + 2 == i &&
               !all_of(cc_ptr(c, p), cc_len(c, p), "IVXLCDM") && cc_prev(c, p) != CC_NONE) {
        /* a monarch or pope: Felipe VI, Isabel II, Benedicto XVI, Juan XXIII */
        bool upper_name = true;
        for (size_t k = 0; k < cc_len(c, p); k++)
            if (cc_ptr(c, p)[k] >= 'a' && cc_ptr(c, p)[k] <= 'z') upper_name = false;
        if (upper_name) return 0; /* an acronym: "PSOE I" is not a reign */
        g = name_gender(c, p);
        ordinal = v <= 10;
    } else if (cc_capitalized(c, p) && p + 2 == i && cc_prev(c, p) == CC_NONE &&
               !cc_word_in(c, p, determiner)) {
        g = name_gender(c, p); /* at the start: "Felipe VI inauguró" */
        ordinal = v <= 10;
    } else if (cc_is(c, nx, TOK_WORD) &&
               !es_is_function_word(c->lang, cc_ptr(c, nx), cc_len(c, nx)) &&
               (cc_word_in(c, p, determiner) || (n > 1 && (p == CC_NONE || cc_eq(c, p, "."))))) {
        /* before its noun: la I Guerra Mundial, el XI apóstol, XV Congreso */
        g = es_noun_gender(c->lang, cc_ptr(c, nx), cc_len(c, nx));
        ordinal = before_noun = true;
    } else
        return 0;
    char *d = arena_alloc(c->a, 8);
    snprintf(d, 8, "%u", v);
    *out = cc_make(c, SEM_ROMAN, i, i, d);
    out->gender = g;
    if (ordinal) out->flags |= SEM_AS_ORDINAL;
    if (before_noun && v != 11) out->flags |= SEM_APOCOPE; /* el III Congreso -> tercer */
    return 1;
}
