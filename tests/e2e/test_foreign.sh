# test_foreign.sh - foreign names and loanwords: the approximation, --no-foreign, --lexicon over
# everything, --verbose listing each approximated word, and one Spanish voice throughout.
. "$(dirname "$0")/lib.sh"

printf 'La portavoz Megan Whitfield habló en Heathrow con el jefe de Goldman Sachs.\n' >"$WORK/names.txt"
"$LOCUTOR" --text "$WORK/names.txt" >"$WORK/names.out"
check "an unknown English name is approximated (Whitfield -> Uítfild)" grep -q "Uítfild" "$WORK/names.out"
check "a lexicon phrase is said as the lexicon says it (Goldman Sachs)" \
    sh -c "! grep -q 'Goldman Sachs' '$WORK/names.out'"
"$LOCUTOR" --text --no-foreign "$WORK/names.txt" >"$WORK/plain.out"
check "--no-foreign leaves an unknown name as written" grep -q "Whitfield" "$WORK/plain.out"
"$LOCUTOR" --text --verbose "$WORK/names.txt" >/dev/null 2>"$WORK/verbose.err"
check "--verbose lists the approximated word, its language, phonemes and reading" \
    grep -q "foreign word 'Whitfield' (en w|'I|t|f|i:|l|d) said 'Uítfild'" "$WORK/verbose.err"

printf 'Whitfield\tGuitfil\nGoldman Sachs\tGolman Sas\nJiménez\tJiménez\n' >"$WORK/mine.tsv"
"$LOCUTOR" --text --lexicon "$WORK/mine.tsv" "$WORK/names.txt" >"$WORK/mine.out"
check "--lexicon overrides the approximation" grep -q "Guitfil" "$WORK/mine.out"
check "--lexicon overrides a built-in phrase" grep -q "Golman Sas" "$WORK/mine.out"
printf 'una línea sin tabulador\n' >"$WORK/bad.tsv"
expect_error "a --lexicon file with a line without a tab" 7 "bad.tsv:1" \
    "$LOCUTOR" --text --lexicon "$WORK/bad.tsv" "$WORK/names.txt"

printf 'Jiménez, Ximena y Joaquín viajaron de Sanxenxo a Lleida y a Xochimilco.\n' >"$WORK/es.txt"
"$LOCUTOR" --text "$WORK/es.txt" >"$WORK/es.out"
check "Spanish names and places are left as written" \
    grep -qx "Jiménez, Ximena y Joaquín viajaron de Sanxenxo a Lleida y a Xochimilco." "$WORK/es.out"

# issue 13: possessives, a capital on an accented vowel, more languages, a name's language
printf '%s\n' "Compró pan en Miller's y en Hobson’s." "El físico Alistair Penhaligon habló." \
    "La empresa de Jönköping cerró." "La ministra Mette Sørensen dimitió." \
    "La jueza Anne-Sophie Delorme dictó sentencia." "El alcalde Nigel Thornbury habló." \
    "El puerto de Vlissingen y la universidad de Aarhus." >"$WORK/more.txt"
"$LOCUTOR" --text "$WORK/more.txt" >"$WORK/more.out"
check "a possessive is the name approximated and an s (Miller's -> Mílers, Hobson’s -> Jobsons)" \
    grep -q "Mílers y en Jobsons" "$WORK/more.out"
check "a capital on an accented first vowel is kept (Alistair -> Álister)" grep -q "Álister" "$WORK/more.out"
check "Swedish through the sv voice (Jönköping -> Yénshepin)" grep -q "Yénshepin" "$WORK/more.out"
check "a name's words share its language (Mette Sørensen -> Mete Sórensen)" \
    grep -q "Mete Sórensen" "$WORK/more.out"
check "hyphenated French given names (Anne-Sophie Delorme -> An Sofí Delorm)" \
    grep -q "An Sofí Delorm" "$WORK/more.out"
check "English r said where spelled, -bury (Thornbury -> Zórnberi)" grep -q "Zórnberi" "$WORK/more.out"
check "Dutch and Danish words approximated (Vlissingen, Aarhus)" \
    sh -c "! grep -q 'Vlissingen\|Aarhus' '$WORK/more.out'"

# session 10: English lends its language to the rest of a name, never to a Spanish word in it;
# Italian takes its stress from the Italian voice
printf '%s\n' "El corredor Rowan Tillotson ganó." "El portero Kevin Castaño paró." \
    "El delantero Jacopo Vitiello marcó." >"$WORK/spread.txt"
"$LOCUTOR" --text "$WORK/spread.txt" >"$WORK/spread.out"
check "an English name's surname is English (Rowan Tillotson -> Tílotson, no Spanish ll)" \
    grep -q "Tílotson" "$WORK/spread.out"
check "a Spanish surname after an English given name stays Spanish (Kevin Castaño)" \
    grep -q "Castaño paró" "$WORK/spread.out"
check "an Italian esdrújula from the Italian voice (Jacopo -> Yácopo)" \
    grep -q "Yácopo" "$WORK/spread.out"

# a Spanish noun at the head of a name never takes the name's language (spanish-common-words.tsv)
printf '%s\n' "Estudió en la Universidad Howard." "La muestra llega al Museo Whitworth." \
    "Ganó el Premio Grammy." >"$WORK/heads.txt"
"$LOCUTOR" --text "$WORK/heads.txt" >"$WORK/heads.out"
check "Spanish nouns before foreign names stay Spanish (Universidad Jáuard, Museo Uítuorz, Premio Grámi)" \
    grep -q "Universidad Jáuard.*Museo Uítuorz.*Premio Grámi" <(tr '\n' ' ' <"$WORK/heads.out")

# one Spanish voice: the SSML sent to espeak-ng never switches language
"$LOCUTOR" --ssml "$WORK/names.txt" >"$WORK/names.ssml"
check "the SSML has no other language (xml:lang only es)" \
    sh -c "! grep -o 'xml:lang=\"[^\"]*\"' '$WORK/names.ssml' | grep -vq '\"es'"
"$LOCUTOR" --loudness off -o "$WORK/names.wav" "$WORK/names.txt"
check "the sentence with foreign names is spoken (over 3 s of audio)" \
    fcmp "$(duration "$WORK/names.wav") > 3"
finish
