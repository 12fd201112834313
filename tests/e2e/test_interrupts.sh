# test_interrupts.sh - Ctrl-C and SIGTERM stop a run within a second at any stage and publish
# nothing (issue 13, item 5); endless inputs, a line with no end and FIFOs neither hang nor grow
# without bound (item 7).
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
for _ in 1 2 3 4 5 6; do cat "$ARTICLE"; done >long.txt
cp "$ARTICLE" short.txt

# stops "what" SIGNAL PID: sends the signal, waits; passes when it exits 130 within 1 s (3 s in
# the sanitized build: LeakSanitizer scans the heap at exit, and CI's two cores run other tests)
within=1000
[ "${LOCUTOR_SANITIZED:-}" = 1 ] && within=3000
stops() {
    local what=$1 sig=$2 pid=$3 start rc
    start=$(date +%s%N)
    kill -s "$sig" "$pid" 2>/dev/null
    for _ in $(seq $((within / 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.02; done
    local ms=$((($(date +%s%N) - start) / 1000000))
    kill -KILL "$pid" 2>/dev/null
    wait "$pid"
    rc=$?
    # 130: stopped by its handler; 143: the signal came before the handler (the first
    # milliseconds of a slow sanitized start), which also stops it with nothing written
    if { [ "$rc" = 130 ] || [ "$rc" = 143 ]; } && [ "$ms" -lt "$within" ]; then
        pass "$what: exit $rc after $ms ms"
    else
        fail "$what: exit $rc after $ms ms (want 130 within $within ms)"
    fi
}
published_nothing() { # nothing but the inputs in the folder, no hidden temporary files
    local left
    left=$(ls -A | grep -v '^long.txt$\|^short.txt$\|^feed.xml$\|^feed.keep$\|^fifo$\|^oneline.md$')
    check "$1: nothing published or left behind${left:+ (found: $left)}" test -z "$left"
}
run_args=(-o out.mp3 --marks out.json --captions out.vtt --chapters out.chapters.json
    --feed feed.xml --feed-url https://example.org/p)
"$LOCUTOR" -o first.mp3 --feed feed.xml --feed-url https://example.org/p short.txt
rm -f first.mp3
cp feed.xml feed.keep

# early, during synthesis
"$LOCUTOR" "${run_args[@]}" long.txt 2>/dev/null &
sleep 0.3
stops "SIGTERM during synthesis" TERM $!
published_nothing "SIGTERM during synthesis"
"$LOCUTOR" "${run_args[@]}" long.txt 2>/dev/null &
sleep 0.6
stops "Ctrl-C (SIGINT) during synthesis" INT $!
published_nothing "SIGINT during synthesis"
"$LOCUTOR" --split parts "${run_args[@]}" long.txt short.txt 2>/dev/null &
sleep 1
stops "SIGTERM with --split" TERM $!
rmdir parts 2>/dev/null
published_nothing "SIGTERM with --split"

# during the final loudness and encoding pass: the held audio reaches the output only then
"$LOCUTOR" "${run_args[@]}" long.txt 2>/dev/null &
pid=$!
final=
for _ in $(seq 1500); do
    if [ -n "$(find . -maxdepth 1 -name '.out.mp3.*' -size +0 2>/dev/null)" ]; then final=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.01
done
if [ -n "$final" ]; then
    stops "SIGTERM during the final encoding pass" TERM "$pid"
else
    wait "$pid"
    fail "never saw the final encoding pass start"
fi
published_nothing "SIGTERM during the final pass"
check "the feed is unchanged after every interrupt" cmp -s feed.xml feed.keep

# endless inputs with nothing to say, and a FIFO with no writer
for args in "-o z.wav /dev/zero" "--text /dev/zero" "-o z.wav --format markdown /dev/zero"; do
    # shellcheck disable=SC2086
    "$LOCUTOR" $args >/dev/null 2>&1 &
    sleep 0.5
    stops "SIGTERM reading $args" TERM $!
done
mkfifo fifo
"$LOCUTOR" --text fifo >/dev/null 2>&1 &
sleep 0.3
stops "SIGTERM while a FIFO has no writer" TERM $!
published_nothing "endless inputs"
(sleep 0.3; echo "Hola desde la tubería." >fifo) &
out=$(timeout -s KILL 10 "$LOCUTOR" --text fifo)
check "a FIFO is opened once and read (got: $out)" test "$out" = "Hola desde la tubería."
wait

# a Markdown line with no end keeps memory flat (it grew by the size of the line before)
yes palabra | tr '\n' ' ' | head -c 40M >oneline.md
"$LOCUTOR" --text -j1 oneline.md >/dev/null &
pid=$!
peak=0
while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null)
    [ -n "$rss" ] && [ "$rss" -gt "$peak" ] && peak=$rss
    sleep 0.05
done
wait "$pid"
check "a 40 MB Markdown line with no newline: exit 0" test $? = 0
limit=60000
[ "${LOCUTOR_SANITIZED:-}" = 1 ] && limit=400000
check "a 40 MB Markdown line: peak memory ${peak} KB < $limit KB" test "$peak" -lt "$limit"
finish
