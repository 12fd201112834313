/* es_say_date.c - verbalizers for dates and times of day. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "es_say.h"

/* DATE "2024-06-12" -> doce de junio de dos mil veinticuatro; "--05-28" -> veintiocho de mayo;
 * "2026-03-00" -> marzo de dos mil veintiséis */
bool es_say_date(const es_lang *lang, const sem_token *t, strbuf *out)
{
    const char *p = t->payload;
    const char *d2 = strrchr(p, '-');
    if (!d2 || d2 - p < 3) return sb_word(out, p);
    const char *m2 = d2 - 3;
    unsigned day = (unsigned)atoi(d2 + 1), month = (unsigned)atoi(m2 + 1);
    if (month < 1 || month > 12) return sb_word(out, p);
    /* Spain says "el uno de enero" (primero is American usage, RAE DPD) */
    bool first = day == 1 && (t->flags & SEM_AS_ORDINAL); /* Latin America: primero de enero */
    bool ok =
        (day == 0 ||
         ((first ? sb_word(out, "primero") : es_cardinal(&lang->num, out, day, ES_MASC, false)) &&
          sb_word(out, "de"))) &&
        sb_word(out,
                month == 9 && (t->flags & SEM_SETIEMBRE) ? "setiembre" : lang->month_name[month]);
    size_t ylen = (size_t)(m2 - p);
    if (ok && ylen && p[0] != '-') {
        char y[16];
        snprintf(y, sizeof y, "%.*s", (int)ylen, p);
        ok = sb_word(out, "de") && es_cardinal_str(&lang->num, out, y, ES_MASC, false);
    }
    return ok;
}

/* The part of the day after a 12-hour time: 3 am -> de la madrugada, 4 am -> de la mañana,
 * 12 pm -> del mediodía, 12 m. -> del mediodía. Newsreaders say "madrugada" for two and three
 * in the morning (nine of eleven readers in tests/news) and "mañana" from four; one a.m. stays
 * "de la mañana", as NeMo's cases have it. */
static const char *day_part(unsigned h, char mer)
{
    if (mer == 'm') return "del mediodía";
    if (mer == 'a')
        return h == 12 ? "de la noche" : (h == 2 || h == 3) ? "de la madrugada" : "de la mañana";
    return h == 12 ? "del mediodía" : h < 7 ? "de la tarde" : "de la noche"; /* 7 p. m.: noche */
}

/* One clock of a payload: "13:05", "3:02:32", "1:52.08". */
typedef struct {
    unsigned h, m, s;
    int parts;          /* 1..3: hours, minutes, seconds written */
    const char *frac;   /* the hundredths' digits of a race time, or NULL */
    size_t frac_digits; /* how many */
} clock_read;

static const char *read_clock(const char *p, clock_read *k)
{
    char *e;
    memset(k, 0, sizeof *k);
    k->h = (unsigned)strtoul(p, &e, 10);
    if (e == p) return NULL;
    for (k->parts = 1; *e == ':' && k->parts < 3; k->parts++) {
        p = e + 1;
        unsigned v = (unsigned)strtoul(p, &e, 10);
        *(k->parts == 1 ? &k->m : &k->s) = v;
    }
    if (*e == '.') {
        k->frac = e + 1;
        k->frac_digits = strspn(e + 1, "0123456789");
        e += 1 + k->frac_digits;
    }
    return e;
}

/* A unit's word from units.tsv ("h" -> hora|horas), singular or plural. */
static bool unit_word(const es_lang *lang, const char *unit, bool plural, strbuf *out)
{
    const table_entry *e = table_get(lang->units, unit);
    return e ? es_say_form(out, e->spoken, plural) : sb_word(out, unit);
}

/* Amounts joined the Spanish way: "a, b y c", skipping the zero ones. */
typedef struct {
    unsigned long long value;
    es_gender g;
    const char *unit;       /* units.tsv key, or NULL for a partitive */
    unsigned long long den; /* partitive: 100 -> centésimas */
} amount;

static bool say_amounts(const es_lang *lang, const amount *a, size_t n, strbuf *out)
{
    size_t said = 0, total = 0;
    for (size_t k = 0; k < n; k++)
        total += a[k].value != 0;
    bool ok = true;
    for (size_t k = 0; k < n && ok; k++) {
        if (!a[k].value) continue;
        if (said && said + 1 == total) ok = sb_word(out, "y"); /* dos horas cinco minutos y ... */
        ok = ok && es_cardinal(&lang->num, out, a[k].value, a[k].g, true) &&
             (a[k].unit ? unit_word(lang, a[k].unit, a[k].value != 1, out)
                        : es_partitive_g(&lang->num, out, a[k].den, a[k].g, a[k].value != 1));
        said++;
    }
    return ok;
}

