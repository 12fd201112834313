/* arena.c - bump allocator: pages of at least 16 KiB, reset per block. */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

struct arena_page {
    arena_page *next;
    size_t used, size;
    max_align_t data[];
};

enum { PAGE_MIN = 16384 };

void *arena_alloc(arena *a, size_t size)
{
    void *out = arena_alloc_raw(a, size);
    if (out) memset(out, 0, size);
    return out;
}

void *arena_alloc_raw(arena *a, size_t size)
{
    size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    arena_page *p = a->pages;
    if (!p || p->size - p->used < size) {
        size_t want = size > PAGE_MIN ? size : PAGE_MIN;
        p = malloc(sizeof(arena_page) + want);
        if (!p) return NULL;
        p->used = 0;
        p->size = want;
        p->next = a->pages;
        a->pages = p;
    }
    void *out = (char *)p->data + p->used;
    p->used += size;
    return out;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *d = arena_alloc_raw(a, n + 1);
    if (!d) return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

void arena_reset(arena *a)
{
    arena_page *p = a->pages;
    if (!p) return;
    /* keep the oldest page (the last in the list), free the rest */
    while (p->next) {
        arena_page *next = p->next;
        free(p);
        p = next;
    }
    p->used = 0;
    a->pages = p;
}

void arena_free(arena *a)
{
    arena_page *p = a->pages;
    while (p) {
        arena_page *next = p->next;
        free(p);
        p = next;
    }
    a->pages = NULL;
}
