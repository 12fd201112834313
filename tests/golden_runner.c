/* golden_runner.c - checks a written<TAB>spoken file against the normalizer (--text output).
 * spoken may list alternatives separated by " | ". Prints each failure and
 * "N passed, M failed"; exits 1 when any case failed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "normalize.h"
#include "render.h"

/* Collapses runs of spaces so "a  b" and "a b" compare equal. */
static void squeeze(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++)
        if (!(*r == ' ' && (w == s || w[-1] == ' '))) *w++ = *r;
    while (w > s && w[-1] == ' ')
        w--;
    *w = '\0';
}

static int matches(const char *said, char *spoken)
{
    for (char *alt = strtok(spoken, "|"); alt; alt = strtok(NULL, "|")) {
        while (*alt == ' ')
            alt++;
        squeeze(alt);
        if (strcmp(said, alt) == 0) return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: golden_runner FILE.tsv\n");
        return 2;
    }
    es_lang lang;
    strbuf err = {0};
    if (es_lang_load(&lang, es_data_dir(), &err) != LOC_OK) {
        fprintf(stderr, "golden_runner: %s\n", sb_str(&err));
        return 2;
    }
    FILE *f = fopen(argv[1], "r");
    if (!f) {
        perror(argv[1]);
        return 2;
    }
    char *line = NULL;
    size_t cap = 0, lineno = 0;
    int passed = 0, failed = 0;
    arena a = {0};
    strbuf said = {0}, clean = {0};
    while (getline(&line, &cap, f) >= 0) {
        lineno++;
        line[strcspn(line, "\n")] = '\0';
        char *tab = strchr(line, '\t');
        if (!line[0] || line[0] == '#' || !tab) continue;
        *tab = '\0';
        bool legacy;
        reader_clean_line(line, strlen(line), &clean, &legacy);
        block b = {.kind = reader_kind_of(clean.data, clean.len),
                   .text = clean.data,
                   .len = clean.len,
                   .source_line = lineno};
        chunk_list chunks;
        arena_reset(&a);
        sb_clear(&said);
        if (normalize_block(&lang, &b, false, &a, &chunks, NULL) != LOC_OK ||
            !render_text(&chunks, &said)) {
            fprintf(stderr, "%s:%zu: normalizer failed\n", argv[1], lineno);
            failed++;
            continue;
        }
        squeeze(said.data);
        char *want = strdup(tab + 1);
        if (matches(said.data, want)) {
            passed++;
        } else {
            failed++;
            printf("FAIL %s:%zu: %s\n   said: %s\n   want: %s\n", argv[1], lineno, line, said.data,
                   tab + 1);
        }
        free(want);
    }
    printf("%d passed, %d failed\n", passed, failed);
    free(line);
    fclose(f);
    arena_free(&a);
    sb_free(&said);
    sb_free(&clean);
    es_lang_free(&lang);
    return failed ? 1 : 0;
}
