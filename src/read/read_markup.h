/* read_markup.h - HTML pages and RSS/Atom feeds into blocks; the only file that includes libxml2.
 */
#ifndef LOC_READ_MARKUP_H
#define LOC_READ_MARKUP_H

#include <stddef.h>
#include <time.h>

#include "block.h"
#include "status.h"
#include "strbuf.h"

/* Blocks are emitted without offsets (src NULL) but with the line where their text starts in
 * the document (see markup_align). */

/* A page: the article's body (<article>, else <main>, else the element with the most
 * text in <p>), without navigation, scripts, forms, banners. encoding: NULL to use the
 * page's own declaration. On failure err says why. */
loc_status markup_read_html(const char *data, size_t len, const char *encoding, reader_emit_fn emit,
                            void *user, char *lang, size_t langsize, strbuf *err);

/* A feed (RSS 2.0, RSS 1.0 or Atom): each item is an article, its title then its content
 * read as HTML. No network, no entity expansion: a feed that needs either is refused.
 * Both keep the language the document declares (lang, og:locale, <language>) in lang. */
loc_status markup_read_feed(const char *data, size_t len, const char *encoding, size_t max_items,
                            time_t since, reader_emit_fn emit, void *user, char *lang,
                            size_t langsize, strbuf *err);

/* Where the words of a page's or a feed's blocks are in its bytes. */
typedef struct {
    const char *doc;
    size_t len;
    size_t cursor;        /* where the next block's words are looked for from */
    size_t line, line_at; /* the last line looked up, and where it starts */
} markup_source;

/* Fills map with the document offset of each byte of a block's text (raw, as emitted; its
 * element starts on line, 0 when unknown), blocks taken in order: each word written as it is in
 * the document gets its own offsets, others the place reached so far. The offsets never
 * decrease, and the next block starts after this one's start. False when out of memory. */
bool markup_align(markup_source *s, size_t line, const char *text, size_t len, reader_offsets *map);

#endif
