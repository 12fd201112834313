# test_manpage.sh - doc/locutor.1 renders without a warning, documents every long option and
# exit status `locutor --help` prints (and no option it does not), and is installed.
. "$(dirname "$0")/lib.sh"
BUILD=$(cd "$(dirname "$LOCUTOR")" && pwd)
LOCUTOR=$BUILD/$(basename "$LOCUTOR")
SRC=$(cd "$SRC" && pwd)
MAN=$SRC/doc/locutor.1
cd "$WORK" || exit 1

if ! command -v groff >/dev/null; then
    fail "groff is missing (Debian: groff-base; scripts/setup installs it)"
    finish
    exit
fi
check "doc/locutor.1 exists" test -s "$MAN"

# 1. rendered with every groff warning on: nothing on standard error
groff -man -ww -z "$MAN" 2>groff.err
check "groff -man -ww renders it without a warning$(sed -n '1s/^/: /p' groff.err)" test ! -s groff.err
if command -v man >/dev/null; then
    LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$MAN" >man.txt 2>man.err
    check "man --warnings -l renders it without a warning$(sed -n '1s/^/: /p' man.err)" \
        test ! -s man.err -a -s man.txt
fi

# 2. the long options: every one --help names is an entry of the man page (a line after .TP)
timeout -s KILL 20 "$LOCUTOR" --help >help.txt 2>&1
check "locutor --help exits 0" test $? = 0
grep -oE -- '--[a-z][a-z0-9-]*' help.txt | sort -u >help.opts
# the .TP entries' heading lines, roff escapes undone: \- -> -, \fB \fR \fI \fP \% \& dropped
awk 'tp { print; tp = 0 } /^\.TP/ { tp = 1 }' "$MAN" |
    sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\[%&]//g' |
    grep -oE -- '--[a-z][a-z0-9-]*' | sort -u >man.opts
check "--help names options ($(wc -l <help.opts))" test -s help.opts
missing=$(comm -23 help.opts man.opts | paste -sd ' ')
check "every long option of --help is documented in doc/locutor.1${missing:+; missing: $missing}" \
    test -z "$missing"
extra=$(comm -13 help.opts man.opts | paste -sd ' ')
check "doc/locutor.1 documents no option --help lacks${extra:+; not in --help: $extra}" test -z "$extra"

# 3. the exit statuses of --help's table are entries of EXIT STATUS
sed -n '/^Exit status:/,/^$/p' help.txt | grep -oE '^  [0-9]+' | tr -d ' ' | sort -u >help.codes
awk '/^\.SH/ { in_exit = /EXIT STATUS/ } in_exit && tp { print; tp = 0 } in_exit && /^\.TP/ { tp = 1 }' "$MAN" |
    grep -oE '^\.B [0-9]+$' | cut -c4- | sort -u >man.codes
check "--help lists exit statuses ($(wc -l <help.codes))" test -s help.codes
codes=$(comm -23 help.codes man.codes | paste -sd ' ')
check "every exit status of --help is in EXIT STATUS${codes:+; missing: $codes}" test -z "$codes"

# 4. the environment and files the program reads
for word in LOCUTOR_DATA_DIR TMPDIR XDG_STATE_HOME share/locutor/voices locutor/position; do
    check "doc/locutor.1 names $word" grep -q -- "$word" "$MAN"
done

# 5. cmake --install puts it in share/man/man1 (the man component alone: the build's
#    install_manifest.txt, which test_install.sh checks, is left alone)
if cmake --install "$BUILD" --component man --prefix "$WORK/prefix" >install.log 2>&1; then
    check "installed: share/man/man1/locutor.1" cmp -s "$MAN" prefix/share/man/man1/locutor.1
else
    fail "cmake --install --component man: $(tail -n 3 install.log)"
fi
finish
