/* es_rec_text.c - recognizers for written forms of words: e-mail and web addresses,
 * abbreviations, acronyms and alphanumeric codes. */
#include <stdio.h>
#include <string.h>

#include "es_rec.h"

/* ---- electronic ---- */

static bool url_mark(const cctx *c, size_t i)
{
    static const char marks[] = ".@/:-_|^~=?&#%+";
    return (cc_is(c, i, TOK_PUNCT) || cc_is(c, i, TOK_SYMBOL)) && cc_len(c, i) == 1 &&
           strchr(marks, cc_ptr(c, i)[0]);
}

/* The top-level domain ending the host part of tokens [i, end]: www.boe.es -> "es" */
static bool host_has_tld(const cctx *c, size_t i, size_t end)
{
    size_t host_end = end;
    for (size_t k = i; k <= end; k++)
        if (cc_eq(c, k, "/")) {
            host_end = k - 1;
            break;
        }
    if (host_end < i + 2 || !cc_eq(c, host_end - 1, ".") || !cc_is(c, host_end, TOK_WORD))
        return false;
    char w[16];
    if (cc_len(c, host_end) >= sizeof w) return false;
    es_lower(cc_ptr(c, host_end), cc_len(c, host_end), w, sizeof w);
    /* the TLD is lower case as written (a sentence "Fin.Es" is not an address) */
    return strncmp(w, cc_ptr(c, host_end), cc_len(c, host_end)) == 0 &&
           table_get(c->lang->web_words, w) &&
           strstr(table_get(c->lang->web_words, w)->features, "tld") != NULL;
}

/* user@host.abc: a word, @, then words joined by points ending in a lower-case one (any TLD) */
static bool email_shape(const cctx *c, size_t i, size_t end)
{
    size_t at = i;
    while (at < end && !cc_eq(c, at, "@"))
        at++;
    if (at == i || at + 3 > end || !cc_is(c, end, TOK_WORD) || !cc_eq(c, end - 1, "."))
        return false;
    const char *tld = cc_ptr(c, end);
    for (size_t b = 0; b < cc_len(c, end); b++)
        if (tld[b] < 'a' || tld[b] > 'z') return false;
    return cc_len(c, end) >= 2;
}

/* #8M, #MeToo, #Mundial_2026 -> ELECTRONIC as written (a hashtag ends at other marks) */
static size_t hashtag(const cctx *c, size_t i, sem_token *out)
{
    size_t end = i;
    while (cc_touch(c, end) && (cc_is(c, end + 1, TOK_WORD) || cc_is(c, end + 1, TOK_NUMBER) ||
                                (cc_eq(c, end + 1, "_") && cc_touch(c, end + 1))))
        end++;
    if (end == i || cc_eq(c, end, "_")) return 0;
    *out = cc_make(c, SEM_ELECTRONIC, i, end, cc_text(c, i, end));
    if (cc_cue(c, cc_prev(c, i), ES_CUE_MOTTO)) out->flags |= SEM_BARE; /* el lema #NiUnaMenos */
    return end - i + 1;
}

/* www.boe.es, prensa@ministerio.es, https://x.com/a, @cuenta -> ELECTRONIC as written */
size_t es_rec_electronic(const cctx *c, size_t i, sem_token *out)
{
    if (i > 0 && cc_touch(c, i - 1) && !es_opening_mark(c, i - 1)) return 0; /* (www.boe.es) */
    if (cc_eq(c, i, "#")) return hashtag(c, i, out);
    if (!(cc_is(c, i, TOK_WORD) || cc_is(c, i, TOK_NUMBER) || cc_eq(c, i, "@"))) return 0;
    size_t end = i;
    while (cc_touch(c, end) &&
           (cc_is(c, end + 1, TOK_WORD) || cc_is(c, end + 1, TOK_NUMBER) || url_mark(c, end + 1)))
        end++;
    /* a sentence's own punctuation after the address is not part of it */
    while (end > i && cc_is(c, end, TOK_PUNCT) && !cc_eq(c, end, "/") &&
           !(cc_is(c, end - 1, TOK_PUNCT) && cc_eq(c, end, "|")))
        end--;
    if (end == i) return 0;
    bool handle = cc_eq(c, i, "@") && (cc_is(c, i + 1, TOK_WORD) || (cc_is(c, i + 1, TOK_NUMBER) &&
                                                                     end > i + 1)); /* @112Madrid */
    bool web = cc_cue(c, i, ES_CUE_WEB_START) && (cc_eq(c, i + 1, ".") || cc_eq(c, i + 1, ":"));
    if (!handle && !web && !email_shape(c, i, end) && !host_has_tld(c, i, end)) return 0;
    *out = cc_make(c, SEM_ELECTRONIC, i, end, cc_text(c, i, end));
    return end - i + 1;
}

/* ---- abbreviations ---- */

const table_entry *es_era_without_points(const cctx *c, size_t i)
{
    const char *w = cc_ptr(c, i);
    size_t n = cc_len(c, i), p = cc_prev(c, i);
    if (n < 2 || n > 3 || p == CC_NONE) return NULL;
    bool roman = cc_is(c, p, TOK_WORD) && strspn(cc_ptr(c, p), "IVXLCivxlc") >= cc_len(c, p) &&
                 cc_cue(c, cc_prev(c, p), ES_CUE_CENTURY);
    if (!cc_is(c, p, TOK_NUMBER) && !roman) return NULL;
    char key[16];
    size_t k = 0;
    for (size_t b = 0; b < n; b++) {
        char ch = (char)(w[b] | 0x20);
        if (ch < 'a' || ch > 'z') return NULL;
        key[k++] = ch;
        key[k++] = '.';
        if (b + 1 < n) key[k++] = ' ';
    }
    key[k] = '\0';
    const table_entry *e = table_get(c->lang->abbreviations, key);
    return e && strstr(e->features, "use=era") ? e : NULL;
}

