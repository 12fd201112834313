/* es_foreign.c - foreign names and loanwords said with Spanish sounds: Whitfield -> Uítfild.
 *
 * A word the lexicon does not know is looked at only when its letters could be foreign
 * (gate()); then spanish-words.tsv keeps Spanish words out, foreign-cues.tsv guesses its
 * language, and either espeak-ng's phonemes in that language are mapped to Spanish letters
 * (foreign-phonemes.tsv) or, for languages spelled as they sound, spelling rules rewrite it
 * (foreign-spelling.tsv). The words of one name share its language (es_foreign_names). The
 * Spanish voice then reads the respelling. */
#include "es_foreign.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "es_guarani.h"
#include "es_lang.h"
#include "semiotic.h"
#include "table.h"
#include "token.h"
#include "utf8.h"

struct es_foreign {
    es_phonemes_fn phonemes;
    void *user;
    table *cache;     /* word -> its approximation, "" when it is left as written */
    table *languages; /* word -> its guessed language: score digit and code ("3en", "0") */
    FILE *verbose;
};

es_foreign *es_foreign_new(es_phonemes_fn phonemes, void *user)
{
    es_foreign *f = calloc(1, sizeof *f);
    if (!f) return NULL;
    f->phonemes = phonemes;
    f->user = user;
    f->cache = table_new();
    f->languages = table_new();
    if (!f->cache || !f->languages) {
        es_foreign_free(f);
        return NULL;
    }
    return f;
}

void es_foreign_free(es_foreign *f)
{
    if (!f) return;
    table_free(f->cache);
    table_free(f->languages);
    free(f);
}

void es_foreign_set_verbose(es_foreign *f, FILE *out)
{
    f->verbose = out;
}

/* ---- Spanish letters ---- */

static bool is_vowel_letter(char c)
{
    return c && strchr("aeiou", c) != NULL;
}

/* The vowel of a UTF-8 accented vowel at p (á -> a), or 0. */
static char plain_vowel(const char *p)
{
    /* not words (letters): accented vowels */
    static const char *const acute[] = {"á", "é", "í", "ó", "ú", "ü"};
    for (size_t i = 0; i < 6; i++)
        if (strncmp(p, acute[i], 2) == 0) return "aeiouu"[i];
    return is_vowel_letter(*p) ? *p : 0;
}

static bool is_consonant_letter(char c)
{
    return c && strchr("bcdfghjklmnpqrstvwxz", c) != NULL;
}

static bool misplaced_acute(const char *w, size_t n);

/* ---- the gate: could these letters be foreign at all? ---- */

/* Has a word a letter only Vietnamese writes (ơ ư đ, or a vowel with a dot below or a hook:
 * Thị, Trần, Đông)? No voice here reads Vietnamese: its spelling rules (vi) say it as written,
 * h as j (Hương -> Juong), and its marks are dropped. */
static bool vietnamese(const char *w)
{
    for (const unsigned char *p = (const unsigned char *)w; *p; p++)
        if ((p[0] == 0xE1 && ((p[1] == 0xBA && p[2] >= 0xA0) || (p[1] == 0xBB && p[2] <= 0xB9))) ||
            (p[0] == 0xC6 && (p[1] == 0xA0 || p[1] == 0xA1 || p[1] == 0xAF || p[1] == 0xB0)))
            return true;
    /* đ with a vowel Vietnamese marks (Đông, Đà); Serbian's đ has none (Đurđević) */
    return (strstr(w, "\xC4\x90") || strstr(w, "\xC4\x91")) &&
           (strstr(w, "ô") || strstr(w, "â") || strstr(w, "ê") || strstr(w, "ă") || strstr(w, "à"));
}

/* True when a lower-case word has a letter, pair or ending Spanish words lack (w, k, y, q
 * without u, a doubled consonant, h after a consonant, ou, a foreign accent, a final t or cluster).
 * Every cue in foreign-cues.tsv needs one of these, so plain Spanish words cost one pass. */
static bool gate(const char *w, size_t n)
{
    if (n < 3) return false; /* Py, Wu: too short to tell */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        if (c == 'w' || c == 'k' || c == 'y' || c == '\'') return true;
        if (c == 'q' && w[i + 1] != 'u') return true; /* Qasr, Duqm: a q Spanish never writes */
        if (c >= 0x80) {
            if (c == 0xC3 && i + 1 < n) {
                unsigned char d = (unsigned char)w[i + 1];
                /* á é í ó ú ñ ü (and capitals) are Spanish; any other Latin-1 letter is not,
                 * nor an ü that is not after g (Jürgen; pingüino) */
                if (!strchr("\xA1\xA9\xAD\xB3\xBA\xB1\xBC\x81\x89\x8D\x93\x9A\x91\x9C", d))
                    return true;
                if ((d == 0xBC || d == 0x9C) && (i == 0 || w[i - 1] != 'g')) return true;
                i++;
                continue;
            }
            if (c == 0xE2 && i + 2 < n && (unsigned char)w[i + 1] == 0x80 &&
                (unsigned char)w[i + 2] == 0x99)
                return true;                         /* ’ */
            if (c >= 0xC4 && c <= 0xC8) return true; /* ł ś ć ż ę ą ..., Romanian ș ț */
            continue;
        }
        if (i > 0 && c == (unsigned char)w[i - 1] && is_consonant_letter((char)c) && c != 'l' &&
            c != 'r' && c != 'c' && c != 'n')
            return true;
        if (c == 'h' && i > 0 && is_consonant_letter(w[i - 1]) &&
            (w[i - 1] != 'c' || (i > 1 && w[i - 2] == 'c')))
            return true; /* sh, th, Civitavecchia; not chico */
        if (c == 'n' && i > 0 && w[i - 1] == 'g' && is_vowel_letter(w[i + 1]))
            return true; /* Foligno, Bagnoli; Spanish digno is in the word list */
        if (c == 'n' && i > 2 && w[i - 1] == 'n' && strncmp(w, "con", 3) && strncmp(w, "sin", 3) &&
            strncmp(w, "peren", 5))
            return true; /* Glenn, Jennifer; not innato, ennegrecer, connivencia */
        if (c == 'u' && i > 0 && w[i - 1] == 'o') return true;
        if (c == 'c' && i > 0 && w[i - 1] == 'c' && i + 1 < n && strchr("aou", w[i + 1]))
            return true; /* Lecco, Baiocco: Spanish doubles a c only before e or i (acción) */
        if (i + 3 <= n && !strncmp(w + i, "cci", 3) &&
            (i + 3 == n || w[i + 3] == 'a' || (w[i + 3] == 'o' && i + 4 == n)))
            return true; /* Bonucci, Boccia, Bertoccio; not acción */
        if (i + 3 <= n &&
            (!strncmp(w + i, "eau", 3) || !strncmp(w + i, "eux", 3) || !strncmp(w + i, "tch", 3)))
            return true;
        if (i > 0 && (c == 'o' || c == 'e' || c == 'a') && (w[i - 1] == c || w[i - 1] == 'o') &&
            !(c == 'o' && w[i - 1] == 'o' && i + 1 == n))
            return true; /* Moose, Greene, Oakes; Spanish words with oo, ee, oa are listed */
        if (i + 4 <= n && !strncmp(w + i, "ault", 4)) return true;
        if (c == 'j' && i > 0 && w[i - 1] == 'i' && !plain_vowel(w + i + 1))
            return true; /* Dutch ij: Dijkstra, Heijmans; not hijo */
        if (c == 'u' && i > 0 && w[i - 1] == 'u') return true; /* Ruud */
    }
    if (n >= 3 && w[1] == 'j' && strchr("bfhs", w[0]))
        return true; /* Nordic and Dutch: Bjørn, Fjeld, Hjalmar, Sjoerd */
    if (n >= 3 && ((w[0] == 'v' && w[1] == 'l') || (w[0] == 'z' && w[1] == 'w')))
        return true; /* Vlissingen, Zwolle */
    if (n >= 3 && (w[0] == 'c' || w[0] == 'g') && w[1] == 'i' && strchr("aou", w[2]))
        return true; /* Giacomo, Ciampi; ciudad is in the word list */
    if (w[0] == 's' && w[1] == 'c' && (w[2] == 'i' || w[2] == 'e' || w[2] == 'h')) return true;
    if (w[0] == 's' && is_consonant_letter(w[1])) return true; /* streamers: never Spanish */
    if (w[0] == 'm' && w[1] == 'c') return true;               /* McAllister */
    if ((w[0] == 'm' || w[0] == 'n') && strchr("bdgknpstwz", w[1]))
        return true; /* an African nasal onset: Mbemba, Ndidi, Nkosi, Nsimba */
    if (w[0] == 'c' && w[1] == 's') return true; /* Csaba */
    if (w[0] == 'g' && w[1] == 'd') return true; /* Gdynia, Gdańsk */
    if (w[0] == 'h' && is_consonant_letter(w[1]) && w[1] != 'y')
        return true; /* Hristo, Hnatiuk, Hsu: no Spanish word starts so */
    if (!strncmp(w, "chep", 4) || !strncmp(w, "jep", 3)) return true; /* Cheptegei, Jepchirchir */
    if (strstr(w, "dge") || strstr(w, "sch")) return true;            /* Pinebridge, Brioschi */
    if (strstr(w, "dz")) return true;                                 /* Tsertsvadze, Dziedzic */
    if (n >= 4 && w[n - 1] == 'h' && is_vowel_letter(w[n - 2]))
        return true; /* Jafarzadeh, Najibullah, Fatemeh: no Spanish word ends so */
    const char *sz = strstr(w, "sz");
    if ((sz && (sz[2] || sz == w || !plain_vowel(sz - 1))) || strstr(w, "zs") ||
        strstr(w, "v\xC3\xA1r"))
        return true; /* Szabó, Kertész, Fehérvár: Hungarian; not Bosz (Dutch) */
    if (n >= 5 && !strcmp(w + n - 4, "ov\xC3\xA1")) return true; /* Muchová */
    if (n >= 6 && !strcmp(w + n - 4, "tech")) return true;       /* Agritech, Biotech */
    if (n >= 8 && !strcmp(w + n - 5, "ingen")) return true;      /* Reutlingen, Sindelfingen */
    if (n >= 4 && (w[0] == 'c' || w[0] == 'y') && w[1] == 'h' && w[2] == 'i' && strchr("aou", w[3]))
        return true; /* Chioggia; Chiapas is listed */
    if (n >= 5 && !strcmp(w + n - 3, "ain") && strchr("lmrt", w[n - 4]))
        return true;                         /* Romain, Poulain; not Beasain */
    if (!strncmp(w, "jean", 4)) return true; /* Jean, Jeanne */
    if ((n >= 7 && !strcmp(w + n - 3, "ier")) || strstr(w, "aison"))
        return true;                                           /* Pontarlier, Maison; not Asier */
    if (w[0] == 'y' && is_consonant_letter(w[1])) return true; /* Yverdon, Yves */
    for (const char *g = strstr(w, "gli"); g; g = strstr(g + 1, "gli"))
        if (is_vowel_letter(g[3])) return true; /* Bisceglie */
    char last = w[n - 1], before = w[n - 2];
    if (strchr("bfgkptvx", last)) return true;
    if (last == 'j' && before == 'e') return true; /* Andrej, Matej: no Spanish word ends so */
    if (n >= 6 && !strcmp(w + n - 3, "nja")) return true; /* Nemanja; granja, monja are listed */
    if (last == 'm' && n >= 4 && !strcmp(w + n - 3, "\xC3\xA9m")) return true; /* Belém */
    if (last == 'h' && before == 'c' && n >= 3 && is_consonant_letter(w[n - 3])) return true;
    if ((last == 'd' || last == 's') && is_consonant_letter(before) && before != 'n' &&
        before != 'r' && before != 'l')
        return true;
    if (last == 'd' && (before == 'n' || before == 'r' || before == 'l')) return true;
    if (last == 's' && before == 'r') return true; /* dealers */
    if (n >= 3 &&
        (!strcmp(w + n - 3, "ois") || !strcmp(w + n - 3, "aud") || !strcmp(w + n - 3, "sne")))
        return true;
    if (n >= 4 && !strcmp(w + n - 4, "elle")) return true;
    if (n >= 4 && last == 'l' && before == 'l') return true; /* Bell, Hill; Sabadell is listed */
    if (n >= 6 && !strcmp(w + n - 3, "lli")) return true;    /* Bertinelli; Panguipulli is listed */
    if (n >= 7 && !strcmp(w + n - 4, "gate")) return true;   /* Harrogate, Ramsgate */
    if ((n >= 3 && !strcmp(w + n - 3, "eur")) || !strncmp(w, "ober", 4))
        return true; /* Fleur, Oberhuber */
    for (const char *z = strstr(w, "zi"); z; z = strstr(z + 1, "zi"))
        if (is_vowel_letter(z[2])) return true; /* Graziella, Cinzia */
    if (n >= 4 && !strcmp(w + n - 4, "oise")) return true;
    if (n >= 7 && !strcmp(w + n - 5, "stone")) return true; /* Livingstone, Goldstone */
    if (n >= 6 && !strcmp(w + n - 3, "ton")) return true;   /* Brambleton; Spanish writes -tón */
    return misplaced_acute(w, n);
}

/* ---- cues ---- */

typedef struct {
    const char *word; /* lower case */
    size_t n;
    unsigned char has[256]; /* which bytes the word holds */
    char codes[8][4];       /* languages seen */
    int scores[8];
    size_t ncodes;
} cue_scan;

static bool class_match(char cls, char c)
{
    if (cls == 'C') return is_consonant_letter(c) || c == 'y';
    if (cls == 'V') return is_vowel_letter(c);
    return cls == c;
}

/* Does pattern p (letters, C, V, [set], ^, $) match word w at byte i? */
static bool match_at(const char *p, const char *w, size_t n, size_t i)
{
    if (*p == '^') {
        if (i != 0) return false;
        p++;
    }
    for (; *p && *p != '$'; p++) {
        if (i >= n) return false;
        if (*p == '[') { /* one of a set of letters, UTF-8 ones whole: [áéíóú] */
            const char *close = strchr(p, ']');
            if (!close) return false;
            size_t len = ((unsigned char)w[i] & 0x80) && i + 1 < n ? 2 : 1, k = 0;
            for (const char *q = p + 1; q < close && !k; q += ((unsigned char)*q & 0x80) ? 2 : 1)
                if (!memcmp(q, w + i, len)) k = len;
            if (!k) return false;
            p = close;
            i += k;
            continue;
        }
        if (*p == 'C' || *p == 'V') {
            if (!class_match(*p, w[i])) return false;
            i++;
            continue;
        }
        size_t len = 1;
        while (p[len] && p[len] != '$' && p[len] != '[' && p[len] != 'C' && p[len] != 'V' &&
               ((unsigned char)p[len] & 0xC0) == 0x80)
            len++; /* the rest of a UTF-8 letter */
        if (i + len > n || memcmp(p, w + i, len) != 0) return false;
        p += len - 1;
        i += len;
    }
    return *p != '$' || i == n;
}

/* A doubled consonant Spanish never doubles, or sch before e or i, in a word ending in a, i
 * or o: Italian (Ottavio, Gennaro, Filippo, bruschetta; not Maggie, Jukka). */
static bool italian_double(const char *w, size_t n)
{
    if (n < 6 || !strchr("aio", w[n - 1])) return false;
    const char *sch = strstr(w, "sch");
    if (sch && (sch[3] == 'e' || sch[3] == 'i')) return true; /* bruschetta, Brioschi */
    for (size_t i = 1; i + 1 < n; i++)                        /* not ss: Catalan Terrassa */
        if (w[i] == w[i - 1] && strchr("bdfgmnptvz", w[i])) return true;
    return false;
}

/* Adds weight to a language's score. */
static void add_score(cue_scan *s, const char *code, int weight)
{
    size_t k = 0;
    while (k < s->ncodes && strcmp(s->codes[k], code) != 0)
        k++;
    if (k == s->ncodes) {
        if (s->ncodes == 8) return;
        snprintf(s->codes[k], sizeof s->codes[k], "%s", code);
        s->scores[k] = 0;
        s->ncodes++;
    }
    s->scores[k] += weight;
}

/* Could pattern p match a word holding these bytes? Every letter outside [sets] must be there
 * (sh needs s and h): most cues are ruled out without trying each position. */
static bool letters_present(const char *p, const unsigned char *has)
{
    for (; *p; p++) {
        if (*p == '[') {
            const char *close = strchr(p, ']');
            if (!close) return true;
            p = close;
        } else if (*p != '^' && *p != '$' && *p != 'C' && *p != 'V' && !has[(unsigned char)*p]) {
            return false;
        }
    }
    return true;
}

static void score_cue(const table_entry *e, void *ctx)
{
    cue_scan *s = ctx;
    if (!letters_present(e->written, s->has)) return;
    bool found = false;
    for (size_t i = 0; i < s->n && !found; i++)
        found = match_at(e->written, s->word, s->n, i);
    if (!found) return;
    char w[8];
    table_feature(e->features, "w", w, sizeof w);
    add_score(s, e->spoken, atoi(w));
}

/* Is low[0..n) in spanish-words.tsv or spanish-common-words.tsv? */
static bool listed_spanish(const es_lang *lang, const char *low, size_t n)
{
    return table_getn(lang->spanish_words, low, n) || wordfile_has(lang->spanish_common, low, n);
}

