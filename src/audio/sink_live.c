/* sink_live.c - the only file that includes libao: plays audio as it is made. */
#include "sink.h"

#include <ao/ao.h>
#include <stdlib.h>
#include <string.h>

#include "quiet.h"

typedef struct {
    sink base;
    ao_device *dev;
} live_sink;

static int ao_started;

static loc_status live_write(sink *s, const short *samples, size_t count)
{
    live_sink *l = (live_sink *)s;
    /* libao takes native-endian 16-bit samples as bytes */
    return ao_play(l->dev, (char *)samples, (uint_32)(count * sizeof *samples))
               ? LOC_OK
               : LOC_ERR_AUDIO_DEVICE;
}

static void live_close(live_sink *l)
{
    if (l->dev) ao_close(l->dev);
    free(l);
    ao_shutdown();
    ao_started = 0;
}

static loc_status live_finish(sink *s)
{
    live_close((live_sink *)s);
    return LOC_OK;
}

static void live_abort(sink *s)
{
    live_close((live_sink *)s);
}

static const sink_ops live_ops = {live_write, live_finish, live_abort};

static ao_device *open_driver(int id, int rate, bool low_latency)
{
    ao_sample_format fmt = {0};
    fmt.bits = 16;
    fmt.rate = rate;
    fmt.channels = 1;
    fmt.byte_format = AO_FMT_NATIVE;
    ao_option *opts = NULL;
    ao_append_option(&opts, "quiet", "");
    if (low_latency && id == ao_driver_id("pulse")) ao_append_option(&opts, "buffer_time", "50");
    /* ALSA's library prints its own errors on stderr; locutor says one clear line instead */
    int saved = quiet_begin();
    ao_device *dev = ao_open_live(id, &fmt, opts);
    quiet_end(saved);
    ao_free_options(opts);
    return dev;
}

static loc_status live_open(const char *driver, int rate, bool low_latency, sink **out, strbuf *err)
{
    if (!ao_started) {
        ao_initialize();
        ao_started = 1;
    }
    live_sink *l = calloc(1, sizeof *l);
    if (!l) return LOC_ERR_NOMEM;
    l->base.ops = &live_ops;
    if (driver) {
        int id = ao_driver_id(driver);
        ao_info *info = id >= 0 ? ao_driver_info(id) : NULL;
        if (!info || info->type != AO_TYPE_LIVE) {
            sb_printf(err, "%s", driver);
            live_close(l);
            return LOC_ERR_AUDIO_DRIVER;
        }
        l->dev = open_driver(id, rate, low_latency);
        if (!l->dev) sb_printf(err, "driver %s", driver);
    } else {
        /* prefer a running PulseAudio (or PipeWire's) server, then libao's default */
        int pulse = ao_driver_id("pulse");
        if (pulse >= 0) l->dev = open_driver(pulse, rate, low_latency);
        int def = ao_default_driver_id();
        ao_info *info = def >= 0 ? ao_driver_info(def) : NULL;
        if (!l->dev && info && strcmp(info->short_name, "null") != 0)
            l->dev = open_driver(def, rate, low_latency);
        if (!l->dev) sb_printf(err, "no sound server or device answered");
    }
    if (!l->dev) {
        live_close(l);
        return LOC_ERR_AUDIO_DEVICE;
    }
    *out = &l->base;
    return LOC_OK;
}

loc_status sink_live_open(const char *driver, int rate, sink **out, strbuf *err)
{
    return live_open(driver, rate, false, out, err);
}

loc_status sink_live_open_low_latency(const char *driver, int rate, sink **out, strbuf *err)
{
    return live_open(driver, rate, true, out, err);
}
