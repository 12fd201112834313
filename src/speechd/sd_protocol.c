/* sd_protocol.c - the speech-dispatcher module protocol: reading commands and their bodies,
 * writing replies and events (705 audio escaped) to stdout under one mutex. */
#include "sd_protocol.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;

/* Appends n bytes of p, growing the buffer. */
int sd_buf_add(sd_buf *b, const char *p, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *s = realloc(b->s, cap);
        if (!s) return 0;
        b->s = s, b->cap = cap;
    }
    memcpy(b->s + b->len, p, n);
    b->len += n;
    b->s[b->len] = '\0';
    return 1;
}

/* Appends a string. */
int sd_buf_puts(sd_buf *b, const char *p)
{
    return sd_buf_add(b, p, strlen(p));
}

/* Releases the buffer's memory. */
void sd_buf_free(sd_buf *b)
{
    free(b->s);
    *b = (sd_buf){0};
}

/* One line of stdin without its LF (nor a CR before it). */
int sdp_read_line(sd_buf *line)
{
    line->len = 0;
    if (!sd_buf_add(line, "", 0)) return 0;
    int c;
    while ((c = getchar()) != EOF && c != '\n') {
        char ch = (char)c;
        if (!sd_buf_add(line, &ch, 1)) return 0;
    }
    if (c == EOF && line->len == 0) return 0;
    if (line->len && line->s[line->len - 1] == '\r') line->s[--line->len] = '\0';
    return 1;
}

/* Lines up to a lone ".", a doubled leading dot undone. */
int sdp_read_body(sd_buf *body, size_t *lines)
{
    sd_buf line = {0};
    body->len = 0;
    *lines = 0;
    if (!sd_buf_add(body, "", 0)) return 0;
    while (sdp_read_line(&line)) {
        if (strcmp(line.s, ".") == 0) {
            sd_buf_free(&line);
            return 1;
        }
        const char *p = strncmp(line.s, "..", 2) == 0 ? line.s + 1 : line.s;
        if ((*lines && !sd_buf_add(body, "\n", 1)) || !sd_buf_puts(body, p)) break;
        ++*lines;
    }
    sd_buf_free(&line);
    return 0;
}

/* Whole lines at once: nothing else may come between them. */
void sdp_write(const char *text)
{
    pthread_mutex_lock(&out_lock);
    fputs(text, stdout);
    fflush(stdout);
    pthread_mutex_unlock(&out_lock);
}

/* Formatted whole lines at once. */
void sdp_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&out_lock);
    vfprintf(stdout, fmt, ap);
    fflush(stdout);
    pthread_mutex_unlock(&out_lock);
    va_end(ap);
}

/* One 705 block: its header, the NUL, the PCM with LF and 0x7D escaped as 0x7D, byte ^ 0x20. */
static void audio_block(const short *pcm, size_t count, int rate)
{
    const unsigned char *p = (const unsigned char *)pcm;
    fprintf(stdout,
            "705-bits=16\n705-num_channels=1\n705-sample_rate=%d\n705-num_samples=%zu\n"
            "705-big_endian=0\n705-AUDIO",
            rate, count);
    putchar('\0');
    for (size_t i = 0; i < count * 2; i++) {
        if (p[i] == 0x7D || p[i] == 0x0A) {
            putchar(0x7D);
            putchar(p[i] ^ 0x20);
        } else {
            putchar(p[i]);
        }
    }
    fputs("\n705 AUDIO\n", stdout);
}

/* The PCM in blocks of about 10 000 bytes (little-endian machines: big_endian=0). */
void sdp_audio(const short *pcm, size_t count, int rate)
{
    pthread_mutex_lock(&out_lock);
    for (size_t i = 0; i < count; i += 5000)
        audio_block(pcm + i, count - i < 5000 ? count - i : 5000, rate);
    fflush(stdout);
    pthread_mutex_unlock(&out_lock);
}

/* An index mark reached. */
void sdp_mark(const char *name)
{
    sdp_printf("700-%s\n700 INDEX MARK\n", name);
}
