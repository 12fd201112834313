/* regroup.h - passes a stream of samples on in runs of whole multiples of a size, copying only
 * the pieces that straddle two runs: 700 + 700 samples with size 1024 -> one run of 1024. */
#ifndef LOC_REGROUP_H
#define LOC_REGROUP_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/* Takes a run of samples (a multiple of the size); false stops the stream. */
typedef bool (*regroup_fn)(void *user, const short *samples, size_t count);

/* Adds count samples: whole runs straight from samples where they line up, the rest through
 * buf (size samples, *held of them waiting there between calls). */
static inline bool regroup(short *buf, size_t *held, size_t size, const short *samples,
                           size_t count, regroup_fn fn, void *user)
{
    while (count) {
        if (*held == 0 && count >= size) { /* lined up: no copy */
            size_t whole = count - count % size;
            if (!fn(user, samples, whole)) return false;
            samples += whole;
            count -= whole;
            continue;
        }
        size_t n = size - *held < count ? size - *held : count;
        memcpy(buf + *held, samples, n * sizeof *samples);
        *held += n;
        samples += n;
        count -= n;
        if (*held == size) {
            *held = 0;
            if (!fn(user, buf, size)) return false;
        }
    }
    return true;
}

#endif
