/* table.c - open-addressing hash table of TSV entries (FNV-1a keys). */
#include "table.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "hash.h"

struct table {
    table_entry *slots; /* owned; written == NULL marks an empty slot */
    uint32_t *tags;     /* owned; each slot's tag (0: empty): probes stay in this small array */
    size_t cap, count, max_key;
    uint64_t *present; /* owned; a bit per quick hash of every key (NULL on big tables) */
    size_t present_mask;
    arena strings; /* every entry's strings, and loaded files whole */
};

/* The widest presence filter (bits): 16 KB keeps it in the cache beside the text. */
#define TABLE_PRESENT_MAX_BITS (1u << 17)

static int rebuild_present(table *t);

/* FNV-1a from the table's own basis (FNV's with a digit short): table_foreach visits slots in
 * hash order and es_foreign's cue scoring depends on that order on ties, so the standard basis
 * would change a few foreign names' readings (Thibault Fournier: Zíbolt instead of Tibó). */
#define TABLE_HASH_BASIS 1469598103934665603ull
static size_t hash(const char *s, size_t n)
{
    return (size_t)loc_fnv1a_add(TABLE_HASH_BASIS, s, n);
}

table *table_new(void)
{
    table *t = calloc(1, sizeof *t);
    if (!t) return NULL;
    t->cap = 64;
    t->slots = calloc(t->cap, sizeof *t->slots);
    t->tags = calloc(t->cap, sizeof *t->tags);
    if (!t->slots || !t->tags || !rebuild_present(t)) {
        free(t->slots);
        free(t->tags);
        free(t);
        return NULL;
    }
    return t;
}

void table_free(table *t)
{
    if (!t) return;
    arena_free(&t->strings);
    free(t->slots);
    free(t->tags);
    free(t->present);
    free(t);
}

/* A cheap hash of a key's first and last bytes and length, for the presence filter: most look-ups
 * are of words a table does not hold, and this turns them away before FNV and a cache miss. */
static uint32_t quick_hash(const char *s, size_t n)
{
    uint64_t a = 0, b = 0;
    if (n >= 8) {
        memcpy(&a, s, 8);
        memcpy(&b, s + n - 8, 8);
    } else if (n >= 4) {
        uint32_t x, y;
        memcpy(&x, s, 4);
        memcpy(&y, s + n - 4, 4);
        a = x;
        b = y;
    } else if (n > 0) {
        a = (unsigned char)s[0] | (unsigned)(unsigned char)s[n / 2] << 8 |
            (unsigned)(unsigned char)s[n - 1] << 16;
    }
    uint64_t h = (a * 0x9E3779B97F4A7C15ull) ^ (b * 0xC2B2AE3D27D4EB4Full) ^ (n * 0x165667B1ull);
    return (uint32_t)(h >> 32);
}

static void mark_present(table *t, const char *key, size_t n)
{
    if (!t->present) return;
    size_t bit = quick_hash(key, n) & t->present_mask;
    t->present[bit / 64] |= 1ull << (bit % 64);
}

/* Rebuilds the presence filter for the table's capacity: 8 bits a slot, none when too wide. */
static int rebuild_present(table *t)
{
    free(t->present);
    t->present = NULL;
    size_t bits = t->cap * 8;
    if (bits > TABLE_PRESENT_MAX_BITS) return 1; /* the word lists: most look-ups find them */
    t->present = calloc(bits / 64, sizeof *t->present);
    if (!t->present) return 0;
    t->present_mask = bits - 1;
    for (size_t i = 0; i < t->cap; i++)
        if (t->tags[i]) mark_present(t, t->slots[i].written, t->slots[i].len);
    return 1;
}

/* A slot's tag for hash h: never 0, which marks an empty slot. */
static uint32_t tag_of(size_t h)
{
    return (uint32_t)h | 1u;
}

