/* locutor.h - liblocutor: Spanish news text into what a newsreader says, and into speech.
 *
 * Three steps, each usable alone:
 *   1. locutor_lang_open   loads the Spanish language data (the TSV files of voices/es) for a
 * region;
 *   2. locutor_normalize   turns an article (text, Markdown, HTML or a feed) into speech chunks:
 *                          "21/03/2024" -> "veintiuno de marzo de dos mil veinticuatro", with
 *                          the byte offsets in your text that each chunk comes from; print them
 *                          as plain text (locutor_speech_text) or SSML (locutor_speech_ssml);
 *   3. locutor_speak       says the chunks with espeak-ng, handing you 16-bit mono PCM and the
 *                          events (sentences, words, marks) as they are reached.
 *
 * Conventions (as libsndfile's): handles are opaque; every function that can fail returns a
 * locutor_status (LOCUTOR_OK is 0) and locutor_strerror() says what it means; where a file or a
 * value is to blame, err (when not NULL) receives one line naming it. The library never exits,
 * never prints and keeps no global state of its own; espeak-ng itself is one per process, so at
 * most one locutor_voice is open at a time. A handle is used by one thread at a time, except
 * locutor_voice_stop, which any thread or a signal handler may call.
 *
 * Ownership: what a locutor_*_open or locutor_normalize call gives you, you release with the
 * matching close/free function; strings returned as char * are yours to free(); pointers into a
 * handle (chunks, event names) live as long as the handle.
 *
 * Link with: cc prog.c $(pkg-config --cflags --libs locutor). License: GPL-3.0-or-later.
 */
#ifndef LOCUTOR_H
#define LOCUTOR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The version of this header; locutor_version() gives the library's. */
#define LOCUTOR_VERSION_STRING "0.1.0"

/* What went wrong (in the order of the locutor program's statuses). */
typedef enum {
    LOCUTOR_OK = 0,              /* success */
    LOCUTOR_ERR_NOMEM,           /* out of memory */
    LOCUTOR_ERR_USAGE,           /* an invalid argument or value (unknown region, rate…) */
    LOCUTOR_ERR_INPUT_OPEN,      /* cannot open input (a lexicon file) */
    LOCUTOR_ERR_INPUT_READ,      /* cannot read input */
    LOCUTOR_ERR_INPUT_ENCODING,  /* input is not valid UTF-8 */
    LOCUTOR_ERR_INPUT_TOO_LARGE, /* a page or feed too large to parse */
    LOCUTOR_ERR_INPUT_FORMAT,    /* input is not a readable page or feed */
    LOCUTOR_ERR_OUTPUT_FORMAT,   /* (the program's) unknown output format */
    LOCUTOR_ERR_OUTPUT_OPEN,     /* (the program's) cannot create an output file */
    LOCUTOR_ERR_OUTPUT_WRITE,    /* (the program's) cannot write output */
    LOCUTOR_ERR_AUDIO_DEVICE,    /* (the program's) no usable audio device */
    LOCUTOR_ERR_AUDIO_DRIVER,    /* (the program's) unknown audio driver */
    LOCUTOR_ERR_VOICE,           /* unknown voice */
    LOCUTOR_ERR_SYNTH,           /* the speech synthesizer failed */
    LOCUTOR_ERR_DATA,            /* cannot load the language data */
    LOCUTOR_ERR_RESAMPLE,        /* (the program's) resampler failed */
    LOCUTOR_ERR_INTERRUPTED,     /* stopped by locutor_voice_stop or a callback */
} locutor_status;

/* A static message for a status ("out of memory"); never NULL. */
const char *locutor_strerror(locutor_status status);

/* The library's version, "0.1.0". */
const char *locutor_version(void);

/* ---- 1. Language data ---- */

typedef struct locutor_lang locutor_lang;

typedef struct {
    const char *data_dir; /* folder holding es/ and its TSV files; NULL: $LOCUTOR_DATA_DIR, else the
                           * data installed with the library */
    const char *region;   /* "es-ES", "es-MX", "es-AR", "es-419"…; NULL: guessed per article
                           * from what it shows (its numbers, places, currency) */
    int no_foreign;       /* nonzero: words the lexicon does not know are read with Spanish
                           * spelling even when they look English, French… */
} locutor_lang_options;

