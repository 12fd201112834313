/* test_read_formats.c - readers from memory: formats, block kinds, cutting, dates, Markdown inline.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "read_markdown.h"
#include "read_date.h"
#include "reader.h"

/* Reads all of data; returns "KIND:text|..." (kinds as letters T H P Q L) in a static buffer. */
static const char *read_all(const char *data, size_t len, read_format f)
{
    static strbuf out;
    sb_clear(&out);
    read_options o = {.format = f};
    reader *r = reader_open_memory(data, len, &o);
    assert_non_null(r);
    block b;
    bool got;
    while (reader_next(r, &b, &got) == LOC_OK && got)
        sb_printf(&out, "%c:%.*s|", "THPQL"[b.kind], (int)b.len, b.text);
    reader_close(r);
    return sb_str(&out);
}

#define READ(s, f) read_all(s, sizeof s - 1, f)

static void plain_text_lines(void **state)
{
    (void)state;
    assert_string_equal(READ("Titular\n\nUna frase.\n# Otro\n", READ_TEXT),
                        "H:Titular|P:Una frase.|H:Otro|");
    assert_string_equal(READ("", READ_TEXT), "");
    assert_string_equal(READ("sin salto final.", READ_AUTO), "P:sin salto final.|");
}

static void long_lines_are_cut_at_sentences(void **state)
{
    (void)state;
    size_t n = 1230 * 10; /* three blocks of sentences and a bit */
    char *s = malloc(n);
    for (size_t i = 0; i < n; i += 10)
        memcpy(s + i, "Una idea. ", 10);
    reader *r = reader_open_memory(s, n, NULL);
    block b;
    bool got;
    size_t blocks = 0, total = 0;
    while (reader_next(r, &b, &got) == LOC_OK && got) {
        assert_true(b.len <= READER_BLOCK_MAX);
        assert_int_equal(b.kind, BLOCK_PARAGRAPH);
        assert_memory_equal(b.text + b.len - 5, "idea.", 5);
        blocks++, total += b.len + 1;
    }
    assert_int_equal(blocks, 4);
    assert_int_equal(total, n);
    reader_close(r);
    free(s);
    assert_int_equal(reader_cut_point("abcdef", 6, 3), 3);
    assert_int_equal(reader_cut_point("\xc3\xb3\xc3\xb3", 4, 3), 2); /* not mid-character */
}

static void html_pages(void **state)
{
    (void)state;
    assert_string_equal(READ("<html><body><nav>Menú</nav><article><h1>Kim</h1><p>Dijo "
                             "<q>s&iacute;</q>.</p><blockquote>Cita.</blockquote><ul><li>Uno."
                             "</li></ul><script>x()</script></article></body></html>",
                             READ_HTML),
                        "T:Kim|P:Dijo «sí».|Q:Cita.|L:Uno.|");
    /* no <article> or <main>: the element with the most text in <p> */
    assert_string_equal(READ("<div class=x><p>Corto.</p></div><div><p>Un párrafo más largo.</p>"
                             "<p>Y otro.</p></div>",
                             READ_HTML),
                        "P:Un párrafo más largo.|P:Y otro.|");
    assert_string_equal(READ("<main><div id=cookie-notice><p>Cookies.</p></div><p>Texto.</p>"
                             "</main>",
                             READ_HTML),
                        "P:Texto.|");
}

static void feeds(void **state)
{
    (void)state;
    assert_string_equal(READ("<rss><channel><item><title>Uno</title><description>&lt;p&gt;A."
                             "&lt;/p&gt;</description></item><item><title>Dos</title></item>"
                             "</channel></rss>",
                             READ_AUTO),
                        "T:Uno|P:A.|T:Dos|");
    read_options o = {.format = READ_FEED};
    reader *r = reader_open_memory("<feed><entry>", 13, &o);
    block b;
    bool got;
    assert_int_equal(reader_next(r, &b, &got), LOC_ERR_INPUT_FORMAT);
    assert_true(strlen(reader_error(r)) > 0);
    reader_close(r);
}

static void markdown_blocks(void **state)
{
    (void)state;
    assert_string_equal(
        READ("## Dos *marcas*\nUna\nlínea.\n\n> cita\n> sigue\n\n1. uno\n* dos\n", READ_MARKDOWN),
        "H:Dos marcas|P:Una línea.|Q:cita sigue|L:uno|L:dos|");
    strbuf out = {0};
    const char *in = "**a** [b](http://c) ![d](e) `f*g` <span>h</span> <http://i.j> \\*k 2*3";
    assert_true(markdown_inline(in, strlen(in), &out));
    assert_string_equal(sb_str(&out), "a b  f*g h http://i.j *k 2*3");
    sb_free(&out);
}

static size_t first_offset; /* words_in_place: where the first block starts */

/* Reads all of data; checks that every block's source map never decreases and counts the words
 * of the blocks whose bytes in data ([map[s], map[e - 1] + 1)) are the word. */
