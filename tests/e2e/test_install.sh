# test_install.sh - an installed locutor reads its own data with the source and build trees
# out of reach, and again after its prefix moves; LOCUTOR_DATA_DIR wins when set. The installed
# liblocutor (header, shared and static library, pkg-config file) builds examples/normalize.c
# and examples/speak.c with `cc $(pkg-config --cflags --libs locutor)`, and they run on the
# installed data alone.
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
check "installed data: only the .tsv tables" test -z "$(find prefix/share/locutor/voices -type f ! -name '*.tsv')"
check "installed: lib/speech-dispatcher-modules/sd_locutor" test -x prefix/lib/speech-dispatcher-modules/sd_locutor
check "installed: share/locutor/speech-dispatcher/locutor.conf and clients-locutor.conf" \
    test -f prefix/share/locutor/speech-dispatcher/locutor.conf -a -f prefix/share/locutor/speech-dispatcher/clients-locutor.conf
check "install_manifest.txt lists every installed file" \
    test "$(grep -c . "$manifest")" = "$(find prefix ! -type d | wc -l)"
check "installed: include/locutor.h" test -f prefix/include/locutor.h
check "installed: lib/liblocutor.so.1 (SONAME liblocutor.so.1)" \
    sh -c "readelf -d prefix/lib/liblocutor.so.1 | grep -q 'SONAME.*liblocutor.so.1'"
check "installed: lib/liblocutor.so, a link for the linker" test -L prefix/lib/liblocutor.so
check "installed: lib/liblocutor.a" test -f prefix/lib/liblocutor.a
check "installed: lib/pkgconfig/locutor.pc" test -f prefix/lib/pkgconfig/locutor.pc
check "installed: share/man/man1/locutor.1" test -f prefix/share/man/man1/locutor.1
exported=$(nm -D --defined-only prefix/lib/liblocutor.so.1 | awk '$2 == "T" {print $3}')
check "liblocutor.so exports the API only ($(echo "$exported" | grep -vc '^locutor_') others)" \
    test -z "$(echo "$exported" | grep -v '^locutor_')"
check "liblocutor.so exports locutor_normalize and locutor_speak" \
    sh -c "echo '$exported' | grep -q '^locutor_normalize@' && echo '$exported' | grep -q '^locutor_speak@'"
restore_manifest

# the examples, compiled as a user would against the installed library (its rpath from locutor.pc). Not in the sanitized
# build: its liblocutor.so expects clang's ASan/UBSan runtime and the fuzzer's coverage hooks from
# the program, which a plain `cc` example does not have (the plain stage builds and runs them).
examples=yes
if [ -n "${LOCUTOR_SANITIZED:-}" ]; then
    examples=
    echo "skip: examples against a sanitized liblocutor"
else
    export PKG_CONFIG_PATH=$WORK/prefix/lib/pkgconfig
    flags=$(pkg-config --cflags --libs locutor)
    check "pkg-config --cflags --libs locutor: $flags" test -n "$flags"
    # shellcheck disable=SC2086 # the flags are words
    cc -o normalize "$SRC/examples/normalize.c" $flags 2>cc.err
    check "examples/normalize.c builds with cc \$(pkg-config --cflags --libs locutor) ($(head -c 300 cc.err))" test -x normalize
    # shellcheck disable=SC2086
    cc -o speak "$SRC/examples/speak.c" $flags 2>>cc.err
    check "examples/speak.c builds ($(head -c 300 cc.err))" test -x speak
    # shellcheck disable=SC2086
    cc -o normalize-static "$SRC/examples/normalize.c" -I"$WORK/prefix/include" prefix/lib/liblocutor.a \
        $(pkg-config --libs espeak-ng libutf8proc libxml-2.0) -lm 2>>cc.err
    check "examples/normalize.c links with the static liblocutor.a" test -x normalize-static
fi

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
# the installed speech-dispatcher module: finds liblocutor.so.1 ($ORIGIN RPATH) and its data
sd_session() { printf 'INIT\nSET\npunctuation_mode=most\n.\nSPEAK\n<speak>Pagaron 1.500 euros (hoy).</speak>\n.\n'; sleep 3; printf 'QUIT\n'; }
sd_session | hidden env LOCUTOR_SD_TRACE="$WORK/sd.trace" prefix/lib/speech-dispatcher-modules/sd_locutor \
    prefix/share/locutor/speech-dispatcher/locutor.conf >sd.out 2>sd.err
check "installed sd_locutor: INIT 299 with the trees hidden ($(head -c 300 sd.err))" grep -q "^299 OK LOADED SUCCESSFULLY" sd.out
check "installed sd_locutor: speaks to 702 END, 210 OK QUIT" sh -c 'grep -aq "^702 END" sd.out && grep -aq "^210 OK QUIT" sd.out'
check "installed sd_locutor: normalizes and names punctuation with the installed data ($(cat sd.trace))" \
    grep -q "mil quinientos euros abre paréntesis" sd.trace
if [ -n "$examples" ]; then
    echo "Murieron 21 personas el 21/03/2024." >murieron.txt
    hidden ./normalize <murieron.txt >normalize.out 2>normalize.err
    check "examples/normalize: the issue's sentence on the installed data ($(cat normalize.out normalize.err))" \
        test "$(cat normalize.out)" = "Murieron veintiuna personas el veintiuno de marzo de dos mil veinticuatro."
    hidden ./normalize <article.txt >normalize.article 2>>normalize.err
    check "examples/normalize: the sample article as locutor --text reads it" cmp -s normalize.article article.expected
    hidden ./speak speak.wav <in.txt >/dev/null 2>speak.err
    speech=$("$WAV_PAUSES" speak.wav 2>/dev/null | sed -n 's/.*speech_s=\([0-9.]*\).*/\1/p')
    check "examples/speak: a WAV with ${speech:-no} s of speech ($(head -c 200 speak.err))" fcmp "${speech:-0} > 2"
    check "examples/speak: one sentence event at 0 s, at bytes 0-65" grep -q "0.00 s  sentence at bytes 0-65" speak.err
fi
mkdir -p moved/elsewhere && mv prefix moved/elsewhere/opt
runs "$WORK/moved/elsewhere/opt" moved

mkdir empty
expect_error "LOCUTOR_DATA_DIR wins, an empty folder is named" 7 "$WORK/empty/es/letters.tsv" \
    env LOCUTOR_DATA_DIR="$WORK/empty" moved/elsewhere/opt/bin/locutor --text in.txt
finish
