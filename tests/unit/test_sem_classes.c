/* test_sem_classes.c - every semiotic class has a verbalizer and a golden file, and the
 * classifier's plain-word fast path never skips a token another recognizer would claim. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "es_rec.h"
#include "es_say.h"

#include "lang_fixture.h"

/* Each class of SEM_CLASS_LIST has a verbalizer and tests/golden/<class>.tsv with cases. */
static void test_every_class_has_verbalizer_and_golden(void **state)
{
    (void)state;
    for (int cls = 0; cls < SEM_CLASS_COUNT; cls++) {
        const char *name = sem_class_name((sem_class)cls);
        if (!es_verbalizer((sem_class)cls)) fail_msg("class %s has no verbalizer", name);
        char path[512], lower[32];
        size_t k = 0;
        for (; name[k] && k + 1 < sizeof lower; k++)
            lower[k] = (char)(name[k] >= 'A' && name[k] <= 'Z' ? name[k] + 32 : name[k]);
        lower[k] = '\0';
        snprintf(path, sizeof path, "%s/golden/%s.tsv", LOCUTOR_TEST_DIR, lower);
        FILE *f = fopen(path, "r");
        if (!f) fail_msg("class %s has no golden file %s", name, path);
        char line[4096];
        int cases = 0;
        while (fgets(line, sizeof line, f))
            if (line[0] != '#' && strchr(line, '\t')) cases++;
        fclose(f);
        if (cases == 0) fail_msg("golden file %s has no cases", path);
    }
}

/* Recognizers tried before es_rec_word at a word, in their order (es_rec_order.h). */
#define W (1u << TOK_WORD)
#define N (1u << TOK_NUMBER)
#define P (1u << TOK_PUNCT)
#define S (1u << TOK_SYMBOL)
static const struct {
    const char *name;
    recognizer fn;
    unsigned starts;
} recognizers[] = {
#define ENTRY(name, kinds) {#name, es_rec_##name, kinds},
    ES_REC_ORDER(ENTRY)
#undef ENTRY
};
#undef W
#undef N
#undef P
#undef S

/* Runs every recognizer ahead of es_rec_word on each word of text es_plain_word accepts;
 * returns how many such words it checked, fails when one is claimed. */
static size_t check_plain_words(const char *text, const char *where)
{
    arena_reset(&a);
    token_list toks;
    assert_int_equal(tokenize(text, strlen(text), &a, &toks), 0);
    cctx c = {&lang, es_region_default(&lang), text, toks.items, toks.count, &a, NULL};
    size_t checked = 0;
    for (size_t i = 0; i < c.n; i++) {
        if (!es_plain_word(&c, i)) continue;
        checked++;
        for (size_t r = 0; r < sizeof recognizers / sizeof *recognizers; r++) {
            if (recognizers[r].fn == es_rec_word) break;
            if (!(recognizers[r].starts & (1u << TOK_WORD))) continue;
            sem_token t;
            if (recognizers[r].fn(&c, i, &t))
                fail_msg("%s: es_plain_word skips \"%.*s\" but es_rec_%s claims it (%s)", where,
                         (int)c.toks[i].len, text + c.toks[i].start, recognizers[r].name, text);
        }
    }
    return checked;
}

/* The written column of every case in the golden files and the news development set. */
static size_t check_file(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) fail_msg("cannot open %s", path);
    char line[8192];
    size_t checked = 0;
    while (fgets(line, sizeof line, f)) {
        char *tab = strchr(line, '\t');
        if (line[0] == '#' || !tab) continue;
        *tab = '\0';
        checked += check_plain_words(line, path);
    }
    fclose(f);
    return checked;
}

static void test_plain_word_skips_nothing_claimed(void **state)
{
    (void)state;
    char path[1024];
    size_t checked = 0;
    DIR *d = opendir(LOCUTOR_TEST_DIR "/golden");
    assert_non_null(d);
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".tsv") != 0) continue;
        snprintf(path, sizeof path, "%s/golden/%s", LOCUTOR_TEST_DIR, e->d_name);
        checked += check_file(path);
    }
    closedir(d);
    checked += check_file(LOCUTOR_TEST_DIR "/tn-es/news-dev.tsv");
    assert_true(checked > 1000); /* the fast path is exercised, not vacuous */
}

/* The fast path's exclusions, one by one: each of these is claimed by a recognizer. */
static void test_plain_word_declines_recognized_words(void **state)
{
    (void)state;
    static const char *const texts[] = {"el siglo xx fue largo",   "cuesta 5 euros la hora",
                                        "corrió a 90 km por hora", "dijo fake news ayer",
                                        "visite www.boe.es hoy",   "el sr. no vino"};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++)
        check_plain_words(texts[k], "texts");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_class_has_verbalizer_and_golden),
        cmocka_unit_test(test_plain_word_skips_nothing_claimed),
        cmocka_unit_test(test_plain_word_declines_recognized_words),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
