#!/bin/sh
# run-all.sh BUILD: runs every test suite against the binaries in BUILD and ends with
# one line "N passed, M failed"; exits non-zero on any failure.
BUILD=${1:-build}
cd "$(dirname "$0")/.." || exit 2
# Tests play scenarios, and every attempt goes to a training record: keep those records in
# a folder of their own, never the developer's ~/.local/share/defuse.
DEFUSE_DATA_DIR=$(mktemp -d)
export DEFUSE_DATA_DIR
trap 'rm -rf "$DEFUSE_DATA_DIR"' EXIT
pass=0
failn=0
failed=""
run() { # name command...
    name=$1
    shift
    log="$BUILD/test-logs/$name.log"
    mkdir -p "$BUILD/test-logs"
    if "$@" >"$log" 2>&1; then
        pass=$((pass + 1))
        echo "ok    $name"
    else
        failn=$((failn + 1))
        failed="$failed $name"
        echo "FAIL  $name (log: $log)"
        tail -n 25 "$log" | sed 's/^/      /'
    fi
}
run check-layers ./tools/check-layers.sh
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    run "$(basename "$t")" "$t"
done
for t in tests/e2e/*.sh; do
    [ "$(basename "$t")" = lib.sh ] && continue
    run "e2e-$(basename "$t" .sh)" sh "$t" "$BUILD/defuse"
done
run check-bundled "$BUILD/defuse" check --werror --quiet scenarios scenarios/modules docs/examples
run scenario-tests "$BUILD/defuse" test --quiet scenarios docs/examples
run golden ./tests/golden.sh check "$BUILD/defuse"
if command -v clang >/dev/null 2>&1; then run fuzz-smoke ./tests/fuzz/fuzz.sh smoke "$BUILD"; else echo "skip  fuzz-smoke (skipped: clang not installed)"; fi
run docs ./tools/gen-docs.sh check "$BUILD/defuse"
echo "$pass passed, $failn failed"
[ $failn -eq 0 ]
