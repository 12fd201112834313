/* options.h - the command line of locutor, parsed into one struct. */
#ifndef LOC_OPTIONS_H
#define LOC_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "reader.h"
#include "status.h"
#include "strbuf.h"
#include "synth.h"

typedef struct {
    char **inputs; /* points into argv; "-" is standard input */
    size_t ninputs;
    const char *output; /* -o FILE, NULL when none */
    const char *driver; /* --driver NAME, NULL for automatic */
    bool play, text, ssml, verbose;
    bool help, version, list_voices;
    bool quiet, resume, announce; /* the interactive player: no event lines, resume, cues */
    synth_options voice;
    int jobs;                 /* -j N: blocks synthesized at once */
    bool jobs_given;          /* -j was on the command line (not the processor count) */
    const char *lexicons[16]; /* --lexicon FILE, applied in order */
    const char *region;       /* --region CODE, NULL to guess each article's */
    bool no_foreign;          /* --no-foreign: no approximation of foreign words */
    bool list_regions;
    size_t nlexicons;
    /* briefings (several articles as one program) */
    bool briefing; /* intro, separators, outro: on with 2+ articles or --briefing */
    bool no_intro, no_outro;
    const char *title;                       /* --title: the intro's words */
    int year, month, day;                    /* --date, else today */
    const char *jingle;                      /* --jingle FILE between articles */
    const char *captions, *marks, *chapters; /* timing outputs */
    bool loudness_off;
    double loudness;             /* target LUFS for file output (default -16) */
    int sample_rate;             /* --sample-rate, 0: the synthesizer's */
    int bitrate;                 /* --bitrate kbps for MP3/Opus, 0: default */
    const char *split;           /* --split DIR: one file per article */
    const char *feed, *feed_url; /* --feed FILE.xml --feed-url BASE */
    read_options read;           /* --format, --encoding, --max-items, --since */
    bool stdin_closed;           /* set by main: standard input was closed, not empty */
} loc_options;

/* Parses argv. On a bad option or value returns LOC_ERR_USAGE with err naming it. */
loc_status options_parse(int argc, char **argv, loc_options *o, strbuf *err);

/* The text of --help, in two parts printed one after the other. */
extern const char options_help[];
extern const char options_help_more[];
extern const char options_help_end[];

#endif
