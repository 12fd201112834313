# test_player_feed.sh - the interactive reader plays a feed as the pipeline reads it: each item an
# article, with --max-items, --since and --format (tmux terminal, private PulseAudio null sink).
. "$(dirname "$0")/lib.sh"
command -v tmux >/dev/null || { echo "SKIP: tmux is not installed (scripts/setup installs it)"; exit 0; }

export HOME=$WORK/home XDG_RUNTIME_DIR=$WORK/run PULSE_RUNTIME_PATH=$WORK/run/pulse
export XDG_STATE_HOME=$WORK/state
mkdir -p "$HOME" "$PULSE_RUNTIME_PATH" && chmod 700 "$XDG_RUNTIME_DIR"
pulseaudio --daemonize=no --exit-idle-time=-1 --disallow-exit -n \
    --load=module-native-protocol-unix --load="module-null-sink sink_name=locutor_test" \
    --load=module-always-sink --log-target=stderr >>"$WORK/pulse.log" 2>&1 &
pulse_pid=$!
TMUX_SOCK=locutor-feed-$$
# the killed shell may still be writing its history into $HOME: one retry
trap 'tmux -L $TMUX_SOCK kill-server 2>/dev/null; kill $pulse_pid 2>/dev/null; wait $pulse_pid 2>/dev/null; rm -rf "$WORK" 2>/dev/null || { sleep 1; rm -rf "$WORK"; }' EXIT
for i in $(seq 1 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
check "PulseAudio test server is up" pactl info
pactl set-default-sink locutor_test

FEED=$SRC/tests/data/portada.rss # three items, dated 13, 12 and 10 July 2025
tm() { tmux -L "$TMUX_SOCK" "$@"; }
key() { tm send-keys -t t "$@"; }
pane() { tm capture-pane -p -t t -S -200 | grep -v '^$'; }
# waits up to 20 s for a line matching $1 in the pane
wait_for() { for i in $(seq 1 200); do pane | grep -q -- "$1" && return 0; sleep 0.1; done; return 1; }
# play TAG ARGS...: plays to the end, a down arrow (next heading or article) every 0.4 s
play() {
    local tag=$1
    shift
    tm clear-history -t t
    # a Down sent as the player exits is echoed by the terminal before the status: "^[[BSINCE=0"
    key "clear; echo BEGIN_$tag; $LOCUTOR --rate 400 $*; echo $tag=\$?" Enter
    wait_for "^BEGIN_$tag" || return 1
    wait_for "^Artículo 1 de" || return 1
    for i in $(seq 1 40); do
        pane | grep -q "$tag=[0-9]" && break
        key Down
        sleep 0.4
    done
    wait_for "$tag=[0-9]" || { echo "--- $tag did not end; the terminal:"; pane; }
    pane | sed -n "/^BEGIN_$tag/,\$p" >"$WORK/$tag.log"
}
articles() { grep '^Artículo' "$WORK/$1.log"; }

tm new-session -d -s t -x 200 -y 50 "env -i HOME=$HOME XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR PULSE_RUNTIME_PATH=$PULSE_RUNTIME_PATH XDG_STATE_HOME=$XDG_STATE_HOME PATH=$PATH TERM=xterm bash --norc --noprofile"
sleep 0.3

play MAX --max-items 2 "$FEED"
check "--max-items 2: the feed plays as 2 articles, its first two items ($(articles MAX | tr '\n' '|'))" \
    test "$(articles MAX)" = "Artículo 1 de 2: Corea del Norte reafirma su apoyo a Rusia
Artículo 2 de 2: El Gobierno aprueba el presupuesto de 2026"
check "--max-items 2: the run ends with Fin and exits 0" grep -q "MAX=0$" "$WORK/MAX.log"
check "--max-items 2: the third item is not read" bash -c "! grep -q Lluvias '$WORK/MAX.log'"

# the same feed named .txt: a feed only with --format feed; --since 2025-07-11 drops the third item (10 July)
cp "$FEED" "$WORK/portada.txt"
play SINCE --format feed --since 2025-07-11 "$WORK/portada.txt"
check "--format feed --since 2025-07-11: the two items of that day or later ($(articles SINCE | tr '\n' '|'))" \
    test "$(articles SINCE)" = "Artículo 1 de 2: Corea del Norte reafirma su apoyo a Rusia
Artículo 2 de 2: El Gobierno aprueba el presupuesto de 2026"
check "--since: exits 0" grep -q "SINCE=0$" "$WORK/SINCE.log"
finish
