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

# Every command runs under a time limit, and a hang fails the test naming the command:
# LIMIT seconds ($DEFUSE_TEST_TIMEOUT: 20, make asan raises it as sanitised builds run ten
# times slower). $BIN is a wrapper that runs defuse under `timeout` (so a direct "$BIN"
# call, a background one, or one in sh -c is bounded too; a signal sent to the wrapper
# reaches defuse); a timed-out command is written to $T/timeouts, reported by finish.
LIMIT=${DEFUSE_TEST_TIMEOUT:-20}
REAL_BIN=$BIN
mkdir -p "$T/bin"
cat >"$T/bin/defuse" <<WRAP
#!/bin/sh
(: <&0) 2>/dev/null || exec 0</dev/null
exec 3<&0
timeout -k 5 $LIMIT "$REAL_BIN" "\$@" <&3 3<&- &
pid=\$!
trap 'kill -TERM \$pid 2>/dev/null' TERM INT HUP
while :; do
    wait \$pid
    rc=\$?
    kill -0 \$pid 2>/dev/null || break
done
if [ \$rc -eq 124 ]; then
    echo "defuse \$*" >>"$T/timeouts"
    echo "TIMEOUT: 'defuse \$*' did not finish within $LIMIT s" >&2
fi
exit \$rc
WRAP
chmod +x "$T/bin/defuse"
BIN="$T/bin/defuse"

# bounded NAME command...: runs a helper (xdotool, xwd, wait loops) with the time limit; when
# it does not finish, the test fails naming NAME and the command. Returns its status.
bounded() {
    bname=$1
    shift
    timeout -k 5 "$LIMIT" "$@"
    brc=$?
    if [ $brc -eq 124 ]; then
        echo "FAIL $bname: '$*' did not finish within $LIMIT s"
        FAILS=$((FAILS + 1))
    fi
    return $brc
}

# wait_until NAME CONDITION: polls the shell condition (a string for eval) every 0.1 s until
# it holds; false after LIMIT seconds. Waits for what the test needs, never guesses a speed.
wait_until() {
    wi=0
    while ! eval "$2" && [ $wi -lt $((LIMIT * 10)) ]; do sleep 0.1; wi=$((wi + 1)); done
    eval "$2" || { echo "  (waited $LIMIT s for $1)"; return 1; }
}

# hung NAME command...: the test failed because the command did not finish in time.
hung() {
    echo "FAIL $1: '$(shift; echo "$*")' did not finish within $LIMIT s (a hang?)"
    sed 's/^/  | /' "$T/out" | tail -10
    FAILS=$((FAILS + 1))
}

# expect NAME STATUS PATTERN -- command...: runs with the time limit, checks the exit status
# and that stdout+stderr match the extended regex PATTERN (empty: no check).
expect() {
    name=$1 want=$2 pat=$3
    shift 4
    CASES=$((CASES + 1))
    timeout -k 5 "$LIMIT" "$@" >"$T/out" 2>&1 </dev/null
    got=$?
    if [ "$got" -eq 124 ]; then hung "$name" "$@"; return; fi
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
    printf '%b' "$input" | timeout -k 5 "$LIMIT" "$@" >"$T/out" 2>&1
    got=$?
    if [ "$got" -eq 124 ]; then hung "$name" "$@"; return; fi
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
    while [ ! -s "$T/dnum" ] && [ $i -lt $((LIMIT * 10)) ]; do sleep 0.1; i=$((i + 1)); done
    [ -s "$T/dnum" ] || { echo "FAIL Xvfb did not start within $LIMIT s"; cat "$T/xvfb.log"; exit 1; }
    export DISPLAY=":$(cat "$T/dnum")"
    trap 'kill $XPID 2>/dev/null; rm -rf "$T"' EXIT
}

finish() {
    if [ -s "$T/timeouts" ]; then
        while IFS= read -r cmd; do
            echo "FAIL timed out after $LIMIT s: $cmd"
            FAILS=$((FAILS + 1))
        done <"$T/timeouts"
        : >"$T/timeouts"
    fi
    echo "$CASES cases, $FAILS failed"
    [ "$FAILS" -eq 0 ]
}
