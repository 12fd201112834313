/* test_term.c - the player's key decoding: letters, arrows (both escape forms), unknown bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "term.h"

static term_key decode(const char *s, size_t *used)
{
    return term_decode(s, strlen(s), used);
}

static void letters(void **state)
{
    (void)state;
    size_t used;
    assert_int_equal(decode(" ", &used), KEY_PAUSE);
    assert_int_equal(used, 1);
    assert_int_equal(decode("n", &used), KEY_NEXT);
    assert_int_equal(decode("p", &used), KEY_PREV);
    assert_int_equal(decode("N", &used), KEY_NEXT_PART);
    assert_int_equal(decode("P", &used), KEY_PREV_PART);
    assert_int_equal(decode("+", &used), KEY_FASTER);
    assert_int_equal(decode("-", &used), KEY_SLOWER);
    assert_int_equal(decode("r", &used), KEY_REPEAT);
    assert_int_equal(decode("h", &used), KEY_HELP);
    assert_int_equal(decode("?", &used), KEY_HELP);
    assert_int_equal(decode("q", &used), KEY_QUIT);
    assert_int_equal(decode("x", &used), KEY_NONE);
    assert_int_equal(used, 1);
}

static void arrows(void **state)
{
    (void)state;
    size_t used;
    assert_int_equal(decode("\033[C", &used), KEY_NEXT);
    assert_int_equal(used, 3);
    assert_int_equal(decode("\033[D", &used), KEY_PREV);
    assert_int_equal(decode("\033[B", &used), KEY_NEXT_PART);
    assert_int_equal(decode("\033[A", &used), KEY_PREV_PART);
    assert_int_equal(decode("\033OC", &used), KEY_NEXT); /* application cursor mode */
    assert_int_equal(decode("\033[B\033[B", &used), KEY_NEXT_PART);
    assert_int_equal(used, 3); /* the second arrow is left for the next call */
}

static void other_sequences(void **state)
{
    (void)state;
    size_t used;
    /* F5 (ESC [ 1 5 ~) is skipped whole, so its bytes are not read as keys */
    assert_int_equal(decode("\033[15~n", &used), KEY_NONE);
    assert_int_equal(used, 5);
    assert_int_equal(decode("\033", &used), KEY_NONE);
    assert_int_equal(used, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(letters),
        cmocka_unit_test(arrows),
        cmocka_unit_test(other_sequences),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
