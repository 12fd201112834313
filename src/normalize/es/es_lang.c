/* es_lang.c - loads the voices/es TSV files and answers gender and word-class questions. */
#include "es_lang.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "utf8.h"

#ifndef LOCUTOR_SOURCE_DATA_DIR
#define LOCUTOR_SOURCE_DATA_DIR "voices"
#endif

/* Writes into out (PATH_MAX) the data folder installed beside a binary: its
 * ../share/locutor/voices, when that exists. */
static bool installed_beside(const char *binary, char *out)
{
    char path[PATH_MAX];
    const char *slash = strrchr(binary, '/');
    size_t dir = slash ? (size_t)(slash - binary) : 0;
    if (!slash || (size_t)snprintf(path, sizeof path, "%.*s/../share/locutor/voices", (int)dir,
                                   binary) >= sizeof path)
        return false;
    return realpath(path, out) != NULL;
}

/* voices/: $LOCUTOR_DATA_DIR, else <exe>/../share/locutor/voices, else beside the shared
 * liblocutor a program was linked with (<libdir>/../share/locutor/voices), else the source
 * tree's. */
const char *es_data_dir(void)
{
    const char *env = getenv("LOCUTOR_DATA_DIR");
    if (env && *env) return env;
    static char installed[PATH_MAX];
    static const char *dir; /* looked up once, on the first call (before any thread) */
    if (!dir) {
        char exe[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (n > 0) exe[n] = '\0';
        Dl_info lib;
        if (n > 0 && installed_beside(exe, installed))
            dir = installed;
        else if (dladdr(installed, &lib) /* an object of this library */ && lib.dli_fname &&
                 installed_beside(lib.dli_fname, installed))
            dir = installed;
        else
            dir = LOCUTOR_SOURCE_DATA_DIR;
    }
    return dir;
}

typedef struct {
    const char *file;
    size_t offset;
} table_file;

/* not words (file names): the tables of es_lang, by file name (without .tsv) */
static const table_file files[] = {
    {"letters", offsetof(es_lang, letters)},
    {"acronyms", offsetof(es_lang, acronyms)},
    {"lexicon", offsetof(es_lang, lexicon)},
    {"gender", offsetof(es_lang, gender)},
    {"function-words", offsetof(es_lang, function_words)},
    {"adjectives", offsetof(es_lang, adjectives)},
    {"months", offsetof(es_lang, months)},
    {"weekdays", offsetof(es_lang, weekdays)},
    {"abbreviations", offsetof(es_lang, abbreviations)},
    {"units", offsetof(es_lang, units)},
    {"currencies", offsetof(es_lang, currencies)},
    {"currency-signs", offsetof(es_lang, currency_signs)},
    {"names", offsetof(es_lang, names)},
    {"given-names", offsetof(es_lang, given_names)},
    {"web-words", offsetof(es_lang, web_words)},
    {"symbols", offsetof(es_lang, symbols)},
    {"regions", offsetof(es_lang, regions)},
    {"region-cues", offsetof(es_lang, region_cues)},
    {"cues", offsetof(es_lang, cues)},
    {"timezones", offsetof(es_lang, timezones)},
    {"numbers", offsetof(es_lang, numbers)},
    {"morphology", offsetof(es_lang, morphology)},
    {"foreign-cues", offsetof(es_lang, foreign_cues)},
    {"foreign-context", offsetof(es_lang, foreign_context)},
    {"foreign-phonemes", offsetof(es_lang, foreign_phonemes)},
    {"foreign-spelling", offsetof(es_lang, foreign_spelling)},
};

/* More files of the lexicon, loaded over lexicon.tsv in this order. */
/* not words (file names) */
static const char *const lexicon_files[] = {"lexicon-places", "lexicon-organizations",
                                            "lexicon-sports", "lexicon-people",
                                            "lexicon-loanwords"};

/* months.tsv: the full name (not an abbreviation) of each month number */
static void name_month(const table_entry *e, void *ctx)
{
    es_lang *lang = ctx;
    char n[8], abbr[8];
    table_feature(e->features, "n", n, sizeof n);
    table_feature(e->features, "abbr", abbr, sizeof abbr);
    int m = atoi(n);
    if (m >= 1 && m <= 12 && !abbr[0] && strcmp(e->written, e->spoken) == 0)
        lang->month_name[m] = e->spoken;
}

static loc_status index_lexicon(es_lang *lang);

/* weekdays.tsv: the full name of each weekday number (n=0 Sunday .. 6) */
static void name_weekday(const table_entry *e, void *ctx)
{
    es_lang *lang = ctx;
    char n[8];
    table_feature(e->features, "n", n, sizeof n);
    if (n[0] >= '0' && n[0] <= '6' && !n[1]) lang->weekday_name[n[0] - '0'] = e->spoken;
}

struct cue_load {
    es_lang *lang;
    strbuf *err;
    loc_status st;
};

/* regions.tsv: one region, with a copy in each number style */
static void add_region(const table_entry *e, void *ctx)
{
    es_lang *lang = ctx;
    if (lang->nregions == ES_REGIONS_MAX) return;
    char decimal[16], first[4], letters[16], phone[16], slash[16], law[8], september[16], clock[8];
    table_feature(e->features, "decimal", decimal, sizeof decimal);
    table_feature(e->features, "first", first, sizeof first);
    table_feature(e->features, "letters", letters, sizeof letters);
    table_feature(e->features, "phone", phone, sizeof phone);
    table_feature(e->features, "slash", slash, sizeof slash);
    table_feature(e->features, "law", law, sizeof law);
    table_feature(e->features, "september", september, sizeof september);
    table_feature(e->features, "clock", clock, sizeof clock);
    es_region r = {.code = e->written,
                   .name = e->spoken,
                   .first = first[0] == '1',
                   .dollarized = strstr(e->features, "money=USD") != NULL,
                   .american = !strncmp(letters, "america", 7),
                   .double_u = !strcmp(letters, "america-u"),
                   .diagonal = !strcmp(slash, "diagonal"),
                   .phone_pairs = !strcmp(phone, "pairs"),
                   .law_of = !strcmp(law, "of"),
                   .setiembre = !strcmp(september, "setiembre"),
                   .clock_and = !strcmp(clock, "and")};
    r.own = !strcmp(decimal, "point") ? ES_STYLE_POINT : ES_STYLE_COMMA;
    r.dollar = strstr(e->features, "dollar=");
    r.dollar = r.dollar ? r.dollar + 7 : "USD"; /* ends at a space: see own_dollar_codes() */
    size_t k = lang->nregions++;
    for (int s = 0; s < ES_STYLE_COUNT; s++) {
        lang->region_styles[k][s] = r;
        lang->region_styles[k][s].style = (es_style)s;
    }
}

/* Spain first (the default), then by code: insertion sort of a few dozen rows. */
static void sort_regions(es_lang *lang)
{
    for (size_t k = 1; k < lang->nregions; k++)
        for (size_t j = k; j > 0; j--) {
            const char *a = lang->region_styles[j - 1][0].code, *b = lang->region_styles[j][0].code;
            bool swap = strcmp(b, "es-ES") == 0 || (strcmp(a, "es-ES") != 0 && strcmp(a, b) > 0);
            if (!swap) break;
            es_region tmp[ES_STYLE_COUNT];
            memcpy(tmp, lang->region_styles[j - 1], sizeof tmp);
            memcpy(lang->region_styles[j - 1], lang->region_styles[j], sizeof tmp);
            memcpy(lang->region_styles[j], tmp, sizeof tmp);
        }
}

/* The dollar= codes of the regions, copied out of their feature strings. */
static loc_status own_dollar_codes(es_lang *lang)
{
    for (size_t k = 0; k < lang->nregions; k++) {
        const char *d = lang->region_styles[k][0].dollar;
        char code[16];
        size_t n = strcspn(d, " ");
        snprintf(code, sizeof code, "%.*s", (int)n, d);
        const table_entry *c = table_get(lang->currencies, code);
        if (!c) return LOC_ERR_DATA;
        for (int s = 0; s < ES_STYLE_COUNT; s++)
            lang->region_styles[k][s].dollar = c->written;
    }
    return LOC_OK;
}

const es_region *es_region_find(const es_lang *lang, const char *code)
{
    if (!strcasecmp(code, "es")) code = "es-ES";
    for (size_t k = 0; k < lang->nregions; k++)
        if (!strcasecmp(lang->region_styles[k][0].code, code))
            return &lang->region_styles[k][lang->region_styles[k][0].own];
    return NULL;
}

const es_region *es_region_styled(const es_lang *lang, const es_region *r, es_style s)
{
    for (size_t k = 0; k < lang->nregions; k++)
        if (lang->region_styles[k][0].code == r->code) return &lang->region_styles[k][s];
    return r;
}

const es_region *es_region_default(const es_lang *lang)
{
    return &lang->region_styles[0][ES_STYLE_NEUTRAL]; /* regions.tsv starts with Spain */
}

bool es_cue(const es_lang *lang, const char *word, size_t n, es_cue_role role)
{
    char w[64];
    const table *set = lang->cue_sets[role];
    if (n >= 48 || n > table_max_key(set)) return false; /* lower-casing keeps the length */
    es_lower(word, n, w, sizeof w);
    return table_getn(set, w, n) != NULL;
}

/* cues.tsv's role names, by es_cue_role (from ES_CUE_LIST) */
#define ES_CUE_NAME(name, role) [ES_CUE_##name] = role,
static const char *const cue_roles[ES_CUE_COUNT] = {ES_CUE_LIST(ES_CUE_NAME)};
#undef ES_CUE_NAME

/* morphology.tsv's role names, by es_morph_role (from ES_MORPH_LIST) */
#define ES_MORPH_NAME(name, role) [ES_MORPH_##name] = role,
static const char *const morph_roles[ES_MORPH_COUNT] = {ES_MORPH_LIST(ES_MORPH_NAME)};
#undef ES_MORPH_NAME

/* morphology.tsv: adds the ending to the list of each of its roles; an unknown role, a role
 * with too many endings or an onset that is not two letters is an error */
static void sort_ending(const table_entry *e, void *ctx)
{
    struct cue_load *l = ctx;
    const char *f = strstr(e->features, "role=");
    for (const char *v = f ? f + 5 : ""; *v && *v != ' ' && l->st == LOC_OK;) { /* role=a,b */
        size_t len = strcspn(v, ", "), r = 0;
        while (r < ES_MORPH_COUNT &&
               !(strlen(morph_roles[r]) == len && !strncmp(v, morph_roles[r], len)))
            r++;
        es_endings *list = r < ES_MORPH_COUNT ? &l->lang->morph[r] : NULL;
        const char *where = l->lang->dir;
        l->st = LOC_ERR_DATA;
        if (!list)
            sb_printf(l->err, "%s/es/morphology.tsv: %s: unknown role \"%.*s\"", where, e->written,
                      (int)len, v);
        else if (list->n == ES_ENDINGS_MAX)
            sb_printf(l->err, "%s/es/morphology.tsv: %s: more than %d endings of role %s", where,
                      e->written, ES_ENDINGS_MAX, morph_roles[r]);
        else if (r == ES_MORPH_ONSET && e->len != 2)
            sb_printf(l->err, "%s/es/morphology.tsv: %s: an onset is two letters", where,
                      e->written);
        else {
            list->s[list->n] = e->written;
            list->len[list->n++] = e->len;
            l->st = LOC_OK;
        }
        v += len + (v[len] == ',');
    }
    if (!f && l->st == LOC_OK) {
        sb_printf(l->err, "%s/es/morphology.tsv: %s: no role=", l->lang->dir, e->written);
        l->st = LOC_ERR_DATA;
    }
}

/* cues.tsv: puts the word into the set of each of its roles; an unknown role is an error */
static void sort_cue(const table_entry *e, void *ctx)
{
    struct cue_load *l = ctx;
    const char *f = strstr(e->features, "role=");
    for (const char *v = f ? f + 5 : ""; *v && *v != ' ' && l->st == LOC_OK;) { /* role=a,b */
        size_t len = strcspn(v, ", "), r = 0;
        while (r < ES_CUE_COUNT && !(strlen(cue_roles[r]) == len && !strncmp(v, cue_roles[r], len)))
            r++;
        if (r == ES_CUE_COUNT) {
            sb_printf(l->err, "%s/es/cues.tsv: %s: unknown role \"%.*s\"", l->lang->dir, e->written,
                      (int)len, v);
            l->st = LOC_ERR_DATA;
        } else
            l->st = table_put(l->lang->cue_sets[r], e->written, e->spoken, "");
        v += len + (v[len] == ',');
    }
    if (!f && l->st == LOC_OK) {
        sb_printf(l->err, "%s/es/cues.tsv: %s: no role=", l->lang->dir, e->written);
        l->st = LOC_ERR_DATA;
    }
}

/* The word sets of every role, from cues.tsv. */
static loc_status sort_cues(es_lang *lang, strbuf *err)
{
    for (size_t r = 0; r < ES_CUE_COUNT; r++)
        if (!(lang->cue_sets[r] = table_new())) return LOC_ERR_NOMEM;
    struct cue_load l = {lang, err, LOC_OK};
    table_foreach(lang->cues, sort_cue, &l);
    return l.st;
}

/* False, with one line naming the folder, when dir has no readable es/letters.tsv. */
static bool data_found(const char *dir, strbuf *err)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/es/letters.tsv", dir);
    if (access(path, R_OK) == 0) return true;
    sb_printf(err, "%s: %s (LOCUTOR_DATA_DIR names the folder that holds es/*.tsv)", path,
              strerror(errno));
    return false;
}

