# test_outputs.sh - the sample article to every audio format, read back by real decoders.
. "$(dirname "$0")/lib.sh"

"$LOCUTOR" -o "$WORK/out.wav" "$ARTICLE"
check "WAV written with exit 0" test -s "$WORK/out.wav"
check "WAV is 16-bit PCM mono" sh -c "ffprobe -v error -show_entries stream=codec_name,channels -of csv=p=0 '$WORK/out.wav' | grep -q 'pcm_s16le,1'"
espeak-ng -v es -f "$ARTICLE" -w "$WORK/espeak.wav"
ours=$(duration "$WORK/out.wav")
theirs=$(duration "$WORK/espeak.wav")
check "WAV length $ours s is 0.9 to 1.6 times espeak-ng's $theirs s" fcmp "$ours >= 0.9 * $theirs && $ours <= 1.6 * $theirs"
set -- $("$WAV_PAUSES" "$WORK/out.wav" --min-ms 480)
p480=${2#pauses=}
set -- $("$WAV_PAUSES" "$WORK/out.wav" --min-ms 680)
p680=${2#pauses=}
check "at least 10 pauses of 480 ms or more (got $p480)" test "$p480" -ge 10
check "at least 3 pauses of 680 ms or more (got $p680)" test "$p680" -ge 3

for ext in flac ogg opus mp3; do
    "$LOCUTOR" -o "$WORK/out.$ext" "$ARTICLE"
    d=$(ffmpeg -v error -i "$WORK/out.$ext" -f s16le -ac 1 -ar 22050 - | wc -c)
    secs=$(awk "BEGIN { print $d / 44100 }")
    check ".$ext decodes with ffmpeg to more than a minute ($secs s)" fcmp "$secs > 60"
done
check ".opus is 48 kHz" sh -c "ffprobe -v error -show_entries stream=sample_rate -of csv=p=0 '$WORK/out.opus' | grep -q 48000"
check ".mp3 is MP3" sh -c "ffprobe -v error -show_entries stream=codec_name -of csv=p=0 '$WORK/out.mp3' | grep -q mp3"
check "upper-case extension works" "$LOCUTOR" -o "$WORK/OUT.WAV" "$ARTICLE"
check "no temporary files left in the folder" sh -c "! ls -A '$WORK' | grep -q '^\.'"

# -o - : WAV on standard output, through a pipe and into a file
"$LOCUTOR" -o - "$ARTICLE" | cat >"$WORK/piped.wav"
check "-o - through a pipe decodes to the same length" fcmp "$(duration "$WORK/piped.wav") > 60"
"$LOCUTOR" -o - "$ARTICLE" >"$WORK/redirected.wav"
"$LOCUTOR" --loudness off -o "$WORK/plain.wav" "$ARTICLE"
check "-o - into a file is a proper WAV (streamed, so not loudness-normalized)" cmp -s "$WORK/redirected.wav" "$WORK/plain.wav"
echo "Dos frases. Y otra más." | "$LOCUTOR" -o - | sox -t wav - "$WORK/sox.wav" 2>/dev/null
check "sox reads the piped WAV" fcmp "$(duration "$WORK/sox.wav") > 1"

# several files in order, and standard input
printf 'Primera noticia.\n' >"$WORK/a.txt"
printf 'Segunda noticia.\n' >"$WORK/b.txt"
check "several files read in order" sh -c "'$LOCUTOR' --text --no-intro --no-outro '$WORK/a.txt' '$WORK/b.txt' | tr '\n' '|' | grep -qx 'Primera noticia.|Segunda noticia.|'"
check "- reads standard input between files" sh -c "echo 'Del medio.' | '$LOCUTOR' --text --no-intro --no-outro '$WORK/a.txt' - '$WORK/b.txt' | sed -n 2p | grep -qx 'Del medio.'"
finish
