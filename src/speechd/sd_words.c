/* sd_words.c - the module's Spanish words from voices/es (letters, punctuation, keys) and
 * spelling text letter by letter. */
#include "sd_words.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    char *written, *spoken;
    int level; /* punctuation: 1 most, 2 all */
} entry;

typedef struct {
    entry *items;
    size_t count;
} table;

struct sd_words {
    table letters, punct, keys;
};

/* Reads a written<TAB>spoken[<TAB>level] file ('#' lines are comments); 0 when it cannot. */
static int load_table(const char *path, table *t)
{
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char line[512];
    int ok = 1;
    while (ok && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab) continue;
        *tab = '\0';
        char *level = strchr(tab + 1, '\t');
        if (level) *level++ = '\0';
        entry *items = realloc(t->items, (t->count + 1) * sizeof *items);
        if (!items) break;
        t->items = items;
        entry *e = &items[t->count];
        e->written = strdup(line), e->spoken = strdup(tab + 1);
        e->level = level && strcmp(level, "all") == 0 ? 2 : 1;
        ok = e->written && e->spoken;
        t->count++;
    }
    ok = ok && !ferror(f);
    fclose(f);
    return ok;
}

/* Frees a table's entries. */
static void free_table(table *t)
{
    for (size_t i = 0; i < t->count; i++)
        free(t->items[i].written), free(t->items[i].spoken);
    free(t->items);
}

sd_words *sd_words_load(const char *voices_dir, char *err, size_t errsize)
{
    static const char *const names[] = {"letters.tsv", "punctuation.tsv", "keys.tsv"};
    sd_words *w = calloc(1, sizeof *w);
    if (!w) {
        snprintf(err, errsize, "out of memory");
        return NULL;
    }
    table *tables[] = {&w->letters, &w->punct, &w->keys};
    for (size_t i = 0; i < 3; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/es/%s", voices_dir, names[i]);
        if (!load_table(path, tables[i])) {
            snprintf(err, errsize, "%s: cannot read it", path);
            sd_words_free(w);
            return NULL;
        }
    }
    return w;
}

void sd_words_free(sd_words *w)
{
    if (!w) return;
    free_table(&w->letters), free_table(&w->punct), free_table(&w->keys);
    free(w);
}

/* The entry written as the n bytes at s, or NULL. */
static const entry *find(const table *t, const char *s, size_t n)
{
    for (size_t i = 0; i < t->count; i++)
        if (strlen(t->items[i].written) == n && memcmp(t->items[i].written, s, n) == 0)
            return &t->items[i];
    return NULL;
}

const char *sd_words_letter(const sd_words *w, const char *s, size_t n)
{
    char up[4];
    if (n == 0 || n > sizeof up) return NULL;
    memcpy(up, s, n);
    if (n == 1) up[0] = (char)toupper((unsigned char)up[0]);
    /* Latin-1 lower case letters U+00E0..U+00FE: C3 A0..BE, their capitals 0x20 below */
    if (n == 2 && (unsigned char)up[0] == 0xC3 && (unsigned char)up[1] >= 0xA0 &&
        (unsigned char)up[1] != 0xB7)
        up[1] = (char)((unsigned char)up[1] - 0x20);
    const entry *e = find(&w->letters, up, n);
    return e ? e->spoken : NULL;
}

const char *sd_words_punct(const sd_words *w, const char *s, size_t n, int level)
{
    const entry *e = find(&w->punct, s, n);
    return e && e->level <= level ? e->spoken : NULL;
}

const char *sd_words_key(const sd_words *w, const char *key)
{
    const entry *e = find(&w->keys, key, strlen(key));
    return e ? e->spoken : NULL;
}

size_t sd_utf8_len(const char *s, size_t left)
{
    unsigned char c = (unsigned char)s[0];
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    return n <= left ? n : 1;
}

int sd_spell(const sd_words *w, const char *s, size_t n, sd_buf *out)
{
    for (size_t i = 0; i < n;) {
        size_t k = sd_utf8_len(s + i, n - i);
        const char *name = sd_words_letter(w, s + i, k);
        if (isspace((unsigned char)s[i])) {
            if (!sd_buf_puts(out, ", ")) return 0;
        } else if (!(name ? sd_buf_puts(out, name) : sd_buf_add(out, s + i, k)) ||
                   !sd_buf_puts(out, " ")) {
            return 0;
        }
        i += k;
    }
    return 1;
}
