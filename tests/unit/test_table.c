/* test_table.c - the TSV hash table: every key found and no other, as it grows past its
 * presence filter, and later entries replacing earlier ones. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "table.h"

/* Key number i: lengths from 1 to 20 bytes, so the filter's short and long paths both run. */
static void key(size_t i, char *out, size_t size)
{
    snprintf(out, size, "%zu%.*s", i, (int)(i % 19), "abcdefghijklmnopqrstuvwxyz");
}

static void checks_every_size(size_t count)
{
    table *t = table_new();
    assert_non_null(t);
    char k[64], v[64];
    for (size_t i = 0; i < count; i++) {
        key(i, k, sizeof k);
        snprintf(v, sizeof v, "v%zu", i);
        assert_int_equal(table_put(t, k, v, NULL), LOC_OK);
        /* the newest key and an early one are found after every growth */
        assert_non_null(table_get(t, k));
        key(i / 2, k, sizeof k);
        assert_non_null(table_get(t, k));
    }
    assert_int_equal(table_count(t), count);
    for (size_t i = 0; i < count; i++) {
        key(i, k, sizeof k);
        const table_entry *e = table_get(t, k);
        assert_non_null(e);
        snprintf(v, sizeof v, "v%zu", i);
        assert_string_equal(e->spoken, v);
        assert_int_equal(e->len, strlen(k));
        /* the same key one byte shorter or longer is another key */
        if (strlen(k) > 1) assert_true(table_getn(t, k, strlen(k) - 1) != e);
        strcat(k, "z");
        assert_null(table_get(t, k));
    }
    for (size_t i = count; i < count + 5000; i++) {
        key(i, k, sizeof k);
        assert_null(table_get(t, k));
    }
    table_free(t);
}

static void finds_every_key_and_no_other(void **state)
{
    (void)state;
    checks_every_size(10);     /* the first slots: a small filter */
    checks_every_size(3000);   /* several growths, the filter rebuilt each time */
    checks_every_size(100000); /* past the widest filter: look-ups without it */
}

static void later_entries_replace_earlier_ones(void **state)
{
    (void)state;
    table *t = table_new();
    assert_non_null(t);
    assert_int_equal(table_put(t, "Jack", "Yac", NULL), LOC_OK);
    assert_int_equal(table_put(t, "Jack", "Yak", "kind=name"), LOC_OK);
    assert_int_equal(table_count(t), 1);
    assert_string_equal(table_get(t, "Jack")->spoken, "Yak");
    assert_string_equal(table_get(t, "Jack")->features, "kind=name");
    assert_null(table_get(t, "jack"));
    assert_null(table_get(t, ""));
    assert_null(table_getn(t, "Jackson", 7));
    assert_non_null(table_getn(t, "Jackson", 4));
    table_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(finds_every_key_and_no_other),
        cmocka_unit_test(later_entries_replace_earlier_ones),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
