/* es_verbalize.c - one verbalizer per semiotic class, dispatched from SEM_CLASS_LIST. */
#include "es_verbalize.h"

#include <string.h>

#include "token.h"

typedef bool (*verbalizer)(const es_lang *lang, const sem_token *t, strbuf *out);

/* Anything not yet given its own reading is said as written. */
static bool say_payload(const es_lang *lang, const sem_token *t, strbuf *out)
{
    (void)lang;
    return sb_word(out, t->payload);
}

/* CARDINAL "21" f -> veintiuna; "2024" year -> dos mil veinticuatro; 20 digits -> digit by digit */
static bool say_cardinal(const es_lang *lang, const sem_token *t, strbuf *out)
{
    (void)lang;
    unsigned long long v;
    size_t n = strlen(t->payload);
    if (!es_parse_digits(t->payload, n, &v)) return es_digits(out, t->payload, n);
    if (t->flags & SEM_YEAR) return es_cardinal(out, v, ES_MASC, false);
    return es_cardinal(out, v, t->gender, (t->flags & SEM_APOCOPE) != 0);
}

/* LETTERS "KCNA" -> ka ce ene a */
static bool say_letters(const es_lang *lang, const sem_token *t, strbuf *out)
{
    const char *p = t->payload;
    size_t n = strlen(p);
    for (size_t i = 0; i < n;) {
        size_t size;
        utf8_decode(p + i, n - i, &size);
        const table_entry *e = table_getn(lang->letters, p + i, size);
        bool ok = e ? sb_word(out, e->spoken) : (sb_word(out, "") && sb_append(out, p + i, size));
        if (!ok) return false;
        i += size;
    }
    return true;
}

/* WORD "Pyongyang" -> Pionyang (lexicon), else as written */
static bool say_word(const es_lang *lang, const sem_token *t, strbuf *out)
{
    const table_entry *e = table_get(lang->lexicon, t->payload);
    return sb_word(out, e ? e->spoken : t->payload);
}

/* PUNCT "," -> ","; "-" between words -> nothing; "(" -> "," */
static bool say_punct(const es_lang *lang, const sem_token *t, strbuf *out)
{
    (void)lang;
    static const char *const kept[] = {".", ",", ";", ":", "?", "!", "¿", "¡", "…"};
    static const char *const pausing[] = {"(", ")", "[", "]", "—", "–"};
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
        if (strcmp(t->payload, kept[i]) == 0) {
            if (t->flags & SEM_ATTACH_NEXT) return sb_word(out, t->payload);
            return sb_puts(out, t->payload);
        }
    for (size_t i = 0; i < sizeof pausing / sizeof *pausing; i++)
        if (strcmp(t->payload, pausing[i]) == 0)
            return out->len == 0 || out->data[out->len - 1] == ',' ? true : sb_puts(out, ",");
    return true;
}

/* QUOTE marks are heard as prosody (the chunker's job), never said */
static bool say_nothing(const es_lang *lang, const sem_token *t, strbuf *out)
{
    (void)lang, (void)t, (void)out;
    return true;
}

static const verbalizer verbalizers[SEM_CLASS_COUNT] = {
    [SEM_CARDINAL] = say_cardinal, [SEM_LETTERS] = say_letters, [SEM_WORD] = say_word,
    [SEM_PUNCT] = say_punct,       [SEM_QUOTE] = say_nothing,
};

loc_status es_verbalize(const es_lang *lang, const sem_token *t, strbuf *out)
{
    verbalizer v = verbalizers[t->cls] ? verbalizers[t->cls] : say_payload;
    return v(lang, t, out) ? LOC_OK : LOC_ERR_NOMEM;
}

static const char *const class_names[] = {
#define SEM_NAME(name) #name,
    SEM_CLASS_LIST(SEM_NAME)
#undef SEM_NAME
};

const char *sem_class_name(sem_class cls)
{
    return (unsigned)cls < SEM_CLASS_COUNT ? class_names[cls] : "?";
}