loc_status es_lang_load(es_lang *lang, const char *dir, strbuf *err)
{
    memset(lang, 0, sizeof *lang);
    if (!data_found(dir, err)) return LOC_ERR_DATA;
    snprintf(lang->dir, sizeof lang->dir, "%s", dir);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        table **slot = (table **)((char *)lang + files[i].offset);
        *slot = table_new();
        if (!*slot) return LOC_ERR_NOMEM;
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/es/%s.tsv", dir, files[i].file);
        loc_status st = table_load(*slot, path, err);
        if (st != LOC_OK) return st;
    }
    for (size_t i = 0; i < sizeof lexicon_files / sizeof *lexicon_files; i++) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/es/%s.tsv", dir, lexicon_files[i]);
        loc_status st = table_load(lang->lexicon, path, err);
        if (st != LOC_OK) return st;
    }
    if (index_lexicon(lang) != LOC_OK) return LOC_ERR_NOMEM;
    table_foreach(lang->months, name_month, lang);
    for (int m = 1; m <= 12; m++)
        if (!lang->month_name[m]) {
            sb_printf(err, "%s/es/months.tsv: no name for month %d", dir, m);
            return LOC_ERR_DATA;
        }
    table_foreach(lang->weekdays, name_weekday, lang);
    for (int d = 0; d < 7; d++)
        if (!lang->weekday_name[d]) {
            sb_printf(err, "%s/es/weekdays.tsv: no n=%d (the name of weekday %d)", dir, d, d);
            return LOC_ERR_DATA;
        }
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/es/numbers.tsv", dir);
    loc_status nums = es_numbers_load(&lang->num, lang->numbers, path, err);
    if (nums != LOC_OK) return nums;
    struct cue_load morph = {lang, err, LOC_OK};
    table_foreach(lang->morphology, sort_ending, &morph);
    if (morph.st != LOC_OK) return morph.st;
    loc_status cues = sort_cues(lang, err);
    if (cues != LOC_OK) return cues;
    table_foreach(lang->regions, add_region, lang);
    sort_regions(lang);
    if (lang->nregions == 0 || strcmp(lang->region_styles[0][0].code, "es-ES") != 0) {
        sb_printf(err, "%s/es/regions.tsv: es-ES (the default) must be listed", dir);
        return LOC_ERR_DATA;
    }
    if (own_dollar_codes(lang) != LOC_OK) {
        sb_printf(err, "%s/es/regions.tsv: a dollar= code missing from currencies.tsv", dir);
        return LOC_ERR_DATA;
    }
    return LOC_OK;
}

