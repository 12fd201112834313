/* block.c - the offset maps the readers build for their blocks. */
#include "block.h"

#include <stdlib.h>

bool reader_offsets_add(reader_offsets *o, size_t from, size_t n, bool step)
{
    if (o->cap - o->count < n || !o->items) {
        size_t cap = o->cap ? o->cap : 256;
        while (cap - o->count < n)
            cap *= 2;
        size_t *items = realloc(o->items, cap * sizeof *items);
        if (!items) return false;
        o->items = items;
        o->cap = cap;
    }
    for (size_t i = 0; i < n; i++)
        o->items[o->count++] = step ? from + i : from;
    return true;
}

void reader_offsets_free(reader_offsets *o)
{
    free(o->items);
    *o = (reader_offsets){0};
}
