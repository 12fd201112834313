/* render.h - chunks as plain words (--text) or as SSML 1.1 (--ssml and the synthesizer's input). */
#ifndef LOC_RENDER_H
#define LOC_RENDER_H

#include <stdbool.h>

#include "chunk.h"
#include "strbuf.h"

/* Appends the words of chunks, space-separated, on one line (no newline), as the synthesizer
 * gets them: letters espeak-ng cannot say transliterated ("Trần" -> "Tran", see speakable). */
bool render_text(const chunk_list *chunks, strbuf *out);

/* Appends chunks [0, upto) as SSML elements (<s>, <break>, <prosody>, <mark>),
 * every piece of text escaped. */
bool render_ssml(const chunk_list *chunks, size_t upto, strbuf *out);

/* Appends one block as the synthesizer takes it: its spoken chunks in <speak xml:lang="es">,
 * and sets *pause_ms to its trailing pauses, which are said as silence. */
bool render_speech(const chunk_list *chunks, strbuf *out, int *pause_ms);

/* The document around the blocks of --ssml. */
extern const char render_ssml_header[];
extern const char render_ssml_footer[];

/* Appends s with & < > " ' escaped and control characters dropped. */
bool render_escape(strbuf *out, const char *s);

#endif
