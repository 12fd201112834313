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
    if (f[0]) { /* an abbreviation needs its point (15 de ago.), or a dateline: 14 nov (EFE) */
        size_t nx = cc_next(c, i);
        bool dateline = !cc_touch(c, i) && (cc_eq(c, nx, "(") || cc_eq(c, nx, "-") ||
                                            cc_eq(c, nx, "\u2014") || cc_eq(c, nx, "\u2013"));
        if (!cc_eq(c, i + 1, ".") && !dateline) return 0;
        *last = dateline ? i : i + 1;
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
    char *p = cc_alloc(c, ylen + 16);
    if (p)
        snprintf(p, ylen + 16, "%.*s-%02u-%02u", (int)(ylen ? ylen : 1), ylen ? year : "-", m, d);
    return p;
}

/* 12/06/2024, 1-1-2026, 30.2.1990 -> "2024-06-12"; 2025-03-31 -> "2025-03-31";
 * 10/15/2025 (no month 15) -> "2025-10-15" */
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
    if (a <= 12 && b > 12 && *sep == '/') { /* 10/15/2025: month first, as US media write it */
        unsigned day = b;
        b = a;
        a = day;
    }
    if (a > 31 || b > 12 || (yl != 4 && yl != 2) || cc_len(c, i) > 2) return 0;
    char full[8]; /* 3-11-25: dos mil veinticinco; 12/03/99: mil novecientos noventa y nueve */
    const char *year = cc_ptr(c, last);
    if (yl == 2) {
        snprintf(full, sizeof full, "%s%.2s", year[0] < '5' ? "20" : "19", year);
        year = full;
        yl = 4;
    }
    *out = cc_make(c, SEM_DATE, i, last, iso(c, year, yl, b, a));
    return last - i + 1;
}

/* 03/2026, caduca el 12/2025 -> DATE "2026-03-00": a month and a year (a month with its zero,
 * or any after an expiry word; Ley 7/2024 is a number and a year) */
static size_t month_year(const cctx *c, size_t i, sem_token *out)
{
    unsigned m;
    if (!cc_small(c, i, 2, 1, 12, &m) || !cc_eq(c, i + 1, "/") || !cc_touch(c, i) ||
        !cc_touch(c, i + 1) || !cc_small(c, i + 2, 4, 1900, 2099, NULL) || cc_len(c, i + 2) != 4)
        return 0;
    if (i > 0 && cc_touch(c, i - 1) && !cc_is(c, i - 1, TOK_PUNCT)) return 0;
    if (cc_touch(c, i + 2) && (!cc_is(c, i + 3, TOK_PUNCT) || cc_eq(c, i + 3, "/"))) return 0;
    size_t p = cc_prev(c, i), pp = p == CC_NONE ? CC_NONE : cc_prev(c, p);
    bool zero = cc_len(c, i) == 2 && cc_ptr(c, i)[0] == '0';
    if (!zero && !cc_cue(c, p, ES_CUE_EXPIRY) && !cc_cue(c, pp, ES_CUE_EXPIRY)) return 0;
    if (cc_cue(c, p, ES_CUE_LEGAL)) return 0;
    *out = cc_make(c, SEM_DATE, i, i + 2, iso(c, cc_ptr(c, i + 2), 4, m, 0));
    return 3;
}

/* el 2/9, hasta el 30/06 -> DATE "--09-02": a day and a month after the article (el 1/3 de los
 * votos is a fraction: "de" follows) */
static size_t day_month(const cctx *c, size_t i, sem_token *out)
{
    unsigned d, m;
    if (!cc_cue(c, cc_prev(c, i), ES_CUE_DATE_ARTICLE)) return 0;
    if (!cc_small(c, i, 2, 1, 31, &d) || !cc_eq(c, i + 1, "/") || !cc_touch(c, i) ||
        !cc_touch(c, i + 1) || !cc_small(c, i + 2, 2, 1, 12, &m))
        return 0;
    if (cc_touch(c, i + 2) && !cc_is(c, i + 3, TOK_PUNCT)) return 0;
    if (cc_touch(c, i + 2) && (cc_eq(c, i + 3, "/") || cc_eq(c, i + 3, "-"))) return 0;
    size_t nx = cc_next(c, i + 2);
    if (cc_cue(c, nx, ES_CUE_NOT_DATE_AFTER)) return 0;
    *out = cc_make(c, SEM_DATE, i, i + 2, iso(c, "", 0, m, d));
    return 3;
}

static unsigned roman_value(const char *s, size_t n);

