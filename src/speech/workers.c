/* workers.c - one forked child per unit of blocks, at most N at once; audio and events return
 * through pipes in order.
 *
 * espeak-ng carries state from one call to the next (filters, pauses), so a
 * long-lived worker would make each block's audio depend on what it spoke
 * before. A child forked from a process that has loaded the voice but never
 * spoken starts from the same state every time: the output is the same for
 * -j 1 and -j 8. That process is a "zygote" forked once by workers_new: it
 * only waits for units (and the pipe to write each to) on a socket and forks
 * a child per unit. Forking the parent itself would write-protect its pages
 * at every fork, and it faulted on ~40 000 of them writing 20 articles.
 * Consecutive blocks of an article share a child (a unit of about UNIT_BYTES,
 * cut by the input alone). A child writes frames (audio or event, then an end
 * frame) to its pipe; the head unit's frames go straight to the callbacks,
 * later units are buffered (up to BUFFER_MAX bytes each, then their child
 * waits on its pipe), so memory is bounded by the pool size, not the input. */
#include "workers.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atomic.h"
#include "strbuf.h"

enum { MAX_JOBS = 64, BUFFER_MAX = 4 << 20, READ_CHUNK = 65536 };

/* Blocks are grouped into units of about this much SSML, cut only by the input
 * (never by -j): fewer forks, the same audio whatever the number of workers. */
enum { UNIT_BYTES = 1200 };

/* What a child writes: a header, then count samples or one wire_event; FRAME_END (nothing
 * after it) says the unit was spoken whole. */
enum { FRAME_AUDIO = 1, FRAME_EVENT = 2, FRAME_END = 3 };
typedef struct {
    uint32_t type, count;
} frame_header;
typedef struct {
    uint32_t kind, mark_type;
    uint64_t block, mark, sample; /* sample: within the unit */
} wire_event;

typedef struct {
    int fd;     /* read end of the child's pipe; -1 at end of file */
    strbuf buf; /* frames read ahead of its turn */
} job;

struct workers {
    int max_running;
    synth_audio_fn deliver;
    worker_event_fn on_event;
    void *user;
    job ring[MAX_JOBS + 1];
    size_t head, count; /* jobs in submission order */
    strbuf unit;        /* items not yet started (see speak_unit) */
    const short *clip;  /* the jingle, shared with the children */
    size_t clip_count;
    pid_t zygote; /* forks the children */
    int zygote_fd;
    strbuf partial;               /* the head's bytes that do not make a whole frame yet */
    bool head_ended;              /* the head's end frame has come */
    unsigned long long delivered; /* samples handed to deliver so far */
    unsigned long long unit_base; /* delivered when the head unit started */
};

int workers_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > MAX_JOBS ? MAX_JOBS : (int)n;
}

static _Noreturn void zygote_main(const workers *w, int sock);

workers *workers_new(int jobs, const short *clip, size_t clip_count, synth_audio_fn deliver,
                     worker_event_fn on_event, void *user)
{
    workers *w = calloc(1, sizeof *w);
    int sv[2];
    if (!w || socketpair(AF_UNIX, SOCK_SEQPACKET, 0, sv) != 0) {
        free(w);
        return NULL;
    }
    w->max_running = jobs < 1 ? 1 : jobs > MAX_JOBS ? MAX_JOBS : jobs;
    w->clip = clip;
    w->clip_count = clip_count;
    w->deliver = deliver;
    w->on_event = on_event;
    w->user = user;
    int room = 1 << 20; /* a unit is one message: a few KB, a block of marks more */
    setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &room, sizeof room);
    setsockopt(sv[1], SOL_SOCKET, SO_RCVBUF, &room, sizeof room);
    w->zygote = fork();
    if (w->zygote == 0) {
        close(sv[0]);
        zygote_main(w, sv[1]);
    }
    close(sv[1]);
    if (w->zygote < 0) {
        close(sv[0]);
        free(w);
        return NULL;
    }
    w->zygote_fd = sv[0];
    return w;
}

static job *nth(workers *w, size_t i)
{
    return &w->ring[(w->head + i) % (MAX_JOBS + 1)];
}

/* ---- the child side ---- */

enum { CHILD_OUT = 65536 }; /* a child's frames go out in writes of about this size */

