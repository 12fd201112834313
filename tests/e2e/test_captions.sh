# test_captions.sh - captions that show the article's text whatever it holds (<b>, <c.x>, &lt;,
# 5 < 6 & 7 > 3, a --> b), checked by the W3C validator's WebVTT parser and an SRT structure
# check; speech-mark offsets in the input file for plain text, Markdown, an HTML page and feeds.
. "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
VTT_CHECK=$SRC/tests/tools/webvtt/check.js
LIMIT=20 # seconds for one run (more with sanitizers)
[ -n "${LOCUTOR_SANITIZED:-}" ] && LIMIT=120

# the WebVTT parser: node and webvtt-parser (scripts/setup installs it); never skipped
if ! command -v node >/dev/null; then
    fail "node is missing: the WebVTT captions cannot be checked (run scripts/setup)"
    finish
    exit 1
fi
if [ ! -f "$SRC/tests/tools/webvtt/node_modules/webvtt-parser/parser.js" ]; then
    fail "webvtt-parser is missing in tests/tools/webvtt/node_modules (run scripts/setup)"
    finish
    exit 1
fi
if ! command -v python3 >/dev/null; then
    fail "python3 is missing: the speech marks cannot be checked (run scripts/setup)"
    finish
    exit 1
fi

# One sentence a line; the last two lines are nothing but markup; tabs and runs of spaces
# change the text's offsets from those in the file.
printf 'Hoy  llueve\ten   Valencia.\n' >a.txt
cat >>a.txt <<'EOF'
El texto <b>negrita</b> sigue aquí.
La etiqueta <c.x> aparece sola.
Escribió &lt; en la nota.
Sabemos que 5 < 6 & 7 > 3 es cierto.
Dijo que a --> b era la regla.
Y {\an8} no mueve el texto.
<i></i>
EOF
sentences=$(wc -l <a.txt)
sed 's/[[:space:]]\{1,\}/ /g' a.txt >a.said # the sentences as the captions write them

timeout -s KILL "$LIMIT" "$LOCUTOR" -o a.wav --captions a.vtt --marks a.jsonl a.txt
node "$VTT_CHECK" a.vtt >a.cues 2>a.errors
rc=$?
check "the W3C WebVTT parser accepts the captions, no markup in any cue$( [ -s a.errors ] && printf ' (%s)' "$(head -n3 a.errors | tr '\n' ' ')")" test "$rc" = 0
cut -d' ' -f3- a.cues >a.shown
shown=$(grep -c '[^ ]' a.shown)
check "$shown WebVTT cues show text, for $sentences sentences" test "$shown" = "$sentences"
check "each WebVTT cue shows its sentence as written ($(diff a.said a.shown | grep -c '^>') differ)" cmp -s a.said a.shown
check "no '-->' in any WebVTT cue text" sh -c "! grep -v '^[0-9:.]* --> [0-9:.]*\$' a.vtt | grep -q -- '-->'"

timeout -s KILL "$LIMIT" "$LOCUTOR" -o a.wav --captions a.srt a.txt
# SubRip: numbered cues 1, 2, ...; a timing line; text lines that are not empty, hold no
# markup a player reads (<b>, &lt;, {\an8}) and no "-->"; a blank line after each cue. What a
# player shows: the text without tags and {\...} overrides, word joiners invisible.
cat >srt.py <<'EOF'
import re, sys
raw = open(sys.argv[1], encoding='utf-8').read()
errors, texts = [], []
if not raw.endswith('\n\n'):
    errors.append('the file does not end with a blank line')
timing = re.compile(r'^\d\d:\d\d:\d\d,\d\d\d --> \d\d:\d\d:\d\d,\d\d\d$')
for n, cue in enumerate(raw.rstrip('\n').split('\n\n'), 1):
    lines = cue.split('\n')
    if lines[0] != str(n):
        errors.append(f'cue {n}: number line {lines[0]!r}')
    if len(lines) < 3 or not timing.match(lines[1]):
        errors.append(f'cue {n}: no timing line then text: {cue!r}')
        continue
    for line in lines[2:]:
        if not line.strip():
            errors.append(f'cue {n}: an empty text line')
        if '-->' in line or re.search(r'<[A-Za-z/]|&[A-Za-z#]|\{\\', line):
            errors.append(f'cue {n}: markup or "-->" in {line!r}')
    shown = re.sub(r'</?[A-Za-z][^>]*>|\{\\[^}]*\}', '', ' '.join(lines[2:]))
    texts.append(shown.replace('\u2060', ''))
for e in errors:
    print(e, file=sys.stderr)
print('\n'.join(texts))
sys.exit(1 if errors else 0)
EOF
python3 srt.py a.srt >a.srt.shown 2>a.srt.errors
rc=$?
check "SubRip structure: numbered cues, timing lines, no empty text line, no markup or '-->'$( [ -s a.srt.errors ] && printf ' (%s)' "$(head -n3 a.srt.errors | tr '\n' ' ')")" test "$rc" = 0
shown=$(grep -c '[^ ]' a.srt.shown)
check "$shown SubRip cues show text, for $sentences sentences" test "$shown" = "$sentences"
check "each SubRip cue shows its sentence as written ($(diff a.said a.srt.shown | grep -c '^>') differ)" cmp -s a.said a.srt.shown

