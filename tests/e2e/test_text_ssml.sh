# test_text_ssml.sh - --text and --ssml print the chunks the synthesizer gets; markup is always escaped.
. "$(dirname "$0")/lib.sh"

"$LOCUTOR" --text "$ARTICLE" >"$WORK/text"
check "--text: one line per block (11 blocks)" test "$(wc -l <"$WORK/text")" = 11
check "--text spells KCNA" grep -q "ka ce ene a" "$WORK/text"
check "--text reads 2024 as a year" grep -q "junio de dos mil veinticuatro" "$WORK/text"
check "--text leaves no digits" sh -c "! grep -q '[0-9]' '$WORK/text'"
check "--text leaves no quotation marks" sh -c "! grep -q '[«»“”\"]' '$WORK/text'"
check "--text reads OTAN-like acronyms as words and PDC spelled" grep -q "cumbre pe de ce Rusia" "$WORK/text"
check "--text applies the lexicon (Pyongyang, Kim Jong Un)" sh -c "grep -q Piony.ng '$WORK/text' && grep -Eq '(Kim|Quim) Yong Un' '$WORK/text'"

"$LOCUTOR" --ssml "$ARTICLE" >"$WORK/ssml.xml"
check "--ssml parses as XML" xmllint --noout "$WORK/ssml.xml"
check "--ssml has speak xml:lang=es, p, s, break, prosody" sh -c "grep -q '<speak[^>]*xml:lang=\"es\"' '$WORK/ssml.xml' && grep -q '<p>' '$WORK/ssml.xml' && grep -q '<s>' '$WORK/ssml.xml' && grep -q '<break time=' '$WORK/ssml.xml' && grep -q '<prosody' '$WORK/ssml.xml'"
check "--ssml quote «sagrada» is a prosody change" grep -q '<prosody pitch="+12%">sagrada</prosody>' "$WORK/ssml.xml"
check "--ssml heading pause is 800 ms" grep -q 'ucraniano</prosody></s><break time="800ms"/>' "$WORK/ssml.xml"
words_text=$(tr -s ' \n' '\n\n' <"$WORK/text" | grep -c .)
words_ssml=$(sed -e 's/<[^>]*>/ /g' "$WORK/ssml.xml" | tr -s ' \n' '\n\n' | grep -c .)
check "--ssml and --text carry the same words ($words_ssml vs $words_text)" test "$words_text" = "$words_ssml"

# A telephone's groups: a short pause between them in the SSML, no comma in the words.
echo "Llame al 0800-222-1133 ahora." >"$WORK/phone.txt"
check "--text reads a telephone's groups without commas" \
    grep -q "cero ochocientos doscientos veintidós once treinta y tres ahora" <("$LOCUTOR" --text "$WORK/phone.txt")
check "--ssml puts a 150 ms break between a telephone's groups" \
    grep -q 'ochocientos<break time="150ms"/> doscientos veintidós<break time="150ms"/> once' <("$LOCUTOR" --ssml "$WORK/phone.txt")
printf 'hola\036mundo 5\036 6\n' >"$WORK/control.txt"
check "a control character in the text (the group pause's own) makes no break" \
    sh -c "! '$LOCUTOR' --ssml '$WORK/control.txt' | grep -q '<break time=\"150ms\"'"

cat >"$WORK/hostile.txt" <<'HOSTILE'
El archivo <audio src="/etc/passwd"> no debe leerse & nada <break time="9s"/> debe pausar.
Pepe & Juan dijeron "5 > 3" y 'hola' <speak> </speak> ]]> <!-- x --> &amp; &#60;
HOSTILE
"$LOCUTOR" --ssml "$WORK/hostile.txt" >"$WORK/hostile.xml"
check "hostile text: --ssml still parses as XML" xmllint --noout "$WORK/hostile.xml"
check "hostile text: no tag from the article survives" sh -c "! grep -q '<audio\|<break time=\"9s\"\|<!--' '$WORK/hostile.xml'"
check "hostile text: escaped as &lt; audio" grep -q "&lt; *audio src" "$WORK/hostile.xml"
"$LOCUTOR" --text "$WORK/hostile.txt" >"$WORK/hostile.text"
check "hostile text: --text keeps the words of the tag as text" grep -q 'audio' "$WORK/hostile.text"
"$LOCUTOR" -o "$WORK/hostile.wav" "$WORK/hostile.txt"
rc=$?
check "hostile text: synthesized without error (exit $rc)" test "$rc" = 0
# if "<break time=9s/>" were obeyed as markup there would be a 9 s pause
set -- $("$WAV_PAUSES" "$WORK/hostile.wav" --min-ms 2000)
check "hostile text: the tag is spoken, not obeyed ($1 $2)" test "$2" = pauses=0
finish