/* lexicon: the first word of a phrase (New York, Rolls-Royce), lower-cased first letter */
static void add_head(const table_entry *e, void *ctx)
{
    es_lang *lang = ctx;
    size_t n = strcspn(e->written, " -");
    if (!e->written[n] || n == 0 || n >= 128) return;
    char head[128];
    memcpy(head, e->written, n);
    head[n] = '\0';
    if (head[0] >= 'A' && head[0] <= 'Z') head[0] = (char)(head[0] + 32);
    table_put(lang->lexicon_heads, head, head, "");
}

/* lexicon: an entry by its ASCII letters in lower case (McDonald's -> mcdonalds); the first
 * entry keeps a key two entries share */
static void add_folded(const table_entry *e, void *ctx)
{
    es_lang *lang = ctx;
    char key[64];
    size_t n = 0;
    for (const char *p = e->written; *p; p++) {
        if ((unsigned char)*p >= 0x80 || n + 1 >= sizeof key) return;
        if (*p >= 'A' && *p <= 'Z')
            key[n++] = (char)(*p + 32);
        else if (*p >= 'a' && *p <= 'z')
            key[n++] = *p;
    }
    key[n] = '\0';
    if (n >= 4 && !table_get(lang->lexicon_folded, key))
        table_put(lang->lexicon_folded, key, e->written, "");
}

