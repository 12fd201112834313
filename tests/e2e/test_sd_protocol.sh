# test_sd_protocol.sh - sd_locutor, the speech-dispatcher module, driven through its protocol
# with no server nor audio device: every reply code, marks in order after their audio, 705 PCM as
# long as locutor's WAV of the same text, STOP within 50 ms with no audio after 703, PAUSE at the
# next __spd_ mark, say-as, the normalized text (LOCUTOR_SD_TRACE), bad input answered with 3xx.
. "$(dirname "$0")/lib.sh"
BUILD=$(cd "$(dirname "$LOCUTOR")" && pwd)
MODULE=$BUILD/sd_locutor
cd "$WORK" || exit 1
if [ ! -x "$MODULE" ]; then
    fail "no $MODULE (build the sd_locutor target)"
    finish
    exit
fi
echo "Murieron 21 personas el 21/03/2024. Fin." >murieron.txt
timeout -s KILL 20 "$LOCUTOR" -o murieron.wav --loudness off murieron.txt 2>locutor.err
check "locutor -o murieron.wav ($(head -c 200 locutor.err))" test -s murieron.wav
# long enough that synthesis (faster than real time) is still running when STOP comes
for _ in 1 2 3 4 5; do cat "$SRC/articles/corea-del-norte-rusia.txt"; done | tr "\n" " " >long.txt

cat >drive.py <<'EOPY'
"""Drives sd_locutor through its protocol; prints ok:/FAIL: lines and the STOP latencies."""
import html, queue, re, statistics, subprocess, sys, threading, time, wave

module, trace = sys.argv[1], sys.argv[2]
results = []


def check(what, cond):
    results.append(cond)
    print(("ok: " if cond else "FAIL: ") + what, flush=True)


