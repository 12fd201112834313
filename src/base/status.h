/* status.h - the one status enum of locutor and its message table. */
#ifndef LOC_STATUS_H
#define LOC_STATUS_H

/* X(name, exit code, message). Exit codes: 0 ok, 2 usage, 3 input, 4 output,
 * 5 audio device, 6 voice/synthesizer, 7 language data, 130 interrupted, 1 anything else. */
#define LOC_STATUS_LIST(X)                                                                         \
    X(LOC_OK, 0, "success")                                                                        \
    X(LOC_ERR_NOMEM, 1, "out of memory")                                                           \
    X(LOC_ERR_USAGE, 2, "invalid command line")                                                    \
    X(LOC_ERR_INPUT_OPEN, 3, "cannot open input")                                                  \
    X(LOC_ERR_INPUT_READ, 3, "cannot read input")                                                  \
    X(LOC_ERR_INPUT_ENCODING, 3, "input is not valid UTF-8")                                       \
    X(LOC_ERR_INPUT_TOO_LARGE, 3, "input too large to parse")                                      \
    X(LOC_ERR_INPUT_FORMAT, 3, "input is not a readable page or feed")                             \
    X(LOC_ERR_OUTPUT_FORMAT, 2, "unknown output format (use .wav .flac .ogg .opus .mp3)")          \
    X(LOC_ERR_OUTPUT_OPEN, 4, "cannot create output file")                                         \
    X(LOC_ERR_OUTPUT_WRITE, 4, "cannot write output")                                              \
    X(LOC_ERR_AUDIO_DEVICE, 5, "no usable audio device (write a file with -o FILE instead)")       \
    X(LOC_ERR_AUDIO_DRIVER, 5, "unknown audio driver")                                             \
    X(LOC_ERR_VOICE, 6, "unknown voice (see --list-voices)")                                       \
    X(LOC_ERR_SYNTH, 6, "speech synthesizer failed")                                               \
    X(LOC_ERR_DATA, 7, "cannot load language data")                                                \
    X(LOC_ERR_RESAMPLE, 1, "resampler failed")                                                     \
    X(LOC_ERR_INTERRUPTED, 130, "interrupted")

typedef enum {
#define LOC_STATUS_ENUM(name, code, msg) name,
    LOC_STATUS_LIST(LOC_STATUS_ENUM)
#undef LOC_STATUS_ENUM
        LOC_STATUS_COUNT
} loc_status;

/* Returns a static, human-readable message for a status (never NULL). */
const char *loc_strerror(loc_status status);

/* Returns the process exit code that the command line uses for a status. */
int loc_exit_code(loc_status status);

#endif
