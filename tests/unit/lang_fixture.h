/* lang_fixture.h - the unit tests' shared fixture: the source tree's language data loaded once
 * per test program (cmocka group setup and teardown), and an arena for their tokens. */
#ifndef LOC_TEST_LANG_FIXTURE_H
#define LOC_TEST_LANG_FIXTURE_H

#include <stdio.h>

#include "arena.h"
#include "es_lang.h"
#include "status.h"
#include "strbuf.h"

static es_lang lang;
static arena a __attribute__((unused));

static int setup(void **state)
{
    (void)state;
    strbuf err = {0};
    loc_status st = es_lang_load(&lang, LOCUTOR_TEST_DATA_DIR, &err);
    if (st != LOC_OK) fprintf(stderr, "%s\n", sb_str(&err));
    sb_free(&err);
    return st == LOC_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    es_lang_free(&lang);
    arena_free(&a);
    return 0;
}

#endif
