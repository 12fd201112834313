/* feed.c - the only file that includes libxml2: <item><enclosure url=".../2026-11-26.mp3"
 * .../></item> into feed.xml. */
#include "feed.h"

#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utf8proc.h>

#include "atomic.h"
#include "sink.h"
#include "title.h"

#define ITUNES_NS "http://www.itunes.com/dtds/podcast-1.0.dtd"

/* The enclosure's type: the output format's (sink_file_mime), else a generic one. */
static const char *mime_of(const char *path)
{
    const char *mime = sink_file_mime(path);
    return mime ? mime : "application/octet-stream";
}

static xmlNodePtr child_named(xmlNodePtr parent, const char *name)
{
    for (xmlNodePtr n = parent ? parent->children : NULL; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0) return n;
    return NULL;
}

/* The text of key in the interface words ("" when absent). */
static const char *word(const table *words, const char *key)
{
    const table_entry *e = words ? table_get(words, key) : NULL;
    return e ? e->spoken : "";
}

/* A new feed: <rss><channel> with a title, link, description and language. */
static xmlDocPtr new_feed(const table *words, const char *base_url)
{
    xmlDocPtr doc = xmlNewDoc(BAD_CAST "1.0");
    xmlNodePtr rss = xmlNewNode(NULL, BAD_CAST "rss");
    xmlDocSetRootElement(doc, rss);
    xmlNewProp(rss, BAD_CAST "version", BAD_CAST "2.0");
    xmlNewNs(rss, BAD_CAST ITUNES_NS, BAD_CAST "itunes");
    xmlNodePtr ch = xmlNewChild(rss, NULL, BAD_CAST "channel", NULL);
    xmlNewTextChild(ch, NULL, BAD_CAST "title", BAD_CAST word(words, "feed_title"));
    xmlNewTextChild(ch, NULL, BAD_CAST "link", BAD_CAST base_url);
    xmlNewTextChild(ch, NULL, BAD_CAST "description", BAD_CAST word(words, "feed_description"));
    xmlNewTextChild(ch, NULL, BAD_CAST "language", BAD_CAST word(words, "feed_language"));
    return doc;
}

/* Removes an item whose enclosure already points at url (a re-run of the same episode). */
static void drop_item_for(xmlNodePtr channel, const char *url)
{
    for (xmlNodePtr n = channel->children; n;) {
        xmlNodePtr next = n->next;
        xmlNodePtr enc = n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, "item") == 0
                             ? child_named(n, "enclosure")
                             : NULL;
        xmlChar *u = enc ? xmlGetProp(enc, BAD_CAST "url") : NULL;
        if (u && strcmp((const char *)u, url) == 0) {
            xmlUnlinkNode(n);
            xmlFreeNode(n);
        }
        xmlFree(u);
        n = next;
    }
}

/* The feed, held by one job at a time from reading to renaming its new version into place. */
typedef struct {
    int fd;       /* the feed file, locked (flock is released at exit, however the job ends) */
    bool created; /* this job made the empty file: removed again when the update fails */
    bool empty;   /* nothing in it yet: a new feed is written */
} feed_lock;

/* Opens path, creating it empty when missing (l->created then says so); -1 on failure. */
static int open_feed(feed_lock *l, const char *path)
{
    for (;;) {
        l->created = false;
        int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC); /* a FIFO must not block */
        if (fd >= 0 || errno != ENOENT) return fd;
        fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) l->created = true;
        if (fd >= 0 || errno != EEXIST) return fd; /* EEXIST: another job made it first */
    }
}

/* Opens the feed (creating it empty when missing) and locks it. A job that waited may
 * wake holding a file the previous holder renamed over or removed: it then tries again. */
static loc_status lock_feed(feed_lock *l, const char *path, strbuf *err)
{
    while ((l->fd = open_feed(l, path)) >= 0) {
        struct stat held, named;
        int r;
        while ((r = flock(l->fd, LOCK_EX)) != 0 && errno == EINTR && !sink_interrupted())
            ;
        if (r != 0 && errno == EINTR) {
            close(l->fd);
            return LOC_ERR_INTERRUPTED;
        }
        if (r != 0 || fstat(l->fd, &held) != 0) break;
        if (!S_ISREG(held.st_mode)) {
            sb_printf(err, "%s: not a regular file; left as it was", path);
            close(l->fd);
            return LOC_ERR_OUTPUT_WRITE;
        }
        bool named_ok = stat(path, &named) == 0;
        if (!named_ok && errno != ENOENT) break;
        if (named_ok && named.st_dev == held.st_dev && named.st_ino == held.st_ino) {
            l->empty = held.st_size == 0;
            fcntl(l->fd, F_SETFL, 0);
            return LOC_OK;
        }
        close(l->fd); /* no longer the feed: lock what is there now */
    }
    sb_printf(err, "%s: %s", path, strerror(errno));
    if (l->fd >= 0) close(l->fd);
    return LOC_ERR_OUTPUT_OPEN;
}