static loc_status index_lexicon(es_lang *lang)
{
    if (!lang->lexicon_heads) lang->lexicon_heads = table_new();
    if (!lang->lexicon_folded) lang->lexicon_folded = table_new();
    if (!lang->lexicon_heads || !lang->lexicon_folded) return LOC_ERR_NOMEM;
    table_foreach(lang->lexicon, add_head, lang);
    table_foreach(lang->lexicon, add_folded, lang);
    return LOC_OK;
}

const table_entry *es_lexicon_folded(const es_lang *lang, const char *low)
{
    const table_entry *f = lang->lexicon_folded ? table_get(lang->lexicon_folded, low) : NULL;
    return f ? table_get(lang->lexicon, f->spoken) : NULL;
}

bool es_lang_word_lists(const es_lang *lang)
{
    es_lang *l = (es_lang *)lang; /* loaded once, on the first word that needs them */
    if (l->lists_tried)
        return l->spanish_words && l->english_words && l->foreign_trigrams && l->foreign_names;
    l->lists_tried = true;
    /* not words (file names) */
    static const char *const names[] = {"spanish-words", "english-words", "foreign-trigrams",
                                        "foreign-names"};
    table **slots[] = {&l->spanish_words, &l->english_words, &l->foreign_trigrams,
                       &l->foreign_names};
    strbuf err = {0};
    for (size_t i = 0; i < sizeof slots / sizeof *slots; i++) {
        char path[PATH_MAX + 32]; /* dir, then /es/NAME.tsv */
        snprintf(path, sizeof path, "%s/es/%s.tsv", l->dir, names[i]);
        *slots[i] = table_new();
        if (!*slots[i] || table_load(*slots[i], path, &err) != LOC_OK) {
            table_free(*slots[i]);
            *slots[i] = NULL;
        }
    }
    char path[PATH_MAX + 32];
    snprintf(path, sizeof path, "%s/es/spanish-common-words.tsv", l->dir);
    if (wordfile_open(path, &l->spanish_common, &err) != LOC_OK) l->spanish_common = NULL;
    sb_free(&err);
    return l->spanish_words && l->english_words && l->foreign_trigrams && l->foreign_names;
}

