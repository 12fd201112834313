/* es_say_text.c - verbalizers for addresses and codes: what is spelled, what is said. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "es_foreign.h"
#include "es_say.h"
#include "token.h"

/* The acronyms.tsv entry of a short run of letters in any case (rtve -> RTVE), else NULL. */
static const table_entry *known_acronym(const es_lang *lang, const char *s, size_t n)
{
    if (n > 5) return NULL;
    char up[8];
    for (size_t b = 0; b < n; b++)
        up[b] = (char)(s[b] - 32 * (s[b] >= 'a' && s[b] <= 'z'));
    up[n] = '\0';
    return table_get(lang->acronyms, up);
}

/* An acronym as in running text, a its acronyms.tsv entry or NULL: COP -> cop, rtve -> erre te
 * uve e; one Spanish can say as a word (OMSA -> omsa); else spelled with Spanish letter names
 * (8M -> ocho eme). */
static bool say_acronym(const es_lang *lang, strbuf *out, const char *s, size_t n,
                        const table_entry *a, es_names names)
{
    if (a && !strstr(a->features, "letters")) return sb_word(out, a->spoken);
    char low[32];
    if (!a && n >= 3 && n < sizeof low) { /* an acronym Spanish can say: @OMSA_RD -> omsa */
        es_lower(s, n, low, sizeof low);
        if (es_pronounceable(lang, low)) return sb_word(out, low);
    }
    return es_say_letters(lang, out, s, n, names);
}

/* Letters read as a word, though Spanish spells them otherwise: a vowel in every three letters
 * or so and never four consonants in a row (puntoticket; not xkcd, bcnwrld). ASCII. */
static bool word_like(const char *w, size_t n)
{
    size_t vowels = 0, run = 0;
    for (size_t i = 0; i < n; i++) {
        bool vowel = strchr("aeiouy", w[i]) != NULL;
        if (!vowel && !(w[i] >= 'a' && w[i] <= 'z')) return false;
        vowels += vowel;
        run = vowel ? 0 : run + 1;
        if (run >= 4) return false;
    }
    return vowels * 10 >= n * 3;
}

/* A Spanish word of a domain's label, its accent restored if it lost it (pais -> país), into
 * out; a word of three letters or fewer only if a function word (el, la, los). */
static bool domain_word(const es_lang *lang, const char *w, size_t n, char *out, size_t size)
{
    if (n >= size || n < 2) return false;
    memcpy(out, w, n);
    out[n] = '\0';
    if (n <= 3) return es_is_function_word(lang, w, n);
    if (es_listed_word(lang, w, n)) return true;
    char marked[72];
    if (!es_restored_accent(lang, out, marked, sizeof marked) || strlen(marked) >= size)
        return false;
    strcpy(out, marked);
    return true;
}

/* Says a label as up to parts Spanish words (say_joined_words), the shortest first word first (casa
 * rosada, not casar osada); the last of four letters or more, so never migracion|es. */
static bool say_run_words(const es_lang *lang, strbuf *out, const char *w, size_t n, es_names names,
                          int parts)
{
    char first[72], last[72];
    if (parts == 1)
        return n >= 4 && domain_word(lang, w, n, last, sizeof last) &&
               es_say_word(lang, out, last, names != 0);
    for (size_t k = 2; k + 4 <= n; k++) {
        if (!domain_word(lang, w, k, first, sizeof first)) continue;
        size_t mark = out->len;
        if (es_say_word(lang, out, first, names != 0) &&
            (say_run_words(lang, out, w + k, n - k, names, 1) ||
             (parts > 2 && say_run_words(lang, out, w + k, n - k, names, parts - 1))))
            return true;
        out->len = mark; /* not this first word: the next */
        if (out->data) out->data[mark] = '\0';
    }
    return false;
}

/* agenciatributaria -> agencia tributaria, elpais -> el país, gobiernodecanarias -> gobierno de
 * canarias: a label that is no listed word but two or three run together. */
static bool say_joined_words(const es_lang *lang, strbuf *out, const char *w, size_t n,
                             es_names names)
{
    return n >= 6 && n < 64 && es_lang_word_lists(lang) && !es_listed_word(lang, w, n) &&
           say_run_words(lang, out, w, n, names, 3);
}

/* A run of letters inside an address: a known acronym, a known web word, a pronounceable word,
 * else spelled as a code, with the letters espeak-ng names left bare (asdf -> a s de f); but not
 * code (a host's piece of up to four letters, an acronym): with their names (www.sri.gob.ec:
 * ese erre i). */