/* A participle of a listed verb, which the word lists leave out: unido, cerradas, vendidos. */
static bool participle(const es_lang *lang, const char *low, size_t n)
{
    if (n > 5 && low[n - 1] == 's') n--;
    if (n < 5 || (low[n - 1] != 'o' && low[n - 1] != 'a') || low[n - 2] != 'd') return false;
    char verb[64];
    if (n - 3 + 2 >= sizeof verb) return false;
    memcpy(verb, low, n - 3);
    const char *endings = low[n - 3] == 'a' ? "a" : low[n - 3] == 'i' ? "ei" : "";
    for (const char *e = endings; *e; e++) {
        verb[n - 3] = *e;
        verb[n - 2] = 'r';
        if (listed_spanish(lang, verb, n - 1)) return true;
    }
    return false;
}

/* A Spanish word in spanish-words.tsv or spanish-common-words.tsv, or its plural (pymes, clubes).
 */
static bool spanish(const es_lang *lang, const char *low, size_t n)
{
    if (es_listed_word(lang, low, n)) return true;              /* or its plural: transportes */
    const es_endings *prefixes = &lang->morph[ES_MORPH_PREFIX]; /* preemergencia */
    for (size_t k = 0; k < prefixes->n; k++) {
        size_t pl = prefixes->len[k];
        if (n >= pl + 5 && !strncmp(low, prefixes->s[k], pl) &&
            (es_listed_word(lang, low + pl, n - pl) || /* reexportaciones */
             (n >= pl + 8 && !gate(low + pl, n - pl) &&
              es_has_ending(lang, ES_MORPH_PREFIXED_END, low, n, 0))))
            return true; /* sobreendeudamiento */
    }
    return participle(lang, low, n);
}

/* Languages that have a voice or spelling rules here (the cue table's codes).
 * not words (language codes) */
static const char *const known_codes[] = {
    "en", "fr",  "de", "it", "pt", "pl", "cs", "hu", "tr", "ru", "nl", "sv", "nb", "fi", "zh",
    "ro", "nic", "ko", "lt", "ka", "hi", "ja", "ar", "el", "lv", "is", "vi", "hy", "az", "hr"};

/* Languages whose names Spanish news keeps as written: the trigram table's native codes.
 * not words (language codes) */
static const char *const native_codes[] = {"es", "ca", "gl", "eu"};

enum { TRIGRAM_LANGS = 16 }; /* languages the trigram table may hold */

static bool listed(const char *code, const char *const *codes, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (!strcmp(code, codes[i])) return true;
    return false;
}

/* Reads up to TRIGRAM_LANGS numbers of a trigram row into v; returns how many. */
static size_t row_values(const char *s, long *v)
{
    size_t count = 0;
    for (char *end; count < TRIGRAM_LANGS; s = end) {
        long x = strtol(s, &end, 10);
        if (end == s) break;
        v[count++] = x;
    }
    return count;
}

/* How likely a word's spelling is in each language of foreign-trigrams.tsv. */
typedef struct {
    char names[96];                  /* the "=codes" row, cut into codes */
    const char *code[TRIGRAM_LANGS]; /* into names */
    long sum[TRIGRAM_LANGS];         /* summed log shares of the word's trigrams, in tenths */
    size_t count, grams;
} trigram_score;

static bool score_trigrams(const es_lang *lang, const char *low, size_t n, trigram_score *t)
{
    const table_entry *codes = table_get(lang->foreign_trigrams, "=codes");
    const table_entry *floor = table_get(lang->foreign_trigrams, "=floor");
    char w[128];
    if (!codes || !floor || n + 3 > sizeof w) return false;
    long base[TRIGRAM_LANGS], v[TRIGRAM_LANGS];
    snprintf(t->names, sizeof t->names, "%s", codes->spoken);
    t->count = 0;
    for (char *save, *c = strtok_r(t->names, " ", &save); c && t->count < TRIGRAM_LANGS;
         c = strtok_r(NULL, " ", &save))
        t->code[t->count++] = c;
    if (row_values(floor->spoken, base) < t->count) return false;
    w[0] = '^';
    memcpy(w + 1, low, n);
    w[n + 1] = '$';
    size_t len = n + 2, at[130], points = 0;
    for (size_t i = 0; i < len; points++) {
        size_t size;
        utf8_decode(w + i, len - i, &size);
        at[points] = i;
        i += size;
    }
    at[points] = len;
    memset(t->sum, 0, sizeof t->sum);
    t->grams = points >= 3 ? points - 2 : 0;
    for (size_t k = 0; k + 3 <= points; k++) {
        const table_entry *e = table_getn(lang->foreign_trigrams, w + at[k], at[k + 3] - at[k]);
        size_t got = e ? row_values(e->spoken, v) : 0;
        for (size_t j = 0; j < t->count; j++)
            t->sum[j] += j < got ? v[j] : base[j];
    }
    return t->grams > 0;
}

/* code as the known_codes entry that names it (a pointer that outlives the caller's string), or
 * NULL when no voice or rules here read it. */
static const char *known_code(const char *code)
{
    for (size_t i = 0; i < sizeof known_codes / sizeof *known_codes; i++)
        if (!strcmp(code, known_codes[i])) return known_codes[i];
    return NULL;
}

/* The language with a voice or rules here (known_codes) that the trigrams like best, and its
 * sum; NULL when none is in the table. */
static const char *best_foreign(const trigram_score *t, long *sum)
{
    const char *best = NULL;
    *sum = LONG_MIN;
    for (size_t j = 0; j < t->count; j++) {
        const char *code = known_code(t->code[j]);
        if (code && t->sum[j] > *sum) {
            *sum = t->sum[j];
            best = code;
        }
    }
    return best;
}

/* The sum of the best language whose names Spanish news keeps as written. */
static long native_sum(const trigram_score *t)
{
    long sum = LONG_MIN;
    for (size_t j = 0; j < t->count; j++)
        if (listed(t->code[j], native_codes, sizeof native_codes / sizeof *native_codes) &&
            t->sum[j] > sum)
            sum = t->sum[j];
    return sum;
}

/* How far, per trigram, a language must beat another for the letters to decide (the table's
 * "=margin"). */
static long trigram_margin(const es_lang *lang)
{
    const table_entry *margin = table_get(lang->foreign_trigrams, "=margin");
    return margin ? atol(margin->spoken) : 8;
}

/* The language an unlisted name is spelled in by its letter trigrams (foreign-trigrams.tsv),
 * when it beats every language whose names Spanish keeps (es, ca, gl, eu) by the table's
 * "=margin" per trigram, and the table does not list it as a Spanish look-alike ("=serie"):
 * Eisele -> de, Scarpellini -> it, Tranter -> en; Garmendia, Sitges, Serie -> NULL. */
static const char *spelling_language(const es_lang *lang, const char *low, size_t n)
{
    trigram_score t;
    long best;
    char key[130];
    if (n + 2 > sizeof key) return NULL;
    key[0] = '=';
    memcpy(key + 1, low, n);
    if (table_getn(lang->foreign_trigrams, key, n + 1)) return NULL;
    if (!score_trigrams(lang, low, n, &t)) return NULL;
    const char *code = best_foreign(&t, &best);
    long native = native_sum(&t);
    if (!code || native == LONG_MIN) return NULL;
    return best - native >= trigram_margin(lang) * (long)t.grams ? code : NULL;
}

/* Of the languages whose cues score best, the one the word's trigrams like best (Zwolle: w en,
 * ^zw nl and de -> nl); first when only one scores best. */
static const char *tie_break(const es_lang *lang, const cue_scan *s, int best, const char *first)
{
    size_t tied = 0;
    for (size_t k = 0; k < s->ncodes; k++)
        tied += s->scores[k] == best;
    trigram_score t;
    if (tied < 2 || !score_trigrams(lang, s->word, s->n, &t)) return first;
    const char *code = first;
    long top = LONG_MIN;
    for (size_t k = 0; k < s->ncodes; k++)
        for (size_t j = 0; s->scores[k] == best && j < t.count; j++)
            if (!strcmp(t.code[j], s->codes[k]) && t.sum[j] > top) {
                top = t.sum[j];
                code = s->codes[k];
            }
    return code;
}

/* A capitalized word of five letters or more with no capital after its first: a name (four
 * is too few to judge by letters: Anne, Dale). */
static bool name_shape(const char *word, size_t n, size_t letters)
{
    if (letters < 5 || !utf8_starts_upper(word, n)) return false;
    for (size_t i = 1; i < n; i++)
        if (word[i] >= 'A' && word[i] <= 'Z') return false;
    return true;
}

/* The morae of a lower-case word spelled wholly in Hepburn romaji (morae of an onset and a vowel,
 * a syllabic n, doubled k s t p, oh before a consonant: Ohtani; none of English's ee, oo, ea;
 * ending in a vowel or n), else 0; *misread: it has a letter Spanish spelling lacks (k, j, w,
 * f, sh, ts, a y after a consonant; NULL: not wanted). Nishimoto 4. */
static size_t romaji_morae(const char *w, size_t n, bool *misread_out)
{
    /* not words (letters): romaji onsets, longest first */
    static const char *const onsets[] = {"sh", "ch", "ts", "ky", "gy", "ny", "hy", "by", "py",
                                         "my", "ry", "j",  "k",  "s",  "t",  "n",  "h",  "m",
                                         "y",  "r",  "w",  "g",  "z",  "d",  "b",  "p",  "f"};
    size_t morae = 0;
    bool misread = false;
    for (size_t i = 0; i < n;) {
        char c = w[i];
        if (strchr("aeiou", c)) {
            if (i + 1 < n && (c == w[i + 1] ? c == 'e' || c == 'o' : c == 'e' && w[i + 1] == 'a'))
                return false; /* ee oo ea: English */
            morae++;
            i++;
        } else if (c == 'n' && (i + 1 == n || !strchr("aeiouy", w[i + 1]))) {
            i++; /* a syllabic n */
        } else if (strchr("kstp", c) && i + 1 < n && w[i + 1] == c) {
            i++; /* a doubled consonant: Hattori, Hokkaido */
        } else if (c == 'h' && i > 0 && w[i - 1] == 'o' && i + 1 < n &&
                   !strchr("aeiou", w[i + 1])) {
            misread = true; /* oh: a long o (Ohtani) */
            i++;
        } else {
            size_t k = 0, len = 0;
            for (; k < sizeof onsets / sizeof *onsets; k++) {
                len = strlen(onsets[k]);
                if (i + len < n && !strncmp(w + i, onsets[k], len) && strchr("aeiou", w[i + len]))
                    break;
            }
            if (k == sizeof onsets / sizeof *onsets) return false;
            if ((c == 'w' && !strchr("ao", w[i + len])) ||
                (!strcmp(onsets[k], "ts") && w[i + len] != 'u') || (c == 'f' && w[i + len] != 'u'))
                return false;
            misread = misread || strchr("kjwf", c) || len == 2; /* not h, z: Yaiza, Yamaha */
            i += len;
        }
    }
    if (misread_out) *misread_out = misread;
    return n > 0 && (strchr("aeiou", w[n - 1]) || w[n - 1] == 'n') ? morae : 0;
}

/* Is a lower-case word Japanese in Hepburn romaji (romaji_morae: three morae or more, and a
 * letter Spanish would misread)? Kasahara, Nishimoto (not Ryota: two morae). */
static bool romaji(const char *w, size_t n)
{
    bool misread = false;
    return romaji_morae(w, n, &misread) >= 3 && misread;
}

/* Could a word of two morae or more be romaji, with none of the vowel pairs Japanese lacks and
 * pinyin has (ia ie ua uo)? Kenji, Shinji; not Jiayi, Junjie. */
static bool romaji_shaped(const char *w, size_t n)
{
    return romaji_morae(w, n, NULL) >= 2 && !strstr(w, "ia") && !strstr(w, "ie") &&
           !strstr(w, "ua") && !strstr(w, "uo");
}

/* Does a lower-case word carry one acute (á é í ó ú), where Spanish spelling would put it? */
static bool spanish_acute(const char *w, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if ((unsigned char)w[i] == 0xC3 && w[i + 1] && strchr("\xA1\xA9\xAD\xB3\xBA", w[i + 1]))
            return !misplaced_acute(w, n);
    return false;
}

/* How many pinyin syllables (an initial and a final) a lower-case word splits into, 0 when it
 * does not; *misread_out as pinyin() says. */
static size_t pinyin_syllables(const char *w, size_t n, int *misread_out)
{
    /* not words (letters): pinyin initials and finals, longest first */
    static const char *const initials[] = {"zh", "ch", "sh", "b", "p", "m", "f", "d",
                                           "t",  "n",  "l",  "g", "k", "h", "j", "q",
                                           "x",  "r",  "z",  "c", "s", "y", "w"};
    static const char *const finals[] = {
        "iang", "iong", "uang", "ueng", "iao", "ian", "uai", "uan", "ang", "eng", "ing",
        "ong",  "ai",   "ei",   "ao",   "ou",  "an",  "en",  "in",  "un",  "ia",  "ie",
        "iu",   "ua",   "uo",   "ui",   "ue",  "er",  "a",   "o",   "e",   "i",   "u"};
    size_t syllables = 0;
    int misread = 0;
    for (size_t i = 0; i < n;) {
        size_t il = 0;
        for (size_t k = 0; k < sizeof initials / sizeof *initials && !il; k++)
            if (!strncmp(w + i, initials[k], strlen(initials[k]))) il = strlen(initials[k]);
        size_t fl = 0;
        const char *final = NULL;
        for (size_t k = 0; k < sizeof finals / sizeof *finals && !fl; k++)
            if (i + il < n && !strncmp(w + i + il, finals[k], strlen(finals[k])))
                fl = strlen(final = finals[k]);
        if (!fl) return 0;
        bool jqx = il == 1 && strchr("jqx", w[i]);
        /* j q x before i or u alone (jiang, xue; not qua); er stands alone; a bare a, o, e only
           opens a word, and o follows b p m f w (bo, wo) */
        if (jqx && !(final[0] == 'i' || !strcmp(final, "u") || !strncmp(final, "ue", 2) ||
                     !strcmp(final, "un") || !strcmp(final, "uan")))
            return 0;
        if (!strcmp(final, "er") && il) return 0;
        if (!strcmp(final, "o") && (il ? !(il == 1 && strchr("bpmfw", w[i])) : i > 0)) return 0;
        if (w[i] == 'q' && final[0] == 'u') return 0; /* que, qu: Spanish (Moquegua) */
        if (final[0] == 'i' && strchr("aeou", final[1] ? final[1] : 'x') && il &&
            !strchr("bpmdtnljqx", w[i]))
            return 0; /* ia, ie, iu... follow b p m d t n l j q x only (Ajuria: no "ria") */
        if ((!strcmp(final, "a") || !strcmp(final, "o") || !strcmp(final, "e")) && !il && i > 0)
            return 0;
        size_t end = i + il + fl;
        bool ng_on = strstr(final, "ng") && end < n && !strchr("aeiou", w[end]);
        if (!strncmp(w + i, "zh", 2) || ng_on || !strcmp(final, "iang") || !strcmp(final, "uang") ||
            !strcmp(final, "iong"))
            misread = 2;
        else if (jqx && !misread)
            misread = 1;
        syllables++;
        i = end;
    }
    *misread_out = misread;
    return syllables;
}

/* How clearly a lower-case word is Chinese pinyin: syllables of an initial and a final, two or
 * more, with one Spanish would misread: 2 for a zh, iang, uang, iong or an ng before a consonant
 * (Changchun), 1 for a j, q or x alone (Qinwen; Dixie too, so English names need 2), else 0. A
 * final ng alone is not enough: Mining (Yibing takes Chinese from its surname); Bali, Tango,
 * Quaker are 0. */
static int pinyin(const char *w, size_t n)
{
    int misread = 0;
    return pinyin_syllables(w, n, &misread) >= 2 ? misread : 0;
}

/* Is a capitalized word pinyin (pinyin) that no names list claims and that Spanish, Catalan,
 * Galician or Basque would not spell so, unless its syllables say it clearly (Changchun, Qinwen;
 * not Julen, Uxue, Xunta)? */
static bool chinese(const es_lang *lang, const char *word, size_t n, const char *low, size_t ln)
{
    if (!utf8_starts_upper(word, n) || table_getn(lang->foreign_names, word, n)) return false;
    int clearly = pinyin(low, ln);
    if (clearly == 0 || (clearly == 1 && table_getn(lang->english_words, word, n)) ||
        spanish(lang, low, ln) || table_getn(lang->spanish_words, word, n))
        return false;
    if (clearly == 2) return true;     /* zh, iang, ng before a consonant: Changchun */
    if (strchr(low, 'q')) return true; /* q before i, which no other language writes: Tianqi */
    if (romaji_shaped(low, ln)) return false; /* Kenji, Shinji: Japanese as well */
    trigram_score t;
    long best;
    return score_trigrams(lang, low, ln, &t) && best_foreign(&t, &best) && best > native_sum(&t);
}

/* Is a word in english-words.tsv and spelled more like English than like Spanish, Catalan,
 * Galician or Basque by its trigrams, by less than the table's margin (Foster, Hollis; not
 * Ibadan or Salem, world names the English word lists hold too)? */
