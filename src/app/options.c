/* options.c - getopt_long parsing with range checks: --rate 1000 -> "--rate: 1000 (80 to 900)". */
#include "options.h"
#include "read_date.h"
#include "workers.h"

#include <getopt.h>
#include <stdio.h>
#include <iconv.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

const char options_help[] =
    "Usage: locutor [OPTION]... [FILE]...\n"
    "Read Spanish news articles aloud: normalize dates, numbers, acronyms and quotes,\n"
    "speak them with espeak-ng, and play them or write an audio file.\n"
    "With no FILE, or when FILE is -, read standard input. Files are read in order.\n"
    "\n"
    "Input:\n"
    "      --format NAME    text, markdown, html or feed (default: from the file name:\n"
    "                       .md Markdown, .html .htm page, .xml .rss .atom feed;\n"
    "                       otherwise, and for standard input, from the first bytes)\n"
    "      --encoding NAME  read the input in this encoding (any iconv name, e.g.\n"
    "                       ISO-8859-15); default: UTF-8, else Windows-1252\n"
    "      --max-items N    feeds: read at most N items\n"
    "      --since DATE     feeds: only items dated DATE or later (2025-07-12, or\n"
    "                       2025-07-12T10:00:00+02:00)\n"
    "\n"
    "Output:\n"
    "  -o, --output FILE    write audio to FILE; its extension picks the format:\n"
    "                       .wav .flac .ogg .opus .mp3; '-' writes WAV to standard output\n"
    "  -p, --play           play through the sound server or device (the default\n"
    "                       when no other output is asked for)\n"
    "      --driver NAME    libao driver for --play (pulse, alsa, ...)\n"
    "  -t, --text           print the words the synthesizer is given, one block a line\n"
    "      --ssml           print the same speech as an SSML 1.1 document\n"
    "\n";

/* The help is two strings: C11 compilers need only take 4095 characters in one. */
const char options_help_more[] =
    "Briefings (several articles as one program):\n"
    "      --briefing       intro, separators and outro even for one article\n"
    "                       (automatic with two or more articles)\n"
    "      --title TEXT     the program's title: the intro's words, the feed episode's\n"
    "                       title (default: Resumen informativo)\n"
    "      --date YYYY-MM-DD  the date the intro reads (default: today)\n"
    "      --no-intro, --no-outro  leave out the introduction or the closing line\n"
    "      --jingle FILE    play this sound (any format libsndfile reads) between\n"
    "                       articles instead of a 1.6 s pause\n"
    "      --captions FILE  captions, WebVTT (.vtt) or SubRip (.srt), one cue per sentence\n"
    "      --marks FILE     speech marks as JSON Lines in Amazon Polly's format\n"
    "      --chapters FILE  Podcasting 2.0 JSON chapters (WAV output also gets cue points)\n"
    "      --loudness LUFS  normalize file output to LUFS integrated, true peak at most\n"
    "                       -1 dBTP (default -16; 'off' to keep espeak-ng's level)\n"
    "      --sample-rate HZ resample file output (8000 to 48000; Opus uses 48000)\n"
    "      --bitrate KBPS   bit rate for MP3 and Opus (32 to 320)\n"
    "      --split DIR      also write one file per article into DIR, named from titles\n"
    "      --feed FILE.xml  add the new episode (-o) to this RSS 2.0 podcast feed\n"
    "      --feed-url BASE  the public URL of the folder that holds the episode files\n"
    "\n"
    "Interactive player (--play with a terminal on standard input):\n"
    "      --quiet          print no line per event\n"
    "      --resume         continue where the last run stopped (same article)\n"
    "      --announce-structure  say \"Titular\" before headings, \"Cita\" before quotes\n"
    "  keys: space pause/resume, right/n next sentence, left/p previous, down/N next\n"
    "  heading or article, up/P previous, +/- rate, r repeat, h/? help, q quit\n"
    "\n";

