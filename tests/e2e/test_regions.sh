# test_regions.sh - regional conventions (--region and per-article inference), and text that no
# rule can say is read anyway: never a failed run.
. "$(dirname "$0")/lib.sh"

# --- text no rule can say: exit 0, audio written, a --verbose note
big=123456789012345678901234567890
printf 'Las mínimas bajarán a 0º en Burgos.\nEs la 0ª vez y la 0.ª edición.\nPesa %s kg, cuesta %s € y sube %s %%.\n' \
    "$big" "$big" "$big" >"$WORK/odd.txt"
"$LOCUTOR" --loudness off -o "$WORK/odd.wav" "$WORK/odd.txt" 2>"$WORK/odd.err"
rc=$?
check "0º, 0ª, 0.ª and 30-digit amounts: exit 0 (got $rc: $(head -c 200 "$WORK/odd.err"))" test "$rc" = 0
check "... and the audio is written (over 5 s)" fcmp "$(duration "$WORK/odd.wav") > 5"
"$LOCUTOR" --text "$WORK/odd.txt" >"$WORK/odd.text"
check "0º after a temperature word is cero grados" grep -q "a cero grados en Burgos" "$WORK/odd.text"
check "a 30-digit weight is read digit by digit, then kilos" \
    grep -q "ocho nueve cero kilos" "$WORK/odd.text"
check "a 30-digit amount of euros ends in euros" grep -q "nueve cero euros" "$WORK/odd.text"
check "a 30-digit percentage ends in por ciento" grep -q "nueve cero por ciento" "$WORK/odd.text"
"$LOCUTOR" --verbose --text "$WORK/odd.txt" >/dev/null 2>"$WORK/odd.verbose"
check "--verbose says which tokens were read digit by digit" \
    grep -q "MEASURE '$big kg' cannot be said as one" "$WORK/odd.verbose"

# --- --region and its errors
expect_error "--region with an unknown code" 2 "xx-YY" "$LOCUTOR" --region xx-YY --text "$ARTICLE"
"$LOCUTOR" --list-regions >"$WORK/regions"
check "--list-regions lists Spain first and Mexico's pesos" \
    sh -c "head -n1 '$WORK/regions' | grep -q '^es-ES' && grep -q '^es-MX.*point.*pesos.*primero' '$WORK/regions'"
echo 'El 1 de enero subió a 1.500 pesos.' >"$WORK/one.txt"
check "--region es-ES: uno de enero" sh -c "'$LOCUTOR' --region es-ES --text '$WORK/one.txt' | grep -q 'El uno de enero'"
check "--region es-MX: primero de enero" sh -c "'$LOCUTOR' --region es-MX --text '$WORK/one.txt' | grep -q 'El primero de enero'"
echo 'El dólar se vendió en 17.235.' >"$WORK/rate.txt"
check "--region es-MX: 17.235 is a decimal (punto)" \
    sh -c "'$LOCUTOR' --region es-MX --text '$WORK/rate.txt' | grep -q 'diecisiete punto doscientos treinta y cinco'"
check "--region es-AR: 17.235 is thousands" \
    sh -c "'$LOCUTOR' --region es-AR --text '$WORK/rate.txt' | grep -q 'diecisiete mil doscientos treinta y cinco'"

# --- inference: a Mexican article read without --region reads like one read with es-MX
cat >"$WORK/mx.txt" <<'MX'
CIUDAD DE MÉXICO (EFE).- La inflación anual se ubicó en 4.8 % en octubre, informó el Inegi.
El peso cerró en 19.235 por dólar y la Bolsa subió 1.2 %.
Las remesas sumaron 5,400 millones de dólares y el Gobierno destinó $1,500 millones a obras.
El programa arrancará el 1 de enero con 1,250 beneficiarios.
MX
"$LOCUTOR" --text "$WORK/mx.txt" >"$WORK/mx.guess"
"$LOCUTOR" --region es-MX --text "$WORK/mx.txt" >"$WORK/mx.forced"
check "a Mexican article without --region reads like --region es-MX" cmp -s "$WORK/mx.guess" "$WORK/mx.forced"
check "... 19.235 said as a decimal with punto" grep -q "diecinueve punto doscientos treinta y cinco" "$WORK/mx.guess"
check "... \$1,500 millones is pesos" grep -q "mil quinientos millones de pesos" "$WORK/mx.guess"
check "... primero de enero" grep -q "el primero de enero" "$WORK/mx.guess"
"$LOCUTOR" --verbose --text "$WORK/mx.txt" 2>"$WORK/mx.verbose" >/dev/null
check "--verbose names the region and why" grep -q "region es-MX, decimal point (4.8" "$WORK/mx.verbose"

# a Spanish article: the same ambiguous number reads as thousands, uno de enero
cat >"$WORK/es.txt" <<'ES'
MADRID (EFE).- El paro bajó un 3,5 % y la afiliación sumó 1.500.000 personas, según el Ministerio.
El programa arrancará el 1 de enero con 1.250 beneficiarios.
ES
"$LOCUTOR" --text "$WORK/es.txt" >"$WORK/es.guess"
check "a Spanish article: uno de enero, mil doscientos cincuenta" \
    sh -c "grep -q 'el uno de enero con mil doscientos cincuenta' '$WORK/es.guess'"

# a page's declared language decides when its text shows nothing
cat >"$WORK/page.html" <<'HTML'
<html lang="es-MX"><head><title>x</title></head><body><article>
<p>El precio del boleto será de $15 a partir del 1 de enero.</p></article></body></html>
HTML
"$LOCUTOR" --text "$WORK/page.html" >"$WORK/page.text"
check "lang=es-MX on a page: \$15 is pesos, primero de enero" \
    sh -c "grep -q 'quince pesos a partir del primero de enero' '$WORK/page.text'"
finish