typedef struct {
    int fd;
    uint64_t block;
    uint64_t unit_samples; /* written so far in this unit */
    uint64_t call_base;    /* unit_samples when the current espeak-ng call began */
    bool first_sent;       /* the unit's first audio leaves at once (first sound) */
    size_t out_len;
    char out[CHILD_OUT]; /* frames not yet written to the pipe */
} child;

/* Writes the buffered frames to the pipe. */
static loc_status child_flush(child *c)
{
    bool ok = fd_write_all(c->fd, c->out, c->out_len);
    c->out_len = 0;
    return ok ? LOC_OK : LOC_ERR_SYNTH;
}

/* Adds bytes to the frames going out: fewer writes, fewer wake-ups of the parent. */
static loc_status child_put(child *c, const void *data, size_t n)
{
    if (c->out_len + n > sizeof c->out) {
        loc_status st = child_flush(c);
        if (st != LOC_OK) return st;
        if (n > sizeof c->out) return fd_write_all(c->fd, data, n) ? LOC_OK : LOC_ERR_SYNTH;
    }
    memcpy(c->out + c->out_len, data, n);
    c->out_len += n;
    return LOC_OK;
}

static loc_status child_audio(void *user, const short *samples, size_t count)
{
    child *c = user;
    frame_header h = {FRAME_AUDIO, (uint32_t)count};
    loc_status st = child_put(c, &h, sizeof h);
    if (st == LOC_OK) st = child_put(c, samples, count * sizeof *samples);
    c->unit_samples += count;
    if (st == LOC_OK && !c->first_sent) {
        c->first_sent = true;
        st = child_flush(c);
    }
    return st;
}

static loc_status child_event(child *c, worker_event_kind kind, char mark_type, uint64_t mark,
                              uint64_t sample)
{
    frame_header h = {FRAME_EVENT, 1};
    wire_event e = {kind, (uint32_t)mark_type, c->block, mark, sample};
    loc_status st = child_put(c, &h, sizeof h);
    return st == LOC_OK ? child_put(c, &e, sizeof e) : st;
}

static loc_status child_mark(void *user, const char *name, size_t sample)
{
    child *c = user;
    return child_event(c, WORKER_MARK, name[0], strtoull(name + 1, NULL, 10),
                       c->call_base + sample);
}

/* Speaks every item of the unit: "S<block>\0<ssml>\0<silence ms>\0" or "C\0" (the clip). */
static loc_status speak_unit(const char *unit, size_t len, const short *clip, size_t clip_count,
                             int fd)
{
    child c = {.fd = fd};
    loc_status st = LOC_OK;
    for (const char *p = unit; st == LOC_OK && p < unit + len;) {
        char type = *p;
        if (type == 'C') {
            p += strlen(p) + 1;
            for (size_t done = 0; st == LOC_OK && done < clip_count; done += 8192)
                st = child_audio(&c, clip + done,
                                 clip_count - done < 8192 ? clip_count - done : 8192);
            continue;
        }
        c.block = strtoull(p + 1, NULL, 10);
        p += strlen(p) + 1;
        const char *ssml = p;
        p += strlen(p) + 1;
        int silence_ms = atoi(p);
        p += strlen(p) + 1;
        c.call_base = c.unit_samples;
        st = child_event(&c, WORKER_BLOCK_BEGIN, 0, 0, c.unit_samples);
        if (st == LOC_OK) st = synth_speak_ssml(ssml, child_audio, child_mark, &c);
        if (st == LOC_OK) st = child_event(&c, WORKER_SPEECH_END, 0, 0, c.unit_samples);
        if (st == LOC_OK) st = synth_silence(silence_ms, child_audio, &c);
        if (st == LOC_OK) st = child_event(&c, WORKER_BLOCK_END, 0, 0, c.unit_samples);
    }
    frame_header end = {FRAME_END, 0};
    if (st == LOC_OK) st = child_put(&c, &end, sizeof end);
    return st == LOC_OK ? child_flush(&c) : st;
}

/* A file descriptor travels with a message as SCM_RIGHTS ancillary data. */
typedef union {
    char bytes[CMSG_SPACE(sizeof(int))];
    struct cmsghdr align;
} fd_control;

