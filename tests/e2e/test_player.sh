# test_player.sh - the interactive reader in a real terminal (tmux) against a private PulseAudio null sink.
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null || { echo "SKIP: tmux is not installed (scripts/setup installs it)"; exit 0; }

export HOME=$WORK/home XDG_RUNTIME_DIR=$WORK/run PULSE_RUNTIME_PATH=$WORK/run/pulse
export XDG_STATE_HOME=$WORK/state
mkdir -p "$HOME" "$PULSE_RUNTIME_PATH" && chmod 700 "$XDG_RUNTIME_DIR"
# start_pulse: a private PulseAudio server with a null sink, its pid in pulse_pid
start_pulse() {
    pulseaudio --daemonize=no --exit-idle-time=-1 --disallow-exit -n \
        --load=module-native-protocol-unix --load="module-null-sink sink_name=locutor_test" \
        --load=module-always-sink --log-target=stderr >>"$WORK/pulse.log" 2>&1 &
    pulse_pid=$!
    for i in $(seq 1 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
    pactl set-default-sink locutor_test
}
TMUX_SOCK=locutor-test-$$
trap 'tmux -L $TMUX_SOCK kill-server 2>/dev/null; kill $pulse_pid 2>/dev/null; wait $pulse_pid 2>/dev/null; rm -rf "$WORK" 2>/dev/null || { sleep 1; rm -rf "$WORK"; }' EXIT
start_pulse
check "PulseAudio test server is up" pactl info

A1=$SRC/articles/corea-del-norte-rusia.txt
A2=$SRC/articles/dana-valencia.txt
tm() { tmux -L "$TMUX_SOCK" "$@"; }
key() { tm send-keys -t t "$@"; }
pane() { tm capture-pane -p -t t -S -200; }
# check_pane: check, and on failure the pane's last screens, to see what the player printed
check_pane() {
    local before=$FAILED
    check "$@"
    [ "$FAILED" = "$before" ] || { echo "--- the terminal:"; pane; }
}
# waits up to $2 tenths of a second (20 s unless given) for a line matching $1 in the pane
wait_for() { for i in $(seq 1 "${2:-200}"); do pane | grep -q -- "$1" && return 0; sleep 0.1; done; return 1; }
# waits up to 20 s for more than $2 lines matching $1 (a line that was already there does not count)
wait_more() { for i in $(seq 1 200); do [ "$(pane | grep -c -- "$1")" -gt "$2" ] && return 0; sleep 0.1; done; return 1; }
# run_in_pane TAG COMMAND [AFTER]: clears the pane, then runs COMMAND, echo TAG=$?, AFTER;
# returns once the screen is cleared, so that what follows is COMMAND's output only
run_in_pane() {
    tm clear-history -t t
    key "clear; echo BEGIN_$1; $2; echo $1=\$?${3:+; $3}" Enter
    wait_for "^BEGIN_$1"
}

tm new-session -d -s t -x 200 -y 50 "env -i HOME=$HOME XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR PULSE_RUNTIME_PATH=$PULSE_RUNTIME_PATH XDG_STATE_HOME=$XDG_STATE_HOME PATH=$PATH TERM=xterm bash --norc --noprofile"
sleep 0.3
key "stty -g >$WORK/stty.before; $LOCUTOR $A1 $A2; echo RC=\$?; stty -g >$WORK/stty.after" Enter

# Pause for 1.5 s in the middle of the first (long) sentence, then resume.
parec -d locutor_test.monitor --format=s16le --rate=22050 --channels=1 --file-format=wav "$WORK/rec.wav" &
parec_pid=$!
check "the first article is announced" wait_for "Artículo 1 de 2: corea-del-norte-rusia"
sleep 2.5
key Space
sleep 1.5
key Space
sleep 2
kill -INT $parec_pid
wait $parec_pid 2>/dev/null
check "space prints Pausa, then Continúa" wait_for "Continúa"
check "resume goes on with the same sentence (no move between Pausa and Continúa)" \
    bash -c "$(declare -f pane tm); TMUX_SOCK=$TMUX_SOCK; pane | grep -v '^\$' | grep -A1 '^Pausa' | tail -n1 | grep -q '^Continúa'"
# Navigation: next sentence, next headings, next article.
key n
check "n goes to the next sentence" wait_for "^Frase 2 de 15"
key N
check "N goes to the next heading" wait_for "^Titular: Presencia norcoreana en el conflicto ucraniano (frase 4 de 15)"
key Down; sleep 0.2; key Down; sleep 0.2; key Down
check "down arrow past the last heading goes to the next article" wait_for "^Artículo 2 de 2: La DANA deja más de 300 litros"
seen=$(pane | grep -c "^Artículo 1 de 2: corea-del-norte-rusia")
key Up
check "up arrow goes back to the first article" wait_more "^Artículo 1 de 2: corea-del-norte-rusia" "$seen"
key Right; sleep 0.2; key Right
check "right arrow moves sentence by sentence" wait_for "^Frase 3 de 15"
key +
check "+ raises the rate by 25 wpm" wait_for "^Velocidad 200"
key q
check "q exits 0" wait_for "^RC=0"
# the recording of the pause, measured once the player has quit: under a sanitizer and load its
# 20-odd wav_pauses runs took seconds, and the first sentence had ended before `n` (which then
# went to sentence 3)
# the longest silence in the recording, to 50 ms
gap=0
for ms in $(seq 500 50 4000); do
    set -- $("$WAV_PAUSES" "$WORK/rec.wav" --min-ms "$ms")
    [ "${2#pauses=}" -ge 1 ] && gap=$ms || break
done
check "a 1.5 s pause is a silent gap of $gap ms in the recording (within 200 ms)" \
    fcmp "$gap >= 1300 && $gap <= 1700"
set -- $("$WAV_PAUSES" "$WORK/rec.wav")
check "speech goes on after the pause (${3} from first to last sound)" fcmp "${3#speech_s=} > 3.5"
sleep 0.3
check "the terminal is left as it was (stty -g before and after)" cmp -s "$WORK/stty.before" "$WORK/stty.after"
check "the position (article, fingerprint, sentence 2 from 0) is saved under XDG_STATE_HOME: $(cat "$XDG_STATE_HOME/locutor/position")" \
    test "$(awk -F '\t' '$3 ~ /corea-del-norte-rusia.txt$/ { print $2 }' "$XDG_STATE_HOME/locutor/position")" = 2

# --resume starts where the last run stopped.
run_in_pane RC2 "$LOCUTOR --resume $A1 $A2"
check "--resume starts at the saved sentence" wait_for "^Frase 3 de 15"
key q
check "the resumed run exits 0" wait_for "^RC2=0"
check "the resumed run printed its first line at sentence 3" \
    bash -c "tmux -L $TMUX_SOCK capture-pane -p -t t | grep -v '^\$' | grep -A1 '^Artículo 1 de 2' | grep -q '^Frase 3 de 15'"

# A changed article starts from its beginning, with a message.
cp "$A1" "$WORK/art.txt"
run_in_pane RC4 "$LOCUTOR $WORK/art.txt"
wait_for "^Artículo 1 de 1"; key n; sleep 0.2; key n; sleep 0.3; key q
# a sanitized run on a loaded machine can take long to quit: up to 60 s
check_pane "a run ended with q exits 0 (and saves its place)" wait_for "^RC4=0" 600
echo "Una frase nueva al final." >>"$WORK/art.txt"
run_in_pane RC3 "$LOCUTOR --resume $WORK/art.txt"
check_pane "a changed article starts from its beginning, with a message" wait_for "^El artículo ha cambiado"
key q
check_pane "the changed article's run exits 0" wait_for "^RC3=0"

# + during a sentence: the next one comes at the new rate with no gap longer than the
# natural pause at that boundary (the same article played at 175 and at 200 without keys)
# plus 100 ms. Two paragraphs, so the boundary (550 ms and the voice's own silences) is the
# longest silence of each recording.
printf '%s\n' "Los dos ministros firmaron ayer en la capital un acuerdo de cooperación económica." \
    "La ceremonia terminó con una cena oficial." >"$WORK/rate.txt"
# rate_run NAME PLUS OPTION... : plays rate.txt recording the monitor to NAME.wav; + at 1 s if PLUS
rate_run() {
    local name=$1 plus=$2 rec
    shift 2
    parec -d locutor_test.monitor --format=s16le --rate=22050 --channels=1 --file-format=wav "$WORK/$name.wav" &
    rec=$!
    sleep 0.3
    run_in_pane "RC_$name" "$LOCUTOR $* $WORK/rate.txt"
    wait_for "^Artículo 1 de 1"
    [ "$plus" = yes ] && { sleep 1; key +; }
    wait_for "^RC_$name="
    sleep 0.3
    kill -INT $rec
    wait $rec 2>/dev/null
}
# longest_pause FILE -> the longest silence between the first and last sound, to 10 ms
longest_pause() {
    local file=$1 ms=0 m
    for m in $(seq 100 10 3000); do
        set -- $("$WAV_PAUSES" "$file" --min-ms "$m")
        [ "${2#pauses=}" -ge 1 ] && ms=$m || break
    done
    echo "$ms"
}
rate_run r175 no --rate 175
rate_run r200 no --rate 200
rate_run plus yes
check "+ during the first sentence prints Velocidad 200 before the second" \
    bash -c "tmux -L $TMUX_SOCK capture-pane -p -t t | grep -q '^Velocidad 200'"
n175=$(longest_pause "$WORK/r175.wav")
n200=$(longest_pause "$WORK/r200.wav")
gap=$(longest_pause "$WORK/plus.wav")
natural=$((n175 > n200 ? n175 : n200))
check "the natural pause at the boundary is found (${n175} ms at 175, ${n200} ms at 200)" \
    fcmp "$n175 >= 500 && $n200 >= 500"
check "after +, the boundary's silence is ${gap} ms: at most the natural ${natural} ms + 100 ms" \
    fcmp "$gap >= 500 && $gap <= $natural + 100"
set -- $("$WAV_PAUSES" "$WORK/r175.wav")
s175=$(awk "BEGIN { print ${3#speech_s=} - $n175 / 1000 }")
set -- $("$WAV_PAUSES" "$WORK/plus.wav")
splus=$(awk "BEGIN { print ${3#speech_s=} - $gap / 1000 }")
check "the second sentence is faster after + (${splus} s of speech around the boundary, ${s175} s at 175 throughout)" \
    fcmp "$splus < $s175 - 0.1"

# Ctrl-C stops at once and gives the terminal back (as it was just before this run).
run_in_pane RC5 "stty -g >$WORK/stty.before2; $LOCUTOR $A1" "stty -g >$WORK/stty.after2"
wait_for "^Artículo 1 de 1"
sleep 0.5
key C-c
check "Ctrl-C ends the player with 130" wait_for "^RC5=130"
sleep 0.3
check_pane "the terminal is sane after Ctrl-C" cmp -s "$WORK/stty.before2" "$WORK/stty.after2"

# SIGTERM stops at once (130) and gives the terminal back.
run_in_pane RC7 "stty -g >$WORK/stty.before3; bash -c 'echo \$\$ >$WORK/pid; exec $LOCUTOR $A1'" "stty -g >$WORK/stty.after3"
wait_for "^Artículo 1 de 1"
sleep 0.5
kill -TERM "$(cat "$WORK/pid")"
check "SIGTERM ends the player with 130" wait_for "^RC7=130"
sleep 0.3
check_pane "the terminal is sane after SIGTERM" cmp -s "$WORK/stty.before3" "$WORK/stty.after3"

# The sound server goes away while paused: one line and exit 5, not a hang.
run_in_pane RC8 "$LOCUTOR $A1 2>$WORK/lost-paused.err"
wait_for "^Artículo 1 de 1"
sleep 0.5
key Space
wait_for "^Pausa"
sleep 0.3
kill $pulse_pid
wait $pulse_pid 2>/dev/null
check "a sound server lost while paused ends with exit 5" wait_for "^RC8=5"
check "and one line on standard error: $(cat "$WORK/lost-paused.err")" \
    test "$(grep -c 'no usable audio device.*stopped answering' "$WORK/lost-paused.err")" = 1
start_pulse

# The sound server goes away while speaking: one line and exit 5, not a hang.
run_in_pane RC6 "$LOCUTOR $A1 2>$WORK/lost.err"
wait_for "^Artículo 1 de 1"
sleep 0.5
kill $pulse_pid
wait $pulse_pid 2>/dev/null
check "a lost sound device ends with exit 5" wait_for "^RC6=5"
check "and one line on standard error: $(cat "$WORK/lost.err")" \
    test "$(grep -c 'no usable audio device.*stopped answering' "$WORK/lost.err")" = 1
[ "$FAILED" = 0 ] || { echo "--- the terminal:"; pane; }
finish