/* The help's third part: voice, pronunciation and region. */
const char options_help_end[] =
    "Voice:\n"
    "  -v, --voice NAME     espeak-ng Spanish voice (default es; es-419 too)\n"
    "      --list-voices    list the Spanish voices installed\n"
    "  -r, --rate WPM       speed in words per minute, 80 to 900 (default 175)\n"
    "      --pitch N        pitch, 0 to 100 (default 50)\n"
    "      --volume N       volume, 0 to 200 (default 100)\n"
    "  -j, --jobs N         synthesize (or, for --text/--ssml alone, normalize) in N\n"
    "                       worker processes, 1 to 64 (default: the number of\n"
    "                       processors; --text/--ssml alone on two or fewer: 1);\n"
    "                       the output is the same whatever N is\n"
    "      --lexicon FILE   your own pronunciations, written<TAB>spoken per line,\n"
    "                       applied over the built-in lexicon (repeatable)\n"
    "      --no-foreign     read words the lexicon does not know with Spanish\n"
    "                       spelling rules, even when they look English, French…\n"
    "  A foreign name or loanword the lexicon lacks (Whitfield, paywall) is said the\n"
    "  way a Spanish newsreader approximates it (Uítfild, péiuol): its language is\n"
    "  guessed from its letters, espeak-ng says how that language pronounces it, and\n"
    "  the nearest Spanish sounds are spoken. --verbose lists each such word.\n"
    "\n"
    "Region (how numbers, $ and dates are written):\n"
    "      --region CODE    read every article with one region's conventions: es-ES,\n"
    "                       es-MX, es-AR, es-CO, es-CL, es-PE, es-VE, es-US, es-419\n"
    "                       (Latin America in general) and more (--list-regions)\n"
    "      --list-regions   list the regions and what each changes\n"
    "  Without --region each article's region is guessed from what it shows: a\n"
    "  page's or feed's declared language, its dateline, place and currency words,\n"
    "  and above all its numbers (8.9 % or 2,400,000: decimal point; 3,5 % or\n"
    "  1.500.000: decimal comma). 1.500 and 1,500 follow that evidence; with none,\n"
    "  both are thousands and Spain's conventions apply. --verbose says why.\n"
    "\n"
    "Other:\n"
    "      --verbose        say on standard error what is read and how\n"
    "  -h, --help           show this help\n"
    "      --version        show the version\n"
    "\n"
    "Exit status:\n"
    "  0  success\n"
    "  1  internal error (out of memory, resampler)\n"
    "  2  invalid option or value, or unknown output format\n"
    "  3  an input file is missing, unreadable or a directory\n"
    "  4  the output file cannot be created or written (nothing is left behind)\n"
    "  5  no usable audio device or unknown audio driver\n"
    "  6  unknown voice, or the synthesizer failed\n"
    "  7  language data missing or malformed\n"
    "  130  interrupted (Ctrl-C); no partial output file is left\n"
    "\n"
    "Examples:\n"
    "  locutor articles/corea-del-norte-rusia.txt            play an article\n"
    "  locutor -o noticia.mp3 articles/corea-del-norte-rusia.txt\n"
    "  curl -s URL | locutor --text                          see what would be said\n";

enum {
    OPT_DRIVER = 256,
    OPT_SSML,
    OPT_LIST_VOICES,
    OPT_PITCH,
    OPT_VOLUME,
    OPT_LEXICON,
    OPT_NO_FOREIGN,
    OPT_REGION,
    OPT_LIST_REGIONS,
    OPT_VERBOSE,
    OPT_VERSION,
    OPT_BRIEFING,
    OPT_TITLE,
    OPT_DATE,
    OPT_NO_INTRO,
    OPT_NO_OUTRO,
    OPT_JINGLE,
    OPT_CAPTIONS,
    OPT_MARKS,
    OPT_CHAPTERS,
    OPT_LOUDNESS,
    OPT_SAMPLE_RATE,
    OPT_BITRATE,
    OPT_SPLIT,
    OPT_FEED,
    OPT_FEED_URL,
    OPT_FORMAT,
    OPT_ENCODING,
    OPT_MAX_ITEMS,
    OPT_SINCE,
    OPT_QUIET,
    OPT_RESUME,
    OPT_ANNOUNCE
};

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"play", no_argument, NULL, 'p'},
    {"driver", required_argument, NULL, OPT_DRIVER},
    {"text", no_argument, NULL, 't'},
    {"ssml", no_argument, NULL, OPT_SSML},
    {"voice", required_argument, NULL, 'v'},
    {"list-voices", no_argument, NULL, OPT_LIST_VOICES},
    {"rate", required_argument, NULL, 'r'},
    {"pitch", required_argument, NULL, OPT_PITCH},
    {"volume", required_argument, NULL, OPT_VOLUME},
    {"lexicon", required_argument, NULL, OPT_LEXICON},
    {"no-foreign", no_argument, NULL, OPT_NO_FOREIGN},
    {"region", required_argument, NULL, OPT_REGION},
    {"list-regions", no_argument, NULL, OPT_LIST_REGIONS},
    {"jobs", required_argument, NULL, 'j'},
    {"briefing", no_argument, NULL, OPT_BRIEFING},
    {"title", required_argument, NULL, OPT_TITLE},
    {"date", required_argument, NULL, OPT_DATE},
    {"no-intro", no_argument, NULL, OPT_NO_INTRO},
    {"no-outro", no_argument, NULL, OPT_NO_OUTRO},
    {"jingle", required_argument, NULL, OPT_JINGLE},
    {"captions", required_argument, NULL, OPT_CAPTIONS},
    {"marks", required_argument, NULL, OPT_MARKS},
    {"chapters", required_argument, NULL, OPT_CHAPTERS},
    {"loudness", required_argument, NULL, OPT_LOUDNESS},
    {"sample-rate", required_argument, NULL, OPT_SAMPLE_RATE},
    {"bitrate", required_argument, NULL, OPT_BITRATE},
    {"split", required_argument, NULL, OPT_SPLIT},
    {"feed", required_argument, NULL, OPT_FEED},
    {"feed-url", required_argument, NULL, OPT_FEED_URL},
    {"verbose", no_argument, NULL, OPT_VERBOSE},
    {"quiet", no_argument, NULL, OPT_QUIET},
    {"resume", no_argument, NULL, OPT_RESUME},
    {"announce-structure", no_argument, NULL, OPT_ANNOUNCE},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"encoding", required_argument, NULL, OPT_ENCODING},
    {"max-items", required_argument, NULL, OPT_MAX_ITEMS},
    {"since", required_argument, NULL, OPT_SINCE},
    {NULL, 0, NULL, 0},
};

