/* sink_file.c - the only file that includes libsndfile: atomic audio files and WAV on stdout. */
#include "sink.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <sndfile.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "resample.h"

typedef struct {
    const char *ext;
    int format;
    int rate; /* 0: the synthesizer's rate */
} file_format;

static const file_format formats[] = {
    {".wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 0},
    {".flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 0},
    {".ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS, 0},
    {".opus", SF_FORMAT_OGG | SF_FORMAT_OPUS, 48000}, /* Opus takes 8/12/16/24/48 kHz */
    {".mp3", SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III, 0},
};

typedef struct {
    sink base;
    SNDFILE *sf;
    resampler *resample; /* NULL when no conversion is needed */
    char *path;          /* final name; NULL for standard output */
    char *tmp;           /* temporary name in the same folder */
    int raw_fd;          /* >= 0: headerless PCM after a streaming WAV header (pipes) */
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

static loc_status write_all(int fd, const void *data, size_t n)
{
    const char *p = data;
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return LOC_ERR_OUTPUT_WRITE;
        p += k;
        n -= (size_t)k;
    }
    return LOC_OK;
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
    return sf_write_short(f->sf, samples, (sf_count_t)count) == (sf_count_t)count
               ? LOC_OK
               : LOC_ERR_OUTPUT_WRITE;
}

static loc_status file_write(sink *s, const short *samples, size_t count)
{
    file_sink *f = (file_sink *)s;
    if (f->resample) return resampler_process(f->resample, samples, count, write_encoded, f);
    return write_encoded(f, samples, count);
}

static void file_free(file_sink *f)
{
    resampler_free(f->resample);
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
    if (f->resample) st = resampler_process(f->resample, NULL, 0, write_encoded, f);
    if (f->sf) {
        if (sf_error(f->sf) != SF_ERR_NO_ERROR) st = LOC_ERR_OUTPUT_WRITE;
        if (sf_close(f->sf) != 0) st = LOC_ERR_OUTPUT_WRITE;
        f->sf = NULL;
    }
    if (st == LOC_OK && f->tmp && rename(f->tmp, f->path) != 0) st = LOC_ERR_OUTPUT_WRITE;
    if (st != LOC_OK && f->tmp) unlink(f->tmp);
    file_free(f);
    return st;
}

static const sink_ops file_ops = {file_write, file_finish, file_abort};

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

static loc_status open_stdout(file_sink *f, int rate, strbuf *err)
{
    struct stat st;
    if (fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode)) {
        SF_INFO info = {.samplerate = rate, .channels = 1, .format = formats[0].format};
        f->sf = sf_open_fd(STDOUT_FILENO, SFM_WRITE, &info, 0);
        if (f->sf) return LOC_OK;
    }
    f->raw_fd = STDOUT_FILENO;
    if (write_stream_header(STDOUT_FILENO, rate) != LOC_OK) {
        sb_printf(err, "standard output: %s", strerror(errno));
        return LOC_ERR_OUTPUT_WRITE;
    }
    return LOC_OK;
}

/* Makes "dir/.name.XXXXXX" next to path and opens it. */
static int make_temp(const char *path, char **tmp)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path + 1) : 0;
    size_t n = strlen(path) + 16;
    *tmp = malloc(n);
    if (!*tmp) return -1;
    snprintf(*tmp, n, "%.*s.%s.XXXXXX", (int)dirlen, path, path + dirlen);
    int fd = mkstemp(*tmp);
    if (fd >= 0) {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    return fd;
}

loc_status sink_file_open(const char *path, int rate, sink **out, strbuf *err)
{
    file_sink *f = calloc(1, sizeof *f);
    if (!f) return LOC_ERR_NOMEM;
    f->base.ops = &file_ops;
    f->raw_fd = -1;
    if (strcmp(path, "-") == 0) {
        loc_status st = open_stdout(f, rate, err);
        if (st != LOC_OK) {
            file_free(f);
            return st;
        }
        *out = &f->base;
        return LOC_OK;
    }
    const file_format *fmt = format_for(path);
    if (!fmt) {
        sb_printf(err, "%s", path);
        file_free(f);
        return LOC_ERR_OUTPUT_FORMAT;
    }
    int out_rate = fmt->rate ? fmt->rate : rate;
    SF_INFO info = {.samplerate = out_rate, .channels = 1, .format = fmt->format};
    if (!sf_format_check(&info)) {
        sb_printf(err, "%s: this libsndfile cannot write %s", path, fmt->ext);
        file_free(f);
        return LOC_ERR_OUTPUT_FORMAT;
    }
    if (out_rate != rate && !(f->resample = resampler_new(rate, out_rate))) {
        file_free(f);
        return LOC_ERR_RESAMPLE;
    }
    f->path = strdup(path);
    int fd = f->path ? make_temp(path, &f->tmp) : -1;
    if (fd < 0) {
        sb_printf(err, "%s: %s", path, strerror(errno));
        free(f->tmp);
        f->tmp = NULL;
        file_free(f);
        return LOC_ERR_OUTPUT_OPEN;
    }
    f->sf = sf_open_fd(fd, SFM_WRITE, &info, 1);
    if (!f->sf) {
        sb_printf(err, "%s: %s", path, sf_strerror(NULL));
        close(fd);
        unlink(f->tmp);
        file_free(f);
        return LOC_ERR_OUTPUT_OPEN;
    }
    *out = &f->base;
    return LOC_OK;
}
