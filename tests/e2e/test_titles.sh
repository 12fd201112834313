# test_titles.sh - odd titles (invalid UTF-8, control characters, quotes, 400 bytes of accents
# and emoji) make valid chapters JSON and a valid feed, and the next --feed run still works.
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
run() { timeout -s KILL 20 "$LOCUTOR" -j 1 --date 2026-11-26 "$@"; }
json_ok() { python3 -m json.tool "$1" >/dev/null 2>&1; }
# the chapters' titles, one per line (nothing when the JSON is bad)
titles() { python3 -c 'import json, sys
for c in json.load(open(sys.argv[1], encoding="utf-8"))["chapters"]: print(c["title"])' "$1" 2>/dev/null; }
clean() { # no control characters, no invalid UTF-8 (the text was decoded as UTF-8 above)
    python3 -c 'import sys; t = open(sys.argv[1], "rb").read().decode("utf-8")
sys.exit(any(ord(ch) < 32 and ch != "\n" or ord(ch) == 127 for ch in t))' "$1" 2>/dev/null
}
items() { xmllint --xpath 'count(//item)' "$1" 2>/dev/null || echo 0; }
echo "Hola mundo. Esto es una prueba." >body.txt

# 1. a file name with invalid UTF-8 bytes (0xFF 0xFE) and a control character (0x01)
odd=$(printf 'mal\xff\xfe nombre\x01raro.txt')
cp body.txt "$odd"
run -o ep1.wav --chapters ch1.json --feed feed1.xml --feed-url https://example.org/pod "./$odd"
check "odd file name: the chapters parse as JSON" json_ok ch1.json
titles ch1.json >t1
check "odd file name: the chapter's title is clean UTF-8 without controls: $(cat -v t1)" sh -c "test -s t1 && $(declare -f clean); clean t1"
check "odd file name: its title keeps the words apart (mal... nombre raro)" grep -q 'nombre raro$' t1
check "odd file name: the feed passes xmllint" xmllint --noout feed1.xml
run -o ep1b.wav --feed feed1.xml --feed-url https://example.org/pod body.txt 2>err
check "odd file name: the next --feed run succeeds ($(head -c 200 err))" test "$(items feed1.xml)" = 2

# 2. a 400-byte heading of multi-byte letters and emoji: cut at <= 255 bytes, after a word
heading=" Él" # the old code's 255-byte cut then fell inside a letter
while [ "$(printf %s "$heading" | wc -c)" -lt 400 ]; do heading="$heading Año ñandú café 😀 señalé"; done
heading=${heading# }
printf '# %s\n\nHola mundo. Esto es una prueba.\n' "$heading" >largo.md
run -o ep2.wav --chapters ch2.json --feed feed2.xml --feed-url https://example.org/pod largo.md
check "400-byte title: the chapters parse as JSON" json_ok ch2.json
titles ch2.json | head -n1 >t2
bytes=$(($(wc -c <t2) - 1))
check "400-byte title: the chapter's title is $bytes bytes (want 200..255)" test "$bytes" -le 255 -a "$bytes" -ge 200
check "400-byte title: cut after a whole word" python3 -c 'import sys
h, t = sys.argv[1], open(sys.argv[2], encoding="utf-8").read().rstrip("\n")
sys.exit(not (h.startswith(t) and h[len(t)] == " "))' "$heading" t2
check "400-byte title: the feed passes xmllint" xmllint --noout feed2.xml
check "400-byte title: the feed's description holds the cut title" \
    sh -c "xmllint --xpath 'string(//item/description)' feed2.xml | grep -qxF \"\$(cat t2)\""
run -o ep2b.wav --feed feed2.xml --feed-url https://example.org/pod body.txt 2>err
check "400-byte title: the next --feed run succeeds ($(head -c 200 err))" test "$(items feed2.xml)" = 2

# 3. --title with a tab, an escape sequence, quotes and a backslash
run --briefing --title "$(printf 'Mi "resumen"\t\033[31m rojo \\ fin')" -o ep3.wav \
    --chapters ch3.json --feed feed3.xml --feed-url https://example.org/pod body.txt
check "--title: the chapters parse as JSON" json_ok ch3.json
titles ch3.json | head -n1 >t3
check "--title: the intro chapter is clean: $(cat -v t3)" grep -qxF 'Mi "resumen" [31m rojo \ fin' t3
check "--title: the feed passes xmllint" xmllint --noout feed3.xml
check "--title: the feed's episode is titled with it" \
    sh -c "xmllint --xpath 'string(//item/title)' feed3.xml | grep -qxF 'Mi \"resumen\" [31m rojo \\ fin 2026-11-26'"
run -o ep3b.wav --feed feed3.xml --feed-url https://example.org/pod body.txt 2>err
check "--title: the next --feed run succeeds ($(head -c 200 err))" test "$(items feed3.xml)" = 2

# 4. an episode file name with a control character and a space: percent-encoded in the URL
run -o "$(printf 'ep\0014 x.wav')" --feed feed4.xml --feed-url https://example.org/pod body.txt
check "odd episode name: the feed passes xmllint" xmllint --noout feed4.xml
check "odd episode name: its URL is percent-encoded" \
    sh -c "xmllint --xpath 'string(//item/enclosure/@url)' feed4.xml | grep -qx 'https://example.org/pod/ep%014%20x.wav'"
run -o ep4b.wav --feed feed4.xml --feed-url https://example.org/pod body.txt 2>err
check "odd episode name: the next --feed run succeeds ($(head -c 200 err))" test "$(items feed4.xml)" = 2
finish
