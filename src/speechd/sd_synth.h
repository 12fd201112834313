/* sd_synth.h - the synthesis thread: one message at a time said with liblocutor, its audio and
 * marks sent as 705 and 700 events, ended by 702, 703 or 704; stop and pause from any thread. */
#ifndef SD_SYNTH_H
#define SD_SYNTH_H

#include "sd_settings.h"
#include "sd_ssml.h"
#include "sd_words.h"

#include <stddef.h>

typedef enum { SD_SPEAK, SD_CHAR, SD_KEY, SD_ICON } sd_kind;

/* Loads the language data and opens the voice for the settings (data_dir of settings, else the
 * library's), starts the thread; 0 with one line in err. */
int sd_synth_start(const sd_settings *settings, char *err, size_t errsize);
/* The module's word tables (valid after sd_synth_start). */
const sd_words *sd_synth_words(void);
/* Hands a message over (taking text's contents; for SD_SPEAK, line is unused); 0 when one is
 * being said already (or before sd_synth_start). Call after replying 200 OK SPEAKING. */
int sd_synth_begin(sd_kind kind, sd_text *text, const char *line, const sd_settings *settings);
/* Whether a message is being said. */
int sd_synth_busy(void);
/* Stops the message being said (703 STOP follows); nothing when idle. */
void sd_synth_stop(void);
/* Stops it after the next __spd_ mark (704 PAUSE follows). */
void sd_synth_pause(void);
/* Stops what is said, ends the thread, closes the voice. */
void sd_synth_end(void);

#endif
