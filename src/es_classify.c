/* es_classify.c - recognizers, tried in order at each token; the first match wins. */
#include "es_classify.h"

#include <stdbool.h>
#include <string.h>

typedef struct {
    const es_lang *lang;
    const char *text;
    const token *toks;
    size_t n;
    arena *a;
} cctx;

/* A recognizer returns how many tokens it took at i (0: not its kind) and fills out. */
typedef size_t (*recognizer)(const cctx *c, size_t i, sem_token *out);

static const char *tok_ptr(const cctx *c, size_t i)
{
    return c->text + c->toks[i].start;
}

static bool tok_is(const cctx *c, size_t i, token_kind kind)
{
    return i < c->n && c->toks[i].kind == kind;
}

static bool tok_eq(const cctx *c, size_t i, const char *s)
{
    return i < c->n && c->toks[i].len == strlen(s) && memcmp(tok_ptr(c, i), s, c->toks[i].len) == 0;
}

/* Index of the next non-space token after i, or c->n. */
static size_t next_solid(const cctx *c, size_t i)
{
    for (i++; i < c->n && c->toks[i].kind == TOK_SPACE; i++) {
    }
    return i;
}

/* Index of the previous non-space token before i, or (size_t)-1. */
static size_t prev_solid(const cctx *c, size_t i)
{
    while (i-- > 0)
        if (c->toks[i].kind != TOK_SPACE) return i;
    return (size_t)-1;
}

static bool prev_word_is(const cctx *c, size_t i, const char *const *words)
{
    size_t p = prev_solid(c, i);
    if (p == (size_t)-1 || c->toks[p].kind != TOK_WORD) return false;
    char w[32];
    if (c->toks[p].len >= sizeof w) return false;
    es_lower(tok_ptr(c, p), c->toks[p].len, w, sizeof w);
    for (; *words; words++)
        if (strcmp(w, *words) == 0) return true;
    return false;
}

static sem_token make(const cctx *c, sem_class cls, size_t first, size_t last, const char *payload)
{
    sem_token t = {0};
    t.cls = cls;
    t.start = c->toks[first].start;
    t.end = c->toks[last].start + c->toks[last].len;
    t.payload = payload;
    return t;
}

/* «sagrada» “así” "así" -> QUOTE(opens) WORD QUOTE(closes) */
static size_t rec_quote(const cctx *c, size_t i, sem_token *out)
{
    static const char *const opening[] = {"«", "“", "‘", "‹", "„"};
    static const char *const closing[] = {"»", "”", "’", "›"};
    if (!tok_is(c, i, TOK_PUNCT)) return 0;
    unsigned side = 0;
    for (size_t k = 0; k < sizeof opening / sizeof *opening; k++)
        if (tok_eq(c, i, opening[k])) side = SEM_OPENS;
    for (size_t k = 0; k < sizeof closing / sizeof *closing; k++)
        if (tok_eq(c, i, closing[k])) side = SEM_CLOSES;
    if (tok_eq(c, i, "\"")) {
        /* a straight quote opens after a space or at the start, else closes */
        bool after_space = i == 0 || c->toks[i - 1].kind == TOK_SPACE ||
                           (c->toks[i - 1].kind == TOK_PUNCT && !tok_eq(c, i - 1, "."));
        side = after_space ? SEM_OPENS : SEM_CLOSES;
    }
    if (!side) return 0;
    *out = make(c, SEM_QUOTE, i, i, "");
    out->flags = side;
    return 1;
}