/* The index of key (hash h)'s slot, or of the empty slot where it would go. */
static size_t find_slot(const table_entry *slots, const uint32_t *tags, size_t cap, const char *key,
                        size_t n, size_t h)
{
    uint32_t tag = tag_of(h);
    size_t i = h & (cap - 1);
    while (tags[i] &&
           !(tags[i] == tag && slots[i].len == n && memcmp(slots[i].written, key, n) == 0))
        i = (i + 1) & (cap - 1);
    return i;
}

/* Rehashes into a table of cap slots (a power of two above count). */
static int resize(table *t, size_t cap)
{
    table_entry *slots = calloc(cap, sizeof *slots);
    uint32_t *tags = calloc(cap, sizeof *tags);
    if (!slots || !tags) {
        free(slots);
        free(tags);
        return 0;
    }
    for (size_t i = 0; i < t->cap; i++) {
        if (!t->tags[i]) continue;
        const table_entry *e = &t->slots[i];
        size_t k = find_slot(slots, tags, cap, e->written, e->len, e->hash);
        slots[k] = *e;
        tags[k] = t->tags[i];
    }
    free(t->slots);
    free(t->tags);
    t->slots = slots;
    t->tags = tags;
    t->cap = cap;
    return rebuild_present(t);
}

/* Makes room for more entries at most half full, with one rehash at most. */
static int reserve(table *t, size_t more)
{
    size_t cap = t->cap;
    while ((t->count + more) * 2 > cap)
        cap *= 2;
    return cap == t->cap || resize(t, cap);
}

/* Adds or replaces an entry whose strings the table's arena already holds. */
static loc_status put_held(table *t, const char *written, size_t n, const char *spoken,
                           const char *features)
{
    if (!reserve(t, 1)) return LOC_ERR_NOMEM;
    if (n > UINT32_MAX) return LOC_ERR_DATA;
    size_t h = hash(written, n);
    size_t i = find_slot(t->slots, t->tags, t->cap, written, n, h);
    if (!t->tags[i]) t->count++; /* a replaced entry's strings stay in the arena */
    t->slots[i] = (table_entry){written, spoken, features, (uint32_t)n, (uint32_t)h};
    t->tags[i] = tag_of(h);
    mark_present(t, written, n);
    if (n > t->max_key) t->max_key = n;
    return LOC_OK;
}

loc_status table_put(table *t, const char *written, const char *spoken, const char *features)
{
    size_t n = strlen(written);
    if (!features) features = "";
    size_t ns = strlen(spoken), nf = strlen(features);
    char *block = arena_alloc_raw(&t->strings, n + ns + nf + 3);
    if (!block) return LOC_ERR_NOMEM;
    memcpy(block, written, n + 1);
    memcpy(block + n + 1, spoken, ns + 1);
    memcpy(block + n + ns + 2, features, nf + 1);
    return put_held(t, block, n, block + n + 1, block + n + ns + 2);
}

/* Reads an open file whole (size: its expected length) into the table's arena,
 * NUL-terminated; NULL when memory runs out. Pipes and growing files read to their end. */
static char *slurp(table *t, FILE *f, size_t size, size_t *len)
{
    size_t cap = size + 1, n = 0;
    char *buf = malloc(cap), *text = NULL;
    while (buf) {
        n += fread(buf + n, 1, cap - 1 - n, f);
        if (n < cap - 1 || feof(f) || ferror(f)) break;
        char *bigger = realloc(buf, cap * 2);
        if (!bigger) break;
        buf = bigger;
        cap *= 2;
    }
    if (buf && (text = arena_alloc_raw(&t->strings, n + 1))) {
        memcpy(text, buf, n);
        text[n] = '\0';
        *len = n;
    }
    free(buf);
    return text;
}

