/* test_speakable.c - what reaches espeak-ng: Spanish untouched, the rest transliterated or
 * dropped (Hangul jamo, emoji, controls, lone marks), SSML tags kept. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "speakable.h"

typedef struct {
    const char *in, *out;
} example;

/* Runs each example through speakable (ssml or not) and compares. */
static void check(const example *cases, size_t n, bool ssml)
{
    strbuf out = {0};
    size_t wrong = 0;
    for (size_t i = 0; i < n; i++) {
        const char *got = speakable(cases[i].in, ssml, &out);
        assert_non_null(got);
        if (strcmp(got, cases[i].out) != 0 && ++wrong)
            print_error("\"%s\" gave \"%s\", want \"%s\"\n", cases[i].in, got, cases[i].out);
    }
    sb_free(&out);
    assert_int_equal(wrong, 0);
}

static void spanish_is_not_touched(void **state)
{
    (void)state;
    const char *texts[] = {
        "",
        "El Gobierno aprobó ayer, 3 de julio, 1.250 millones de euros (un 4,5 %).",
        "¿Qué dijo Núñez? ¡Cigüeña! «Ya» — “sí”, ‘no’… – fin; 20 °C; 1.º y 2.ª; 100 € y 50 $.",
        "Łódź, Kraków, Dvořák, Erdoğan, Sørensen, Ærø, Straße, Œuvre, Kırıkkale.",
        "La variante δ y el número π; Αθήνα.",
        ("<speak xml:lang=\"es\"><s><prosody rate=\"92%\">Hola &amp; adiós.</prosody></s>"
         "<mark name=\"b3\"/><break time=\"800ms\"/></speak>"),
    };
    strbuf out = {0};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        assert_ptr_equal(speakable(texts[i], true, &out), texts[i]); /* no copy */
        assert_ptr_equal(speakable(texts[i], false, &out), texts[i]);
    }
    assert_null(out.data); /* nothing allocated */
    sb_free(&out);
}

static void the_rest_is_transliterated_or_dropped(void **state)
{
    (void)state;
    static const example cases[] = {
        /* Hangul jamo (espeak-ng 1.51 reads freed memory on U+1180-U+11FF), syllables */
        {"Hola \xe1\x86\x80\xe1\x86\x81\xe1\x87\xbf fin.", "Hola fin."},
        {"a\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8z", "a z"},
        {"Seúl (서울) y ㄱ ﾠ", "Seúl () y "},
        /* Cyrillic has glibc's Latin form; CJK, Arabic, Hebrew, Devanagari, Thai none */
        {"Tokio (東京), Moscú (Москва), Юлия, ЮЛИЯ, مرحبا שלום हिन्दी ไทย.",
         "Tokio (), Moscú (Moskva), Yuliya, YULIYA,."},
        /* emoji, with their variation selector and joiner */
        {"Bien 😀 hecho👍🏽 ❤️ 👨‍👩‍👧 ya", "Bien hecho ya"},
        /* a space where a word was dropped, none before punctuation ("y ." makes espeak-ng 1.51
         * read uninitialised memory) */
        {"hola😀adiós y 😀. o 😀, sí ᆀ… (😀) «😀»", "hola adiós y. o, sí… () «»"},
        /* controls become a space; format characters (direction marks, joiners, BOM) vanish */
        {"uno\tdos\x01tres\x7f"
         "cuatro\r\n",
         "uno dos tres cuatro"},
        {"\xe2\x80\x8fשל\xe2\x80\x8e ab\xe2\x80\x8d"
         "cd\xef\xbb\xbf"
         "e\xe2\x80\x8b"
         "f",
         "abcdef"},
        /* private use, unassigned, noncharacters */
        {"a\xee\x80\x80"
         "b\xf3\xb0\x80\x80"
         "c\xef\xbf\xbe"
         "d",
         "a b c d"},
        /* invalid UTF-8 (the readers never pass it on, but the filter does not trust them) */
        {"a\xff"
         "b\xc3",
         "a b"},
        /* combining marks: composed when they can be, otherwise dropped; lone ones vanish */
        {"cafe\xcc\x81 x\xcc\x81 \xcc\x81hola a\xe2\x83\x9d", "café x hola a"},
        {"Nguye\xcc\x82\xcc\x83n", "Nguyên"},
        /* transliterated: Latin Extended-B and Additional, compatibility forms, Greek variants */
        {"Nguyễn Tấn Dũng, Phạm Minh Chính", "Nguyen Tan Dũng, Pham Minh Chính"},
        {"ǅamonja, Ǧ, ơ, ư, ſ, ŉ, Əliyev, İlham", "Dzamonja, G, o, u, s, 'n, Eliyev, İlham"},
        {"ﬁn ﬂor ① Ⅻ ™ ℃ ㎞ ＡＢＣ１２ ½", "fin flor 1 XII TM °C km ABC12 ½"},
        {"ἀρχή ϑ ϕ", "αρχή θ φ"},
        /* spaces and line separators */
        {"a\xe2\x80\x83"
         "b\xe3\x80\x80"
         "c\xe2\x80\xa8"
         "d",
         "a b c d"},
        /* symbols without a Latin form */
        {"→ ★ ♥ ∑ ∞ ⚽ x", "x"},
    };
    check(cases, sizeof cases / sizeof *cases, false);
}

static void ssml_keeps_its_tags_and_escapes(void **state)
{
    (void)state;
    static const example cases[] = {
        {"<speak xml:lang=\"es\"><s>Hola \xe1\x86\x80 &amp; 😀</s><break time=\"80ms\"/></speak>",
         "<speak xml:lang=\"es\"><s>Hola &amp; </s><break time=\"80ms\"/></speak>"},
        /* a fullwidth < or & becomes an escaped ASCII one, never markup */
        {"<s>a ＜b＞ ﹠ ＂c＇</s>", "<s>a &lt;b&gt; &amp; &quot;c&apos;</s>"},
        {"<s>ŉ</s>", "<s>&apos;n</s>"},
        /* a tag is copied as it is; a mark after a tag does not join it */
        {"<mark name=\"a\"/>\xcc\x81"
         "b",
         "<mark name=\"a\"/>b"},
    };
    check(cases, sizeof cases / sizeof *cases, true);
}

/* Every code point: what comes out is speakable, and nothing but a tag or an entity is made of
 * <, > or &. */
static void every_code_point_comes_out_speakable(void **state)
{
    (void)state;
    strbuf out = {0};
    for (int32_t cp = 1; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        char in[16] = "a";
        size_t n = 1 + (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)in + 1);
        in[n] = 'b';
        in[n + 1] = '\0';
        const char *got = speakable(in, true, &out);
        assert_non_null(got);
        for (const char *p = got; *p;) {
            utf8proc_int32_t c;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p, -1, &c);
            if (k <= 0 || !speakable_char(c) || (cp != '<' && cp != '>' && (c == '<' || c == '>')))
                fail_msg("U+%04X gave \"%s\"", (unsigned)cp, got);
            p += k;
        }
        if (cp != '&' && strchr(got, '&') && !strstr(got, "&amp;") && !strstr(got, "&lt;") &&
            !strstr(got, "&gt;") && !strstr(got, "&quot;") && !strstr(got, "&apos;"))
            fail_msg("U+%04X gave \"%s\"", (unsigned)cp, got);
    }
    sb_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(spanish_is_not_touched),
        cmocka_unit_test(the_rest_is_transliterated_or_dropped),
        cmocka_unit_test(ssml_keeps_its_tags_and_escapes),
        cmocka_unit_test(every_code_point_comes_out_speakable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
