/* sink.h - where audio goes: a file (libsndfile) or a sound device (libao), one small table. */
#ifndef LOC_SINK_H
#define LOC_SINK_H

#include <stddef.h>

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

/* Audio file named by path (its extension picks the format; "-" is WAV on
 * standard output). Written under a temporary name in the same folder and
 * renamed into place by finish. On failure err says which file and why. */
loc_status sink_file_open(const char *path, int sample_rate, sink **out, strbuf *err);

/* Live playback through libao; driver NULL picks PulseAudio when it runs, else
 * libao's default. On failure err says which driver and why. */
loc_status sink_live_open(const char *driver, int sample_rate, sink **out, strbuf *err);

/* Installs SIGINT/SIGTERM handlers that ask running work to stop. */
void sink_catch_signals(void);
/* True once SIGINT or SIGTERM arrived. */
int sink_interrupted(void);

#endif
