/* render.c - one walk over the chunks, printed as words or as escaped SSML. */
#include "render.h"

#include <string.h>

#include "speakable.h"

const char render_ssml_header[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<speak version=\"1.1\" "
    "xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"es\">\n";
const char render_ssml_footer[] = "</speak>\n";

/* Punctuation that is written against the word before it. */
static bool attaches_left(const char *s)
{
    return strchr(",.;:?!)]", s[0]) != NULL || strncmp(s, "…", 3) == 0;
}

static bool join(strbuf *out, const char *text, bool *first)
{
    bool ok = (*first || attaches_left(text)) ? true : sb_putc(out, ' ');
    *first = false;
    return ok;
}

bool render_text(const chunk_list *chunks, strbuf *out)
{
    bool first = true, ok = true;
    strbuf said = {0};
    for (size_t i = 0; i < chunks->count && ok; i++) {
        const chunk *c = &chunks->items[i];
        if (c->kind != CHUNK_TEXT) continue;
        const char *text = speakable(c->text, false, &said);
        ok = text && join(out, text, &first) && sb_puts(out, text);
    }
    sb_free(&said);
    return ok;
}

bool render_escape(strbuf *out, const char *s)
{
    for (; *s; s++) {
        bool ok;
        switch (*s) {
        case '&':
            ok = sb_puts(out, "&amp;");
            break;
        case '<':
            ok = sb_puts(out, "&lt;");
            break;
        case '>':
            ok = sb_puts(out, "&gt;");
            break;
        case '"':
            ok = sb_puts(out, "&quot;");
            break;
        case '\'':
            ok = sb_puts(out, "&apos;");
            break;
        default:
            ok = ((unsigned char)*s < 0x20) ? true : sb_putc(out, *s);
        }
        if (!ok) return false;
    }
    return true;
}

/* rate="92%" (of the current rate), pitch="+12%" (a relative change) */
static bool prosody_open(strbuf *out, const chunk *c)
{
    bool ok = true;
    if (c->text)
        ok = sb_puts(out, "<voice name=\"") && render_escape(out, c->text) && sb_puts(out, "\">");
    ok = ok && sb_puts(out, "<prosody");
    if (ok && c->rate != 100) ok = sb_printf(out, " rate=\"%d%%\"", c->rate);
    if (ok && c->pitch != 100) ok = sb_printf(out, " pitch=\"%+d%%\"", c->pitch - 100);
    return ok && sb_puts(out, ">");
}

bool render_ssml(const chunk_list *chunks, size_t upto, strbuf *out)
{
    bool first = true, ok = true;
    for (size_t i = 0; i < upto && ok; i++) {
        const chunk *c = &chunks->items[i];
        switch (c->kind) {
        case CHUNK_TEXT:
            ok = join(out, c->text, &first) && render_escape(out, c->text);
            break;
        case CHUNK_BREAK:
            ok = sb_printf(out, "<break time=\"%dms\"/>", c->ms);
            break;
        case CHUNK_PROSODY_PUSH:
            ok = prosody_open(out, c);
            first = true;
            break;
        case CHUNK_PROSODY_POP:
            ok = sb_puts(out, "</prosody>") && (!c->text || sb_puts(out, "</voice>"));
            break;
        case CHUNK_MARK:
            ok = sb_puts(out, "<mark name=\"") && render_escape(out, c->text) &&
                 sb_puts(out, "\"/>");
            break;
        case CHUNK_SENTENCE_BEGIN:
            ok = sb_puts(out, "<s>");
            first = true;
            break;
        case CHUNK_SENTENCE_END:
            ok = sb_puts(out, "</s>");
            break;
        }
    }
    return ok;
}

bool render_speech(const chunk_list *chunks, strbuf *out, int *pause_ms)
{
    size_t speech = chunk_trailing_breaks(chunks);
    *pause_ms = 0;
    for (size_t i = speech; i < chunks->count; i++)
        if (chunks->items[i].kind == CHUNK_BREAK) *pause_ms += chunks->items[i].ms;
    return sb_puts(out, "<speak xml:lang=\"es\">") && render_ssml(chunks, speech, out) &&
           sb_puts(out, "</speak>");
}
