/* chunk.h - speech chunks, the SSML-like form between the normalizer and the synthesizer. */
#ifndef LOC_CHUNK_H
#define LOC_CHUNK_H

#include <stddef.h>

#include "arena.h"
#include "es_lang.h"
#include "reader.h"
#include "semiotic.h"
#include "strbuf.h"

typedef enum {
    CHUNK_TEXT,           /* words to say */
    CHUNK_BREAK,          /* silence of ms milliseconds */
    CHUNK_PROSODY_PUSH,   /* rate and pitch in percent of the current ones; text: voice or NULL */
    CHUNK_PROSODY_POP,    /* back to the prosody (and voice) before the matching push */
    CHUNK_MARK,           /* a named position, reported by the synthesizer */
    CHUNK_SENTENCE_BEGIN, /* <s> */
    CHUNK_SENTENCE_END,   /* </s> */
} chunk_kind;

typedef struct {
    chunk_kind kind;
    const char *text;  /* TEXT: spoken words; MARK: name; PUSH/POP: voice or NULL */
    int ms;            /* BREAK */
    int rate, pitch;   /* PROSODY_PUSH: percent, 100 = unchanged */
    size_t start, end; /* TEXT: byte range in the block's source text */
} chunk;

typedef struct {
    chunk *items; /* arena-owned */
    size_t count, cap;
    block_kind kind;
} chunk_list;

/* Pauses and prosody that make block structure and quotations heard. */
enum {
    CHUNK_PAUSE_PARAGRAPH_MS = 550, /* after every block */
    CHUNK_PAUSE_HEADING_MS = 800,   /* after a heading or title */
    CHUNK_PAUSE_QUOTE_MS = 120,     /* around a quotation */
    CHUNK_PAUSE_GROUP_MS = 150,     /* between a telephone number's groups */
    CHUNK_QUOTE_PITCH = 112,        /* quotations a little higher */
    CHUNK_HEADING_RATE = 92,        /* headings a little slower */
    CHUNK_WORD_MAX = 40,            /* characters in one word given to the synthesizer */
};

/* Turns a classified block into chunks (verbalizing each token), in a.
 * Prosody never spans a sentence boundary, so the chunks always nest.
 * With marks, a MARK chunk "sN" opens each sentence and "wN" precedes each
 * spoken token; its start/end give the source bytes (of the sentence or token)
 * so the synthesizer's mark events can be tied back to the article. */
loc_status chunk_block(const es_lang *lang, const block *b, const sem_list *sems, bool marks,
                       arena *a, chunk_list *out);

/* Index of the first of the trailing BREAK chunks (count if none): the synthesizer
 * speaks [0, i) in one call and renders the rest as silence. */
size_t chunk_trailing_breaks(const chunk_list *chunks);

#endif
