# test_briefing.sh - two articles as one program: chapters, captions, speech marks, loudness,
# split files, jingle, sample rate and the podcast feed, each read back by a real decoder or parser.
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
A1=$SRC/articles/corea-del-norte-rusia.txt
A2=$SRC/articles/dana-valencia.txt

"$LOCUTOR" --date 2026-11-26 -o briefing.wav --captions c.vtt --marks m.jsonl --chapters ch.json "$A1" "$A2"
check "briefing rendered" test -s briefing.wav
audio=$(duration briefing.wav)

# chapters: intro + one per article, increasing, inside the audio
starts=$(grep -o '"startTime":[0-9.]*' ch.json | cut -d: -f2 | tr '\n' ' ')
set -- $starts
check "three chapters (intro and two articles): $starts" test $# = 3
check "chapter times increase and lie inside the ${audio} s of audio" awk -v a="$audio" 'BEGIN { split("'"$starts"'", t, " "); for (i = 2; i <= 3; i++) if (t[i] <= t[i-1] || t[i] >= a) exit 1 }'
check "chapters are Podcasting 2.0 JSON" grep -q '^{"version":"1.2.0","chapters":\[{"startTime":0.000,"title":"Resumen informativo"}' ch.json
check "the second article's chapter is titled from its first heading" grep -q '"title":"La DANA deja más de 300 litros' ch.json
check "the WAV carries the chapters as cue points" sh -c "ffprobe -v error -show_chapters briefing.wav | grep -c '^\[CHAPTER\]' | grep -qx 3 || strings briefing.wav | grep -q '^cue '"

# captions: WebVTT that ffmpeg parses, increasing cues, last cue ending near the end
check "WebVTT parses (ffmpeg converts it)" sh -c "ffmpeg -v error -i c.vtt -f srt - >/dev/null"
check "WebVTT header" sh -c "head -n1 c.vtt | grep -qx WEBVTT"
awk -F' --> ' '/-->/ { split($1, a, ":"); split($2, b, ":"); s = a[1]*3600 + a[2]*60 + a[3]; e = b[1]*3600 + b[2]*60 + b[3]; if (s < last || e < s) bad = 1; last = e; n++ } END { print n, last, bad + 0 }' c.vtt >cues
read -r ncues last_end bad <cues
check "$ncues cues, times increasing" test "$bad" = 0 -a "$ncues" -gt 15
check "the last cue ends at $last_end s, within 0.5 s of the audio's end ($audio s)" fcmp "$audio - $last_end <= 0.5 && $last_end <= $audio"
check "captions show the written text (digits, quotes)" grep -q '«sagrada»' c.vtt

# speech marks: Polly format, word marks for >= 90 % of the words, time order, right offsets
check "every line is a Polly mark" sh -c "! grep -vqE '^\{\"time\":[0-9]+,\"type\":\"(word|sentence)\",\"start\":[0-9]+,\"end\":[0-9]+,\"value\":\".*\"\}$' m.jsonl"
words=$(cat "$A1" "$A2" | wc -w)
marks=$(grep -c '"type":"word"' m.jsonl)
check "word marks for $marks of $words words (>= 90 %)" fcmp "$marks >= 0.9 * $words"
check "mark times never go back" sh -c "grep -o '\"time\":[0-9]*' m.jsonl | cut -d: -f2 | sort -n -c"
second=$(echo $starts | cut -d' ' -f3)
bad=0
checked=0
while IFS= read -r line; do
    t=$(echo "$line" | sed 's/^{"time":\([0-9]*\),.*/\1/')
    s=$(echo "$line" | sed 's/.*"start":\([0-9]*\),.*/\1/')
    e=$(echo "$line" | sed 's/.*"end":\([0-9]*\),.*/\1/')
    v=$(echo "$line" | sed 's/.*"value":"\(.*\)"}$/\1/')
    src=$A1
    [ "$(awk "BEGIN { print ($t / 1000 + 0.05 >= $second) }")" = 1 ] && src=$A2 # startTime has 0.1 s
    got=$(tail -c +$((s + 1)) "$src" | head -c $((e - s)))
    [ "$got" = "$v" ] || { bad=$((bad + 1)); echo "  mark at $t ms: '$v' but source has '$got'"; }
    checked=$((checked + 1))
