/* pipeline.h - read -> tokenize -> classify -> verbalize -> chunk -> synthesize -> sinks. */
#ifndef LOC_PIPELINE_H
#define LOC_PIPELINE_H

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "chunk.h"
#include "es_lang.h"
#include "options.h"
#include "reader.h"
#include "status.h"
#include "strbuf.h"

/* Runs locutor as the options say. On failure err names the file or value. */
loc_status pipeline_run(const loc_options *o, strbuf *err);

/* Prints the regions of voices/es/regions.tsv, one a line: code, name, decimal mark, "$". */
loc_status pipeline_list_regions(FILE *out, strbuf *err);

#endif
