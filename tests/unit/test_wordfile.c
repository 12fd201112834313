/* test_wordfile.c - the sorted word list read in place: found, not found, bad files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "wordfile.h"

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void finds_every_line_and_nothing_else(void **state)
{
    (void)state;
    char path[] = "/tmp/test_wordfile_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    write_file(path, "# header\n# two\nabad\nabc\nabcd\nbanco\nmuseo\npremio\nzz");
    wordfile *w = NULL;
    strbuf err = {0};
    assert_int_equal(wordfile_open(path, &w, &err), LOC_OK);
    const char *in[] = {"abad", "abc", "abcd", "banco", "museo", "premio", "zz"};
    for (size_t i = 0; i < sizeof in / sizeof *in; i++)
        assert_true(wordfile_has(w, in[i], strlen(in[i])));
    const char *out[] = {"ab", "abce", "abcde", "a", "# header", "museos", "zzz", "z", "0"};
    for (size_t i = 0; i < sizeof out / sizeof *out; i++)
        assert_false(wordfile_has(w, out[i], strlen(out[i])));
    assert_true(wordfile_has(w, "premios", 6)); /* the first n bytes only */
    wordfile_free(w);
    unlink(path);
    sb_free(&err);
}

static void the_real_list_holds_spanish_nouns(void **state)
{
    (void)state;
    wordfile *w = NULL;
    strbuf err = {0};
    assert_int_equal(wordfile_open(LOCUTOR_TEST_DATA_DIR "/es/spanish-common-words.tsv", &w, &err),
                     LOC_OK);
    assert_true(wordfile_has(w, "premio", 6));
    assert_true(wordfile_has(w, "universidad", 11));
    assert_true(wordfile_has(w, "estadio", 7));
    assert_false(wordfile_has(w, "tillotson", 9));
    assert_false(wordfile_has(w, "wembley", 7));
    wordfile_free(w);
    sb_free(&err);
    /* bisection needs the bytes sorted: every line after the header above the one before */
    FILE *f = fopen(LOCUTOR_TEST_DATA_DIR "/es/spanish-common-words.tsv", "r");
    assert_non_null(f);
    char prev[256] = "", line[256];
    size_t count = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#') continue;
        line[strcspn(line, "\n")] = '\0';
        if (count++) assert_true(strcmp(prev, line) < 0);
        snprintf(prev, sizeof prev, "%s", line);
    }
    fclose(f);
    assert_true(count > 50000);
}

static void a_missing_or_empty_file_is_an_error_naming_it(void **state)
{
    (void)state;
    wordfile *w = (wordfile *)1;
    strbuf err = {0};
    assert_int_equal(wordfile_open("/nonexistent/words.tsv", &w, &err), LOC_ERR_DATA);
    assert_null(w);
    assert_non_null(strstr(sb_str(&err), "/nonexistent/words.tsv"));
    char path[] = "/tmp/test_wordfile_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    err.len = 0;
    assert_int_equal(wordfile_open(path, &w, &err), LOC_ERR_DATA);
    assert_non_null(strstr(sb_str(&err), "empty"));
    assert_false(wordfile_has(NULL, "a", 1));
    unlink(path);
    sb_free(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(finds_every_line_and_nothing_else),
        cmocka_unit_test(the_real_list_holds_spanish_nouns),
        cmocka_unit_test(a_missing_or_empty_file_is_an_error_naming_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