static bool all_capitals(const char *s, size_t n);

/* O.N.U., S.A., EE.UU.: capitals of one or two letters, each with its point and touching the
 * next. Copies the letters ("ONU") into letters and returns the last point's index, or 0 when
 * there are fewer than two. */
static size_t dotted_run(const cctx *c, size_t i, char *letters, size_t size, size_t *groups)
{
    size_t k = i, last = 0, n = 0;
    *groups = 0;
    while (cc_is(c, k, TOK_WORD) && cc_len(c, k) <= 2 && all_capitals(cc_ptr(c, k), cc_len(c, k)) &&
           cc_touch(c, k) && cc_eq(c, k + 1, ".") && n + cc_len(c, k) < size) {
        memcpy(letters + n, cc_ptr(c, k), cc_len(c, k));
        n += cc_len(c, k);
        ++*groups;
        last = k + 1;
        if (!cc_touch(c, k + 1)) break;
        k += 2;
    }
    letters[n] = '\0';
    return *groups >= 2 ? last : 0;
}

/* la O.N.U. -> WORD "onu"; S.R.L. -> the table's "SRL"; J.K. -> LETTERS "JK" (no sentence end
 * before a name) */
static size_t dotted_acronym(const cctx *c, size_t i, size_t last, const char *letters,
                             size_t groups, sem_token *out)
{
    const table_entry *e = table_get(c->lang->abbreviations, letters);
    sem_class cls = SEM_ABBREVIATION;
    const char *spoken = e ? e->spoken : cc_acronym(c, letters, strlen(letters), &cls);
    if (!spoken) return 0;
    *out = cc_make(c, cls, i, last, spoken);
    /* the final point is the sentence's before a capital, unless two initials precede a name */
    size_t nx = cc_next(c, last);
    bool initials = groups == 2 && strlen(letters) == 2 && cc_capitalized(c, nx) &&
                    !es_is_function_word(c->lang, cc_ptr(c, nx), cc_len(c, nx));
    if (nx >= c->n || (cc_capitalized(c, nx) && !initials)) out->flags |= SEM_SENTENCE_END;
    return last - i + 1;
}

/* Does the token at k end a match's minute: 23', 40 minutos, el minuto 12? */
static bool minute_before(const cctx *c, size_t k)
{
    if (k == CC_NONE) return false;
    if (cc_eq(c, k, "'") || cc_eq(c, k, "\u2019") || cc_eq(c, k, "\u2032")) return true;
    if (cc_is(c, k, TOK_NUMBER)) k = cc_prev(c, k); /* el minuto 12 del ST */
    return cc_cue(c, k, ES_CUE_MINUTE_WORD);
}

/* Looks key up as written, with its first letter's case flipped, and in capitals. */
static const table_entry *abbr_lookup(const table *t, char *key, size_t n)
{
    const table_entry *e = table_getn(t, key, n);
    if (e) return e;
    char k2[64];
    if (n >= sizeof k2) return NULL;
    memcpy(k2, key, n + 1);
    if (k2[0] >= 'a' && k2[0] <= 'z')
        k2[0] = (char)(k2[0] - 32);
    else if (k2[0] >= 'A' && k2[0] <= 'Z')
        k2[0] = (char)(k2[0] + 32);
    if ((e = table_getn(t, k2, n))) return e;
    for (size_t k = 0; k < n; k++)
        if (k2[k] >= 'a' && k2[k] <= 'z') k2[k] = (char)(k2[k] - 32);
    return table_getn(t, k2, n);
}

/* A title is a woman's: "la" before it or a woman's first name after it (la Lic., Dr. Ana). */
static bool feminine_title(const cctx *c, size_t p, size_t nx)
{
    if (cc_cue(c, p, ES_CUE_TITLE_FEMININE)) return true;
    if (!cc_capitalized(c, nx)) return false;
    const table_entry *e = table_getn(c->lang->names, cc_ptr(c, nx), cc_len(c, nx));
    if (e) return strstr(e->features, "g=f") != NULL;
    /* a given name in -a (Ing. Carolina Beltrán: ingeniera), never a surname (Ing. Barrera) */
    return c->lang->given_names && cc_ptr(c, nx)[cc_len(c, nx) - 1] == 'a' &&
           table_getn(c->lang->given_names, cc_ptr(c, nx), cc_len(c, nx));
}

/* Sr. -> señor; EE. UU., EE.UU. -> Estados Unidos; O.N.U. -> onu; p. ej. -> por ejemplo; n.º ->
 * número; C/ -> calle */