/* 4-XI-2024, 12.III.2025, 3/IV/2025, 4-XI -> DATE: the month in Roman numerals */
static size_t roman_month_date(const cctx *c, size_t i, sem_token *out)
{
    unsigned d;
    if (!cc_small(c, i, 2, 1, 31, &d) || !cc_touch(c, i) || !cc_touch(c, i + 1)) return 0;
    char sep = *cc_ptr(c, i + 1);
    if (!cc_is(c, i + 1, TOK_PUNCT) || cc_len(c, i + 1) != 1 || !strchr("-./", sep)) return 0;
    size_t mi = i + 2, ml = cc_len(c, mi);
    if (!cc_is(c, mi, TOK_WORD) || ml > 4 || strspn(cc_ptr(c, mi), "IVX") != ml) return 0;
    unsigned m = roman_value(cc_ptr(c, mi), ml);
    if (m < 1 || m > 12) return 0;
    size_t last = mi, y = mi + 2;
    if (cc_touch(c, mi) && cc_is(c, mi + 1, TOK_PUNCT) && *cc_ptr(c, mi + 1) == sep &&
        cc_touch(c, mi + 1) && cc_is(c, y, TOK_NUMBER) &&
        (cc_len(c, y) == 4 || cc_len(c, y) == 2) &&
        !(cc_touch(c, y) && (cc_is(c, y + 1, TOK_WORD) || cc_is(c, y + 1, TOK_NUMBER))))
        last = y;
    else if (sep == '.' || (cc_touch(c, mi) && !cc_is(c, mi + 1, TOK_PUNCT)) ||
             !cc_cue(c, cc_prev(c, i), ES_CUE_DATE_ARTICLE))
        return 0; /* without a year only after an article: el 1-V; not el grupo 4-X */
    bool year = last == y;
    *out = cc_make(c, SEM_DATE, i, last,
                   iso(c, year ? cc_ptr(c, y) : "", year ? cc_len(c, y) : 0, m, d));
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

/* del 1 al 15 de febrero, entre el 1 y el 15 de marzo -> "primero" where the region says the
 * first of a month so (Latin America); the date itself is the range's end */
static size_t range_first_day(const cctx *c, size_t i, sem_token *out)
{
    unsigned d, m;
    size_t p = cc_prev(c, i), k = cc_next(c, i), mlast;
    if (!c->region->first || !cc_small(c, i, 2, 1, 1, NULL) || cc_touch(c, i)) return 0;
    if (!cc_word_is(c, p, "el") && !cc_word_is(c, p, "del") && !cc_word_is(c, p, "días")) return 0;
    if (cc_word_is(c, k, "y") && cc_word_is(c, cc_next(c, k), "el")) k = cc_next(c, k);
    if (!cc_word_is(c, k, "al") && !cc_word_is(c, k, "y") && !cc_word_is(c, k, "el")) return 0;
    k = cc_next(c, k);
    if (!cc_small(c, k, 2, 2, 31, &d) || cc_touch(c, k)) return 0;
    k = cc_next(c, k);
    if (!cc_word_is(c, k, "de") || !(m = month_at(c, cc_next(c, k), &mlast))) return 0;
    *out = cc_make(c, SEM_ABBREVIATION, i, i, "primero");
    return 1;
}

/* 28 de mayo, 15 de ago., 1 enero, 10 de mayo de 1990, abril 30, junio 11 2000 -> DATE */
static size_t date_at(const cctx *c, size_t i, sem_token *out)
{
    /* a date that starts with a word starts with its month: junio 11, mayo de 2024 */
    if (cc_is(c, i, TOK_WORD) && !cc_number_near(c, i, 4)) return 0;
    size_t n = numeric_date(c, i, out);
    if (!n) n = month_year(c, i, out);
    if (!n) n = day_month(c, i, out);
    if (!n) n = roman_month_date(c, i, out);
    if (!n && (n = range_first_day(c, i, out))) return n;
    if (n) {
        if (c->region->first && strlen(out->payload) >= 2 &&
            !strcmp(out->payload + strlen(out->payload) - 2, "01"))
            out->flags |= SEM_AS_ORDINAL;
        return n;
    }
    unsigned d, m;
    size_t mlast, year = CC_NONE, last;
    bool ordinal_day = false;
    if (cc_small(c, i, 2, 1, 31, &d)) {
        /* 1.º de mayo, 1° de julio, 1ro de enero, 1o. de julio: the day written as an ordinal */
        size_t mark = cc_eq(c, i + 1, ".") ? i + 2 : i + 1;
        bool suffix = cc_eq(c, mark, "ro") || cc_eq(c, mark, "o") || cc_eq(c, mark, "er");
        size_t end = suffix && cc_touch(c, mark) && cc_eq(c, mark + 1, ".") ? mark + 1 : mark;
        ordinal_day = d == 1 && cc_touch(c, i) &&
                      (cc_eq(c, mark, "º") || cc_eq(c, mark, "°") || suffix) &&
                      (mark == i + 1 || cc_touch(c, i + 1)) && !cc_touch(c, end);
        size_t k = cc_next(c, ordinal_day ? end : i);
        if (cc_touch(c, i) && !ordinal_day) return 0;
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
    if (d == 1 && (c->region->first || ordinal_day))
        out->flags |= SEM_AS_ORDINAL; /* primero de enero */
    return last - i + 1;
}

/* A date in September is said "setiembre" where the copy writes it so (setiembre, set.), or
 * where it gives the month in figures and its region says it (Peru, Uruguay). */
static bool setiembre(const cctx *c, size_t first, size_t last)
{
    for (size_t k = first; k <= last; k++) {
        const char *w = cc_ptr(c, k);
        if (cc_is(c, k, TOK_WORD) && cc_len(c, k) >= 3 && (w[0] | 0x20) == 's' && w[1] == 'e')
            return w[2] == 't'; /* setiembre, set.; not septiembre, sept. */
    }
    return c->region->setiembre;
}

/* nov. de 2021, feb. 2022 -> ABBREVIATION "noviembre": a month's abbreviation before a year */
static size_t month_before_year(const cctx *c, size_t i, sem_token *out)
{
    size_t last;
    unsigned m = month_at(c, i, &last);
    if (!m || last != i + 1) return 0;
    size_t y = cc_next(c, last);
    if (cc_word_is(c, y, "de") || cc_word_is(c, y, "del")) y = cc_next(c, y);
    if (!cc_small(c, y, 4, 1000, 2999, NULL) || cc_len(c, y) != 4) return 0;
    const char *month = m == 9 && setiembre(c, i, i) ? "setiembre" : c->lang->month_name[m];
    *out = cc_make(c, SEM_ABBREVIATION, i, last, month);
    return 2;
}

size_t es_rec_date(const cctx *c, size_t i, sem_token *out)
{
    size_t n = date_at(c, i, out);
    size_t len = n && out->payload ? strlen(out->payload) : 0;
    if (len >= 5 && !strncmp(out->payload + len - 5, "09-", 3) && setiembre(c, i, i + n - 1))
        out->flags |= SEM_SETIEMBRE;
    return n;
}

/* vier. 10 de mayo -> ABBREVIATION "viernes" (only before a day number); nov. de 2021 */
size_t es_rec_weekday(const cctx *c, size_t i, sem_token *out)
{
    if (!cc_is(c, i, TOK_WORD) || cc_len(c, i) >= 24 || !cc_eq(c, i + 1, ".")) return 0;
    size_t month = month_before_year(c, i, out);
    if (month) return month;
    char w[32];
    es_lower(cc_ptr(c, i), cc_len(c, i), w, sizeof w);
    const table_entry *e = table_get(c->lang->weekdays, w);
    if (!e || !cc_small(c, cc_next(c, i + 1), 2, 1, 31, NULL)) return 0;
    *out = cc_make(c, SEM_ABBREVIATION, i, i + 1, e->spoken);
    return 2;
}

/* ---- times of day ---- */

/* TIME payloads, field by field (es_say_time reads them back):
 *   [la ][de ]CLOCK[-CLOCK][ h| ho| am| pm| m| hm][ @ZONE[+-H[:MM]]]
 *   CLOCK is H:MM, H:MM:SS (a duration when not round) or M:SS.FF (a race time);
 *   "la": the hour 1 took the "las" written before it; "de": a range written with a dash;
 *   h: written with h/hrs; ho: with horas; am/pm/m: a.m., p.m., m. (noon);
 *   hm: written 20h15 or 20 h 15. */

/* a.m. a. m. am p.m. pm -> 'a' or 'p'; m. (Latin American noon, 12 m.) -> 'm' when noon
 * allows it; *last gets the index of the last token */
static char meridiem(const cctx *c, size_t i, bool noon, size_t *last)
{
    if (!cc_is(c, i, TOK_WORD) || cc_len(c, i) > 3) return 0;
    if (cc_cue(c, i, ES_CUE_AM)) {
        *last = cc_eq(c, i + 1, ".") ? i + 1 : i;
        return 'a';
    }
    if (cc_word_is(c, i, "pm")) {
        *last = cc_eq(c, i + 1, ".") ? i + 1 : i;
        return 'p';
    }
    if (noon && cc_eq(c, i, "m") && cc_eq(c, i + 1, ".")) {
        *last = i + 1;
        return 'm';
    }
    if (!(cc_word_is(c, i, "a") || cc_word_is(c, i, "p")) || !cc_eq(c, i + 1, ".")) return 0;
    size_t m = cc_eq(c, i + 2, " ") ? i + 3 : i + 2;
    if (!cc_word_is(c, m, "m")) return 0;
    *last = cc_eq(c, m + 1, ".") ? m + 1 : m;
    return (char)(cc_ptr(c, i)[0] | 0x20);
}

/* A clock as written, before its context is weighed. */
typedef struct {
    unsigned h, m, s;
    bool minutes, seconds;
    char sep;    /* ':' '.' ',' between hour and minutes; 'h' for 20h15; 0 for a bare hour */
    size_t last; /* its last token */
    size_t frac; /* the hundredths of a race time (1:52.08), or CC_NONE */
} hhmm;

static bool two_digits(const cctx *c, size_t i, unsigned *v)
{
    return cc_len(c, i) == 2 && cc_small(c, i, 2, 0, 59, v);
}

/* Token j ends the clock: nothing but punctuation written against it (not "9.45.3"). */
static bool ends_clean(const cctx *c, size_t j)
{
    if (!cc_touch(c, j)) return true;
    if (!cc_is(c, j + 1, TOK_PUNCT) || cc_eq(c, j + 1, "'") || cc_eq(c, j + 1, "\u2019"))
        return false;
    return !((cc_eq(c, j + 1, ".") || cc_eq(c, j + 1, ":") || cc_eq(c, j + 1, ",")) &&
             cc_is(c, j + 2, TOK_NUMBER));
}

/* 20h15, 20H15, 2h05:41, 2h 05:41, 12h02m00s after the hour at i (h touching it) */
static void h_clock(const cctx *c, size_t i, hhmm *k)
{
    size_t j = cc_touch(c, i + 1) ? i + 2 : cc_eq(c, i + 2, " ") ? i + 3 : CC_NONE;
    if (j == CC_NONE || !two_digits(c, j, &k->m)) return;
    if (cc_touch(c, j) && cc_eq(c, j + 1, ":") && cc_touch(c, j + 1) &&
        two_digits(c, j + 2, &k->s)) { /* a marathon: 2h05:41 */
        k->minutes = k->seconds = true;
        k->sep = ':';
        k->last = j + 2;
        return;
    }
    if (j != i + 2) return;
    k->minutes = true;
    k->sep = 'h';
    k->last = j;
    if (cc_touch(c, j) && cc_cue(c, j + 1, ES_CUE_MINUTE_MARK)) {
        k->last = j + 1;
        if (cc_touch(c, j + 1) && two_digits(c, j + 2, &k->s) && cc_touch(c, j + 2) &&
            cc_word_is(c, j + 3, "s")) {
            k->sep = ':'; /* 12h02m00s */
            k->seconds = k->s != 0;
            k->last = j + 3;
        } else {
            k->sep = ':'; /* 2h41m: a duration, its minutes marked (dos horas y cuarenta y un */
            k->seconds = true; /* minutos), read as 2:41:00 */
        }
    }
}

/* Reads the clock written at i: 9:45, 9.45, 9,45 (only after "las"), 13:05:20, 1:52.08,
 * 20h15, 20 h 15 (not 2 h 30 min), 2h05:41, or a bare hour. */
static bool read_clock(const cctx *c, size_t i, bool after_las, hhmm *k)
{
    memset(k, 0, sizeof *k);
    k->frac = CC_NONE;
    if (!cc_small(c, i, 2, 0, 59, &k->h)) return false;
    bool minutes_first = k->h > 24; /* 41:12,345: a race time's minutes, or nothing */
    if (i > 0 && cc_touch(c, i - 1) && !cc_is(c, i - 1, TOK_PUNCT)) return false;
    k->last = i;
    if (!cc_touch(c, i)) {
        if (cc_eq(c, i + 1, " ") && cc_eq(c, i + 3, " ") && cc_word_is(c, i + 2, "h") &&
            two_digits(c, i + 4, &k->m) && ends_clean(c, i + 4) &&
            !cc_cue(c, cc_next(c, i + 4), ES_CUE_MINUTE_WORD)) {
            k->minutes = true; /* 20 h 15 */
            k->sep = 'h';
            k->last = i + 4;
        }
        return !minutes_first;
    }
    if (cc_word_is(c, i + 1, "h")) {
        h_clock(c, i, k);
        return !minutes_first;
    }
    bool colon = cc_eq(c, i + 1, ":");
    if (!(colon || cc_eq(c, i + 1, ".") || (after_las && cc_eq(c, i + 1, ","))) ||
        !cc_touch(c, i + 1) || !two_digits(c, i + 2, &k->m))
        return !minutes_first;
    k->sep = cc_ptr(c, i + 1)[0];
    k->minutes = true;
    k->last = i + 2;
    if (colon && cc_touch(c, i + 2) && cc_eq(c, i + 3, ":") && cc_touch(c, i + 3) &&
        two_digits(c, i + 4, &k->s)) {
        k->seconds = true;
        k->last = i + 4;
    }
    size_t l = k->last;
    if (colon && cc_touch(c, l) && (cc_eq(c, l + 1, ".") || cc_eq(c, l + 1, ",")) &&
        cc_touch(c, l + 1) && cc_is(c, l + 2, TOK_NUMBER) && cc_len(c, l + 2) <= 3 &&
        ends_clean(c, l + 2)) {
        k->frac = l + 2; /* 1:52.08: minutes, seconds and hundredths */
        k->last = l + 2;
    }
    return !minutes_first || (colon && !k->seconds); /* 41:12,345 and 45:24: minutes first */
}

/* Does "las" at i open a full hour past noon that will say its "horas" (entre las 13:00 y las
 * 16:00 hs), so the clock before it need not? */
static bool end_says_horas(const cctx *c, size_t i)
{
    hhmm k;
    return cc_word_is(c, i, "las") && cc_is(c, cc_next(c, i), TOK_NUMBER) &&
           read_clock(c, cc_next(c, i), true, &k) && k.minutes && !k.m && !k.seconds && k.h >= 13 &&
           k.h <= 24;
}

/* Does the word at i ("y", "a", "hasta") open a range's end written with minutes and an hour
 * word (entre las 7.15 y las 9.30 h), which says "horas" for both clocks? */
static bool end_has_hour_word(const cctx *c, size_t i)
{
    hhmm k;
    if (!cc_word_is(c, i, "y") && !cc_word_is(c, i, "a") && !cc_word_is(c, i, "hasta"))
        return false;
    size_t at = cc_next(c, i);
    if (cc_word_is(c, at, "las")) at = cc_next(c, at);
    return cc_is(c, at, TOK_NUMBER) && read_clock(c, at, true, &k) && k.minutes && k.sep != 'h' &&
           !k.seconds && cc_cue(c, cc_next(c, k.last), ES_CUE_HOUR_WORD);
}

/* Is "horas" written before the clock at first, or before the start of its range: Bolivia's
 * "a horas 16:00", "de horas 7:00 a 21:00"? */
static bool horas_written_before(const cctx *c, size_t first)
{
    size_t pv = cc_prev(c, first);
    if (cc_word_is(c, pv, "horas")) return true;
    if (!cc_word_is(c, pv, "a") && !cc_word_is(c, pv, "hasta")) return false;
    for (int k = 0; k < 4 && pv != CC_NONE; k++) { /* back over the start's 7 : 00 */
        pv = cc_prev(c, pv);
        if (cc_word_is(c, pv, "horas")) return true;
        if (!cc_is(c, pv, TOK_NUMBER) && !cc_eq(c, pv, ":") && !cc_eq(c, pv, ".")) return false;
    }
    return false;
}

/* Is a clock's partner beside it: de 9.00 a 14.00, entre 9.00 y 10.30 (first the clock's first
 * token, nx the token after it)? */
static bool clock_partner(const cctx *c, size_t first, size_t nx)
{
    size_t pv = cc_prev(c, first);
    bool joins_next =
        cc_word_is(c, nx, "a") || cc_word_is(c, nx, "y") || cc_word_is(c, nx, "hasta");
    bool joins_prev =
        cc_word_is(c, pv, "a") || cc_word_is(c, pv, "y") || cc_word_is(c, pv, "hasta");
    return (joins_next && cc_is(c, cc_next(c, nx), TOK_NUMBER)) ||
           (joins_prev && cc_is(c, cc_prev(c, pv), TOK_NUMBER));
}

/* "de la tarde", "del mediodía", "en punto" at i: a bare hour after "las" is a time */
static bool day_part_at(const cctx *c, size_t i)
{
    size_t n = cc_next(c, i);
    if (cc_eq(c, i, "de")) return cc_eq(c, n, "la") && cc_cue(c, cc_next(c, n), ES_CUE_DAY_PART);
    if (cc_eq(c, i, "del")) return cc_eq(c, n, "mediodía");
    return cc_eq(c, i, "en") && cc_eq(c, n, "punto");
}

/* A zone after a time (GMT, utc, PYT), with its offset (-3, +1:30): appends " @gmt-3" to p.
 * Returns the last token taken, or CC_NONE when no zone follows. */
static size_t zone_after(const cctx *c, size_t end, char *p, size_t size)
{
    size_t z = cc_next(c, end);
    if (!cc_is(c, z, TOK_WORD) || cc_len(c, z) > 5) return CC_NONE;
    char w[16];
    es_lower(cc_ptr(c, z), cc_len(c, z), w, sizeof w);
    if (!table_get(c->lang->timezones, w)) return CC_NONE;
    size_t n = strlen(p), last = z;
    n += (size_t)snprintf(p + n, size - n, " @%s", w);
    size_t s = cc_touch(c, z) ? z + 1 : cc_eq(c, z + 1, " ") ? z + 2 : CC_NONE;
    unsigned oh, om;
    bool minus = cc_eq(c, s, "-") || cc_eq(c, s, "\u2212");
    if ((minus || cc_eq(c, s, "+")) && cc_touch(c, s) && cc_small(c, s + 1, 2, 0, 14, &oh)) {
        last = s + 1;
        n += (size_t)snprintf(p + n, size - n, "%c%u", minus ? '-' : '+', oh);
        if (cc_touch(c, s + 1) && cc_eq(c, s + 2, ":") && cc_touch(c, s + 2) &&
            two_digits(c, s + 3, &om)) {
            last = s + 3;
            snprintf(p + n, size - n, ":%02u", om);
        }
    }
    return last;
}

/* A feminine plural noun at i, which "las" and the number before it count (las 9,45
 * toneladas); after "las" any other word follows a time (a las 10,15 hubo cortes). */
static bool counts_las(const cctx *c, size_t i)
{
    size_t n = cc_len(c, i);
    return cc_ptr(c, i)[n - 1] == 's' && es_noun_gender(c->lang, cc_ptr(c, i), n) == ES_FEM;
}

/* The word before a dash range that already says "de" or needs none: de 09:00-14:30, las */
static bool range_has_de(const cctx *c, size_t p)
{
    return cc_cue(c, p, ES_CUE_RANGE_DE);
}

/* A point time that is a race's decimal: corrió en 9.58, con un tiempo de 9.58 */
static bool race_decimal(const cctx *c, size_t first)
{
    size_t p = cc_prev(c, first);
    if (cc_word_is(c, p, "en")) return true;
    return cc_word_is(c, p, "de") && cc_cue(c, cc_prev(c, p), ES_CUE_RACE_RECORD);
}

/* 10:30 h, 8.30 horas, a las 9,45, 16:15, 3:02:32, 01 h, 1.00 p.m., 6 a. m., 12 m.,
 * las 01:25, 09:00-14:30, 20h15, 2h05:41, 1:52.08, 5:02 EST, 20:00 GMT-3
 * -> TIME "10:30 h", "1:00 pm", "la 1:25", "de 9:00-14:30", "20:15 hm", "1:52.08",
 *    "20:00 @gmt-3"; "en 9.58" -> DECIMAL "9.58" */
size_t es_rec_time(const cctx *c, size_t i, sem_token *out)
{
    size_t first = i;
    bool la = false, un = false;
    if (cc_word_is(c, i, "un")) {
        /* marcó un 1:27,345 -> un minuto, veintisiete segundos...: the article is the race
           time's first "un" (a duration only, below) */
        i = cc_next(c, i);
        un = true;
    } else if (cc_is(c, i, TOK_WORD)) {
        /* las 01:25 -> la una: the article is taken with the hour it must agree with */
        if (cc_len(c, i) != 3 || !cc_cue(c, i, ES_CUE_HOUR_ARTICLE)) return 0;
        i = cc_next(c, i);
        if (!cc_small(c, i, 2, 1, 1, NULL)) return 0;
        la = true;
    }
    if (!cc_small(c, i, 2, 0, 59, NULL)) return 0; /* read_clock takes 25..59 only as minutes */
    bool after_las = la || cc_cue(c, cc_prev(c, i), ES_CUE_HOUR_ARTICLE);
    hhmm k, k2;
    if (!read_clock(c, i, after_las, &k)) return 0;
    if (un && (k.frac == CC_NONE || k.h != 1)) return 0;
    size_t last = k.last;
    if (cc_touch(c, last) && !cc_is(c, last + 1, TOK_PUNCT) && !cc_word_is(c, last + 1, "h"))
        return 0;
    if (cc_touch(c, last) &&
        (cc_eq(c, last + 1, ".") || cc_eq(c, last + 1, ":") || cc_eq(c, last + 1, ",")) &&
        cc_is(c, last + 2, TOK_NUMBER))
        return 0;
    bool range = false, plain = k.minutes && !k.seconds && k.frac == CC_NONE;
    if (plain && (k.sep == ':' || k.sep == '.') && cc_touch(c, last) &&
        (cc_eq(c, last + 1, "-") || cc_eq(c, last + 1, "\u2013")) && cc_touch(c, last + 1) &&
        read_clock(c, last + 2, false, &k2) && k2.minutes && k2.sep == k.sep && !k2.seconds &&
        k2.frac == CC_NONE && ends_clean(c, k2.last)) {
        range = true; /* 09:00-14:30 */
        last = k2.last;
    }
    size_t nx = cc_next(c, last), end = last;
    bool hword = false;
    char mer = 0;
    if (k.sep != 'h' && cc_cue(c, nx, ES_CUE_HOUR_WORD)) {
        hword = true;
        end = nx;
        /* "h." at a sentence end: the point is the sentence's; "07:42 hrs., informó": the
         * abbreviation's, when a comma or a lower-case word follows */
        size_t after = cc_next(c, nx + 1);
        if (cc_eq(c, nx + 1, ".") && cc_touch(c, nx) && after < c->n &&
            (cc_eq(c, after, ",") || cc_eq(c, after, ";") ||
             (cc_is(c, after, TOK_WORD) && !cc_capitalized(c, after))))
            end = nx + 1;
    } else
        mer = meridiem(c, nx, k.h == 12 && (k.minutes || after_las), &end);
    if (range && k.sep == '.' && !hword && !mer) return 0; /* 1.05-2.10: numbers */
    bool partner = clock_partner(c, first, nx);
    char *p = cc_alloc(c, 96);
    if (!p) return 0;
    /* " ho": the word horas written out, which a 24-hour clock reads aloud (14:35 horas) */
    /* hrs., hs., hr.: horas abbreviated, read as written out (07:42 hrs.: siete cuarenta y dos
     * horas) */
    bool horas = !cc_word_is(c, nx, "h"); /* every hour word but h says "horas" */
    const char *style = hword && horas ? " ho"
                        : hword        ? " h"
                        : mer == 'a'   ? " am"
                        : mer == 'p'   ? " pm"
                        : mer          ? " m"
                                       : "";
    if (k.sep == 'h' && k.minutes) style = " hm";
    /* de 08h00 a 11h00: the range's end says its horas (de ocho a once horas); not across
     * midnight (de 23h00 a 05h00: veintitrés horas a cinco horas) */
    unsigned end_h;
    if (k.sep == 'h' && k.minutes && (cc_word_is(c, nx, "a") || cc_word_is(c, nx, "hasta")) &&
        cc_small(c, cc_next(c, nx), 2, 0, 24, &end_h) && end_h > k.h &&
        cc_touch(c, cc_next(c, nx)) && cc_word_is(c, cc_next(c, nx) + 1, "h"))
        style = " hn";
    /* duró 2:12: minutes and seconds (dos minutos y doce segundos) */
    if (!*style && !range && k.sep == ':' && !k.seconds && k.frac == CC_NONE && k.m < 60 &&
        cc_cue(c, cc_prev(c, first), ES_CUE_DURATION))
        style = " du";
    /* a full hour of the afternoon or night on the 24-hour clock says its "horas", as the
       newsreader does: a las 20:00 -> veinte horas (but 20:00 hora local, and Bolivia's "a horas
       16:00", whose horas is written before it) */
    const hhmm *ends = range ? &k2 : &k;
    if (!*style && plain && k.sep == ':' && !ends->m && (ends->h >= 13 || ends->h == 0) &&
        ends->h <= 24 && !cc_word_is(c, nx, "hora") && !horas_written_before(c, first) &&
        !((cc_word_is(c, nx, "a") || cc_word_is(c, nx, "y") || cc_word_is(c, nx, "hasta")) &&
          (cc_is(c, cc_next(c, nx), TOK_NUMBER) || end_says_horas(c, cc_next(c, nx)))))
        style = " h"; /* de 16:00 a 19:30, entre las 13:00 y las 16:00: the range's end says it */
    if (!*style && !range && k.minutes && k.m && end_has_hour_word(c, nx))
        style = " hn"; /* entre las 7.15 y las 9.30 h: siete quince y nueve treinta horas */
    if (!*style && after_las)
        style = " la"; /* a las 13:45: a clock's time (trece cuarenta y cinco) */
    int n = snprintf(p, 96, "%s%s%u:%02u", la ? "la " : "",
                     range && !la && !range_has_de(c, cc_prev(c, first)) ? "de " : "", k.h, k.m);
    if (k.seconds) n += snprintf(p + n, 96 - (size_t)n, ":%02u", k.s);
    if (k.frac != CC_NONE)
        n += snprintf(p + n, 96 - (size_t)n, ".%.*s", (int)cc_len(c, k.frac), cc_ptr(c, k.frac));
    if (range) n += snprintf(p + n, 96 - (size_t)n, "-%u:%02u", k2.h, k2.m);
    snprintf(p + n, 96 - (size_t)n, "%s", style);
    size_t zlast = zone_after(c, end, p, 96);
    if (!k.minutes && !k.seconds) {
        /* a bare hour: 01 h, las 10 h, 6 p. m., a las 1 de la tarde, 10 h UTC (3 h is a measure) */
        bool zero = cc_len(c, i) == 2 && cc_ptr(c, i)[0] == '0';
        bool compound = cc_is(c, cc_next(c, end), TOK_NUMBER); /* 2 h 30 min: a measure */
        bool ok = (hword && !compound && (zero || after_las || zlast != CC_NONE)) ||
                  (mer && k.h >= 1 && k.h <= 12) || (after_las && !hword && day_part_at(c, nx));
        if (!ok) return 0;
    } else if ((k.sep == '.' || k.sep == ',') && !hword && !mer && zlast == CC_NONE && !range) {
        if (cc_is(c, nx, TOK_SYMBOL) || cc_eq(c, nx, "%") ||
            (cc_is(c, nx, TOK_WORD) && !cc_capitalized(c, nx) &&
             !es_is_function_word(c->lang, cc_ptr(c, nx), cc_len(c, nx)) &&
             (!after_las || counts_las(c, nx))))
            return 0; /* 2.50 euros, 1.30 metros, las 9,45 toneladas: not a time */
        /* fue segunda con 12.41: in a country's copy that writes decimal points (not just any
           American copy), a bare one is a number, unless an hour's article or partner shows a
           clock (a las 9.45, de 9.00 a 14.00) */
        if (k.sep == '.' && !after_las && !partner && c->region->own == ES_STYLE_POINT &&
            strcmp(c->region->code, "es-419"))
            return 0;
        if (k.sep == '.' && !after_las && race_decimal(c, first)) {
            char *d = cc_alloc(c, 16);
            if (!d) return 0;
            snprintf(d, 16, "%u.%02u", k.h, k.m);
            *out = cc_make(c, SEM_DECIMAL, i, last, d);
            /* efectividad en 2.15 in copy that writes decimals with a point: dos punto quince */
            if (c->region && c->region->style == ES_STYLE_POINT) out->flags |= SEM_POINT;
            return last - i + 1;
        }
    }
    if (zlast != CC_NONE) end = zlast;
    /* 1:45.32 minutos, 2:05:41 horas: the unit is already said */
    if ((k.frac != CC_NONE || k.seconds) && !hword && cc_cue(c, cc_next(c, end), ES_CUE_TIME_UNIT))
        end = cc_next(c, end);
    *out = cc_make(c, SEM_TIME, first, end, p);
    if (c->region && c->region->clock_and) out->flags |= SEM_CLOCK_AND;
    if (k.sep == '.') out->flags |= SEM_POINT; /* 12.15 a.m.: doce y cuarto, as NeMo says it */
    if (mer && zlast == CC_NONE) point_may_end(c, end, out);
    return end - first + 1;
}

/* ---- Roman numerals ---- */

/* Value of a canonical Roman numeral (XIV, mcmlxxxix), 0 when s is not one. */
static unsigned roman_value(const char *s, size_t n)
{
    /* not words (Roman numerals) */
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
    /* a noun that names a body (la Comisión VII: séptima), or a name ending in a */
    return es_noun_gender(c->lang, cc_ptr(c, i), cc_len(c, i));
}

/* Did kings, queens or popes bear the name at i (names.tsv, given-names.tsv: Felipe, Isabel,
 * León, Mohamed)? */
static bool regnal_name(const cctx *c, size_t i)
{
    return table_getn(c->lang->names, cc_ptr(c, i), cc_len(c, i)) ||
           (c->lang->given_names && table_getn(c->lang->given_names, cc_ptr(c, i), cc_len(c, i)));
}

/* Does a noun of numbered things (cues.tsv roman-number-noun) come before the capitalized
 * words that end at i (el proyecto Fibra Óptica Austral II, la misión Artemis III), maybe with
 * an adjective or two between (la planta geotérmica Borinquen I, el parque solar La Herradura I)?
 */
static bool numbered_thing_before(const cctx *c, size_t i)
{
    size_t k = i;
    for (int words = 0; words < 4 && k != CC_NONE && cc_capitalized(c, k); words++)
        k = cc_prev(c, k);
    if (k == CC_NONE || k == i) return false;
    for (int adjectives = 0; adjectives < 3 && k != CC_NONE; adjectives++) {
        if (cc_cue(c, k, ES_CUE_ROMAN_NUMBER_NOUN)) return true;
        if (!cc_is(c, k, TOK_WORD) || cc_capitalized(c, k) ||
            es_is_function_word(c->lang, cc_ptr(c, k), cc_len(c, k)))
            return false;
        k = cc_prev(c, k);
    }
    return false;
}

/* siglo XV, s. XV, los siglos XVI y XVII, del siglo XV al XVII: p (the token before the
 * numeral) ends a mention of centuries. */
static bool century_before(const cctx *c, size_t p)
{
    if (cc_cue(c, p, ES_CUE_CENTURY)) return true;
    if (p != CC_NONE && cc_eq(c, p, ".") && p > 0 && cc_eq(c, p - 1, "s")) return true;
    if (cc_cue(c, p, ES_CUE_CENTURY_JOIN) || cc_eq(c, p, ",") || cc_eq(c, p, "-")) {
        size_t r = p > 0 && cc_eq(c, p, "-") ? p - 1 : cc_prev(c, p);
        if (r == CC_NONE || !cc_roman(c, r)) return false;
        return century_before(c, r > 0 && cc_eq(c, r - 1, "-") ? r - 1 : cc_prev(c, r));
    }
    return false;
}

/* Does a century numeral between tokens p and nx stand beside one above X (del siglo X al XII,
 * los siglos IX y XI: read as cardinals together)? */
static bool beside_higher_century(const cctx *c, size_t p, size_t nx)
{
    size_t other[2] = {cc_cue(c, p, ES_CUE_CENTURY_JOIN) ? cc_prev(c, p) : CC_NONE,
                       cc_cue(c, nx, ES_CUE_CENTURY_JOIN) ? cc_next(c, nx) : CC_NONE};
    for (size_t k = 0; k < 2; k++) {
        size_t o = other[k];
        if (o == CC_NONE || !cc_is(c, o, TOK_WORD)) continue;
        if (cc_roman(c, o) && roman_value(cc_ptr(c, o), cc_len(c, o)) > 10) return true;
    }
    return false;
}

/* The word before a list of numerals that p ends (los distritos II, V y VI: distritos for
 * V and VI), or p itself when no list of Roman numerals comes before. */
static size_t list_head(const cctx *c, size_t p)
{
    size_t q = p;
    for (int k = 0; k < 8 && (cc_eq(c, q, ",") || cc_word_is(c, q, "y") || cc_word_is(c, q, "e") ||
                              cc_word_is(c, q, "o"));
         k++) {
        size_t r = cc_prev(c, q);
        if (r == CC_NONE || !cc_is(c, r, TOK_WORD) || !all_of(cc_ptr(c, r), cc_len(c, r), "IVXLC"))
            return p;
        q = cc_prev(c, r);
    }
    return q == CC_NONE ? p : q;
}

/* Felipe VI -> ROMAN "6" ordinal; Luis XIV -> "14"; siglo XXI -> "21";
 * la I Guerra Mundial -> "1" ordinal f; never Xi (Jinping), Li, or a lone English I */
bool es_half_before_year(const cctx *c, size_t i)
{
    size_t n = cc_len(c, i);
    return cc_is(c, i, TOK_WORD) && (n == 1 || n == 2) && all_of(cc_ptr(c, i), n, "I") &&
           cc_eq(c, i + 1, "-") && cc_touch(c, i) && cc_touch(c, i + 1) &&
           cc_is(c, i + 2, TOK_NUMBER) && cc_len(c, i + 2) == 4 &&
           (!cc_touch(c, i + 2) || cc_is(c, i + 3, TOK_PUNCT)) && (i == 0 || !cc_touch(c, i - 1));
}

size_t es_rec_roman(const cctx *c, size_t i, sem_token *out)
{
    if (!cc_is(c, i, TOK_WORD)) return 0;
    /* names of products whose letter is a letter: Xbox Series X, Windows XP, iPhone X */
    if (cc_cue(c, cc_prev(c, i), ES_CUE_ROMAN_LETTER_NAME)) return 0;
    const char *w = cc_ptr(c, i);
    size_t n = cc_len(c, i);
    if (!all_of(w, n, "IVXLCDMivxlcdm")) return 0; /* most words: not a numeral at all */
    size_t p = cc_prev(c, i), nx = cc_next(c, i);
    /* Ángel L. Rivera: an initial between names (no one reigns as the 50th) */
    if (n == 1 && strchr("LCDM", w[0]) && cc_eq(c, i + 1, ".") && cc_capitalized(c, p) &&
        cc_capitalized(c, cc_next(c, i + 1)))
        return 0;
    /* Liga BetPlay 2024-II: a year's half, a plain number (dos) */
    if (i >= 2 && (n == 1 || n == 2) && all_of(w, n, "I") && cc_eq(c, i - 1, "-") &&
        cc_touch(c, i - 1) && cc_touch(c, i - 2) && cc_is(c, i - 2, TOK_NUMBER) &&
        cc_len(c, i - 2) == 4 && !(cc_touch(c, i) && !cc_is(c, i + 1, TOK_PUNCT))) {
        *out = cc_make(c, SEM_ROMAN, i, i, n == 1 ? "1" : "2");
        return 1;
    }
    if (es_half_before_year(c, i)) { /* el ciclo I-2026: uno */
        *out = cc_make(c, SEM_ROMAN, i, i, n == 1 ? "1" : "2");
        return 1;
    }
    bool span = cc_eq(c, i + 1, "-") && cc_touch(c, i + 1) && cc_is(c, i + 2, TOK_WORD) &&
                century_before(c, p); /* siglos XV-XVI */
    if (cc_touch(c, i) && (cc_is(c, i + 1, TOK_WORD) || cc_is(c, i + 1, TOK_NUMBER) ||
                           (cc_eq(c, i + 1, "-") && !span)))
        return 0;
    unsigned v;
    bool upper = all_of(w, n, "IVXLCDM");
    /* año MCMLXXXIX, año mcmlxxxix: a year in Roman numerals, read as a number */
    if (cc_word_is(c, p, "año") && n >= 3 && (upper || all_of(w, n, "ivxlcdm")) &&
        (v = roman_value(w, n)) >= 100) {
        char *d = cc_alloc(c, 12);
        if (!d) return 0;
        snprintf(d, 12, "%u", v);
        *out = cc_make(c, SEM_ROMAN, i, i, d);
        return 1;
    }
    if (century_before(c, p)) {
        if (!(upper || all_of(w, n, "ivxlcdm")) || !(v = roman_value(w, n)) || v > 30) return 0;
        char *d = cc_alloc(c, 8);
        if (!d) return 0;
        snprintf(d, 8, "%u", v);
        *out = cc_make(c, SEM_ROMAN, i, i, d);
        /* siglo I: primero, siglos V y III a. C.: quinto y tercero, as the first ten are read
           (XV quince); written in lower case (siglo x ec), only the first */
        bool first_ten = upper && v <= 10 && !cc_eq(c, p, "-") && !beside_higher_century(c, p, nx);
        if ((first_ten ||
             (v == 1 && cc_cue(c, p, ES_CUE_CENTURY) && !cc_cue(c, nx, ES_CUE_CENTURY_JOIN))) &&
            !cc_eq(c, i + 1, "-"))
            out->flags |= SEM_AS_ORDINAL;
        return 1;
    }
    if (!upper || !all_of(w, n, "IVXLC") || !(v = roman_value(w, n)) || v > 99) return 0;
    size_t head = list_head(c, p); /* los capítulos II y III: the noun before the list */
    if (head != p &&
        (cc_cue(c, head, ES_CUE_ROMAN_ORDINAL_NOUN) || cc_cue(c, head, ES_CUE_ROMAN_NUMBER_NOUN)))
        p = head;
    /* above L only before a noun after a determiner: la LXIII Serie Nacional */
    bool high = v > 50 || memchr(w, 'C', n);
    /* ...or after a name it numbers: el Super Bowl LIX (cincuenta y nueve) */
    bool after_name = cc_capitalized(c, p) && p + 2 == i && n >= 2 &&
                      !all_of(cc_ptr(c, p), cc_len(c, p), "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    /* ...or after a noun it numbers: su edición LVII (cincuenta y siete) */
    bool after_noun =
        cc_cue(c, p, ES_CUE_ROMAN_ORDINAL_NOUN) || cc_cue(c, p, ES_CUE_ROMAN_NUMBER_NOUN);
    if (high && !(cc_cue(c, p, ES_CUE_DETERMINER) && cc_is(c, nx, TOK_WORD)) && !after_name &&
        !after_noun)
        return 0;
    es_gender g = ES_MASC;
    bool ordinal, before_noun = false, plural = false;
    /* nouns whose Roman numeral is a plain number: la fase II (dos), el grupo III (tres),
     * la Clase V (cinco, never "quinto" as if Clase were a king) */
    /* fracc. III: the noun abbreviated before its point */
    bool abbreviated = cc_eq(c, p, ".") && p > 0 && cc_touch(c, p - 1) &&
                       cc_cue(c, p - 1, ES_CUE_ROMAN_NUMBER_NOUN);
    if (abbreviated || cc_cue(c, p, ES_CUE_ROMAN_NUMBER_NOUN) ||
        cc_cue(c, nx, ES_CUE_ROMAN_NUMBER_AFTER)) {
        ordinal = false; /* ...and a fiesta de XV años, el XV inicial of rugby (quince) */
    } else if (cc_cue(c, p, ES_CUE_ROMAN_ORDINAL_NOUN)) {
        /* la parte II, el capítulo XII, el tomo III */
        g = es_noun_gender(c->lang, cc_ptr(c, p), cc_len(c, p));
        ordinal = v <= 10;
    } else if (cc_capitalized(c, p) && p + 2 == i &&
               !all_of(cc_ptr(c, p), cc_len(c, p), "IVXLCDM") && cc_prev(c, p) != CC_NONE) {
        /* a monarch or pope: Felipe VI, Isabel II, Benedicto XVI, Juan XXIII */
        bool upper_name = true;
        for (size_t k = 0; k < cc_len(c, p); k++)
            if (cc_ptr(c, p)[k] >= 'a' && cc_ptr(c, p)[k] <= 'z') upper_name = false;
        /* an acronym: "PSOE I" is not a reign; "GTA VI" numbers a thing (seis) */
        if (upper_name && n < 2) return 0;
        g = name_gender(c, p);
        /* but the name of a thing numbered: la misión Artemis III (tres), el proyecto Fibra
         * Óptica Austral II (dos), the prison of Fraijanes II (a name no king bore: dos) */
        ordinal = v <= 10 && !upper_name && !numbered_thing_before(c, p) && regnal_name(c, p);
    } else if (cc_capitalized(c, p) && p + 2 == i && cc_prev(c, p) == CC_NONE &&
               !cc_cue(c, p, ES_CUE_DETERMINER)) {
        g = name_gender(c, p); /* at the start: "Felipe VI inauguró" (GTA VI: seis) */
        ordinal = v <= 10 && !all_of(cc_ptr(c, p), cc_len(c, p), "ABCDEFGHIJKLMNOPQRSTUVWXYZ") &&
                  regnal_name(c, p);
    } else if (cc_is(c, nx, TOK_WORD) &&
               !es_is_function_word(c->lang, cc_ptr(c, nx), cc_len(c, nx)) &&
               (cc_cue(c, p, ES_CUE_DETERMINER) ||
                ((n > 1 || cc_cue(c, nx, ES_CUE_ROMAN_ORDINAL_BEFORE)) &&
                 (p == CC_NONE || cc_eq(c, p, ".") || cc_eq(c, p, ","))))) {
        /* (Cayetana, XVIII duquesa de Alba: after a comma too) */
        /* before its noun: la I Guerra Mundial, el XI apóstol, XV Congreso */
        g = es_noun_gender(c->lang, cc_ptr(c, nx), cc_len(c, nx));
        /* the article tells when a name comes first: el XXIII Panama Jazz Festival */
        if (cc_word_is(c, p, "el") || cc_word_is(c, p, "del") || cc_word_is(c, p, "al") ||
            cc_word_is(c, p, "los"))
            g = ES_MASC;
        else if (cc_word_is(c, p, "la") || cc_word_is(c, p, "las"))
            g = ES_FEM;
        ordinal = before_noun = true;
        /* los XX Juegos: a plural determiner and noun, a plural ordinal (vigésimos) */
        plural = p != CC_NONE && cc_ptr(c, p)[cc_len(c, p) - 1] == 's' &&
                 cc_ptr(c, nx)[cc_len(c, nx) - 1] == 's';
    } else if (n >= 2 && all_of(w, n, "IVX") && p != CC_NONE && cc_is(c, p, TOK_WORD) &&
               !cc_capitalized(c, p) && !es_is_function_word(c->lang, cc_ptr(c, p), cc_len(c, p)) &&
               p + 2 == i) {
        ordinal = false; /* la planta concentradora III: a thing numbered (tres) */
    } else
        return 0;
    char *d = cc_alloc(c, 8);
    if (!d) return 0;
    snprintf(d, 8, "%u", v);
    *out = cc_make(c, SEM_ROMAN, i, i, d);
    out->gender = g;
    if (ordinal) out->flags |= SEM_AS_ORDINAL;
    if (before_noun && v != 11) out->flags |= SEM_APOCOPE; /* el III Congreso -> tercer */
    if (plural) out->flags |= SEM_PLURAL;
    return 1;
}