/* 21 personas -> CARDINAL "21" f apocope; 2.300 -> "2300"; en 2024 -> CARDINAL year */
static size_t rec_cardinal(const cctx *c, size_t i, sem_token *out)
{
    static const char *const year_context[] = {
        "de",   "en",      "año", "desde",  "hasta", "del",      "el",        "para", "antes",
        "tras", "durante", "a",   "verano", "otoño", "invierno", "primavera", NULL};
    if (!tok_is(c, i, TOK_NUMBER)) return 0;
    size_t last = i;
    bool grouped = false;
    if (c->toks[i].len <= 3) {
        /* thousands grouped by a point or a space: 1.000.000, 8 000 000 */
        while (last + 2 < c->n &&
               (tok_eq(c, last + 1, ".") ||
                (c->toks[last + 1].kind == TOK_SPACE && c->toks[last + 1].len <= 3)) &&
               tok_is(c, last + 2, TOK_NUMBER) && c->toks[last + 2].len == 3) {
            last += 2;
            grouped = true;
        }
    }
    char *digits =
        arena_alloc(c->a, c->toks[last].start + c->toks[last].len - c->toks[i].start + 1);
    if (!digits) return 0;
    size_t nd = 0;
    for (size_t k = i; k <= last; k += 2)
        for (size_t b = 0; b < c->toks[k].len; b++)
            digits[nd++] = tok_ptr(c, k)[b];
    digits[nd] = '\0';
    *out = make(c, SEM_CARDINAL, i, last, digits);
    if (!grouped && nd == 4 && digits[0] >= '1' && digits[0] <= '2' &&
        prev_word_is(c, i, year_context)) {
        out->flags |= SEM_YEAR;
        return last - i + 1;
    }
    /* the counted noun decides gender and apocope: skip "mil", "millones de" */
    size_t w = next_solid(c, last);
    while (tok_eq(c, w, "mil"))
        w = next_solid(c, w);
    if (tok_eq(c, w, "millones") || tok_eq(c, w, "millón") || tok_eq(c, w, "billones")) {
        out->gender = ES_MASC; /* "millones" is the counted noun: treinta y un millones */
        out->flags |= SEM_APOCOPE;
        return last - i + 1;
    }
    if (tok_is(c, w, TOK_WORD) && !es_is_function_word(c->lang, tok_ptr(c, w), c->toks[w].len)) {
        out->gender = es_noun_gender(c->lang, tok_ptr(c, w), c->toks[w].len);
        out->flags |= SEM_APOCOPE;
    }
    return last - i + 1;
}

/* Spanish syllable check for an acronym in lower case: "otan" yes, "kcna" no. */
static bool pronounceable(const char *w)
{
    static const char *const onsets[] = {"pl", "pr", "bl", "br", "fl", "fr", "cl", "cr",
                                         "gl", "gr", "tr", "dr", "ch", "ll", NULL};
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
        if (last) /* final coda */
            ok = cl == 0 || (cl == 1 && strchr("nslrdzx", s[0]));
        else if (cl <= 1)
            ok = cl == 0 || !strchr("qwkhy", s[0]) || s[0] == 'y';
        else {
            ok = false;
            for (size_t k = 0; onsets[k]; k++) {
                if (cl == 2 && strncmp(s, onsets[k], 2) == 0) ok = true;
                if (!first && cl == 3 && strchr("nslrm", s[0]) && strncmp(s + 1, onsets[k], 2) == 0)
                    ok = true;
            }
            if (!first && cl == 2 && strchr("nslrm", s[0]) && !strchr("qwkh", s[1])) ok = true;
        }
        if (!ok) return false;
        while (i < n && strchr("aeiou", w[i]))
            i++, vowels++;
    }
    return vowels > 0;
}

static bool all_capitals(const char *s, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch >= 'a' && ch <= 'z') return false;
        if (ch == 0xC3 && i + 1 < n) { /* Latin-1 letters: capitals are C3 80..9F */
            if ((unsigned char)s[i + 1] >= 0xA0) return false;
            i++;
        } else if (ch >= 0x80)
            return false;
        letters++;
    }
    return letters >= 2;
}