/* Loads the language data (options may be NULL for the defaults) into *out. */
locutor_status locutor_lang_open(const locutor_lang_options *options, locutor_lang **out, char *err,
                                 size_t errsize);

/* Adds a pronunciation table of your own (written<TAB>spoken lines) over the built-in one. */
locutor_status locutor_lang_add_lexicon(locutor_lang *lang, const char *path, char *err,
                                        size_t errsize);

void locutor_lang_close(locutor_lang *lang);

/* ---- 2. Normalization: text into speech chunks ---- */

typedef enum {
    LOCUTOR_FORMAT_AUTO,     /* from the first bytes: a page, a feed, else plain text */
    LOCUTOR_FORMAT_TEXT,     /* one block per line; a short line without final punctuation is a
                              * heading */
    LOCUTOR_FORMAT_MARKDOWN, /* headings, paragraphs, quotes, lists */
    LOCUTOR_FORMAT_HTML,     /* the article of a page */
    LOCUTOR_FORMAT_FEED,     /* RSS or Atom: each item an article */
} locutor_format;

/* Flags of locutor_normalize. */
enum {
    LOCUTOR_MARKS = 1,    /* add a MARK chunk before each sentence ("sN") and word ("wN"), so
                           * that locutor_speak reports them as SENTENCE and WORD events */
    LOCUTOR_FRAGMENT = 2, /* the text is a fragment, not an article (a screen reader's message):
                           * no line is read as a heading, no pause follows the last block */
};

typedef enum {
    LOCUTOR_CHUNK_TEXT,           /* words to say (text) */
    LOCUTOR_CHUNK_BREAK,          /* silence of ms milliseconds */
    LOCUTOR_CHUNK_PROSODY_PUSH,   /* rate and pitch in percent of the current ones */
    LOCUTOR_CHUNK_PROSODY_POP,    /* back to the prosody before the matching push */
    LOCUTOR_CHUNK_MARK,           /* a named position (text is its name) */
    LOCUTOR_CHUNK_SENTENCE_BEGIN, /* a sentence starts */
    LOCUTOR_CHUNK_SENTENCE_END,   /* and ends */
} locutor_chunk_kind;

typedef struct {
    locutor_chunk_kind kind;
    const char *text;  /* TEXT: the words; MARK: the name; PUSH: a voice or NULL; else NULL */
    int ms;            /* BREAK: milliseconds */
    int rate, pitch;   /* PROSODY_PUSH: percent, 100 = unchanged */
    size_t start, end; /* TEXT and MARK: the bytes [start, end) of your text it comes from
                        * (start == end for words locutor added, such as pauses) */
    size_t block;      /* the 0-based block (paragraph, heading…) it belongs to */
} locutor_chunk;

typedef struct locutor_speech locutor_speech;

/* Normalizes len bytes of text (UTF-8, else read as Windows-1252) read as format into *out.
 * flags: 0, LOCUTOR_MARKS, LOCUTOR_FRAGMENT, or both. The text is not kept: offsets in the chunks
 * refer to it. */
locutor_status locutor_normalize(locutor_lang *lang, const char *text, size_t len,
                                 locutor_format format, unsigned flags, locutor_speech **out,
                                 char *err, size_t errsize);

/* The chunks, in order; *count receives how many. Valid until locutor_speech_free. */
const locutor_chunk *locutor_speech_chunks(const locutor_speech *speech, size_t *count);

/* What the synthesizer is given as plain words, one line per block (what locutor --text
 * prints), or NULL when out of memory. Free it with free(). */
char *locutor_speech_text(const locutor_speech *speech);

/* The same speech as an SSML 1.1 document (what locutor --ssml prints); free() it. */
char *locutor_speech_ssml(const locutor_speech *speech);

