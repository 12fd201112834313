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
    synth_options voice;
    int jobs;                 /* -j N: blocks synthesized at once */
    const char *lexicons[16]; /* --lexicon FILE, applied in order */
    size_t nlexicons;
    read_options read; /* --format, --encoding, --max-items, --since */
} loc_options;

/* Parses argv. On a bad option or value returns LOC_ERR_USAGE with err naming it. */
loc_status options_parse(int argc, char **argv, loc_options *o, strbuf *err);

/* The text of --help. */
extern const char options_help[];

#endif
