/* text_pool.c - normalization alone on every core: each unit of about UNIT_BYTES of input is
 * normalized by a forked child that prints into a pipe; the parent copies the pipes to standard
 * output one after another, so the text is the same as one process would print.
 *
 * The normalizer keeps no state from one block to the next, so a unit's text does not depend on
 * which child made it. At most jobs children run; a child ahead of its turn waits on its full
 * pipe, so memory is bounded by the pool, not the input. */
#include "text_pool.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "strbuf.h"

enum { MAX_JOBS = 64, UNIT_BYTES = 1024 * 1024, PIPE_BYTES = 1 << 20, COPY_CHUNK = 65536 };

typedef struct {
    block b; /* text: NULL here; the block's text starts at offset in the unit's text */
    size_t offset;
} queued_block;

typedef struct {
    pid_t pid;
    int fd; /* read end of its pipe */
} child;

struct text_pool {
    int jobs;
    text_block_fn print;
    void *user;
    strbuf text;          /* the unit's block texts, one after another */
    queued_block *blocks; /* the unit's blocks */
    size_t nblocks, cap;
    child ring[MAX_JOBS];
    size_t head, count; /* children in the order their text is printed */
};

text_pool *text_pool_new(int jobs, text_block_fn print, void *user)
{
    text_pool *p = calloc(1, sizeof *p);
    if (!p) return NULL;
    p->jobs = jobs < 1 ? 1 : jobs > MAX_JOBS ? MAX_JOBS : jobs;
    p->print = print;
    p->user = user;
    return p;
}

/* In the child: prints every block of the unit into fd, then exits with the status. */
static void child_main(text_pool *p, int fd)
{
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGPIPE, SIG_DFL);
    loc_status st = dup2(fd, STDOUT_FILENO) < 0 ? LOC_ERR_OUTPUT_WRITE : LOC_OK;
    for (size_t i = 0; st == LOC_OK && i < p->nblocks; i++) {
        block b = p->blocks[i].b;
        b.text = p->text.data + p->blocks[i].offset;
        st = p->print(p->user, &b);
    }
    if (fflush(stdout) != 0 && st == LOC_OK) st = LOC_ERR_OUTPUT_WRITE;
    _exit((int)st); /* never run the parent's atexit handlers */
}

/* Copies the oldest child's text to standard output and waits for it. */
static loc_status print_head(text_pool *p)
{
    child *c = &p->ring[p->head];
    char buf[COPY_CHUNK];
    loc_status st = LOC_OK;
    for (;;) {
        ssize_t k = read(c->fd, buf, sizeof buf);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break;
        if (st == LOC_OK && fwrite(buf, 1, (size_t)k, stdout) != (size_t)k)
            st = LOC_ERR_OUTPUT_WRITE; /* keep reading: the child must not block for ever */
    }
    close(c->fd);
    int status;
    while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (st == LOC_OK)
        st = WIFEXITED(status) ? (loc_status)WEXITSTATUS(status) : LOC_ERR_INTERRUPTED;
    if ((unsigned)st >= LOC_STATUS_COUNT) st = LOC_ERR_NOMEM;
    p->head = (p->head + 1) % MAX_JOBS;
    p->count--;
    return st;
}

/* Forks a child for the queued unit, printing the oldest children first while the pool is full. */
static loc_status start_unit(text_pool *p)
{
    if (p->nblocks == 0) return LOC_OK;
    while (p->count >= (size_t)p->jobs) {
        loc_status st = print_head(p);
        if (st != LOC_OK) return st;
    }
    if (fflush(stdout) != 0) return LOC_ERR_OUTPUT_WRITE; /* or the child would print it again */
    int fds[2];
    if (pipe(fds) != 0) return LOC_ERR_NOMEM;
    fcntl(fds[0], F_SETPIPE_SZ, PIPE_BYTES); /* a whole unit's text: no wait; ignored if refused */
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return LOC_ERR_NOMEM;
    }
    if (pid == 0) {
        close(fds[0]);
        child_main(p, fds[1]);
    }
    close(fds[1]);
    p->ring[(p->head + p->count) % MAX_JOBS] = (child){pid, fds[0]};
    p->count++;
    p->nblocks = 0;
    sb_clear(&p->text);
    return LOC_OK;
}

loc_status text_pool_add(text_pool *p, const block *b)
{
    if (p->nblocks == p->cap) {
        size_t cap = p->cap ? 2 * p->cap : 256;
        queued_block *q = realloc(p->blocks, cap * sizeof *q);
        if (!q) return LOC_ERR_NOMEM;
        p->blocks = q;
        p->cap = cap;
    }
    queued_block *q = &p->blocks[p->nblocks];
    q->b = *b;
    q->b.text = NULL;
    q->b.source_map = NULL;
    q->offset = p->text.len;
    if (!sb_append(&p->text, b->text, b->len) || !sb_append(&p->text, "", 1)) return LOC_ERR_NOMEM;
    p->nblocks++;
    return p->text.len >= UNIT_BYTES ? start_unit(p) : LOC_OK;
}

static void free_pool(text_pool *p)
{
    sb_free(&p->text);
    free(p->blocks);
    free(p);
}

loc_status text_pool_finish(text_pool *p)
{
    loc_status st = start_unit(p);
    while (st == LOC_OK && p->count)
        st = print_head(p);
    if (st != LOC_OK) {
        text_pool_abort(p);
        return st;
    }
    free_pool(p);
    return LOC_OK;
}

void text_pool_abort(text_pool *p)
{
    if (!p) return;
    for (; p->count; p->count--, p->head = (p->head + 1) % MAX_JOBS) {
        child *c = &p->ring[p->head];
        kill(c->pid, SIGKILL);
        close(c->fd);
        waitpid(c->pid, NULL, 0);
    }
    free_pool(p);
}