/* The zygote: receives each unit with the pipe to write it to, and forks a child that speaks
 * it. Ends when the parent closes the socket, after its last child. It waits for every child
 * itself, so their CPU time and memory count in the parent's (time, bench/run). */
static _Noreturn void zygote_main(const workers *w, int sock)
{
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGPIPE, SIG_DFL); /* a child whose reader is gone dies at its next write */
    char *unit = NULL;        /* the message: items ending in '\0' */
    size_t cap = 0;
    for (;;) {
        while (waitpid(-1, NULL, WNOHANG) > 0) { /* the pipe says how each child did */
        }
        ssize_t size = recv(sock, NULL, 0, MSG_PEEK | MSG_TRUNC);
        if (size < 0 && errno == EINTR) continue;
        if (size <= 0) {
            while (wait(NULL) > 0 || errno == EINTR) {
            }
            _exit(0);
        }
        if ((size_t)size > cap && !(unit = realloc(unit, cap = (size_t)size))) _exit(1);
        fd_control control;
        struct iovec iov = {unit, (size_t)size};
        struct msghdr msg = {.msg_iov = &iov,
                             .msg_iovlen = 1,
                             .msg_control = control.bytes,
                             .msg_controllen = sizeof control.bytes};
        if (recvmsg(sock, &msg, 0) != size) _exit(1);
        struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
        if (!cm || cm->cmsg_level != SOL_SOCKET || cm->cmsg_type != SCM_RIGHTS) _exit(1);
        int fd;
        memcpy(&fd, CMSG_DATA(cm), sizeof fd);
        if (fork() == 0) {
            close(sock);
            _exit(speak_unit(unit, (size_t)size, w->clip, w->clip_count, fd) == LOC_OK ? 0 : 1);
        }
        close(fd); /* if the fork failed, the parent reads an end of file with no end frame */
    }
}

/* Hands the pending unit and the write end of a new pipe to the zygote. */
static loc_status start(workers *w, job *j)
{
    int fds[2];
    if (pipe(fds) != 0) return LOC_ERR_SYNTH;
    fcntl(fds[0], F_SETPIPE_SZ, 1 << 20); /* fewer wake-ups; ignored where not allowed */
    fd_control control;
    memset(&control, 0, sizeof control);
    struct iovec iov = {w->unit.data, w->unit.len};
    struct msghdr msg = {.msg_iov = &iov,
                         .msg_iovlen = 1,
                         .msg_control = control.bytes,
                         .msg_controllen = sizeof control.bytes};
    struct cmsghdr *cm = CMSG_FIRSTHDR(&msg);
    cm->cmsg_level = SOL_SOCKET;
    cm->cmsg_type = SCM_RIGHTS;
    cm->cmsg_len = CMSG_LEN(sizeof(int));
    memcpy(CMSG_DATA(cm), &fds[1], sizeof(int));
    ssize_t sent;
    while ((sent = sendmsg(w->zygote_fd, &msg, MSG_NOSIGNAL)) < 0 && errno == EINTR) {
    }
    close(fds[1]);
    if (sent != (ssize_t)w->unit.len) {
        close(fds[0]);
        return LOC_ERR_SYNTH;
    }
    j->fd = fds[0];
    return LOC_OK;
}

/* ---- the parent side ---- */

/* Hands every whole frame in the head's partial buffer to the callbacks. */
static loc_status parse_frames(workers *w)
{
    size_t used = 0;
    loc_status st = LOC_OK;
    while (st == LOC_OK && w->partial.len - used >= sizeof(frame_header)) {
        frame_header h;
        memcpy(&h, w->partial.data + used, sizeof h);
        if (h.type != FRAME_AUDIO && h.type != FRAME_EVENT && h.type != FRAME_END)
            return LOC_ERR_SYNTH;
        size_t size = h.type == FRAME_AUDIO   ? h.count * sizeof(short)
                      : h.type == FRAME_EVENT ? sizeof(wire_event)
                                              : 0;
        if (w->partial.len - used - sizeof h < size) break;
        const char *payload = w->partial.data + used + sizeof h;
        if (h.type == FRAME_END) {
            w->head_ended = true;
        } else if (h.type == FRAME_AUDIO) {
            /* frames are whole numbers of shorts from an aligned buffer: samples are aligned */
            st = w->deliver(w->user, (const short *)(const void *)payload, h.count);
            w->delivered += h.count;
        } else if (w->on_event) {
            wire_event e;
            memcpy(&e, payload, sizeof e);
            worker_event ev = {(worker_event_kind)e.kind, (unsigned long)e.block, (char)e.mark_type,
                               (unsigned long)e.mark, w->unit_base + e.sample};
            st = w->on_event(w->user, &ev);
        }
        used += sizeof h + size;
    }
    memmove(w->partial.data, w->partial.data + used, w->partial.len - used);
    w->partial.len -= used;
    return st;
}