/* Hours then minutes as a 24-hour clock shows them: 14:35 -> catorce treinta y cinco, 19:05 ->
 * diecinueve cero cinco, 00:05 -> cero cinco; joined by "y" where the region says so (with_y:
 * catorce y treinta y cinco, diecinueve y cinco) */
static bool say_clock_digits(const es_lang *lang, const clock_read *k, bool with_y, strbuf *out)
{
    return es_cardinal(&lang->num, out, k->h, ES_FEM, false) &&
           (with_y ? sb_word(out, "y") : (k->m >= 10 || k->h == 0 || sb_word(out, "cero"))) &&
           es_cardinal(&lang->num, out, k->m, ES_MASC, false);
}

/* 9:45 -> nueve y cuarenta y cinco; 7:15 -> siete y cuarto; 10:30 -> diez y media (with a. m. or
 * p. m. (am_pm): siete y quince, diez y treinta); after "las",
 * a 24-hour time past noon as the clock shows it (clock24): a las 13:45 -> trece cuarenta y cinco
 * (18:07: dieciocho cero siete; 20:30 veinte treinta), but a bare 14.05 catorce y cinco */
static bool say_clock(const es_lang *lang, const clock_read *k, bool clock24, bool with_y,
                      bool am_pm, strbuf *out)
{
    if (clock24 && k->m && k->h >= 13 && k->h <= 23) return say_clock_digits(lang, k, with_y, out);
    bool ok = es_cardinal(&lang->num, out, k->h, ES_FEM, false);
    /* with a. m. or p. m. after a colon, minutes as numbers: 7:30 a. m. siete y treinta de la
       mañana (writers' first readings 64 to 14 against "y media", 28 to 3 against "y cuarto") */
    if (k->m == 15 && !am_pm) return ok && sb_word(out, "y cuarto");
    if (k->m == 30 && !am_pm) return ok && sb_word(out, "y media");
    if (k->m) return ok && sb_word(out, "y") && es_cardinal(&lang->num, out, k->m, ES_MASC, false);
    return ok;
}

/* A clock time read as hours then minutes before "horas": 14:35, 00:05 and 19:05 (diecinueve cero
 * cinco horas, as the wire's 24-hour clock is read), not 1:25 nor 6:05 (seis y cinco) */
static bool hours_and_minutes(const clock_read *k)
{
    return k->h != 1 && (k->m >= 10 || ((k->h == 0 || k->h >= 13) && k->m));
}

/* "@gmt-3" -> ge eme te menos tres; "@utc+1:30" -> u te ce más una treinta; "@pyt" -> hora de
 * Paraguay (timezones.tsv: a reading in capitals is spelled) */