loc_status table_load(table *t, const char *path, strbuf *err)
{
    FILE *f = fopen(path, "r");
    struct stat sb = {0};
    if (f && fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
        fclose(f);
        f = NULL;
        errno = EISDIR;
    }
    if (!f) {
        sb_printf(err, "%s: cannot open: %s", path, strerror(errno));
        return LOC_ERR_DATA;
    }
    size_t plen = strlen(path); /* a *-words.tsv file is a word list, one word a line */
    bool word_list = plen > 10 && strcmp(path + plen - 10, "-words.tsv") == 0;
    size_t len = 0, lineno = 0, lines = 0;
    char *text = slurp(t, f, S_ISREG(sb.st_mode) ? (size_t)sb.st_size : 65536, &len);
    loc_status st = text ? LOC_OK : LOC_ERR_NOMEM;
    if (st == LOC_OK && ferror(f)) {
        sb_printf(err, "%s: cannot read: %s", path, strerror(errno));
        st = LOC_ERR_DATA;
    }
    fclose(f);
    for (const char *p = text; st == LOC_OK && (p = memchr(p, '\n', text + len - p)); p++)
        lines++;
    if (st == LOC_OK && !reserve(t, lines + 1)) st = LOC_ERR_NOMEM;
    for (char *line = text, *next; st == LOC_OK && line < text + len; line = next) {
        lineno++;
        char *nl = memchr(line, '\n', text + len - line);
        next = nl ? nl + 1 : text + len;
        char *stop = nl ? nl : text + len;
        while (stop > line && (stop[-1] == '\r' || stop[-1] == '\n'))
            stop--;
        *stop = '\0';
        char *start = line;
        if (lineno == 1 && strncmp(start, "\xEF\xBB\xBF", 3) == 0) start += 3; /* a BOM */
        if (!*start || start[0] == '#') continue;
        if (strlen(start) != (size_t)(stop - start)) {
            sb_printf(err, "%s:%zu: a NUL byte in the line", path, lineno);
            st = LOC_ERR_DATA;
            break;
        }
        char *cols[4] = {start, NULL, NULL, NULL};
        int ncols = 1;
        for (char *p = start; *p; p++)
            if (*p == '\t') {
                *p = '\0';
                if (ncols == 4) break;
                cols[ncols++] = p + 1;
            }
        if (ncols == 1 && word_list) cols[ncols++] = cols[0]; /* kiosco: said as written */
        if (ncols < 2 || ncols > 3 || !*cols[0]) {
            sb_printf(err, "%s:%zu: expected written<TAB>spoken[<TAB>features]", path, lineno);
            st = LOC_ERR_DATA;
            break;
        }
        st = put_held(t, cols[0], strlen(cols[0]), cols[1], ncols == 3 ? cols[2] : "");
    }
    return st;
}

const table_entry *table_getn(const table *t, const char *written, size_t n)
{
    if (!t || n == 0 || n > t->max_key) return NULL; /* longer than any key: no hashing */
    if (t->present) {
        size_t bit = quick_hash(written, n) & t->present_mask;
        if (!(t->present[bit / 64] >> (bit % 64) & 1)) return NULL;
    }
    size_t i = find_slot(t->slots, t->tags, t->cap, written, n, hash(written, n));
    return t->tags[i] ? &t->slots[i] : NULL;
}

const table_entry *table_get(const table *t, const char *written)
{
    return table_getn(t, written, strlen(written));
}

size_t table_count(const table *t)
{
    return t ? t->count : 0;
}

size_t table_max_key(const table *t)
{
    return t ? t->max_key : 0;
}

void table_feature(const char *features, const char *name, char *out, size_t outsize)
{
    size_t n = strlen(name);
    out[0] = '\0';
    for (const char *p = features; p && *p;) {
        while (*p == ' ' || *p == ',')
            p++;
        if (strncmp(p, name, n) == 0 && p[n] == '=') {
            const char *v = p + n + 1;
            size_t k = strcspn(v, " ,");
            if (k >= outsize) k = outsize - 1;
            memcpy(out, v, k);
            out[k] = '\0';
            return;
        }
        p += strcspn(p, " ,");
    }
}

void table_foreach(const table *t, void (*fn)(const table_entry *e, void *ctx), void *ctx)
{
    for (size_t i = 0; t && i < t->cap; i++)
        if (t->slots[i].written) fn(&t->slots[i], ctx);
}