size_t es_rec_abbreviation(const cctx *c, size_t i, sem_token *out)
{
    if (!cc_is(c, i, TOK_WORD) || (i > 0 && cc_touch(c, i - 1) && cc_is(c, i - 1, TOK_WORD)))
        return 0;
    /* every abbreviation has a mark (. or /) right after its first word (Sr. C/), an
     * ordinal mark in it (Mª), or is one short word in capitals (SA): a lint test keeps it so */
    bool marked =
        cc_touch(c, i) &&
        ((cc_is(c, i + 1, TOK_PUNCT) && (*cc_ptr(c, i + 1) == '.' || *cc_ptr(c, i + 1) == '/')) ||
         cc_eq(c, i + 1, "°")); /* N° */
    const table_entry *era = es_era_without_points(c, i);
    if (era) {
        *out = cc_make(c, SEM_ABBREVIATION, i, i, era->spoken);
        return 1;
    }
    if (!marked) { /* a comma after a word, say: most words, none an abbreviation */
        const char *w = cc_ptr(c, i);
        size_t n = cc_len(c, i);
        if (n <= 3 && w[0] >= 'a' && w[0] <= 'z' && strcspn(w, "aeiou") >= n) {
            /* Madrid vs Barcelona: an abbreviation written without its point (bare=1) */
            char k[8];
            snprintf(k, sizeof k, "%.*s.", (int)n, w);
            const table_entry *e = table_get(c->lang->abbreviations, k);
            if (e && strstr(e->features, "bare=1")) {
                *out = cc_make(c, SEM_ABBREVIATION, i, i, e->spoken);
                return 1;
            }
        }
        bool ordinal_mark = memchr(w, '\xc2', n) != NULL; /* Mª, n.º: the mark is a letter */
        bool before_number = n <= 3 && cc_is(c, cc_next(c, i), TOK_NUMBER); /* km 284 */
        if (!ordinal_mark && !before_number &&
            (n > 4 || strspn(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") < n))
            return 0;
    }
    /* the text from i with spaces as single blanks, and where each token ends in it */
    size_t maxk = table_max_key(c->lang->abbreviations);
    char key[64];
    size_t ends[12], lens[12], n = 0, count = 0;
    for (size_t k = i; k < c->n && count < 12; k++) {
        const char *s = c->toks[k].kind == TOK_SPACE ? " " : cc_ptr(c, k);
        size_t l = c->toks[k].kind == TOK_SPACE ? 1 : cc_len(c, k);
        /* written without spaces, looked up as the RAE spaces it: S.A. -> S. A., EE.UU. */
        bool gap = k > i && cc_is(c, k, TOK_WORD) && cc_eq(c, k - 1, ".") && cc_touch(c, k - 1) &&
                   ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'z');
        if (n + l + gap >= sizeof key || n + l + gap > maxk) break;
        if (gap) key[n++] = ' ';
        memcpy(key + n, s, l);
        n += l;
        if (c->toks[k].kind != TOK_SPACE) ends[count] = k, lens[count++] = n;
    }
    char letters[16];
    size_t groups, dotted = dotted_run(c, i, letters, sizeof letters, &groups);
    /* longest first */
    while (count-- > 0) {
        size_t k = ends[count], n2 = lens[count];
        if (dotted && k < dotted) break; /* O.N.U. read whole, not as "O." */
        key[n2] = '\0';
        const table_entry *e = abbr_lookup(c->lang->abbreviations, key, n2);
        if (!e) continue;
        char last = key[n2 - 1];
        if (cc_touch(c, k) && (cc_is(c, k + 1, TOK_WORD) || cc_is(c, k + 1, TOK_NUMBER)) &&
            last != '.' && last != '/')
            continue;
        /* "s/n." at a sentence end is s/n; a point going on into a word is a longer form */
        if (last != '.' && last != '/' && cc_touch(c, k) && cc_eq(c, k + 1, ".") &&
            cc_touch(c, k + 1) && !cc_is(c, k + 2, TOK_PUNCT))
            continue;
        char f[16];
        table_feature(e->features, "use", f, sizeof f);
        size_t nx = cc_next(c, k), p = cc_prev(c, i);
        if (!strcmp(f, "name") && n2 <= 2) {
            /* D. Juan: a one-letter title only before a name, and never an initial inside one */
            if (!cc_capitalized(c, nx) || cc_capitalized(c, p)) continue;
            if (cc_eq(c, p, ".") && p > 0 && cc_touch(c, p - 1) && cc_initial(c, p - 1))
                continue; /* J. D. Salinger: the second of two initials */
        }
        /* exp. 45, exp. N.° 45: before a number or a number sign */
        if (!strcmp(f, "number") && !cc_is(c, nx, TOK_NUMBER) &&
            !(cc_is(c, nx, TOK_WORD) && cc_len(c, nx) <= 3 && (*cc_ptr(c, nx) | 0x20) == 'n' &&
              cc_number_near(c, nx, 4)))
            continue;
        /* RD 1/2024, DS 006-2024-TR: a law's abbreviation only before a number and its year */
        if (!strcmp(f, "law") &&
            (strcmp(key, e->written) || !cc_is(c, nx, TOK_NUMBER) || !cc_touch(c, nx) ||
             !(cc_eq(c, nx + 1, "/") || cc_eq(c, nx + 1, "-")) || !cc_is(c, nx + 2, TOK_NUMBER) ||
             cc_len(c, nx + 2) != 4))
            continue;
        /* a los 23' del ST: a match's half only after del and a minute */
        if (!strcmp(f, "half") && !(cc_word_is(c, p, "del") && minute_before(c, cc_prev(c, p))))
            continue;
        /* 44 a. C., siglo V d. C.: an era only after a year or a century (Washington D.C.) */
        if (!strcmp(f, "year") && !cc_is(c, p, TOK_NUMBER) && !cc_roman(c, p)) continue;
        /* a 15 km al SO de Pinotepa: a compass point only between al and de */
        if (!strcmp(f, "compass") &&
            !(cc_word_is(c, p, "al") && (cc_word_is(c, nx, "de") || cc_word_is(c, nx, "del"))))
            continue;
        /* s. XX: siglo only before a Roman numeral */
        if (!strcmp(f, "roman") && !cc_roman(c, nx)) continue;
        *out = cc_make(c, SEM_ABBREVIATION, i, k, e->spoken);
        char local[32] = ""; /* a region's own reading: c/ is casi in Paraguay (López c/ Brasil) */
        if (c->region) es_feature_words(e, c->region->code, local, sizeof local);
        if (local[0]) out->payload = cc_strdup(c, local);
        char adjective[32]; /* un coste aprox. de 2,8 millones: aproximado, after its noun */
        table_feature(e->features, "noun", adjective, sizeof adjective);
        if (adjective[0] && p != CC_NONE && cc_is(c, p, TOK_WORD) && !cc_capitalized(c, p) &&
            cc_word_is(c, nx, "de") && cc_number_near(c, nx, 3) &&
            !es_is_function_word(c->lang, cc_ptr(c, p), cc_len(c, p)) &&
            !es_is_verb_form(c->lang, cc_ptr(c, p), cc_len(c, p))) {
            size_t an = strlen(adjective);
            bool plural = cc_ptr(c, p)[cc_len(c, p) - 1] == 's';
            if (es_noun_gender(c->lang, cc_ptr(c, p), cc_len(c, p)) == ES_FEM && an > 0 &&
                adjective[an - 1] == 'o')
                adjective[an - 1] = 'a';
            if (plural && an + 1 < sizeof adjective) strcat(adjective, "s");
            out->payload = cc_strdup(c, adjective);
        }
        char fem[32];
        table_feature(e->features, "fem", fem, sizeof fem);
        if (fem[0] && feminine_title(c, p, nx)) /* la Lic. Ana Téllez: licenciada */
            out->payload = cc_strdup(c, fem);
        char street[32];
        table_feature(e->features, "street", street, sizeof street);
        bool names_street = street[0] && (p >= c->n || !cc_capitalized(c, p)) &&
                            (cc_capitalized(c, nx) || cc_word_is(c, nx, "de"));
        if (names_street) /* del Jr. Ica, el Jr. de la Unión: jirón; Ken Griffey Jr.: júnior */
            out->payload = cc_strdup(c, street);
        char pl[32];
        table_feature(e->features, "pl", pl, sizeof pl);
        if (pl[0] && (cc_word_is(c, p, "los") || cc_word_is(c, p, "unos")))
            out->payload = cc_strdup(c, pl); /* entre los km 30 y 80: kilómetros */
        /* a final abbreviation's point is also the sentence's (RAE); never after a determiner
           (la Cía. Sud Americana) */
        if (last == '.' && !cc_cue(c, p, ES_CUE_DETERMINER) && !names_street &&
            (nx >= c->n || (cc_eq(c, nx, "-") && !strcmp(f, "")) ||
             (strcmp(f, "name") && strcmp(f, "roman") && strcmp(f, "join") &&
              cc_capitalized(c, nx) && !cc_cue(c, nx, ES_CUE_CODE)))) /* ... Nuevo
              León.- El Metro; not D. S. N.º 006 */
            out->flags |= SEM_SENTENCE_END;
        return k - i + 1;
    }
    return dotted ? dotted_acronym(c, i, dotted, letters, groups, out) : 0;
}

/* ---- acronyms and codes ---- */

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
    return letters >= 1;
}

/* Is an acronym spelled for its vowels: a doubled first one (EEAOC; CEOE is a word), or, when
 * short, all vowels or two open vowels at its start that no word opens with (EEI, AEM; not UAM,
 * BOE)? */
static bool vowels_spelled(const char *low)
{
    size_t n = strlen(low);
    if (n >= 2 && low[0] == low[1] && strchr("aeiou", low[0])) return true; /* EEAOC */
    if (n > 4) return false;
    if (strspn(low, "aeiou") == n) return true;
    return strchr("aeo", low[0]) && strchr("aeo", low[1]);
}

/* An acronym of seven letters or more with three vowels and no three consonants in a row is
 * said as a word even with a cluster Spanish lacks: nobody spells eight letters (DIGESETT,
 * OVSICORI). */
static bool long_word(const char *low)
{
    size_t n = strlen(low), vowels = 0, run = 0;
    if (n < 7) return false;
    for (size_t i = 0; i < n; i++) {
        bool vowel = strchr("aeiou", low[i]) != NULL;
        vowels += vowel;
        run = vowel ? 0 : run + 1;
        if (run > 2 || (unsigned char)low[i] >= 0x80) return false;
    }
    return vowels >= 3;
}

const char *cc_acronym(const cctx *c, const char *w, size_t n, sem_class *cls)
{
    if (!all_capitals(w, n)) return NULL;
    const table_entry *e = table_getn(c->lang->acronyms, w, n);
    if (e) {
        char read[16];
        table_feature(e->features, "read", read, sizeof read);
        bool spell = strcmp(read, "letters") == 0;
        *cls = spell ? SEM_LETTERS : SEM_ABBREVIATION;
        /* a region's own reading: ICE is ais, but ice in es-CR; DS decreto_supremo in es-BO */
        char local[32] = "";
        if (c->region) table_feature(e->features, c->region->code, local, sizeof local);
        for (char *u = local; (u = strchr(u, '_'));)
            *u = ' ';
        if (local[0]) {
            *cls = SEM_ABBREVIATION;
            return cc_strdup(c, local);
        }
        if (spell) return cc_strndup(c, w, n);
        /* PIB: pe i be in the Americas (acronyms.tsv america=) */
        const char *said = c->region && c->region->american
                               ? es_regional_spoken(e, ES_NAMES_AMERICA, local, sizeof local)
                               : e->spoken;
        return said == local ? cc_strdup(c, local) : said;
    }
    char lower[64];
    if (n >= sizeof lower) return NULL;
    es_lower(w, n, lower, sizeof lower);
    bool silent_h = n == 3 && lower[1] == 'h'; /* EHU: e hache u, never "eu" */
    if ((es_pronounceable(c->lang, lower) || long_word(lower)) && !vowels_spelled(lower) &&
        !silent_h) {
        *cls = SEM_WORD;
        return cc_strdup(c, lower);
    }
    *cls = SEM_LETTERS;
    return cc_strndup(c, w, n);
}

/* A capital word of two letters or more (accented ones count: ÚLTIMA), or a one-letter function
 * word (the Y of ESPAÑA Y FRANCIA). */
static bool caps_word(const cctx *c, size_t i)
{
    if (!cc_is(c, i, TOK_WORD) || !all_capitals(cc_ptr(c, i), cc_len(c, i))) return false;
    return cc_len(c, i) >= 2 || es_is_function_word(c->lang, cc_ptr(c, i), 1);
}

/* A capital word that only a word can be: a function word, an accented word, or a
 * pronounceable one of four letters or more that is no listed acronym (GANA, HORA). */
static bool wordlike(const cctx *c, size_t k)
{
    const char *w = cc_ptr(c, k);
    size_t n = cc_len(c, k);
    if (es_is_function_word(c->lang, w, n) || memchr(w, 0xC3, n)) return true;
    char lower[64];
    if (n < 4 || n >= sizeof lower || table_getn(c->lang->acronyms, w, n)) return false;
    es_lower(w, n, lower, sizeof lower);
    return es_pronounceable(c->lang, lower);
}

/* Token i is in a run of two or more capital words holding a word that is no acronym: a
 * headline ("ÚLTIMA HORA", "TRUMP GANA EN OHIO"), not a row of acronyms ("PP PSOE"); or it
 * is a block's opening label ("URGENTE:"). */
static bool headline(const cctx *c, size_t i)
{
    size_t first = i, last = i, words = 1;
    bool wordy = false;
    for (size_t p = cc_prev(c, first); p != CC_NONE && caps_word(c, p); p = cc_prev(c, p))
        first = p, words++;
    for (size_t nx = cc_next(c, last); nx < c->n && caps_word(c, nx); nx = cc_next(c, nx))
        last = nx, words++;
    for (size_t k = first; k <= last && !wordy; k++)
        if (cc_is(c, k, TOK_WORD)) wordy = wordlike(c, k);
    /* or a label opening the block: "URGENTE:", "HOY:" */
    if (words == 1) return first == i && cc_prev(c, i) == CC_NONE && cc_eq(c, i + 1, ":");
    return wordy;
}

/* Token i is in a place name in capitals opening the block: a dateline ("NUEVA YORK.-",
 * "QUITO (AFP) -", "LIMA,"), read as words whatever their letters. */
static bool dateline(const cctx *c, size_t i)
{
    size_t first = i, last = i, words = 1;
    for (size_t p = cc_prev(c, first); p != CC_NONE && caps_word(c, p); p = cc_prev(c, p))
        first = p, words++;
    for (size_t nx = cc_next(c, last); nx < c->n && caps_word(c, nx); nx = cc_next(c, nx))
        last = nx, words++;
    size_t after = last + 1, then = cc_next(c, after);
    /* "LIMA, 3 dic", not "GTA VI, de Rockstar Games": a lower-case word after the comma */
    bool lower_word = cc_is(c, then, TOK_WORD) && cc_ptr(c, then)[0] >= 'a' &&
                      cc_ptr(c, then)[0] <= 'z' &&
                      !table_getn(c->lang->months, cc_ptr(c, then), cc_len(c, then)); /* dic. */
    bool comma = cc_eq(c, after, ",") && !lower_word;
    return cc_prev(c, first) == CC_NONE && words <= 4 &&
           ((cc_eq(c, after, ".") && cc_eq(c, after + 1, "-")) || comma ||
            (cc_eq(c, after, " ") && cc_eq(c, after + 1, "(")));
}

/* A headline's word Spanish can say (lower case): "gana", "ley", "hoy" (a final y is an i),
 * "va" (a consonant and a vowel), or long enough to be a name (TRUMP). */
static bool sayable(const es_lang *lang, const char *w, size_t n)
{
    if (n >= 5 || es_pronounceable(lang, w)) return true;
    if (n == 2) return !strchr("aeiou", w[0]) && strchr("aeiou", w[1]);
    char i[8];
    if (n < 3 || n >= sizeof i || w[n - 1] != 'y' || !strchr("aeiou", w[n - 2])) return false;
    memcpy(i, w, n - 1);
    i[n - 1] = 'i';
    i[n] = '\0';
    return es_pronounceable(lang, i);
}

/* FILBo -> WORD "filbo", CONACyT -> "conacit", ERTEs -> "ertes", CChC -> LETTERS, MSPyBS -> CODE
 * "MSP y BS" (eme ese pe y be ese): two capitals
 * first, then lower case somewhere, said as one word when Spanish can say it (JPMorgan, ONGs are
 * not) */
static size_t mixed_case_acronym(const cctx *c, size_t i, sem_token *out)
{
    const char *w = cc_ptr(c, i);
    size_t n = cc_len(c, i), caps = 0;
    char lower[32];
    if (n < 3 || n >= sizeof lower || !(w[0] >= 'A' && w[0] <= 'Z')) return 0;
    const table_entry *listed = table_getn(c->lang->acronyms, w, n);
    if (listed) { /* TyC: as acronyms.tsv says it (te i ce) */
        *out = cc_make(c, SEM_ABBREVIATION, i, i, listed->spoken);
        return 1;
    }
    for (size_t b = 0; b < n; b++) {
        if (!((w[b] >= 'A' && w[b] <= 'Z') || (w[b] >= 'a' && w[b] <= 'z'))) return 0;
        caps += w[b] >= 'A' && w[b] <= 'Z';
    }
    /* a small letter second: only a short run of capitals with one (AySA; not YouTube) */
    if (!(w[1] >= 'A' && w[1] <= 'Z') && (caps < 3 || n > 6)) return 0;
    es_lower(w, n, lower, sizeof lower);
    for (size_t b = 1; b + 1 < n; b++) /* a y between consonants is an i: conacyt -> conacit */
        if (lower[b] == 'y' && !strchr("aeiou", lower[b - 1]) && !strchr("aeiou", lower[b + 1]))
            lower[b] = 'i';
    if (caps == n || es_lexicon_get(c->lang, w, n)) return 0;
    /* PSdeG, CCdeA: capitals around "de" are letters and the word de (pe ese de ge) */
    size_t up = strspn(w, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), small = strspn(w + up, "adelo");
    if (up >= 1 && small >= 2 && up + small < n &&
        (!strncmp(w + up, "de", small) || !strncmp(w + up, "del", small)) &&
        strspn(w + up + small, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == n - up - small) {
        char *p = cc_alloc(c, n + 3);
        if (!p) return 0;
        snprintf(p, n + 3, "%.*s %.*s %s", (int)up, w, (int)small, w + up, w + up + small);
        *out = cc_make(c, SEM_CODE, i, i, p);
        return 1;
    }
    /* MSPyBS: capitals around a y Spanish cannot say as one word: letters, y, letters */
    if (up >= 2 && w[up] == 'y' && up + 1 < n &&
        strspn(w + up + 1, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == n - up - 1 &&
        !es_pronounceable(c->lang, lower)) {
        char *p = cc_alloc(c, n + 3);
        if (!p) return 0;
        snprintf(p, n + 3, "%.*s y %s", (int)up, w, w + up + 1);
        *out = cc_make(c, SEM_CODE, i, i, p);
        return 1;
    }
    if (!sayable(c->lang, lower, n)) { /* CChC: ce ce hache ce; not ONGs, a plural */
        if (n > 5 || caps < 3 || w[n - 1] == 's') return 0;
        *out = cc_make(c, SEM_LETTERS, i, i, cc_strndup(c, w, n));
        return 1;
    }
    *out = cc_make(c, SEM_WORD, i, i, cc_strdup(c, lower));
    return 1;
}

/* KCNA -> LETTERS "KCNA"; OTAN -> WORD "otan"; EEUU -> ABBREVIATION "Estados Unidos";
 * vitamina C -> LETTERS "C"; EL FBI DETIENE A UN HOMBRE -> el, FBI spelled, detiene, a... */
size_t es_rec_acronym(const cctx *c, size_t i, sem_token *out)
{
    const char *w = cc_ptr(c, i);
    size_t n = cc_len(c, i);
    if (!cc_is(c, i, TOK_WORD)) return 0;
    /* a lone consonant in capitals is a letter (vitamina C, Plan B, H&M), not an initial (J. K.) */
    if (n == 1 && strchr("BCDFGHJKLMNPQRSTVWXZ", w[0]) &&
        !(cc_eq(c, i + 1, ".") && cc_capitalized(c, cc_next(c, i + 1)))) {
        *out = cc_make(c, SEM_LETTERS, i, i, cc_strndup(c, w, 1));
        return 1;
    }
    if (!all_capitals(w, n)) return mixed_case_acronym(c, i, out);
    /* a currency code alone: por USD -> por dólar, en EUR -> en euros (COP, the summit, stays) */
    const table_entry *cur = n == 3 ? table_getn(c->lang->currencies, w, n) : NULL;
    if (cur && i > 1 && cc_eq(c, i - 1, "(") && cc_cue(c, cc_prev(c, i - 1), ES_CUE_CURRENCY)) {
        *out = cc_make(c, SEM_LETTERS, i, i, cc_strndup(c, w, n)); /* pesos (CUP): ce u pe */
        return 1;
    }
    bool known = table_getn(c->lang->acronyms, w, n) != NULL;
    /* millones de CUP: a code after a scale is its currency, though a party has its letters;
     * after an article it is a name (los del PLN, Costa Rica's party: not eslotis) */
    bool named = cc_cue(c, cc_prev(c, i), ES_CUE_DETERMINER) ||
                 cc_word_is(c, cc_prev(c, i), "del") || cc_word_is(c, cc_prev(c, i), "al");
    if (cur && ((!known && !named) || es_after_scale_de(c, i)) && strchr(cur->spoken, '|')) {
        const char *bar = strchr(cur->spoken, '|');
        bool one = cc_cue(c, cc_prev(c, i), ES_CUE_CURRENCY_ONE);
        *out = cc_make(c, SEM_ABBREVIATION, i, i,
                       one ? cc_strndup(c, cur->spoken, (size_t)(bar - cur->spoken))
                           : cc_strdup(c, bar + 1));
        return 1;
    }
    /* (SE), (EL): capitals alone in brackets are an acronym, not a function word */
    bool bracketed = i > 0 && cc_eq(c, i - 1, "(") && cc_eq(c, i + 1, ")");
    /* la SE (Secretaría de Economía): a listed acronym after an article is no function word */
    bool after_article = known && cc_cue(c, cc_prev(c, i), ES_CUE_DETERMINER) && !headline(c, i);
    bool function = es_is_function_word(c->lang, w, n) && !(bracketed && n >= 2) && !after_article;
    if (n == 1 && !(function && headline(c, i))) return 0; /* "A las diez" stays as written */
    char lower[64];
    if (n >= sizeof lower) return 0;
    es_lower(w, n, lower, sizeof lower);
    /* a headline in capitals: EL GOBIERNO APRUEBA, TRUMP GANA -> words; its acronyms keep their
     * reading, and one Spanish cannot say is spelled (LA OMS ALERTA) */
    bool vowel = strpbrk(lower, "aeiouáéíóú") != NULL; /* places have vowels; CNN, BBC do not */
    if (function || (!known && n > 2 && vowel && dateline(c, i)) ||
        (headline(c, i) && !known && sayable(c->lang, lower, n))) {
        char name[64]; /* TRUMP GANA: a name the lexicon has capitalized keeps its capital */
        memcpy(name, lower, strlen(lower) + 1);
        if (name[0] >= 'a' && name[0] <= 'z') name[0] = (char)(name[0] - 32);
        bool listed = !function && es_lexicon_get(c->lang, name, strlen(name)) != NULL;
        *out = cc_make(c, SEM_WORD, i, i, cc_strdup(c, listed ? name : lower));
        return 1;
    }
    sem_class cls;
    const char *p = cc_acronym(c, w, n, &cls);
    if (!p) return 0;
    /* FICCI: an acronym said as a word is read by Spanish rules (the lexicon may still hold it),
       never approximated as a foreign word (fichi) */
    if (cls == SEM_WORD && !es_lexicon_get(c->lang, p, strlen(p))) cls = SEM_ABBREVIATION;
    *out = cc_make(c, cls, i, i, p);
    return 1;
}

/* Appends a code part: digits as written, an acronym as it is read ("covid", "G"). */
static bool code_part(const cctx *c, size_t k, strbuf *b)
{
    if (b->len && !sb_putc(b, ' ')) return cc_nomem(c);
    if (cc_eq(c, k, ",")) return sb_puts(b, "coma") || cc_nomem(c); /* MP2,5 */
    if (cc_is(c, k, TOK_NUMBER)) return sb_append(b, cc_ptr(c, k), cc_len(c, k)) || cc_nomem(c);
    sem_class cls;
    const char *p = cc_acronym(c, cc_ptr(c, k), cc_len(c, k), &cls);
    if (p && cls != SEM_ABBREVIATION) return sb_puts(b, p) || cc_nomem(c);
    char lower[64]; /* a listed acronym's reading in lower case: PSC-PSOE, CCOO-UGT */
    if (p) {
        if (strlen(p) >= sizeof lower) return false;
        es_lower(p, strlen(p), lower, sizeof lower);
        return sb_puts(b, lower) || cc_nomem(c);
    }
    if (cc_len(c, k) >= sizeof lower) return false;
    es_lower(cc_ptr(c, k), cc_len(c, k), lower, sizeof lower);
    return sb_puts(b, lower) || cc_nomem(c);
}

/* N-IV -> 4: Spain's radial roads (N-I to N-VI) are numbered in Roman numerals, and so are a
 * few of Asturias's (AS-II, Oviedo to Gijón); else 0 */
static unsigned radial_road(const cctx *c, size_t letter, size_t number)
{
    static const char *const radial[] = {"I", "II", "III", "IV", "V", "VI"};
    bool roman_road = cc_eq(c, letter, "N") || cc_eq(c, letter, "A") || cc_eq(c, letter, "AS");
    for (unsigned r = 0; roman_road && r < 6; r++)
        if (cc_eq(c, number, radial[r])) return r + 1;
    return 0;
}

/* Plan DN-III-E -> 3: a Roman numeral of two letters or more after a code's hyphen (one letter
 * could be a letter: DN-I); else 0 */
static unsigned roman_part(const cctx *c, size_t k)
{
    /* not words (Roman numerals) */
    static const char *const romans[] = {"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"};
    static const unsigned values[] = {2, 3, 4, 6, 7, 8, 9, 11, 12};
    if (k == 0 || !cc_eq(c, k - 1, "-")) return 0;
    for (size_t r = 0; r < sizeof romans / sizeof *romans; r++)
        if (cc_eq(c, k, romans[r])) return values[r];
    return 0;
}

/* 4x100, 4x4 -> CODE "4 por 100": cuatro por cien */
static size_t times_code(const cctx *c, size_t i, sem_token *out)
{
    if (!cc_is(c, i, TOK_NUMBER) || cc_len(c, i) > 3 || !cc_touch(c, i) ||
        !(cc_eq(c, i + 1, "x") || cc_eq(c, i + 1, "×")) || !cc_touch(c, i + 1) ||
        !cc_is(c, i + 2, TOK_NUMBER) || cc_len(c, i + 2) > 3)
        return 0;
    if (cc_touch(c, i + 2) && !cc_is(c, i + 3, TOK_PUNCT)) return 0;
    char *p = cc_alloc(c, 16);
    if (!p) return 0;
    snprintf(p, 16, "%.*s por %.*s", (int)cc_len(c, i), cc_ptr(c, i), (int)cc_len(c, i + 2),
             cc_ptr(c, i + 2));
    *out = cc_make(c, SEM_CODE, i, i + 2, p);
    return 3;
}

/* G7 -> CODE "G 7"; 4G -> "4 G"; COVID-19 -> "covid 19"; 11-M -> "11 M"; F-16 -> "F 16";
 * BA.2.86 -> "BA 2 86" */
size_t es_rec_code(const cctx *c, size_t i, sem_token *out)
{
    if (i > 0 && cc_touch(c, i - 1) && !cc_is(c, i - 1, TOK_PUNCT)) return 0;
    if (es_half_before_year(c, i)) return 0; /* el ciclo I-2026: es_rec_roman's */
    size_t times = times_code(c, i, out);
    if (times) return times;
    /* F1: a code acronyms.tsv says as words (Fórmula Uno) */
    if (cc_is(c, i, TOK_WORD) && cc_touch(c, i) && cc_is(c, i + 1, TOK_NUMBER) &&
        !(cc_touch(c, i + 1) && (cc_is(c, i + 2, TOK_WORD) || cc_is(c, i + 2, TOK_NUMBER)))) {
        const char *code = cc_text(c, i, i + 1);
        if (!code) return cc_nomem(c), 0;
        const table_entry *a = table_get(c->lang->acronyms, code);
        if (a && strstr(a->features, "read=word")) {
            *out = cc_make(c, SEM_WORD, i, i + 1, a->spoken);
            out->flags |= SEM_SAID;
            return 2;
        }
    }
    size_t k = i, parts[6], np = 0;
    bool caps_word = false, point = false; /* point: this part came after a point (JN.1) */
    while (k < c->n && np < 6) {
        bool word = cc_is(c, k, TOK_WORD), num = cc_is(c, k, TOK_NUMBER);
        if (!word && !num) break;
        if (word) {
            bool caps = all_capitals(cc_ptr(c, k), cc_len(c, k));
            /* letters in a code are capitals, or a capitalized word before a hyphen: Sub-21 */
            bool hyph_word = np == 0 && cc_capitalized(c, k) && cc_eq(c, k + 1, "-") &&
                             cc_is(c, k + 2, TOK_NUMBER);
            if (!caps && !hyph_word) break;
            if (caps && cc_len(c, k) > 6) break;
            caps_word = true;
        }
        if (num && np > 0 && cc_is(c, parts[np - 1], TOK_NUMBER) && !point) break;
        parts[np++] = k;
        if (!cc_touch(c, k)) break;
        /* MP2,5: a decimal comma ends the code (eme pe dos coma cinco) */
        if (num && np > 1 && np < 5 && cc_eq(c, k + 1, ",") && cc_touch(c, k + 1) &&
            cc_is(c, k + 2, TOK_NUMBER) && cc_len(c, k + 2) <= 2 &&
            !(cc_touch(c, k + 2) && !cc_is(c, k + 3, TOK_PUNCT))) {
            parts[np++] = k + 1;
            parts[np++] = k + 2;
            break;
        }
        /* a variant's lineage: BA.2.86, XBB.1.5 (capitals first; the points end no sentence) */
        point = cc_eq(c, k + 1, ".") && cc_touch(c, k + 1) && cc_is(c, k + 2, TOK_NUMBER) &&
                cc_len(c, k + 2) <= 3 && cc_is(c, parts[0], TOK_WORD) && cc_len(c, parts[0]) <= 4 &&
                all_capitals(cc_ptr(c, parts[0]), cc_len(c, parts[0]));
        if (point)
            k += 2;
        else if (cc_eq(c, k + 1, "-") && cc_touch(c, k + 1) &&
                 (cc_is(c, k + 2, TOK_WORD) || cc_is(c, k + 2, TOK_NUMBER)))
            k += 2;
        else if (cc_is(c, k + 1, TOK_WORD) || cc_is(c, k + 1, TOK_NUMBER))
            k += 1;
        else
            break;
    }
    if (np < 2 || !caps_word) return 0;
    /* los siglos XV-XVI: Roman numerals, not a code */
    if (cc_cue(c, cc_prev(c, i), ES_CUE_CENTURY) && cc_roman(c, i)) return 0;
    size_t last = parts[np - 1];
    /* Dimayor 2024-II: a year and its half in Roman numerals (es_rec_roman), not a code */
    if (np == 2 && cc_is(c, i, TOK_NUMBER) && cc_len(c, i) == 4 && cc_len(c, last) <= 2 &&
        strspn(cc_ptr(c, last), "I") == cc_len(c, last))
        return 0;
    if (cc_touch(c, last) && (cc_is(c, last + 1, TOK_WORD) || cc_is(c, last + 1, TOK_NUMBER)))
        return 0;
    /* a number and a long word are not a code: "2-Ley" */
    for (size_t p = 0; p < np; p++)
        if (cc_is(c, parts[p], TOK_WORD) && cc_len(c, parts[p]) > 2 && p > 0 &&
            !all_capitals(cc_ptr(c, parts[p]), cc_len(c, parts[p])))
            return 0;
    strbuf b = {0};
    bool ok = true;
    const table_entry *line = NULL;
    if (np == 2 && cc_len(c, i) == 1 && cc_is(c, last, TOK_NUMBER) && cc_len(c, last) <= 2 &&
        cc_word_is(c, cc_prev(c, i), "la")) {
        char letter[8];
        es_lower(cc_ptr(c, i), cc_len(c, i), letter, sizeof letter);
        line = table_get(c->lang->cue_sets[ES_CUE_LINE_LETTER], letter);
    }
    if (line) { /* la L6 -> CODE "línea 6" */
        ok = sb_puts(&b, line->spoken) && sb_putc(&b, ' ') &&
             sb_append(&b, cc_ptr(c, last), cc_len(c, last));
        *out = cc_make(c, SEM_CODE, i, last, cc_take(c, &b, ok));
        return last - i + 1;
    }
    unsigned road = np == 2 ? radial_road(c, parts[0], parts[1]) : 0;
    /* la Ma-10, la Gi-682: a province's road, its two letters spelled (not a Mi-8 helicopter) */
    size_t prev = cc_prev(c, i);
    const char *two = cc_ptr(c, i);
    bool province_road = np == 2 && cc_len(c, i) == 2 && two[0] >= 'A' && two[0] <= 'Z' &&
                         two[1] >= 'a' && two[1] <= 'z' && cc_is(c, last, TOK_NUMBER) &&
                         (cc_word_is(c, prev, "la") || cc_word_is(c, prev, "carretera"));
    for (size_t p = 0; p < np && ok; p++) {
        if (p == 0 && province_road) {
            char upper[3] = {two[0], (char)(two[1] - 'a' + 'A'), '\0'};
            sem_class cls;
            const char *spelled = cc_acronym(c, upper, 2, &cls);
            ok = spelled && (sb_puts(&b, spelled) || cc_nomem(c));
            continue;
        }
        unsigned roman = p > 0 && !road ? roman_part(c, parts[p]) : 0;
        if (roman) {
            ok = sb_printf(&b, " %u", roman) || cc_nomem(c);
            continue;
        }
        ok = p == 1 && road ? sb_putc(&b, ' ') && sb_putc(&b, (char)('0' + road))
                            : code_part(c, parts[p], &b);
    }
    if (!ok) { /* a word too long for a code, or out of memory (noted) */
        sb_free(&b);
        return 0;
    }
    *out = cc_make(c, SEM_CODE, i, last, cc_take(c, &b, true));
    size_t p = cc_prev(c, i);
    if (cc_word_is(c, p, "vuelo") || cc_word_is(c, p, "vuelos"))
        out->flags |= SEM_DIGITS; /* el vuelo IB3456: i be tres cuatro cinco seis */
    return last - i + 1;
}