static bool english_listed(const es_lang *lang, const char *word, size_t n, const char *low,
                           size_t ln)
{
    if (!table_getn(lang->english_words, word, n)) return false;
    trigram_score t;
    if (ln < 5 || !score_trigrams(lang, low, ln, &t)) return true; /* Pike, Cole: too short */
    long en = LONG_MIN;
    for (size_t j = 0; j < t.count; j++)
        if (!strcmp(t.code[j], "en")) en = t.sum[j];
    return native_sum(&t) - en < trigram_margin(lang) * (long)t.grams;
}

/* Has a lower-case word a consonant letter: a plain one, ç ß ð þ, or one beyond Latin-1 (ş ł č)? */
static bool has_consonant(const char *w)
{
    for (const unsigned char *p = (const unsigned char *)w; *p; p++)
        if ((*p < 0x80 && strchr("bcdfghjklmnpqrstvwxz", *p)) || *p >= 0xC4 ||
            (p[0] == 0xC3 && p[1] && strchr("\xA7\x9F\xB0\xBE", p[1])))
            return true;
    return false;
}

/* The language a word's letters show, and how strongly (*score: its cues' weight; 3 for a
 * listed English name; 1 by trigrams alone; 0 by trigrams past a weak cue, which a names list
 * overrules: Sophie). */
static const char *guess_by_letters(const es_lang *lang, const char *word, size_t n, int *score)
{
    *score = 0;
    char low[128];
    if (n == 0 || n >= sizeof low) return NULL;
    es_lower(word, n, low, sizeof low);
    size_t ln = strlen(low);
    if (!es_lang_word_lists(lang)) return NULL;
    if (es_guarani_shape(word, n)) return NULL; /* Pytyvõ, Yguazú: es_guarani respells them */
    if (vietnamese(low)) {
        *score = 5;
        return known_code("vi"); /* Nguyễn Thị Hương */
    }
    bool lower_case = word[0] >= 'a' && word[0] <= 'z';
    if (lower_case && ln > 2 &&
        (!strcmp(low + ln - 2, "ee") || !strcmp(low + ln - 3, "ees") ||
         !strcmp(low + ln - 3, "een")))
        return NULL;                      /* lee, crees, deseen: Spanish verbs */
    if (!has_consonant(low)) return NULL; /* aaa (AAA), Aoa; not Ayşe */
    /* a name ending in c (Aurillac, Gignac; not celac, an acronym said as a word) */
    bool final_c = utf8_starts_upper(word, strlen(word)) && low[ln - 1] == 'c';
    bool inner_capital = false; /* MacLeod, DiCaprio */
    for (size_t i = 1; i + 1 < n && !inner_capital; i++)
        inner_capital =
            word[i] >= 'a' && word[i] <= 'z' && word[i + 1] >= 'A' && word[i + 1] <= 'Z';
    const table_entry *place = lang->region_cues ? table_getn(lang->region_cues, low, ln) : NULL;
    if (place && strcmp(place->spoken, "es-US"))
        return NULL; /* Reniec, Senamhi: a word that shows a Spanish-speaking region is its own */
    if (chinese(lang, word, n, low, ln)) {
        *score = 2;
        return known_code("zh"); /* Changchun, Yibing, Qinwen */
    }
    if (!gate(low, ln) && !final_c && !inner_capital) { /* Hollis, Foster: English names */
        *score = 3;
        if (english_listed(lang, word, n, low, ln)) return "en";
        if (!name_shape(word, n, ln) || spanish(lang, low, ln) ||
            table_getn(lang->spanish_words, word, n))
            return NULL;
        if (spanish_acute(low, ln)) return NULL; /* Estévez, Jacó: an acute where Spanish puts it */
        if (ln > 6 && !strcmp(low + ln - 4, "ense")) return NULL; /* Eldense: a Spanish demonym */
        if (strstr(low, "ts") && romaji(low, ln) && !table_getn(lang->foreign_names, word, n)) {
            *score = 2;
            return "ja"; /* Hamamatsu, Matsuda; not Chieti, and Fujimori as Peru says it */
        }
        *score = 1; /* letters alone: weaker than any cue, so a name never takes it */
        return spelling_language(lang, low, ln); /* Eisele, Scarpellini */
    }
    if (spanish(lang, low, ln) || table_getn(lang->spanish_words, word, n)) return NULL;
    if (lower_case && es_is_verb_form(lang, low, ln)) return NULL; /* leyeron, huyeron */
    if (lower_case && ln >= 7 && es_has_prefix(lang, ES_MORPH_PREFIX_O, low, ln) &&
        strcspn(low, "kwy") == ln && !strstr(low, "ing") && !strstr(low, "sh") &&
        !strstr(low, "th"))
        return NULL; /* coordina, coopera, microondas: a Spanish prefix's o before another */
    cue_scan s = {.word = low, .n = ln};
    for (size_t i = 0; i < ln; i++)
        s.has[(unsigned char)low[i]] = 1;
    table_foreach(lang->foreign_cues, score_cue, &s);
    /* French writes no acute but é: Fehérvár, Kertész are not French */
    bool french_acutes =
        !strstr(low, "á") && !strstr(low, "í") && !strstr(low, "ó") && !strstr(low, "ú");
    if (french_acutes &&
        (misplaced_acute(low, ln) || (strstr(low, "é") && strchr("bcfgkptv", low[ln - 1]))))
        add_score(&s, "fr", 4);                          /* Amélie, Aurélien, Étretat */
    if (italian_double(low, ln)) add_score(&s, "it", 3); /* Ottavio, Gennaro */
    int best = 0, native = 0;
    const char *code = NULL;
    for (size_t k = 0; k < s.ncodes; k++) {
        if (!strcmp(s.codes[k], "es")) {
            native = s.scores[k];
            continue;
        }
        if (s.scores[k] > best) {
            best = s.scores[k];
            code = s.codes[k];
        }
    }
    /* a romaji name beats weak cues, and English ones its letters set off (w, sh: Watanabe) */
    bool weak = best <= 2 || (code && !strcmp(code, "en") && best <= 4);
    if (weak && native == 0 && utf8_starts_upper(word, n) && romaji(low, ln) &&
        !table_getn(lang->english_words, word, n) && !table_getn(lang->foreign_names, word, n)) {
        *score = 2;
        return "ja"; /* Kasahara, Nishimoto */
    }
    if ((best < 2 || !code) && native == 0 && english_listed(lang, word, n, low, ln)) {
        *score = 3;
        return "en"; /* Banks: a listed English name with one weak cue */
    }
    if (best < 2 && native == 0 && name_shape(word, n, ln))
        return spelling_language(lang, low, ln); /* a weak cue (tt, nn): trigrams, score 0 */
    if (best < 2 || best <= native || !code) return NULL;
    *score = best;
    return known_code(tie_break(lang, &s, best, code));
}

/* Is code one of the space-separated codes? */
static bool among(const char *codes, const char *code)
{
    size_t k = strlen(code);
    for (const char *p = codes; (p = strstr(p, code)); p += k)
        if ((p == codes || p[-1] == ' ') && (p[k] == ' ' || !p[k])) return true;
    return false;
}

/* The language of a word, and how strongly (*score): a given name or surname in one language's
 * list (foreign-names.tsv) is that language's, as strongly as a cue (Jacopo, Detlef; Callum as
 * a listed English name); a name in several lists takes the one its letters show, else the
 * first, weakly (Tobias: de nb pt sv); any other word goes by its letters. */
static const char *guess_language_anew(const es_lang *lang, const char *word, size_t n, int *score)
{
    const char *code = guess_by_letters(lang, word, n, score);
    const table_entry *e = lang->foreign_names ? table_getn(lang->foreign_names, word, n) : NULL;
    if (!e) {
        if (code && *score == 0) *score = 1; /* Zottegem */
        return code;
    }
    if (code && *score > 0 && among(e->spoken, code)) {
        if (*score < 2) *score = 2;
        return code;
    }
    char first[8];
    size_t k = strcspn(e->spoken, " ");
    snprintf(first, sizeof first, "%.*s", (int)k, e->spoken);
    /* a Chinese surname outweighs its given name's English letters (Wu Yibing) */
    *score = e->spoken[k] ? 1 : !strcmp(first, "zh") ? 5 : !strcmp(first, "en") ? 3 : 2;
    return known_code(first);
}

/* guess_language_anew, remembered per word (a text repeats its names and words): the same
 * code pointer (a known_codes entry or "ja") and score. */
static const char *guess_language(const es_lang *lang, const char *word, size_t n, int *score)
{
    es_foreign *f = lang->foreign;
    char key[64];
    if (!f || n >= sizeof key) return guess_language_anew(lang, word, n, score);
    const table_entry *seen = table_getn(f->languages, word, n);
    if (seen) {
        *score = seen->spoken[0] - '0';
        const char *code = seen->spoken + 1;
        return !*code ? NULL : !strcmp(code, "ja") ? "ja" : known_code(code);
    }
    const char *code = guess_language_anew(lang, word, n, score);
    char said[16];
    if (*score >= 0 && *score <= 9) { /* scores are small; anything else is not remembered */
        memcpy(key, word, n);
        key[n] = '\0';
        snprintf(said, sizeof said, "%d%s", *score, code ? code : "");
        table_put(f->languages, key, said, "");
    }
    return code;
}

const char *es_foreign_language(const es_lang *lang, const char *word, size_t n)
{
    int score;
    return guess_language(lang, word, n, &score);
}

/* ---- the respelling ---- */

/* The vowel groups of a lower-case spelling: runs of a e i o u, y not before a vowel, and
 * w after a vowel (Brown, Snowden). Silent final e (Blake) is dropped when there are more
 * groups than the word has vowels. */
typedef struct {
    size_t start[64], len[64];
    size_t count;
} vowel_groups;

static bool spelled_vowel_at(const char *s, size_t i)
{
    char c = s[i];
    if (is_vowel_letter(c)) return true;
    if (c == 'y') return i > 0 && !is_vowel_letter(s[i + 1]);
    if (c == 'w') return i > 0 && is_vowel_letter(s[i - 1]) && !is_vowel_letter(s[i + 1]);
    return false;
}

static void find_groups(const char *s, vowel_groups *g)
{
    g->count = 0;
    for (size_t i = 0; s[i] && g->count < 64;) {
        if (!spelled_vowel_at(s, i)) {
            i++;
            continue;
        }
        size_t j = i;
        while (s[j] && spelled_vowel_at(s, j))
            j++;
        g->start[g->count] = i;
        g->len[g->count++] = j - i;
        i = j;
    }
}

/* One piece of output: letters and whether they hold the stressed vowel. */
typedef struct {
    char text[16];
    bool vowel, stressed;
} piece;

typedef struct {
    piece items[64];
    size_t count;
} pieces;

/* The spelled vowel of a group for a schwa: the first letter, or the last after i/e/u (-tion);
 * the a of a final -mouth, as writers spell it (Bournemouth -> Bórnmaz). */
static char group_vowel(const char *s, const vowel_groups *g, size_t k)
{
    if (k >= g->count || g->len[k] == 0) return 'e';
    const char *p = s + g->start[k];
    if (!strcmp(p, "outh") && p - s >= 1 && p[-1] == 'm') return 'a';
    char c = g->len[k] > 1 && strchr("ieu", p[0]) ? p[g->len[k] - 1] : p[0];
    if (c == 'y') return 'i';
    if (c == 'w') return p[0];
    return c;
}

/* Expands one mapping value's placeholders for nucleus k. */
static void expand(const char *value, const char *s, const vowel_groups *g, size_t k,
                   const char *prev_ph, const char *next_ph, bool name, piece *out)
{
    size_t o = 0;
    for (const char *v = value; *v && o + 4 < sizeof out->text; v++) {
        if (*v == '-') continue;
        if (*v == '*') {
            out->text[o++] = group_vowel(s, g, k);
        } else if (*v == 'R') {
            bool has = k < g->count && g->len[k] > 0;
            size_t after = has ? g->start[k] + g->len[k] : 0;
            if (has && s[after] == 'r')
                out->text[o++] = 'r';
            else if (has && g->len[k] >= 2) {
                char last = s[g->start[k] + g->len[k] - 1];
                if (is_vowel_letter(last) && (o == 0 || out->text[o - 1] != last))
                    out->text[o++] = last;
            }
        } else if (*v == 'E') { /* French in: a (Martin -> Martán), but e for ain, ein (Romén) */
            const char *p = k < g->count && g->len[k] > 0 ? s + g->start[k] : NULL;
            out->text[o++] = p && (p[0] == 'a' || p[0] == 'e') && p[1] == 'i' ? 'e' : 'a';
        } else if (*v == 'O') { /* the vowel of -ur -ir -er, said e, but o as spelled (work) */
            out->text[o++] = group_vowel(s, g, k) == 'o' ? 'o' : 'e';
        } else if (*v == 'N') { /* in a name, ng where no vowel, k or g follows: Kettering */
            out->text[o++] = 'n';
            bool vowel_next = next_ph && strchr("aeiouAEIOUV@03", next_ph[0]);
            if (name && (!next_ph || (!vowel_next && !strchr("kg", next_ph[0]))))
                out->text[o++] = 'G';
        } else if (*v == 'Y') { /* the British yod of ew, ue, ua: Matthews, Tuesday, Stuart */
            const char *p = k < g->count && g->len[k] > 0 ? s + g->start[k] : NULL;
            bool yod_spelling =
                p && (!strncmp(p, "ew", 2) || !strncmp(p, "ue", 2) || !strncmp(p, "ua", 2));
            bool glide_before = prev_ph && prev_ph[0] == 'j'; /* Kew: k j u: has its own */
            if (yod_spelling && !glide_before && p > s && strchr("tdnkpbfmvgh", p[-1]))
                out->text[o++] = 'i';
        } else if (*v == 'U') { /* Barlow, Road: ou; Probert, Athlone (an o alone), -borough: o */
            bool spelled_o = k < g->count && g->len[k] == 1;
            bool final_ough = k < g->count && !strcmp(s + g->start[k], "ough");
            bool vowel_next = next_ph && strchr("aeiouAEIOUV@03", next_ph[0]);
            if (final_ough) continue;
            if (!next_ph || vowel_next || (next_ph[0] != 'l' && !spelled_o)) out->text[o++] = 'u';
        } else {
            out->text[o++] = *v;
        }
    }
    out->text[o] = '\0';
}

/* Marks the stressed vowel while the respelling is built. */
enum { STRESS = '\1' };

/* The next letter after i, skipping the stress mark. */
static const char *next_letter(const char *raw, size_t i)
{
    const char *p = raw + i + 1;
    return *p == STRESS ? p + 1 : p;
}

/* Is nucleus k an o before a final -rough (Peterborough -> Píterboro, not Píterbaro)? */
static bool o_before_final_rough(const char *s, const vowel_groups *g, size_t k)
{
    return k < g->count && g->len[k] == 1 && s[g->start[k]] == 'o' &&
           !strcmp(s + g->start[k] + 1, "rough");
}

/* Spanish spelling of the placeholders K G W J between their neighbours. */
static void spell_consonants(const char *raw, strbuf *out)
{
    size_t n = strlen(raw);
    for (size_t i = 0; i < n; i++) {
        const char *after = next_letter(raw, i);
        char c = raw[i], next = *after;
        char nv = plain_vowel(after);
        bool front = nv == 'e' || nv == 'i' || next == 'J'; /* Kew -> Quiú */
        if (c == 'K') {
            sb_puts(out, front ? "qu" : "c");
        } else if (c == 'G' && i > 0 && raw[i - 1] == 'n' && next && strchr("KkcqGg", next)) {
            continue; /* the ng of German nk is an n before its k (Sankt -> Sanct) */
        } else if (c == 'G') {
            char then = next == 'W' ? plain_vowel(next_letter(after, 0)) : 0;
            if (then == 'e' || then == 'i') { /* Gwen -> Güen */
                sb_puts(out, "gü");
                i = (size_t)(after - raw);
            } else {
                sb_puts(out, front ? "gu" : "g");
            }
        } else if (c == 'W') {
            sb_putc(out, 'u');
        } else if (c == 'J' && out->len && out->data[out->len - 1] == 'i' && !nv) {
            continue; /* a glide after i and before a consonant adds nothing: Heijmans -> Jeimans */
        } else if (c == 'J') {
            char before = i > 0 && raw[i - 1] == STRESS && i > 1 ? raw[i - 2]
                          : i > 0                                ? raw[i - 1]
                                                                 : 0;
            bool after_consonant = before && (is_consonant_letter(before) || strchr("KG", before));
            sb_putc(out, after_consonant || !nv ? 'i' : 'y');
        } else {
            sb_putc(out, c);
        }
    }
}

/* Spanish syllable nuclei of a respelling: vowel runs, split between two strong vowels. Fills
 * nucleus start offsets; returns how many. */
static size_t nuclei(const char *s, size_t *at, size_t max)
{
    size_t count = 0;
    char prev = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t size = 1;
        utf8_decode(s + i, n - i, &size); /* a letter of any length: ẽ is three bytes */
        char v = plain_vowel(s + i);
        bool accented = size == 2 && v && v != 'u';
        if (v && v == 'u' && i > 0 && (s[i - 1] == 'q' || s[i - 1] == 'g') && size == 1) {
            i += size; /* the silent u of que, gue */
            continue;
        }
        if (v) {
            bool strong = strchr("aeo", v) || accented;
            bool prev_strong = prev && strchr("aeo", prev);
            bool joins = prev && !(strong && prev_strong);
            char then = plain_vowel(s + i + size);
            if (!strong && prev_strong && then && strchr("aeo", then))
                joins = false; /* a weak vowel between two strong ones glides into the next:
                                  Le-uar-den */
            if (!strong && prev && !prev_strong && then && strchr("aeo", then))
                joins = false; /* ...and after a falling pair: Es-cai-uard */
            if (!joins && count < max) at[count++] = i;
            prev = accented ? 'a' : v; /* an accented i or u stands alone, like a strong vowel */
        } else {
            prev = 0;
        }
        i += size;
    }
    return count;
}

