/* test_tsv_lint.c - every TSV file in voices/es: header comment, 2-3 columns (or one word a line in
 * a *-words.tsv list), unique keys, NFC, LF, final newline. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "table.h"

/* Returns NULL when the file is clean, else a malloc'd "file:line: problem". */
static char *lint_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) return strdup("cannot open");
    char *line = NULL, *problem = NULL;
    size_t cap = 0, lineno = 0;
    ssize_t n;
    int last_newline = 1, saw_header = 0;
    table *keys = table_new();
    while (!problem && (n = getline(&line, &cap, f)) >= 0) {
        lineno++;
        last_newline = n > 0 && line[n - 1] == '\n';
        if (last_newline) line[--n] = '\0';
        char buf[512];
        if (strchr(line, '\r'))
            snprintf(buf, sizeof buf, "%s:%zu: CR in line", path, lineno);
        else if (utf8proc_decompose((const utf8proc_uint8_t *)line, n, NULL, 0, 0) < 0)
            snprintf(buf, sizeof buf, "%s:%zu: not UTF-8", path, lineno);
        else {
            utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)line);
            int same = nfc && strcmp((const char *)nfc, line) == 0;
            free(nfc);
            if (!same)
                snprintf(buf, sizeof buf, "%s:%zu: not NFC", path, lineno);
            else
                buf[0] = '\0';
        }
        if (!buf[0] && line[0] == '#') {
            saw_header = 1;
            continue;
        }
        if (!buf[0] && !line[0]) continue;
        if (!buf[0] && !saw_header)
            snprintf(buf, sizeof buf, "%s: no header comment naming the columns", path);
        if (!buf[0]) {
            int tabs = 0;
            for (char *p = line; *p; p++)
                tabs += *p == '\t';
            char *tab = strchr(line, '\t');
            size_t plen = strlen(path);
            bool word_list = plen > 10 && strcmp(path + plen - 10, "-words.tsv") == 0;
            if (word_list && tabs == 0) {
                if (table_get(keys, line))
                    snprintf(buf, sizeof buf, "%s:%zu: duplicate key '%s'", path, lineno, line);
                else
                    table_put(keys, line, "", "");
            } else if (tabs < 1 || tabs > 2 || tab == line || !tab[1] || tab[1] == '\t')
                snprintf(buf, sizeof buf, "%s:%zu: expected written<TAB>spoken[<TAB>features]",
                         path, lineno);
            else {
                *tab = '\0';
                if (table_get(keys, line))
                    snprintf(buf, sizeof buf, "%s:%zu: duplicate key '%s'", path, lineno, line);
                else
                    table_put(keys, line, "", "");
            }
        }
        if (buf[0]) problem = strdup(buf);
    }
    if (!problem && !last_newline) {
        char buf[512];
        snprintf(buf, sizeof buf, "%s: no final newline", path);
        problem = strdup(buf);
    }
    table_free(keys);
    free(line);
    fclose(f);
    return problem;
}

static void every_tsv_is_clean(void **state)
{
    (void)state;
    const char *dir = LOCUTOR_TEST_DATA_DIR "/es";
    DIR *d = opendir(dir);
    assert_non_null(d);
    int files = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".tsv") != 0) continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        char *problem = lint_file(path);
        if (problem) fail_msg("%s", problem);
        files++;
    }
    closedir(d);
    assert_true(files >= 5);
}

static void lint_catches_duplicates_and_columns(void **state)
{
    (void)state;
    char path[] = "/tmp/locutor-lint-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("# written\tspoken\nOTAN\totan\nOTAN\totan\n", f);
    fclose(f);
    char *problem = lint_file(path);
    assert_non_null(problem);
    assert_non_null(strstr(problem, "duplicate"));
    free(problem);
    f = fopen(path, "w");
    fputs("# written\tspoken\nOTAN\n", f);
    fclose(f);
    problem = lint_file(path);
    assert_non_null(problem);
    free(problem);
    f = fopen(path, "w");
    fputs("# written\tspoken\nacci\xc3\xb3n\taccio\xcc\x81n\n", f); /* NFD in spoken */
    fclose(f);
    problem = lint_file(path);
    assert_non_null(problem);
    assert_non_null(strstr(problem, "NFC"));
    free(problem);
    unlink(path);
}

/* es_rec_abbreviation skips words not followed by a mark: every key must have one right
 * after its first word (Sr. n.º C/ p. ej.), or be at most four capitals (SA). */
static void abbreviations_have_a_mark_after_the_first_word(void **state)
{
    (void)state;
    table *t = table_new();
    strbuf err = {0};
    assert_int_equal(table_load(t, LOCUTOR_TEST_DATA_DIR "/es/abbreviations.tsv", &err), LOC_OK);
    FILE *f = fopen(LOCUTOR_TEST_DATA_DIR "/es/abbreviations.tsv", "r");
    assert_non_null(f);
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n') continue;
        /* a short word read only before a number: km 284 */
        bool before_number = strstr(line, "use=number") && strcspn(line, "\t") <= 3;
        line[strcspn(line, "\t")] = '\0';
        if (before_number) continue;
        size_t letters = 0;
        while (line[letters] && line[letters] != '.' && line[letters] != '/' &&
               line[letters] != ' ' && strncmp(line + letters, "\xc2\xba", 2) &&
               strncmp(line + letters, "\xc2\xaa", 2) && strncmp(line + letters, "\xc2\xb0", 2))
            letters++;
        bool mark = line[letters] && line[letters] != ' ';
        bool short_caps =
            strlen(line) <= 4 && strspn(line, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == strlen(line);
        if (!mark && !short_caps)
            fail_msg("abbreviations.tsv: '%s' has no mark after its first word", line);
    }
    fclose(f);
    table_free(t);
    sb_free(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_tsv_is_clean),
        cmocka_unit_test(abbreviations_have_a_mark_after_the_first_word),
        cmocka_unit_test(lint_catches_duplicates_and_columns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
