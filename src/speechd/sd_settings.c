/* sd_settings.c - the module's settings: SET keys and values, the voices it lists, locutor.conf,
 * and the mapping of speech-dispatcher's -100..100 to words per minute, pitch and volume. */
#include "sd_settings.h"

#include "sd_protocol.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The voices: speech-dispatcher's name, its language, the region, the espeak-ng voice. */
static const struct {
    const char *name, *lang, *region, *espeak;
} voices[] = {
    {"locutor-es", "es", "es-ES", "es"},           {"locutor-es-419", "es-419", "es-419", "es-419"},
    {"locutor-es-MX", "es-MX", "es-MX", "es-419"}, {"locutor-es-AR", "es-AR", "es-AR", "es-419"},
    {"locutor-es-CO", "es-CO", "es-CO", "es-419"}, {"locutor-es-CL", "es-CL", "es-CL", "es-419"},
    {"locutor-es-US", "es-US", "es-US", "es-419"},
};
enum { NVOICES = sizeof voices / sizeof voices[0] };

void sd_settings_init(sd_settings *s)
{
    *s = (sd_settings){.max_rate = 450};
    strcpy(s->language, "es");
}

/* An integer in [lo, hi] from the whole of text; 0 when it is not one. */
static int int_in(const char *text, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || end == text || *end || v < lo || v > hi) return 0;
    *out = (int)v;
    return 1;
}

int sd_settings_config(sd_settings *s, const char *path, char *err, size_t errsize)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errsize, "%s: cannot open it", path);
        return 0;
    }
    char line[1200];
    int n = 0, ok = 1;
    while (ok && fgets(line, sizeof line, f)) {
        n++;
        line[strcspn(line, "\r\n")] = '\0';
        char *key = line + strspn(line, " \t"), *value = key + strcspn(key, " \t");
        if (*key == '#' || !*key) continue;
        if (*value) *value++ = '\0';
        value += strspn(value, " \t\"");
        value[strcspn(value, "\"")] = '\0';
        if (strcmp(key, "LocutorMaxRate") == 0) {
            ok = int_in(value, 176, 900, &s->max_rate);
        } else if (strcmp(key, "LocutorDataDir") == 0) {
            ok = strlen(value) < sizeof s->data_dir;
            if (ok) strcpy(s->data_dir, value);
        } else {
            ok = 0;
        }
        if (!ok) snprintf(err, errsize, "%s:%d: unknown setting or bad value: %s", path, n, key);
    }
    fclose(f);
    return ok;
}

/* Copies a string value ("NULL" means none) into a field of size bytes. */
static int copy_name(char *field, size_t size, const char *value)
{
    if (strlen(value) >= size) return 0;
    strcpy(field, strcmp(value, "NULL") == 0 ? "" : value);
    return 1;
}

int sd_settings_set(sd_settings *s, const char *line, char *err, size_t errsize)
{
    static const char *const punct[] = {"none", "some", "most", "all"};
    const char *eq = strchr(line, '=');
    char key[64];
    if (!eq || (size_t)(eq - line) >= sizeof key) {
        snprintf(err, errsize, "SET: not key=value: %s", line);
        return 0;
    }
    memcpy(key, line, (size_t)(eq - line));
    key[eq - line] = '\0';
    const char *v = eq + 1;
    int ok = 1;
    if (strcmp(key, "rate") == 0)
        ok = int_in(v, -100, 100, &s->rate);
    else if (strcmp(key, "pitch") == 0)
        ok = int_in(v, -100, 100, &s->pitch);
    else if (strcmp(key, "volume") == 0)
        ok = int_in(v, -100, 100, &s->volume);
    else if (strcmp(key, "pitch_range") == 0 || strcmp(key, "voice") == 0)
        ok = 1; /* unused */
    else if (strcmp(key, "spelling_mode") == 0)
        s->spelling = strcmp(v, "on") == 0 || strcmp(v, "1") == 0;
    else if (strcmp(key, "cap_let_recogn") == 0)
        s->caps = strcmp(v, "none") != 0 && strcmp(v, "0") != 0;
    else if (strcmp(key, "language") == 0)
        ok = copy_name(s->language, sizeof s->language, v);
    else if (strcmp(key, "synthesis_voice") == 0)
        ok = copy_name(s->voice, sizeof s->voice, v);
    else if (strcmp(key, "punctuation_mode") == 0) {
        ok = 0;
        for (int i = 0; i < 4; i++)
            if (strcmp(v, punct[i]) == 0) s->punct = i, ok = 1;
    } else {
        snprintf(err, errsize, "SET: unknown key %s", key);
        return 0;
    }
    if (!ok) snprintf(err, errsize, "SET: bad value for %s: %s", key, v);
    return ok;
}

locutor_voice_options sd_settings_voice(const sd_settings *s)
{
    locutor_voice_options o = {0};
    o.rate = s->rate <= 0 ? 175 + s->rate * 95 / 100 : 175 + s->rate * (s->max_rate - 175) / 100;
    o.pitch = (s->pitch + 100) / 2;
    o.volume = s->volume + 100;
    if (o.volume == 0) o.volume = 1; /* 0 means "the default" to liblocutor */
    o.buffer_ms = 20;
    return o;
}

sd_choice sd_settings_choice(const sd_settings *s)
{
    sd_choice c = {1, voices[0].region, voices[0].espeak, NULL};
    const char *lang = s->language;
    if (*lang && strncasecmp(lang, "es", 2) != 0) {
        c.spanish = 0, c.language = lang;
        return c;
    }
    for (size_t i = 0; i < NVOICES; i++)
        if (strcmp(s->voice, voices[i].name) == 0) {
            c.region = voices[i].region, c.espeak = voices[i].espeak;
            return c;
        }
    if (strlen(lang) > 2) { /* es-XX: its region if listed, else Latin America */
        c.region = voices[1].region, c.espeak = voices[1].espeak;
        for (size_t i = 0; i < NVOICES; i++)
            if (strcasecmp(lang, voices[i].lang) == 0)
                c.region = voices[i].region, c.espeak = voices[i].espeak;
    }
    return c;
}

void sd_settings_list_voices(void)
{
    char reply[1024] = "";
    size_t n = 0;
    for (size_t i = 0; i < NVOICES; i++)
        n += (size_t)snprintf(reply + n, sizeof reply - n, "200-%s\t%s\tnone\n", voices[i].name,
                              voices[i].lang);
    snprintf(reply + n, sizeof reply - n, "200 OK VOICE LIST SENT\n");
    sdp_write(reply);
}
