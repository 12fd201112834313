/* sd_protocol.h - the speech-dispatcher module protocol: command lines and bodies in, replies and
 * events (700-706) out on stdout under one mutex. */
#ifndef SD_PROTOCOL_H
#define SD_PROTOCOL_H

#include <stddef.h>

/* A growing byte buffer (always NUL-terminated when s is not NULL). */
typedef struct {
    char *s;
    size_t len, cap;
} sd_buf;

/* Appends n bytes of p; 0 when out of memory. */
int sd_buf_add(sd_buf *b, const char *p, size_t n);
/* Appends a NUL-terminated string; 0 when out of memory. */
int sd_buf_puts(sd_buf *b, const char *p);
void sd_buf_free(sd_buf *b);

/* Reads one line of stdin without its LF into *line; 0 at end of input. */
int sdp_read_line(sd_buf *line);
/* Reads a body: lines up to a lone ".", joined with LF, a leading ".." read as "."; *lines
 * receives how many; 0 at end of input. */
int sdp_read_body(sd_buf *body, size_t *lines);

/* Writes text (whole lines) to stdout at once and flushes it. */
void sdp_write(const char *text);
/* Writes printf-formatted whole lines at once. */
void sdp_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Sends count samples of 16-bit mono PCM as 705 blocks of about 10 000 bytes. */
void sdp_audio(const short *pcm, size_t count, int rate);
/* Sends 700-name / 700 INDEX MARK. */
void sdp_mark(const char *name);

#endif
