/* test_es_nomem.c - out of memory in the recognizers: every golden sentence classified with
 * one allocation made to fail (an arena page, or one strbuf growth) either gives
 * LOC_ERR_NOMEM or, when no allocation failed, the same tokens as with memory to spare;
 * never a crash, a token taken as "not mine" or a truncated payload. Linked with
 * -Wl,--wrap=malloc,--wrap=realloc (tests/CMakeLists.txt). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "es_classify.h"

void *__real_malloc(size_t size);
void *__real_realloc(void *p, size_t size);

static enum { FAIL_NONE, FAIL_MALLOC, FAIL_REALLOC } failing;
static long countdown; /* FAIL_REALLOC: calls before the one that fails */
static long fired;     /* failures handed out since armed */

/* With FAIL_MALLOC every malloc fails (a new arena page), which strbuf never calls. */
void *__wrap_malloc(size_t size)
{
    if (failing == FAIL_MALLOC) {
        fired++;
        return NULL;
    }
    return __real_malloc(size);
}

/* With FAIL_REALLOC the countdown-th realloc fails (strbuf growth), the others work. */
void *__wrap_realloc(void *p, size_t size)
{
    if (failing == FAIL_REALLOC && countdown-- == 0) {
        fired++;
        return NULL;
    }
    return __real_realloc(p, size);
}

#include "lang_fixture.h"

/* The classification of text as one line (class, span, payload, gender, flags per token). */
static loc_status classify(const char *text, const token_list *toks, arena *a, strbuf *out)
{
    sem_list sems;
    loc_status st = es_classify(&lang, NULL, text, toks, a, &sems);
    failing = FAIL_NONE;
    sb_clear(out);
    for (size_t i = 0; st == LOC_OK && i < sems.count; i++) {
        const sem_token *t = &sems.items[i];
        assert_true(sb_printf(out, "%s %zu-%zu [%s] %d %u; ", sem_class_name(t->cls), t->start,
                              t->end, t->payload, (int)t->gender, t->flags));
    }
    return st;
}

/* One sentence: a clean run, then each arena page and each strbuf growth made to fail. */
static size_t check_sentence(const char *text)
{
    arena tok_arena = {0};
    token_list toks;
    assert_int_equal(tokenize(text, strlen(text), &tok_arena, &toks), 0);
    strbuf want = {0}, got = {0};
    arena a = {0};
    assert_int_equal(classify(text, &toks, &a, &want), LOC_OK);
    arena_free(&a);
    size_t runs = 0;
    /* an arena page: the page is filled up to `room` bytes from its end, so the allocation
     * that does not fit asks for a new page, which fails */
    for (size_t room = 0;; room += 16, runs++) {
        assert_non_null(arena_alloc_raw(&a, 16384 - room));
        fired = 0;
        failing = FAIL_MALLOC;
        loc_status st = classify(text, &toks, &a, &got);
        arena_free(&a);
        if (fired) {
            if (st != LOC_ERR_NOMEM)
                fail_msg("\"%s\": a failed arena page (%zu bytes left) gave status %d: %s", text,
                         room, st, sb_str(&got));
            continue;
        }
        assert_int_equal(st, LOC_OK);
        assert_string_equal(sb_str(&got), sb_str(&want));
        break;
    }
    /* one strbuf growth */
    for (long k = 0;; k++, runs++) {
        fired = 0;
        countdown = k;
        failing = FAIL_REALLOC;
        loc_status st = classify(text, &toks, &a, &got);
        arena_free(&a);
        if (fired) {
            if (st != LOC_ERR_NOMEM)
                fail_msg("\"%s\": realloc %ld failed, status %d: %s", text, k, st, sb_str(&got));
            continue;
        }
        assert_int_equal(st, LOC_OK);
        assert_string_equal(sb_str(&got), sb_str(&want));
        break;
    }
    sb_free(&want);
    sb_free(&got);
    arena_free(&tok_arena);
    return runs;
}

/* The written column of every golden file. */
static void every_golden_sentence_fails_cleanly(void **state)
{
    (void)state;
    DIR *d = opendir(LOCUTOR_TEST_DIR "/golden");
    assert_non_null(d);
    size_t sentences = 0, runs = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".tsv") != 0) continue;
        char path[512], line[4096];
        snprintf(path, sizeof path, "%s/golden/%s", LOCUTOR_TEST_DIR, e->d_name);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        while (fgets(line, sizeof line, f)) {
            char *tab = strchr(line, '\t');
            if (line[0] == '#' || !tab) continue;
            *tab = '\0';
            runs += check_sentence(line);
            sentences++;
        }
        fclose(f);
    }
    closedir(d);
    printf("%zu sentences, %zu runs with a failed allocation\n", sentences, runs);
    assert_true(sentences > 500);
    assert_true(runs > 2 * sentences); /* the wrappers were in use */
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(every_golden_sentence_fails_cleanly)};
    return cmocka_run_group_tests(tests, setup, teardown);
}
