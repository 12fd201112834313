/* term.h - the keyboard of the interactive player: raw terminal mode and key decoding. */
#ifndef LOC_TERM_H
#define LOC_TERM_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    KEY_NONE,
    KEY_PAUSE,     /* space */
    KEY_NEXT,      /* right arrow, n */
    KEY_PREV,      /* left arrow, p */
    KEY_NEXT_PART, /* down arrow, N */
    KEY_PREV_PART, /* up arrow, P */
    KEY_FASTER,    /* + */
    KEY_SLOWER,    /* - */
    KEY_REPEAT,    /* r */
    KEY_HELP,      /* h, ? */
    KEY_QUIT,      /* q */
} term_key;

/* Puts standard input in raw mode (no echo, byte by byte; Ctrl-C still sends
 * SIGINT). The old mode comes back with term_restore, at exit, and when
 * SIGINT/SIGTERM arrive. Returns false when standard input is no terminal. */
bool term_raw(void);
void term_restore(void);

/* Decodes the key at the start of buf (len bytes); *used gets the bytes it took.
 * Arrow keys are ESC [ A..D (or ESC O A..D). Unknown bytes give KEY_NONE. */
term_key term_decode(const char *buf, size_t len, size_t *used);

/* Waits up to timeout_ms (-1: forever) for a key. KEY_NONE on timeout or a signal. */
term_key term_read_key(int timeout_ms);

#endif
