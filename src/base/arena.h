/* arena.h - a bump allocator freed all at once (one per block of text). */
#ifndef LOC_ARENA_H
#define LOC_ARENA_H

#include <stddef.h>

typedef struct arena_page arena_page;
typedef struct {
    arena_page *pages; /* owned list, newest first */
} arena;

/* Returns zeroed memory owned by the arena, or NULL when memory runs out. */
void *arena_alloc(arena *a, size_t size);
/* Like arena_alloc, without zeroing: for memory the caller fills before reading. */
void *arena_alloc_raw(arena *a, size_t size);
/* Copies n bytes of s plus a NUL into the arena. */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
/* Frees everything but keeps the first page for reuse. */
void arena_reset(arena *a);
void arena_free(arena *a);

#endif