/* An acute Spanish spelling would never write: two in a word, or an é on the next to last
 * syllable of a word ending in a vowel, n or s (Clémence, Amélie, Aurélien; Spanish has
 * Mérida, café, Andrés). French, mostly. */
static bool misplaced_acute(const char *w, size_t n)
{
    const char *e = NULL;
    size_t acutes = 0;
    for (size_t i = 0; i + 1 < n; i++)
        if ((unsigned char)w[i] == 0xC3 && strchr("\xA1\xA9\xAD\xB3\xBA", w[i + 1]) && w[i + 1]) {
            acutes++;
            if (w[i + 1] == '\xA9' && !e) e = w + i;
        }
    if (acutes >= 2) return true;
    if (!e || n >= 64) return false;
    char word[64];
    memcpy(word, w, n);
    word[n] = '\0';
    size_t at[32];
    size_t count = nuclei(word, at, 32);
    char last = word[n - 1];
    if (count < 2 || !(plain_vowel(word + n - 1) || last == 'n' || last == 's')) return false;
    size_t mine = 0;
    for (size_t k = 0; k < count; k++)
        if (at[k] <= (size_t)(e - w)) mine = k;
    return mine == count - 2;
}

/* not words (letters): accented vowels */
static const char *const accented[] = {"á", "é", "í", "ó", "ú"};

/* Writes s with an acute on the vowel at byte stress when Spanish rules would not stress it, or
 * when it opens a falling diphthong (Fráuque, espóiler). */
static void place_accent(const char *s, size_t stress, strbuf *out)
{
    size_t at[32];
    size_t count = nuclei(s, at, 32);
    size_t n = strlen(s);
    size_t mine = 0;
    for (size_t k = 0; k < count; k++)
        if (at[k] <= stress) mine = k;
    char last = n ? s[n - 1] : 0, before = n > 1 ? s[n - 2] : 0;
    /* an n or s after a consonant ends the word as a consonant does, as espeak-ng reads it
       (Rogers Róyers, Walters Uólters, Hargreaves Járgribs); but ns, ms: Jenkins */
    bool vowel_end =
        is_vowel_letter(last) ||
        ((last == 'n' || last == 's') &&
         (is_vowel_letter(before) || (last == 's' && (before == 'n' || before == 'm'))));
    size_t natural = count >= 2 && vowel_end ? count - 2 : count ? count - 1 : 0;
    /* a stressed i or u after a strong vowel in the same nucleus needs its accent, even in a
       word of one syllable (Loïc -> Loíc, as Raúl) */
    bool weak_in_pair = strchr("iu", s[stress]) && stress > at[mine];
    /* a stressed falling diphthong is written with its accent, as newsreaders' scripts do
       (Fráuque, espóiler): Spanish rules would leave it off, and espeak-ng then glides it */
    bool falling = strchr("aeo", s[stress]) && s[stress + 1] && strchr("iu", s[stress + 1]);
    /* a stressed e before n and a consonant is written é, as in the scripts: espeak-ng opens an
       unaccented one (Bréndan, Uéndi; Brendan says E) */
    bool open_e = s[stress] == 'e' && s[stress + 1] == 'n' && is_consonant_letter(s[stress + 2]);
    /* a stressed i or u before a strong vowel is a hiatus only its accent shows (Ewan -> Yúan,
       Mattia -> Matía): Spanish rules would glide it */
    bool weak_lead = strchr("iu", s[stress]) && s[stress + 1] && strchr("aeo", s[stress + 1]);
    bool mark = weak_lead || weak_in_pair || (count >= 2 && (mine != natural || falling || open_e));
    for (size_t i = 0; i < n; i++) {
        const char *v = strchr("aeiou", s[i]);
        if (mark && i == stress && v) {
            sb_puts(out, accented[v - "aeiou"]);
            continue;
        }
        sb_putc(out, s[i]);
    }
}

/* The stressed vowel of a spoken word, with its vowels grouped as Spanish spelling groups
 * them: its nucleus counted from the end (*from_end, 0 the last) and its place in that
 * nucleus counted from the nucleus's end (*within), since a spelling may hold a vowel the
 * speech glides (Ghiglione gil^'one, spelled Guilione). False when no vowel is stressed.
 * Jacopo j'a:kopo -> 2, 0; Mattia mat:'i;a (i a one group, as in Matia) -> 0, 1; Mihai mih'aI
 * -> 0, 1 (Mijái). */
static bool stressed_nucleus(const char *phonemes, size_t *from_end, size_t *within)
{
    char ph[256];
    snprintf(ph, sizeof ph, "%s", phonemes);
    char vowel[64];  /* each vowel's letter */
    bool joined[64]; /* in the same group as the vowel before it */
    size_t count = 0, stressed = (size_t)-1;
    bool after_vowel = false;
    for (char *save, *t = strtok_r(ph, "|", &save); t && count < 64;
         t = strtok_r(NULL, "|", &save)) {
        bool stress = *t == '\'';
        t += strspn(t, "',");
        const char *v = strchr("aeiouEOIUAYy@", *t); /* A Y y: Hungarian a, ö, ü (Gyula); @ ă */
        if (!*t || !v || t[1] == '-') { /* a consonant (@- is an r's glide); ; and : mark */
            after_vowel = after_vowel && !t[strspn(t, ";:")];
            continue;
        }
        char c = "aeioueoiuaeua"[v - "aeiouEOIUAYy@"];
        bool strong = strchr("aeo", c),
             prev_strong = after_vowel && strchr("aeo", vowel[count - 1]);
        joined[count] = after_vowel && !(strong && prev_strong);
        if (stress) stressed = count;
        vowel[count++] = c;
        after_vowel = true;
        const char *second = t[1] ? strchr("IUaeo", t[1]) : NULL;
        if (second && count < 64) { /* aI: a diphthong's glide (Mihai); eo: two (Gheorghe) */
            char c2 = "iuaeo"[second - "IUaeo"];
            joined[count] = !(strong && strchr("aeo", c2));
            if (stress && !joined[count]) stressed = count; /* Romanian eo, oa: the second */
            vowel[count++] = c2;
        }
    }
    if (stressed == (size_t)-1) return false;
    for (size_t i = 1; i + 1 < count; i++) /* a weak vowel between strong ones: Gioia o|ia */
        if (joined[i] && joined[i + 1] && !strchr("aeo", vowel[i]) && strchr("aeo", vowel[i - 1]) &&
            strchr("aeo", vowel[i + 1]))
            joined[i] = false;
    size_t groups_after = 0, last = stressed;
    for (size_t i = stressed + 1; i < count; i++)
        groups_after += !joined[i];
    while (last + 1 < count && joined[last + 1])
        last++;
    *from_end = groups_after;
    *within = last - stressed;
    return true;
}

bool es_foreign_stress(const char *spelled, const char *phonemes, strbuf *out)
{
    size_t from_end, within, at[32];
    for (const char *p = spelled; *p; p++)
        if ((unsigned char)p[0] == 0xC3 && (unsigned char)p[1] != 0xB1)
            return false; /* an accent says it already (Niccolò); ñ does not */
    if (!stressed_nucleus(phonemes, &from_end, &within)) return false;
    size_t count = nuclei(spelled, at, 32);
    if (from_end >= count) return false;
    size_t k = count - 1 - from_end, first = at[k], i = first;
    size_t next = k + 1 < count ? at[k + 1] : strlen(spelled);
    while (i + 1 < next && is_vowel_letter(spelled[i + 1]))
        i++; /* the nucleus's last vowel, then back: io in Guilione says Italian l^'o */
    for (; within > 0 && i > first; within--)
        i--;
    place_accent(spelled, i, out);
    return true;
}

/* Simplifies what Spanish does not say: doubled letters (and uu), a d between a consonant
 * and a final s (Edwards -> Eduars), a final ng. */
static void simplify(char *s)
{
    size_t o = 0;
    for (size_t i = 0; s[i]; i++) {
        bool doubles = is_consonant_letter(s[i]) || s[i] == 'u';
        if (o > 0 && s[i] == s[o - 1] && doubles) continue; /* Luelin, not Luuelin */
        if (o == 2 && s[1] == STRESS && s[i] == s[0] && doubles) {
            s[0] = STRESS; /* a first w and its stressed u: one u (Woolworth; not Toowoomba) */
            s[o - 1] = s[i];
            continue;
        }
        s[o++] = s[i];
    }
    s[o] = '\0';
    size_t n = o;
    if (n >= 3 && s[n - 1] == 's' && s[n - 2] == 'd' && is_consonant_letter(s[n - 3]) &&
        s[n - 3] != 's') {
        s[n - 2] = 's';
        s[n - 1] = '\0';
    }
}

/* French gn, said n j, is written ñ as Spanish writes coñac: Gagnon -> Gañón, Boulogne ->
 * Buloñ. ñ takes the two bytes of the ni it replaces. */
static void gn_as_enye(char *sp, const char *spell)
{
    const char *gn = strstr(spell, "gn");
    if (!gn || !is_vowel_letter(gn[2])) return;
    for (char *p = strstr(sp, "ni"); p; p = strstr(p + 1, "ni")) {
        const char *after = p[2] == STRESS ? p + 3 : p + 2;
        if (is_vowel_letter(*after) || !*after) {
            memcpy(p, "\xC3\xB1", 2);
            return;
        }
    }
}

/* A final consonant devoiced in speech is said as spelled, as Spanish readers do:
 * Hengstenberg -> ...berg, not ...berc. */
static void devoiced(char *sp, const char *spell)
{
    size_t n = strlen(sp), m = strlen(spell);
    if (!n || !m) return;
    static const char pairs[][2] = {{'c', 'g'}, {'t', 'd'}, {'p', 'b'}};
    for (size_t k = 0; k < 3; k++)
        if (sp[n - 1] == pairs[k][0] && spell[m - 1] == pairs[k][1]) sp[n - 1] = pairs[k][1];
}

/* A Polish w before sk, devoiced in speech, is said as spelled, as Spanish readers say -wski:
 * Wroblewski -> Vroblébsqui, not Vroblefsqui. */
static void polish_wski(char *sp, const char *spell)
{
    if (!strstr(spell, "wsk")) return;
    for (char *f = strchr(sp, 'f'); f; f = strchr(f + 1, 'f'))
        if (f[1] == 's' && (f[2] == 'q' || f[2] == 'c' || f[2] == 'k')) *f = 'b';
}

/* A Polish w the voice devoices after a consonant is a u before a vowel, as Spanish readers
 * say it (Kwiatkowski -> Cuiatcobsqui, not Cfiat-); a soft ń before a consonant is n (Kamiński
 * -> Caminsqui, not Camínisqui). */
static void polish_w_and_n(char *sp, const char *spell)
{
    if (!strchr(spell, 'f'))
        for (char *f = strchr(sp, 'f'); f; f = strchr(f + 1, 'f'))
            if (f > sp && is_consonant_letter(f[-1]) && is_vowel_letter(f[1])) *f = 'u';
    for (char *n = strstr(sp, "ni"); n; n = strstr(n + 1, "ni")) {
        char pair[3] = {'n', n[2], '\0'};
        if (is_consonant_letter(n[2]) && strstr(spell, pair))
            memmove(n + 1, n + 2, strlen(n + 2) + 1);
    }
    /* krz is kr, as writers spell it (Krzysztof -> Crishtof; the voice says k sh: Cshíshtof) */
    char *ksh = strstr(spell, "krz") ? strstr(sp, "csh") : NULL;
    if (ksh) {
        ksh[1] = 'r';
        memmove(ksh + 2, ksh + 3, strlen(ksh + 3) + 1);
    }
    /* a first ł before u is l, as writers spell it (Łukasiewicz -> Lucashévich, not Ucashébich):
       spell has ł as l already, and only ł is said u */
    if (spell[0] == 'l' && spell[1] == 'u' && (sp[0] == 'u' || (sp[0] == STRESS && sp[1] == 'u'))) {
        memmove(sp + 1, sp, strlen(sp) + 1);
        sp[0] = 'l';
    }
    /* a softness said twice is said once: ni + i (Dominik), ni + y before a vowel (Wiśniewski) */
    for (char *i = strstr(sp, "ii"); i; i = strstr(i, "ii"))
        memmove(i + 1, i + 2, strlen(i + 2) + 1);
    for (char *i = strstr(sp, "iy"); i; i = strstr(i + 1, "iy"))
        if (is_vowel_letter(i[2]) || i[2] == STRESS) memmove(i + 1, i + 2, strlen(i + 2) + 1);
}

/* A Nordic rs the voice says as one retroflex sound is r and s, as Spanish readers say it:
 * Halvorsen -> Jálvorsen (nb: r sh), Andersson -> Ánderson (sv: the r lost). */
static void nordic_rs(char *sp, const char *spell, bool swedish)
{
    if (!strstr(spell, "rs")) return;
    char *rsh = strstr(sp, "rsh");
    if (rsh) {
        memmove(rsh + 2, rsh + 3, strlen(rsh + 3) + 1);
        return;
    }
    if (!swedish || strstr(sp, "rs")) return;
    for (char *p = sp + 1; *p; p++) {
        bool after_vowel = is_vowel_letter(p[-1]) || ((unsigned char)p[-1] >= 0x80 && p - sp >= 2);
        if (*p == 's' && after_vowel) {
            memmove(p + 1, p, strlen(p) + 1);
            *p = 'r';
            return;
        }
    }
}

/* A Nordic h after a vowel and before a consonant is silent, though the voice says it (Ekdahl
 * Écdal, Grøndahl Gróndal, not Écdajl): the j it became goes. */
static void nordic_silent_h(char *sp, const char *spell)
{
    bool silent = false;
    for (const char *h = spell + 1; (h = strchr(h, 'h')) != NULL; h++)
        if (is_vowel_letter(h[-1]) && !is_vowel_letter(h[1]) && h[1] != 'j') silent = true;
    if (!silent) return;
    for (char *j = sp + 1; (j = strchr(j, 'j')) != NULL; j++)
        if ((is_vowel_letter(j[-1]) || j[-1] == STRESS) && j[1] && !is_vowel_letter(j[1]) &&
            j[1] != STRESS) {
            memmove(j, j + 1, strlen(j));
            return;
        }
}

/* A Norwegian or Danish nd inside a word keeps the d the voice drops, as Spanish readers say it
 * (Andersen Ándersen, Brøndby Bróndbi, Bjørndalen Biórndalen; a final nd is respell's). The
 * first one only: sp has room for two more letters, one for this d, one for a Danish kj's qui. */
static void nordic_inner_d(char *sp, const char *spell)
{
    const char *nd = strstr(spell, "nd");
    if (!nd || !nd[2] || strstr(sp, "nd")) return;
    size_t which = 0; /* the how-manieth n of the word it is */
    for (const char *p = spell; p < nd; p++)
        which += *p == 'n';
    for (char *n = sp; (n = strchr(n, 'n')) != NULL; n++)
        if (which-- == 0) {
            if (n[1] == 'd') return;
            memmove(n + 2, n + 1, strlen(n + 1) + 1);
            n[1] = 'd';
            return;
        }
}

/* The letters Spanish readers say in a Norwegian (Danish names too) or Swedish respelling sp of
 * spell where the voice says otherwise: rs, a silent h, an inner nd's d and a Danish kj
 * (Norwegian), a final rg (Swedish). sp has room for two more letters (respell). */
static void nordic_spelling(char *sp, const char *spell, bool swedish)
{
    nordic_rs(sp, spell, swedish);
    nordic_silent_h(sp, spell);
    size_t m = strlen(spell), sl = strlen(sp);
    if (swedish) { /* a final rg as spelled: Åberg Óberg, never Óberi */
        if (m > 2 && !strcmp(spell + m - 2, "rg") && sl > 2 &&
            (!strcmp(sp + sl - 2, "ri") || !strcmp(sp + sl - 2, "rj")))
            sp[sl - 1] = 'g';
        return;
    }
    nordic_inner_d(sp, spell);
    if (!strncmp(spell, "kj", 2) && !strncmp(sp, "sh", 2)) {
        memmove(sp + 3, sp + 2, strlen(sp + 2) + 1); /* a Danish kj: Kjærgaard Quiérgor */
        memcpy(sp, "qui", 3);
    }
}

/* A German st or sp inside a word said as Spanish readers say it, with s (Holstein -> Jolstain,
 * Kufstein -> Cufstain; a first St keeps its sh, Sturm -> Shturm, as does sch: Schmidt -> Shmit).
 */
static void german_st(char *sp, const char *spell)
{
    if (!sp[0] || strstr(spell, "scht") || strstr(spell, "schp") ||
        (!strstr(spell, "st") && !strstr(spell, "sp")))
        return;
    for (char *c = sp + 1; (c = strpbrk(c, "cs")) != NULL; c++) {
        if (c[1] != 'h' || (c[2] != 't' && c[2] != 'p')) continue;
        *c = 's'; /* cht, sht -> st */
        memmove(c + 1, c + 2, strlen(c + 2) + 1);
    }
}

