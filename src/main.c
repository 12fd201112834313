/* main.c - the locutor command: options in, one clear line and an exit status out. */
#include <stdio.h>

#include "options.h"
#include "pipeline.h"
#include "synth.h"

#ifndef LOCUTOR_VERSION
#define LOCUTOR_VERSION "0.1.0"
#endif

int main(int argc, char **argv)
{
    loc_options o;
    strbuf err = {0};
    loc_status st = options_parse(argc, argv, &o, &err);
    if (st == LOC_OK && o.help) {
        fputs(options_help, stdout);
        fputs(options_help_more, stdout);
        fputs(options_help_end, stdout);
    } else if (st == LOC_OK && o.version) {
        printf("locutor %s\n", LOCUTOR_VERSION);
    } else if (st == LOC_OK && o.list_voices) {
        st = synth_list_voices(stdout);
    } else if (st == LOC_OK && o.list_regions) {
        st = pipeline_list_regions(stdout, &err);
    } else if (st == LOC_OK) {
        st = pipeline_run(&o, &err);
    }
    if (st != LOC_OK) {
        if (err.len)
            fprintf(stderr, "locutor: %s: %s\n", loc_strerror(st), sb_str(&err));
        else
            fprintf(stderr, "locutor: %s\n", loc_strerror(st));
        if (st == LOC_ERR_USAGE) fputs("Try 'locutor --help' for more information.\n", stderr);
    }
    sb_free(&err);
    return loc_exit_code(st);
}