/* Adds a mark of your own named name (copied) where byte offset of your text is said: before
 * the word that holds offset, else the next one (at the end of the speech when none does), so
 * a mark written in the original text survives normalization ("el <mark/>21 de <mark/>marzo":
 * both marks come before "veintiuno de marzo", which says those words as one). Marks at one place
 * keep the order they were added. locutor_speak reports it as a LOCUTOR_EVENT_MARK. The speech must
 * have been normalized with LOCUTOR_MARKS (its words are then separate chunks). */
locutor_status locutor_speech_add_mark(locutor_speech *speech, size_t offset, const char *name);

void locutor_speech_free(locutor_speech *speech);

/* ---- 3. Synthesis: chunks into PCM with events ---- */

typedef struct locutor_voice locutor_voice;

typedef struct {
    const char *name; /* espeak-ng Spanish voice: "es" (default) or "es-419" */
    int rate;         /* words per minute, 80 to 900; 0: 175 */
    int pitch;        /* 0 to 100; -1: 50 (0 is a valid pitch: set it explicitly) */
    int volume;       /* 0 to 200; 0: 100 */
    int buffer_ms;    /* audio comes in pieces of this many milliseconds (0: 400); the smaller,
                       * the sooner a stop takes effect (a screen reader: 20). Only the first
                       * voice a process opens sets it. */
} locutor_voice_options;

/* Starts espeak-ng with a Spanish voice (options may be NULL: es, 175 wpm, pitch 50). */
locutor_status locutor_voice_open(const locutor_voice_options *options, locutor_voice **out,
                                  char *err, size_t errsize);

/* Samples per second of the PCM locutor_speak delivers (22050 with espeak-ng's voices). */
int locutor_voice_sample_rate(const locutor_voice *voice);

typedef enum {
    LOCUTOR_EVENT_SENTENCE, /* a sentence starts (its "sN" mark) */
    LOCUTOR_EVENT_WORD,     /* a word starts (its "wN" mark) */
    LOCUTOR_EVENT_MARK,     /* another MARK chunk is reached */
} locutor_event_kind;

typedef struct {
    locutor_event_kind kind;
    const char *name;  /* the mark's name */
    size_t sample;     /* where, in samples from the start of this locutor_speak call */
    size_t start, end; /* the bytes of your text it stands for (a sentence, a word) */
    size_t block;      /* the 0-based block */
} locutor_event;

/* Receives count samples of 16-bit mono PCM; return 0 to go on, nonzero to stop. */
typedef int (*locutor_audio_fn)(void *user, const short *pcm, size_t count);
/* Receives an event, before the audio that holds its sample; return 0 to go on. */
typedef int (*locutor_event_fn)(void *user, const locutor_event *event);

/* Says the speech: each block's words, then its pauses as silence. on_event may be NULL.
 * Stops within one audio buffer (buffer_ms, 400 ms unless set) when a callback returns nonzero or
 * locutor_voice_stop is called, and then returns LOCUTOR_ERR_INTERRUPTED. */
locutor_status locutor_speak(locutor_voice *voice, const locutor_speech *speech,
                             locutor_audio_fn on_audio, locutor_event_fn on_event, void *user);

/* Says text as it is written, without normalization, with espeak-ng's voice for language
 * ("en", "fr-fr", any voice espeak-ng has; NULL: the voice's own): letter and key names, or
 * text in another language. With ssml nonzero, text is an SSML document and its marks are
 * reported as LOCUTOR_EVENT_MARK (sample counted from this call's start, start = end = 0);
 * otherwise it is plain text, escaped here. Stops as locutor_speak does. */
locutor_status locutor_speak_as_written(locutor_voice *voice, const char *text,
                                        const char *language, int ssml, locutor_audio_fn on_audio,
                                        locutor_event_fn on_event, void *user);

/* Changes rate, pitch and volume (as in locutor_voice_open; name and buffer_ms are ignored)
 * for what is said next. */
locutor_status locutor_voice_set(locutor_voice *voice, const locutor_voice_options *options);

/* Asks the locutor_speak in progress (or the next one) to stop; safe from any thread or a
 * signal handler. */
void locutor_voice_stop(locutor_voice *voice);

void locutor_voice_close(locutor_voice *voice);

#ifdef __cplusplus
}
#endif

#endif