/* A German d before a consonant, devoiced in speech, is said as spelled, as Spanish readers say it:
 * Sandhausen -> Sándjausen, Feldkirch -> Féldquirj (not Sántjausen, Féltquirj). */
static void german_inner_d(char *sp, const char *spell)
{
    /* not words (letters): a consonant after d, and the Spanish letters that may say it */
    static const char *const said_as[][2] = {{"h", "j"}, {"k", "qck"}, {"b", "b"}, {"g", "g"},
                                             {"f", "f"}, {"m", "m"},   {"l", "l"}, {"w", "bvu"}};
    char *from = sp;
    for (const char *d = strchr(spell, 'd'); d && d[1] && *from; d = strchr(d + 1, 'd')) {
        const char *next = NULL;
        for (size_t k = 0; k < sizeof said_as / sizeof said_as[0] && !next; k++)
            if (d[1] == said_as[k][0][0]) next = said_as[k][1];
        if (!next || d == spell) continue;
        for (char *t = strchr(from, 't'); t; t = strchr(t + 1, 't')) {
            const char *after = t[1] == STRESS ? t + 2 : t + 1;
            if (*after && strchr(next, *after)) {
                *t = 'd';
                from = t + 1;
                break;
            }
        }
    }
}

/* The Spanish letters for one phoneme of language code: at the end of the word its own row when
 * there is one (en:dZ$ Judge -> Yach), at the start too (en:^oU), and without a modifier espeak-ng
 * adds (I; -> I). NULL when the phoneme has no Spanish counterpart: it is left out. */
static const table_entry *phoneme_entry(const es_lang *lang, const char *code, const char *ph,
                                        bool first, bool last)
{
    char key[24];
    const table_entry *e = NULL;
    if (first) { /* en:^oU O'Donnell -> Odónel */
        snprintf(key, sizeof key, "%s:^%s", code, ph);
        e = table_get(lang->foreign_phonemes, key);
    }
    if (last && !e) {
        snprintf(key, sizeof key, "%s:%s$", code, ph);
        e = table_get(lang->foreign_phonemes, key);
    }
    snprintf(key, sizeof key, "%s:%s", code, ph);
    if (!e) e = table_get(lang->foreign_phonemes, key);
    size_t n = strlen(key);
    if (!e && n > 4 && strchr(";#/:", key[n - 1])) { /* o: -> o, a# -> a */
        key[n - 1] = '\0';
        e = table_get(lang->foreign_phonemes, key);
    }
    return e;
}

/* Latin letters with marks and their plain spelling, for aligning vowels with letters.
 * not words (letters) */
static const char *const folded[][2] = {
    {"à", "a"}, {"á", "a"}, {"â", "a"},  {"ã", "a"},  {"ä", "a"},  {"å", "a"}, {"æ", "ae"},
    {"ç", "c"}, {"è", "e"}, {"é", "e"},  {"ê", "e"},  {"ë", "e"},  {"ì", "i"}, {"í", "i"},
    {"î", "i"}, {"ï", "i"}, {"ð", "d"},  {"ñ", "n"},  {"ò", "o"},  {"ó", "o"}, {"ô", "o"},
    {"õ", "o"}, {"ö", "o"}, {"ø", "o"},  {"ù", "u"},  {"ú", "u"},  {"û", "u"}, {"ü", "u"},
    {"ý", "y"}, {"ÿ", "y"}, {"ß", "ss"}, {"þ", "th"}, {"œ", "oe"}, {"ą", "a"}, {"ć", "c"},
    {"ę", "e"}, {"ł", "l"}, {"ń", "n"},  {"ś", "s"},  {"ź", "z"},  {"ż", "z"}, {"č", "c"},
    {"š", "s"}, {"ž", "z"}, {"ř", "r"},  {"ő", "o"},  {"ű", "u"}};

/* Copies a lower-case word with its marked letters plain (Sørensen -> sorensen). */
static void fold_letters(const char *w, char *out, size_t size)
{
    size_t o = 0;
    for (const char *p = w; *p && o + 3 < size;) {
        size_t k = 0, count = sizeof folded / sizeof *folded;
        if ((unsigned char)*p >= 0x80)
            while (k < count && strncmp(p, folded[k][0], strlen(folded[k][0])) != 0)
                k++;
        if ((unsigned char)*p < 0x80 || k == count) {
            out[o++] = *p++;
            continue;
        }
        for (const char *f = folded[k][1]; *f; f++)
            out[o++] = *f;
        p += strlen(folded[k][0]);
    }
    out[o] = '\0';
}

/* Does a mapping value say a vowel (a syllable nucleus)? */
static bool value_is_nucleus(const char *v)
{
    for (; *v; v++)
        if (is_vowel_letter(*v) || *v == '*' || *v == 'O' || *v == 'E') return true;
    return false;
}

/* Is group gi a lone final e after a consonant, as English and French leave silent (Theodore)? */
static bool silent_e_shape(const char *s, const vowel_groups *g, size_t gi)
{
    size_t end = g->start[gi] + g->len[gi];
    return gi + 1 == g->count && gi > 0 && g->len[gi] == 1 && s[g->start[gi]] == 'e' &&
           g->start[gi] > 0 && is_consonant_letter(s[g->start[gi] - 1]) &&
           (s[end] == '\0' || !strcmp(s + end, "s"));
}

/* How badly spelled vowel group gi fits a nucleus said value: 0 when the group holds the
 * value's vowel (i also as y), 1 for a schwa (*, any spelling), else 2. */
static int fit_cost(const char *value, const char *s, const vowel_groups *g, size_t gi)
{
    char v = 0;
    for (const char *p = value; *p && !v; p++)
        if (is_vowel_letter(*p) || *p == '*' || *p == 'O') v = *p;
    if (strchr(value, 'R') && s[g->start[gi] + g->len[gi]] == 'r')
        return 0; /* an r-coloured vowel is the group before an r (Claire: the ai, not the e) */
    if (v == '*' || v == 'O') return 1;
    if (silent_e_shape(s, g, gi) && v != 'e') return 3; /* Theodore: the o, not the final e */
    bool ai = !strncmp(value, "ai", 2); /* English i and y say ai (Brian: i ai, a schwa) */
    bool ei = !strncmp(value, "ei", 2); /* English a says ei (Timberlake: the a, not the e) */
    for (size_t i = 0; i < g->len[gi]; i++) {
        char c = s[g->start[gi] + i];
        if (c == v || (v == 'i' && c == 'y') || (v == 'u' && c == 'w')) return 0;
        if ((ai && (c == 'i' || c == 'y')) || (ei && c == 'a')) return 0;
    }
    return 2;
}

/* A spelled group said with no vowel costs 3, a silent final e (Blake, Jones, Lovelace) 1. */
static int skip_cost(const char *s, const vowel_groups *g, size_t gi)
{
    size_t end = g->start[gi] + g->len[gi];
    bool final_e = gi + 1 == g->count && gi > 0 && s[g->start[gi]] == 'e' && g->len[gi] == 1 &&
                   (s[end] == '\0' || !strcmp(s + end, "s") || !strcmp(s + end, "d"));
    return final_e ? 1 : 3;
}

/* Aligns the nuclei (their mapping values, in order) with the spelled vowel groups at least
 * cost, so a vowel as spelled (*) and an r after it (R) come from the right letters even when
 * a spelled vowel is silent (Thornbury: o-u-y said as two nuclei) or one group is said as two
 * (Thierry: i-e). Fills spans with the letters of each nucleus (length 0: none). */
static void align_nuclei(const char *const *values, size_t nn, const char *s, const vowel_groups *g,
                         vowel_groups *spans)
{
    enum { NONE = 4, SPLIT = 1, MAXN = 64 };
    int cost[MAXN + 1][MAXN + 1];
    unsigned char how[MAXN + 1][MAXN + 1]; /* 0 match, 1 skip group, 2 no group, 3 split */
    size_t ng = g->count;
    vowel_groups one = {.count = 2}; /* a group's first letter, and the rest */
    for (size_t k = 0; k <= nn; k++)
        for (size_t j = 0; j <= ng; j++) {
            int best = k == 0 && j == 0 ? 0 : 1 << 20;
            unsigned char h = 0;
            int c;
            if (k > 0 && j > 0 &&
                (c = cost[k - 1][j - 1] + fit_cost(values[k - 1], s, g, j - 1)) < best) {
                best = c;
                h = 0;
            }
            if (j > 0 && (c = cost[k][j - 1] + skip_cost(s, g, j - 1)) < best) {
                best = c;
                h = 1;
            }
            if (k > 0 && (c = cost[k - 1][j] + NONE) < best) {
                best = c;
                h = 2;
            }
            if (k > 1 && j > 0 && g->len[j - 1] >= 2) {
                one.start[0] = g->start[j - 1];
                one.len[0] = 1;
                one.start[1] = g->start[j - 1] + 1;
                one.len[1] = g->len[j - 1] - 1;
                c = cost[k - 2][j - 1] + SPLIT + fit_cost(values[k - 2], s, &one, 0) +
                    fit_cost(values[k - 1], s, &one, 1);
                if (c < best) {
                    best = c;
                    h = 3;
                }
            }
            cost[k][j] = best;
            how[k][j] = h;
        }
    spans->count = nn;
    for (size_t k = nn, j = ng; k > 0 || j > 0;) {
        unsigned char h = how[k][j];
        if (h == 0 && k > 0 && j > 0) {
            k--;
            j--;
            spans->start[k] = g->start[j];
            spans->len[k] = g->len[j];
        } else if (h == 1 && j > 0) {
            j--;
        } else if (h == 3 && k > 1 && j > 0) {
            j--;
            k -= 2;
            spans->start[k] = g->start[j];
            spans->len[k] = 1;
            spans->start[k + 1] = g->start[j] + 1;
            spans->len[k + 1] = g->len[j] - 1;
        } else {
            k--;
            spans->start[k] = 0;
            spans->len[k] = 0;
        }
    }
}

/* A ch before a consonant at the start, which Spanish never says, as sh: the German and English
 * sh sound there (Schmidt -> Shmit, Shrewsbury -> Shrúsbri; not Sheffield -> Chéfild, Ashby). */
static void sh_before_consonant(strbuf *out, size_t start)
{
    char *p = out->data ? out->data + start : NULL;
    if (p && (p[0] == 'c' || p[0] == 'C') && p[1] == 'h' && is_consonant_letter(p[2]) &&
        p[2] != 'h')
        p[0] = p[0] == 'C' ? 'S' : 's';
}

/* Puts an e before the approximation from start, capital if its first letter was: Smith ->
 * Esmiz. */
static void e_before(strbuf *out, size_t start)
{
    if (!sb_putc(out, ' ')) return; /* one byte more, then the word moves up into it */
    char *q = out->data + start;
    bool capital = q[0] >= 'A' && q[0] <= 'Z';
    memmove(q + 1, q, out->len - start - 1);
    q[0] = capital ? 'E' : 'e';
    q[1] = (char)(q[1] | 0x20);
}

/* An e before an s and a consonant at the start of the approximation from start, as Spanish
 * speakers say it: spoiler -> espóiler, Stockport -> Estócport (not Shannon). */
static void prothetic_e(strbuf *out, size_t start)
{
    const char *p = out->data ? out->data + start : "";
    if ((p[0] == 's' || p[0] == 'S') && is_consonant_letter(p[1]) && p[1] != 'h')
        e_before(out, start);
}

/* A j from a Dutch g Spanish cannot join to the r or l after it is g (Griet -> Grit, not Jrit;
 * but Hrubý -> Jrubi, as writers spell it). */
static void joined_j(strbuf *out, size_t start, const char *word)
{
    char *q = out->data ? out->data + start : NULL;
    if (q && (q[0] == 'j' || q[0] == 'J') && q[1] && strchr("rl", q[1]) && (word[0] | 0x20) == 'g')
        q[0] = q[0] == 'J' ? 'G' : 'g';
}

/* The start of an approximation from start as Spanish says it: g for a Dutch g before r or l,
 * sh before a consonant, an e before s and a consonant (a nasal and a consonant stay: Mthembu
 * Mtembu, Ndlovu; writers 27 to 9 against Emtembu, Endlovu, Engozi). */
static void spanish_onset(strbuf *out, size_t start, const char *word)
{
    joined_j(out, start, word);
    sh_before_consonant(out, start);
    prothetic_e(out, start);
}

/* Is phoneme ph a v or w after a word's first consonant prev that Spanish cannot join to a b
 * (z t d k g), said as the u glide: Zwolle -> Zuole, Kvalheim -> Cualjaim (espeak-ng spells a
 * Zb or Cb out letter by letter)? Sh and ts keep their v as writers spell them (Shvats,
 * Tsvíknagl), and s takes an e before it (Esvénson). */
static bool glide_after_onset(const char *prev, const char *ph)
{
    /* not words (letters): espeak-ng phoneme names */
    static const char *const onsets[] = {"z", "t", "d", "k", "g"};
    if (!prev || (strcmp(ph, "v") && strcmp(ph, "v#") && strcmp(ph, "w"))) return false;
    for (size_t k = 0; k < sizeof onsets / sizeof *onsets; k++)
        if (!strcmp(prev, onsets[k])) return true;
    return false;
}

/* es_foreign_respell; name: the word is a name, not a word that starts a sentence */
static bool respell(const es_lang *lang, const char *code, const char *word, const char *phonemes,
                    bool name, strbuf *out)
{
    char s[128];
    size_t o = 0;
    for (const char *p = word; *p && o + 1 < sizeof s; p++) /* letters only, lower case */
        if (*p != '\'' && *p != '-') s[o++] = *p;
    s[o] = '\0';
    char lower[128], low[128];
    es_lower(s, o, lower, sizeof lower);
    fold_letters(lower, low, sizeof low);
    /* Mc and Mac- names: the prefix is "mac", the rest aligned on its own */
    const char *spell = low;
    bool mac = !strncmp(low, "mc", 2);
    if (mac) spell = low + 2;
    vowel_groups g;
    find_groups(spell, &g);

    /* split the phonemes */
    char ph[256];
    snprintf(ph, sizeof ph, "%s", phonemes);
    char *tok[64];
    const char *said_in[64]; /* each phoneme's language: the voice may switch (fr (en) Berthelot) */
    const char *now = code;
    size_t nt = 0;
    for (char *t = strtok(ph, "| "); t && nt < 64; t = strtok(NULL, "| ")) {
        if (t[0] == '(') {
            char other[8];
            snprintf(other, sizeof other, "%.*s", (int)strcspn(t + 1, ")"), t + 1);
            now = !strcmp(other, "en-us") ? "en" : known_code(other);
            if (!now) return false; /* a language with no rows here */
            continue;
        }
        said_in[nt] = now;
        tok[nt++] = t;
    }
    pieces ps = {.count = 0};
    size_t skip = 0;
    if (mac) { /* m @ k */
        snprintf(ps.items[0].text, sizeof ps.items[0].text, "mac");
        ps.items[0].vowel = true;
        ps.count = 1;
        while (skip < nt && strchr("m@k", tok[skip][strlen(tok[skip]) - 1]) && skip < 3)
            skip++;
        /* before e or i its c is qu: McKenzie -> Maquénsi, McIlroy -> Maquílroi */
        const table_entry *next =
            skip < nt ? phoneme_entry(lang, said_in[skip], tok[skip] + strspn(tok[skip], "',"),
                                      true, skip + 1 == nt)
                      : NULL;
        if (next && next->spoken[0] && strchr("ei", next->spoken[0]))
            snprintf(ps.items[0].text, sizeof ps.items[0].text, "maqu");
    }
    /* the mapping of each phoneme, and which spelled vowel group each nucleus says */
    const table_entry *entry[64];
    const char *values[64] = {0};
    size_t nn = 0;
    for (size_t i = skip; i < nt; i++) {
        const char *t = tok[i] + strspn(tok[i], "',");
        entry[i] = phoneme_entry(lang, said_in[i], t, i == skip, i + 1 == nt);
        if (entry[i] && value_is_nucleus(entry[i]->spoken)) values[nn++] = entry[i]->spoken;
    }
    vowel_groups spans;
    align_nuclei(values, nn, spell, &g, &spans);
    size_t nucleus = 0;
    for (size_t i = skip; i < nt && ps.count < 64; i++) {
        const char *t = tok[i];
        bool stressed = false;
        while (*t == '\'' || *t == ',') {
            stressed = stressed || *t == '\'';
            t++;
        }
        const table_entry *e = entry[i];
        if (!e) continue;
        piece *pc = &ps.items[ps.count];
        const char *next = i + 1 < nt ? tok[i + 1] : NULL;
        if (next) next += strspn(next, "',");
        bool counts = value_is_nucleus(e->spoken);
        const char *prev = i > skip ? tok[i - 1] + strspn(tok[i - 1], "',") : NULL;
        const char *value = e->spoken;
        if (i == skip + 1 && glide_after_onset(prev, t)) value = "W";
        if (!strcmp(t, "V") && o_before_final_rough(spell, &spans, nucleus)) value = "o";
        expand(value, spell, &spans, counts ? nucleus : spans.count, prev, next, name, pc);
        pc->vowel = false;
        for (const char *v = pc->text; *v; v++)
            pc->vowel = pc->vowel || is_vowel_letter(*v);
        pc->stressed = stressed && pc->vowel;
        if (counts) nucleus++;
        if (pc->text[0]) ps.count++;
    }
    /* join, with STRESS before the stressed vowel so it survives the spelling changes */
    char raw[256];
    size_t r = 0;
    bool marked = false;
    for (size_t k = 0; k < ps.count && r + 20 < sizeof raw; k++) {
        const piece *pc = &ps.items[k];
        for (const char *v = pc->text; *v; v++) {
            bool yod = *v == 'i' && v[1] == 'u'; /* Tiúcsberi: the stress is the u's */
            if (pc->stressed && !marked && is_vowel_letter(*v) && !yod) {
                raw[r++] = STRESS;
                marked = true;
            }
            raw[r++] = *v;
        }
    }
    raw[r] = '\0';
    strbuf spelled = {0};
    spell_consonants(raw, &spelled);
    size_t m = strlen(spell);
    if ((!strcmp(code, "nb") || !strcmp(code, "sv")) && m > 2 && spell[m - 1] == 'd' &&
        strchr("ln", spell[m - 2]) && spelled.len && spelled.data[spelled.len - 1] == spell[m - 2])
        sb_putc(&spelled, 'd'); /* a Nordic final d Spanish readers say: Haugland -> Jáugland,
                                   but not after r: Søndergaard -> Sóndergor */
    if ((!strcmp(code, "sv") || !strcmp(code, "pl") || !strcmp(code, "nb")) && spelled.len &&
        sb_puts(&spelled, "rr")) { /* room for two letters nordic_spelling and polish_w_and_n
                                      may add */
        spelled.len -= 2;
        spelled.data[spelled.len] = '\0';
    }
    char nothing[1] = ""; /* simplify writes; never into a string literal */
    char *sp = spelled.data ? spelled.data : nothing;
    simplify(sp);
    devoiced(sp, spell);
    if (!strcmp(code, "fr")) gn_as_enye(sp, spell);
    if (!strcmp(code, "pl")) {
        polish_wski(sp, spell);
        polish_w_and_n(sp, spell);
    }
    if (!strcmp(code, "nb") || !strcmp(code, "sv")) nordic_spelling(sp, spell, !strcmp(code, "sv"));
    if (!strcmp(code, "de")) {
        german_st(sp, spell);
        german_inner_d(sp, spell);
    }
    /* an h after a g (gh) is not said: Raghunathan -> Rágunazan, not Rágjunazan */
    for (char *gj = strstr(spell, "gh") ? strstr(sp, "gj") : NULL; gj; gj = strstr(gj + 1, "gj"))
        memmove(gj + 1, gj + 2, strlen(gj + 2) + 1);
    /* a final o spelled alone is o, as writers spell it: Chicago, Orlando */
    size_t said_len = strlen(sp);
    if (m > 2 && spell[m - 1] == 'o' && is_consonant_letter(spell[m - 2]) && said_len > 2 &&
        !strcmp(sp + said_len - 2, "ou"))
        sp[said_len - 1] = '\0';
    char *mark = strchr(sp, STRESS);
    size_t stress = mark ? (size_t)(mark - sp) : (size_t)-1;
    if (mark) memmove(mark, mark + 1, strlen(mark));
    bool capital = utf8_starts_upper(word, strlen(word));
    size_t start = out->len;
    /* the onset first, so an e put before it counts as a syllable: Stray -> Estréi */
    strbuf onset = {0};
    sb_puts(&onset, sp);
    size_t before = onset.len;
    spanish_onset(&onset, 0, word);
    size_t added = onset.len - before;
    const char *said = onset.data ? onset.data : sp;
    if (stress != (size_t)-1 && is_vowel_letter(sp[stress]))
        place_accent(said, stress + added, out);
    else
        sb_puts(out, said);
    sb_free(&onset);
    sb_free(&spelled);
    if (capital) utf8_capitalize_at(out, start);
    return out->len > start;
}

