/* sd_main.c - sd_locutor, a speech-dispatcher output module: reads the server's commands on
 * stdin and answers on stdout while the synthesis thread speaks (README "speech-dispatcher"). */
#include "locutor.h"
#include "sd_protocol.h"
#include "sd_settings.h"
#include "sd_ssml.h"
#include "sd_synth.h"

#include <stdio.h>
#include <string.h>

/* The module's state on the reader's side. */
typedef struct {
    sd_settings settings;
    int ready; /* INIT succeeded */
    char conf_error[600];
} module;

/* INIT: the language data and the voice; 299 or 399 with the reason. */
static void cmd_init(module *m)
{
    char err[600] = "";
    if (!m->ready && !*m->conf_error) m->ready = sd_synth_start(&m->settings, err, sizeof err);
    if (m->ready) {
        sdp_printf("299-sd_locutor: locutor %s, Spanish normalization\n"
                   "299 OK LOADED SUCCESSFULLY\n",
                   locutor_version());
        return;
    }
    const char *why = *m->conf_error ? m->conf_error : err;
    fprintf(stderr, "sd_locutor: %s\n", why);
    sdp_printf("399-%s\n399 ERR CANT INIT MODULE\n", why);
}

/* AUDIO: only server-side audio (705 events); module-side audio is not implemented. */
static int cmd_audio(void)
{
    sd_buf body = {0};
    size_t lines;
    sdp_write("207 OK RECEIVING AUDIO SETTINGS\n");
    if (!sdp_read_body(&body, &lines)) return sd_buf_free(&body), 0;
    int server = strstr(body.s, "audio_output_method=server") != NULL;
    sd_buf_free(&body);
    if (server) {
        sdp_write("203 OK AUDIO INITIALIZED\n");
    } else {
        fprintf(stderr, "sd_locutor: only audio_output_method=server is supported\n");
        sdp_write("300-sd_locutor plays no audio itself: it needs audio_output_method=server\n"
                  "300 MODULE ERROR\n");
    }
    return 1;
}

/* LOGLEVEL and its body. */
static int cmd_loglevel(void)
{
    sd_buf body = {0};
    size_t lines;
    sdp_write("207 OK RECEIVING LOGLEVEL SETTINGS\n");
    int ok = sdp_read_body(&body, &lines);
    sd_buf_free(&body);
    if (ok) sdp_write("203 OK LOGLEVEL SET\n");
    return ok;
}

/* SET: key=value lines; the valid ones are kept, a bad one makes the reply 303. */
static int cmd_set(module *m)
{
    sd_buf body = {0};
    size_t lines;
    char err[256] = "";
    sdp_write("203 OK RECEIVING SETTINGS\n");
    if (!sdp_read_body(&body, &lines)) return sd_buf_free(&body), 0;
    int ok = 1;
    for (char *save = NULL, *p = strtok_r(body.s, "\n", &save); p; p = strtok_r(NULL, "\n", &save))
        if (!sd_settings_set(&m->settings, p, err, sizeof err)) {
            fprintf(stderr, "sd_locutor: %s\n", err);
            ok = 0;
        }
    sd_buf_free(&body);
    sdp_write(ok ? "203 OK SETTINGS RECEIVED\n" : "303 ERROR INVALID PARAMETER OR VALUE\n");
    return 1;
}

/* SPEAK, CHAR, KEY, SOUND_ICON: the body, then 200 OK SPEAKING (and the message to the
 * synthesis thread) or 301/305 with the reason on stderr. */
static int cmd_message(module *m, sd_kind kind)
{
    sd_buf body = {0};
    size_t lines;
    sd_text text = {0};
    char err[600] = "";
    sdp_write("202 OK RECEIVING MESSAGE\n");
    if (!sdp_read_body(&body, &lines)) return sd_buf_free(&body), 0;
    const char *reply = "200 OK SPEAKING\n";
    if (kind != SD_SPEAK && lines != 1) {
        reply = "305 DATA MORE THAN ONE LINE\n";
        snprintf(err, sizeof err, "a CHAR, KEY or SOUND_ICON of %zu lines", lines);
    } else if (!m->ready) {
        reply = "301 ERROR CANT SPEAK\n";
        snprintf(err, sizeof err, "a message before a successful INIT");
    } else if (sd_synth_busy()) {
        reply = "301 ERROR CANT SPEAK\n";
        snprintf(err, sizeof err, "a message while another is being said (STOP it first)");
    } else if (kind == SD_SPEAK &&
               !sd_ssml_parse(body.s, body.len, sd_synth_words(), &text, err, sizeof err)) {
        reply = "301 ERROR CANT SPEAK\n";
    }
    if (*err) fprintf(stderr, "sd_locutor: %s\n", err);
    sdp_write(reply);
    if (reply[0] == '2' && !sd_synth_begin(kind, &text, body.s, &m->settings))
        fprintf(stderr, "sd_locutor: the message was dropped: another is being said\n");
    sd_text_free(&text);
    sd_buf_free(&body);
    return 1;
}

/* DEBUG ON file / DEBUG OFF: acknowledged; the module logs to stderr only. */
static void cmd_debug(const char *line)
{
    sdp_write(strncmp(line, "DEBUG ON", 8) == 0 ? "200 OK DEBUGGING ON\n"
                                                : "200 OK DEBUGGING OFF\n");
}

/* One command; 0 at QUIT or when the input ends inside a body. */
static int command(module *m, const char *line)
{
    if (strcmp(line, "INIT") == 0)
        cmd_init(m);
    else if (strcmp(line, "AUDIO") == 0)
        return cmd_audio();
    else if (strcmp(line, "LOGLEVEL") == 0)
        return cmd_loglevel();
    else if (strcmp(line, "LIST VOICES") == 0)
        sd_settings_list_voices();
    else if (strcmp(line, "SET") == 0)
        return cmd_set(m);
    else if (strcmp(line, "SPEAK") == 0)
        return cmd_message(m, SD_SPEAK);
    else if (strcmp(line, "CHAR") == 0)
        return cmd_message(m, SD_CHAR);
    else if (strcmp(line, "KEY") == 0)
        return cmd_message(m, SD_KEY);
    else if (strcmp(line, "SOUND_ICON") == 0)
        return cmd_message(m, SD_ICON);
    else if (strcmp(line, "STOP") == 0)
        sd_synth_stop();
    else if (strcmp(line, "PAUSE") == 0)
        sd_synth_pause();
    else if (strncmp(line, "DEBUG", 5) == 0)
        cmd_debug(line);
    else if (strcmp(line, "QUIT") == 0)
        return 0;
    else
        sdp_write("300 ERR UNKNOWN COMMAND\n");
    return 1;
}

/* sd_locutor [locutor.conf]: the server starts it with its configuration file. */
int main(int argc, char **argv)
{
    static module m;
    sd_settings_init(&m.settings);
    if (argc > 1 && !sd_settings_config(&m.settings, argv[1], m.conf_error, sizeof m.conf_error))
        fprintf(stderr, "sd_locutor: %s\n", m.conf_error);
    sd_buf line = {0};
    int quit = 0;
    while (!quit && sdp_read_line(&line)) {
        quit = !command(&m, line.s);
        if (quit && strcmp(line.s, "QUIT") == 0) {
            sd_synth_end();
            sdp_write("210 OK QUIT\n");
        }
    }
    sd_buf_free(&line);
    sd_synth_end();
    return 0;
}
