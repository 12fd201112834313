# test_parallel.sh - worker processes: the same bytes whatever -j is, in order, with errors handled.
. "$(dirname "$0")/lib.sh"
"$SRC/bench/make-articles" 4 "$WORK/in"
set -- "$WORK"/in/art-*.txt "$ARTICLE"
"$LOCUTOR" -j 1 -o "$WORK/j1.wav" "$@"
"$LOCUTOR" -j 2 -o "$WORK/j2.wav" "$@"
"$LOCUTOR" -j 5 -o "$WORK/j5.wav" "$@"
check "-j 1 and -j 2 give byte-identical WAV" cmp "$WORK/j1.wav" "$WORK/j2.wav"
check "-j 1 and -j 5 give byte-identical WAV" cmp "$WORK/j1.wav" "$WORK/j5.wav"
"$LOCUTOR" -j 1 -o "$WORK/j1.flac" "$@"
"$LOCUTOR" -j 2 -o "$WORK/j2.flac" "$@"
check "-j 1 and -j 2 give byte-identical FLAC" cmp "$WORK/j1.flac" "$WORK/j2.flac"
# resampled: libsoxr's default dither is random, so it is off
"$LOCUTOR" -j 1 --sample-rate 48000 -o "$WORK/j1-48k.wav" "$ARTICLE"
"$LOCUTOR" -j 2 --sample-rate 48000 -o "$WORK/j2-48k.wav" "$ARTICLE"
check "-j 1 and -j 2 give byte-identical 48 kHz WAV" cmp "$WORK/j1-48k.wav" "$WORK/j2-48k.wav"
# order: the article spoken alone must be the tail of the whole (units never span articles)
"$LOCUTOR" -j 2 --loudness off --no-outro -o "$WORK/j2-plain.wav" "$@"
"$LOCUTOR" -j 2 --loudness off -o "$WORK/last.wav" "$ARTICLE"
whole=$(stat -c %s "$WORK/j2-plain.wav")
last=$(stat -c %s "$WORK/last.wav")
check "the last article's audio ends the file, in order" bash -c "tail -c $((last - 44)) '$WORK/last.wav' | cmp -s - <(tail -c $((last - 44)) '$WORK/j2-plain.wav')"
check "default -j works" "$LOCUTOR" -o "$WORK/default.wav" "$@"
check "default -j is byte-identical too" cmp "$WORK/default.wav" "$WORK/j1.wav"
# text alone: units of ~1 MiB of input are normalized by children and printed in order
for i in $(seq 1 320); do cat "$ARTICLE" "$WORK"/in/art-*.txt; done >"$WORK/big.txt"
"$LOCUTOR" -j 1 --text "$WORK/big.txt" "$ARTICLE" >"$WORK/j1.txt"
"$LOCUTOR" -j 3 --text "$WORK/big.txt" "$ARTICLE" >"$WORK/j3.txt"
check "--text over several units ($(stat -c %s "$WORK/big.txt") bytes): -j 1 and -j 3 print the same bytes" \
    cmp "$WORK/j1.txt" "$WORK/j3.txt"
check "big.txt spans three units or more" test "$(stat -c %s "$WORK/big.txt")" -gt $((3 * 1024 * 1024))
check "--text over several units: more than 2 000 lines ($(wc -l <"$WORK/j3.txt"))" \
    test "$(wc -l <"$WORK/j3.txt")" -gt 2000
"$LOCUTOR" -j 1 --ssml "$WORK/big.txt" "$ARTICLE" >"$WORK/j1.ssml"
"$LOCUTOR" -j 2 --ssml "$WORK/big.txt" "$ARTICLE" >"$WORK/j2.ssml"
check "--ssml over several units: -j 1 and -j 2 print the same bytes" cmp "$WORK/j1.ssml" "$WORK/j2.ssml"
timeout 20 sh -c "'$LOCUTOR' -j 2 --text '$WORK/big.txt' | head -c 100 >/dev/null"
check "--text -j 2 into a closed pipe ends in time (status $?)" test $? -ne 124
sleep 0.2
check "--text -j 2 into a closed pipe: no child left" sh -c "! pgrep -f '[-]-text $WORK/big.txt' >/dev/null"
expect_error "-j 0 is refused" 2 "--jobs" "$LOCUTOR" -j 0 --text "$ARTICLE"
expect_error "-j 65 is refused" 2 "65" "$LOCUTOR" -j 65 --text "$ARTICLE"
# no worker is left behind after an interruption
for i in $(seq 1 100); do cat "$ARTICLE"; done >"$WORK/long.txt"
"$LOCUTOR" -j 2 -o "$WORK/int.wav" "$WORK/long.txt" &
pid=$!
for i in $(seq 1 50); do ls -A "$WORK" | grep -q '^\.int\.wav\.' && break; sleep 0.1; done
sleep 0.3
kill -TERM $pid
wait $pid
sleep 0.2
check "no worker survives an interruption" sh -c "! pgrep -f 'locutor -j 2 -o .*[i]nt.wav' >/dev/null"
check "interrupted: no output file" test ! -e "$WORK/int.wav"
finish
