/* synth.c - the only file that includes espeak-ng: SSML in, PCM through a callback out. */
#include "synth.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>
#include <stdio.h>
#include <string.h>

#include "quiet.h"
#include "speakable.h"

typedef struct {
    synth_audio_fn fn;
    synth_mark_fn mark_fn;
    void *user;
    loc_status status;
} delivery;

static int sample_rate;
static bool library_ready;      /* espeak-ng initialized in this process */
static bool output_ready;       /* and its synchronous output (not for phonemes alone) */
static char speaking_voice[64]; /* the voice synth_open chose ("" before it) */
static bool voice_changed;      /* synth_phonemes could not switch back */
static synth_options speaking;  /* rate, pitch, volume set again after a switch back */
static strbuf spoken;           /* speakable()'s copy of an SSML document it changed */
static strbuf looked_up;        /* and of a word to look up */

static int on_audio(short *wav, int count, espeak_EVENT *events)
{
    delivery *d = events ? events->user_data : NULL;
    if (!d || d->status != LOC_OK) return 1;
    for (espeak_EVENT *e = events; d->mark_fn && e->type != espeakEVENT_LIST_TERMINATED; e++)
        if (e->type == espeakEVENT_MARK && e->id.name && d->status == LOC_OK)
            d->status = d->mark_fn(d->user, e->id.name, (size_t)e->sample);
    if (wav && count > 0 && d->status == LOC_OK) d->status = d->fn(d->user, wav, (size_t)count);
    return d->status == LOC_OK ? 0 : 1;
}

/* A Spanish voice that is really installed (not an mbrola voice without its data). */
static bool is_spanish_voice(const espeak_VOICE *v)
{
    return v->languages && strncmp(v->languages + 1, "es", 2) == 0 && v->identifier &&
           strncmp(v->identifier, "mb/", 3) != 0;
}

static bool voice_exists(const char *name)
{
    const espeak_VOICE **voices = espeak_ListVoices(NULL);
    for (size_t i = 0; voices && voices[i]; i++) {
        const espeak_VOICE *v = voices[i];
        if (!is_spanish_voice(v)) continue;
        const char *base = strrchr(v->identifier, '/');
        base = base ? base + 1 : v->identifier;
        if (strcmp(name, base) == 0 || strcmp(name, v->languages + 1) == 0 ||
            (v->name && strcmp(name, v->name) == 0))
            return true;
    }
    return false;
}

static loc_status init_library(int buffer_ms)
{
    if (!library_ready) {
        espeak_ng_InitializePath(NULL);
        if (espeak_ng_Initialize(NULL) != ENS_OK) return LOC_ERR_SYNTH;
        library_ready = true;
    }
    if (output_ready) return LOC_OK;
    /* espeak-ng opens an audio client here even in synchronous mode; keep its noise quiet.
     * 400 ms buffers: fewer callbacks and pipe writes than the default 60 ms. */
    int saved = quiet_begin();
    espeak_ng_STATUS st = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS,
                                                     buffer_ms > 0 ? buffer_ms : 400, NULL);
    quiet_end(saved);
    if (st != ENS_OK) return LOC_ERR_SYNTH;
    output_ready = true;
    return LOC_OK;
}

loc_status synth_open(const synth_options *opts)
{
    loc_status st = init_library(opts->buffer_ms);
    if (st != LOC_OK) return st;
    if (!voice_exists(opts->voice) || espeak_ng_SetVoiceByName(opts->voice) != ENS_OK)
        return LOC_ERR_VOICE;
    snprintf(speaking_voice, sizeof speaking_voice, "%s", opts->voice);
    speaking = *opts;
    voice_changed = false;
    espeak_SetSynthCallback(on_audio);
    espeak_SetParameter(espeakRATE, opts->rate, 0);
    espeak_SetParameter(espeakPITCH, opts->pitch, 0);
    espeak_SetParameter(espeakVOLUME, opts->volume, 0);
    sample_rate = espeak_ng_GetSampleRate();
    return LOC_OK;
}

int synth_sample_rate(void)
{
    return sample_rate;
}

/* Speaks with whatever voice is loaded now. */
static loc_status speak_now(const char *ssml, synth_audio_fn fn, synth_mark_fn mark_fn, void *user)
{
    delivery d = {fn, mark_fn, user, LOC_OK};
    const char *text = speakable(ssml, true, &spoken);
    if (!text) return LOC_ERR_NOMEM;
    espeak_ERROR err = espeak_Synth(text, strlen(text) + 1, 0, POS_CHARACTER, 0,
                                    espeakCHARS_UTF8 | espeakSSML, NULL, &d);
    if (d.status != LOC_OK) return d.status;
    return err == EE_OK ? LOC_OK : LOC_ERR_SYNTH;
}

