# test_sd_live.sh - sd_locutor live through a private speech-dispatcher and a PulseAudio null sink
# (issue 15, item 5): what it says (against locutor -o and the stock espeak-ng module), Orca-style
# word marks, cancel to silence, pause and resume. The recipe is the research notes' §2.4.
# SD_LOCUTOR_MODULE=path overrides the module binary (default: sd_locutor next to locutor).
. "$(dirname "$0")/lib.sh"
MODULE=$(realpath -m "${SD_LOCUTOR_MODULE:-$(dirname "$LOCUTOR")/sd_locutor}")
STOCK=/usr/lib/speech-dispatcher-modules/sd_espeak-ng
PY=/usr/bin/python3
TOOL=$SRC/tests/tools/sd_live.py
# Not built or not installed is a failure, not a skip: this is the module's only live test.
for need in "$MODULE" "$STOCK" /usr/bin/speech-dispatcher /usr/bin/spd-say /usr/bin/parec; do
    [ -x "$need" ] || { fail "$need is missing (build sd_locutor; scripts/setup installs the rest)"; finish; exit 1; }
done
$PY -c 'import speechd' 2>/dev/null || { fail "/usr/bin/python3 has no speechd module (python3-speechd)"; finish; exit 1; }

# Private everything: HOME, XDG folders, PulseAudio and speech-dispatcher sockets, logs.
T=${WORK:?}
mkdir -p "$T"/{run,home/.local/share,logs,conf/modules} && chmod 700 "$T/run"
export HOME=$T/home XDG_RUNTIME_DIR=$T/run XDG_CONFIG_HOME=$T/home/.config \
    XDG_DATA_HOME=$T/home/.local/share PULSE_RUNTIME_PATH=$T/run/pulse \
    PULSE_SERVER=unix:$T/run/pulse/native SPEECHD_ADDRESS=unix_socket:$T/run/sd.sock \
    PULSE_SINK_MONITOR=sdtest.monitor
