/* chunk.c - «sagrada» -> BREAK(120) PUSH(pitch 112) TEXT("sagrada") POP BREAK(120). */
#include "chunk.h"

#include <stdio.h>
#include <string.h>

#include "es_verbalize.h"
#include "speakable.h"

typedef struct {
    const es_lang *lang;
    arena *a;
    chunk_list *out;
    strbuf run; /* words not yet emitted */
    size_t run_start, run_end;
    int open_prosody; /* pushes not yet popped in this sentence */
    int quote_depth;  /* quotations open, carried across sentences */
    bool in_sentence;
    bool marks;           /* emit sN and wN marks */
    size_t sentence_mark; /* index of the open sentence's mark chunk */
    unsigned long marks_made;
} builder;

static bool add(builder *b, chunk c)
{
    chunk_list *l = b->out;
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        chunk *items = arena_alloc(b->a, cap * sizeof *items);
        if (!items) return false;
        if (l->count) memcpy(items, l->items, l->count * sizeof *items);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->count++] = c;
    return true;
}

/* Copies words into a, with a space inside any word longer than CHUNK_WORD_MAX characters:
 * espeak-ng has overflowed its stack on very long words (CVE-2023-49990 to 49994). */
static char *capped_words(arena *a, const char *s, size_t n)
{
    size_t extra = 0, run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ')
            run = 0;
        else if (((unsigned char)s[i] & 0xC0) != 0x80 && ++run > CHUNK_WORD_MAX)
            extra++, run = 1;
    }
    if (!extra) return arena_strndup(a, s, n);
    char *out = arena_alloc(a, n + extra + 1), *o = out;
    if (!out) return NULL;
    run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ')
            run = 0;
        else if (((unsigned char)s[i] & 0xC0) != 0x80 && ++run > CHUNK_WORD_MAX)
            *o++ = ' ', run = 1;
        *o++ = s[i];
    }
    *o = '\0';
    return out;
}

/* The words not yet emitted as TEXT chunks, with a short BREAK at each group pause (a
 * telephone's groups: ES_GROUP_PAUSE). */
static bool flush(builder *b)
{
    if (b->run.len == 0) return true;
    const char *s = b->run.data, *end = s + b->run.len;
    bool ok = true;
    while (ok && s < end) {
        const char *cut = memchr(s, ES_GROUP_PAUSE[0], (size_t)(end - s));
        const char *stop = cut ? cut : end;
        const char *from = s, *to = stop;
        while (from < to && *from == ' ')
            from++;
        while (to > from && to[-1] == ' ')
            to--;
        if (to > from) {
            chunk c = {.kind = CHUNK_TEXT, .start = b->run_start, .end = b->run_end};
            c.text = capped_words(b->a, from, (size_t)(to - from));
            ok = c.text && add(b, c);
        }
        if (ok && cut) ok = add(b, (chunk){.kind = CHUNK_BREAK, .ms = CHUNK_PAUSE_GROUP_MS});
        s = cut ? cut + 1 : end;
    }
    sb_clear(&b->run);
    return ok;
}

static bool push_prosody(builder *b, int rate, int pitch)
{
    b->open_prosody++;
    return add(b, (chunk){.kind = CHUNK_PROSODY_PUSH, .rate = rate, .pitch = pitch});
}

static bool pop_prosody(builder *b)
{
    if (b->open_prosody == 0) return true;
    b->open_prosody--;
    return flush(b) && add(b, (chunk){.kind = CHUNK_PROSODY_POP});
}

static bool add_mark(builder *b, char type, size_t start, size_t end)
{
    char name[24];
    snprintf(name, sizeof name, "%c%lu", type, b->marks_made++);
    chunk c = {.kind = CHUNK_MARK, .text = arena_strdup(b->a, name), .start = start, .end = end};
    return c.text && add(b, c);
}

static bool begin_sentence(builder *b, block_kind kind, size_t start)
{
    if (b->in_sentence) return true;
    b->in_sentence = true;
    if (!add(b, (chunk){.kind = CHUNK_SENTENCE_BEGIN})) return false;
    if (b->marks) {
        b->sentence_mark = b->out->count;
        if (!add_mark(b, 's', start, start)) return false;
    }
    if ((kind == BLOCK_HEADING || kind == BLOCK_TITLE) && !push_prosody(b, CHUNK_HEADING_RATE, 100))
        return false;
    for (int i = 0; i < b->quote_depth; i++)
        if (!push_prosody(b, 100, CHUNK_QUOTE_PITCH)) return false;
    return true;
}

