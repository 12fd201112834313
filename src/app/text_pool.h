/* text_pool.h - --text/--ssml without audio: units of blocks normalized by forked children,
 * their output printed strictly in order. */
#ifndef LOC_TEXT_POOL_H
#define LOC_TEXT_POOL_H

#include "reader.h"
#include "status.h"

typedef struct text_pool text_pool;

/* Normalizes one block and prints it to standard output (run in a child). */
typedef loc_status (*text_block_fn)(void *user, const block *b);

/* Starts a pool of at most jobs children at once; each calls print for every block of its
 * unit, with its standard output going to a pipe the parent copies out in order. */
text_pool *text_pool_new(int jobs, text_block_fn print, void *user);

/* Queues a copy of one block; starts a child when the unit is full (waiting while the pool is). */
loc_status text_pool_add(text_pool *p, const block *b);

/* Prints everything still pending, then frees the pool. */
loc_status text_pool_finish(text_pool *p);

/* Stops every child, drops what they wrote and frees the pool. */
void text_pool_abort(text_pool *p);

#endif
