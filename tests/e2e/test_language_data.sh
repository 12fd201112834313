#!/usr/bin/env bash
# test_language_data.sh - the number speller's words (numbers.tsv) and the endings and letter
# pairs of the word rules (morphology.tsv) are data: a changed row changes what locutor says, a
# missing or unknown one is a data error (exit 7) naming the file.
source "$(dirname "$0")/lib.sh"
cd "$WORK" || exit 1
printf 'Llegaron 77 personas y 21 resultaron heridas. Ayer la empresa TRAMA vendió 300 ha sembrado. Es el 3.er puesto.\n' >in.txt
cp -r "$SRC/voices" own
said() { LOCUTOR_DATA_DIR=own "$LOCUTOR" --text in.txt; }
check "the built-in data reads it" sh -c "'$LOCUTOR' --text in.txt | grep -qx 'Llegaron setenta y siete personas y veintiuna resultaron heridas. Ayer la empresa trama vendió trescientos ha sembrado. Es el tercer puesto.'"

# numbers.tsv: the speller says the words of its rows
sed -i 's/^cardinal:7\tsiete$/cardinal:7\tsete/; s/^ordinal:3\ttercero\tapocope=tercer$/ordinal:3\tterzo\tapocope=terz/' own/es/numbers.tsv
check "cardinals and ordinals come from numbers.tsv" sh -c "LOCUTOR_DATA_DIR=own '$LOCUTOR' --text in.txt | grep -q 'setenta y sete personas.*el terz puesto'"

# morphology.tsv: verb endings, participle endings and syllable onsets
sed -i '/^aron\t/d; /^ado\t/d; /^tr\t/d' own/es/morphology.tsv
out=$(said)
check "verb endings come from morphology.tsv (resultaron counted as a noun without -aron)" grep -q 'veintiún resultaron' <<<"$out"
check "participle endings come from morphology.tsv (ha is hectáreas without -ado)" grep -q 'trescientas hectáreas sembrado' <<<"$out"
check "syllable onsets come from morphology.tsv (TRAMA spelled without tr)" grep -q 'te erre a eme a' <<<"$out"

# errors: one line naming the file, exit 7
sed -i 's/^ión\tión\trole=noun-fem$/ión\tión\trole=noun-femenine/' own/es/morphology.tsv
expect_error "an unknown role in morphology.tsv is a data error" 7 'morphology.tsv: ión: unknown role "noun-femenine"' env LOCUTOR_DATA_DIR=own "$LOCUTOR" --text in.txt
cp "$SRC/voices/es/morphology.tsv" own/es/
printf 'pla\tpla\trole=onset\n' >>own/es/morphology.tsv
expect_error "an onset of three letters is a data error" 7 'morphology.tsv: pla: an onset is two letters' env LOCUTOR_DATA_DIR=own "$LOCUTOR" --text in.txt
cp "$SRC/voices/es/morphology.tsv" own/es/
sed -i '/^cardinal:40\t/d' own/es/numbers.tsv
expect_error "a missing numbers.tsv row is a data error" 7 'numbers.tsv: no cardinal:40 row' env LOCUTOR_DATA_DIR=own "$LOCUTOR" --text in.txt
cp "$SRC/voices/es/numbers.tsv" own/es/
printf 'cardinal:31\ttreinta y uno\n' >>own/es/numbers.tsv
expect_error "a numbers.tsv row the speller does not read is a data error" 7 'numbers.tsv: 1 row(s) the speller does not read' env LOCUTOR_DATA_DIR=own "$LOCUTOR" --text in.txt
finish
