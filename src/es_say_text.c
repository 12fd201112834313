/* es_say_text.c - verbalizers for addresses and codes: what is spelled, what is said. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "es_say.h"
#include "token.h"

/* A run of letters inside an address: a known web word, a pronounceable word, else spelled. */
static bool say_segment(const es_lang *lang, strbuf *out, const char *s, size_t n)
{
    if (n <= 5) { /* an initialism with its table reading: rtve -> erre te uve e */
        char up[8];
        for (size_t b = 0; b < n; b++)
            up[b] = (char)(s[b] - 32 * (s[b] >= 'a' && s[b] <= 'z'));
        up[n] = '\0';
        const table_entry *a = table_get(lang->acronyms, up);
        if (a && !strstr(a->features, "letters")) return sb_word(out, a->spoken);
    }
    char w[128];
    if (n >= sizeof w) return es_say_letters(lang, out, s, n);
    es_lower(s, n, w, sizeof w);
    const table_entry *e = table_get(lang->web_words, w);
    if (e) return sb_word(out, e->spoken);
    if (es_pronounceable(w)) return es_say_word(lang, out, w);
    /* an initialism run into a word: rtvenoticias -> erre te uve e noticias */
    size_t split = 0;
    for (size_t k = 2; k + 4 <= n && k <= 5; k++) {
        if (!es_pronounceable(w + k)) continue;
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
    if (split) return say_segment(lang, out, s, split) && es_say_word(lang, out, w + split);
    return es_say_letters(lang, out, s, n);
}

static bool is_letter_at(const char *s, size_t n)
{
    size_t size;
    int cp = utf8_decode(s, n, &size);
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp >= 0xC0;
}

/* ELECTRONIC "www.boe.es" -> uve doble uve doble uve doble punto boe punto es;
 * "prensa@ministerio.es" -> prensa arroba ministerio punto es */
bool es_say_electronic(const es_lang *lang, const sem_token *t, strbuf *out)
{
    const char *p = t->payload;
    size_t n = strlen(p);
    bool ok = true;
    for (size_t i = 0; i < n && ok;) {
        size_t j = i;
        if (p[i] >= '0' && p[i] <= '9') {
            while (j < n && p[j] >= '0' && p[j] <= '9')
                j++;
            ok = es_digits(out, p + i, j - i);
        } else if (is_letter_at(p + i, n - i)) {
            while (j < n && is_letter_at(p + j, n - j)) {
                size_t size;
                utf8_decode(p + j, n - j, &size);
                j += size;
            }
            ok = say_segment(lang, out, p + i, j - i);
        } else {
            size_t size;
            utf8_decode(p + i, n - i, &size);
            j = i + size;
            char mark[8];
            snprintf(mark, sizeof mark, "%.*s", (int)size, p + i);
            const table_entry *e = table_get(lang->symbols, mark);
            ok = sb_word(out, e ? e->spoken : mark);
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
        if (part[0] >= '0' && part[0] <= '9')
            ok = (part[0] == '0' && n > 1) || n > ES_DIGITS_MAX
                     ? es_digits(out, part, n)
                     : es_cardinal_str(out, part, ES_MASC, false);
        else if (part[0] >= 'A' && part[0] <= 'Z')
            ok = es_say_letters(lang, out, part, n);
        else
            ok = es_say_word(lang, out, part);
        free(part);
        p += n + (p[n] == ' ');
    }
    return ok;
}
