/* fuzz_reader.c - libFuzzer target: any bytes through one reader (FUZZ_FORMAT) must give clean,
 * bounded blocks, their source offsets in order inside the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "reader.h"

#ifndef FUZZ_FORMAT
#define FUZZ_FORMAT READ_AUTO
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    read_options o = {.format = FUZZ_FORMAT, .max_items = 50};
    reader *r = reader_open_memory((const char *)data, size, &o);
    if (!r) return 0;
    block b;
    bool got;
    size_t last = 0; /* source offsets never go back and stay in the input */
    while (reader_next(r, &b, &got) == LOC_OK && got) {
        if (b.len == 0 || b.len > 3 * READER_BLOCK_MAX || strlen(b.text) != b.len) abort();
        if (!b.source_map || b.source_offset != b.source_map[0]) abort();
        for (size_t i = 0; i < b.len; i++) {
            if ((unsigned char)b.text[i] < 0x20) abort(); /* no control characters */
            if (b.source_map[i] < last || b.source_map[i] > size) abort();
            last = b.source_map[i];
        }
    }
    reader_close(r);
    return 0;
}
