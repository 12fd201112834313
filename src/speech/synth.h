/* synth.h - the espeak-ng boundary: speaks SSML fragments into 16-bit PCM. */
#ifndef LOC_SYNTH_H
#define LOC_SYNTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "status.h"
#include "strbuf.h"

typedef struct {
    const char *voice; /* espeak-ng voice name, e.g. "es" or "es-419" */
    int rate;          /* words per minute, 80..900 */
    int pitch;         /* 0..100, espeak-ng's default 50 */
    int volume;        /* 0..200, 100 = normal */
    int buffer_ms;     /* audio delivered in pieces of this length (0: 400 ms); set by the first
                        * synth_open of a process only */
} synth_options;

/* Receives audio as it is made; returns LOC_OK to go on, anything else stops synthesis. */
typedef loc_status (*synth_audio_fn)(void *user, const short *samples, size_t count);

/* Starts espeak-ng (one instance per process). LOC_ERR_VOICE when voice is not
 * an installed Spanish voice. */
loc_status synth_open(const synth_options *opts);
int synth_sample_rate(void);
/* Receives each <mark name="..."/> as it is reached, with its sample position
 * counted from the start of the synth_speak_ssml call. */
typedef loc_status (*synth_mark_fn)(void *user, const char *name, size_t sample);

/* Speaks one SSML document (article text inside it must already be escaped).
 * mark_fn may be NULL. */
loc_status synth_speak_ssml(const char *ssml, synth_audio_fn fn, synth_mark_fn mark_fn, void *user);
/* The same with another installed espeak-ng voice, of any language ("en", "fr"; NULL: the
 * speaking voice), at the speaking rate, pitch and volume; the speaking voice comes back for
 * the next synth_speak_ssml. LOC_ERR_VOICE when there is no such voice. */
loc_status synth_speak_ssml_in(const char *voice, const char *ssml, synth_audio_fn fn,
                               synth_mark_fn mark_fn, void *user);
/* Changes rate (80..900), pitch (0..100) and volume (0..200) for what is spoken next. */
void synth_set_voice_params(int rate, int pitch, int volume);
/* Speaks nothing for ms milliseconds (delivers zero samples). */
loc_status synth_silence(int ms, synth_audio_fn fn, void *user);
/* Changes the speaking rate (words per minute, 80..900) for what is spoken next. */
void synth_set_rate(int wpm);
void synth_close(void);

/* The phonemes another language's voice gives a word, '|' between them (es_phonemes_fn):
 * ("en", "Heathrow") -> "h|'i:|T|r|oU". Starts espeak-ng if nothing has; the speaking voice
 * comes back before the next synth_speak_ssml. */
bool synth_phonemes(void *user, const char *voice, const char *word, strbuf *out);

/* Prints the installed Spanish voices, one per line: name, language, description. */
loc_status synth_list_voices(FILE *out);

#endif
