/* table.h - written<TAB>spoken[<TAB>features] tables loaded from TSV files. */
#ifndef LOC_TABLE_H
#define LOC_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "status.h"
#include "strbuf.h"

typedef struct {
    const char *written;  /* owned by the table */
    const char *spoken;   /* owned by the table */
    const char *features; /* owned by the table; "" when the column is absent */
    uint32_t len;         /* written's length in bytes */
    uint32_t hash;        /* the table's hash of written (a resize places it without rehashing) */
} table_entry;

typedef struct table table;

table *table_new(void);
void table_free(table *t);
/* Adds or replaces an entry (later entries override earlier ones). */
loc_status table_put(table *t, const char *written, const char *spoken, const char *features);
/* Loads a TSV file; entries override existing keys. On a malformed line
 * returns LOC_ERR_DATA and writes "file:line: reason" into err. */
loc_status table_load(table *t, const char *path, strbuf *err);
/* Returns the entry for an exact key, or NULL. */
const table_entry *table_get(const table *t, const char *written);
const table_entry *table_getn(const table *t, const char *written, size_t n);
size_t table_count(const table *t);
/* Longest key length in bytes (lets recognizers bound their look-ups). */
size_t table_max_key(const table *t);
/* Calls fn on every entry, in no particular order. */
void table_foreach(const table *t, void (*fn)(const table_entry *e, void *ctx), void *ctx);
/* Returns the value of "name=value" in a features string into out ("" if absent). */
void table_feature(const char *features, const char *name, char *out, size_t outsize);

#endif