pulse_pid= sd_pid= parec_pid=
# stop exactly what this test started, by PID
cleanup() {
    [ -n "$parec_pid" ] && kill "$parec_pid" 2>/dev/null
    [ -n "$sd_pid" ] && kill "$sd_pid" 2>/dev/null && wait "$sd_pid" 2>/dev/null
    [ -n "$pulse_pid" ] && kill "$pulse_pid" 2>/dev/null && wait "$pulse_pid" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

pulseaudio --daemonize=no --exit-idle-time=-1 --disallow-exit -n \
    --load=module-native-protocol-unix --load="module-null-sink sink_name=sdtest" \
    --load=module-always-sink --log-target=stderr >"$T/logs/pulse.log" 2>&1 &
pulse_pid=$!
for _ in $(seq 1 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
pulse_up() { pactl info >/dev/null 2>&1; }
check "PulseAudio test server is up" pulse_up
pactl set-default-sink sdtest

# A minimal configuration: the two modules, server-side audio through pulse, raw text for all clients.
cat >"$T/conf/speechd.conf" <<EOF
LogLevel 3
AudioOutputMethod "pulse"
SymbolsPreproc "no"
DefaultModule "espeak-ng"
DefaultLanguage "es"
AddModule "locutor" "$MODULE" "locutor.conf"
AddModule "espeak-ng" "$STOCK" "espeak-ng.conf"
BeginClient "*"
 SymbolsPreproc "no"
EndClient
EOF
if [ -f "$SRC/speechd/locutor.conf" ]; then cp "$SRC/speechd/locutor.conf" "$T/conf/modules/"; else : >"$T/conf/modules/locutor.conf"; fi
cp /etc/speech-dispatcher/modules/espeak-ng.conf "$T/conf/modules/"
# the module inherits the server's environment: its trace shows what each message was said as
LOCUTOR_SD_TRACE=$T/sd.trace speech-dispatcher -s -t 0 -C "$T/conf" -S "$T/run/sd.sock" -P "$T/run/sd.pid" -L "$T/logs" \
    >"$T/logs/sd.stdout" 2>&1 &
sd_pid=$!
for _ in $(seq 1 50); do [ -S "$T/run/sd.sock" ] && break; sleep 0.1; done
modules=$(timeout -s KILL 10 spd-say -O 2>&1 | tr '\n' ' ')
if grep -q 'locutor.*espeak-ng\|espeak-ng.*locutor' <<<"$modules"; then
    pass "speech-dispatcher lists both modules ($modules)"
else
    fail "speech-dispatcher did not load sd_locutor ($modules); its log and the server's:"
    tail -n 5 "$T/logs/locutor.log"; grep -a -i 'locutor' "$T/logs/speech-dispatcher.log" | tail -n 5
fi
# the first utterance opens the audio device (about 1 s)
timeout -s KILL 10 spd-say -w -o locutor -l es "Hola." >/dev/null 2>&1

# record MODULE FILE TEXT: the sink's monitor while spd-say speaks TEXT through MODULE
record() {
    parec -d sdtest.monitor --format=s16le --rate=22050 --channels=1 --file-format=wav "$2" &
    parec_pid=$!
    sleep 0.3
    timeout -s KILL 20 spd-say -w -o "$1" -l es "$3"
    local rc=$?
    sleep 0.3
    kill -INT "$parec_pid"
    wait "$parec_pid" 2>/dev/null
    parec_pid=
    return $rc
}
speech_s() { set -- $("$WAV_PAUSES" "$1"); echo "${3#speech_s=}"; }

# (a) what it says: about locutor's own length, and locutor's words («veintiuna personas», «el
# veintiuno de marzo de dos mil veinticuatro»), not the stock module's («veintiuno personas, el
# veintiuno barra cero tres barra …»): the loudness envelope is nearer locutor -o's.
S="Murieron 21 personas el 21/03/2024."
echo "$S" >"$T/s.txt"
# the module has no loudness pass: compare with the plain synthesis
timeout -s KILL 20 "$LOCUTOR" --loudness off -o "$T/ref.wav" "$T/s.txt"
record espeak-ng "$T/esp.wav" "$S"
esp=$(speech_s "$T/esp.wav") ref=$(speech_s "$T/ref.wav")
# Some recordings of the monitor come out longer than what was played, with the same words and
# pitch (3.89 s becomes 4.0-4.8 s; the stock module's too; likely the null sink's rewinds copied
# twice into its monitor): every later frame is shifted and CI once failed at 4.34 s. sd_locutor is
# recorded up to six times; the checks take the first recording within 3 % of locutor -o's length
# whose distances hold. Under a loaded CI machine a recording of the right length once still came
# out 3.16 dB from locutor -o (2.16 needed) and the next one alone passed: the monitor, not the
# module, so a recording that misses is taken again too.
for attempt in 1 2 3 4 5 6; do
    dloc=
    record locutor "$T/loc.wav" "$S"; rc=$?
    loc=$(speech_s "$T/loc.wav")
    if [ "$rc" = 0 ] && fcmp "$loc < 1.03 * $ref"; then
        set -- $($PY "$TOOL" compare "$T/ref.wav" "$T/loc.wav" "$T/esp.wav")
        dloc=${1#A=} desp=${2#B=} sloc=${3#SA=} sesp=${4#SB=}
        fcmp "$dloc < 0.5 * $desp && $sloc < 0.75 * $sesp" && break
        echo "note: recording $attempt of sd_locutor is $dloc dB from locutor -o (sd_espeak-ng $desp); again"
    else
        echo "note: recording $attempt of sd_locutor lasted $loc s (locutor -o: $ref s, spd-say exit $rc); again"
    fi
done
check "spd-say -o locutor speaks (recording $attempt of 6)" test "$rc" = 0
check "sd_locutor spoke $loc s through the server; locutor -o: $ref s (within 25 %)" \
    fcmp "$loc > 0.75 * $ref && $loc < 1.25 * $ref"
if [ -z "${dloc:-}" ]; then
    set -- $($PY "$TOOL" compare "$T/ref.wav" "$T/loc.wav" "$T/esp.wav")
    dloc=${1#A=} desp=${2#B=} sloc=${3#SA=} sesp=${4#SB=}
fi
[ -n "${SD_LIVE_KEEP:-}" ] && cp "$T"/{ref,loc,esp}.wav "$T/sd.trace" "$SD_LIVE_KEEP"/
check "sd_locutor sounds like locutor -o (envelope distance $dloc dB) and unlike sd_espeak-ng ($desp dB, $esp s)" \
    fcmp "$dloc < 0.5 * $desp"
check "sd_locutor's spectrogram is locutor -o's ($sloc dB per band and frame) rather than sd_espeak-ng's ($sesp dB)" \
    fcmp "$sloc < 0.75 * $sesp"

# (b) Orca's word marks, (c) cancel to silence, (d) pause and resume: one client each.
for t in marks stop pause; do
    out=$(timeout -s KILL 30 $PY "$TOOL" client locutor $t 2>&1)
    echo "$out"
    PASSED=$((PASSED + $(grep -c '^ok: ' <<<"$out")))
    FAILED=$((FAILED + $(grep -c '^FAIL: ' <<<"$out")))
    grep -q '^ok: \|^FAIL: ' <<<"$out" || fail "client test $t printed no result: $out"
done
check "the Orca-style client's 1.500 euros is said mil quinientos euros ($(grep -a 'Pagaron' "$T/sd.trace" 2>/dev/null | tail -n 1))" \
    sh -c "grep -a 'Pagaron' '$T/sd.trace' | grep -q 'mil quinientos euros'"
kill -0 "$sd_pid" 2>/dev/null
check "speech-dispatcher still runs" test $? = 0
finish
