/* player.h - the interactive reader: keys move by sentence and article while it speaks. */
#ifndef LOC_PLAYER_H
#define LOC_PLAYER_H

#include <stdbool.h>

#include "options.h"
#include "status.h"
#include "strbuf.h"

/* True when the options ask to play only, from files, with a terminal on standard input. */
bool player_wanted(const loc_options *o);

/* Plays o->inputs article by article (a feed's items each an article, read with the options'
 * --format, --encoding, --max-items and --since), sentence by sentence, under the keyboard.
 * On q saves the position (see --resume). On failure err names what failed. */
loc_status player_run(const loc_options *o, strbuf *err);

#endif