static loc_status int_in(const char *name, const char *value, int lo, int hi, int *out, strbuf *err)
{
    char *end;
    long v = strtol(value, &end, 10);
    if (!*value || *end || v < lo || v > hi) {
        sb_printf(err, "%s: '%s' (expected a whole number from %d to %d)", name, value, lo, hi);
        return LOC_ERR_USAGE;
    }
    *out = (int)v;
    return LOC_OK;
}

/* --date 2026-11-26 (a real calendar date) */
static loc_status parse_date(const char *value, loc_options *o, strbuf *err)
{
    date_parts d;
    if (!date_parse(value, &d, NULL) || !d.day_only || d.year < 1000) {
        sb_printf(err, "--date: '%s' (expected a date as YYYY-MM-DD)", value);
        return LOC_ERR_USAGE;
    }
    o->year = d.year, o->month = d.month, o->day = d.day;
    return LOC_OK;
}

/* --loudness -16 or --loudness off */
static loc_status parse_loudness(const char *value, loc_options *o, strbuf *err)
{
    char *end;
    double v = strtod(value, &end);
    if (strcmp(value, "off") == 0) {
        o->loudness_off = true;
        return LOC_OK;
    }
    if (!*value || *end || !isfinite(v) || v < -70 || v > -5) {
        sb_printf(err, "--loudness: '%s' (expected LUFS from -70 to -5, or off)", value);
        return LOC_ERR_USAGE;
    }
    o->loudness = v;
    o->loudness_off = false;
    return LOC_OK;
}

/* The input options: --format, --encoding, --max-items, --since. */
static loc_status input_option(int c, const char *value, read_options *r, strbuf *err)
{
    int n;
    switch (c) {
    case OPT_FORMAT:
        if (reader_format_parse(value, &r->format)) return LOC_OK;
        sb_printf(err, "--format: '%s' (expected text, markdown, html, feed or auto)", value);
        return LOC_ERR_USAGE;
    case OPT_ENCODING: {
        iconv_t cd = iconv_open("UTF-8", value);
        if (cd == (iconv_t)-1) {
            sb_printf(err, "--encoding: '%s' (not an encoding iconv knows; see iconv --list)",
                      value);
            return LOC_ERR_USAGE;
        }
        iconv_close(cd);
        r->encoding = value;
        return LOC_OK;
    }
    case OPT_MAX_ITEMS:
        if (int_in("--max-items", value, 1, 1000000, &n, err) != LOC_OK) return LOC_ERR_USAGE;
        r->max_items = (size_t)n;
        return LOC_OK;
    default:
        if (date_parse(value, NULL, &r->since)) return LOC_OK;
        sb_printf(err, "--since: '%s' (expected a date such as 2025-07-12)", value);
        return LOC_ERR_USAGE;
    }
}

