/* session.c - what the pipeline and the player share: the language, the read options, the
 * inputs' first check. */
#include "session.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "es_foreign.h"
#include "sink.h"
#include "synth.h"

loc_status session_load_language(const loc_options *o, es_lang *lang, const es_region **forced,
                                 strbuf *err)
{
    *forced = NULL;
    loc_status st = es_lang_load(lang, es_data_dir(), err);
    if (st == LOC_OK && o->region && !(*forced = es_region_find(lang, o->region))) {
        sb_printf(err, "--region %s: unknown region (locutor --list-regions shows them)",
                  o->region);
        st = LOC_ERR_USAGE;
    }
    for (size_t i = 0; st == LOC_OK && i < o->nlexicons; i++)
        st = es_lang_add_lexicon(lang, o->lexicons[i], err);
    if (st == LOC_OK && !o->no_foreign && !(lang->foreign = es_foreign_new(synth_phonemes, NULL)))
        st = LOC_ERR_NOMEM;
    if (st == LOC_OK && lang->foreign && o->verbose) es_foreign_set_verbose(lang->foreign, stderr);
    return st;
}

void session_free_language(es_lang *lang)
{
    es_foreign_free(lang->foreign);
    es_lang_free(lang);
}

loc_status session_load_interface(table **out, strbuf *err)
{
    static const char *const keys[] = {
        "feed_title",     "feed_description", "feed_language", "article",     "of",      "sentence",
        "sentence_lower", "heading",          "heading_cue",   "quote_cue",   "pause",   "resume",
        "rate",           "repeat",           "end",           "no_position", "changed", "help"};
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/es/interface.tsv", es_data_dir());
    table *t = *out = table_new();
    loc_status st = t ? table_load(t, path, err) : LOC_ERR_NOMEM;
    for (size_t i = 0; st == LOC_OK && i < sizeof keys / sizeof *keys; i++)
        if (!table_get(t, keys[i])) {
            sb_printf(err, "%s: no line for '%s'", path, keys[i]);
            st = LOC_ERR_DATA;
        }
    return st;
}

const char *session_word(const table *words, const char *key)
{
    const table_entry *e = words ? table_get(words, key) : NULL;
    return e ? e->spoken : "";
}

read_options session_read_options(const loc_options *o)
{
    read_options ro = o->read;
    ro.stop = sink_interrupted; /* Ctrl-C ends even an endless input at once */
    return ro;
}

loc_status session_check_inputs(const loc_options *o, strbuf *err)
{
    bool reads_stdin = o->ninputs == 0;
    for (size_t i = 0; i < o->ninputs; i++)
        reads_stdin |= strcmp(o->inputs[i], "-") == 0;
    if (reads_stdin && o->stdin_closed) {
        sb_puts(err, "standard input: it is closed (give an article file, or pipe one in)");
        return LOC_ERR_INPUT_OPEN;
    }
    for (size_t i = 0; i < o->ninputs; i++) {
        const char *p = o->inputs[i];
        if (strcmp(p, "-") == 0) continue;
        struct stat sb;
        if (stat(p, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode)) {
            if (access(p, R_OK) == 0) continue; /* a FIFO or device: opened once, when read */
            sb_printf(err, "%s: %s", p, strerror(errno));
            return LOC_ERR_INPUT_OPEN;
        }
        loc_status st;
        reader *rd = reader_open_with(p, &o->read, &st);
        if (!rd) {
            sb_printf(err, "%s: %s", p, strerror(errno));
            return st;
        }
        reader_close(rd);
    }
    return LOC_OK;
}