/* Loads a voice with the speaking rate, pitch and volume. */
static bool load_voice(const char *name)
{
    if (espeak_ng_SetVoiceByName(name) != ENS_OK) return false;
    espeak_SetParameter(espeakRATE, speaking.rate, 0);
    espeak_SetParameter(espeakPITCH, speaking.pitch, 0);
    espeak_SetParameter(espeakVOLUME, speaking.volume, 0);
    return true;
}

loc_status synth_speak_ssml(const char *ssml, synth_audio_fn fn, synth_mark_fn mark_fn, void *user)
{
    if (voice_changed && !load_voice(speaking_voice)) return LOC_ERR_VOICE;
    voice_changed = false;
    return speak_now(ssml, fn, mark_fn, user);
}

loc_status synth_speak_ssml_in(const char *voice, const char *ssml, synth_audio_fn fn,
                               synth_mark_fn mark_fn, void *user)
{
    if (!voice || !strcmp(voice, speaking_voice)) return synth_speak_ssml(ssml, fn, mark_fn, user);
    voice_changed = true; /* the speaking voice is loaded again before the next synth_speak_ssml */
    if (!load_voice(voice)) return LOC_ERR_VOICE;
    return speak_now(ssml, fn, mark_fn, user);
}

void synth_set_voice_params(int rate, int pitch, int volume)
{
    speaking.rate = rate;
    speaking.pitch = pitch;
    speaking.volume = volume;
    espeak_SetParameter(espeakRATE, rate, 0);
    espeak_SetParameter(espeakPITCH, pitch, 0);
    espeak_SetParameter(espeakVOLUME, volume, 0);
}

loc_status synth_silence(int ms, synth_audio_fn fn, void *user)
{
    static const short zeros[1024];
    size_t left = (size_t)ms * (size_t)sample_rate / 1000;
    while (left) {
        size_t n = left < 1024 ? left : 1024;
        loc_status st = fn(user, zeros, n);
        if (st != LOC_OK) return st;
        left -= n;
    }
    return LOC_OK;
}

void synth_set_rate(int wpm)
{
    speaking.rate = wpm;
    espeak_SetParameter(espeakRATE, wpm, 0);
}

/* espeak-ng stays initialized until the process ends: espeak-ng 1.51 hangs in
 * espeak_ng_Terminate once it has been initialized a second time (a library user that opens a
 * voice, closes it and opens another). */
void synth_close(void)
{
    speaking_voice[0] = '\0';
    sb_free(&spoken);
    sb_free(&looked_up);
}

bool synth_phonemes(void *user, const char *voice, const char *word, strbuf *out)
{
    (void)user;
    if (!library_ready) {
        espeak_ng_InitializePath(NULL);
        if (espeak_ng_Initialize(NULL) != ENS_OK) return false;
        library_ready = true;
    }
    static char current[16]; /* the voice loaded for phonemes when nothing speaks here */
    if (speaking_voice[0] || strcmp(current, voice) != 0) {
        if (espeak_ng_SetVoiceByName(voice) != ENS_OK) return false;
        snprintf(current, sizeof current, "%s", voice);
    }
    const void *p = speakable(word, false, &looked_up);
    if (!p) return false;
    const char *ph = espeak_TextToPhonemes(&p, espeakCHARS_UTF8, '|' << 8);
    sb_clear(out);
    bool ok = ph && sb_puts(out, ph) && out->len > 0;
    /* the speaking voice back at once (a switch to a loaded voice takes ~0.1 ms), so a
     * process forked from this one starts with it */
    if (speaking_voice[0] && !load_voice(speaking_voice)) voice_changed = true;
    return ok;
}

loc_status synth_list_voices(FILE *out)
{
    loc_status st = init_library(0);
    if (st != LOC_OK) return st;
    const espeak_VOICE **voices = espeak_ListVoices(NULL);
    for (size_t i = 0; voices && voices[i]; i++) {
        const espeak_VOICE *v = voices[i];
        if (!is_spanish_voice(v)) continue;
        const char *base = strrchr(v->identifier, '/');
        fprintf(out, "%-8s %s\n", base ? base + 1 : v->identifier, v->name ? v->name : "");
    }
    return LOC_OK;
}