loc_status options_parse(int argc, char **argv, loc_options *o, strbuf *err)
{
    memset(o, 0, sizeof *o);
    o->voice = (synth_options){"es", 175, 50, 100, 0};
    o->jobs = workers_default_jobs();
    o->loudness = -16;
    opterr = 0;
    optind = 1;
    int c;
    loc_status st = LOC_OK;
    while (st == LOC_OK &&
           (c = getopt_long(argc, argv, ":o:ptv:r:j:h", long_options, NULL)) != -1) {
        switch (c) {
        case 'o':
            o->output = optarg;
            break;
        case 'p':
            o->play = true;
            break;
        case OPT_DRIVER:
            o->driver = optarg;
            break;
        case 't':
            o->text = true;
            break;
        case OPT_SSML:
            o->ssml = true;
            break;
        case 'v':
            o->voice.voice = optarg;
            break;
        case OPT_LIST_VOICES:
            o->list_voices = true;
            break;
        case 'r':
            st = int_in("--rate", optarg, 80, 900, &o->voice.rate, err);
            break;
        case 'j':
            st = int_in("--jobs", optarg, 1, 64, &o->jobs, err);
            o->jobs_given = true;
            break;
        case OPT_BRIEFING:
            o->briefing = true;
            break;
        case OPT_TITLE:
            o->title = optarg;
            break;
        case OPT_DATE:
            st = parse_date(optarg, o, err);
            break;
        case OPT_NO_INTRO:
            o->no_intro = true;
            break;
        case OPT_NO_OUTRO:
            o->no_outro = true;
            break;
        case OPT_JINGLE:
            o->jingle = optarg;
            break;
        case OPT_CAPTIONS:
            o->captions = optarg;
            break;
        case OPT_MARKS:
            o->marks = optarg;
            break;
        case OPT_CHAPTERS:
            o->chapters = optarg;
            break;
        case OPT_LOUDNESS:
            st = parse_loudness(optarg, o, err);
            break;
        case OPT_SAMPLE_RATE:
            st = int_in("--sample-rate", optarg, 8000, 48000, &o->sample_rate, err);
            break;
        case OPT_BITRATE:
            st = int_in("--bitrate", optarg, 32, 320, &o->bitrate, err);
            break;
        case OPT_SPLIT:
            o->split = optarg;
            break;
        case OPT_FEED:
            o->feed = optarg;
            break;
        case OPT_FEED_URL:
            o->feed_url = optarg;
            break;
        case OPT_PITCH:
            st = int_in("--pitch", optarg, 0, 100, &o->voice.pitch, err);
            break;
        case OPT_VOLUME:
            st = int_in("--volume", optarg, 0, 200, &o->voice.volume, err);
            break;
        case OPT_LEXICON:
            if (o->nlexicons == sizeof o->lexicons / sizeof *o->lexicons) {
                sb_printf(err, "--lexicon: at most 16 files");
                st = LOC_ERR_USAGE;
            } else
                o->lexicons[o->nlexicons++] = optarg;
            break;
        case OPT_NO_FOREIGN:
            o->no_foreign = true;
            break;
        case OPT_REGION:
            o->region = optarg;
            break;
        case OPT_LIST_REGIONS:
            o->list_regions = true;
            break;
        case OPT_QUIET:
            o->quiet = true;
            break;
        case OPT_RESUME:
            o->resume = true;
            break;
        case OPT_ANNOUNCE:
            o->announce = true;
            break;
        case OPT_VERBOSE:
            o->verbose = true;
            break;
        case 'h':
            o->help = true;
            break;
        case OPT_VERSION:
            o->version = true;
            break;
        case OPT_FORMAT:
        case OPT_ENCODING:
        case OPT_MAX_ITEMS:
        case OPT_SINCE:
            st = input_option(c, optarg, &o->read, err);
            break;
        case ':':
            sb_printf(err, "%s needs a value", argv[optind - 1]);
            st = LOC_ERR_USAGE;
            break;
        default:
            if (optopt)
                sb_printf(err, "unknown option '-%c'", optopt);
            else
                sb_printf(err, "unknown option '%s'", argv[optind - 1]);
            st = LOC_ERR_USAGE;
        }
    }
    if (st != LOC_OK) return st;
    o->inputs = argv + optind;
    o->ninputs = (size_t)(argc - optind);
    if (o->text && o->ssml) {
        sb_printf(err, "--text and --ssml: choose one");
        return LOC_ERR_USAGE;
    }
    if (o->output && strcmp(o->output, "-") == 0 && (o->text || o->ssml)) {
        sb_printf(err, "-o -: standard output is already taken by --%s", o->text ? "text" : "ssml");
        return LOC_ERR_USAGE;
    }
    const char *timing = o->captions ? "--captions" : o->marks ? "--marks" : "--chapters";
    if ((o->captions || o->marks || o->chapters) && !o->output && !o->split && !o->play &&
        (o->text || o->ssml)) {
        sb_printf(err, "%s times audio: add -o FILE (or --play) to --%s", timing,
                  o->text ? "text" : "ssml");
        return LOC_ERR_USAGE;
    }
    if (o->feed && (!o->feed_url || !o->output || strcmp(o->output, "-") == 0)) {
        sb_printf(err, "--feed needs --feed-url and an output file (-o FILE)");
        return LOC_ERR_USAGE;
    }
    if (!o->output && !o->text && !o->ssml && !o->split) o->play = true;
    if (o->ninputs > 1) o->briefing = true;
    return LOC_OK;
}