done < <(grep '"type":"word"' m.jsonl | awk 'NR % 7 == 1')
check "word mark offsets point at the words in the source ($checked checked, $bad wrong)" test "$bad" = 0 -a "$checked" -gt 50

# loudness: -16 LUFS, true peak <= -1 dBTP, for very different volumes, WAV and MP3
loudness() { ffmpeg -nostats -i "$1" -af ebur128=peak=true -f null - 2>&1 | awk '/Integrated loudness/ { f = 1 } f && /I:/ { i = $2 } /True peak/ { p = 1 } p && /Peak:/ { pk = $2 } END { print i, pk }'; }
for v in 25 200; do
    for ext in wav mp3; do
        "$LOCUTOR" --no-intro --no-outro --volume $v -o "v$v.$ext" "$A1" "$A2"
        set -- $(loudness "v$v.$ext")
        check "--volume $v .$ext: $1 LUFS (want -16 +/- 1), true peak $2 dBTP (want <= -1)" fcmp "$1 >= -17 && $1 <= -15 && $2 <= -1"
    done
done
"$LOCUTOR" --loudness -23 -o ebu.wav "$A2"
set -- $(loudness ebu.wav)
check "--loudness -23 gives $1 LUFS" fcmp "$1 >= -24 && $1 <= -22"
"$LOCUTOR" --loudness off --volume 25 -o quiet.wav "$A2"
set -- $(loudness quiet.wav)
check "--loudness off keeps espeak-ng's level ($1 LUFS)" fcmp "$1 < -25"

# --split: one file per article, named from the titles
"$LOCUTOR" --date 2026-11-26 --split parts -o whole.mp3 "$A1" "$A2"
check "--split wrote two files" test "$(ls parts | wc -l)" = 2
check "--split names files from titles" test -s "parts/02-la-dana-deja-mas-de-300-litros-por-metro-cuadrado-en-el-litoral-valenci.mp3" -o -s "$(ls parts/02-la-dana-deja-mas-de-300* 2>/dev/null | head -n1)"
d1=$(duration parts/01-*.mp3)
d2=$(duration parts/02-*.mp3)
dw=$(duration whole.mp3)
check "split files decode ($d1 s + $d2 s) and fit in the whole ($dw s)" fcmp "$d1 > 60 && $d2 > 30 && $d1 + $d2 < $dw"

# --jingle: any format libsndfile reads, resampled; heard between the articles
sox -n -r 44100 -c 2 jingle.flac synth 2 sine 880 vol 0.5
"$LOCUTOR" --no-intro --no-outro --loudness off -o plain.wav "$A1" "$A2"
"$LOCUTOR" --no-intro --no-outro --loudness off --jingle jingle.flac -o jingle.wav "$A1" "$A2"
dp=$(duration plain.wav)
dj=$(duration jingle.wav)
check "the 2 s jingle replaces the pause between articles ($dp s -> $dj s)" fcmp "$dj - $dp > 1 && $dj - $dp < 2.2"
expect_error "missing jingle" 3 "nojingle.wav" "$LOCUTOR" --jingle nojingle.wav -o x.wav "$A1" "$A2"
check "missing jingle: no output" test ! -e x.wav

# --sample-rate
"$LOCUTOR" --sample-rate 48000 -o r48.wav "$A2"
check "--sample-rate 48000 gives a 48 kHz file" sh -c "ffprobe -v error -show_entries stream=sample_rate -of csv=p=0 r48.wav | grep -qx 48000"
check "--sample-rate keeps the length" fcmp "$(duration r48.wav) > 30"
"$LOCUTOR" --bitrate 32 -o low.mp3 "$A2"
"$LOCUTOR" --bitrate 160 -o high.mp3 "$A2"
check "--bitrate changes the MP3 size" test "$(stat -c %s high.mp3)" -gt "$(stat -c %s low.mp3)"

