/* test_status.c - every status has its own message and an exit code; unknown ones are safe. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "status.h"

static void every_status_has_a_message(void **state)
{
    (void)state;
    for (int s = 0; s < LOC_STATUS_COUNT; s++) {
        const char *m = loc_strerror((loc_status)s);
        assert_non_null(m);
        assert_true(strlen(m) > 3);
        assert_string_not_equal(m, "unknown error");
        for (int t = 0; t < s; t++)
            assert_string_not_equal(m, loc_strerror((loc_status)t));
    }
    assert_string_equal(loc_strerror(LOC_STATUS_COUNT), "unknown error");
}

static void exit_codes_are_distinct_from_success(void **state)
{
    (void)state;
    assert_int_equal(loc_exit_code(LOC_OK), 0);
    for (int s = 1; s < LOC_STATUS_COUNT; s++)
        assert_int_not_equal(loc_exit_code((loc_status)s), 0);
    assert_int_equal(loc_exit_code(LOC_ERR_USAGE), 2);
    assert_int_equal(loc_exit_code(LOC_ERR_INPUT_OPEN), 3);
    assert_int_equal(loc_exit_code(LOC_ERR_OUTPUT_OPEN), 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_status_has_a_message),
        cmocka_unit_test(exit_codes_are_distinct_from_success),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
