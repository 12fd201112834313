/* sd_settings.h - the module's settings: SET keys, voices, locutor.conf, and what they mean for
 * liblocutor (rate, pitch, volume; region; espeak-ng voice or language). */
#ifndef SD_SETTINGS_H
#define SD_SETTINGS_H

#include "locutor.h"

#include <stddef.h>

enum { SD_PUNCT_NONE, SD_PUNCT_SOME, SD_PUNCT_MOST, SD_PUNCT_ALL };

typedef struct {
    int rate, pitch, volume; /* speech-dispatcher's -100..100 */
    int punct;               /* SD_PUNCT_* */
    int spelling;            /* spelling_mode on: words letter by letter */
    int caps;                /* cap_let_recogn other than none */
    char language[32];       /* "es", "es-MX", "en"…; "" for none */
    char voice[48];          /* synthesis_voice, "" for none */
    int max_rate;            /* wpm at rate 100 (locutor.conf LocutorMaxRate) */
    char data_dir[1024];     /* locutor.conf LocutorDataDir, "" for the library's own */
} sd_settings;

/* What a message is said with. */
typedef struct {
    int spanish;          /* normalize (else said as written in language) */
    const char *region;   /* the normalizer's region */
    const char *espeak;   /* espeak-ng voice of the locutor voice ("es", "es-419") */
    const char *language; /* espeak-ng language when not Spanish */
} sd_choice;

/* The defaults: rate 0, pitch 0, volume 0 (175 wpm, 50, 100), punctuation none, es. */
void sd_settings_init(sd_settings *s);
/* Reads locutor.conf (LocutorMaxRate N, LocutorDataDir "dir"); 0 with err on a bad line. */
int sd_settings_config(sd_settings *s, const char *path, char *err, size_t errsize);
/* Applies one key=value line of SET; 0 with err for an unknown key or a bad value. */
int sd_settings_set(sd_settings *s, const char *line, char *err, size_t errsize);
/* liblocutor's voice options for the settings. */
locutor_voice_options sd_settings_voice(const sd_settings *s);
/* Which voice, region or language the settings choose. */
sd_choice sd_settings_choice(const sd_settings *s);
/* Writes the LIST VOICES reply (200-NAME\tLANG\tVARIANT lines, then 200 OK). */
void sd_settings_list_voices(void);

#endif
