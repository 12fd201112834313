/* sink_file.c - the only file that includes libsndfile: atomic audio files and WAV on stdout. */
#include "sink.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <limits.h>
#include <signal.h>
#include <sndfile.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "limit_pass.h"
#include "loudness.h"
#include "regroup.h"
#include "resample.h"

/* The output formats, the one table of them: an extension picks libsndfile's format; the
 * MIME type is what a feed's enclosure says. */
typedef struct {
    const char *ext;
    int format;
    int rate; /* 0: the synthesizer's rate */
    const char *mime;
} file_format;

static const file_format formats[] = {
    {".wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 0, "audio/wav"},
    {".flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 0, "audio/flac"},
    {".ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS, 0, "audio/ogg"},
    {".opus", SF_FORMAT_OGG | SF_FORMAT_OPUS, 48000, "audio/ogg"}, /* Opus: 8/12/16/24/48 kHz */
    {".mp3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, 0, "audio/mpeg"},
};

typedef struct {
    sink base;
    SNDFILE *sf;
    resampler *resample; /* NULL when no conversion is needed */
    char *path;          /* final name; NULL for standard output */
    char *tmp;           /* temporary name in the same folder */
    int raw_fd;          /* >= 0: headerless PCM after a streaming WAV header (pipes) */
    int in_rate, out_rate;
    bool wav;
    /* loudness: audio waits in `pending` (16-bit, synthesizer rate) until finish */
    bool normalize;
    double lufs;
    int threads;
    short *out; /* samples for libsndfile, given it OUT_SAMPLES at a time (it writes as told) */
    size_t nout;
    FILE *pending;
    char *pending_buf; /* its stdio buffer */
    loudness_meter *meter;
    limiter_plan *plan;
    publish_list *later; /* renames wait here when not NULL */
    char failure[160];   /* why holding audio for the loudness pass failed, "" if it did not */
    /* WAV cue points (chapters) */
    SF_CUE_POINT *cues;
    size_t ncues;
} file_sink;

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
    (void)sig;
    interrupted = 1;
}

void sink_catch_signals(void)
{
    struct sigaction sa = {0};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

int sink_interrupted(void)
{
    return interrupted;
}

static const file_format *format_for(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash)) return NULL;
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (strcasecmp(dot, formats[i].ext) == 0) return &formats[i];
    return NULL;
}

/* Writes all of data to fd (see fd_write_all). */
static loc_status write_all(int fd, const void *data, size_t n)
{
    return fd_write_all(fd, data, n) ? LOC_OK : LOC_ERR_OUTPUT_WRITE;
}

enum { OUT_SAMPLES = 65536 };

static bool write_sf(void *user, const short *samples, size_t count)
{
    file_sink *f = user;
    return sf_write_short(f->sf, samples, (sf_count_t)count) == (sf_count_t)count;
}

/* Gives libsndfile the samples gathered so far. */
static loc_status flush_out(file_sink *f)
{
    size_t n = f->nout;
    f->nout = 0;
    return write_sf(f, f->out, n) ? LOC_OK : LOC_ERR_OUTPUT_WRITE;
}

static loc_status write_encoded(void *user, const short *samples, size_t count)
{
    file_sink *f = user;
    if (f->raw_fd >= 0) {
        short le[2048];
        for (size_t done = 0; done < count;) { /* WAV is little-endian */
            size_t n = count - done < 2048 ? count - done : 2048;
            for (size_t i = 0; i < n; i++) {
                uint16_t v = (uint16_t)samples[done + i];
                unsigned char *b = (unsigned char *)&le[i];
                b[0] = (unsigned char)(v & 0xFF);
                b[1] = (unsigned char)(v >> 8);
            }
            if (write_all(f->raw_fd, le, n * 2) != LOC_OK) return LOC_ERR_OUTPUT_WRITE;
            done += n;
        }
        return LOC_OK;
    }
    /* one write per 128 KB, not one per frame from a worker */
    return regroup(f->out, &f->nout, OUT_SAMPLES, samples, count, write_sf, f)
               ? LOC_OK
               : LOC_ERR_OUTPUT_WRITE;
}

static loc_status encode(file_sink *f, const short *samples, size_t count)
{
    if (f->resample) return resampler_process(f->resample, samples, count, write_encoded, f);
    return write_encoded(f, samples, count);
}

/* Measures loudness as audio arrives and keeps it for the gain pass. */
static loc_status hold_for_loudness(file_sink *f, const short *samples, size_t count)
{
    loudness_meter_add(f->meter, samples, count);
    if (limiter_plan_add(f->plan, samples, count) &&
        fwrite(samples, sizeof *samples, count, f->pending) == count)
        return LOC_OK;
    snprintf(f->failure, sizeof f->failure, "%s: audio held for the loudness pass in %s: %s",
             f->path, scratch_dir(), strerror(errno));
    return LOC_ERR_OUTPUT_WRITE;
}

static loc_status file_write(sink *s, const short *samples, size_t count)
{
    file_sink *f = (file_sink *)s;
    return f->normalize ? hold_for_loudness(f, samples, count) : encode(f, samples, count);
}

/* Ceiling for sample peaks: leaves room for inter-sample peaks and the encoders. */
#define PEAK_CEILING 0.776f           /* -2.2 dBFS, so true peak stays at or below -1 dBTP */
enum { PENDING_BUFFER = 256 * 1024 }; /* stdio buffer of the audio held for loudness */

/* The gain pass's output; stops it at once on Ctrl-C or SIGTERM. */
static loc_status encode_limited(void *user, const short *samples, size_t count)
{
    return interrupted ? LOC_ERR_INTERRUPTED : encode(user, samples, count);
}

/* The gain comes from the meter (BS.1770, taken while the audio arrived), raised by
 * what the limiter will take away (simulated on block statistics); then one pass
 * (threads limit, this thread encodes in order). Audio is held in a temporary file, never in
 * memory. */
static loc_status normalize_loudness(file_sink *f)
{
    double measured = loudness_meter_lufs(f->meter);
    float gain = 1.0f;
    if (isfinite(measured))
        gain = limiter_plan_gain(f->plan, powf(10.0f, (float)(f->lufs - measured) / 20.0f),
                                 PEAK_CEILING);
    if (fflush(f->pending) != 0) return LOC_ERR_OUTPUT_WRITE;
    return limit_pass_run(fileno(f->pending), f->plan, gain, PEAK_CEILING, f->threads,
                          encode_limited, f);
}

static void file_free(file_sink *f)
{
    if (f->pending) fclose(f->pending);
    free(f->pending_buf);
    free(f->out);
    loudness_meter_free(f->meter);
    limiter_plan_free(f->plan);
    free(f->cues);
    resampler_free(f->resample);
    if (f->raw_fd > STDERR_FILENO) close(f->raw_fd);
    free(f->path);
    free(f->tmp);
    free(f);
}

static void file_abort(sink *s)
{
    file_sink *f = (file_sink *)s;
    if (f->sf) sf_close(f->sf);
    if (f->tmp) unlink(f->tmp);
    file_free(f);
}

static loc_status file_finish(sink *s)
{
    file_sink *f = (file_sink *)s;
    loc_status st = LOC_OK;
    /* libsndfile takes cue points only before the audio: with loudness
     * normalization (the default) the audio is still held here */
    if (f->sf && f->ncues && f->normalize) {
        size_t size = offsetof(SF_CUES, cue_points) + f->ncues * sizeof *f->cues;
        SF_CUES *cues = calloc(1, size); /* every chapter, however many */
        if (!cues) st = LOC_ERR_NOMEM;
        if (cues) {
            cues->cue_count = (uint32_t)f->ncues;
            memcpy((char *)cues + offsetof(SF_CUES, cue_points), f->cues,
                   f->ncues * sizeof *f->cues);
            if (!sf_command(f->sf, SFC_SET_CUE, cues, (int)size)) st = LOC_ERR_OUTPUT_WRITE;
            free(cues);
        }
    }
    if (st == LOC_OK && f->normalize) st = normalize_loudness(f);
    if (st == LOC_OK && f->resample) st = resampler_process(f->resample, NULL, 0, write_encoded, f);
    if (st == LOC_OK && f->sf && f->nout) st = flush_out(f);
    if (f->sf) {
        if (sf_error(f->sf) != SF_ERR_NO_ERROR) st = LOC_ERR_OUTPUT_WRITE;
        if (sf_close(f->sf) != 0) st = LOC_ERR_OUTPUT_WRITE;
        f->sf = NULL;
    }
    if (st == LOC_OK && f->tmp && f->later) {
        if (!publish_hold(f->later, f->tmp, f->path)) st = LOC_ERR_NOMEM;
        f->tmp = f->path = NULL; /* the list owns them now */
    }
    if (st == LOC_OK && f->tmp && rename(f->tmp, f->path) != 0) st = LOC_ERR_OUTPUT_WRITE;
    if (st != LOC_OK && f->tmp) unlink(f->tmp);
    file_free(f);
    return st;
}

static const sink_ops file_ops = {file_write, file_finish, file_abort};

static loc_status append_samples(void *user, const short *samples, size_t count)
{
    return sb_append(user, (const char *)samples, count * sizeof *samples) ? LOC_OK : LOC_ERR_NOMEM;
}

/* A WAV header for a stream of unknown length (sizes set to the maximum). */
static loc_status write_stream_header(int fd, int rate)
{
    unsigned char h[44];
    uint32_t max = 0xFFFFFFFFu;
    memcpy(h, "RIFF", 4);
    memcpy(h + 4, &max, 4);
    memcpy(h + 8, "WAVEfmt ", 8);
    uint32_t fmt_len = 16, byte_rate = (uint32_t)rate * 2, srate = (uint32_t)rate;
    uint16_t pcm = 1, channels = 1, align = 2, bits = 16;
    memcpy(h + 16, &fmt_len, 4);
    memcpy(h + 20, &pcm, 2);
    memcpy(h + 22, &channels, 2);
    memcpy(h + 24, &srate, 4);
    memcpy(h + 28, &byte_rate, 4);
    memcpy(h + 32, &align, 2);
    memcpy(h + 34, &bits, 2);
    memcpy(h + 36, "data", 4);
    uint32_t data_len = max - 36;
    memcpy(h + 40, &data_len, 4);
    return write_all(fd, h, sizeof h);
}

/* Audio to a pipe, terminal, device or standard output: a seekable file gets a normal WAV,
 * anything else a streaming header and raw samples. */
static loc_status open_stream(file_sink *f, int fd, int rate, strbuf *err)
{
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
        SF_INFO info = {.samplerate = rate, .channels = 1, .format = formats[0].format};
        f->sf = sf_open_fd(fd, SFM_WRITE, &info, fd != STDOUT_FILENO);
        if (f->sf) return LOC_OK;
    }
    f->raw_fd = fd;
    if (write_stream_header(fd, rate) != LOC_OK) {
        sb_printf(err, "%s: %s", f->path ? f->path : "standard output", strerror(errno));
        return LOC_ERR_OUTPUT_WRITE;
    }
    return LOC_OK;
}

const char *sink_file_failure(sink *s)
{
    file_sink *f = (file_sink *)s;
    return s && s->ops == &file_ops && f->failure[0] ? f->failure : NULL;
}

bool sink_file_known_format(const char *path)
{
    return format_for(path) != NULL;
}

const char *sink_file_mime(const char *path)
{
    const file_format *f = format_for(path);
    return f ? f->mime : NULL;
}

loc_status sink_file_cue(sink *s, unsigned long long sample, const char *label)
{
    file_sink *f = (file_sink *)s;
    if (s->ops != &file_ops || !f->wav || !f->sf) return LOC_OK;
    SF_CUE_POINT *c = realloc(f->cues, (f->ncues + 1) * sizeof *c);
    if (!c) return LOC_ERR_NOMEM;
    f->cues = c;
    c = &f->cues[f->ncues];
    memset(c, 0, sizeof *c);
    c->indx = (int32_t)f->ncues + 1;
    c->position =
        (uint32_t)(sample * (unsigned long long)f->out_rate / (unsigned long long)f->in_rate);
    c->sample_offset = c->position;
    memcpy(&c->fcc_chunk, "data", 4);
    snprintf(c->name, sizeof c->name, "%s", label);
    f->ncues++;
    return LOC_OK;
}

/* --bitrate for MP3 and Opus: libsndfile takes a compression level, 0 (highest
 * bit rate) to 1 (lowest), over about 32 to 320 kbps; constant bit rate for MP3. */
static void set_bitrate(SNDFILE *sf, int format, int kbps)
{
    int sub = format & SF_FORMAT_SUBMASK;
    if (!kbps || (sub != SF_FORMAT_MPEG_LAYER_III && sub != SF_FORMAT_OPUS)) return;
    if (sub == SF_FORMAT_MPEG_LAYER_III) {
        int mode = SF_BITRATE_MODE_CONSTANT;
        sf_command(sf, SFC_SET_BITRATE_MODE, &mode, sizeof mode);
    }
    double level = 1.0 - (kbps - 32) / (320.0 - 32.0);
    level = level < 0 ? 0 : level > 1 ? 1 : level;
    sf_command(sf, SFC_SET_COMPRESSION_LEVEL, &level, sizeof level);
}

loc_status sink_file_open(const char *path, int rate, const sink_file_options *fo, sink **out,
                          strbuf *err)
{
    static const sink_file_options defaults = {0};
    if (!fo) fo = &defaults;
    file_sink *f = calloc(1, sizeof *f);
    if (!f || !(f->out = malloc(OUT_SAMPLES * sizeof *f->out))) {
        free(f);
        return LOC_ERR_NOMEM;
    }
    f->base.ops = &file_ops;
    f->raw_fd = -1;
    f->in_rate = rate;
    f->later = fo->later;
    if (standard_stream(path) == STDOUT_FILENO) {
        f->out_rate = rate;
        loc_status st = open_stream(f, STDOUT_FILENO, rate, err);
        if (st != LOC_OK) {
            file_free(f);
            return st;
        }
        *out = &f->base;
        return LOC_OK;
    }
    const file_format *fmt = format_for(path);
    struct stat target;
    bool device = stat(path, &target) == 0 && !S_ISREG(target.st_mode) && !S_ISDIR(target.st_mode);
    if (!fmt && device) fmt = &formats[0]; /* -o /dev/null, a FIFO: WAV */
    if (!fmt) {
        sb_printf(err, "%s", path);
        file_free(f);
        return LOC_ERR_OUTPUT_FORMAT;
    }
    f->out_rate = fmt->rate ? fmt->rate : fo->sample_rate ? fo->sample_rate : rate;
    f->wav = (fmt->format & SF_FORMAT_TYPEMASK) == SF_FORMAT_WAV;
    SF_INFO info = {.samplerate = f->out_rate, .channels = 1, .format = fmt->format};
    bool mp3 = (fmt->format & SF_FORMAT_SUBMASK) == SF_FORMAT_MPEG_LAYER_III;
    static const int mp3_rates[] = {8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000};
    bool rate_ok = !mp3;
    for (size_t i = 0; mp3 && i < sizeof mp3_rates / sizeof *mp3_rates; i++)
        rate_ok |= f->out_rate == mp3_rates[i];
    if (!rate_ok) {
        sb_printf(err,
                  "%s: MP3 takes 8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100 or "
                  "48000 Hz, not %d (--sample-rate)",
                  path, f->out_rate);
        file_free(f);
        return LOC_ERR_USAGE;
    }
    if (!sf_format_check(&info)) {
        sb_printf(err, "%s: this libsndfile cannot write %s at %d Hz", path, fmt->ext, f->out_rate);
        file_free(f);
        return LOC_ERR_OUTPUT_FORMAT;
    }
    if (f->out_rate != rate && !(f->resample = resampler_new(rate, f->out_rate))) {
        file_free(f);
        return LOC_ERR_RESAMPLE;
    }
    if (fo->normalize) {
        f->normalize = true;
        f->lufs = fo->lufs;
        f->threads = fo->threads;
        f->pending = scratch_file();
        f->meter = loudness_meter_new(rate);
        f->plan = limiter_plan_new();
        if (!f->pending || !f->meter || !f->plan) {
            sb_printf(err, "%s: no room for the loudness pass in %s: %s", path, scratch_dir(),
                      strerror(errno));
            file_free(f);
            return LOC_ERR_OUTPUT_OPEN;
        }
        /* one write per 256 KB of audio, not per 4 KB: 16 000 fewer calls for 20 articles
         * (glibc ignores the size unless it is given the buffer) */
        if ((f->pending_buf = malloc(PENDING_BUFFER)))
            setvbuf(f->pending, f->pending_buf, _IOFBF, PENDING_BUFFER);
    }
    int fd = atomic_target_open(path, &f->path, &f->tmp);
    if (fd < 0) {
        sb_printf(err, "%s: %s", path, strerror(errno));
        file_free(f);
        return LOC_ERR_OUTPUT_OPEN;
    }
    struct stat st;
    if (!f->tmp && f->wav && fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) { /* FIFO, device */
        loc_status s = open_stream(f, fd, f->out_rate, err);
        if (s != LOC_OK) file_free(f);
        if (s == LOC_OK) *out = &f->base;
        return s;
    }
    f->sf = sf_open_fd(fd, SFM_WRITE, &info, 1);
    if (!f->sf) {
        sb_printf(err, "%s: %s", path, sf_strerror(NULL));
        close(fd);
        if (f->tmp) unlink(f->tmp);
        file_free(f);
        return LOC_ERR_OUTPUT_OPEN;
    }
    set_bitrate(f->sf, fmt->format, fo->bitrate);
    *out = &f->base;
    return LOC_OK;
}

loc_status sound_file_read(const char *path, int rate, short **samples, size_t *count, strbuf *err)
{
    SF_INFO info = {0};
    SNDFILE *sf = access(path, R_OK) == 0 ? sf_open(path, SFM_READ, &info) : NULL;
    if (!sf) {
        sb_printf(err, "%s: %s", path,
                  access(path, R_OK) == 0 ? sf_strerror(NULL) : strerror(errno));
        return LOC_ERR_INPUT_OPEN;
    }
    strbuf mono = {0}; /* 16-bit mono at the file's rate */
    short frame[4096];
    sf_count_t frames = (sf_count_t)(sizeof frame / sizeof *frame) / info.channels;
    sf_count_t got;
    loc_status st = LOC_OK;
    while (st == LOC_OK && (got = sf_readf_short(sf, frame, frames)) > 0)
        for (sf_count_t i = 0; i < got && st == LOC_OK; i++) {
            int sum = 0;
            for (int c = 0; c < info.channels; c++)
                sum += frame[i * info.channels + c];
            short v = (short)(sum / info.channels);
            if (!sb_append(&mono, (const char *)&v, sizeof v)) st = LOC_ERR_NOMEM;
        }
    sf_close(sf);
    if (st == LOC_OK && mono.len == 0) {
        sb_printf(err, "%s: no audio in it", path);
        st = LOC_ERR_INPUT_READ;
    }
    if (st == LOC_OK && info.samplerate != rate) {
        strbuf out = {0};
        resampler *r = resampler_new(info.samplerate, rate);
        st = r ? resampler_process(r, (const short *)mono.data, mono.len / 2, append_samples, &out)
               : LOC_ERR_RESAMPLE;
        if (st == LOC_OK) st = resampler_process(r, NULL, 0, append_samples, &out);
        resampler_free(r);
        sb_free(&mono);
        mono = out;
    }
    if (st != LOC_OK) {
        sb_free(&mono);
        return st;
    }
    *samples = (short *)mono.data;
    *count = mono.len / 2;
    return LOC_OK;
}