const table_entry *es_lexicon_get(const es_lang *lang, const char *w, size_t n)
{
    const table_entry *e = table_getn(lang->lexicon, w, n);
    if (e || n == 0 || n >= 128 || w[0] < 'A' || w[0] > 'Z') return e;
    char low[128];
    memcpy(low, w, n);
    low[0] = (char)(low[0] + 32);
    return table_getn(lang->lexicon, low, n);
}

void es_feature_words(const table_entry *e, const char *name, char *buf, size_t size)
{
    buf[0] = '\0';
    if (!e || !e->features) return;
    table_feature(e->features, name, buf, size);
    for (char *u = strchr(buf, '_'); u; u = strchr(u, '_'))
        *u = ' ';
}

const char *es_regional_spoken(const table_entry *e, es_names names, char *buf, size_t size)
{
    buf[0] = '\0';
    if (names & ES_NAMES_DIAGONAL) es_feature_words(e, "diagonal", buf, size);
    if (!buf[0] && (names & ES_NAMES_DOUBLE_U)) es_feature_words(e, "america-u", buf, size);
    if (!buf[0] && (names & ES_NAMES_AMERICA)) es_feature_words(e, "america", buf, size);
    return buf[0] ? buf : e->spoken;
}

const char *es_lexicon_spoken(const table_entry *e, bool american, char *buf, size_t size)
{
    return es_regional_spoken(e, american ? ES_NAMES_AMERICA : 0, buf, size);
}

