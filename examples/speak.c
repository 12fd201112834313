/* speak.c - text in, WAV out: an article said by liblocutor, with each sentence's time.
 * Build: cc speak.c $(pkg-config --cflags --libs locutor) -o speak
 * Use:   ./speak out.wav < article.txt */
#include <locutor.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    FILE *out;
    size_t samples;
    int rate;
} wav;

/* A 16-bit mono RIFF header for n samples (written again at the end with the real n). */
static void header(wav *w)
{
    uint32_t data = (uint32_t)(w->samples * 2), rate = (uint32_t)w->rate, bytes = rate * 2;
    uint32_t riff = 36 + data, fmt = 16;
    uint16_t pcm = 1, mono = 1, align = 2, bits = 16;
    rewind(w->out);
    fwrite("RIFF", 1, 4, w->out), fwrite(&riff, 4, 1, w->out), fwrite("WAVEfmt ", 1, 8, w->out);
    fwrite(&fmt, 4, 1, w->out), fwrite(&pcm, 2, 1, w->out), fwrite(&mono, 2, 1, w->out);
    fwrite(&rate, 4, 1, w->out), fwrite(&bytes, 4, 1, w->out), fwrite(&align, 2, 1, w->out);
    fwrite(&bits, 2, 1, w->out), fwrite("data", 1, 4, w->out), fwrite(&data, 4, 1, w->out);
}

static int on_audio(void *user, const short *pcm, size_t count)
{
    wav *w = user;
    w->samples += count;
    return fwrite(pcm, 2, count, w->out) == count ? 0 : 1; /* little-endian machines */
}

static int on_event(void *user, const locutor_event *ev)
{
    const wav *w = user;
    if (ev->kind == LOCUTOR_EVENT_SENTENCE)
        fprintf(stderr, "%8.2f s  sentence at bytes %zu-%zu\n", (double)ev->sample / w->rate,
                ev->start, ev->end);
    return 0;
}

int main(int argc, char **argv)
{
    static char text[1 << 20];
    if (argc != 2) {
        fprintf(stderr, "usage: speak OUT.wav < article.txt\n");
        return 2;
    }
    size_t len = fread(text, 1, sizeof text, stdin);
    char err[256] = "";
    locutor_lang *lang = NULL;
    locutor_speech *speech = NULL;
    locutor_voice *voice = NULL;
    wav w = {fopen(argv[1], "wb"), 0, 0};
    locutor_status st =
        w.out ? locutor_lang_open(NULL, &lang, err, sizeof err) : LOCUTOR_ERR_OUTPUT_OPEN;
    if (st == LOCUTOR_OK)
        st = locutor_normalize(lang, text, len, LOCUTOR_FORMAT_AUTO, LOCUTOR_MARKS, &speech, err,
                               sizeof err);
    if (st == LOCUTOR_OK) st = locutor_voice_open(NULL, &voice, err, sizeof err);
    if (st == LOCUTOR_OK) {
        w.rate = locutor_voice_sample_rate(voice);
        header(&w);
        st = locutor_speak(voice, speech, on_audio, on_event, &w);
        header(&w);
    }
    locutor_voice_close(voice);
    locutor_speech_free(speech);
    locutor_lang_close(lang);
    if (w.out && fclose(w.out) != 0 && st == LOCUTOR_OK) st = LOCUTOR_ERR_OUTPUT_WRITE;
    if (st != LOCUTOR_OK) {
        fprintf(stderr, "speak: %s: %s\n", argv[1], *err ? err : locutor_strerror(st));
        return 1;
    }
    return 0;
}
