/* feed.h - adds an episode to an RSS 2.0 podcast feed (libxml2), rewritten atomically. */
#ifndef LOC_FEED_H
#define LOC_FEED_H

#include "status.h"
#include "strbuf.h"

/* Adds (or replaces, when its URL is already there) the episode audio_path,
 * published at base_url/<file name>, to the feed at feed_path (created when
 * missing). description lists the article titles; date 0/0/0 means today. */
loc_status feed_add_episode(const char *feed_path, const char *base_url, const char *audio_path,
                            const char *description, double seconds, int year, int month, int day,
                            strbuf *err);

#endif
