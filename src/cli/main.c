/* main.c - the locutor command: options in, one clear line and an exit status out. */
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <unistd.h>

#include "options.h"
#include "pipeline.h"
#include "player.h"
#include "synth.h"

#ifndef LOCUTOR_VERSION
#define LOCUTOR_VERSION "0.1.0"
#endif

/* Reopens closed standard streams on /dev/null, so that no file opened later takes their
 * number (--verbose lines inside the audio); true when standard input was closed. */
static bool reserve_standard_streams(void)
{
    bool stdin_closed = fcntl(STDIN_FILENO, F_GETFD) == -1;
    for (int fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) == -1 && open("/dev/null", fd ? O_WRONLY : O_RDONLY) < 0) break;
    return stdin_closed;
}

/* Prints err on one line, its control characters (from file names) as \xNN. */
static void print_error(loc_status st, const strbuf *err)
{
    fprintf(stderr, "locutor: %s", loc_strerror(st));
    if (err->len) fputs(": ", stderr);
    for (size_t i = 0; i < err->len; i++) {
        unsigned char c = (unsigned char)err->data[i];
        if (c < 0x20 || c == 0x7F)
            fprintf(stderr, "\\x%02X", c);
        else
            fputc(c, stderr);
    }
    fputc('\n', stderr);
}

int main(int argc, char **argv)
{
    bool stdin_closed = reserve_standard_streams();
    loc_options o;
    strbuf err = {0};
    loc_status st = options_parse(argc, argv, &o, &err);
    o.stdin_closed = stdin_closed;
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
    } else if (st == LOC_OK && player_wanted(&o)) { /* the interactive reader */
        st = player_run(&o, &err);
    } else if (st == LOC_OK) {
        st = pipeline_run(&o, &err);
    }
    if (st != LOC_OK) {
        print_error(st, &err);
        if (st == LOC_ERR_USAGE) fputs("Try 'locutor --help' for more information.\n", stderr);
    }
    sb_free(&err);
    return loc_exit_code(st);
}