static size_t words_in_place(const char *data, size_t len, read_format f, size_t *words)
{
    read_options o = {.format = f};
    reader *r = reader_open_memory(data, len, &o);
    assert_non_null(r);
    block b;
    bool got;
    size_t exact = 0, last = 0;
    *words = 0;
    first_offset = SIZE_MAX;
    while (reader_next(r, &b, &got) == LOC_OK && got) {
        if (first_offset == SIZE_MAX) first_offset = b.source_offset;
        assert_non_null(b.source_map);
        assert_int_equal(b.source_offset, b.source_map[0]);
        for (size_t i = 0; i < b.len; i++) {
            assert_true(b.source_map[i] >= last && b.source_map[i] < len);
            last = b.source_map[i];
        }
        for (size_t i = 0; i < b.len;) {
            size_t k = strcspn(b.text + i, " ");
            if (k > b.len - i) k = b.len - i;
            size_t from = b.source_map[i], to = b.source_map[i + k - 1] + 1;
            (*words)++;
            if (to - from == k && memcmp(data + from, b.text + i, k) == 0) exact++;
            i += k + 1;
        }
    }
    reader_close(r);
    return exact;
}

#define IN_PLACE(s, f, words) words_in_place(s, sizeof s - 1, f, words)

static void source_maps(void **state)
{
    (void)state;
    size_t words;
    /* plain text: tabs, runs of spaces, a BOM, a control character */
    assert_int_equal(IN_PLACE("\xef\xbb\xbf  Hoy\tllueve  en\x07 Valencia.\n\nOtra l\xc3\xadnea.\n",
                              READ_TEXT, &words),
                     6);
    assert_int_equal(words, 6);
    /* Markdown: marks, links, joined lines, quotes, items, a code fence */
    const char md[] = "# El **Gobierno** aprueba\n\nUn [plan](http://x.y) de\n  *lluvias* ya.\n\n"
                      "> Es un `paso` firme.\n\n- Diques.\n\n```\nc\xc3\xb3"
                      "digo\n```\n";
    size_t exact = IN_PLACE(md, READ_MARKDOWN, &words);
    assert_int_equal(exact, words);
    assert_int_equal(words, 14);
    /* a decomposed accent: the word's bytes in the file are the whole NFD sequence */
    const char nfd[] = "La accio\xcc\x81n sigue.";
    read_options o = {.format = READ_TEXT};
    reader *r = reader_open_memory(nfd, sizeof nfd - 1, &o);
    block b;
    bool got;
    assert_int_equal(reader_next(r, &b, &got), LOC_OK);
    assert_true(got);
    assert_memory_equal(b.text, "La acci\xc3\xb3n sigue.", b.len);
    assert_int_equal(b.source_map[3], 3);          /* "acción" starts at 3 */
    assert_int_equal(b.source_map[3 + 5] + 1, 10); /* "accio\xcc\x81" ends after the accent */
    assert_int_equal(b.source_map[3 + 6] + 1, 11); /* and "acción" after "n" */
    assert_int_equal(b.source_map[3 + 7 + 1], 12); /* "sigue" */
    reader_close(r);
    /* pages and feeds: words written as they are, found where they are */
    const char html[] =
        "<html><body><nav>El men\xc3\xba</nav><article>\n<h1>El plan</h1>\n"
        "<p>Llueve <b>mucho</b> en &laquo;Valencia&raquo;.</p></article></body></html>";
    assert_int_equal(IN_PLACE(html, READ_HTML, &words), 5); /* all but «Valencia». */
    assert_int_equal(words, 6);
    assert_int_equal(first_offset, strstr(html, "El plan") - html); /* not the menu's "El" */
    const char feed[] = "<rss><channel><item><title>Uno dos</title><description>&lt;p&gt;Tres "
                        "cuatro.&lt;/p&gt;</description></item></channel></rss>";
    assert_int_equal(IN_PLACE(feed, READ_FEED, &words), 4);
    assert_int_equal(words, 4);
}

static void dates(void **state)
{
    (void)state;
    time_t t;
    assert_true(date_parse("2025-07-12", NULL, &t));
    assert_int_equal(t, 1752278400);
    assert_true(date_parse("2025-07-12T10:00:00+02:00", NULL, &t));
    assert_int_equal(t, 1752278400 + 8 * 3600);
    assert_true(date_parse("Sat, 12 Jul 2025 10:00:00 +0200", NULL, &t));
    assert_int_equal(t, 1752278400 + 8 * 3600);
    assert_true(date_parse("12 Jul 2025 08:00:00 GMT", NULL, &t));
    assert_int_equal(t, 1752278400 + 8 * 3600);
    assert_false(date_parse("ayer", NULL, &t));
    assert_false(date_parse("2025-13-01", NULL, &t));
    assert_false(date_parse("Sun, 30 Feb 2025 10:00:00 +0200", NULL, &t)); /* no such day */
    date_parts d;
    assert_true(date_parse("2024-02-29", &d, NULL)); /* --date: the day alone */
    assert_true(d.day_only && d.year == 2024 && d.month == 2 && d.day == 29);
    assert_false(date_parse("2025-02-29", &d, NULL));
    assert_true(date_parse("2025-07-12T10:00:00Z", &d, NULL));
    assert_false(d.day_only);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_text_lines), cmocka_unit_test(long_lines_are_cut_at_sentences),
        cmocka_unit_test(html_pages),       cmocka_unit_test(feeds),
        cmocka_unit_test(markdown_blocks),  cmocka_unit_test(dates),
        cmocka_unit_test(source_maps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
