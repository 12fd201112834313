/* wav_pauses.c - test helper: lists pauses and speech length in an audio file.
 * Usage: wav_pauses FILE [--min-ms 150] [--threshold 0.01]
 * Prints "duration_s=D pauses=N speech_s=S" where a pause is a run of 10 ms
 * frames with RMS below threshold lasting at least min-ms, between the first
 * and last loud frame, and S is the time from the first to the last loud frame.
 * Same measure as shared/tools/wav-pauses, readable for any format libsndfile reads. */
#include <math.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: wav_pauses FILE [--min-ms MS] [--threshold T]\n");
        return 2;
    }
    double min_ms = 150, threshold = 0.01;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--min-ms") == 0) min_ms = atof(argv[i + 1]);
        if (strcmp(argv[i], "--threshold") == 0) threshold = atof(argv[i + 1]);
    }
    SF_INFO info = {0};
    SNDFILE *f = sf_open(argv[1], SFM_READ, &info);
    if (!f) {
        fprintf(stderr, "wav_pauses: %s: %s\n", argv[1], sf_strerror(NULL));
        return 2;
    }
    int step = info.samplerate / 100;
    double *frame = malloc(sizeof(double) * (size_t)step * (size_t)info.channels);
    long frames = 0, first = -1, last = -1, run = -1, pauses = 0;
    sf_count_t got;
    while ((got = sf_readf_double(f, frame, step)) > 0) {
        double sum = 0;
        for (sf_count_t i = 0; i < got; i++) sum += frame[i * info.channels] * frame[i * info.channels];
        int loud = sqrt(sum / (double)got) >= threshold;
        if (loud) {
            if (run >= 0 && first >= 0 && (frames - run) * 10.0 >= min_ms) pauses++;
            run = -1;
            if (first < 0) first = frames;
            last = frames;
        } else if (run < 0) {
            run = frames;
        }
        frames++;
    }
    printf("duration_s=%.2f pauses=%ld speech_s=%.2f\n", (double)info.frames / info.samplerate, pauses,
           first < 0 ? 0.0 : (last - first + 1) / 100.0);
    sf_close(f);
    free(frame);
    return 0;
}
