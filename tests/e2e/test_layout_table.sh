# test_layout_table.sh - README.md's layout table is what scripts/layout-table makes of the tree:
# every source file has its row, and a file added without one is caught.
. "$(dirname "$0")/lib.sh"
SRC=$(cd "$SRC" && pwd)
cd "$WORK" || exit 1

# 1. the README's table (between the markers) is the script's output, line for line
python3 "$SRC/scripts/layout-table" --check "$SRC" >table.diff 2>table.err
rc=$?
if [ $rc = 0 ]; then
    pass "README.md's layout table is up to date"
else
    fail "README.md's layout table is out of date (exit $rc): $(cat table.err)
$(head -n 20 table.diff)"
fi
sed -n '/^<!-- layout:begin -->$/,/^<!-- layout:end -->$/p' "$SRC/README.md" | sed '1d;$d' >readme.md
check "README.md has the <!-- layout:begin --> ... <!-- layout:end --> table" test -s readme.md

# 2. every C file of src/ (and include/, examples/ when they exist) is named in that table
(cd "$SRC" && find src include examples -name '*.[ch]' 2>/dev/null) | sed 's|.*/||' | sort -u >files.txt
grep -oE '`[^`]+\.[ch]`' readme.md | tr -d '`' | sed 's|.*/||' | sort -u >rows.txt
missing=$(comm -23 files.txt rows.txt | paste -sd ' ')
check "every source file has a row${missing:+; no row: $missing}" test -z "$missing"

# 3. on a copy of the tree, a new file without a row is caught, and --update adds it
mkdir tree && cp -r "$SRC/src" "$SRC/scripts" "$SRC/README.md" tree/
for d in include examples bench doc; do [ -d "$SRC/$d" ] && cp -r "$SRC/$d" tree/; done
for d in voices articles "$SRC"/tests/*/; do
    [ -d "$SRC/${d#"$SRC/"}" ] && mkdir -p "tree/${d#"$SRC/"}"
done
printf '/* newpart.h - a part added without its row. */\n' >tree/src/read/newpart.h
python3 tree/scripts/layout-table --check tree >check.out 2>&1
rc=$?
check "--check fails when src/read/newpart.h has no row (exit $rc)" test $rc = 1
check "... and shows the missing row" grep -q 'newpart\.h.*a part added without its row' check.out
python3 tree/scripts/layout-table --update tree
check "--update adds its row" grep -q '^| `newpart.h` | a part added without its row. |$' tree/README.md
printf 'int newer;\n' >tree/src/read/newer.c
python3 tree/scripts/layout-table tree >/dev/null 2>err.txt
rc=$?
check "a file without a purpose comment is an error naming it (exit $rc: $(cat err.txt))" \
    grep -q 'src/read/newer.c: no purpose comment' err.txt
finish