/* KCNA -> LETTERS "KCNA"; OTAN -> WORD "otan"; EEUU -> ABBREVIATION "Estados Unidos" */
static size_t rec_acronym(const cctx *c, size_t i, sem_token *out)
{
    if (!tok_is(c, i, TOK_WORD) || !all_capitals(tok_ptr(c, i), c->toks[i].len)) return 0;
    const char *w = tok_ptr(c, i);
    size_t n = c->toks[i].len;
    const table_entry *e = table_getn(c->lang->acronyms, w, n);
    if (e) {
        char read[16];
        table_feature(e->features, "read", read, sizeof read);
        bool spell = strcmp(read, "letters") == 0;
        *out = make(c, spell ? SEM_LETTERS : SEM_ABBREVIATION, i, i,
                    spell ? arena_strndup(c->a, w, n) : e->spoken);
        return 1;
    }
    char lower[64];
    if (n >= sizeof lower) return 0;
    es_lower(w, n, lower, sizeof lower);
    if (pronounceable(lower)) {
        *out = make(c, SEM_WORD, i, i, arena_strdup(c->a, lower));
        return 1;
    }
    *out = make(c, SEM_LETTERS, i, i, arena_strndup(c->a, w, n));
    return 1;
}

/* Pyongyang -> WORD "Pyongyang" (the lexicon is applied when it is said) */
static size_t rec_word(const cctx *c, size_t i, sem_token *out)
{
    if (!tok_is(c, i, TOK_WORD)) return 0;
    *out = make(c, SEM_WORD, i, i, arena_strndup(c->a, tok_ptr(c, i), c->toks[i].len));
    return 1;
}

/* "." at the end of a sentence -> PUNCT "." sentence end; "¿" -> PUNCT attached to the next word */
static size_t rec_punct(const cctx *c, size_t i, sem_token *out)
{
    if (!tok_is(c, i, TOK_PUNCT)) return 0;
    const char *p = tok_ptr(c, i);
    size_t n = c->toks[i].len;
    *out = make(c, SEM_PUNCT, i, i, arena_strndup(c->a, p, n));
    bool ends = tok_eq(c, i, ".") || tok_eq(c, i, "!") || tok_eq(c, i, "?") || tok_eq(c, i, "…");
    /* "." inside a token run (www.boe.es) does not end a sentence */
    if (ends &&
        (i + 1 == c->n || c->toks[i + 1].kind == TOK_SPACE || c->toks[i + 1].kind == TOK_PUNCT))
        out->flags |= SEM_SENTENCE_END;
    if (tok_eq(c, i, "¿") || tok_eq(c, i, "¡") || tok_eq(c, i, "(") || tok_eq(c, i, "["))
        out->flags |= SEM_ATTACH_NEXT;
    return 1;
}

/* % & + and anything else -> VERBATIM as written */
static size_t rec_verbatim(const cctx *c, size_t i, sem_token *out)
{
    if (tok_is(c, i, TOK_SPACE)) return 0;
    *out = make(c, SEM_VERBATIM, i, i, arena_strndup(c->a, tok_ptr(c, i), c->toks[i].len));
    return 1;
}

/* Tried in this order; the last ones never fail, so nothing is dropped. */
static const recognizer recognizers[] = {
    rec_quote, rec_cardinal, rec_acronym, rec_word, rec_punct, rec_verbatim,
};

static bool push(arena *a, sem_list *out, const sem_token *t)
{
    if (out->count == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 32;
        sem_token *items = arena_alloc(a, cap * sizeof *items);
        if (!items) return false;
        if (out->count) memcpy(items, out->items, out->count * sizeof *items);
        out->items = items;
        out->cap = cap;
    }
    out->items[out->count++] = *t;
    return true;
}

loc_status es_classify(const es_lang *lang, const char *text, const token_list *tokens, arena *a,
                       sem_list *out)
{
    cctx c = {lang, text, tokens->items, tokens->count, a};
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < c.n;) {
        if (c.toks[i].kind == TOK_SPACE) {
            i++;
            continue;
        }
        size_t taken = 0;
        sem_token t;
        for (size_t r = 0; r < sizeof recognizers / sizeof *recognizers && !taken; r++)
            taken = recognizers[r](&c, i, &t);
        if (!taken || !t.payload || !push(a, out, &t)) return LOC_ERR_NOMEM;
        i += taken;
    }
    return LOC_OK;
}