# Speech marks: offsets in the input file. Word marks are the file's bytes exactly for plain
# text and Markdown (or, for pages and feeds, at least $exact % of them); every sentence starts
# after the one before, word marks never go back, all inside the file.
cat >marks.py <<'EOF'
import json, sys
src = open(sys.argv[1], 'rb').read()
exact_min = float(sys.argv[3])
words = exact = 0
last_sentence = last_word = -1
errors = []
for line in open(sys.argv[2], encoding='utf-8'):
    m = json.loads(line)
    s, e, v = m['start'], m['end'], m['value']
    if not 0 <= s <= e <= len(src):
        errors.append(f'{v!r}: [{s}, {e}) outside the file')
    if m['type'] == 'sentence':
        if s <= last_sentence:
            errors.append(f'sentence {v[:30]!r} starts at {s}, not after {last_sentence}')
        last_sentence = s
        continue
    words += 1
    if s < last_word:
        errors.append(f'word {v!r} at {s} goes back from {last_word}')
    last_word = s
    if src[s:e].decode('utf-8', 'replace') == v:
        exact += 1
    elif exact_min >= 100:
        errors.append(f'word {v!r} at [{s}, {e}) but the file has {src[s:e]!r}')
if words == 0:
    errors.append('no word marks')
elif 100 * exact < exact_min * words:
    errors.append(f'only {exact} of {words} word marks are the file\'s bytes')
for e in errors[:5]:
    print(e, file=sys.stderr)
print(f'{words} word marks, {exact} exact')
sys.exit(1 if errors else 0)
EOF
check_marks() { # check_marks FORMAT FILE MARKS EXACT_PERCENT
    local out
    out=$(python3 marks.py "$2" "$3" "$4" 2>"$3.errors")
    local rc=$?
    check "$1 speech marks are offsets in the file ($out; $4 % exact wanted)$( [ -s "$3.errors" ] && printf ' (%s)' "$(head -n3 "$3.errors" | tr '\n' ' ')")" test "$rc" = 0
}
check_marks "plain text" a.txt a.jsonl 100

cat >b.md <<'EOF'
# El **Gobierno** aprueba el plan

El consejo aprobó *ayer* el [plan](https://example.org/plan) de lluvias,
que llega tras la DANA.
Costará `mil` millones, y 5 < 6 & 7 > 3 como a --> b.

> «Es un paso», dijo la ministra.

- Primera medida: diques.
- Segunda medida: alertas.
EOF
timeout -s KILL "$LIMIT" "$LOCUTOR" -o b.wav --captions b.vtt --marks b.jsonl b.md
check_marks "Markdown" b.md b.jsonl 100
node "$VTT_CHECK" b.vtt >b.cues 2>b.errors
check "Markdown captions: the WebVTT parser accepts them" test $? = 0
check "Markdown captions show '5 < 6 & 7 > 3 como a --> b' as written" grep -qF '5 < 6 & 7 > 3 como a --> b.' b.cues

cat >c.html <<'EOF'
<!DOCTYPE html>
<html lang="es"><head><title>El diario de hoy</title></head>
<body><nav><a href="/">Portada</a> El tiempo</nav>
<article>
<h1>El Gobierno aprueba el plan</h1>
<p>El consejo aprobó ayer el <a href="/plan">plan</a> de lluvias, que llega tras la DANA.
Costará mil millones.</p><p>La etiqueta &lt;b&gt; y el signo 5 &lt; 6 &amp; 7 &gt; 3 se leen, y <b>negrita</b> también.</p>
<blockquote>Es un paso importante, dijo la ministra.</blockquote>
</article></body></html>
EOF
timeout -s KILL "$LIMIT" "$LOCUTOR" -o c.wav --captions c.vtt --marks c.jsonl c.html
check_marks "HTML" c.html c.jsonl 85
node "$VTT_CHECK" c.vtt >c.cues 2>c.errors
check "HTML captions: the WebVTT parser accepts them" test $? = 0
check "HTML captions show '<b>' and '5 < 6 & 7 > 3' as written" sh -c "grep -qF 'La etiqueta <b> y el signo 5 < 6 & 7 > 3 se leen' c.cues"

cat >d.xml <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Diario</title><language>es-es</language>
<item><title>Primera noticia del día</title>
<description>&lt;p&gt;El gobierno aprobó la ley de aguas.&lt;/p&gt;&lt;p&gt;La oposición votó en contra &amp;amp; protestó.&lt;/p&gt;</description></item>
<item><title>Segunda noticia</title>
<description><![CDATA[<p>Llueve en Valencia desde el lunes.</p>
<p>Los ríos crecen con <b>rapidez</b> y &lt;c.x&gt; no es marca.</p>]]></description></item>
</channel></rss>
EOF
timeout -s KILL "$LIMIT" "$LOCUTOR" -o d.wav --captions d.vtt --marks d.jsonl d.xml
check_marks "RSS feed" d.xml d.jsonl 85
node "$VTT_CHECK" d.vtt >d.cues 2>d.errors
check "feed captions: the WebVTT parser accepts them" test $? = 0
check "feed captions show '<c.x>' as written" grep -qF 'y <c.x> no es marca.' d.cues

finish
