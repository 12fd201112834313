# lib.sh - shared helpers for the end-to-end tests: sourced, never run alone.
# Each test is run by ctest as: bash test_x.sh PATH/TO/locutor SOURCE_DIR
set -u
LOCUTOR=$1
SRC=$2
ARTICLE=$SRC/articles/corea-del-norte-rusia.txt
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
PASSED=0
FAILED=0

pass() { PASSED=$((PASSED + 1)); echo "ok: $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL: $*"; }
check() { # check "description" command...
    local what=$1; shift
    if "$@"; then pass "$what"; else fail "$what"; fi
}
# expect_error "description" EXIT_CODE PATTERN command... : exit code, one stderr line naming PATTERN
expect_error() {
    local what=$1 code=$2 pattern=$3; shift 3
    "$@" >"$WORK/out" 2>"$WORK/err" </dev/null
    local rc=$? lines
    lines=$(grep -vc '^Try ' "$WORK/err")
    if [ "$rc" = "$code" ] && [ "$lines" = 1 ] && grep -q -- "$pattern" "$WORK/err"; then
        pass "$what (exit $rc: $(head -n1 "$WORK/err"))"
    else
        fail "$what: exit $rc (want $code), stderr: $(cat "$WORK/err")"
    fi
}
# float comparison: fcmp "1.2 < 3"
fcmp() { awk "BEGIN { exit !($1) }"; }
duration() { ffprobe -v error -show_entries format=duration -of csv=p=0 "$1" 2>/dev/null; }
finish() {
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" = 0 ]
}