static loc_status head_bytes(workers *w, const char *p, size_t n)
{
    if (!sb_append(&w->partial, p, n)) return LOC_ERR_NOMEM;
    return parse_frames(w);
}

/* Reads what one child has written; the head's frames are handled at once. */
static loc_status drain(workers *w, size_t i)
{
    job *j = nth(w, i);
    char tmp[READ_CHUNK];
    ssize_t k = read(j->fd, tmp, sizeof tmp);
    if (k < 0) return errno == EINTR || errno == EAGAIN ? LOC_OK : LOC_ERR_SYNTH;
    if (k == 0) {
        close(j->fd);
        j->fd = -1;
        return LOC_OK;
    }
    if (i == 0) return head_bytes(w, tmp, (size_t)k);
    return sb_append(&j->buf, tmp, (size_t)k) ? LOC_OK : LOC_ERR_NOMEM;
}

/* Finishes the head job; the next one becomes head and its read-ahead goes out. */
static loc_status retire_head(workers *w)
{
    job *j = nth(w, 0);
    /* a child that failed or died has not written its end frame (nor ever half a frame) */
    loc_status st = w->head_ended && !w->partial.len ? LOC_OK : LOC_ERR_SYNTH;
    w->head_ended = false;
    sb_free(&j->buf);
    memset(j, 0, sizeof *j);
    w->head = (w->head + 1) % (MAX_JOBS + 1);
    w->count--;
    w->unit_base = w->delivered;
    if (st == LOC_OK && w->count) {
        job *next = nth(w, 0);
        st = head_bytes(w, next->buf.data ? next->buf.data : "", next->buf.len);
        sb_free(&next->buf);
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
        if (j->fd < 0 || (i > 0 && j->buf.len >= BUFFER_MAX)) continue;
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

/* Moves on: retires a finished head job, else waits for output. */
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
    loc_status st = start(w, j);
    sb_clear(&w->unit);
    if (st != LOC_OK) return st;
    w->count++;
    return LOC_OK;
}

loc_status workers_submit(workers *w, unsigned long block, const char *ssml, int silence_ms)
{
    if (!sb_printf(&w->unit, "S%lu", block) || !sb_append(&w->unit, "", 1) ||
        !sb_append(&w->unit, ssml, strlen(ssml) + 1) || !sb_printf(&w->unit, "%d", silence_ms) ||
        !sb_append(&w->unit, "", 1))
        return LOC_ERR_NOMEM;
    return w->unit.len >= UNIT_BYTES ? start_unit(w) : LOC_OK;
}

loc_status workers_submit_clip(workers *w)
{
    if (!w->clip) return LOC_ERR_SYNTH;
    return sb_append(&w->unit, "C", 2) ? LOC_OK : LOC_ERR_NOMEM;
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
    close(w->zygote_fd); /* the zygote reads an end of file and exits */
    while (waitpid(w->zygote, NULL, 0) < 0 && errno == EINTR) {
    }
    sb_free(&w->unit);
    sb_free(&w->partial);
    free(w);
    return LOC_OK;
}

void workers_abort(workers *w)
{
    if (!w) return;
    kill(w->zygote, SIGKILL);
    close(w->zygote_fd);
    waitpid(w->zygote, NULL, 0);
    for (size_t i = 0; i < w->count; i++) { /* each child dies at its next write (SIGPIPE) */
        job *j = nth(w, i);
        if (j->fd >= 0) close(j->fd);
        sb_free(&j->buf);
    }
    sb_free(&w->unit);
    sb_free(&w->partial);
    free(w);
}
