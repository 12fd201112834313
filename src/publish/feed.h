/* feed.h - adds an episode to an RSS 2.0 podcast feed (libxml2), rewritten atomically. */
#ifndef LOC_FEED_H
#define LOC_FEED_H

#include "status.h"
#include "strbuf.h"
#include "table.h"

/* Adds (or replaces, when its URL is already there) the episode audio_path,
 * published at base_url/<file name>, to the feed at feed_path (created when
 * missing), titled "<title> <date>". description lists the article titles; date
 * 0/0/0 means today. Texts are cleaned (see title_clean) and the URL's spaces, control
 * bytes and invalid UTF-8 percent-encoded, so the feed stays valid XML 1.0. Jobs adding
 * to one feed at once take turns: each holds an flock on it from reading to renaming.
 * A new feed's title, description and language are words' feed_title, feed_description and
 * feed_language (voices/es/interface.tsv). */
loc_status feed_add_episode(const table *words, const char *feed_path, const char *base_url,
                            const char *audio_path, const char *title, const char *description,
                            double seconds, int year, int month, int day, strbuf *err);

#endif
