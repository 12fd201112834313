/* workers.c - one forked child per block, at most N at once; audio comes back through pipes in
 * order.
 *
 * espeak-ng carries state from one call to the next (filters, pauses), so a
 * long-lived worker would make each block's audio depend on what it spoke
 * before. A child forked from a parent that has loaded the voice but never
 * spoken starts from the same state every time: the output is the same for
 * -j 1 and -j 8. Consecutive blocks of an article share a child (a unit of
 * about UNIT_BYTES, cut by the input alone). The head unit's audio streams straight to the sinks;
 * later units are buffered (up to BUFFER_MAX bytes each, then their child waits on its pipe), so
 * memory is bounded by the pool size, not by the input. */
#include "workers.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "strbuf.h"

enum { MAX_JOBS = 64, BUFFER_MAX = 4 << 20, READ_CHUNK = 65536 };

/* Blocks are grouped into units of about this much SSML, cut only by the input
 * (never by -j): fewer forks, the same audio whatever the number of workers. */
enum { UNIT_BYTES = 1200 };

typedef struct {
    pid_t pid;
    int fd;    /* read end of the child's pipe; -1 at end of file */
    char *buf; /* audio read ahead of its turn */
    size_t len, cap;
    loc_status status;
} job;

struct workers {
    int max_running;
    synth_audio_fn deliver;
    void *user;
    job ring[MAX_JOBS + 1];
    size_t head, count; /* jobs in submission order */
    strbuf unit;        /* blocks not yet started: ssml NUL silence_ms NUL ... */
    char odd[1];        /* half a sample left over from the head's last read */
    size_t nodd;
};

int workers_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (int)n;
}

workers *workers_new(int jobs, synth_audio_fn deliver, void *user)
{
    workers *w = calloc(1, sizeof *w);
    if (!w) return NULL;
    w->max_running = jobs < 1 ? 1 : jobs > MAX_JOBS ? MAX_JOBS : jobs;
    w->deliver = deliver;
    w->user = user;
    return w;
}

static job *nth(workers *w, size_t i)
{
    return &w->ring[(w->head + i) % (MAX_JOBS + 1)];
}

/* In the child: audio goes to the pipe. */
static loc_status to_pipe(void *user, const short *samples, size_t count)
{
    int fd = *(int *)user;
    const char *p = (const char *)samples;
    size_t n = count * sizeof *samples;
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return LOC_ERR_SYNTH;
        p += k;
        n -= (size_t)k;
    }
    return LOC_OK;
}

/* In the child: speaks every block of the unit, each followed by its pause. */
static loc_status speak_unit(const strbuf *unit, int fd)
{
    loc_status st = LOC_OK;
    for (const char *p = sb_str(unit); st == LOC_OK && p < unit->data + unit->len;) {
        const char *ssml = p;
        p += strlen(p) + 1;
        int silence_ms = atoi(p);
        p += strlen(p) + 1;
        st = synth_speak_ssml(ssml, to_pipe, &fd);
        if (st == LOC_OK) st = synth_silence(silence_ms, to_pipe, &fd);
    }
    return st;
}

static loc_status start(job *j, const strbuf *unit)
{
    int fds[2];
    if (pipe(fds) != 0) return LOC_ERR_SYNTH;
    fcntl(fds[0], F_SETPIPE_SZ, 1 << 20); /* fewer wake-ups; ignored where not allowed */
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return LOC_ERR_SYNTH;
    }
    if (pid == 0) {
        close(fds[0]);
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        signal(SIGPIPE, SIG_DFL);
        loc_status st = speak_unit(unit, fds[1]);
        _exit(st == LOC_OK ? 0 : 1); /* never run the parent's atexit or stdio flushes */
    }
    close(fds[1]);
    j->pid = pid;
    j->fd = fds[0];
    j->status = LOC_OK;
    return LOC_OK;
}

/* Delivers bytes of the head job, keeping any half sample for the next read. */
static loc_status deliver_bytes(workers *w, const char *p, size_t n)
{
    short samples[READ_CHUNK / 2 + 1];
    size_t count = 0;
    unsigned char *out = (unsigned char *)samples;
    size_t o = 0;
    if (w->nodd && n) {
        out[o++] = (unsigned char)w->odd[0];
        w->nodd = 0;
    }
    while (n) {
        size_t room = sizeof samples - o;
        size_t take = n < room ? n : room;
        memcpy(out + o, p, take);
        o += take;
        p += take;
        n -= take;
        count = o / 2;
        if (o % 2) {
            w->odd[0] = (char)out[o - 1];
            w->nodd = 1;
        }
        if (count) {
            loc_status st = w->deliver(w->user, samples, count);
            if (st != LOC_OK) return st;
        }
        o = 0;
    }
    return LOC_OK;
}

