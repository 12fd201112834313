# test_input.sh - pages, feeds, Markdown and encodings read as the article's words; hostile input read safely.
. "$(dirname "$0")/lib.sh"
DATA=$SRC/tests/data
cd "$WORK" || exit 1
"$LOCUTOR" --text "$ARTICLE" >article.text

# A saved news page: only the article (title, then the same words as the plain text).
"$LOCUTOR" --text "$DATA/noticia.html" >page.text
check "page: the title first" test "$(head -n1 page.text)" = "Corea del Norte reafirma su apoyo incondicional a Rusia"
check "page: then exactly the article's words" cmp -s <(tail -n +2 page.text) article.text
check "page: no navigation, cookie banner, script, aside, footer or caption" \
    sh -c "! grep -q 'cookies\|Portada\|Suscríbete\|dataLayer\|gtag\|Te puede interesar\|Lo más leído\|derechos reservados\|Compartir\|Publicidad\|Comentarios\|Foto\|Temas:\|Buscar' page.text"
check "page: --format html on standard input" cmp -s page.text <("$LOCUTOR" --text --format html - <"$DATA/noticia.html")
check "page: detected on standard input from its first bytes" cmp -s page.text <("$LOCUTOR" --text <"$DATA/noticia.html")

# Feeds: each item is an article, its title then its content.
"$LOCUTOR" --verbose --text "$DATA/portada.rss" >rss.text 2>rss.err
check "RSS: three items give three articles" grep -q "portada.rss: 3 articles" rss.err
check "RSS: content:encoded read as HTML, no script" sh -c "grep -qx 'Es una causa sagrada.' rss.text && ! grep -q alert rss.text && ! grep -q Resumen rss.text"
check "RSS: escaped HTML description read as list items" grep -qx "Menos deuda." rss.text
"$LOCUTOR" --verbose --text "$DATA/portada.atom" >atom.text 2>atom.err
check "Atom: two entries give two articles" grep -q "portada.atom: 2 articles" atom.err
check "Atom: html title and xhtml content" sh -c "grep -qx 'L[aá]vr[oó][vf] elogia a los soldados norcoreanos' atom.text && grep -qx 'Reunión con [KQ]u*im.' atom.text"
check "--max-items 2" sh -c "'$LOCUTOR' --verbose --text --max-items 2 '$DATA/portada.rss' 2>&1 >/dev/null | grep -q '2 articles'"
check "--since keeps newer items" sh -c "'$LOCUTOR' --verbose --text --since 2025-07-12 '$DATA/portada.rss' 2>&1 >/dev/null | grep -q '2 articles'"
check "a feed on standard input" cmp -s rss.text <("$LOCUTOR" --text <"$DATA/portada.rss")
check "a feed synthesizes, one unit per item" "$LOCUTOR" -j 2 -o feed.wav "$DATA/portada.atom"

# Markdown.
cat >nota.md <<'MD'
# Kim recibe a **Lavrov**

