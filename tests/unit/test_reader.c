/* test_reader.c - line cleaning (NFC, Windows-1252, BOM, controls) and heading detection. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "reader.h"

static const char *clean(const char *in, bool *legacy)
{
    static strbuf out;
    assert_true(reader_clean_line(in, strlen(in), &out, legacy));
    return sb_str(&out);
}

static void nfd_becomes_nfc(void **state)
{
    (void)state;
    bool legacy;
    assert_string_equal(clean("accio\xcc\x81n\n", &legacy), "acci\xc3\xb3n");
    assert_false(legacy);
}

static void windows_1252_is_decoded(void **state)
{
    (void)state;
    bool legacy;
    /* "Según «fuentes» 5 €" in Windows-1252 */
    assert_string_equal(clean("Seg\xfan \xab"
                              "fuentes\xbb 5 \x80",
                              &legacy),
                        "Según «fuentes» 5 €");
    assert_true(legacy);
}

static void bom_controls_and_spaces_are_removed(void **state)
{
    (void)state;
    bool legacy;
    assert_string_equal(clean("\xef\xbb\xbf  Hola\x07 mundo\t\r\n", &legacy), "Hola mundo");
    assert_string_equal(clean("a\xc2\xa0"
                              "b",
                              &legacy),
                        "a b"); /* no-break space */
}

static void headings_are_short_and_unpunctuated(void **state)
{
    (void)state;
    const char *h = "Presencia norcoreana en el conflicto ucraniano";
    assert_int_equal(reader_kind_of(h, strlen(h)), BLOCK_HEADING);
    const char *p = "Corea del Norte reafirmó su apoyo.";
    assert_int_equal(reader_kind_of(p, strlen(p)), BLOCK_PARAGRAPH);
    const char *q = "«Es sagrada»";
    assert_int_equal(reader_kind_of(q, strlen(q)), BLOCK_PARAGRAPH);
    char longline[300];
    memset(longline, 'a', sizeof longline - 1);
    longline[sizeof longline - 1] = '\0';
    assert_int_equal(reader_kind_of(longline, strlen(longline)), BLOCK_PARAGRAPH);
    assert_int_equal(reader_kind_of("# Titular", 9), BLOCK_HEADING);
    /* a hashtag starting a long line is no heading mark */
    const char *tag =
        "#NiUnaMenos convocó a miles de personas frente al Congreso este martes por la tarde.";
    assert_int_equal(reader_kind_of(tag, strlen(tag)), BLOCK_PARAGRAPH);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nfd_becomes_nfc),
        cmocka_unit_test(windows_1252_is_decoded),
        cmocka_unit_test(bom_controls_and_spaces_are_removed),
        cmocka_unit_test(headings_are_short_and_unpunctuated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
