/* speakable.h - what may reach espeak-ng: characters its Spanish voice can say, nothing else. */
#ifndef LOC_SPEAKABLE_H
#define LOC_SPEAKABLE_H

#include <stdbool.h>
#include <stdint.h>

#include "strbuf.h"

/* True for a code point espeak-ng's Spanish voice says as it is: printable ASCII, Latin-1 and
 * Latin Extended-A letters and signs, Greek letters (read by its Greek voice), general
 * punctuation, the euro sign. 'ñ' -> true, 'ǎ' (Latin Extended-B, read as a hex number) -> false.
 */
bool speakable_char(int32_t cp);

/* Returns text with every character that is not speakable_char transliterated when it has a
 * Latin form ("Nguyễn" -> "Nguyen", "①" -> "1", "ﬁ" -> "fi", "Москва" -> "Moskva") or dropped:
 * format characters (joiners, direction marks) and combining marks that do not compose vanish;
 * anything else (controls, private use, unassigned, Hangul and its jamo, CJK, Arabic, emoji…)
 * becomes a space (one, not after another). With ssml, tags are copied as they are and what a
 * transliteration makes is escaped. Returns text itself when nothing changes (the usual
 * case: nothing is copied), else out's text; NULL when memory runs out.
 * "Seúl (서울) 😀 ﬁn" -> "Seúl ( )  fin" */
const char *speakable(const char *text, bool ssml, strbuf *out);

#endif