static bool end_sentence(builder *b)
{
    if (!b->in_sentence) return true;
    if (!flush(b)) return false;
    while (b->open_prosody)
        if (!pop_prosody(b)) return false;
    b->in_sentence = false;
    return add(b, (chunk){.kind = CHUNK_SENTENCE_END});
}

static bool quote(builder *b, const sem_token *t, const sem_token *next)
{
    if (!flush(b)) return false;
    if (t->flags & SEM_OPENS) {
        b->quote_depth++;
        return add(b, (chunk){.kind = CHUNK_BREAK, .ms = CHUNK_PAUSE_QUOTE_MS}) &&
               push_prosody(b, 100, CHUNK_QUOTE_PITCH);
    }
    if (b->quote_depth == 0) return true; /* a stray closing mark */
    b->quote_depth--;
    if (!pop_prosody(b)) return false;
    bool punct_follows = next && next->cls == SEM_PUNCT;
    return punct_follows || add(b, (chunk){.kind = CHUNK_BREAK, .ms = CHUNK_PAUSE_QUOTE_MS});
}

/* True when espeak-ng will hear something of the token: "Seúl" yes, "😀" or "서울" no (they are
 * dropped before it, so they get no mark and the audio is the same as without them). */
static bool audible(const char *s, size_t n, strbuf *scratch)
{
    size_t i = 0;
    while (i < n && (unsigned char)s[i] < 0x80)
        i++;
    if (i == n) return true;
    sb_clear(scratch);
    if (!sb_append(scratch, s, n)) return true;
    strbuf out = {0};
    const char *said = speakable(sb_str(scratch), false, &out);
    bool heard = false;
    for (const char *p = said; p && *p && !heard; p++)
        heard = (unsigned char)*p >= 0x80 || (*p >= '0' && *p <= '9') ||
                ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z');
    sb_free(&out);
    return heard || !said;
}

loc_status chunk_block(const es_lang *lang, const block *blk, const sem_list *sems, bool marks,
                       arena *a, chunk_list *out)
{
    memset(out, 0, sizeof *out);
    out->kind = blk->kind;
    builder b = {.lang = lang, .a = a, .out = out, .marks = marks};
    strbuf scratch = {0};
    bool ok = true;
    for (size_t i = 0; i < sems->count && ok; i++) {
        const sem_token *t = &sems->items[i];
        const sem_token *next = i + 1 < sems->count ? &sems->items[i + 1] : NULL;
        if (t->cls == SEM_QUOTE && (t->flags & SEM_CLOSES) && !b.in_sentence) {
            if (b.quote_depth) b.quote_depth--; /* «Vamos.» closes after its sentence */
            continue;
        }
        if (!(ok = begin_sentence(&b, blk->kind, t->start))) break;
        if (b.marks) b.out->items[b.sentence_mark].end = t->end;
        if (t->cls == SEM_QUOTE) {
            ok = quote(&b, t, next);
            continue;
        }
        if (b.marks && t->cls != SEM_PUNCT &&
            audible(blk->text + t->start, t->end - t->start, &scratch))
            ok = flush(&b) && add_mark(&b, 'w', t->start, t->end);
        if (!ok) break;
        if (b.run.len == 0) b.run_start = t->start;
        b.run_end = t->end;
        if (es_verbalize(lang, t, &b.run) != LOC_OK) ok = false;
        if (ok && (t->flags & SEM_SENTENCE_END)) ok = end_sentence(&b);
    }
    ok = ok && end_sentence(&b);
    int pause = blk->kind == BLOCK_HEADING || blk->kind == BLOCK_TITLE ? CHUNK_PAUSE_HEADING_MS
                                                                       : CHUNK_PAUSE_PARAGRAPH_MS;
    ok = ok && add(&b, (chunk){.kind = CHUNK_BREAK, .ms = pause});
    sb_free(&b.run);
    sb_free(&scratch);
    return ok ? LOC_OK : LOC_ERR_NOMEM;
}

size_t chunk_trailing_breaks(const chunk_list *chunks)
{
    size_t i = chunks->count;
    while (i > 0 && (chunks->items[i - 1].kind == CHUNK_BREAK ||
                     chunks->items[i - 1].kind == CHUNK_SENTENCE_END))
        i--;
    /* keep the closing </s> with the speech */
    while (i < chunks->count && chunks->items[i].kind == CHUNK_SENTENCE_END)
        i++;
    return i;
}
