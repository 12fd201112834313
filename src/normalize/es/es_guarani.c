/* es_guarani.c - Guaraní and old Spanish spellings the Spanish voice misreads (Pytyvõ, Yrigoyen).
 */
#include "es_guarani.h"

#include <string.h>

/* UTF-8 of ã and õ */
#define A_TILDE "\xC3\xA3"
#define O_TILDE "\xC3\xB5"

static bool consonant(char c)
{
    c = (char)(c | 0x20);
    return c >= 'a' && c <= 'z' && !strchr("aeiouy", c);
}

/* Does w end in a Guaraní nasal ã or õ (not Portuguese ão, ãe, õe: João, Magalhães)? */
static bool final_nasal(const char *w, size_t n)
{
    return n >= 3 && (!memcmp(w + n - 2, A_TILDE, 2) || !memcmp(w + n - 2, O_TILDE, 2));
}

/* A letter Guaraní writes and Portuguese does not: k, y between consonants, ñ, a first mb or nd
 * (Tekoporã, Pytyvõ, Ñandutĩ, Mbaretẽ). */
static bool guarani_letter(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = (char)(w[i] | 0x20);
        if (c == 'k' || (i + 1 < n && !memcmp(w + i, "\xC3\xB1", 2))) return true;
        if (c == 'y' && i > 0 && i + 1 < n && consonant(w[i - 1]) && consonant(w[i + 1]))
            return true;
    }
    return n > 2 && (!strncmp(w, "Mb", 2) || !strncmp(w, "Nd", 2));
}

/* Yguazú, Yrigoyen: a capital Y before a consonant (not v: Yves, Yvonne are French) */
static bool initial_y(const char *w, size_t n)
{
    return n > 2 && w[0] == 'Y' && consonant(w[1]) && (w[1] | 0x20) != 'v';
}

bool es_guarani_shape(const char *w, size_t n)
{
    if (initial_y(w, n)) return true;
    if (!final_nasal(w, n)) return false;
    return !memcmp(w + n - 2, O_TILDE, 2) || guarani_letter(w, n); /* irmã is Portuguese */
}

bool es_guarani_respell(const char *w, size_t n, strbuf *out)
{
    if (!es_guarani_shape(w, n)) return false;
    for (size_t i = 0; i < n; i++) {
        bool vowel_y = (w[i] == 'y' || w[i] == 'Y') && (i + 1 == n || consonant(w[i + 1]));
        if (vowel_y && !sb_putc(out, w[i] == 'Y' ? 'I' : 'i')) return false;
        if (vowel_y) continue;
        if (i + 2 == n && (!memcmp(w + i, A_TILDE, 2) || !memcmp(w + i, O_TILDE, 2))) {
            return sb_puts(out, w[i + 1] == '\xA3' ? "\xC3\xA1" : "\xC3\xB3"); /* á, ó */
        }
        if (!sb_putc(out, w[i])) return false;
    }
    return true;
}
