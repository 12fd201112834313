/* read_date.h - the one date parser: feeds' item dates, --since and --date. */
#ifndef LOC_READ_DATE_H
#define LOC_READ_DATE_H

#include <stdbool.h>
#include <time.h>

/* A date as written. */
typedef struct {
    int year, month, day; /* a real calendar day */
    long clock;           /* seconds since midnight, 0 when none is written */
    long zone;            /* offset east of UTC in seconds, 0 when none (or named) */
    bool day_only;        /* nothing is written after the day */
} date_parts;

/* Parses an ISO 8601 date ("2025-07-12", "2025-07-12T10:00:00+02:00") or an RFC 822 one
 * ("Sat, 12 Jul 2025 10:00:00 +0200"): its parts into *parts and its moment into *out as
 * seconds since 1970 UTC (either may be NULL). False when s is no such date, or names a day
 * the calendar does not have (30 February). */
bool date_parse(const char *s, date_parts *parts, time_t *out);

#endif