static bool say_segment(const es_lang *lang, strbuf *out, const char *s, size_t n, es_names names,
                        bool code)
{
    const table_entry *a = known_acronym(lang, s, n);
    if (a) return say_acronym(lang, out, s, n, a, names);
    char w[128];
    if (n >= sizeof w) return es_say_code_letters(lang, out, s, n, names);
    es_lower(s, n, w, sizeof w);
    const table_entry *e = table_get(lang->web_words, w);
    char there[64];
    if (e) return sb_word(out, es_regional_spoken(e, names, there, sizeof there));
    const table_entry *brand = n >= 4 ? es_lexicon_folded(lang, w) : NULL; /* mcdonalds */
    if (brand) return sb_word(out, es_lexicon_spoken(brand, names != 0, there, sizeof there));
    char marked[72];
    if (es_restored_accent(lang, w, marked, sizeof marked)) /* policia -> policía */
        return es_say_word(lang, out, marked, names != 0);
    if (say_joined_words(lang, out, w, n, names)) return true;
    if (es_pronounceable(lang, w)) return es_say_word(lang, out, w, names != 0);
    /* a foreign word with letters Spanish cannot read: wingo.com as Wingo is said, not spelled
       (puntoticket is read as written, below) */
    if (n >= 4 && word_like(w, n) && strpbrk(w, "w") && es_lang_word_lists(lang) &&
        es_foreign_language(lang, w, n) && es_foreign_say(lang, w, n, false, out))
        return true;
    /* an initialism run into a word: rtvenoticias -> erre te uve e noticias */
    size_t split = 0;
    for (size_t k = 2; k + 4 <= n && k <= 5; k++) {
        if (!es_pronounceable(lang, w + k)) continue;
        char up[8];
        for (size_t b = 0; b < k; b++)
            up[b] = (char)(w[b] - 32 * (w[b] >= 'a' && w[b] <= 'z'));
        up[k] = '\0';
        if (table_get(lang->acronyms, up)) { /* a known initialism first: rtve|noticias */
            split = k;
            break;
        }
        if (!split) split = k;
    }
    if (split)
        return say_segment(lang, out, s, split, names, code) &&
               es_say_word(lang, out, w + split, names != 0);
    if (n >= 6 && word_like(w, n)) /* puntoticket: a word as written, not letters */
        return sb_word(out, w);
    bool initials = !code && n <= 4; /* sri, pgr: an acronym's letters, named */
    return initials ? es_say_letters(lang, out, s, n, names)
                    : es_say_code_letters(lang, out, s, n, names);
}

static bool is_letter_at(const char *s, size_t n)
{
    size_t size;
    int cp = utf8_decode(s, n, &size);
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp >= 0xC0;
}

/* The part of a link a newsreader says: no scheme (https://), and the path only when it is one
 * short piece (rtve.es/noticias); www.rtve.es/noticias/2024/ -> www.rtve.es. */
static void link_span(const char *p, size_t *from, size_t *to)
{
    size_t n = strlen(p);
    *from = 0;
    *to = n;
    if (strchr(p, '@')) return; /* an e-mail address is read whole */
    const char *scheme = strstr(p, "://");
    if (scheme && scheme - p <= 5) *from = (size_t)(scheme - p) + 3;
    const char *slash = strchr(p + *from, '/');
    if (!slash) return;
    const char *piece = slash + 1;
    size_t len = strlen(piece);
    while (len && piece[len - 1] == '/')
        len--;
    bool short_piece =
        len > 0 && len <= 12 && !memchr(piece, '/', len) && strcspn(piece, "?=.#&%") >= len;
    *to = short_piece ? (size_t)(piece - p) + len : (size_t)(slash - p);
}

/* Is word w (n bytes, lower case) listed, as written or capitalized (madrid: Madrid)? */
static bool listed_or_name(const es_lang *lang, char *w, size_t n)
{
    if (es_listed_word(lang, w, n)) return true;
    w[0] = (char)(w[0] - 32);
    bool name = es_listed_word(lang, w, n);
    w[0] = (char)(w[0] + 32);
    return name;
}

/* Is the run of n capitals at s an acronym before a lower-case Spanish word (EMTmadrid,
 * ONUnoticias), not one whose last capital starts the word (BBCMundo, ONUMujeres)? rest: bytes
 * from s to the end of the piece. */
static bool acronym_then_word(const es_lang *lang, const char *s, size_t n, size_t rest)
{
    size_t k = n;
    while (k < rest && s[k] >= 'a' && s[k] <= 'z')
        k++;
    char low[64];
    if (k - n < 3 || k - n + 1 >= sizeof low) return false;
    low[0] = (char)(s[n - 1] + 32); /* the word the last capital would start */
    memcpy(low + 1, s + n, k - n);
    low[k - n + 1] = '\0';
    return listed_or_name(lang, low + 1, k - n) && !listed_or_name(lang, low, k - n + 1);
}