class Module:
    """sd_locutor with a reader thread that timestamps what it says."""

    def __init__(self, *args, env=None):
        self.p = subprocess.Popen([module, *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=open("module.err", "ab"), env=env)
        self.q = queue.Queue()
        threading.Thread(target=self.read, daemon=True).start()

    def read(self):
        for line in iter(self.p.stdout.readline, b""):
            t = time.monotonic()
            if line.startswith(b"705-AUDIO\0"):
                self.q.put(("audio", unescape(line[10:-1]), t))
            elif line.startswith(b"705"):
                continue
            else:
                self.q.put(("line", line.decode().rstrip("\n"), t))
        self.q.put(("eof", "", time.monotonic()))

    def send(self, text):
        self.p.stdin.write(text.encode())
        self.p.stdin.flush()
        return time.monotonic()

    def until(self, final, timeout=15):
        """Items up to and including a line starting with one of final (a tuple)."""
        got, end = [], time.monotonic() + timeout
        while True:
            try:
                item = self.q.get(timeout=max(0.01, end - time.monotonic()))
            except queue.Empty:
                return got + [("timeout", "", time.monotonic())]
            got.append(item)
            if item[0] == "eof" or (item[0] == "line" and item[1].startswith(final)):
                return got

    def lines(self, items):
        return [i[1] for i in items if i[0] == "line"]

    def drain(self, seconds):
        time.sleep(seconds)
        got = []
        while not self.q.empty():
            got.append(self.q.get())
        return got


def unescape(data):
    out, i = bytearray(), 0
    while i < len(data):
        if data[i] == 0x7D and i + 1 < len(data):
            out.append(data[i + 1] ^ 0x20)
            i += 2
        else:
            out.append(data[i])
            i += 1
    return bytes(out)


def speak(m, ssml):
    return m.send("SPEAK\n" + "\n".join("." + l if l.startswith(".") else l
                                        for l in ssml.split("\n")) + "\n.\n")


def until_audio(m, timeout=10):
    """Items up to the first audio block (or the end of the message)."""
    got, end = [], time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            item = m.q.get(timeout=0.05)
        except queue.Empty:
            continue
        got.append(item)
        if item[0] == "audio" or (item[0] == "line" and item[1][:3] in ("702", "703", "704")):
            break
    return got


def long_ssml():
    text = open("long.txt", encoding="utf-8").read()
    parts = re.split(r"(?<=\.) ", html.escape(text, quote=False))
    return "<speak>" + "".join(f'{p}<mark name="__spd_{i}"/> ' for i, p in enumerate(parts)) + "</speak>"


m = Module(env={"LOCUTOR_SD_TRACE": trace, "PATH": "/usr/bin:/bin"})
m.send("INIT\n")
got = m.lines(m.until(("299 ", "399 ")))
check(f"INIT: 299-… then 299 OK LOADED SUCCESSFULLY ({got})",
      len(got) == 2 and got[0].startswith("299-") and got[1] == "299 OK LOADED SUCCESSFULLY")
m.send("AUDIO\naudio_output_method=pulse\n.\n")
got = m.lines(m.until(("300 ", "203 ")))
check(f"AUDIO pulse refused: 207, 300-…, 300 MODULE ERROR ({got})",
      got[0] == "207 OK RECEIVING AUDIO SETTINGS" and got[1].startswith("300-") and got[-1] == "300 MODULE ERROR")
m.send("AUDIO\naudio_output_method=server\n.\n")
got = m.lines(m.until(("300 ", "203 ")))
check(f"AUDIO server: 207, 203 OK AUDIO INITIALIZED ({got})",
      got == ["207 OK RECEIVING AUDIO SETTINGS", "203 OK AUDIO INITIALIZED"])
m.send("LOGLEVEL\nlog_level=3\n.\n")
got = m.lines(m.until(("203 ",)))
check(f"LOGLEVEL: 207, 203 OK LOGLEVEL SET ({got})",
      got == ["207 OK RECEIVING LOGLEVEL SETTINGS", "203 OK LOGLEVEL SET"])
m.send("LIST VOICES\n")
got = m.lines(m.until(("200 ", "304 ")))
check(f"LIST VOICES: locutor-es, locutor-es-419, locutor-es-MX with VARIANT none ({got})",
      "200-locutor-es\tes\tnone" in got and "200-locutor-es-419\tes-419\tnone" in got
      and "200-locutor-es-MX\tes-MX\tnone" in got and got[-1] == "200 OK VOICE LIST SENT")
m.send("SET\nrate=0\npitch=0\nvolume=0\npunctuation_mode=none\nspelling_mode=off\n"
       "cap_let_recogn=none\nvoice=MALE1\nlanguage=es\nsynthesis_voice=NULL\npitch_range=0\n.\n")
got = m.lines(m.until(("203 OK SETTINGS", "30")))
check(f"SET: 203 OK RECEIVING SETTINGS, 203 OK SETTINGS RECEIVED ({got})",
      got == ["203 OK RECEIVING SETTINGS", "203 OK SETTINGS RECEIVED"])
m.send("SET\nloudness=3\n.\n")
got = m.lines(m.until(("203 OK SETTINGS", "30")))
check(f"SET of an unknown key: 303 ({got})", got[-1].startswith("303 "))
m.send("SET\nrate=500\n.\n")
got = m.lines(m.until(("203 OK SETTINGS", "30")))
check(f"SET rate=500: 303 ({got})", got[-1].startswith("303 "))
m.send("FROB\n")
got = m.lines(m.until(("3",)))
check(f"an unknown command: 300 ERR UNKNOWN COMMAND ({got})", got == ["300 ERR UNKNOWN COMMAND"])

# the issue's sentence: marks in order, each after the audio up to it; PCM as long as locutor's
speak(m, '<speak>Murieron <mark name="a"/>21 personas el <mark name="b"/>21/03/2024.'
         '<mark name="__spd_0"/> Fin.</speak>')
items = m.until(("702 ", "703 ", "704 "))
lines = m.lines(items)
check(f"SPEAK: 202 OK RECEIVING MESSAGE, 200 OK SPEAKING, 701 BEGIN first ({lines[:3]})",
      lines[:3] == ["202 OK RECEIVING MESSAGE", "200 OK SPEAKING", "701 BEGIN"])
marks, pcm, at = [], b"", {}
for kind, data, _ in items:
    if kind == "audio":
        pcm += data
    elif kind == "line" and data.startswith("700-"):
        marks.append(data[4:])
        at[data[4:]] = len(pcm) // 2
check(f"SPEAK: marks a, b, __spd_0 in order ({marks})", marks == ["a", "b", "__spd_0"])
check(f"SPEAK: each 700 after the audio before it (samples {at}, total {len(pcm) // 2})",
      0 < at.get("a", 0) < at.get("b", 0) < at.get("__spd_0", 0) < len(pcm) // 2)
check(f"SPEAK: ends with 702 END ({lines[-1]})", lines[-1] == "702 END")
with wave.open("murieron.wav") as w:
    ref = w.getnframes() * 22050 / w.getframerate()
got_n = len(pcm) // 2
check(f"SPEAK: {got_n} samples of PCM, locutor -o gives {ref:.0f} (within 10 %)",
      abs(got_n - ref) <= 0.1 * ref)
with wave.open("module.wav", "wb") as w:
    w.setnchannels(1), w.setsampwidth(2), w.setframerate(22050), w.writeframes(pcm)


def message(cmd, body):
    m.send(f"{cmd}\n{body}\n.\n")
    items = m.until(("702 ", "703 ", "704 ", "30"))
    return m.lines(items), sum(len(d) for k, d, _ in items if k == "audio") // 2


for cmd, body in (("CHAR", "a"), ("CHAR", "ñ"), ("KEY", "space"), ("KEY", "control_a")):
    lines, n = message(cmd, body)
    check(f"{cmd} {body}: 202, 200 OK SPEAKING, 701, {n} samples, 702 END ({lines})",
          lines == ["202 OK RECEIVING MESSAGE", "200 OK SPEAKING", "701 BEGIN", "702 END"] and n > 2000)
lines, n = message("SOUND_ICON", "bell")
check(f"SOUND_ICON: 706 to the server, then 702 ({lines})",
      "706-bell" in lines and "706 ICON" in lines and lines[-1] == "702 END")
m.send("CHAR\na\nb\n.\n")
got = m.lines(m.until(("3", "200 ")))
check(f"CHAR of two lines: 305 ({got})", got[-1].startswith("305 "))

open(trace, "w").close()
for ssml in ('<speak><say-as interpret-as="characters">ABC</say-as></speak>',
             "<speak>Pagaron 1.500 euros.</speak>",
             '<speak>Llegó el <say-as interpret-as="ordinal">21</say-as>.</speak>',
             '<speak>El <say-as interpret-as="date" format="ymd">2024-03-21</say-as>.</speak>'):
    speak(m, ssml)
    m.until(("702 ", "703 "))
spoken = [l[8:] for l in open(trace, encoding="utf-8").read().splitlines() if l.startswith("spoken: ")]
check(f"say-as characters spells ABC: a be ce ({spoken[:1]})", len(spoken) > 0 and "a be ce" in spoken[0])
check(f"1.500 euros: mil quinientos euros ({spoken[1:2]})", len(spoken) > 1 and "mil quinientos euros" in spoken[1])
check(f"say-as ordinal 21: vigesimoprimero ({spoken[2:3]})", len(spoken) > 2 and
      re.search("vig[eé]simo ?primer", spoken[2]) is not None)
check(f"say-as date ymd: veintiuno de marzo ({spoken[3:4]})", len(spoken) > 3 and "veintiuno de marzo de dos mil veinticuatro" in spoken[3])
m.send("SET\npunctuation_mode=most\n.\n")
m.until(("203 OK SETTINGS", "30"))
speak(m, "<speak>Sí (dijo): 1.500; ya.</speak>")
m.until(("702 ", "703 "))
m.send("SET\npunctuation_mode=none\n.\n")
m.until(("203 OK SETTINGS", "30"))
spoken = [l[8:] for l in open(trace, encoding="utf-8").read().splitlines() if l.startswith("spoken: ")]
check(f"punctuation most: paréntesis, dos puntos named, 1.500 read as a number ({spoken[-1:]})",
      "abre paréntesis" in spoken[-1] and "dos puntos" in spoken[-1] and "mil quinientos" in spoken[-1])

speak(m, "<speak>Hola <mark</speak>")
got = m.lines(m.until(("200 ", "30")))
check(f"malformed SSML: 301 ({got})", got[-1].startswith("301 "))

# STOP: 703 within 50 ms of the STOP line, no audio after it
lat = []
for run in range(5):
    speak(m, long_ssml())
    until_audio(m)
    if run == 0:
        m.send("SPEAK\n<speak>Otra.</speak>\n.\n")
        got = m.lines(m.until(("200 ", "30")))
        check(f"SPEAK while speaking: 301 ({got[-1:]})", got[-1:] == ["301 ERROR CANT SPEAK"])
    time.sleep(0.1)
    t0 = m.send("STOP\n")
    items = m.until(("702 ", "703 ", "704 "), timeout=5)
    ends = [(d, t) for k, d, t in items if k == "line" and d.startswith("70") and d[:3] in ("702", "703")]
    if ends and ends[-1][0] == "703 STOP":
        lat.append((ends[-1][1] - t0) * 1000)
    after = m.drain(0.3)
    check(f"STOP run {run + 1}: 703 STOP, no 705 after it ({[d for k, d, _ in items if k == 'line'][-2:]}, {len(after)} items after)",
          bool(ends) and ends[-1][0] == "703 STOP" and not any(k == "audio" for k, _, _ in after))
print("STOP latencies (ms): " + " ".join(f"{x:.1f}" for x in lat), flush=True)
check(f"STOP -> 703: median {statistics.median(lat) if lat else -1:.1f} ms < 50 ms",
      len(lat) == 5 and statistics.median(lat) < 50)
m.send("STOP\n")
check("STOP when idle: no reply", m.drain(0.3) == [])

# PAUSE: stops after the next __spd_ mark, with 704
speak(m, long_ssml())
until_audio(m)
time.sleep(0.05)
m.send("PAUSE\n")
items = m.until(("702 ", "703 ", "704 "), timeout=15)
lines = m.lines(items)
marks_seen = [l for l in lines if l.startswith("700-")]
check(f"PAUSE: 704 PAUSE right after a __spd_ mark ({lines[-3:]})",
      lines[-1] == "704 PAUSE" and len(lines) >= 3 and lines[-3].startswith("700-__spd_")
      and not any(k == "audio" for k, _, _ in items[-3:]))
check("PAUSE: nothing after 704", m.drain(0.3) == [])
# the server resumes with a new SPEAK: it is said
speak(m, "<speak>Sigue.</speak>")
got = m.lines(m.until(("702 ", "703 ", "704 ")))
check(f"SPEAK after PAUSE: said to the end ({got[-1:]})", got[-1:] == ["702 END"])

m.send("QUIT\n")
got = m.lines(m.until(("210 ",)))
check(f"QUIT: 210 OK QUIT ({got})", got == ["210 OK QUIT"])
try:
    rc = m.p.wait(timeout=5)
except subprocess.TimeoutExpired:
    rc = "still running"
check(f"QUIT: exits 0 ({rc})", rc == 0)

# a configuration file with a bad line: INIT answers 399 with the reason
open("bad.conf", "w").write("LocutorMaxRate 5000\n")
b = Module("bad.conf")
b.send("INIT\n")
got = b.lines(b.until(("299 ", "399 ")))
check(f"INIT with a bad locutor.conf: 399-<reason>, 399 ERR CANT INIT MODULE ({got})",
      len(got) == 2 and "LocutorMaxRate" in got[0] and got[1] == "399 ERR CANT INIT MODULE")
b.send("QUIT\n")
b.p.wait(timeout=5)
sys.exit(0 if all(results) else 1)
EOPY

timeout -s KILL 120 /usr/bin/python3 drive.py "$MODULE" "$WORK/trace.txt" >drive.out 2>drive.err
while IFS= read -r line; do
    case $line in
    ok:*) pass "${line#ok: }" ;;
    FAIL:*) fail "${line#FAIL: }" ;;
    *) echo "$line" ;;
    esac
done <drive.out
check "the driver ran to the end ($(tail -c 300 drive.err))" grep -q "QUIT: exits" drive.out
check "the module wrote nothing unexpected to stderr ($(head -c 300 module.err))" \
    sh -c '! grep -v "SET: \|SSML is not well-formed\|CHAR, KEY\|another is being said\|only audio_output_method\|LocutorMaxRate" module.err | grep -q .'
finish