bool es_foreign_rewrite(const es_lang *lang, const char *code, const char *word, strbuf *out)
{
    char low[128];
    size_t n = strlen(word);
    if (n >= sizeof low) return false;
    es_lower(word, n, low, sizeof low);
    n = strlen(low);
    size_t start = out->len;
    for (size_t i = 0; i < n;) {
        const table_entry *best = NULL;
        size_t best_len = 0;
        for (size_t len = n - i < 8 ? n - i : 8; len > 0 && !best; len--) { /* opoulos$ */
            char key[24];
            /* the same letters at the end ($) first, then anywhere */
            if (i + len == n) {
                snprintf(key, sizeof key, "%s:%.*s$", code, (int)len, low + i);
                best = table_get(lang->foreign_spelling, key);
            }
            if (!best && i == 0) {
                snprintf(key, sizeof key, "%s:^%.*s", code, (int)len, low + i);
                best = table_get(lang->foreign_spelling, key);
            }
            if (!best) {
                snprintf(key, sizeof key, "%s:%.*s", code, (int)len, low + i);
                best = table_get(lang->foreign_spelling, key);
            }
            if (best) best_len = len;
        }
        if (best) {
            sb_puts(out, best->spoken);
            i += best_len;
        } else {
            sb_putc(out, low[i]);
            i++;
        }
    }
    if (utf8_starts_upper(word, strlen(word))) utf8_capitalize_at(out, start);
    return out->len > start;
}

/* Languages read through an espeak-ng voice's phonemes, and the voice; the rest (it, pt, ru) go
 * through spelling rules. English is American: its r is said where it is spelled, as Spanish
 * newsreaders do (Thornbury -> Zórnberi). Danish names go through Norwegian (nb), said much as
 * they are spelled, which is how Spanish newsreaders say them; ø is o, as most writers say it
 * (Sørensen -> Sórensen, Ødegaard -> Ódegor).
 * not words (espeak-ng voices): language codes and the voice of each */
static const char *const voices[][2] = {{"en", "en-us"}, {"fr", "fr"}, {"de", "de"}, {"pl", "pl"},
                                        {"nl", "nl"},    {"sv", "sv"}, {"nb", "nb"}, {"fi", "fi"}};

/* Languages spelled by rules here whose stress espeak-ng's voice knows (Jacopo -> Yácopo,
 * Tănăsescu -> Tanaséscu). */
static const char *stress_voice_of(const char *code)
{
    return !strcmp(code, "it") || !strcmp(code, "cs") || !strcmp(code, "ro") ? code : NULL;
}

bool es_foreign_respell(const es_lang *lang, const char *code, const char *word,
                        const char *phonemes, strbuf *out)
{
    return respell(lang, code, word, phonemes, word[0] >= 'A' && word[0] <= 'Z', out);
}

const char *es_foreign_voice(const char *code)
{
    for (size_t i = 0; i < sizeof voices / sizeof *voices; i++)
        if (!strcmp(code, voices[i][0])) return voices[i][1];
    return NULL;
}

static bool approximate_as(es_foreign *f, const es_lang *lang, const char *code, const char *w,
                           bool name, strbuf *ph, strbuf *out);
static bool approximate_as_said(es_foreign *f, const es_lang *lang, const char *code, const char *w,
                                bool name, strbuf *ph, strbuf *out);

/* The length of a word without its English possessive ('s or ’s: Miller's -> 6), or 0. */
static size_t possessive_base(const char *w, size_t n)
{
    if (n > 3 && w[n - 2] == '\'' && w[n - 1] == 's') return n - 2;
    if (n > 5 && !memcmp(w + n - 4, "\xE2\x80\x99s", 4)) return n - 4;
    return 0;
}

/* Where a word joins two capitalized words of three letters or more (ScottishPower -> 8), or 0;
 * not after Mac (MacLeod is one name). */
static size_t camel_join(const char *w, size_t n)
{
    for (size_t i = 3; i + 3 <= n; i++)
        if (w[i] >= 'A' && w[i] <= 'Z' && w[i - 1] >= 'a' && w[i - 1] <= 'z' && w[i + 1] >= 'a' &&
            w[i + 1] <= 'z')
            return i == 3 && !memcmp(w, "Mac", 3) ? 0 : i;
    return 0;
}

/* The language of a word and its approximation in out (code NULL: none). A possessive marks an
 * English name: Hobson's is Hobson said in English, and an s. */
static const char *approximate(const es_lang *lang, const char *w, size_t n, bool name, strbuf *ph,
                               strbuf *out)
{
    es_foreign *f = lang->foreign;
    char base[72];
    size_t bn = possessive_base(w, n);
    if (bn && w[0] >= 'A' && w[0] <= 'Z') {
        memcpy(base, w, bn);
        base[bn] = '\0';
        const char *code = es_foreign_language(lang, base, bn);
        char low[72];
        es_lower(base, bn, low, sizeof low);
        if (!code && !spanish(lang, low, strlen(low))) code = "en";
        if (!code || !approximate_as(f, lang, code, base, name, ph, out)) return NULL;
        if (out->len && out->data[out->len - 1] != 's') sb_putc(out, 's');
        return code;
    }
    const char *code = es_foreign_language(lang, w, n);
    size_t join = camel_join(w, n), start = out->len;
    if (code && join && n < sizeof base) { /* ScottishPower: Scottish and Power, each stressed */
        char second[72];
        memcpy(base, w, join);
        base[join] = '\0';
        memcpy(second, w + join, n - join);
        second[n - join] = '\0';
        if (approximate_as(f, lang, code, base, name, ph, out) && sb_putc(out, ' ') &&
            approximate_as(f, lang, code, second, name, ph, out))
            return code;
        out->len = start; /* one half failed: the whole word, as one */
        if (out->data) out->data[start] = '\0';
    }
    return code && approximate_as(f, lang, code, w, name, ph, out) ? code : NULL;
}

/* A word stressed on its first syllable, as Hungarian stresses every word (Kovács -> Kóvach;
 * in a rising pair the second vowel: Gyula -> Diula), or on its last, as Spanish news says
 * Chinese names (Jinping -> Yinpín, Jiang -> Yiáng; Liu, a pair of weak vowels, stays). */
static void syllable_stress(const char *spelled, bool last, bool prothetic, strbuf *out)
{
    size_t at[32], count = nuclei(spelled, at, 32);
    if (count <= (size_t)prothetic) {
        sb_puts(out, spelled);
        return;
    }
    size_t i = at[last ? count - 1 : prothetic]; /* Estiépan: the first after the e put before */
    if (strchr("iu", spelled[i]) && spelled[i + 1] &&
        strchr(last ? "aeo" : "aeiou", spelled[i + 1]))
        i++;
    place_accent(spelled, i, out);
}

/* A Russian or Central Asian surname's -ov, -ova, -ev, -eva stressed on the syllable before it,
 * as Spanish news says them (Karimov -> Karímov, Tokhtarova -> Tojtárova, Zhumabayev ->
 * Yumabáiev), and a Slavic -ović, -ević, -ić (Vukašinović -> Vukashínovich, Jokić -> Yókich; only
 * those when slavic_only); false when the spelling has no such ending or nothing before it. */
static bool slavic_suffix_stress(const char *spelled, bool slavic_only, strbuf *out)
{
    /* not words (letters): endings, the -ić ones first (spelled, then respelled with b) */
    static const char *const endings[] = {"ovich", "evich", "obich", "ebich", "ich", "iova", "ieva",
                                          "iov",   "iev",   "ova",   "eva",   "ov",  "ev"};
    enum { IC_ENDINGS = 5 };
    size_t n = strlen(spelled), cut = 0;
    size_t count_endings = slavic_only ? IC_ENDINGS : sizeof endings / sizeof *endings;
    for (size_t k = 0; k < count_endings && !cut; k++) {
        size_t e = strlen(endings[k]);
        if (n > e && !strcmp(spelled + n - e, endings[k])) cut = n - e;
    }
    char head[96];
    if (!cut || cut >= sizeof head) return false;
    memcpy(head, spelled, cut);
    head[cut] = '\0';
    size_t at[32], count = nuclei(head, at, 32);
    if (count < 1) return false;
    size_t i = at[count - 1];
    if (strchr("iu", spelled[i]) && i + 1 < cut && strchr("aeo", spelled[i + 1])) i++;
    place_accent(spelled, i, out);
    return true;
}

/* The respelled word at out[start..] stressed again by slavic_suffix_stress, its acute
 * dropped first (Bucashinóbich -> Bucashínobich); unchanged when that finds no ending. */
static void slavic_restress(strbuf *out, size_t start)
{
    char plain[96];
    size_t o = 0;
    const char *p = out->data + start;
    for (; *p && o + 1 < sizeof plain; p++) {
        char v = (unsigned char)p[0] == 0xC3 ? plain_vowel(p) : 0;
        plain[o++] = v ? v : *p;
        if (v) p++;
    }
    if (*p) return; /* too long to copy: left as the voice stressed it */
    plain[o] = '\0';
    bool upper = plain[0] >= 'A' && plain[0] <= 'Z';
    if (upper) plain[0] = (char)(plain[0] - 'A' + 'a');
    strbuf again = {0};
    if (slavic_suffix_stress(plain, true, &again) && again.data) {
        out->len = start;
        out->data[start] = '\0';
        sb_puts(out, again.data);
        if (upper) utf8_capitalize_at(out, start);
    }
    sb_free(&again);
}

/* Spelling rules, then the stress the language's voice gives, when one knows it (Jacopo ->
 * Yácopo); the word is rewritten in lower case so that a first vowel can take its accent. */
static bool rewrite_as(es_foreign *f, const es_lang *lang, const char *code, const char *w,
                       strbuf *ph, strbuf *out)
{
    char low[128];
    size_t start = out->len;
    strbuf spelled = {0};
    es_lower(w, strlen(w), low, sizeof low);
    bool ok = es_foreign_rewrite(lang, code, low, &spelled);
    size_t before = spelled.len;
    if (ok) spanish_onset(&spelled, 0, w); /* first: an e put before is a syllable (Estiépan) */
    bool prothetic = spelled.len > before;
    const char *voice = stress_voice_of(code);
    bool last = !strcmp(code, "zh") || !strcmp(code, "ko");  /* Hwarang -> Juaráng */
    bool first = !strcmp(code, "hu") || !strcmp(code, "is"); /* Nagy -> Nádi, Guðrún -> Gúdrun */
    if (ok && (last || first))                               /* Changchun -> Chanchún */
        syllable_stress(sb_str(&spelled), last, prothetic, out);
    else if (ok && (!strcmp(code, "ru") || !strcmp(code, "cs") || !strcmp(code, "hr")) &&
             slavic_suffix_stress(sb_str(&spelled), strcmp(code, "ru") != 0, out))
        ; /* Karimov -> Karímov, Stojilković -> Stoyílkovich */
    else if (ok && !(voice && f->phonemes && f->phonemes(f->user, voice, w, ph) &&
                     es_foreign_stress(sb_str(&spelled), sb_str(ph), out)))
        sb_puts(out, sb_str(&spelled));
    if (ok && utf8_starts_upper(w, strlen(w))) utf8_capitalize_at(out, start);
    sb_free(&spelled);
    return ok;
}

/* A French word the French voice hands to English for its th (Berthelot fr (en) b'3:TI2l0t),
 * written with the t French says, for the voice to keep (Bertelot); false when it is not one. */
static bool french_th(const char *code, const char *w, const strbuf *ph, char *out, size_t size)
{
    if (strcmp(code, "fr") || !strchr(sb_str(ph), '(') || strlen(w) >= size) return false;
    size_t o = 0;
    for (const char *p = w; *p; p++)
        if (!((p[0] == 'h' || p[0] == 'H') && p > w && (p[-1] == 't' || p[-1] == 'T')))
            out[o++] = *p;
    out[o] = '\0';
    return o < strlen(w);
}

/* A vowel letter at p, plain or accented (French é è ê â î ô û ë ï; not ç). */
static bool vowel_at(const char *p)
{
    if ((unsigned char)p[0] == 0xC3) return (unsigned char)p[1] != 0xA7;
    return strchr("aeiouy", p[0] | 0x20) && p[0];
}

/* Does a vowel letter end just before byte i (é is two bytes)? */
static bool vowel_before(const char *w, size_t i)
{
    if (i >= 2 && ((unsigned char)w[i - 1] & 0xC0) == 0x80) return vowel_at(w + i - 2);
    return i >= 1 && vowel_at(w + i - 1);
}

/* A French word with each mute e between syllables written é, for the French voice to say it
 * as Spanish readers do (Péchenard -> Péchénard, which the voice says p e S e n a r, not
 * p e S n a r; Thévenot): an e after a vowel and one consonant, before one consonant and a
 * vowel. False when it has none. */
static bool french_schwa(const char *w, char *out, size_t size)
{
    size_t n = strlen(w), o = 0;
    bool changed = false, vowel_seen = false;
    for (size_t i = 0; i < n && o + 3 < size; i++) {
        /* one consonant before it (or ch, ph, th), not two (Bonnefoy says Bonfuá) */
        bool one_before =
            i > 1 && !vowel_at(w + i - 1) &&
            (vowel_before(w, i - 1) ||
             (w[i - 1] == 'h' && i > 2 && !vowel_at(w + i - 2) && vowel_before(w, i - 2)));
        bool mute = w[i] == 'e' && vowel_seen && one_before && w[i + 1] && !vowel_at(w + i + 1) &&
                    w[i + 1] != 'h' && w[i + 2] && vowel_at(w + i + 2) &&
                    i + 3 < n; /* not the end: Pichenette's -te */
        if (mute) {
            memcpy(out + o, "\xC3\xA9", 2); /* é */
            o += 2;
            changed = true;
        } else {
            out[o++] = w[i];
        }
        vowel_seen = vowel_seen || vowel_at(w + i);
    }
    out[o] = '\0';
    return changed && o + 3 < size;
}