/* Says a run of letters in a handle or hashtag, each capital starting a piece: MeteoredMX ->
 * Meteored eme equis; NiUnaMenos -> Ni Una Menos; a run of capitals is an acronym, spelled as in
 * running text (lower-case runs are spelled as codes: wezyr -> uve doble e zeta i griega r). */
static bool say_camel(const es_lang *lang, strbuf *out, const char *s, size_t n, es_names names)
{
    bool ok = true;
    for (size_t i = 0; i < n && ok;) {
        size_t j = i;
        bool up = s[i] >= 'A' && s[i] <= 'Z';
        while (j < n && s[j] >= 'A' && s[j] <= 'Z')
            j++;
        size_t tail = j; /* CFEmx: a vowelless tail (mx, cdmx) is no word the last capital starts */
        while (tail < n && s[tail] >= 'a' && s[tail] <= 'z' && !strchr("aeiouy", s[tail]))
            tail++;
        bool vowelless = tail > j && (tail == n || !(s[tail] >= 'a' && s[tail] <= 'z'));
        /* BBCMundo: the M starts Mundo; but EMTmadrid, ONUnoticias: a listed acronym whole */
        if (up && j - i > 1 && j < n && !vowelless && !acronym_then_word(lang, s + i, j - i, n - i))
            j--;
        if (!up || j - i == 1)
            while (j < n && !(s[j] >= 'A' && s[j] <= 'Z'))
                j++;
        size_t len = j - i;
        char piece[64], lower[64];
        if (len >= sizeof piece) {
            ok = say_segment(lang, out, s + i, len, names, true);
            i = j;
            continue;
        }
        memcpy(piece, s + i, len);
        piece[len] = '\0';
        es_lower(piece, len, lower, sizeof lower);
        bool capitalized = up && (len == 1 || !(s[i + 1] >= 'A' && s[i + 1] <= 'Z'));
        char marked[72]; /* @PoliciaPeru: Policía Perú */
        bool restored =
            capitalized && len > 3 && es_restored_accent(lang, lower, marked, sizeof marked);
        if (restored && marked[0] >= 'a' && marked[0] <= 'z') marked[0] = (char)(marked[0] - 32);
        /* a capitalized piece Spanish can say, or a short one with a vowel, as written */
        if (restored)
            ok = es_say_word(lang, out, marked, names != 0);
        else if ((capitalized && len > 1 &&
                  (es_pronounceable(lang, lower) || (len <= 4 && strpbrk(lower, "aeiouy")) ||
                   (len > 3 && es_foreign_language(lang, lower, len)))) || /* @TankerTrackers */
                 (!up && es_is_function_word(lang, piece, len)))           /* @el_pais: el */
            ok = es_say_word(lang, out, piece, names != 0);
        else if (up && strspn(piece, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == len) /* 8M, MX, COP */
            ok = say_acronym(lang, out, piece, len, known_acronym(lang, piece, len), names);
        else
            ok = say_segment(lang, out, piece, len, names, true);
        i = j;
    }
    return ok;
}

/* #8M -> hashtag ocho eme; #MeToo -> hashtag Me Too; #28F -> hashtag veintiocho efe;
 * #1 (digits alone) -> número uno; bare (el lema #NiUnaMenos) -> Ni Una Menos */
static bool say_hashtag(const es_lang *lang, const char *p, es_names names, bool bare, strbuf *out)
{
    bool digits = strspn(p + 1, "0123456789") == strlen(p + 1);
    const table_entry *e = digits ? table_get(lang->abbreviations, "n.º")
                                  : table_get(lang->web_words, "hashtag"); /* or almohadilla */
    bool ok = bare && !digits ? true : sb_word(out, e ? e->spoken : "#");
    for (size_t i = 1, n = strlen(p); i < n && ok;) {
        size_t j = i;
        if (p[i] >= '0' && p[i] <= '9') {
            while (j < n && p[j] >= '0' && p[j] <= '9')
                j++;
            char num[8];
            bool cardinal = p[i] != '0' && j - i < sizeof num;
            if (cardinal) snprintf(num, sizeof num, "%.*s", (int)(j - i), p + i);
            ok = cardinal ? es_cardinal_str(&lang->num, out, num, ES_MASC, false)
                          : es_digits(&lang->num, out, p + i, j - i);
        } else if (is_letter_at(p + i, n - i)) {
            while (j < n && is_letter_at(p + j, n - j) && !(p[j] >= '0' && p[j] <= '9')) {
                size_t size;
                utf8_decode(p + j, n - j, &size);
                j += size;
            }
            ok = say_camel(lang, out, p + i, j - i, names);
        } else
            j++; /* #Mundial_2026: the underscore is not read */
        i = j;
    }
    return ok;
}

/* ELECTRONIC "www.boe.es" -> uve doble uve doble uve doble punto boe punto es;
 * "https://elpais.com/espana/2024/" -> elpais punto com;
 * "prensa@ministerio.es" -> prensa arroba ministerio punto es;
 * "@MeteoredMX" -> arroba Meteored eme equis; "#8M" -> hashtag ocho eme */
/* Is a web address's label written in words joined by capitals (TankerTrackers.com), and no
 * brand the lexicon knows whole (YouTube)? Said word by word, as a handle is. */
static bool camel_label(const es_lang *lang, const char *s, size_t n)
{
    bool inner = false;
    for (size_t k = 1; k < n && !inner; k++)
        inner = s[k] >= 'A' && s[k] <= 'Z' && s[k - 1] >= 'a' && s[k - 1] <= 'z';
    char w[64];
    if (!inner || n >= sizeof w) return false;
    es_lower(s, n, w, sizeof w);
    return !es_lexicon_folded(lang, w) && !table_get(lang->web_words, w);
}

bool es_say_electronic(const es_lang *lang, const sem_token *t, strbuf *out)
{
    es_names names = ES_NAMES(t);
    if (t->payload[0] == '#')
        return say_hashtag(lang, t->payload, names, (t->flags & SEM_BARE) != 0, out);
    size_t from, n;
    link_span(t->payload, &from, &n);
    const char *p = t->payload;
    bool ok = true, handle = p[0] == '@';
    const char *at = strchr(p, '@'); /* an e-mail's user, before it, is spelled as a code */
    for (size_t i = from; i < n && ok;) {
        size_t j = i;
        if (p[i] >= '0' && p[i] <= '9') {
            while (j < n && p[j] >= '0' && p[j] <= '9')
                j++;
            ok = es_digits(&lang->num, out, p + i, j - i);
        } else if (is_letter_at(p + i, n - i)) {
            while (j < n && is_letter_at(p + j, n - j)) {
                size_t size;
                utf8_decode(p + j, n - j, &size);
                j += size;
            }
            ok = handle || camel_label(lang, p + i, j - i)
                     ? say_camel(lang, out, p + i, j - i, names)
                     : say_segment(lang, out, p + i, j - i, names, at && p + i < at);
        } else {
            size_t size;
            utf8_decode(p + i, n - i, &size);
            j = i + size;
            char mark[8];
            snprintf(mark, sizeof mark, "%.*s", (int)size, p + i);
            const table_entry *e = table_get(lang->symbols, mark);
            char there[32];
            ok = sb_word(out, e ? es_regional_spoken(e, names, there, sizeof there) : mark);
        }
        i = j;
    }
    return ok;
}

/* CODE "G 20" -> ge veinte; "covid 19" -> covid diecinueve; "11 M" -> once eme; "A 3" -> a tres */
bool es_say_code(const es_lang *lang, const sem_token *t, strbuf *out)
{
    const char *p = t->payload;
    bool ok = true;
    while (*p && ok) {
        size_t n = strcspn(p, " ");
        char *part = strndup(p, n); /* whole, however long: no piece of a code is dropped */
        if (!part) return false;
        size_t zeros = strspn(part, "0");
        if (part[0] == '0' && n == 3 && zeros == 1 && !(t->flags & SEM_DIGITS))
            /* N° 012-2024-PCM: cero doce, its zero said and then the number */
            ok = es_digits(&lang->num, out, part, 1) &&
                 es_cardinal_str(&lang->num, out, part + 1, ES_MASC, false);
        else if (part[0] >= '0' && part[0] <= '9')
            ok = (part[0] == '0' && n > 1) || n > ES_DIGITS_MAX ||
                         ((t->flags & SEM_DIGITS) && n >= 3)
                     ? es_digits(&lang->num, out, part, n)
                     : es_cardinal_str(&lang->num, out, part, ES_MASC, false);
        else if (part[0] >= 'A' && part[0] <= 'Z')
            ok = es_say_letters(lang, out, part, n, ES_NAMES(t));
        else
            ok = es_say_word(lang, out, part, ES_AMERICAN(t));
        free(part);
        p += n + (p[n] == ' ');
    }
    return ok;
}
