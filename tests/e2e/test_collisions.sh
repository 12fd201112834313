# test_collisions.sh - outputs never destroy inputs, each other, devices or links (issue 13,
# items 2 and 3): every clash is refused before anything is written; devices, FIFOs and
# standard output are written in place; symlinks update their target; mode and owner are kept.
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
printf 'Hola mundo. Una frase corta.\n' >a.txt
printf '# Hola mundo\n\nUna frase.\n' >a.md
printf 'OTAN\tOtán\n' >lex.tsv
cp a.txt a.keep
"$LOCUTOR" -o jingle.wav a.txt || fail "making the jingle"
cp jingle.wav jingle.keep

# refused: exit 2, one line naming both, the input untouched, no output made
refused() { # refused "what" KEEP_FILE KEEP_COPY args...
    local what=$1 file=$2 copy=$3; shift 3
    rm -f out.wav
    expect_error "$what" 2 "$(basename "$file")" "$LOCUTOR" "$@"
    check "$what: $file untouched" cmp -s "$file" "$copy"
    check "$what: nothing written" bash -c '! ls -A | grep -q "^\.\|^out.wav$"'
}
refused "--marks over the article" a.txt a.keep -o out.wav --marks a.txt a.txt
cp a.md a.md.keep
refused "--chapters over the article" a.md a.md.keep -o out.wav --chapters a.md a.md
refused "-o over --jingle" jingle.wav jingle.keep -o jingle.wav --jingle jingle.wav a.txt a.md
mkdir -p sub
refused "-o over --jingle through a folder" jingle.wav jingle.keep \
    -o sub/../jingle.wav --jingle jingle.wav a.txt a.md
cp lex.tsv lex.keep
refused "--marks over --lexicon" lex.tsv lex.keep -o out.wav --lexicon lex.tsv --marks lex.tsv a.txt
ln -s a.txt link.txt
refused "--captions over the article through a symlink" a.txt a.keep -o out.wav --captions link.txt a.txt
ln a.txt hard.txt
refused "--marks over the article through a hard link" a.txt a.keep -o out.wav --marks hard.txt a.txt
refused "--feed over the article" a.txt a.keep -o out.wav --feed a.txt --feed-url http://x a.txt
expect_error "captions and marks on one path" 2 "x.vtt" \
    "$LOCUTOR" -o out.wav --captions x.vtt --marks x.vtt a.txt
expect_error "marks and chapters on one path" 2 "t.json" \
    "$LOCUTOR" -o out.wav --marks t.json --chapters t.json a.txt
expect_error "two outputs on standard output" 2 "marks -" "$LOCUTOR" -o - --marks - a.txt
expect_error "--text and --marks on standard output" 2 "marks -" \
    "$LOCUTOR" --text -o out.wav --marks - a.txt
check "no output left by the refusals" bash -c '! ls -A | grep -q "^\.\|^out.wav$\|^x.vtt$\|^t.json$"'
# a split file that would replace -o is refused, and -o is not published
"$LOCUTOR" --split parts -o first.wav a.md || fail "a first split run"
split_file=$(ls parts)
cp "parts/$split_file" split.keep
expect_error "-o over a --split file" 2 "$split_file" "$LOCUTOR" --split parts -o "parts/$split_file" a.md
check "the split file untouched" cmp -s "parts/$split_file" split.keep
check "no temporary file in the split folder" bash -c '[ "$(ls -A parts | wc -l)" = 1 ]'
mknod null2 c 1 3 && "$LOCUTOR" -o null-twice.wav --marks null2 --chapters null2 a.txt
check "two outputs to one null device are allowed" test $? = 0

# devices, FIFOs and standard output are written in place (our own device nodes, never /dev's)
if mknod full c 1 7 && mknod null c 1 3; then
    expect_error "--marks to a full device" 4 "full" "$LOCUTOR" -o d.wav --marks full a.txt
    check "the full device is still a device" test -c full
    check "a failed run publishes nothing" test ! -e d.wav
    "$LOCUTOR" -o d.wav --chapters null --captions null.vtt a.txt
    check "--chapters to a null device works" test $? = 0
    check "the null device is still a device" test -c null
    "$LOCUTOR" -o null a.txt
    check "-o to a null device (no extension: WAV) works" test $? = 0
    check "the null device is still a device after -o" test -c null
else
    fail "mknod (the test runs as root): cannot make device nodes"
fi
mkfifo pipe
cat pipe >from-pipe &
"$LOCUTOR" -o f.wav --marks pipe a.txt
check "--marks into a FIFO: exit 0" test $? = 0
wait
check "--marks into a FIFO: the marks arrive" grep -q '"type":"word"' from-pipe
check "the FIFO is still a FIFO" test -p pipe
"$LOCUTOR" -o s.wav --marks - a.txt >marks.out
check "--marks - writes standard output" grep -q '"value":"Hola"' marks.out
if grep -q '"value":"Hola"' marks.out; then # only once "-" works: never risk /dev/stdout
    "$LOCUTOR" -o s.wav --marks /dev/stdout a.txt | cat >marks2.out
    check "--marks /dev/stdout into a pipe" grep -q '"value":"Hola"' marks2.out
    check "/dev/stdout is still a link" test -L /dev/stdout
fi
cat "$WORK/a.txt" | "$LOCUTOR" -o - >pipe.wav
check "-o - into a file gives a WAV" bash -c "file pipe.wav | grep -q WAVE"

# symlinks update their target; mode and owner are kept
printf 'old\n' >real.json
ln -s real.json marks-link
"$LOCUTOR" -o l.wav --marks marks-link a.txt
check "a symlinked output is still a link" test -L marks-link
check "its target has the marks" grep -q '"type":"word"' real.json
ln -s not-yet.json dangling
"$LOCUTOR" -o l.wav --marks dangling a.txt
check "a dangling link's target is made" grep -q '"type":"word"' not-yet.json
check "the dangling link stays a link" test -L dangling
printf 'x\n' >kept.vtt
chmod 640 kept.vtt
chown nobody:nogroup kept.vtt 2>/dev/null
"$LOCUTOR" -o k.wav --captions kept.vtt a.txt
check "the mode of a replaced file is kept" test "$(stat -c %a kept.vtt)" = 640
check "the owner of a replaced file is kept" test "$(stat -c %U kept.vtt)" = nobody
check "the replaced file has the captions" grep -q WEBVTT kept.vtt

# temporary files of killed runs are removed; a living run's are not
printf 'junk' >.k.wav.Ab12Cd
printf 'busy' >.k.wav.Zz98Yy
exec 9<.k.wav.Zz98Yy
flock 9 # this shell holds it, as a living run would
"$LOCUTOR" -o k.wav a.txt
check "a stale temporary file is removed" test ! -e .k.wav.Ab12Cd
check "a locked temporary file is kept" test -e .k.wav.Zz98Yy
exec 9<&-
finish