/* Spells out[start..] with one y for a y sound said twice (English /dʒj/: Gewiss -> Yuis, not
 * Yyuis). */
static void single_y(strbuf *out, size_t start)
{
    char *d = out->data;
    if (!d) return;
    size_t to = start;
    for (size_t k = start; k < out->len; k++) {
        char c = d[k];
        if ((c == 'y' || c == 'Y') && (d[k + 1] == 'y')) {
            d[to++] = c; /* Yy -> Y */
            k++;
            continue;
        }
        d[to++] = c;
    }
    out->len = to;
    d[to] = '\0';
}

/* Approximates word as a word of language code: through its voice's phonemes or its
 * spelling rules. */
static bool approximate_as(es_foreign *f, const es_lang *lang, const char *code, const char *w,
                           bool name, strbuf *ph, strbuf *out)
{
    size_t at = out->len;
    bool ok = approximate_as_said(f, lang, code, w, name, ph, out);
    if (ok) single_y(out, at);
    return ok;
}

/* approximate_as's respelling, before single_y */
static bool approximate_as_said(es_foreign *f, const es_lang *lang, const char *code, const char *w,
                                bool name, strbuf *ph, strbuf *out)
{
    const char *voice = es_foreign_voice(code);
    if (!voice) return rewrite_as(f, lang, code, w, ph, out);
    char said_e[80];
    if (!strcmp(code, "fr") && french_schwa(w, said_e, sizeof said_e)) w = said_e;
    if (!f->phonemes || !f->phonemes(f->user, voice, w, ph)) return false;
    char plain[72];
    if (french_th(code, w, ph, plain, sizeof plain)) {
        strbuf again = {0};
        if (f->phonemes(f->user, voice, plain, &again) && !strchr(sb_str(&again), '(')) {
            sb_clear(ph);
            sb_puts(ph, sb_str(&again));
            w = plain;
        }
        sb_free(&again);
    }
    size_t start = out->len;
    if (!respell(lang, code, w, sb_str(ph), name, out)) return false;
    size_t n = strlen(w);
    if (n > 6 && !strcmp(code, "pl") && /* Czech goes by rewrite_as */
        (!strcmp(w + n - 4, "vi\xC4\x87") || !strcmp(w + n - 3, "vic")))
        slavic_restress(out, start); /* Stojilković -> Estoyílcobich */
    return true;
}

/* Removes ' and ’ from b: an elided article joins its word as it is said. */
static void drop_apostrophes(strbuf *b)
{
    size_t to = 0;
    for (size_t k = 0; k < b->len; k++) {
        if (b->data[k] == '\'') continue;
        if (!strncmp(b->data + k, "\xe2\x80\x99", 3)) {
            k += 2;
            continue;
        }
        b->data[to++] = b->data[k];
    }
    b->len = to;
    if (b->data) b->data[to] = '\0';
}

bool es_foreign_say(const es_lang *lang, const char *word, size_t n, bool starts_sentence,
                    strbuf *out)
{
    es_foreign *f = lang->foreign;
    if (!f || n == 0 || n > 64) return false;
    bool capital = word[0] >= 'A' && word[0] <= 'Z', name = capital && !starts_sentence;
    char key[74]; /* a capital that only starts the sentence is said as a word: its own entry */
    size_t mark = capital && !name;
    key[0] = '^';
    memcpy(key + mark, word, n);
    key[mark + n] = '\0';
    const table_entry *seen = table_getn(f->cache, key, mark + n);
    if (seen) return seen->spoken[0] ? sb_word(out, seen->spoken) : false;
    /* a sentence's first word that a name's language already settled (Jeon Ji-hyun ganó) */
    const table_entry *as_name = mark ? table_getn(f->cache, word, n) : NULL;
    if (as_name && as_name->spoken[0]) return sb_word(out, as_name->spoken);
    char w[72];
    memcpy(w, word, n);
    w[n] = '\0';
    strbuf said = {0}, ph = {0};
    const char *code = approximate(lang, w, n, name, &ph, &said);
    bool ok = code != NULL;
    if (!ok) sb_clear(&said);
    drop_apostrophes(&said); /* d'Ampezzo: dampetso, never "de ampetso" */
    const char *result = ok ? sb_str(&said) : "";
    table_put(f->cache, key, result, "");
    if (ok && f->verbose)
        fprintf(f->verbose, "locutor: foreign word '%s' (%s%s%s) said '%s'\n", w, code,
                ph.len ? " " : "", ph.len ? sb_str(&ph) : "", result);
    bool said_it = ok && sb_word(out, result);
    sb_free(&said);
    sb_free(&ph);
    return said_it;
}

/* ---- a name's language ---- */

/* Is word w (as written, n bytes, under 72) Spanish, in lower case or as written (Estrada)? */
static bool spanish_as_written(const es_lang *lang, const char *w, size_t n)
{
    char low[72];
    if (n >= sizeof low) return false;
    es_lower(w, n, low, sizeof low);
    return spanish(lang, low, strlen(low)) || table_getn(lang->spanish_words, w, n);
}

/* Is a lower-case word's acute in its last syllable though it ends in a consonant other than n
 * or s, where Spanish writes none (Vaclík)? */
static bool final_acute(const char *w)
{
    const char *acute = NULL;
    for (const char *p = w; p[0] && p[1]; p++)
        if ((unsigned char)p[0] == 0xC3 && strchr("\xA1\xA9\xAD\xB3\xBA", p[1])) acute = p;
    if (!acute) return false;
    size_t n = strlen(w);
    char last = w[n - 1];
    return !strpbrk(acute + 2, "aeiou") && !strchr("aeiouns", last) && (unsigned char)last < 0x80;
}

/* Does word w (as written, n bytes) carry an á í ó ú where Spanish puts it (Guðrún, Martín), but
 * no French é (Quimperlé) nor an acute Spanish would not write (Vaclík)? */
static bool spanish_accent(const char *w, size_t n)
{
    char low[72];
    if (n >= sizeof low) return false;
    es_lower(w, n, low, sizeof low);
    return spanish_acute(low, strlen(low)) && !strstr(low, "\xc3\xa9") && !final_acute(low);
}

/* A capitalized word of a name whose language its own letters do not show (the token's
 * payload), that is not Spanish (spanish-words.tsv holds every word of wspanish: Premio Nobel,
 * Estadio Wembley), listed or a function word: it may take its name's language. */
static bool open_to_context(const es_lang *lang, const sem_token *t)
{
    const char *w = t->payload;
    size_t n = strlen(w);
    if (t->cls != SEM_WORD || (t->flags & (SEM_SAID | SEM_CAPITAL)) || n < 3 || n > 64 ||
        !(w[0] >= 'A' && w[0] <= 'Z'))
        return false;
    if (spanish_accent(w, n)) return false;
    if (lang->given_names && table_getn(lang->given_names, w, n))
        return false; /* Graciela Whitmore-Ochoa */
    return !spanish_as_written(lang, w, n) && !es_lexicon_get(lang, w, n) &&
           !es_is_function_word(lang, w, n);
}

/* Could word w be spelled in language code's romanization: pinyin for zh, romaji for ja (not
 * Hoshizora Pharma, Chengdu Tianfu Medical: English words beside the name)? Others: yes. */
static bool spelled_like(const char *code, const char *w)
{
    char low[72];
    size_t n = strlen(w);
    if (n >= sizeof low || (strcmp(code, "zh") && strcmp(code, "ja"))) return true;
    es_lower(w, n, low, sizeof low);
    int misread = 0;
    if (!strcmp(code, "zh")) return pinyin_syllables(low, strlen(low), &misread) > 0;
    return romaji_morae(low, strlen(low), NULL) > 0;
}

/* Is token t a capitalized word (the words of a name: Dietmar Heinzelmann, Jean-Baptiste)? */
static bool name_word(const sem_token *t)
{
    return t->cls == SEM_WORD && t->payload[0] >= 'A' && t->payload[0] <= 'Z';
}

/* Past "of", "the", "and" written in lower case from k, when a capitalized word follows them
 * (Icon of the Seas, Bank of the West): the index of that word, else k. */
static size_t english_joiners(const sem_list *sems, size_t k)
{
    size_t j = k;
    while (j < sems->count && sems->items[j].cls == SEM_WORD &&
           (!strcmp(sems->items[j].payload, "of") || !strcmp(sems->items[j].payload, "the") ||
            !strcmp(sems->items[j].payload, "and")))
        j++;
    return j > k && j < sems->count && name_word(&sems->items[j]) ? j : k;
}

/* Is token k of an English name a capitalized word right after a lower-case "the", English
 * even when Spanish writes it too (Icon of the Seas, Pirates of the Caribbean)? */
static bool after_english_the(const sem_list *sems, size_t k, const char *code)
{
    const sem_token *t = &sems->items[k];
    return !strcmp(code, "en") && k > 0 && sems->items[k - 1].cls == SEM_WORD &&
           !strcmp(sems->items[k - 1].payload, "the") && name_word(t) &&
           !(t->flags & (SEM_SAID | SEM_CAPITAL)) &&
           !spanish_accent(t->payload, strlen(t->payload));
}

/* Does a name hold given names joined by a hyphen and a surname, all open to context
 * (Anne-Sophie Delorme; not García-Page, Bogotá-Villavicencio)? With nothing else to go by,
 * such a name is French. */
static bool hyphenated_given_names(const es_lang *lang, const sem_list *sems, size_t from,
                                   size_t to)
{
    for (size_t k = from + 1; k + 2 < to; k++) { /* and a surname after them */
        const sem_token *t = &sems->items[k];
        if (t->cls == SEM_PUNCT && !strcmp(t->payload, "-") &&
            open_to_context(lang, &sems->items[k - 1]) &&
            open_to_context(lang, &sems->items[k + 1]))
            return true;
    }
    return false;
}

/* The language a sentence names by a country or its people (la empresa francesa, en el centro
 * de Portugal: foreign-context.tsv), from token from to its end (*end); NULL: none, or two.
 * *hispanic: the sentence names a Spanish-speaking country or people (el cubano, Guatemala). */
static const char *sentence_language(const es_lang *lang, const sem_list *sems, size_t from,
                                     size_t *end, bool *hispanic, size_t *cue_at)
{
    const char *code = NULL;
    bool two = false;
    size_t k = from, people_at = SIZE_MAX;
    *hispanic = false;
    *cue_at = SIZE_MAX;
    for (; k < sems->count; k++) {
        const sem_token *t = &sems->items[k];
        if (t->cls == SEM_PUNCT && (t->flags & SEM_SENTENCE_END)) break;
        const table_entry *e = t->cls == SEM_WORD && lang->foreign_context
                                   ? table_get(lang->foreign_context, t->payload)
                                   : NULL;
        if (e && !strcmp(e->spoken, "es")) {
            *hispanic = true;
            continue;
        }
        if (e && code && strcmp(code, e->spoken)) two = true;
        /* a place names the country for the whole sentence (Quimperlé, en Bretaña); a people
           only for the names after it (el directivo francés Antoine Girard) */
        bool place = name_word(t); /* capitalized: a place, not its people */
        if (e && place) *cue_at = from;
        if (e && *cue_at > k) *cue_at = k;
        if (e && !place && people_at > k) people_at = k;
        if (e) code = e->spoken;
    }
    /* beside a Spanish-speaking country's place, another country's place names nobody: only its
       people do (Marcelo Bielsa ... en Estados Unidos, México y Canadá) */
    if (*hispanic) *cue_at = people_at;
    *end = k + 1;
    return code && !two ? known_code(code) : NULL;
}

/* Settles word as read with Spanish rules (the cache's empty reading); why goes to --verbose. */
static void read_as_written(es_foreign *f, const char *word, const char *why)
{
    table_put(f->cache, word, "", "");
    if (f->verbose) fprintf(f->verbose, "locutor: '%s' read as written (%s)\n", word, why);
}

/* In a sentence about a Spanish-speaking country and no other, a word of a name after its
 * people (la dominicana Marileidy Paulino) or with a Spanish word (Luis Ajcip) whose letters
 * only hint at another language (-dy; no w) is a local name, read as written; not Kevin
 * Whitfield, Kettering Town. */
static void keep_local_names(es_foreign *f, const es_lang *lang, const sem_list *sems, size_t from,
                             size_t to, bool other_country)
{
    const table_entry *before =
        from > 0 && sems->items[from - 1].cls == SEM_WORD
            ? table_get(lang->foreign_context, sems->items[from - 1].payload)
            : NULL;
    bool spanish_word = before && !strcmp(before->spoken, "es");
    /* beside another country, only with its people right before it (el uruguayo Franco
       Roncadelli ... al brasileño João Fonseca) */
    if (other_country && !spanish_word) return;
    for (size_t k = from; k < to; k++) {
        const sem_token *t = &sems->items[k];
        size_t n = strlen(t->payload);
        int score = 0;
        if (t->cls != SEM_WORD || n < 3) continue;
        if (strpbrk(t->payload, "wW") || (guess_language(lang, t->payload, n, &score) && score > 2))
            return; /* a word that shows its language (Buenos Aires Lawn Tennis) */
        spanish_word = spanish_word || spanish_as_written(lang, t->payload, n);
    }
    for (size_t k = from; spanish_word && k < to; k++) {
        const sem_token *t = &sems->items[k];
        size_t n = strlen(t->payload);
        if (!open_to_context(lang, t) || table_get(f->cache, t->payload) ||
            table_getn(lang->english_words, t->payload, n) ||
            (lang->foreign_names && table_getn(lang->foreign_names, t->payload, n)))
            continue;
        read_as_written(f, t->payload, "its sentence's country");
    }
}

/* An Italian surname as Rioplatense speakers say it: its sch before e or i is sk, the rest as
 * written (Schiavone Esquiavone; Bianchetti keeps its ch) into b; false when it has none. */
static bool italian_sch(const char *w, strbuf *b)
{
    const char *sch = strstr(w, "sch");
    if (!sch && !strncmp(w, "Sch", 3)) sch = w;
    if (!sch || (sch[3] != 'i' && sch[3] != 'e')) return false;
    if (sch == w) sb_puts(b, "E");
    sb_append(b, w, (size_t)(sch - w));
    sb_puts(b, "squ");
    sb_puts(b, sch + 3);
    return true;
}

/* Is the name from..to a Spanish given name (given-names.tsv, Spanish only) that alone gives it
 * a language (codes: each word's), before words of none (Zoé Robledo; not Zoé Dupont)? */
static bool spanish_given_name_alone(const es_lang *lang, const sem_list *sems,
                                     const char *const *codes, size_t from, size_t to)
{
    size_t k = from;
    while (k < to &&
           es_is_function_word(lang, sems->items[k].payload, strlen(sems->items[k].payload)))
        k++;
    if (to - k < 2 || to - from > 32 || sems->items[k].cls != SEM_WORD || !lang->given_names)
        return false;
    const table_entry *given = table_get(lang->given_names, sems->items[k].payload);
    if (!given || strcmp(given->spoken, "es")) return false;
    for (size_t w = k + 1; w < to; w++)
        if (codes[w - from] || sems->items[w].cls != SEM_WORD) return false;
    return true;
}

/* In a name whose language is Italian, a given name Spanish uses (given-names.tsv) is read as
 * written (Luciano Spalletti, not Luchano); one Italian does not use (Facundo, Sebastián) is a
 * Latin American's, and so is the Italian surname after it, read as written (Facundo Campazzo,
 * Javier Mascherano). Returns true in that case: the whole name is settled. */
static bool hispanic_given_name(es_foreign *f, const es_lang *lang, const sem_list *sems,
                                size_t from, size_t to)
{
    size_t k = from; /* past El, La: the name's first words may be a sentence's */
    while (k < to &&
           es_is_function_word(lang, sems->items[k].payload, strlen(sems->items[k].payload)))
        k++;
    const table_entry *given = k < to && sems->items[k].cls == SEM_WORD && lang->given_names
                                   ? table_get(lang->given_names, sems->items[k].payload)
                                   : NULL;
    if (!given) return false;
    bool spanish_only = !strstr(given->spoken, "it");
    for (size_t last = spanish_only ? to : k + 1; k < last; k++) {
        const char *w = sems->items[k].payload;
        if (sems->items[k].cls != SEM_WORD || (sems->items[k].flags & SEM_SAID)) continue;
        strbuf sch = {0};
        int score = 0;
        const char *own = NULL;
        if (k > from && italian_sch(w, &sch) &&
            (own = guess_language(lang, w, strlen(w), &score)) && !strcmp(own, "it")) {
            table_put(f->cache, w, sb_str(&sch), "");
            if (f->verbose)
                fprintf(f->verbose,
                        "locutor: '%s' said '%s' (an Italian surname after a Hispanic "
                        "given name)\n",
                        w, sb_str(&sch));
        } else
            read_as_written(f, w, "a Hispanic given name");
        sb_free(&sch);
    }
    return spanish_only;
}

/* May a word open to context take its sentence's country's language? Not a country word itself
 * (Alsacia, Misuri), nor one whose letters Spanish, Catalan, Galician or Basque like better by
 * the table's margin (Huehuetenango, Uxía beside a foreign country; Vierzon, Viseu take it). */