bool es_lexicon_head(const es_lang *lang, const char *word, size_t n)
{
    if (!lang->lexicon_heads || n == 0 || n >= 128) return false;
    char head[128];
    memcpy(head, word, n);
    head[n] = '\0';
    if (head[0] >= 'A' && head[0] <= 'Z') head[0] = (char)(head[0] + 32);
    return table_getn(lang->lexicon_heads, head, n) != NULL;
}

loc_status es_lang_add_lexicon(es_lang *lang, const char *path, strbuf *err)
{
    loc_status st = table_load(lang->lexicon, path, err);
    return st == LOC_OK ? index_lexicon(lang) : st;
}

void es_lang_free(es_lang *lang)
{
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        table_free(*(table **)((char *)lang + files[i].offset));
    table_free(lang->lexicon_heads);
    table_free(lang->lexicon_folded);
    for (size_t r = 0; r < ES_CUE_COUNT; r++)
        table_free(lang->cue_sets[r]);
    table_free(lang->spanish_words);
    wordfile_free(lang->spanish_common);
    table_free(lang->english_words);
    table_free(lang->foreign_trigrams);
    table_free(lang->foreign_names);
    memset(lang, 0, sizeof *lang);
}

void es_lower(const char *word, size_t n, char *out, size_t outsize)
{
    utf8_lower(word, n, out, outsize);
}