static void reap(job *j)
{
    int status;
    while (waitpid(j->pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (j->status == LOC_OK && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
        j->status = LOC_ERR_SYNTH;
    j->pid = 0;
}

/* Reads what one child has written; the head's audio is delivered at once. */
static loc_status drain(workers *w, size_t i)
{
    job *j = nth(w, i);
    char tmp[READ_CHUNK];
    ssize_t k = read(j->fd, tmp, sizeof tmp);
    if (k < 0) return errno == EINTR || errno == EAGAIN ? LOC_OK : LOC_ERR_SYNTH;
    if (k == 0) {
        close(j->fd);
        j->fd = -1;
        reap(j);
        return LOC_OK;
    }
    if (i == 0) return deliver_bytes(w, tmp, (size_t)k);
    if (j->len + (size_t)k > j->cap) {
        size_t cap = j->cap ? j->cap : READ_CHUNK;
        while (cap < j->len + (size_t)k)
            cap *= 2;
        char *b = realloc(j->buf, cap);
        if (!b) return LOC_ERR_NOMEM;
        j->buf = b;
        j->cap = cap;
    }
    memcpy(j->buf + j->len, tmp, (size_t)k);
    j->len += (size_t)k;
    return LOC_OK;
}

/* Finishes the head job; the next one becomes head and its read-ahead goes out. */
static loc_status retire_head(workers *w)
{
    job *j = nth(w, 0);
    loc_status st = j->status;
    if (st == LOC_OK && w->nodd) st = LOC_ERR_SYNTH; /* a child never writes half a sample */
    free(j->buf);
    memset(j, 0, sizeof *j);
    w->head = (w->head + 1) % (MAX_JOBS + 1);
    w->count--;
    if (st == LOC_OK && w->count) { /* the new head's read-ahead goes out now */
        job *next = nth(w, 0);
        st = deliver_bytes(w, next->buf, next->len);
        free(next->buf);
        next->buf = NULL;
        next->len = next->cap = 0;
    }
    return st;
}

/* Waits for any child to write, then handles it. Returns after one round. */
static loc_status step(workers *w)
{
    struct pollfd fds[MAX_JOBS + 1];
    size_t idx[MAX_JOBS + 1], n = 0;
    for (size_t i = 0; i < w->count; i++) {
        job *j = nth(w, i);
        if (j->fd < 0 || (i > 0 && j->len >= BUFFER_MAX)) continue;
        fds[n] = (struct pollfd){.fd = j->fd, .events = POLLIN};
        idx[n++] = i;
    }
    if (n == 0) return LOC_OK;
    if (poll(fds, n, -1) < 0) return errno == EINTR ? LOC_OK : LOC_ERR_SYNTH;
    for (size_t k = 0; k < n; k++) {
        if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        loc_status st = drain(w, idx[k]);
        if (st != LOC_OK) return st;
    }
    return LOC_OK;
}

static size_t running(workers *w)
{
    size_t r = 0;
    for (size_t i = 0; i < w->count; i++)
        r += nth(w, i)->fd >= 0;
    return r;
}

/* Moves on: retires finished head jobs, else waits for output. */
static loc_status progress(workers *w)
{
    if (w->count && nth(w, 0)->fd < 0) return retire_head(w);
    return step(w);
}

/* Starts a child for the pending unit, waiting while the pool is full. */
static loc_status start_unit(workers *w)
{
    if (w->unit.len == 0) return LOC_OK;
    while (w->count == MAX_JOBS || running(w) >= (size_t)w->max_running ||
           w->count > (size_t)w->max_running * 2) {
        loc_status st = progress(w);
        if (st != LOC_OK) return st;
    }
    job *j = nth(w, w->count);
    memset(j, 0, sizeof *j);
    loc_status st = start(j, &w->unit);
    sb_clear(&w->unit);
    if (st != LOC_OK) return st;
    w->count++;
    return LOC_OK;
}

loc_status workers_submit(workers *w, const char *ssml, int silence_ms)
{
    if (!sb_append(&w->unit, ssml, strlen(ssml) + 1) || !sb_printf(&w->unit, "%d", silence_ms) ||
        !sb_append(&w->unit, "", 1))
        return LOC_ERR_NOMEM;
    return w->unit.len >= UNIT_BYTES ? start_unit(w) : LOC_OK;
}

loc_status workers_end_article(workers *w)
{
    return start_unit(w);
}

loc_status workers_finish(workers *w)
{
    loc_status st = start_unit(w);
    while (st == LOC_OK && w->count)
        st = progress(w);
    if (st != LOC_OK) {
        workers_abort(w);
        return st;
    }
    sb_free(&w->unit);
    free(w);
    return LOC_OK;
}

void workers_abort(workers *w)
{
    if (!w) return;
    for (size_t i = 0; i < w->count; i++) {
        job *j = nth(w, i);
        if (j->pid > 0) kill(j->pid, SIGKILL);
        if (j->fd >= 0) close(j->fd);
        if (j->pid > 0) waitpid(j->pid, NULL, 0);
        free(j->buf);
    }
    sb_free(&w->unit);
    free(w);
}
