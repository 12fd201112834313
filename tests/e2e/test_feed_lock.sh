# test_feed_lock.sh - jobs adding episodes to one podcast feed at once lose none of them: each
# holds an flock on the feed from reading it to renaming the new version into place.
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
echo "Hola." >a.txt
add() { # add N: one job adding episode epN.wav to feed.xml
    timeout -s KILL 20 "$LOCUTOR" -j 1 --no-intro --no-outro -o "ep$1.wav" --feed feed.xml \
        --feed-url https://example.org/pod a.txt
}
items() { xmllint --xpath 'count(//item)' feed.xml 2>/dev/null || echo 0; }

# ten jobs at once, again and again: every episode is in the feed every time
rounds=20
[ "${LOCUTOR_SANITIZED:-0}" = 1 ] && rounds=5
short=0 bad_xml=0 failed_jobs=0 least=10 kept=0
for round in $(seq "$rounds"); do
    rm -f feed.xml ep*.wav
    pids=()
    for i in $(seq 10); do
        add "$i" 2>>errors &
        pids+=($!)
    done
    for p in "${pids[@]}"; do wait "$p" || failed_jobs=$((failed_jobs + 1)); done
    n=$(items)
    kept=$((kept + n))
    [ "$n" = 10 ] || short=$((short + 1))
    [ "$n" -lt "$least" ] && least=$n
    xmllint --noout feed.xml 2>/dev/null || bad_xml=$((bad_xml + 1))
done
check "$rounds rounds of 10 concurrent jobs: every job succeeded ($failed_jobs failed)" test "$failed_jobs" = 0
check "every episode kept: $kept of $((rounds * 10)) ($short rounds lost some; fewest in a round: $least)" test "$short" = 0
check "the feed is well-formed XML after every round ($bad_xml bad)" test "$bad_xml" = 0
check "no temporary or lock files left beside the feed: $(ls -A | tr '\n' ' ')" \
    sh -c "! ls -A | grep -qv -e '^feed.xml$' -e '^ep[0-9]*.wav$' -e '^a.txt$' -e '^errors$'"
check "no job complained: $(head -n3 errors)" test ! -s errors

# the lock is the feed's own flock: a job waits for its holder, and goes on when the holder
# dies without unlocking (the kernel releases it)
hold() { # another process locks feed.xml until killed; returns once it holds the lock
    rm -f held
    python3 -c 'import fcntl, time; f = open("feed.xml"); fcntl.flock(f, fcntl.LOCK_EX)
open("held", "w").close(); time.sleep(30)' &
    holder=$!
    for i in $(seq 100); do [ -e held ] && break; sleep 0.1; done
}
before=$(items)
hold
timeout -s KILL 20 "$LOCUTOR" -j 1 --no-intro --no-outro -o ep11.wav --feed feed.xml \
    --feed-url https://example.org/pod a.txt 2>errors &
job=$!
for i in $(seq 100); do [ -e ep11.wav ] && break; sleep 0.1; done
sleep 0.5
check "a job waits while another process holds the feed's lock" kill -0 "$job"
kill -KILL "$holder"
wait "$holder" 2>/dev/null
wait "$job"
check "it adds its episode once the holder is killed (exit $?, $before -> $(items) items)" test "$(items)" = $((before + 1))
# a job interrupted while it waits: exit 130, the feed as it was, no file left behind
before=$(items)
hold
"$LOCUTOR" -j 1 --no-intro --no-outro -o ep12.wav --feed feed.xml \
    --feed-url https://example.org/pod a.txt 2>errors &
job=$!
for i in $(seq 100); do [ -e ep12.wav ] && break; sleep 0.1; done
sleep 0.5
kill -INT "$job"
wait "$job"
rc=$?
kill -KILL "$holder"
wait "$holder" 2>/dev/null
check "Ctrl-C while waiting for the lock: exit $rc (want 130), $(items) items (want $before)" test "$rc" = 130 -a "$(items)" = "$before"
rm -f held
check "nothing left behind: $(ls -A | grep -v '^ep' | tr '\n' ' ')" \
    sh -c "! ls -A | grep -qv -e '^feed.xml$' -e '^ep[0-9]*.wav$' -e '^a.txt$' -e '^errors$'"
add 13 2>errors
check "the next job adds its episode ($before -> $(items) items)" test "$(items)" = $((before + 1))
finish
