/* hash.h - the one string hash of the program: 64-bit FNV-1a. */
#ifndef LOC_HASH_H
#define LOC_HASH_H

#include <stddef.h>
#include <stdint.h>

#define LOC_FNV_BASIS 14695981039346656037ull
#define LOC_FNV_PRIME 1099511628211ull

/* Folds n bytes at p into the running hash h (start from LOC_FNV_BASIS). */
static inline uint64_t loc_fnv1a_add(uint64_t h, const void *p, size_t n)
{
    const unsigned char *s = p;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * LOC_FNV_PRIME;
    return h;
}

/* The hash of n bytes at p. */
static inline uint64_t loc_fnv1a(const void *p, size_t n)
{
    return loc_fnv1a_add(LOC_FNV_BASIS, p, n);
}

#endif