/* Releases the feed; a file this job created and never filled is removed. */
static void unlock_feed(feed_lock *l, const char *path, loc_status st)
{
    if (st != LOC_OK && l->created) unlink(path);
    close(l->fd);
}

/* Reads the locked feed, or starts a new one when it is empty. NULL when it is no RSS feed. */
static xmlDocPtr read_feed(const table *words, const feed_lock *l, const char *feed_path,
                           const char *base_url, strbuf *err)
{
    if (l->empty) return new_feed(words, base_url);
    xmlDocPtr doc =
        xmlReadFd(l->fd, feed_path, NULL,
                  XML_PARSE_NONET | XML_PARSE_NOBLANKS | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    if (!root || strcmp((const char *)root->name, "rss") != 0 || !child_named(root, "channel")) {
        sb_printf(err, "%s: not an RSS 2.0 feed; left as it was", feed_path);
        if (doc) xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

/* One episode, its texts ready for XML 1.0. */
typedef struct {
    const char *audio_path;
    struct stat audio;
    strbuf link;        /* base URL */
    strbuf url;         /* base URL / the audio's file name */
    strbuf title;       /* "<program title> <date>" */
    strbuf description; /* the article titles */
    char when[64];      /* RFC 822 date */
    char duration[32];  /* HH:MM:SS */
} episode;

/* Appends s to out, its spaces, control bytes, non-characters and invalid UTF-8 as %XX. */
static bool url_append(strbuf *out, const char *s)
{
    bool ok = true;
    for (size_t i = 0, n = strlen(s); ok && i < n;) {
        unsigned char c = (unsigned char)s[i];
        utf8proc_int32_t cp = c;
        utf8proc_ssize_t k = c < 0x80 ? 1
                                      : utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                         (utf8proc_ssize_t)(n - i), &cp);
        bool plain = k > 0 && cp > 0x20 && cp != 0x7F && cp != 0xFFFE && cp != 0xFFFF;
        if (k <= 0) k = 1;
        for (utf8proc_ssize_t b = 0; ok && b < k; b++)
            ok = plain ? sb_putc(out, s[i + b])
                       : sb_printf(out, "%%%02X", (unsigned)(unsigned char)s[i + b]);
        i += (size_t)k;
    }
    return ok;
}

/* Fills in ep from the audio file and the run's words; false when memory runs out. */
static bool make_episode(episode *ep, const char *base_url, const char *title,
                         const char *description, double seconds, int year, int month, int day)
{
    const char *base = strrchr(ep->audio_path, '/');
    base = base ? base + 1 : ep->audio_path;
    size_t bl = strlen(base_url);
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    if (year) tm.tm_year = year - 1900, tm.tm_mon = month - 1, tm.tm_mday = day, mktime(&tm);
    char date[32];
    strftime(ep->when, sizeof ep->when, "%a, %d %b %Y %H:%M:%S %z", &tm);
    strftime(date, sizeof date, "%Y-%m-%d", &tm);
    long secs = (long)(seconds + 0.5);
    snprintf(ep->duration, sizeof ep->duration, "%02ld:%02ld:%02ld", secs / 3600, secs / 60 % 60,
             secs % 60);
    strbuf words = {0};
    bool ok = url_append(&ep->link, base_url) && url_append(&ep->url, base_url) &&
              (bl && base_url[bl - 1] == '/' ? true : sb_putc(&ep->url, '/')) &&
              url_append(&ep->url, base) && title_clean(title, strlen(title), TITLE_MAX, &words) &&
              sb_printf(&ep->title, "%s %s", sb_str(&words), date) &&
              title_clean(description, strlen(description), SIZE_MAX, &ep->description);
    sb_free(&words);
    return ok;
}

static void free_episode(episode *ep)
{
    sb_free(&ep->link);
    sb_free(&ep->url);
    sb_free(&ep->title);
    sb_free(&ep->description);
}

/* The episode's <item>: title, description, enclosure, guid, date and duration. */
static xmlNodePtr new_item(xmlNsPtr itunes, const episode *ep)
{
    char length[32];
    snprintf(length, sizeof length, "%lld", (long long)ep->audio.st_size);
    xmlNodePtr item = xmlNewNode(NULL, BAD_CAST "item");
    xmlNewTextChild(item, NULL, BAD_CAST "title", BAD_CAST sb_str(&ep->title));
    xmlNewTextChild(item, NULL, BAD_CAST "description", BAD_CAST sb_str(&ep->description));
    xmlNodePtr enc = xmlNewChild(item, NULL, BAD_CAST "enclosure", NULL);
    xmlNewProp(enc, BAD_CAST "url", BAD_CAST sb_str(&ep->url));
    xmlNewProp(enc, BAD_CAST "length", BAD_CAST length);
    xmlNewProp(enc, BAD_CAST "type", BAD_CAST mime_of(ep->audio_path));
    xmlNodePtr guid = xmlNewTextChild(item, NULL, BAD_CAST "guid", BAD_CAST sb_str(&ep->url));
    xmlNewProp(guid, BAD_CAST "isPermaLink", BAD_CAST "false");
    xmlNewTextChild(item, NULL, BAD_CAST "pubDate", BAD_CAST ep->when);
    xmlNewTextChild(item, itunes, BAD_CAST "duration", BAD_CAST ep->duration);
    return item;
}

/* Writes doc to a temporary file renamed over feed_path; doc is freed. */
static loc_status save_feed(xmlDocPtr doc, const char *feed_path, strbuf *err)
{
    xmlChar *text = NULL;
    int size = 0;
    xmlDocDumpFormatMemoryEnc(doc, &text, &size, "UTF-8", 1);
    xmlFreeDoc(doc);
    if (!text) return LOC_ERR_NOMEM;
    atomic_file af;
    loc_status s = atomic_open(&af, feed_path, err);
    if (s == LOC_OK && fwrite(text, 1, (size_t)size, af.f) != (size_t)size)
        s = LOC_ERR_OUTPUT_WRITE;
    if (s == LOC_OK)
        s = atomic_commit(&af, err);
    else
        atomic_discard(&af);
    xmlFree(text);
    return s;
}

/* With the feed locked: reads it, puts the episode first (replacing one with its URL), saves. */
static loc_status write_episode(const table *words, const feed_lock *l, const char *feed_path,
                                const episode *ep, strbuf *err)
{
    xmlDocPtr doc = read_feed(words, l, feed_path, sb_str(&ep->link), err);
    if (!doc) return LOC_ERR_OUTPUT_WRITE;
    xmlNodePtr root = xmlDocGetRootElement(doc), channel = child_named(root, "channel");
    xmlNsPtr itunes = xmlSearchNsByHref(doc, root, BAD_CAST ITUNES_NS);
    if (!itunes) itunes = xmlNewNs(root, BAD_CAST ITUNES_NS, BAD_CAST "itunes");
    drop_item_for(channel, sb_str(&ep->url));
    xmlNodePtr item = new_item(itunes, ep);
    xmlNodePtr first = child_named(channel, "item");
    if (first)
        xmlAddPrevSibling(first, item); /* newest first */
    else
        xmlAddChild(channel, item);
    return save_feed(doc, feed_path, err);
}

loc_status feed_add_episode(const table *words, const char *feed_path, const char *base_url,
                            const char *audio_path, const char *title, const char *description,
                            double seconds, int year, int month, int day, strbuf *err)
{
    episode ep = {.audio_path = audio_path};
    if (stat(audio_path, &ep.audio) != 0) {
        sb_printf(err, "%s: %s", audio_path, strerror(errno));
        return LOC_ERR_OUTPUT_WRITE;
    }
    loc_status s = make_episode(&ep, base_url, title, description, seconds, year, month, day)
                       ? LOC_OK
                       : LOC_ERR_NOMEM;
    feed_lock lock;
    if (s == LOC_OK) s = lock_feed(&lock, feed_path, err);
    if (s == LOC_OK) {
        s = write_episode(words, &lock, feed_path, &ep, err);
        unlock_feed(&lock, feed_path, s);
    }
    free_episode(&ep);
    return s;
}
