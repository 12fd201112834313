# test_hostile_options.sh - odd options and odd surroundings get a clear line or work (issue 13,
# items 10 and 11): nan loudness, impossible MP3 rates, timing without audio, lexicon folders and
# byte-order marks, closed standard streams, control characters in names, a full TMPDIR, a failed
# run's empty --split folder.
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
printf 'Hola mundo. El perro ladra.\n' >a.txt

expect_error "--loudness nan" 2 "nan" "$LOCUTOR" --loudness nan -o x.wav a.txt
expect_error "--loudness inf" 2 "inf" "$LOCUTOR" --loudness inf -o x.wav a.txt
expect_error "--loudness -inf" 2 "inf" "$LOCUTOR" --loudness -inf -o x.wav a.txt
expect_error "MP3 at 9000 Hz is a usage error" 2 "MP3 takes" "$LOCUTOR" --sample-rate 9000 -o x.mp3 a.txt
check "no file from the refused runs" test ! -e x.wav -a ! -e x.mp3
for opt in --captions --marks --chapters; do
    expect_error "$opt with --text alone" 2 "$opt" "$LOCUTOR" --text "$opt" t.out a.txt
done
expect_error "--lexicon names a folder" 7 "Is a directory" "$LOCUTOR" --lexicon "$WORK" --text a.txt
printf '\xef\xbb\xbfperro\tgato\n' >bom.tsv
check "a lexicon with a byte-order mark" bash -c "'$LOCUTOR' --lexicon bom.tsv --text a.txt | grep -q 'El gato ladra'"
printf 'Hola mundo\tBuenos días a todos\n' >multi.tsv
check "a lexicon key of several words" \
    bash -c "'$LOCUTOR' --lexicon multi.tsv --text a.txt | grep -q 'Buenos días a todos'"

# closed standard streams
"$LOCUTOR" -o closed-in.wav <&- 2>err.txt
rc=$?
check "closed standard input is an error, not an empty article (exit $rc)" test "$rc" = 3
check "closed standard input: one line says so" grep -q "standard input: it is closed" err.txt
check "closed standard input: no file" test ! -e closed-in.wav
"$LOCUTOR" --verbose -o v.wav --marks v.json a.txt 2>&-
check "--verbose with closed stderr: exit 0" test $? = 0
check "--verbose with closed stderr: nothing of it in the marks" bash -c "! grep -q 'locutor:' v.json"
check "--verbose with closed stderr: nothing of it in the audio" bash -c "! grep -aq 'locutor:' v.wav"

# control characters in a name are shown escaped, on one line
bad=$(printf 'no\033[31mred\001.txt')
expect_error "a missing file with control characters in its name" 3 'no\\x1B\[31mred\\x01.txt' \
    "$LOCUTOR" --text "$bad"
check "the raw escape never reaches the terminal" bash -c "! grep -q $'\033' '$WORK/err'"

# a full TMPDIR is named as such, and nothing is left
if mkdir tiny && mount -t tmpfs -o size=64k none tiny 2>/dev/null; then
    for _ in 1 2 3 4 5 6; do cat "$ARTICLE"; done >long.txt
    TMPDIR=$WORK/tiny expect_error "a full TMPDIR" 4 "loudness pass in $WORK/tiny" \
        "$LOCUTOR" -o big.wav long.txt
    check "a full TMPDIR: no output and no temporary file" \
        bash -c "! ls -A | grep -q '^big.wav\$\|^\.big'"
    umount tiny
else
    fail "mount a small tmpfs (the test runs as root)"
fi

# a failed run removes the --split folder it made (still empty), never one that was there
"$LOCUTOR" --split new-parts -o /nonexistent/x.wav a.txt 2>/dev/null
check "a failed run leaves no empty --split folder" test ! -e new-parts
mkdir old-parts
"$LOCUTOR" --split old-parts -o /nonexistent/x.wav a.txt 2>/dev/null
check "an existing --split folder stays" test -d old-parts
# text alone never fails a run, even a block that starts with what no rule can say
for s in "0ª" "0.ª" "0º" "1234567890123456789012345678 kg" "0.º lugar"; do
    out=$(echo "$s" | "$LOCUTOR" --text 2>&1)
    check "'$s' alone is said (got: $out)" test $? = 0 -a -n "$out"
    check "'$s' alone is never out of memory" bash -c "! grep -q 'out of memory' <<<'$out'"
done

# WAV cue points: every chapter, not the first 256
mkdir many
for i in $(seq 300); do echo "Artículo $i." >"many/a$(printf %03d "$i").txt"; done
"$LOCUTOR" -o many.wav --no-intro --no-outro many/*.txt
cues=$(python3 -c "
import struct, sys
d = open('many.wav', 'rb').read()
i = d.find(b'cue ')
print(struct.unpack('<I', d[i + 8:i + 12])[0] if i >= 0 else 0)")
check "300 articles give 300 WAV cue points (got $cues)" test "$cues" = 300

# the audio does not depend on whether timing is asked (captions of one run fit another's audio)
"$LOCUTOR" -o plain.wav "$ARTICLE"
"$LOCUTOR" -o timed.wav --captions timed.vtt --marks timed.json "$ARTICLE"
check "the same audio with and without --captions/--marks" cmp -s plain.wav timed.wav
finish