# --feed: created, then an episode added; valid RSS after each run; a re-run replaces
"$LOCUTOR" --date 2026-11-25 -o ep1.mp3 --feed feed.xml --feed-url https://example.org/pod "$A1"
"$LOCUTOR" --date 2026-11-26 -o ep2.mp3 --feed feed.xml --feed-url https://example.org/pod/ "$A1" "$A2"
check "the feed is valid XML" xmllint --noout feed.xml
check "the feed has two items" test "$(xmllint --xpath 'count(//item)' feed.xml)" = 2
check "enclosure URL, type and length" sh -c "xmllint --xpath 'string(//item[1]/enclosure/@url)' feed.xml | grep -qx https://example.org/pod/ep2.mp3 && xmllint --xpath 'string(//item[1]/enclosure/@type)' feed.xml | grep -qx audio/mpeg && xmllint --xpath 'string(//item[1]/enclosure/@length)' feed.xml | grep -qx $(stat -c %s ep2.mp3)"
check "the episode has a duration, a date and the titles" sh -c "grep -q '<itunes:duration>00:0[0-9]:[0-9][0-9]</itunes:duration>' feed.xml && grep -q '<pubDate>Thu, 26 Nov 2026' feed.xml && grep -q 'corea-del-norte-rusia; La DANA' feed.xml"
"$LOCUTOR" --date 2026-11-26 -o ep2.mp3 --feed feed.xml --feed-url https://example.org/pod/ "$A1" "$A2"
check "a re-run replaces its episode" test "$(xmllint --xpath 'count(//item)' feed.xml)" = 2
check "the feed is still valid" xmllint --noout feed.xml
echo "<rss><broken" >bad.xml
expect_error "a broken feed is left alone" 4 "bad.xml" "$LOCUTOR" -o ep3.mp3 --feed bad.xml --feed-url https://example.org "$A2"
check "broken feed untouched" sh -c "grep -qx '<rss><broken' bad.xml"

# the frame: intro with the date in words, outro, and option errors
"$LOCUTOR" --text --date 2026-11-26 "$A1" "$A2" >frame.txt
check "intro reads the date in words" sh -c "head -n1 frame.txt | grep -qx 'Resumen informativo. Jueves, veintiséis de noviembre de dos mil veintiséis.'"
check "outro closes the program" sh -c "tail -n1 frame.txt | grep -q 'Fin del resumen informativo.'"
check "--title changes the intro" sh -c "'$LOCUTOR' --text --title 'Boletín de las ocho' --date 2026-01-05 '$A1' '$A2' | head -n1 | grep -qx 'Boletín de las ocho. Lunes, cinco de enero de dos mil veintiséis.'"
# one home for weekday and month names: the intro says them as weekdays.tsv and months.tsv do
cp -r "$SRC/voices" own-voices
sed -i 's/^jue\tjueves\t/jue\tjuebes\t/' own-voices/es/weekdays.tsv
sed -i 's/^noviembre\tnoviembre\t/novembre\tnovembre\t/' own-voices/es/months.tsv
check "the intro's weekday and month come from weekdays.tsv and months.tsv" sh -c "LOCUTOR_DATA_DIR=own-voices '$LOCUTOR' --text --date 2026-11-26 '$A1' '$A2' | head -n1 | grep -qx 'Resumen informativo. Juebes, veintiséis de novembre de dos mil veintiséis.'"
sed -i 's/^dom\tdomingo\tn=0$/dom\tdomingo/' own-voices/es/weekdays.tsv
expect_error "a weekday without its number is a data error" 7 "weekdays.tsv: no n=0" env LOCUTOR_DATA_DIR=own-voices "$LOCUTOR" --text "$A1"
sed -i 's/^ganó\tganó\trole=score$/ganó\tganó\trole=scor/' own-voices/es/cues.tsv
sed -i 's/^dom\tdomingo$/dom\tdomingo\tn=0/' own-voices/es/weekdays.tsv
expect_error "an unknown role in cues.tsv is a data error" 7 'cues.tsv: ganó: unknown role "scor"' env LOCUTOR_DATA_DIR=own-voices "$LOCUTOR" --text "$A1"
check "one article has no frame unless --briefing" sh -c "'$LOCUTOR' --text '$A2' | head -n1 | grep -vq Resumen && '$LOCUTOR' --text --briefing '$A2' | head -n1 | grep -q Resumen"
expect_error "bad --date" 2 "2026-02-30" "$LOCUTOR" --text --date 2026-02-30 "$A1"
expect_error "bad --captions extension" 2 "c.txt" "$LOCUTOR" -o y.wav --captions c.txt "$A1"
check "bad captions: nothing written" test ! -e y.wav
expect_error "bad --loudness" 2 "loud" "$LOCUTOR" --loudness loud -o y.wav "$A1"
expect_error "--feed without --feed-url" 2 "feed-url" "$LOCUTOR" --feed f.xml -o y.wav "$A1"
finish
