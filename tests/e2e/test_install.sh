# test_install.sh - an installed locutor reads its own data with the source and build trees
# out of reach, and again after its prefix moves; LOCUTOR_DATA_DIR wins when set.
. "$(dirname "$0")/lib.sh"
BUILD=$(cd "$(dirname "$LOCUTOR")" && pwd)
LOCUTOR=$BUILD/$(basename "$LOCUTOR")
SRC=$(cd "$SRC" && pwd)
ARTICLE=$SRC/articles/corea-del-norte-rusia.txt
cd "$WORK" || exit 1
echo "El 21 de marzo la OTAN pagó 3,5 millones de dólares al Sr. Kim." >in.txt
cp "$ARTICLE" article.txt
"$LOCUTOR" --text article.txt >article.expected

# the build's install_manifest.txt lists a real install (README "Install"): kept as it was
manifest=$BUILD/install_manifest.txt
restore_manifest() { if [ -e manifest.saved ]; then cp -p manifest.saved "$manifest"; else rm -f "$manifest"; fi; }
[ -e "$manifest" ] && cp -p "$manifest" manifest.saved
if ! cmake --install "$BUILD" --prefix "$WORK/prefix" >install.log 2>&1; then
    restore_manifest
    fail "cmake --install: $(tail -n 3 install.log)"
    finish
    exit
fi
check "installed: bin/locutor" test -x prefix/bin/locutor
check "installed: share/locutor/voices/es/letters.tsv" test -f prefix/share/locutor/voices/es/letters.tsv
check "installed: share/doc/locutor/README.md" test -f prefix/share/doc/locutor/README.md
check "installed data: only the .tsv tables" test -z "$(find prefix/share/locutor -type f ! -name '*.tsv')"
check "install_manifest.txt lists every installed file" \
    test "$(grep -c . "$manifest")" = "$(find prefix -type f | wc -l)"
restore_manifest

# hidden PROGRAM ARGS...: runs an installed program where the build and source trees are empty
# folders (a private mount namespace), without LOCUTOR_DATA_DIR.
hidden() {
    unshare --mount --propagation private sh -c '
        mount -t tmpfs none "$1" && mount -t tmpfs none "$2" || exit 98
        test -e "$2/voices/es/letters.tsv" && exit 99
        shift 2
        exec env -u LOCUTOR_DATA_DIR "$@"' sh "$BUILD" "$SRC" "$@"
}
if ! unshare --mount --propagation private true 2>unshare.err; then
    fail "unshare --mount is not permitted here ($(cat unshare.err)): this test hides the source and build trees in a mount namespace and needs root with CAP_SYS_ADMIN"
    finish
    exit
fi

# runs PREFIX LABEL: the installed program speaks and normalizes with its own data.
runs() {
    local prefix=$1 label=$2 rc
    hidden "$prefix/bin/locutor" -o "$label.wav" in.txt 2>"$label.err"
    rc=$?
    check "$label: exit 0 with source and build trees hidden (got $rc: $(head -c 300 "$label.err"))" test "$rc" = 0
    local speech
    speech=$("$WAV_PAUSES" "$label.wav" 2>/dev/null | sed -n 's/.*speech_s=\([0-9.]*\).*/\1/p')
    check "$label: WAV with ${speech:-no} s of speech" fcmp "${speech:-0} > 2"
    hidden "$prefix/bin/locutor" --text in.txt >"$label.txt" 2>>"$label.err"
    check "$label: the data normalizes the sample sentence ($(cat "$label.txt"))" \
        grep -q "El veintiuno de marzo la otan pagó tres coma cinco millones de dólares al señor Kim" "$label.txt"
    hidden "$prefix/bin/locutor" --text article.txt >"$label.article" 2>>"$label.err"
    check "$label: the sample article reads as from the build tree" cmp -s "$label.article" article.expected
}
runs "$WORK/prefix" installed
mkdir -p moved/elsewhere && mv prefix moved/elsewhere/opt
runs "$WORK/moved/elsewhere/opt" moved

mkdir empty
expect_error "LOCUTOR_DATA_DIR wins, an empty folder is named" 7 "$WORK/empty/es/letters.tsv" \
    env LOCUTOR_DATA_DIR="$WORK/empty" moved/elsewhere/opt/bin/locutor --text in.txt
finish