static bool ends_with(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

bool es_has_ending(const es_lang *lang, es_morph_role role, const char *w, size_t n, size_t before)
{
    const es_endings *e = &lang->morph[role];
    for (size_t i = 0; i < e->n; i++)
        if (n >= e->len[i] + before && memcmp(w + n - e->len[i], e->s[i], e->len[i]) == 0)
            return true;
    return false;
}

bool es_has_prefix(const es_lang *lang, es_morph_role role, const char *w, size_t n)
{
    const es_endings *e = &lang->morph[role];
    for (size_t i = 0; i < e->n; i++)
        if (n > e->len[i] && memcmp(w, e->s[i], e->len[i]) == 0) return true;
    return false;
}

/* The length of the longest of a role's endings that w ends with (and more letters before),
 * 0 when none. */
static size_t ending_length(const es_lang *lang, es_morph_role role, const char *w, size_t n,
                            size_t before)
{
    const es_endings *e = &lang->morph[role];
    size_t best = 0;
    for (size_t i = 0; i < e->n; i++)
        if (n >= e->len[i] + before && e->len[i] > best &&
            memcmp(w + n - e->len[i], e->s[i], e->len[i]) == 0)
            best = e->len[i];
    return best;
}

/* Gender from a singular form's ending (RAE's regular patterns, morphology.tsv's noun-fem); the
 * longer ending wins: periodista and homicida are common, fallecida (-ecida) feminine. */
static int gender_by_ending(const es_lang *lang, const char *w, size_t n)
{
    size_t common = ending_length(lang, ES_MORPH_NOUN_COMMON, w, n, 1);
    size_t fem = ending_length(lang, ES_MORPH_NOUN_FEM, w, n, 0);
    return fem > common ? ES_FEM : ES_MASC;
}

static int gender_from_table(const es_lang *lang, const char *w, size_t n)
{
    const table_entry *e = table_getn(lang->gender, w, n);
    if (!e) return -1;
    char g[4];
    table_feature(e->features, "g", g, sizeof g);
    return g[0] == 'f' ? ES_FEM : ES_MASC;
}

/* The table's gender of a plural's stem with its last vowel accented (camiones: camión), or -1. */
static int gender_of_accented_stem(const es_lang *lang, const char *stem, size_t n)
{
    static const char *const acute[] = {"\xc3\xa1", "\xc3\xa9", "\xc3\xad", "\xc3\xb3", "\xc3\xba"};
    char w[132];
    if (n < 2 || n + 2 > sizeof w) return -1;
    size_t v = n - 1;
    while (v > 0 && !strchr("aeiou", stem[v]))
        v--;
    const char *vowel = strchr("aeiou", stem[v]);
    if (!vowel || !*vowel || v == n - 1) return -1; /* a consonant follows: camion, not cami */
    memcpy(w, stem, v);
    memcpy(w + v, acute[vowel - "aeiou"], 2);
    memcpy(w + v + 2, stem + v + 1, n - v - 1);
    return gender_from_table(lang, w, n + 1);
}

es_gender es_noun_gender(const es_lang *lang, const char *word, size_t n)
{
    char w[128];
    if (n >= sizeof w) return ES_MASC;
    es_lower(word, n, w, sizeof w);
    n = strlen(w);
    int g = gender_from_table(lang, w, n);
    if (g >= 0) return (es_gender)g;
    /* plural forms: the table's singular first (muertes -> muerte), then -es (ciudades,
     * naciones), then -s (personas, años) */
    if (ends_with(w, n, "s") && (g = gender_from_table(lang, w, n - 1)) >= 0) return (es_gender)g;
    if (ends_with(w, n, "es")) {
        if ((g = gender_from_table(lang, w, n - 2)) >= 0) return (es_gender)g;
        if ((g = gender_of_accented_stem(lang, w, n - 2)) >= 0) return (es_gender)g;
        /* naciones -> nación: the accent moves, so test the unaccented -ion ending */
        if (es_has_ending(lang, ES_MORPH_NOUN_FEM_PLURAL, w, n - 2, 0)) return ES_FEM;
        if (n >= 3 && w[n - 3] != 'a' && w[n - 3] != 'e' && w[n - 3] != 'o')
            return (es_gender)gender_by_ending(lang, w, n - 2);
    }
    if (ends_with(w, n, "s") && !ends_with(w, n, "sis")) {
        if ((g = gender_from_table(lang, w, n - 1)) >= 0) return (es_gender)g;
        return (es_gender)gender_by_ending(lang, w, n - 1);
    }
    return (es_gender)gender_by_ending(lang, w, n);
}

bool es_noun_common(const es_lang *lang, const char *word, size_t n)
{
    char w[128];
    if (n >= sizeof w) return false;
    es_lower(word, n, w, sizeof w);
    n = strlen(w);
    if (ends_with(w, n, "s")) n--; /* periodistas */
    return gender_from_table(lang, w, n) < 0 && es_has_ending(lang, ES_MORPH_NOUN_COMMON, w, n, 1);
}

bool es_is_function_word(const es_lang *lang, const char *word, size_t n)
{
    char w[64];
    if (n >= sizeof w) return false;
    es_lower(word, n, w, sizeof w);
    return table_get(lang->function_words, w) != NULL;
}

bool es_is_prenominal_adjective(const es_lang *lang, const char *word, size_t n)
{
    char w[64];
    if (n >= sizeof w) return false;
    es_lower(word, n, w, sizeof w);
    return table_get(lang->adjectives, w) != NULL;
}

bool es_is_verb_form(const es_lang *lang, const char *word, size_t n)
{
    /* third person plural and imperfect endings no Spanish noun has (murió, resultaron) */
    return n >= 5 && es_has_ending(lang, ES_MORPH_VERB, word, n, 0);
}

/* Folds á é í ó ú ü to their vowel and ñ to n, into out: "última" -> "ultima". */
static bool fold_vowels(const char *w, char *out, size_t size)
{
    static const char from[] = "\xa1\xa9\xad\xb3\xba\xbc\xb1", to[] = "aeiouun";
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)w; *p; p++) {
        if (o + 1 >= size) return false;
        if (p[0] == 0xC3 && p[1] && strchr(from, (char)p[1])) {
            out[o++] = to[strchr(from, (char)p[1]) - from];
            p++;
        } else if (p[0] >= 0x80)
            return false;
        else
            out[o++] = (char)p[0];
    }
    out[o] = '\0';
    return true;
}

/* Is a lower-case word in the Spanish word lists? */
static bool listed_spanish(const es_lang *lang, const char *w, size_t n)
{
    return table_getn(lang->spanish_words, w, n) || wordfile_has(lang->spanish_common, w, n);
}

/* Is the n bytes at w (a plural's stem: relacion, frances) listed with an acute on its last
 * vowel, before its final n or s (relación, francés)? Such plurals drop the singular's accent. */