static bool say_zone(const es_lang *lang, const char *z, strbuf *out)
{
    size_t n = strcspn(z, "+- ");
    char code[16];
    snprintf(code, sizeof code, "%.*s", (int)(n < 15 ? n : 15), z);
    const table_entry *e = table_get(lang->timezones, code);
    const char *say = e ? e->spoken : code;
    bool spell = !e || strspn(say, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == strlen(say);
    bool ok = spell ? es_say_code_letters(lang, out, say, strlen(say), 0) : sb_word(out, say);
    z += n;
    if (!ok || (*z != '+' && *z != '-')) return ok;
    char *colon, digits[8];
    unsigned long long h = strtoull(z + 1, &colon, 10);
    /* +1 -> más uno, but +1:30 -> más una treinta (hours, as on a clock) */
    es_gender g = *colon == ':' ? ES_FEM : ES_MASC;
    snprintf(digits, sizeof digits, "-%llu", h);
    if (*z == '-')
        ok = es_say_number(lang, out, digits, g, false);
    else {
        const table_entry *plus = table_get(lang->symbols, "+");
        ok = sb_word(out, plus ? plus->spoken : "+") && es_cardinal(&lang->num, out, h, g, false);
    }
    if (ok && *colon == ':')
        ok = es_cardinal(&lang->num, out, strtoull(colon + 1, NULL, 10), ES_MASC, false);
    return ok;
}

/* TIME "10:30" -> diez y media; "20:00 h" -> veinte horas; "7:15" -> siete y cuarto;
 * "3:02:32" -> tres horas, dos minutos y treinta y dos segundos; "1:00 pm" -> una de la tarde;
 * "la 1:25" -> la una y veinticinco; "de 9:00-14:30" -> de nueve a catorce y media;
 * "14:35 horas" and "14:35 h" -> catorce treinta y cinco horas (10:30 h -> diez treinta horas);
 * "20:15 hm" -> veinte horas quince; "1:52.08" -> un minuto, cincuenta y dos segundos y ocho
 * centésimas; "45:24" -> cuarenta y cinco minutos y veinticuatro segundos; "20:00 @gmt-3" -> veinte
 * ge eme te menos tres (payloads: es_rec_date.c) */
bool es_say_time(const es_lang *lang, const sem_token *t, strbuf *out)
{
    const char *p = t->payload;
    bool ok = true;
    if (!strncmp(p, "la ", 3)) ok = sb_word(out, "la"), p += 3;
    if (!strncmp(p, "de ", 3)) ok = ok && sb_word(out, "de"), p += 3;
    clock_read a, b;
    bool range = false;
    if (!(p = read_clock(p, &a)) || a.parts < 2) return sb_word(out, t->payload);
    if (*p == '-') {
        if (!(p = read_clock(p + 1, &b))) return sb_word(out, t->payload);
        range = true;
    }
    const clock_read *last = range ? &b : &a; /* the clock the words after it belong to */
    bool with_y = (t->flags & SEM_CLOCK_AND) != 0;
    char style[4] = "";
    const char *zone = NULL;
    while (*p == ' ') {
        if (p[1] == '@') {
            zone = p + 2;
            break;
        }
        size_t n = strcspn(p + 1, " ");
        snprintf(style, sizeof style, "%.*s", (int)(n < 3 ? n : 3), p + 1);
        p += 1 + n;
    }
    if (a.frac) {
        /* a race time: minutes, seconds and tenths, hundredths or thousandths
         * not words (unit symbols): units.tsv's keys */
        unsigned long long den = a.frac_digits == 1 ? 10 : a.frac_digits == 2 ? 100 : 1000;
        amount parts[] = {{a.h, ES_MASC, "min", 0},
                          {a.m, ES_MASC, "s", 0},
                          {strtoull(a.frac, NULL, 10), ES_FEM, NULL, den}};
        ok = ok && say_amounts(lang, parts, 3, out);
    } else if (a.parts == 2 && ((a.h > 24 && !range) || !strcmp(style, "du"))) {
        /* 45:24: past any hour, a race time's minutes and seconds, as after duró (2:12);
         * not words (unit symbols) */
        amount parts[] = {{a.h, ES_MASC, "min", 0}, {a.m, ES_MASC, "s", 0}};
        ok = ok && say_amounts(lang, parts, 2, out);
    } else if (a.parts == 3 && (a.m || a.s)) {
        /* a time with seconds reads like a duration; not words (unit symbols) */
        amount parts[] = {{a.h, ES_FEM, "h", 0}, {a.m, ES_MASC, "min", 0}, {a.s, ES_MASC, "s", 0}};
        ok = ok && say_amounts(lang, parts, 3, out);
    } else if (!strcmp(style, "hm") || !strcmp(style, "hn")) {
        /* 20h15 -> veinte horas quince; 1h30 -> una treinta; "08h30 hn" (de 08h30 a 11h00,
         * the end says horas) -> ocho treinta */
        ok = ok && es_cardinal(&lang->num, out, a.h, ES_FEM, false);
        if (a.h != 1 && style[1] == 'm') ok = ok && unit_word(lang, "h", true, out);
        if (a.m) ok = ok && es_cardinal(&lang->num, out, a.m, ES_MASC, false);
    } else if (!zone && (!strcmp(style, "ho") || !strcmp(style, "h")) && hours_and_minutes(last)) {
        /* 14:35 horas (or h) -> catorce treinta y cinco horas, as the wire's 24-hour clock is
           read, 18.30 h dieciocho treinta horas too; 00:15 h -> cero quince horas; never
           with the y of Argentina's clock (18.30 hs: writers 124 to 6 against "y treinta") */
        if (range) ok = ok && say_clock(lang, &a, false, with_y, false, out) && sb_word(out, "a");
        ok = ok && say_clock_digits(lang, last, false, out) && unit_word(lang, "h", true, out);
    } else {
        bool clock24 = !strcmp(style, "la"); /* after "las" */
        bool meridiem = !strcmp(style, "am") || !strcmp(style, "pm") || !strcmp(style, "m");
        bool am_pm = meridiem && !(t->flags & SEM_POINT); /* every writer's a. m. had a colon */
        ok = ok && say_clock(lang, &a, clock24, with_y, am_pm, out);
        if (range) ok = ok && sb_word(out, "a") && say_clock(lang, &b, clock24, with_y, am_pm, out);
        if ((!strcmp(style, "h") || !strcmp(style, "ho")) && !zone && !last->m && last->h != 1)
            ok = ok && unit_word(lang, "h", true, out); /* 20:00 h -> veinte horas */
        if (ok && meridiem) ok = sb_word(out, day_part(last->h, style[0]));
    }
    if (ok && zone) ok = say_zone(lang, zone, out);
    return ok;
}
