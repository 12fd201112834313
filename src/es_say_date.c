/* es_say_date.c - verbalizers for dates and times of day. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "es_say.h"

/* DATE "2024-06-12" -> doce de junio de dos mil veinticuatro; "--05-28" -> veintiocho de mayo */
bool es_say_date(const es_lang *lang, const sem_token *t, strbuf *out)
{
    const char *p = t->payload;
    const char *d2 = strrchr(p, '-');
    if (!d2 || d2 - p < 3) return sb_word(out, p);
    const char *m2 = d2 - 3;
    unsigned day = (unsigned)atoi(d2 + 1), month = (unsigned)atoi(m2 + 1);
    if (month < 1 || month > 12) return sb_word(out, p);
    /* Spain says "el uno de enero" (primero is American usage, RAE DPD) */
    bool ok = es_cardinal(out, day, ES_MASC, false) && sb_word(out, "de") &&
              sb_word(out, lang->month_name[month]);
    size_t ylen = (size_t)(m2 - p);
    if (ok && ylen && p[0] != '-') {
        char y[16];
        snprintf(y, sizeof y, "%.*s", (int)ylen, p);
        ok = sb_word(out, "de") && es_cardinal_str(out, y, ES_MASC, false);
    }
    return ok;
}

/* The part of the day after a 12-hour time: 1 am -> de la madrugada, 12 pm -> del mediodía */
static const char *day_part(unsigned h, bool pm)
{
    if (!pm) return h == 12 ? "de la noche" : h < 6 ? "de la madrugada" : "de la mañana";
    return h == 12 ? "del mediodía" : h < 8 ? "de la tarde" : "de la noche";
}

/* TIME "10:30 h" -> diez y media; "20:00 h" -> veinte horas; "7:15" -> siete y cuarto;
 * "3:02:32" -> tres horas dos minutos y treinta y dos segundos; "1:00 pm" -> una de la tarde */
bool es_say_time(const es_lang *lang, const sem_token *t, strbuf *out)
{
    (void)lang;
    unsigned h = 0, m = 0, s = 0;
    char suffix[8] = "";
    int n = sscanf(t->payload, "%u:%u:%u", &h, &m, &s);
    if (n < 2) return sb_word(out, t->payload);
    const char *sp = strchr(t->payload, ' ');
    if (sp) snprintf(suffix, sizeof suffix, "%s", sp + 1);
    bool ok = es_cardinal(out, h, ES_FEM, false);
    if (n == 3 && (m || s)) {
        /* a time with seconds reads like a duration */
        ok = ok && sb_word(out, h == 1 ? "hora" : "horas") && es_cardinal(out, m, ES_MASC, true) &&
             sb_word(out, m == 1 ? "minuto" : "minutos") && sb_word(out, "y") &&
             es_cardinal(out, s, ES_MASC, true) && sb_word(out, s == 1 ? "segundo" : "segundos");
        return ok;
    }
    if (m == 15)
        ok = ok && sb_word(out, "y cuarto");
    else if (m == 30)
        ok = ok && sb_word(out, "y media");
    else if (m)
        ok = ok && sb_word(out, "y") && es_cardinal(out, m, ES_MASC, false);
    else if (!strcmp(suffix, "h") && h != 1)
        ok = ok && sb_word(out, "horas"); /* 20:00 h -> veinte horas */
    if (ok && (!strcmp(suffix, "am") || !strcmp(suffix, "pm")))
        ok = sb_word(out, day_part(h, suffix[0] == 'p'));
    return ok;
}
