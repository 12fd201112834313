# test_play.sh - live playback through a real PulseAudio server with a null sink, recorded from its monitor.
. "$(dirname "$0")/lib.sh"

# A private PulseAudio server: its own runtime folder, a null sink, no sound card needed.
export HOME=$WORK/home XDG_RUNTIME_DIR=$WORK/run PULSE_RUNTIME_PATH=$WORK/run/pulse
mkdir -p "$HOME" "$PULSE_RUNTIME_PATH" && chmod 700 "$XDG_RUNTIME_DIR"
pulseaudio --daemonize=no --exit-idle-time=-1 --disallow-exit -n \
    --load=module-native-protocol-unix --load="module-null-sink sink_name=locutor_test" \
    --load=module-always-sink --log-target=stderr >"$WORK/pulse.log" 2>&1 &
pulse_pid=$!
trap 'kill $pulse_pid 2>/dev/null; wait $pulse_pid 2>/dev/null; rm -rf "$WORK"' EXIT
for i in $(seq 1 50); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
check "PulseAudio test server is up" pactl info
pactl set-default-sink locutor_test

head -n 2 "$ARTICLE" >"$WORK/short.txt"
"$LOCUTOR" -o "$WORK/expected.wav" "$WORK/short.txt"
set -- $("$WAV_PAUSES" "$WORK/expected.wav")
expected=${3#speech_s=}

parec -d locutor_test.monitor --format=s16le --rate=22050 --channels=1 --file-format=wav "$WORK/rec.wav" &
parec_pid=$!
sleep 0.5
"$LOCUTOR" --play "$WORK/short.txt" 2>"$WORK/play.err"
rc=$?
sleep 0.5
kill -INT $parec_pid
wait $parec_pid 2>/dev/null
check "--play exits 0 (got $rc: $(cat "$WORK/play.err"))" test "$rc" = 0
set -- $("$WAV_PAUSES" "$WORK/rec.wav")
recorded=${3#speech_s=}
check "the monitor recorded $recorded s of speech, expected about $expected s" fcmp "$recorded > 0.85 * $expected && $recorded < 1.15 * $expected"
level=$(sox "$WORK/rec.wav" -n stat 2>&1 | awk '/RMS +amplitude/ { print $3 }')
check "the recording is not silence (RMS $level)" fcmp "$level > 0.01"

# Playing is the default when no other output is asked for; --driver pulse picks it by name.
parec -d locutor_test.monitor --format=s16le --rate=22050 --channels=1 --file-format=wav "$WORK/rec2.wav" &
parec_pid=$!
sleep 0.5
echo "Una sola frase para el altavoz." | "$LOCUTOR" --driver pulse
rc=$?
sleep 0.3
kill -INT $parec_pid
wait $parec_pid 2>/dev/null
set -- $("$WAV_PAUSES" "$WORK/rec2.wav")
check "--driver pulse from standard input plays (exit $rc, ${3})" fcmp "$rc == 0 && ${3#speech_s=} > 1"

# Audio to a file and to the speakers in one run.
echo "Dos salidas a la vez." >"$WORK/one.txt"
"$LOCUTOR" -o "$WORK/one.wav" "$WORK/one.txt"
"$LOCUTOR" --play -o "$WORK/both.wav" "$WORK/one.txt"
check "--play with -o also writes the same file" cmp -s "$WORK/both.wav" "$WORK/one.wav"

# Without a server and without a sound card: one line, exit 5, a hint to use -o.
kill $pulse_pid
wait $pulse_pid 2>/dev/null
expect_error "no server and no sound card" 5 "no usable audio device" "$LOCUTOR" "$WORK/short.txt"
finish
