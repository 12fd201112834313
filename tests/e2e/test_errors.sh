# test_errors.sh - every bad input: one line naming the file or value, its exit status, nothing left behind.
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
echo "Una frase de prueba." >ok.txt

expect_error "missing input" 3 "no-such-file.txt" "$LOCUTOR" -o out.wav no-such-file.txt
check "missing input: no output file" test ! -e out.wav
mkdir adir
expect_error "directory as input" 3 "adir" "$LOCUTOR" --text adir
expect_error "missing second input, checked before any output" 3 "missing2.txt" "$LOCUTOR" -o out.wav ok.txt missing2.txt
check "missing second input: no output file" test ! -e out.wav
if command -v setpriv >/dev/null; then
    echo secret >private.txt && chmod 600 private.txt && chmod 755 "$WORK"
    # the normal user may not reach the source tree (a clone in a folder only root enters):
    # it runs a copy of the program with a copy of the language data, both in $WORK
    cp "$LOCUTOR" "$WORK/locutor-user" && cp -r "$SRC/voices" "$WORK/voices" && chmod -R a+rX "$WORK/voices"
    as_user() { setpriv --reuid=65534 --regid=65534 --clear-groups env LOCUTOR_DATA_DIR="$WORK/voices" "$WORK/locutor-user" "$@"; }
    expect_error "unreadable input" 3 "private.txt" as_user --text private.txt
    mkdir ro && chmod 555 ro
    expect_error "output folder not writable" 4 "ro/out.wav" as_user -o ro/out.wav ok.txt
    check "not writable: nothing in the folder" test -z "$(ls -A ro)"
else
    fail "setpriv (util-linux) is needed to test unreadable files as a normal user"
fi
expect_error "output folder missing" 4 "nowhere/out.wav" "$LOCUTOR" -o nowhere/out.wav ok.txt
expect_error "unknown output format" 2 "out.xyz" "$LOCUTOR" -o out.xyz ok.txt
check "unknown format: no file" test ! -e out.xyz
expect_error "no extension" 2 "out" "$LOCUTOR" -o out ok.txt
expect_error "unknown voice" 6 "klingon" "$LOCUTOR" --voice klingon -o out.wav ok.txt
check "unknown voice: no output file" test ! -e out.wav
expect_error "non-Spanish voice" 6 "'en'\|: en$" "$LOCUTOR" --voice en -o out.wav ok.txt
expect_error "unknown option" 2 "--frobnicate" "$LOCUTOR" --frobnicate ok.txt
expect_error "rate out of range" 2 "1000" "$LOCUTOR" --rate 1000 --text ok.txt
expect_error "rate not a number" 2 "fast" "$LOCUTOR" --rate fast --text ok.txt
expect_error "pitch out of range" 2 "101" "$LOCUTOR" --pitch 101 --text ok.txt
expect_error "volume out of range" 2 "300" "$LOCUTOR" --volume 300 --text ok.txt
expect_error "option without its value" 2 "--voice" "$LOCUTOR" ok.txt --voice
expect_error "--text with --ssml" 2 "choose one" "$LOCUTOR" --text --ssml ok.txt
expect_error "-o - with --text" 2 "standard output" "$LOCUTOR" --text -o - ok.txt
expect_error "unknown audio driver" 5 "nosuchdriver" "$LOCUTOR" --driver nosuchdriver ok.txt
expect_error "no sound device" 5 "no usable audio device" env PULSE_SERVER=unix:/nonexistent "$LOCUTOR" --driver alsa ok.txt
check "no sound device: the message suggests -o" grep -q -- "-o FILE" err
printf 'written\tspoken\textra\tcolumn\n' >bad-lexicon.tsv
expect_error "malformed --lexicon file" 7 "bad-lexicon.tsv:1" "$LOCUTOR" --lexicon bad-lexicon.tsv --text ok.txt
expect_error "missing --lexicon file" 7 "nolex.tsv" "$LOCUTOR" --lexicon nolex.tsv --text ok.txt
printf 'Lavrov\tL\000vrof\n' >nul-lexicon.tsv
expect_error "a NUL byte in a --lexicon file" 7 "nul-lexicon.tsv:1: a NUL byte" "$LOCUTOR" --lexicon nul-lexicon.tsv --text ok.txt
expect_error "missing language data" 7 "letters.tsv" env LOCUTOR_DATA_DIR=/nonexistent "$LOCUTOR" --text ok.txt

# Atomic write: an interrupted run leaves no new file and never touches an old one.
for i in $(seq 1 400); do cat "$ARTICLE"; done >long.txt
"$LOCUTOR" -o kept.wav ok.txt
cp kept.wav kept.orig
"$LOCUTOR" -o kept.wav long.txt &
pid=$!
sleep 1
kill -TERM $pid
wait $pid
rc=$?
check "interrupted run exits 130 (got $rc)" test "$rc" = 130
check "interrupted run leaves the old file untouched" cmp -s kept.wav kept.orig
check "interrupted run leaves no temporary file" test -z "$(ls -A | grep '^\.')"
"$LOCUTOR" -o new.flac long.txt &
pid=$!
sleep 1
kill -INT $pid
wait $pid
check "interrupted run leaves no new file" test ! -e new.flac
check "interrupted run leaves no temporary file (flac)" test -z "$(ls -A | grep '^\.')"

# A lexicon of the user's own, applied after the built-in one.
printf '# written\tspoken\nLavrov\tLávrof\n' >mine.tsv
check "--lexicon replaces a word" sh -c "echo 'Dijo Lavrov.' | '$LOCUTOR' --lexicon mine.tsv --text | grep -qx 'Dijo Lávrof.'"
echo 'Dijo Lavrov.' >lavrov.txt
check "--lexicon read from a pipe" sh -c "cat mine.tsv | '$LOCUTOR' --lexicon /dev/stdin --text lavrov.txt | grep -qx 'Dijo Lávrof.'"
check "--help documents exit statuses" sh -c "'$LOCUTOR' --help | grep -q 'Exit status'"
check "--version" sh -c "'$LOCUTOR' --version | grep -q '^locutor [0-9]'"
check "--list-voices shows es and es-419" sh -c "'$LOCUTOR' --list-voices | grep -q '^es ' && '$LOCUTOR' --list-voices | grep -q '^es-419'"
check "es-419 voice speaks" "$LOCUTOR" --voice es-419 -o v419.wav ok.txt
check "rate 900 speaks (libsonic)" "$LOCUTOR" --rate 900 -o fast.wav ok.txt
slow=$(duration kept.orig)
fast=$(duration fast.wav)
check "rate 900 is much shorter ($fast s vs $slow s)" fcmp "$fast < 0.6 * $slow"
check "empty input gives empty text, exit 0" sh -c "printf '' | '$LOCUTOR' --text | wc -c | grep -qx 0"
finish