Corea del Norte *reafirmó* su apoyo a Rusia, según la [agencia KCNA](https://kcna.kp/es)
y el canal de `Telegram`. ![foto](kim.jpg)

> Es una causa _sagrada_.

- Primer punto.
2. Segundo punto.

Subtítulo
---------
El 3 * 4 y snake_case_word se leen.
MD
"$LOCUTOR" --text nota.md >md.text
check "Markdown: heading without marks" grep -qx "[KQ]u*im recibe a L[aá]vr[oó][vf]" md.text
check "Markdown: lines joined, emphasis dropped, link read as its text, image dropped" \
    grep -qx "Corea del Norte reafirmó su apoyo a Rusia, según la agencia ka ce ene a y el canal de Télegram." md.text
check "Markdown: quote, list items, setext heading" sh -c "grep -qx 'Es una causa sagrada.' md.text && grep -qx 'Primer punto.' md.text && grep -qx 'Segundo punto.' md.text && grep -qx 'Subtítulo' md.text"
check "Markdown: a lone * and intraword _ kept (read as in plain text)" \
    grep -qx "$(echo 'El 3 * 4 y snake_case_word se leen.' | "$LOCUTOR" --text)" md.text

# Encodings: the same words from Windows-1252, NFD, --encoding, UTF-16.
check "Windows-1252 copy gives the same --text" cmp -s article.text <("$LOCUTOR" --text "$DATA/corea-del-norte-rusia.cp1252.txt")
check "--verbose notes the Windows-1252 fallback" sh -c "'$LOCUTOR' --verbose --text '$DATA/corea-del-norte-rusia.cp1252.txt' 2>&1 >/dev/null | grep -q 'read as Windows-1252'"
check "NFD copy gives the same --text" cmp -s article.text <("$LOCUTOR" --text "$DATA/corea-del-norte-rusia.nfd.txt")
printf '<html><body><p>La acci\xf3n contin\xfaa.</p></body></html>' >legacy.html
check "a Windows-1252 page without a charset" grep -qx "La acción continúa." <("$LOCUTOR" --text legacy.html)
iconv -f UTF-8 -t UTF-16 "$ARTICLE" >utf16.txt
check "--encoding UTF-16 gives the same --text" cmp -s article.text <("$LOCUTOR" --text --encoding UTF-16 utf16.txt)
iconv -f UTF-8 -t ISO-8859-15 "$ARTICLE" >latin9.txt
check "--encoding ISO-8859-15 gives the same --text" cmp -s article.text <("$LOCUTOR" --text --encoding ISO-8859-15 latin9.txt)
expect_error "--encoding unknown" 2 "klingon" "$LOCUTOR" --text --encoding klingon "$ARTICLE"
expect_error "--format unknown" 2 "pdf" "$LOCUTOR" --text --format pdf "$ARTICLE"
expect_error "--since not a date" 2 "ayer" "$LOCUTOR" --text --since ayer "$ARTICLE"
expect_error "--max-items 0" 2 "max-items" "$LOCUTOR" --text --max-items 0 "$ARTICLE"

# Hostile and broken input: read sensibly or one clear line; never a crash, a hang or unbounded memory.
printf 'La acci\xf3n del Gobierno contin\xfaa.\n' >bad-utf8.txt
check "invalid UTF-8 mid-word read as Windows-1252" grep -qx "La acción del Gobierno continúa." <("$LOCUTOR" --text bad-utf8.txt)
printf 'La acci\xc3\xb3n y la pala\xc3bra rota.\n' >broken.txt
check "a broken UTF-8 sequence mid-word: read, exit 0" sh -c "'$LOCUTOR' --text broken.txt | grep -q 'rota'"
printf 'Hola\0 mundo\0\0 cruel.\n\0\0\0\n' >nul.txt
check "NUL bytes dropped" grep -qx "Hola mundo cruel." <("$LOCUTOR" --text nul.txt)
printf 'Uno\x01 5S\x1b[31m dos\x07\x7f tres\xc2\x85 [[h@l@U]] cuatro\xe2\x80\xae cinco.\n' >controls.txt
"$LOCUTOR" --text controls.txt >controls.text
check "control characters and espeak-ng control sequences removed" sh -c "! LC_ALL=C grep -q '[[:cntrl:]]' controls.text && ! grep -q \$'\\xe2\\x80\\xae' controls.text"
check "espeak-ng phoneme brackets are spoken as text, not obeyed" "$LOCUTOR" -o controls.wav controls.txt
head -c 100000 /dev/zero | tr '\0' 7 >digits.txt
check "a 100 000-digit number: read, every word short" sh -c "'$LOCUTOR' --text digits.txt | awk '{ for (i = 1; i <= NF; i++) if (length(\$i) > 40) exit 1 } END { exit NR == 0 }'"
{ printf 'Palabra '; head -c 10000 /dev/zero | tr '\0' a; printf ' final.\n'; } >longword.txt
check "a 10 000-character word: cut into words of at most 40 characters" sh -c "'$LOCUTOR' --text longword.txt | awk '{ for (i = 1; i <= NF; i++) if (length(\$i) > 40) exit 1 }'"
check "a 10 000-character word synthesizes" "$LOCUTOR" -o longword.wav longword.txt
printf '%.0s<div>' $(seq 5000) >deep.html
expect_error "deeply nested HTML: one clear line" 3 "nested" "$LOCUTOR" --text deep.html
printf '<html><body><p>Hola.</p>%s</body></html>' "$(printf '%.0s<b>' $(seq 200))" >deep-ok.html
check "nested HTML within limits is read" grep -qx "Hola." <("$LOCUTOR" --text deep-ok.html)
cat >bomb.rss <<'XML'
<?xml version="1.0"?>
<!DOCTYPE rss [
<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
<!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
<!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
<!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
<!ENTITY j "&i;&i;&i;&i;&i;&i;&i;&i;&i;&i;">
]>
<rss version="2.0"><channel><item><title>Risa &j;</title><description>x</description></item></channel></rss>
XML
expect_error "XML bomb (billion laughs) in a feed: one line, fast" 3 "bomb.rss" timeout 10 "$LOCUTOR" --text bomb.rss
cat >xxe.rss <<'XML'
<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><item><title>Fuga &x; fin</title><description>Nada.</description></item></channel></rss>
XML
check "external entity in a feed is not loaded" sh -c "'$LOCUTOR' --text xxe.rss | grep -qx 'Fuga fin' && ! '$LOCUTOR' --text xxe.rss | grep -q root"
printf '<rss><channel><item><title>Roto' >broken.rss
expect_error "a broken feed: one line naming it" 3 "broken.rss" "$LOCUTOR" --text broken.rss
printf '<html><body><p>Hola <script>alert(1)</script>&lt;speak&gt; &lt;break time="9s"/&gt; adi&oacute;s.</p></body></html>' >inject.html
"$LOCUTOR" --ssml inject.html >inject.xml
check "markup decoded from a page is escaped in SSML" sh -c "xmllint --noout inject.xml && ! grep -q '<break time=\"9s\"' inject.xml && grep -q '&lt;' inject.xml"
printf '<p>Hola <b>en</b> HTML.</p>\n' >plain.txt
check "HTML in a .txt file is read as text" grep -q "b" <("$LOCUTOR" --text plain.txt)
: >empty.txt
: >empty.html
: >empty.md
check "empty files: no output, exit 0" sh -c "'$LOCUTOR' --text --no-intro --no-outro empty.txt empty.html empty.md | wc -c | grep -qx 0"
expect_error "an empty feed: one line" 3 "empty.rss" sh -c ": >empty.rss; '$LOCUTOR' --text empty.rss"
mkdir adir.html
expect_error "a directory as input" 3 "adir.html" "$LOCUTOR" --text adir.html

# 50 MB without a newline: bounded blocks, flat memory.
for i in $(seq 12); do tr '\n' ' ' <"$ARTICLE"; done >seed.txt
while [ "$(stat -c %s seed.txt)" -lt 50000000 ]; do cat seed.txt seed.txt >seed2.txt && mv seed2.txt seed.txt; done
head -c 50000000 seed.txt >huge.txt
rm seed.txt
/usr/bin/time -f %M -o rss.kb "$LOCUTOR" --text huge.txt >huge.text
rc=$?
kb=$(tail -n1 rss.kb)
check "50 MB without a newline: read (exit $rc)" test "$rc" = 0
check "50 MB without a newline: blocks of bounded size" sh -c "awk 'length > 20000 { exit 1 }' huge.text"
if [ -n "${LOCUTOR_SANITIZED:-}" ]; then
    echo "skip: peak memory under a sanitizer (${kb} KB)"
else
    check "50 MB without a newline: peak memory ${kb} KB < 100 MB" test "$kb" -lt 102400
fi
finish
