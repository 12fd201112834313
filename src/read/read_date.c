/* read_date.c - the one date parser: ISO 8601 and RFC 822 dates, checked against the calendar. */
#include "read_date.h"

#include <ctype.h>
#include <string.h>

/* Reads k digits at *p into *v. */
static bool digits(const char **p, int k, int *v)
{
    *v = 0;
    for (int i = 0; i < k; i++, (*p)++) {
        if (**p < '0' || **p > '9') return false;
        *v = *v * 10 + (**p - '0');
    }
    return true;
}

/* "Z", "GMT", "+02:00", "-0500": the offset east of UTC in seconds (0 when absent or named). */
static long zone_offset(const char *p)
{
    while (*p == ' ')
        p++;
    if (*p != '+' && *p != '-') return 0;
    int sign = *p == '-' ? -1 : 1, h, m = 0;
    p++;
    if (!digits(&p, 2, &h)) return 0;
    if (*p == ':') p++;
    digits(&p, 2, &m);
    return sign * (h * 3600L + m * 60L);
}

/* "10:00", "10:00:00", "10:00:00.123": seconds since midnight; p moves past it. */
static bool clock_time(const char **p, long *secs)
{
    int h, m, s = 0;
    if (!digits(p, 2, &h) || *(*p)++ != ':' || !digits(p, 2, &m)) return false;
    if (**p == ':' && ((*p)++, !digits(p, 2, &s))) return false;
    while (**p == '.' || (**p >= '0' && **p <= '9'))
        (*p)++;
    *secs = h * 3600L + m * 60L + s;
    return h < 24 && m < 60 && s < 61;
}

/* True when year-month-day is a day of the calendar. */
static bool real_day(int y, int m, int d)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1]) return false;
    return m != 2 || d != 29 || (y % 4 == 0 && (y % 100 || y % 400 == 0));
}

/* "Sat, 12 Jul 2025 10:00:00 +0200" (the weekday optional) into *t; p moves past it. */
static bool rfc822(const char *s, const char **end, date_parts *t)
{
    static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    const char *p = strchr(s, ',') ? strchr(s, ',') + 1 : s;
    while (*p == ' ')
        p++;
    if (!digits(&p, 1, &t->day)) return false;
    if (*p >= '0' && *p <= '9') t->day = t->day * 10 + (*p++ - '0');
    if (*p++ != ' ' || strlen(p) < 4) return false;
    char mon[4] = {(char)tolower((unsigned char)p[0]), (char)tolower((unsigned char)p[1]),
                   (char)tolower((unsigned char)p[2]), 0};
    const char *m = strstr(months, mon);
    if (!m || (m - months) % 3) return false;
    t->month = (int)(m - months) / 3 + 1;
    p += 3;
    while (*p == ' ')
        p++;
    if (!digits(&p, 4, &t->year)) return false;
    t->day_only = true;
    for (const char *q = p; *q; q++)
        t->day_only &= *q == ' ';
    while (*p == ' ')
        p++;
    if (*p && !clock_time(&p, &t->clock)) return false;
    *end = p;
    return true;
}

bool date_parse(const char *s, date_parts *parts, time_t *out)
{
    date_parts t = {0};
    const char *p = s;
    while (*p == ' ')
        p++;
    if (digits(&p, 4, &t.year) && *p == '-') { /* ISO 8601 */
        p++;
        if (!digits(&p, 2, &t.month) || *p++ != '-' || !digits(&p, 2, &t.day)) return false;
        t.day_only = !*p;
        if ((*p == 'T' || *p == ' ') && p[1]) {
            p++;
            if (!clock_time(&p, &t.clock)) return false;
        }
    } else if (!rfc822(s, &p, &t)) {
        return false;
    }
    if (!real_day(t.year, t.month, t.day)) return false;
    t.zone = zone_offset(p);
    struct tm tm = {.tm_year = t.year - 1900, .tm_mon = t.month - 1, .tm_mday = t.day};
    time_t when = timegm(&tm);
    if (when == (time_t)-1) return false;
    if (parts) *parts = t;
    if (out) *out = when + t.clock - t.zone;
    return true;
}
