/* es_verbalize.c - one verbalizer per semiotic class, dispatched from SEM_CLASS_LIST. */
#include "es_verbalize.h"

#include <stdio.h>
#include <string.h>

#include "es_foreign.h"
#include "es_guarani.h"
#include "es_say.h"
#include "token.h"
#include "utf8.h"

/* ABBREVIATION "señor" -> señor: the words the recognizer chose, said as they are. */
bool es_say_payload(const es_lang *lang, const sem_token *t, strbuf *out)
{
    (void)lang;
    return sb_word(out, t->payload);
}

/* Letters one by one; bare: a letter the voice names as Spanish does (letters.tsv "bare") is
 * left bare, for the voice to name: "est" -> e s t, said as espeak-ng spells; american: the
 * Americas' names where letters.tsv has them (america=ve). */
static bool say_letters(const es_lang *lang, strbuf *out, const char *p, size_t n, bool bare,
                        es_names names)
{
    for (size_t i = 0; i < n;) {
        size_t size;
        utf8_decode(p + i, n - i, &size);
        char up[8];
        memcpy(up, p + i, size < 8 ? size : 7);
        up[size < 8 ? size : 7] = '\0';
        if (size == 1 && up[0] >= 'a' && up[0] <= 'z') up[0] = (char)(up[0] - 32);
        const table_entry *e = table_get(lang->letters, up);
        char there[32];
        bool ok;
        if (e && bare && strstr(e->features, "bare")) {
            char low[8];
            es_lower(up, strlen(up), low, sizeof low);
            ok = sb_word(out, low);
        } else {
            ok = sb_word(out, e ? es_regional_spoken(e, names, there, sizeof there) : up);
        }
        if (!ok) return false;
        i += size;
    }
    return true;
}

bool es_say_letters(const es_lang *lang, strbuf *out, const char *p, size_t n, es_names names)
{
    return say_letters(lang, out, p, n, false, names);
}

bool es_say_code_letters(const es_lang *lang, strbuf *out, const char *p, size_t n, es_names names)
{
    return say_letters(lang, out, p, n, true, names);
}

/* The lexicon entry of a word, also in its possessive (Sunak's) or plural (podcasts, from an
 * entry ending in a consonant); *plus is what to add to its reading ("s" or ""). */
static const table_entry *lexicon_entry(const es_lang *lang, const char *w, size_t n,
                                        const char **plus)
{
    *plus = "";
    const table_entry *e = es_lexicon_get(lang, w, n);
    if (e) return e;
    size_t base = 0;
    if (n > 3 && w[n - 2] == '\'' && w[n - 1] == 's') base = n - 2;
    if (n > 5 && !memcmp(w + n - 4, "\xE2\x80\x99s", 4)) base = n - 4; /* ’s */
    if (!base && n > 3 && w[n - 1] == 's') {
        e = es_lexicon_get(lang, w, n - 1);
        size_t len = e ? strlen(e->written) : 0;
        if (e && len && !strchr("aeiouáéíóú", e->written[len - 1])) *plus = "s";
        return *plus[0] ? e : NULL;
    }
    if (base) {
        e = es_lexicon_get(lang, w, base);
        if (e) *plus = "s";
    }
    return e;
}

/* Pdvsa -> pedevesa: an acronym news writes with one capital, said as acronyms.tsv says the
 * word (read=word), unless Spanish has the word (Sol, Mar) */
static const char *capitalized_acronym(const es_lang *lang, const char *w, size_t n)
{
    if (n < 3 || n > 7 || !(w[0] >= 'A' && w[0] <= 'Z')) return NULL;
    char up[8], low[8], read[8];
    up[0] = w[0];
    low[0] = (char)(w[0] + 32);
    for (size_t b = 1; b < n; b++) {
        if (w[b] < 'a' || w[b] > 'z') return NULL;
        up[b] = (char)(w[b] - 32);
        low[b] = w[b];
    }
    up[n] = low[n] = '\0';
    const table_entry *e = table_get(lang->acronyms, up);
    if (!e || table_get(lang->spanish_words, low) || table_get(lang->spanish_words, w)) return NULL;
    table_feature(e->features, "read", read, sizeof read);
    return strcmp(read, "word") == 0 ? e->spoken : NULL;
}

/* The first letter of the last n bytes of out in capitals: grin -> Grin, íbex -> Íbex. */
static void capitalize_last(strbuf *out, size_t n)
{
    char *first = out->data + out->len - n;
    if (*first >= 'a' && *first <= 'z')
        *first = (char)(*first - 32);
    else if ((unsigned char)first[0] == 0xC3 && (unsigned char)first[1] >= 0xA0)
        first[1] = (char)(first[1] - 32); /* á é í ó ú ñ -> Á É Í Ó Ú Ñ */
}

