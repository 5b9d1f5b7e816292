# lib.sh: helpers for the end-to-end shell tests (sourced).
set -u
BIN=${1:?usage: test.sh path/to/defuse}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export DEFUSE_SCENARIOS="$PWD/scenarios"
export NO_COLOR=1
export DEFUSE_DATA_DIR="$T/data" # attempts and session summaries of this test only
FAILS=0
CASES=0

# expect NAME STATUS PATTERN -- command...: runs with a time limit (20 s, or
# $DEFUSE_TEST_TIMEOUT: make asan raises it, as sanitised builds run ten times slower), checks the exit status
# and that stdout+stderr match the extended regex PATTERN (empty: no check).
expect() {
    name=$1 want=$2 pat=$3
    shift 4
    CASES=$((CASES + 1))
    timeout "${DEFUSE_TEST_TIMEOUT:-20}" "$@" >"$T/out" 2>&1 </dev/null
    got=$?
    if [ "$got" -ne "$want" ]; then
        echo "FAIL $name: exit $got, expected $want"; sed 's/^/  | /' "$T/out" | head -20
        FAILS=$((FAILS + 1)); return
    fi
    if [ -n "$pat" ] && ! grep -Eq -- "$pat" "$T/out"; then
        echo "FAIL $name: output does not match /$pat/"; sed 's/^/  | /' "$T/out" | head -20
        FAILS=$((FAILS + 1)); return
    fi
    echo "ok   $name"
}

# expect_in NAME STATUS PATTERN INPUT -- command...: the same with INPUT on stdin.
expect_in() {
    name=$1 want=$2 pat=$3 input=$4
    shift 5
    CASES=$((CASES + 1))
    printf '%b' "$input" | timeout "${DEFUSE_TEST_TIMEOUT:-20}" "$@" >"$T/out" 2>&1
    got=$?
    if [ "$got" -ne "$want" ] || { [ -n "$pat" ] && ! grep -Eq -- "$pat" "$T/out"; }; then
        echo "FAIL $name: exit $got (expected $want) or output not matching /$pat/"
        sed 's/^/  | /' "$T/out" | tail -20
        FAILS=$((FAILS + 1)); return
    fi
    echo "ok   $name"
}

# start_xvfb WxH: a virtual X display of that size for the window tests; sets DISPLAY and
# stops the server on exit. Exits the test when Xvfb, xdotool or xwd is missing.
start_xvfb() {
    for tool in Xvfb xdotool xwd; do
        command -v $tool >/dev/null || { echo "FAIL $tool is missing (make deps installs it)"; exit 1; }
    done
    Xvfb -displayfd 3 -screen 0 "$1x24" -nolisten tcp 3>"$T/dnum" 2>"$T/xvfb.log" &
    XPID=$!
    i=0
    while [ ! -s "$T/dnum" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    export DISPLAY=":$(cat "$T/dnum")"
    trap 'kill $XPID 2>/dev/null; rm -rf "$T"' EXIT
}

finish() {
    echo "$CASES cases, $FAILS failed"
    [ "$FAILS" -eq 0 ]
}
