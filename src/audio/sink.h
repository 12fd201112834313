/* sink.h - where audio goes: a file (libsndfile) or a sound device (libao), one small table. */
#ifndef LOC_SINK_H
#define LOC_SINK_H

#include <stdbool.h>
#include <stddef.h>

#include "atomic.h"
#include "status.h"
#include "strbuf.h"

typedef struct sink sink;

typedef struct {
    loc_status (*write)(sink *s, const short *samples, size_t count); /* mono 16-bit PCM */
    loc_status (*finish)(sink *s); /* completes the output and frees the sink */
    void (*abort)(sink *s);        /* discards what was written and frees the sink */
} sink_ops;

struct sink {
    const sink_ops *ops;
};

typedef struct {
    int sample_rate; /* of the file; 0: the synthesizer's (Opus: 48000 always) */
    int bitrate;     /* kbps for MP3 and Opus; 0: libsndfile's default */
    bool normalize;  /* bring the file to lufs integrated, true peak <= -1 dBTP */
    double lufs;
    int threads;         /* for the gain pass (the same audio for any number) */
    publish_list *later; /* not NULL: finish leaves the rename to publish_all */
} sink_file_options;

/* Audio file named by path (its extension picks the format; "-" is WAV on
 * standard output). Written under a temporary name in the same folder and
 * renamed into place by finish. On failure err says which file and why.
 * With normalize, audio waits in a temporary file until finish (two passes). */
loc_status sink_file_open(const char *path, int sample_rate, const sink_file_options *fo,
                          sink **out, strbuf *err);

/* Why a file sink's last write failed when it was not the output itself (a full $TMPDIR
 * holding the audio for the loudness pass), else NULL. */
const char *sink_file_failure(sink *s);

/* Adds a cue point (a chapter) at sample (synthesizer rate) to a WAV file
 * sink, labelled; ignored for other formats. */
loc_status sink_file_cue(sink *s, unsigned long long sample, const char *label);

/* True when path's extension names a format sink_file_open can write. */
bool sink_file_known_format(const char *path);
/* The MIME type of the audio format path's extension names ("audio/mpeg" for x.mp3), NULL
 * when sink_file_open cannot write it. */
const char *sink_file_mime(const char *path);

/* Live playback through libao; driver NULL picks PulseAudio when it runs, else
 * libao's default. On failure err says which driver and why. */
loc_status sink_live_open(const char *driver, int sample_rate, sink **out, strbuf *err);
/* The same with a small device buffer (about 50 ms with PulseAudio), so that
 * stopping the writes is heard at once (the interactive player). */
loc_status sink_live_open_low_latency(const char *driver, int sample_rate, sink **out, strbuf *err);

/* Reads a whole sound file (a jingle) as mono 16-bit at sample_rate, resampled
 * and mixed down as needed. *samples is malloc'd. */
loc_status sound_file_read(const char *path, int sample_rate, short **samples, size_t *count,
                           strbuf *err);

/* Installs SIGINT/SIGTERM handlers that ask running work to stop. */
void sink_catch_signals(void);
/* True once SIGINT or SIGTERM arrived. */
int sink_interrupted(void);

#endif