/* Is w, a capitalized word before its object (SEM_VERB_START), Spanish in lower case (Lee el
 * informe, Cree que: verbs, where Lee alone is a name)? */
static bool spanish_in_lower_case(const es_lang *lang, const char *w, size_t n)
{
    char low[72];
    if (n >= sizeof low) return false;
    es_lower(w, n, low, sizeof low);
    return !es_foreign_language(lang, low, strlen(low));
}

/* The second bytes of à á è é ì í ò ó ù ú after 0xC3 (capitals folded by | 0x20), and their vowels.
 * not words (letters) */
static const char tone_marks[] = "\xa0\xa1\xa8\xa9\xac\xad\xb2\xb3\xb9\xba";
static const char tone_vowels[] = "aaeeiioouu";

/* The marked vowel at p (n bytes left) as an index into tone_marks, or -1. */
static int marked_vowel(const unsigned char *p, size_t n)
{
    const char *m = n >= 2 && p[0] == 0xC3 ? strchr(tone_marks, p[1] | 0x20) : NULL;
    return m && p[1] ? (int)(m - tone_marks) : -1;
}

/* The plain letter of ẹ ọ ṣ or a capital of them at p (3 bytes), 0 for any other letter of
 * U+1E00..U+1EFF, -1 for none of that block. */
static int dotted_letter(const unsigned char *p, size_t n)
{
    if (n < 3 || p[0] != 0xE1 || (p[1] != 0xB9 && p[1] != 0xBA && p[1] != 0xBB)) return -1;
    if (p[1] == 0xB9) return p[2] == 0xA3 ? 's' : p[2] == 0xA2 ? 'S' : 0;
    if (p[1] == 0xBA) return p[2] == 0xB9 ? 'e' : p[2] == 0xB8 ? 'E' : 0;
    return p[2] == 0x8D ? 'o' : p[2] == 0x8C ? 'O' : 0;
}

/* Is p a combining grave, acute or dot below (U+0300, U+0301, U+0323)? */
static bool combining_tone(const unsigned char *p, size_t n)
{
    return n >= 2 && p[0] == 0xCC && (p[1] == 0x80 || p[1] == 0x81 || p[1] == 0xA3);
}

/* A word with tone marks (Yoruba Adékúnlé Àjàyí, Ayọ̀délé) without them, into plain: two or more
 * vowels marked acute or grave, one of them a mark French never writes (á í ó ú ì ò; Ségolène
 * keeps its accents), and dots below dropped (ọ, ẹ, ṣ). Spanish gives a word one stress. */
static bool without_tone_marks(const char *w, size_t n, char *plain, size_t size)
{
    const unsigned char *u = (const unsigned char *)w;
    size_t marked = 0, foreign_mark = 0, grave = 0, k = 0;
    bool ends_marked = false, dots = false;
    for (size_t i = 0; i < n; i++) {
        dots = dots || combining_tone(u + i, n - i) || dotted_letter(u + i, n - i) > 0;
        int m = marked_vowel(u + i, n - i);
        if (m < 0) continue;
        marked++;
        ends_marked = i + 2 == n;
        foreign_mark += m != 2 && m != 3 && m != 0 && m != 8; /* not French è é à ù */
        grave += m % 2 == 0;
    }
    /* Hungarian (Fehérvár, László) and Czech (Nováková) mark two vowels acute, never grave,
     * and seldom three ending the word */
    if (!dots && (marked < 2 || !foreign_mark || (!grave && !(marked >= 3 && ends_marked))))
        return false;
    for (size_t i = 0; i < n && k + 2 < size;) {
        int m = marked_vowel(u + i, n - i), dotted = dotted_letter(u + i, n - i);
        if (m >= 0) { /* a marked vowel: the plain one, its case kept */
            plain[k++] = (char)(u[i + 1] & 0x20 ? tone_vowels[m] : tone_vowels[m] - 32);
            i += 2;
        } else if (combining_tone(u + i, n - i)) {
            i += 2;
        } else if (dotted == 0) {
            return false; /* another letter of that block (Vietnamese ễ): left as written */
        } else if (dotted > 0) {
            plain[k++] = (char)dotted;
            i += 3;
        } else
            plain[k++] = w[i++];
    }
    plain[k] = '\0';
    return k < n && k + 2 < size; /* something dropped: never the word itself again */
}

/* es_say_word; starts_sentence: its capital is the sentence's (see es_foreign_say); verb_start:
 * an object follows it (SEM_VERB_START) */
