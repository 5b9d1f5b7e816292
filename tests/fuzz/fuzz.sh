#!/bin/sh
# fuzz.sh MODE [FUZZ_BUILD]: runs the libFuzzer harnesses of tests/fuzz (docs/reliability.md).
#   run    fuzzes each harness for FUZZ_SECONDS (default 60), starting from its corpus in
#          tests/fuzz/corpus/NAME; new inputs go to FUZZ_BUILD/corpus/NAME, crashes to
#          FUZZ_BUILD/artifacts/NAME/ (make fuzz builds first).
#   smoke  builds the harnesses (make fuzz-build), replays every file of each corpus (the
#          crash regressions are there too) and fuzzes FUZZ_SMOKE_SECONDS (default 5) more;
#          make test runs it. FUZZ_BUILD is then BUILD/fuzz, given as BUILD.
# FUZZ_TARGETS (names) picks harnesses; FUZZ_RSS_MB (2048) and FUZZ_ARGS go to libFuzzer.
# One process per harness (no -jobs): the machine is shared. Exits non-zero on any crash.
mode=${1:-run}
cd "$(dirname "$0")/../.." || exit 2
case $mode in
smoke)
    BUILD=${2:-build}
    FB=$BUILD/fuzz
    if ! command -v "${FUZZ_CC:-clang}" >/dev/null 2>&1; then
        echo "skipped: clang not installed"
        exit 0
    fi
    make --no-print-directory -s fuzz-build BUILD="$BUILD" >"${TMPDIR:-/tmp}/fuzz-build.$$" 2>&1 || {
        cat "${TMPDIR:-/tmp}/fuzz-build.$$"
        rm -f "${TMPDIR:-/tmp}/fuzz-build.$$"
        echo "fuzz: the harnesses did not build"
        exit 1
    }
    rm -f "${TMPDIR:-/tmp}/fuzz-build.$$"
    seconds=${FUZZ_SMOKE_SECONDS:-5}
    ;;
run)
    FB=${2:-build/fuzz}
    seconds=${FUZZ_SECONDS:-60}
    ;;
*)
    echo "usage: fuzz.sh run|smoke [DIR]" >&2
    exit 2
    ;;
esac
targets=${FUZZ_TARGETS:-$(ls tests/fuzz/fuzz_*.c | sed 's|.*/fuzz_||; s|\.c$||')}
rss=${FUZZ_RSS_MB:-2048}
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0:symbolize=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
failed=0
for t in $targets; do
    bin=$FB/fuzz_$t
    seeds=tests/fuzz/corpus/$t
    # the live bundled files seed the loaders too (read, never written): no copies to drift
    case $t in
    scenario) seeds="$seeds scenarios docs/examples" ;;
    module) seeds="$seeds scenarios/modules" ;;
    esac
    [ -x "$bin" ] || { echo "fuzz: $bin is missing (make fuzz-build)"; failed=1; continue; }
    mkdir -p "$FB/artifacts/$t" "$FB/logs"
    if [ "$mode" = smoke ]; then
        work=$(mktemp -d "${TMPDIR:-/tmp}/fuzz-smoke.XXXXXX")
    else
        work=$FB/corpus/$t
        mkdir -p "$work"
    fi
    dict=""
    [ -f "tests/fuzz/$t.dict" ] && dict="-dict=tests/fuzz/$t.dict"
    log=$FB/logs/$t.log
    start=$(date +%s)
    # shellcheck disable=SC2086
    "$bin" "$work" $seeds $dict -max_total_time="$seconds" -rss_limit_mb="$rss" -timeout=30 \
        -artifact_prefix="$FB/artifacts/$t/" -print_final_stats=1 ${FUZZ_ARGS:-} >"$log" 2>&1
    rc=$?
    took=$(($(date +%s) - start))
    [ "$mode" = smoke ] && rm -rf "$work"
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -a -E '^#[0-9]+' "$log" | tail -n 1 | sed -n 's/.*cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\).*/cov \1, ft \2, corpus \3/p')
    if [ $rc -eq 0 ]; then
        echo "fuzz $t: ok, ${took}s, ${execs:-?} runs, ${cov:-?}"
    else
        failed=1
        echo "fuzz $t: FAILED (exit $rc) after ${took}s; log: $log"
        grep -a -E 'ERROR: |SUMMARY: |fuzz invariant|Test unit written to|runtime error' "$log" | head -n 8 | sed 's/^/    /'
        grep -a -E '^ +#[0-9]+ ' "$log" | head -n 12 | sed 's/^/    /'
    fi
done
exit $failed
