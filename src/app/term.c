/* term.c - raw terminal mode, restored on every way out, and key decoding. */
#include "term.h"

#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static struct termios saved;
static volatile sig_atomic_t is_raw;
static struct sigaction old_int, old_term;

void term_restore(void)
{
    if (is_raw) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
        is_raw = 0;
    }
}

/* Restores the terminal, then lets the earlier handler (which asks the work to stop) run. */
static void on_signal(int sig)
{
    if (is_raw) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        is_raw = 0;
    }
    const struct sigaction *old = sig == SIGINT ? &old_int : &old_term;
    if (old->sa_handler != SIG_DFL && old->sa_handler != SIG_IGN)
        old->sa_handler(sig);
    else if (old->sa_handler == SIG_DFL) {
        signal(sig, SIG_DFL);
        raise(sig);
    }
}

bool term_raw(void)
{
    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &saved) != 0) return false;
    struct termios raw = saved;
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    raw.c_iflag &= ~(tcflag_t)(IXON | ICRNL);
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) != 0) return false;
    is_raw = 1;
    static bool registered;
    if (!registered) {
        atexit(term_restore);
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGINT, &sa, &old_int);
        sigaction(SIGTERM, &sa, &old_term);
        registered = true;
    }
    return true;
}

term_key term_decode(const char *buf, size_t len, size_t *used)
{
    *used = len ? 1 : 0;
    if (!len) return KEY_NONE;
    if (buf[0] == '\033') {
        if (len >= 3 && (buf[1] == '[' || buf[1] == 'O')) {
            *used = 3;
            switch (buf[2]) {
            case 'A':
                return KEY_PREV_PART;
            case 'B':
                return KEY_NEXT_PART;
            case 'C':
                return KEY_NEXT;
            case 'D':
                return KEY_PREV;
            default:
                break;
            }
            /* other sequences (ESC [ 1 ; 5 C, function keys): skip to the final byte */
            size_t i = 2;
            while (i < len && !((buf[i] >= '@' && buf[i] <= '~') && i > 1 && buf[i] != '['))
                i++;
            *used = i < len ? i + 1 : len;
        }
        return KEY_NONE;
    }
    switch (buf[0]) {
    case ' ':
        return KEY_PAUSE;
    case 'n':
        return KEY_NEXT;
    case 'p':
        return KEY_PREV;
    case 'N':
        return KEY_NEXT_PART;
    case 'P':
        return KEY_PREV_PART;
    case '+':
        return KEY_FASTER;
    case '-':
        return KEY_SLOWER;
    case 'r':
        return KEY_REPEAT;
    case 'h':
    case '?':
        return KEY_HELP;
    case 'q':
    case 'Q':
        return KEY_QUIT;
    default:
        return KEY_NONE;
    }
}

term_key term_read_key(int timeout_ms)
{
    static char buf[64];
    static size_t len;
    if (len == 0) {
        struct pollfd p = {.fd = STDIN_FILENO, .events = POLLIN};
        if (poll(&p, 1, timeout_ms) <= 0 || !(p.revents & POLLIN)) return KEY_NONE;
        ssize_t n = read(STDIN_FILENO, buf, sizeof buf);
        if (n <= 0) return KEY_NONE;
        len = (size_t)n;
    }
    /* an escape sequence may come in more than one read */
    struct pollfd more = {.fd = STDIN_FILENO, .events = POLLIN};
    while (buf[0] == '\033' && len < 3 && poll(&more, 1, 50) > 0) {
        ssize_t n = read(STDIN_FILENO, buf + len, sizeof buf - len);
        if (n <= 0) break;
        len += (size_t)n;
    }
    size_t used;
    term_key k = term_decode(buf, len, &used);
    memmove(buf, buf + used, len - used);
    len -= used;
    return k;
}