static bool fits_country(const es_lang *lang, const char *word, const char *code)
{
    size_t n = strlen(word);
    char low[128];
    trigram_score t;
    if (table_get(lang->foreign_context, word) || n >= sizeof low) return false;
    es_lower(word, n, low, sizeof low);
    if (!strcmp(code, "ja")) return romaji(low, strlen(low)); /* no trigrams: Seiji, japonés */
    for (const char *p = low; !strcmp(code, "en") && *p; p++)
        if ((unsigned char)*p >= 0x80) return false; /* English writes no accent: Chiloé */
    if (!score_trigrams(lang, low, strlen(low), &t)) return false;
    for (size_t j = 0; j < t.count; j++)
        if (!strcmp(t.code[j], code))
            return native_sum(&t) - t.sum[j] < trigram_margin(lang) * (long)t.grams;
    return false;
}

/* Does a word show letters English never writes but Spanish does (Lloran, Sojo, Peña), or end
 * as English names of five letters or more never do (Morelo, Benitez, Aguerre; not Hero), so that
 * an English word beside it cannot make it English (Garly Sojo, Wilson Morelo)? */
static bool spanish_letters(const es_lang *lang, const char *w)
{
    if (!strncmp(w, "Ll", 2) || strstr(w, "\xc3\xb1")) return true; /* ñ */
    size_t n = strlen(w);
    if ((n >= 4 && !strcmp(w + n - 2, "ez")) ||
        (n >= 5 && w[n - 1] == 'o' && strchr("bcdlnrt", w[n - 2]) && strchr("aeiou", w[n - 3])) ||
        (n >= 5 && strchr("aeo", w[n - 1]) && !strncmp(w + n - 3, "rr", 2))) /* Aguerre, Ibarra */
        return !table_getn(lang->english_words, w, n);
    for (size_t k = 1; w[k] && w[k + 1]; k++)
        if (w[k] == 'j' && strchr("aeiou", w[k - 1]) && strchr("aeiou", w[k + 1])) return true;
    return false;
}

/* Does a word of a name carry a Spanish accent (Martín Chambi, José Quispe; not Hervé
 * Challamel)? Its other words are then Spanish too, whatever its sentence's country. */
static bool spanish_accented(const sem_list *sems, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (sems->items[k].cls == SEM_WORD &&
            spanish_accent(sems->items[k].payload, strlen(sems->items[k].payload)))
            return true;
    return false;
}

/* Is the name ending before token end placed in a Spanish-speaking city or country by "de"
 * (el Palacio Vistalegre de Madrid, el Movistar Arena de Buenos Aires; not Bolshói de Moscú)?
 * Its words are then not its sentence's foreign country's. */
static bool placed_at_home(const es_lang *lang, const sem_list *sems, size_t end)
{
    const sem_token *it = sems->items;
    if (end + 1 >= sems->count || it[end].cls != SEM_WORD || strcmp(it[end].payload, "de") ||
        !lang->region_cues)
        return false;
    char key[96] = "";
    size_t len = 0;
    for (size_t k = end + 1; k < sems->count && k < end + 4 && name_word(&it[k]); k++) {
        char low[64];
        es_lower(it[k].payload, strlen(it[k].payload), low, sizeof low);
        int wrote = snprintf(key + len, sizeof key - len, "%s%s", len ? " " : "", low);
        if (wrote < 0 || (size_t)wrote >= sizeof key - len) return false;
        len += (size_t)wrote;
        const table_entry *e = table_getn(lang->region_cues, key, len);
        if (e && !strncmp(e->spoken, "es-", 3)) return true;
    }
    return false;
}

/* Do the name's words from..to, or one of them, show a Spanish-speaking region in
 * region-cues.tsv (Quintana Roo, Chetumal, Petropiar beside Canadá or Chevron; not es-US's
 * Houston)? Its words are then not its sentence's foreign country's. */
static bool home_region_name(const es_lang *lang, const sem_list *sems, size_t from, size_t to)
{
    char key[96] = "";
    size_t len = 0;
    for (size_t k = from; k < to && lang->region_cues; k++) {
        char low[64];
        const char *w = sems->items[k].payload;
        es_lower(w, strlen(w), low, sizeof low);
        const table_entry *e = table_get(lang->region_cues, low);
        if (e && !strncmp(e->spoken, "es-", 3) && strcmp(e->spoken, "es-US")) return true;
        int wrote = snprintf(key + len, sizeof key - len, "%s%s", len ? " " : "", low);
        if (wrote < 0 || (size_t)wrote >= sizeof key - len) return false;
        len += (size_t)wrote;
        e = table_getn(lang->region_cues, key, len);
        if (e && !strncmp(e->spoken, "es-", 3) && strcmp(e->spoken, "es-US")) return true;
    }
    return false;
}

/* Says a word open to context in language code, the name's or the sentence's (why). */
static void approximate_in_context(es_foreign *f, const es_lang *lang, const char *code,
                                   const char *word, const char *why)
{
    strbuf said = {0}, ph = {0};
    bool ok = approximate_as(f, lang, code, word, true, &ph, &said);
    table_put(f->cache, word, ok ? sb_str(&said) : "", "");
    if (ok && f->verbose)
        fprintf(f->verbose, "locutor: foreign word '%s' (%s, %s%s%s) said '%s'\n", word, code, why,
                ph.len ? " " : "", ph.len ? sb_str(&ph) : "", sb_str(&said));
    sb_free(&said);
    sb_free(&ph);
}

/* Is token k a word written right after token k - 1, a hyphen touching both its words? */
static bool hyphen_joined(const sem_list *sems, size_t k)
{
    const sem_token *it = sems->items;
    return k + 1 < sems->count && it[k].cls == SEM_PUNCT && !strcmp(it[k].payload, "-") &&
           it[k - 1].end == it[k].start && it[k].end == it[k + 1].start &&
           it[k + 1].cls == SEM_WORD;
}

/* A place name of words joined by hyphens that only French writes so, starting at i: a link
 * word between hyphens (Boulogne-sur-Mer, Marche-en-Famenne) or Saint first
 * (Saint-Amand-Montrond); Spanish joins no place's words so (Castilla-La Mancha has a space).
 * Sets *end past its last word. */
static bool french_place(const es_lang *lang, const sem_list *sems, size_t i, size_t *end)
{
    const sem_token *it = sems->items;
    const char *first = it[i].payload;
    bool french = es_cue(lang, first, strlen(first), ES_CUE_FRENCH_SAINT);
    size_t k = i;
    while (hyphen_joined(sems, k + 1)) {
        const char *w = it[k + 2].payload;
        bool link = w[0] >= 'a' && w[0] <= 'z' && es_cue(lang, w, strlen(w), ES_CUE_FRENCH_LINK);
        if (!link && !name_word(&it[k + 2])) break;
        french = french || link;
        k += 2;
    }
    while (k > i && !name_word(&it[k])) /* ends on a name's word: not Boulogne-sur- */
        k -= 2;
    *end = k + 1;
    return french && k > i;
}

/* Says the words of a French place (French hyphens: french_place) in French, whatever their own
 * letters say (Quentin, Marche), but Saint and the words the lexicon says. */
static void say_french_place(es_foreign *f, const es_lang *lang, const sem_list *sems, size_t i,
                             size_t end)
{
    for (size_t k = i; k < end; k++) {
        const sem_token *t = &sems->items[k];
        const char *w = t->payload;
        if (name_word(t) && !(t->flags & SEM_SAID) && strlen(w) < 64 &&
            !es_cue(lang, w, strlen(w), ES_CUE_FRENCH_SAINT))
            approximate_in_context(f, lang, "fr", w, "a French place's hyphens");
    }
}

/* Is token k a word alone in brackets (la Promotora del Comercio Exterior (Procomer)): the
 * acronym of the name before it, said as a word of that name's language? */
static bool bracketed(const sem_list *sems, size_t k)
{
    const sem_token *it = sems->items;
    return k > 0 && k + 1 < sems->count && it[k - 1].cls == SEM_PUNCT &&
           !strcmp(it[k - 1].payload, "(") && it[k + 1].cls == SEM_PUNCT &&
           !strcmp(it[k + 1].payload, ")");
}

/* Is a lower-case word one syllable of romanized Korean (and of Taiwanese names: Ing-wen)? An
 * initial, a vowel, a final: jae, hwan, seung, myung, yeol. */
static bool korean_syllable(const char *w)
{
    /* not words (letters): romanized Korean initials, vowels and finals, longest first */
    static const char *const initials[] = {"kk", "tt", "pp", "ss", "jj", "ch", "hw", "g", "k", "n",
                                           "d",  "t",  "r",  "l",  "m",  "b",  "p",  "s", "j", "h"};
    static const char *const vowels[] = {"yeo", "yae", "wae", "ae", "ya", "eo", "ye", "wa",
                                         "oe",  "yo",  "wo",  "we", "wi", "yu", "eu", "ui",
                                         "oo",  "ee",  "a",   "e",  "o",  "u",  "i"};
    static const char *const finals[] = {"ng", "k", "n", "t", "l", "m", "p", ""};
    size_t i = 0;
    for (size_t k = 0; k < sizeof initials / sizeof *initials; k++)
        if (!strncmp(w, initials[k], strlen(initials[k]))) {
            i = strlen(initials[k]);
            break;
        }
    for (size_t k = 0; k < sizeof vowels / sizeof *vowels; k++) {
        size_t vl = strlen(vowels[k]);
        if (strncmp(w + i, vowels[k], vl)) continue;
        for (size_t m = 0; m < sizeof finals / sizeof *finals; m++)
            if (!strcmp(w + i + vl, finals[m])) return true;
    }
    return false;
}

/* Korean given names, a capitalized syllable and a lower-case one joined by a hyphen (Kim Min-jae,
 * Baek Seung-hwan): both syllables, and the surname before them unless Spanish (Son), take the
 * Korean spelling rules, stressed on the last syllable. */
static void korean_given_names(es_foreign *f, const es_lang *lang, const sem_list *sems)
{
    const sem_token *it = sems->items;
    for (size_t k = 1; k + 1 < sems->count; k++) {
        char low = it[k + 1].payload[0]; /* the second syllable in lower case: Min-jae */
        if (!hyphen_joined(sems, k) || !name_word(&it[k - 1]) || low < 'a' || low > 'z') continue;
        char first[16];
        const char *w = it[k - 1].payload, *second = it[k + 1].payload;
        if (strlen(w) >= sizeof first || strlen(second) > 5) continue;
        es_lower(w, strlen(w), first, sizeof first);
        if (!korean_syllable(first) || !korean_syllable(second)) continue;
        approximate_in_context(f, lang, "ko", w, "a Korean given name");
        approximate_in_context(f, lang, "ko", second, "a Korean given name");
        const sem_token *surname = k >= 2 ? &it[k - 2] : NULL;
        if (surname && name_word(surname) && strlen(surname->payload) <= 5 &&
            !spanish_as_written(lang, surname->payload, strlen(surname->payload)))
            approximate_in_context(f, lang, "ko", surname->payload, "a Korean surname");
    }
}

void es_foreign_names(const es_lang *lang, const sem_list *sems)
{
    es_foreign *f = lang->foreign;
    if (!f) return;
    korean_given_names(f, lang, sems);
    const char *country = NULL; /* the sentence's */
    bool hispanic = false;
    size_t cue_at = SIZE_MAX; /* where the sentence's country applies from (its people named) */
    for (size_t i = 0, sentence_end = 0; i < sems->count;) {
        if (i >= sentence_end)
            country = sentence_language(lang, sems, i, &sentence_end, &hispanic, &cue_at);
        if (!name_word(&sems->items[i])) {
            i++;
            continue;
        }
        size_t end = i + 1; /* the name: capitalized words, or joined by a hyphen */
        while (end < sems->count) {
            const sem_token *t = &sems->items[end];
            size_t joined = english_joiners(sems, end); /* Icon of the Seas: one English name */
            if (name_word(t)) {
                end++;
            } else if (t->cls == SEM_PUNCT && !strcmp(t->payload, "-") && end + 1 < sems->count &&
                       name_word(&sems->items[end + 1])) {
                end += 2;
            } else if (joined > end) {
                end = joined;
            } else {
                break;
            }
        }
        size_t place_end = 0, place = i; /* a French place in it stands apart */
        while (place < end && !french_place(lang, sems, place, &place_end))
            place++;
        if (place == i) {
            say_french_place(f, lang, sems, i, place_end);
            i = place_end;
            continue;
        }
        end = place; /* the words before it: Visitó before Mont-de-Marsan */
        if (!es_lang_word_lists(lang)) {
            i = end;
            continue;
        }
        if (hispanic) keep_local_names(f, lang, sems, i, end, country != NULL);
        if (end - i < 2) { /* a name of one word: the sentence's country, if its letters agree */
            const sem_token *t = &sems->items[i];
            int score = 0;
            /* la Agencia de Promoción de Exportaciones (Promexport): a Spanish name's acronym */
            if (bracketed(sems, i) && t->cls == SEM_WORD && !(t->flags & SEM_SAID) && i >= 2 &&
                name_word(&sems->items[i - 2]) &&
                spanish_as_written(lang, sems->items[i - 2].payload,
                                   strlen(sems->items[i - 2].payload))) {
                read_as_written(f, t->payload, "a Spanish name's acronym");
                i = end;
                continue;
            }
            /* not before the people: the francés Girard's Stellantis, named first, is not French */
            if (country && i >= cue_at && open_to_context(lang, t) && !bracketed(sems, i) &&
                !placed_at_home(lang, sems, end) && !home_region_name(lang, sems, i, end) &&
                !table_get(f->cache, t->payload) &&
                (!guess_language(lang, t->payload, strlen(t->payload), &score) || score < 2) &&
                fits_country(lang, t->payload, country))
                approximate_in_context(f, lang, country, t->payload, "its sentence's country");
            i = end;
            continue;
        }
        /* each word's own language and its weight; the name's is the heaviest */
        const char *codes[32] = {0};
        int scores[32] = {0}, top = 0;
        bool listed[32] = {0}; /* in foreign-names.tsv */
        const char *code = NULL;
        bool hyphen = false;
        for (size_t k = i; k < end && k - i < 32; k++) {
            const sem_token *t = &sems->items[k];
            hyphen = hyphen || t->cls == SEM_PUNCT;
            size_t n = strlen(t->payload);
            listed[k - i] = lang->foreign_names && table_getn(lang->foreign_names, t->payload, n);
            if (t->cls != SEM_WORD || (t->flags & SEM_SAID) || (n < 3 && !listed[k - i]) ||
                es_is_function_word(lang, t->payload, n))
                continue;
            codes[k - i] = guess_language(lang, t->payload, n, &scores[k - i]);
            if (scores[k - i] < 2) codes[k - i] = NULL; /* by trigrams alone: Anne-Sophie */
            if (codes[k - i] && scores[k - i] > top) {
                top = scores[k - i];
                code = codes[k - i];
            }
        }
        /* a word whose own language is weaker by 2 or more yields (Mette Sørensen, Gudrun
         * Pfeiffer; not Spencer Gault, Loretta Gaines), in a hyphenated name always
         * (Jean-Baptiste); one as strong as the name's keeps the name as it is */
        bool agree = true, open = false;
        for (size_t k = i; k < end && k - i < 32; k++) {
            const char *c = codes[k - i];
            /* a listed name keeps its language beside a Chinese surname (Jeremy Lin) */
            bool own = code && !strcmp(code, "zh") && listed[k - i];
            bool yields =
                c && code && strcmp(c, code) && !own && (hyphen || scores[k - i] + 2 <= top);
            if (c && code && strcmp(c, code) && !yields) agree = false;
            open = open || ((!c || yields) && open_to_context(lang, &sems->items[k]));
            if (yields) codes[k - i] = NULL;
        }
        if (code && spanish_given_name_alone(lang, sems, codes, i, end)) {
            for (size_t k = i; k < end; k++) /* Zoé Robledo: a Mexican's name, not French */
                if (sems->items[k].cls == SEM_WORD && !(sems->items[k].flags & SEM_SAID))
                    read_as_written(f, sems->items[k].payload, "a Hispanic given name");
            i = end;
            continue;
        }
        if (!code && agree && hyphenated_given_names(lang, sems, i, end))
            code = "fr"; /* Anne-Sophie Delorme, Marie-Claire */
        /* ...if its people are named before it (el estadounidense Adam Driver; not Penélope
           Cruz before him) */
        bool by_country = !code && agree && country && i >= cue_at &&
                          !spanish_accented(sems, i, end) && !placed_at_home(lang, sems, end) &&
                          !home_region_name(lang, sems, i, end);
        if (by_country) code = country; /* el empresario portugués João Ribeiro */
        if (code && !strcmp(code, "it") && hispanic_given_name(f, lang, sems, i, end)) {
            i = end;
            continue;
        }
        for (size_t k = i; code && agree && open && k < end && k - i < 32; k++) {
            const sem_token *t = &sems->items[k];
            if (codes[k - i] || !(open_to_context(lang, t) || after_english_the(sems, k, code)) ||
                table_get(f->cache, t->payload) ||
                (by_country && !fits_country(lang, t->payload, code)) ||
                (!strcmp(code, "en") && spanish_letters(lang, t->payload)) ||
                !spelled_like(code, t->payload))
                continue;
            approximate_in_context(f, lang, code, t->payload,
                                   by_country ? "its sentence's country" : "its name's language");
        }
        i = end;
    }
}
