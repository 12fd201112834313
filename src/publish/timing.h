/* timing.h - captions (WebVTT/SRT), speech marks (Polly JSON Lines) and chapters from the
 * synthesizer's events. */
#ifndef LOC_TIMING_H
#define LOC_TIMING_H

#include <stdbool.h>
#include <stddef.h>

#include "atomic.h"
#include "chunk.h"
#include "status.h"
#include "strbuf.h"
#include "workers.h"

typedef struct timing timing;

typedef struct {
    double start_s;
    char *title; /* owned by the timing */
} timing_chapter;

/* Opens the files asked for (NULL: not wanted); they are written atomically.
 * The extension of captions picks WebVTT (.vtt) or SubRip (.srt). */
loc_status timing_open(const char *captions, const char *marks, const char *chapters,
                       int sample_rate, timing **out, strbuf *err);

/* Remembers a block about to be spoken: its text, where that is in its file (its
 * source_map; has_source false for the intro and outro, which get no speech marks)
 * and its chunks' marks. */
loc_status timing_add_block(timing *t, unsigned long id, const block *b, bool has_source,
                            const chunk_list *chunks);

/* A chapter titled title starts where block id starts. */
loc_status timing_add_chapter(timing *t, unsigned long first_block, const char *title);

/* Handles one event from the workers (in output order). */
loc_status timing_event(timing *t, const worker_event *ev);

/* The chapters known so far (start times set once their block was reached). */
const timing_chapter *timing_chapters(const timing *t, size_t *count);

/* Writes what is left and renames the files into place, then frees t. */
loc_status timing_finish(timing *t, publish_list *later, strbuf *err);
/* Removes the temporary files and frees t. */
void timing_abort(timing *t);

/* Appends s as the text of a caption cue: for WebVTT (srt false) with & < > escaped, for
 * SubRip with a word joiner (U+2060) after each "<", "&", "{\" or "--" that a player
 * could take for markup or a timing line. Line breaks become spaces. */
bool timing_cue_text(strbuf *out, const char *s, bool srt);

/* Appends s as a JSON string (quotes included). */
bool timing_json_string(strbuf *out, const char *s);

#endif