static bool listed_with_final_acute(const es_lang *lang, const char *w, size_t n)
{
    char try[72];
    /* not words (letters): a plain vowel and its acute's UTF-8 second byte */
    static const char plain[] = "aeiou", acute[] = "\xa1\xa9\xad\xb3\xba";
    const char *v = n >= 3 && n + 2 < sizeof try && (w[n - 1] == 'n' || w[n - 1] == 's')
                        ? strchr(plain, w[n - 2])
                        : NULL;
    if (!v || !w[n - 2]) return false;
    memcpy(try, w, n - 2);
    try[n - 2] = (char)0xC3;
    try[n - 1] = acute[v - plain];
    try[n] = w[n - 1];
    try[n + 1] = '\0';
    return listed_spanish(lang, try, n + 1);
}

bool es_listed_word(const es_lang *lang, const char *w, size_t n)
{
    if (listed_spanish(lang, w, n)) return true;
    if (n > 3 && w[n - 1] == 's' && listed_spanish(lang, w, n - 1)) return true; /* transportes */
    /* paredes; relaciones, franceses (relación, francés) */
    return n > 4 && w[n - 1] == 's' && w[n - 2] == 'e' &&
           (listed_spanish(lang, w, n - 2) || listed_with_final_acute(lang, w, n - 2));
}

bool es_restored_accent(const es_lang *lang, const char *w, char *out, size_t size)
{
    size_t n = strlen(w);
    if (n < 4 || n + 2 >= size || n >= 64 || !es_lang_word_lists(lang) ||
        listed_spanish(lang, w, n))
        return false;
    /* not words (letters): a plain letter and its marked UTF-8 second byte */
    static const char plain[] = "aeioun", marked[] = "\xa1\xa9\xad\xb3\xba\xb1";
    char try[72];
    size_t found = 0;
    for (size_t i = 0; i < n; i++) {
        const char *at = strchr(plain, w[i]);
        if (!at || !w[i]) continue;
        memcpy(try, w, i);
        try[i] = (char)0xC3;
        try[i + 1] = marked[at - plain];
        memcpy(try + i + 2, w + i + 1, n - i); /* and the NUL */
        if (!listed_spanish(lang, try, n + 1)) continue;
        if (found++) return false; /* two fit: no way to choose */
        memcpy(out, try, n + 2);
    }
    return found == 1;
}

bool es_pronounceable(const es_lang *lang, const char *word)
{
    const es_endings *onsets = &lang->morph[ES_MORPH_ONSET]; /* two letters each */
    char w[64];
    if (!fold_vowels(word, w, sizeof w)) return false;
    size_t n = strlen(w), i = 0, vowels = 0;
    if (n < 3) return false;
    while (i < n) {
        size_t start = i;
        while (i < n && !strchr("aeiou", w[i]))
            i++;
        size_t cl = i - start;
        bool first = start == 0, last = i == n;
        const char *s = w + start;
        bool ok;
        if (last) /* final coda; a final y is a vowel: rey, Monterrey, Uruguay; CINVESTAV, INACH,
                     CREG */
            ok = cl == 0 || (cl == 1 && strchr("nslrdzxfbctjmpyvg", s[0])) ||
                 (cl == 2 && (!strncmp(s, "ry", 2) || !strncmp(s, "ch", 2)));
        else if (cl <= 1)
            ok = cl == 0 || !strchr("qwky", s[0]) || s[0] == 'y' || /* hora, ahora */
                 s[0] == 'k' ||                                     /* RIKEN, IKEA */
                 (s[0] == 'q' && w[i] == 'u');                      /* Quito */
        else {
            ok = false;
            for (size_t k = 0; k < onsets->n; k++) {
                if (cl == 2 && strncmp(s, onsets->s[k], 2) == 0) ok = true;
                if (!first && cl == 3 && strchr("nslrm", s[0]) &&
                    strncmp(s + 1, onsets->s[k], 2) == 0)
                    ok = true;
            }
            /* a coda and an onset: acción, acto, adscrito, apto, ACNUR */
            if (!first && cl == 2 && strchr("nslrmbcdgptxzy", s[0]) && !strchr("qwkhy", s[1]))
                ok = true;
            /* a coda of two and one onset: transmitir, obstáculo, perspectiva, INSMET */
            if (!first && cl == 3 && strchr("nbrl", s[0]) && s[1] == 's' && !strchr("qwkhy", s[2]))
                ok = true;
        }
        if (!ok) return false;
        while (i < n && strchr("aeiou", w[i]))
            i++, vowels++;
    }
    return vowels > 0;
}