static bool say_word(const es_lang *lang, strbuf *out, const char *w, bool american,
                     bool starts_sentence, bool verb_start)
{
    size_t n = strlen(w);
    char plain[64];
    if (n < sizeof plain && without_tone_marks(w, n, plain, sizeof plain))
        return say_word(lang, out, plain, american, starts_sentence, verb_start);
    const char *plus;
    char local[64];
    const table_entry *e = lexicon_entry(lang, w, n, &plus);
    if (e) { /* a capital written keeps its capital: Hall -> Jol, Green -> Grin */
        const char *spoken = es_lexicon_spoken(e, american, local, sizeof local);
        if (!sb_word(out, spoken)) return false;
        if (w[0] >= 'A' && w[0] <= 'Z') capitalize_last(out, strlen(spoken));
        return sb_puts(out, plus);
    }
    const char *acronym = capitalized_acronym(lang, w, n);
    if (acronym) { /* with its capital: Ibex -> Íbex */
        if (!sb_word(out, acronym)) return false;
        capitalize_last(out, strlen(acronym));
        return true;
    }
    if (!(verb_start && spanish_in_lower_case(lang, w, n)) &&
        es_foreign_say(lang, w, n, starts_sentence, out))
        return true;
    if (n > 3 && n < 64 && strchr("lLdD", w[0]) && w[1] == '\'' && (unsigned char)w[2] >= 'A') {
        /* d'Esquadra -> desquadra, L'Hospitalet -> Lospitalet: a Catalan or French article
         * said with its word (a silent h dropped), not as a letter's name */
        char joined[64];
        size_t from = 2 + (w[2] == 'h' || w[2] == 'H');
        joined[0] = w[0];
        memcpy(joined + 1, w + from, n - from);
        if (joined[1] >= 'A' && joined[1] <= 'Z') joined[1] = (char)(joined[1] + 32);
        return sb_wordn(out, joined, n - from + 1);
    }
    strbuf guarani = {0}; /* Pytyvõ -> Pitivó, Yrigoyen -> Irigoyen */
    if (es_guarani_respell(w, n, &guarani)) {
        bool ok = sb_word(out, sb_str(&guarani));
        sb_free(&guarani);
        return ok;
    }
    sb_free(&guarani);
    if (n > 3 && w[0] == 'H' && strchr("rlv", w[1]) && w[1]) /* Hrafn, Hlavní: the h is silent */
        return sb_word(out, (char[]){(char)(w[1] - 32), '\0'}) && sb_append(out, w + 2, n - 2);
    return sb_wordn(out, w, n);
}

bool es_say_word(const es_lang *lang, strbuf *out, const char *w, bool american)
{
    return say_word(lang, out, w, american, false, false);
}

bool es_say_form(strbuf *out, const char *forms, bool plural)
{
    const char *bar = strchr(forms, '|');
    if (!bar) return sb_word(out, forms);
    if (plural) return sb_word(out, bar + 1);
    char one[128];
    snprintf(one, sizeof one, "%.*s", (int)(bar - forms), forms);
    return sb_word(out, one);
}

/* LETTERS "KCNA" -> ka ce ene a */
bool es_say_spelled(const es_lang *lang, const sem_token *t, strbuf *out)
{
    return es_say_letters(lang, out, t->payload, strlen(t->payload), ES_NAMES(t));
}

/* WORD "Pyongyang" -> Pionyang (lexicon), "Whitfield" -> Uítfild (foreign), else as written;
 * a phrase the lexicon said already (New York -> Nueva York) as it is */
bool es_say_looked_up(const es_lang *lang, const sem_token *t, strbuf *out)
{
    if (t->flags & SEM_SAID) return sb_word(out, t->payload);
    return say_word(lang, out, t->payload, ES_AMERICAN(t), (t->flags & SEM_CAPITAL) != 0,
                    (t->flags & SEM_VERB_START) != 0);
}

/* PUNCT "," -> ","; "-" between words -> nothing; "(" -> ","; "(45)." -> ", cuarenta y cinco." */
bool es_say_punct(const es_lang *lang, const sem_token *t, strbuf *out)
{
    (void)lang;
    static const char *const kept[] = {".", ",", ";", ":", "?", "!", "¿", "¡", "…"};
    static const char *const pausing[] = {"(", ")", "[", "]", "—", "–", "/", "|"};
    for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
        if (strcmp(t->payload, kept[i]) == 0) {
            if (t->flags & SEM_ATTACH_NEXT) return sb_word(out, t->payload);
            /* a bracket's comma gives way to the mark after it: (mundo). -> , mundo. */
            bool closing = strcmp(t->payload, "\u00bf") && strcmp(t->payload, "\u00a1"); /* ¿ ¡ */
            if (closing && out->len && out->data[out->len - 1] == ',') out->data[--out->len] = '\0';
            return sb_puts(out, t->payload);
        }
    for (size_t i = 0; i < sizeof pausing / sizeof *pausing; i++)
        if (strcmp(t->payload, pausing[i]) == 0)
            return out->len == 0 || out->data[out->len - 1] == ',' ? true : sb_puts(out, ",");
    return true;
}

