/* limit_pass.c - the gain pass over held 16-bit audio: chunks are limited by threads from
 * the limiter's checkpoints and handed on strictly in order (same samples as one run). */
#include "limit_pass.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

enum { CHUNK = LIMITER_CHUNK_BLOCKS * LIMITER_BLOCK, MAX_THREADS = 8 };

typedef struct {
    short out[CHUNK + LIMITER_BLOCK];
    size_t count;
    size_t chunk; /* which chunk is (or will be) here */
    bool ready;
} slot;

typedef struct {
    int fd;
    size_t total; /* samples held */
    size_t nchunks;
    float gain, ceiling;
    const limiter_checkpoints *marks;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    size_t next;     /* the next chunk a thread takes */
    size_t consumed; /* chunks handed on so far */
    bool failed;     /* a read failed or the consumer stopped: everyone stops */
    size_t nslots;
    slot *slots;
} pass;

/* Reads samples [from, from + count) of the held audio. */
static bool read_samples(int fd, short *to, size_t from, size_t count)
{
    size_t done = 0;
    while (done < count) {
        ssize_t k =
            pread(fd, (char *)to + done * 2, (count - done) * 2, (off_t)((from + done) * 2));
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0 || k % 2) return false;
        done += (size_t)k / 2;
    }
    return true;
}

/* Limits chunk c into its slot: the chunk plus the next one's first block go in. */
static bool limit_chunk(pass *p, size_t c, slot *s)
{
    static _Thread_local short in[CHUNK + LIMITER_BLOCK];
    size_t from = c * CHUNK, count = p->total - from < CHUNK + LIMITER_BLOCK
                                         ? p->total - from
                                         : CHUNK + LIMITER_BLOCK;
    if (!read_samples(p->fd, in, from, count)) return false;
    limiter lim;
    limiter_resume(&lim, p->gain, p->ceiling, p->marks->state[c]);
    s->count = limiter_process(&lim, in, count, s->out);
    if (c + 1 == p->nchunks) s->count += limiter_flush(&lim, s->out + s->count);
    return true;
}

static void *worker(void *arg)
{
    pass *p = arg;
    pthread_mutex_lock(&p->lock);
    while (!p->failed && p->next < p->nchunks) {
        size_t c = p->next++;
        slot *s = &p->slots[c % p->nslots];
        while (!p->failed && c >= p->consumed + p->nslots) /* its slot is still in use */
            pthread_cond_wait(&p->changed, &p->lock);
        if (p->failed) break;
        pthread_mutex_unlock(&p->lock);
        bool ok = limit_chunk(p, c, s);
        pthread_mutex_lock(&p->lock);
        s->chunk = c;
        s->ready = ok;
        if (!ok) p->failed = true;
        pthread_cond_broadcast(&p->changed);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Hands the chunks on in order as the threads finish them. */
static loc_status consume(pass *p, limit_pass_fn fn, void *user)
{
    loc_status st = LOC_OK;
    for (size_t c = 0; c < p->nchunks && st == LOC_OK; c++) {
        slot *s = &p->slots[c % p->nslots];
        pthread_mutex_lock(&p->lock);
        while (!p->failed && !(s->ready && s->chunk == c))
            pthread_cond_wait(&p->changed, &p->lock);
        bool failed = p->failed;
        pthread_mutex_unlock(&p->lock);
        if (failed) return LOC_ERR_OUTPUT_WRITE;
        st = fn(user, s->out, s->count);
        pthread_mutex_lock(&p->lock);
        s->ready = false;
        p->consumed = c + 1;
        if (st != LOC_OK) p->failed = true;
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->lock);
    }
    return st;
}

loc_status limit_pass_run(int fd, limiter_plan *plan, float gain, float ceiling, int threads,
                          limit_pass_fn fn, void *user)
{
    struct stat sb;
    if (fstat(fd, &sb) != 0) return LOC_ERR_OUTPUT_WRITE;
    pass p = {.fd = fd, .total = (size_t)sb.st_size / 2, .gain = gain, .ceiling = ceiling};
    if (p.total == 0) return LOC_OK;
    p.nchunks = (p.total + CHUNK - 1) / CHUNK;
    limiter_checkpoints marks;
    if (!limiter_plan_checkpoints(plan, gain, ceiling, &marks)) return LOC_ERR_NOMEM;
    if (marks.count != p.nchunks) { /* the statistics do not describe this audio */
        free(marks.state);
        return LOC_ERR_OUTPUT_WRITE;
    }
    p.marks = &marks;
    threads = threads < 1 ? 1 : threads > MAX_THREADS ? MAX_THREADS : threads;
    p.nslots = (size_t)threads * 2;
    p.slots = calloc(p.nslots, sizeof *p.slots);
    if (!p.slots) {
        free(marks.state);
        return LOC_ERR_NOMEM;
    }
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.changed, NULL);
    pthread_t tid[MAX_THREADS];
    int started = 0;
    while (started < threads && pthread_create(&tid[started], NULL, worker, &p) == 0)
        started++;
    loc_status st = started ? consume(&p, fn, user) : LOC_ERR_NOMEM;
    pthread_mutex_lock(&p.lock);
    p.failed = true; /* whatever happened, the threads stop now */
    pthread_cond_broadcast(&p.changed);
    pthread_mutex_unlock(&p.lock);
    for (int i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    pthread_cond_destroy(&p.changed);
    pthread_mutex_destroy(&p.lock);
    free(p.slots);
    free(marks.state);
    return st;
}