/* QUOTE marks are heard as prosody (the chunker's job), never said */
bool es_say_silent(const es_lang *lang, const sem_token *t, strbuf *out)
{
    (void)lang, (void)t, (void)out;
    return true;
}

/* VERBATIM "+" -> más, "&" -> y (symbols.tsv), else as written */
bool es_say_verbatim(const es_lang *lang, const sem_token *t, strbuf *out)
{
    const table_entry *e = table_get(lang->symbols, t->payload);
    char f[8] = "";
    if (e) table_feature(e->features, "alone", f, sizeof f);
    return sb_word(out, e && f[0] ? e->spoken : t->payload);
}

/* The table, expanded from SEM_CLASS_LIST: an es_say_<reading> nobody wrote does not link. */
static const verbalizer verbalizers[SEM_CLASS_COUNT] = {
#define ES_SAY_ENTRY(name, reading) [SEM_##name] = es_say_##reading,
    SEM_CLASS_LIST(ES_SAY_ENTRY)
#undef ES_SAY_ENTRY
};

verbalizer es_verbalizer(sem_class cls)
{
    return (unsigned)cls < SEM_CLASS_COUNT ? verbalizers[cls] : NULL;
}

/* What a token no rule could say becomes: digits one by one (with the decimal mark), units and
 * currencies by name, "%" as por ciento, anything else as written.
 * "123456789012345678901234567890 kg" -> uno dos tres ... cero kilos */
static bool say_fallback(const es_lang *lang, const sem_token *t, strbuf *out)
{
    const char *p = t->payload;
    bool ok = true;
    const table_entry *cur = NULL; /* MONEY "EUR 1234...": the currency is said after */
    if (t->cls == SEM_MONEY && strchr(p, ' ')) {
        char code[16];
        snprintf(code, sizeof code, "%.*s", (int)strcspn(p, " "), p);
        if ((cur = table_get(lang->currencies, code))) p += strlen(code) + 1;
    }
    while (*p && ok) {
        size_t n = strcspn(p, " ");
        size_t digits = strspn(p, "-0123456789./");
        char part[128];
        snprintf(part, sizeof part, "%.*s", (int)(n < sizeof part ? n : sizeof part - 1), p);
        const table_entry *u = table_get(lang->units, part), *c = table_get(lang->currencies, part);
        if (digits == n && n > 0) {
            for (size_t k = 0; k < n && ok; k++) {
                if (p[k] == '-')
                    ok = sb_word(out, k ? "guion" : "menos");
                else if (p[k] == '.')
                    ok = sb_word(out, ES_MARK(t));
                else if (p[k] == '/')
                    ok = sb_word(out, "barra");
                else
                    ok = es_digits(&lang->num, out, p + k, 1);
            }
        } else if (!strcmp(part, "%"))
            ok = sb_word(out, "por ciento");
        else if (u || c)
            ok = es_say_form(out, (u ? u : c)->spoken, true);
        else if (n)
            ok = sb_wordn(out, p, n);
        p += n + (p[n] == ' ');
    }
    if (ok && cur) ok = es_say_form(out, cur->spoken, true);
    if (ok && t->cls == SEM_PERCENT) ok = sb_word(out, "por ciento");
    return ok;
}

bool es_verbalize_falls_back(const es_lang *lang, const sem_token *t)
{
    verbalizer v = verbalizers[t->cls];
    strbuf scratch = {0};
    bool ok = v(lang, t, &scratch);
    sb_free(&scratch);
    return !ok;
}

loc_status es_verbalize(const es_lang *lang, const sem_token *t, strbuf *out)
{
    verbalizer v = verbalizers[t->cls];
    size_t from = out->len;
    bool ok = v(lang, t, out);
    if (!ok) { /* no rule could say it (0.º, 30 digits): never a failed run */
        if (out->data) {
            out->len = from;
            out->data[from] = '\0';
        }
        ok = say_fallback(lang, t, out);
    }
    if (ok && (t->flags & SEM_CAPITAL)) { /* veintiuna -> Veintiuna */
        while (from < out->len && out->data[from] == ' ')
            from++;
        utf8_capitalize_at(out, from);
    }
    /* a final abbreviation's point is also the sentence's: "etc." -> "etcétera." */
    if (ok && t->cls != SEM_PUNCT && (t->flags & SEM_SENTENCE_END)) ok = sb_puts(out, ".");
    return ok ? LOC_OK : LOC_ERR_NOMEM;
}

static const char *const class_names[] = {
#define SEM_NAME(name, reading) #name,
    SEM_CLASS_LIST(SEM_NAME)
#undef SEM_NAME
};

const char *sem_class_name(sem_class cls)
{
    return (unsigned)cls < SEM_CLASS_COUNT ? class_names[cls] : "?";
}
