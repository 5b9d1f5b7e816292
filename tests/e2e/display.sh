#!/bin/sh
# display.sh: never hang on a display that is not there. DISPLAY or WAYLAND_DISPLAY naming a
# server that is gone (a stale ssh DISPLAY, a closed VNC), that refuses, or that accepts and
# never answers (a stopped server): play and the menu fall back to the terminal with one line
# on stderr, present fails with a clear message; a headless screenshot never touches the
# display. A working display (Xvfb) still gets the window. And a screenshot that cannot be
# written (a full disk: /dev/full; a missing folder) is an error naming the file.
. "$(dirname "$0")/lib.sh"
S=parking-ticket-counter
export DEFUSE_NO_RECORD=1
for tool in Xvfb; do command -v $tool >/dev/null || { echo "FAIL $tool is missing (make deps installs it)"; exit 1; }; done

# xserver NAME: starts an Xvfb; sets XN (its display number) and XPID_NAME
PIDS=""
xserver() {
    Xvfb -displayfd 3 -screen 0 640x480x24 -nolisten tcp 3>"$T/$1.dnum" 2>"$T/$1.log" &
    eval "XPID_$1=$!"
    PIDS="$PIDS $!"
    wait_until "Xvfb $1 to start" "[ -s '$T/$1.dnum' ]" || { echo "FAIL Xvfb did not start"; cat "$T/$1.log"; exit 1; }
    XN=$(cat "$T/$1.dnum")
}
trap 'for p in $PIDS; do kill -CONT $p 2>/dev/null; kill $p 2>/dev/null; done; rm -rf "$T"' EXIT

# fallback NAME PATTERN INPUT ENV... -- ARGS: defuse ARGS with ENV (env(1) syntax) must reach
# the terminal (exit 0) with exactly one line on stderr, matching PATTERN.
fallback() {
    fname=$1 fpat=$2 finput=$3
    shift 3
    : >"$T/err"
    expect_in "$fname" 0 "Pick a scenario|Your choice" "$finput" -- sh -c 'e=$1; shift; exec "$@" 2>"$e"' sh "$T/err" env "$@"
    CASES=$((CASES + 1))
    if [ "$(wc -l <"$T/err")" -eq 1 ] && grep -Eq -- "$fpat" "$T/err"; then echo "ok   $fname: one line on stderr"; else
        echo "FAIL $fname: stderr is not one line matching /$fpat/:"; sed 's/^/  | /' "$T/err"; FAILS=$((FAILS + 1)); fi
}

# A display that is gone: an X server killed with its socket file left behind (a closed VNC).
xserver gone
GONE=$XN
eval "kill -9 \$XPID_gone"
wait_until "the killed Xvfb to go" "! kill -0 \$XPID_gone 2>/dev/null"
fallback x11-gone-play "^defuse: no display at :$GONE \\(X server not reachable\\); using the terminal$" "q\n" \
    -u WAYLAND_DISPLAY DISPLAY=:$GONE "$BIN" play $S
fallback x11-gone-screen-number "no display at :$GONE.0 \\(X server not reachable\\)" "q\n" \
    -u WAYLAND_DISPLAY DISPLAY=:$GONE.0 "$BIN" play $S
fallback x11-gone-menu "no display at :$GONE \\(X server not reachable\\); using the terminal" "q\n" \
    -u WAYLAND_DISPLAY DISPLAY=:$GONE "$BIN"
fallback x11-tcp-refused "no display at 127.0.0.1:$GONE \\(X server not reachable\\)" "q\n" \
    -u WAYLAND_DISPLAY DISPLAY=127.0.0.1:$GONE "$BIN" play $S
fallback x11-not-a-display "no display at nonsense \\(X server not reachable\\)" "q\n" \
    -u WAYLAND_DISPLAY DISPLAY=nonsense "$BIN" play $S
expect present-x11-gone 1 "no display at :$GONE \\(X server not reachable\\): a presentation needs a screen" -- \
    env -u WAYLAND_DISPLAY DISPLAY=:$GONE "$BIN" present great-service-every-day --no-record
expect present-list-displays-x11-gone 1 "no display at :$GONE \\(X server not reachable\\)" -- \
    env -u WAYLAND_DISPLAY DISPLAY=:$GONE "$BIN" present --list-displays

# Wayland: no socket, a stale file nobody listens on.
mkdir -p "$T/run"
chmod 700 "$T/run"
mkfifo "$T/run/wayland-stale"
fallback wayland-gone "^defuse: no display at wayland-none \\(no Wayland compositor there\\); using the terminal$" "q\n" \
    -u DISPLAY XDG_RUNTIME_DIR="$T/run" WAYLAND_DISPLAY=wayland-none "$BIN" play $S
fallback wayland-stale "no display at wayland-stale \\(no Wayland compositor there\\)" "q\n" \
    -u DISPLAY XDG_RUNTIME_DIR="$T/run" WAYLAND_DISPLAY=wayland-stale "$BIN"
fallback x11-and-wayland-gone "no display at :$GONE \\(X server not reachable\\) nor at wayland-none" "q\n" \
    DISPLAY=:$GONE XDG_RUNTIME_DIR="$T/run" WAYLAND_DISPLAY=wayland-none "$BIN" play $S

# A server that accepts connections but never answers (stopped): detected by the deadline.
xserver frozen
FROZEN=$XN
eval "kill -STOP \$XPID_frozen"
fallback x11-frozen "^defuse: no display at :$FROZEN \\(the X server does not answer\\); using the terminal$" "q\n" \
    -u WAYLAND_DISPLAY DISPLAY=:$FROZEN "$BIN" play $S
fallback wayland-frozen "no display at /tmp/.X11-unix/X$FROZEN \\(the Wayland compositor does not answer\\)" "q\n" \
    -u DISPLAY WAYLAND_DISPLAY=/tmp/.X11-unix/X$FROZEN "$BIN"
expect present-x11-frozen 1 "no display at :$FROZEN \\(the X server does not answer\\): a presentation needs a screen" -- \
    env -u WAYLAND_DISPLAY DISPLAY=:$FROZEN "$BIN" present great-service-every-day --no-record
# A headless screenshot needs no display at all: it never waits on the stopped one.
expect screenshot-frozen-display 0 "" -- env DISPLAY=:$FROZEN WAYLAND_DISPLAY=/tmp/.X11-unix/X$FROZEN \
    DEFUSE_DISPLAY_TIMEOUT_MS=60000 "$BIN" play $S --screenshot "$T/headless.png" --size 640x400
[ -s "$T/headless.png" ] || { echo "FAIL no headless screenshot"; FAILS=$((FAILS + 1)); }
expect present-shot-frozen-display 0 "" -- env DISPLAY=:$FROZEN DEFUSE_DISPLAY_TIMEOUT_MS=60000 \
    "$BIN" present great-service-every-day --no-record --keys "right shot:$T/slide.png" --size 640x400
[ -s "$T/slide.png" ] || { echo "FAIL no headless slide"; FAILS=$((FAILS + 1)); }

# A working display still gets the window (the probe must not get in its way).
xserver live
: >"$T/trace"
env -u WAYLAND_DISPLAY DISPLAY=:$XN "$BIN" play $S --trace "$T/trace" --reduce-motion --size 640x480 >"$T/live.out" 2>&1 &
APP=$!
CASES=$((CASES + 1))
if wait_until "the window" "grep -q '^screen play' '$T/trace'" && grep -q "^renderer" "$T/trace"; then
    echo "ok   a working display gets the window"
else echo "FAIL no window on a working display:"; sed 's/^/  | /' "$T/live.out"; FAILS=$((FAILS + 1)); fi
kill $APP 2>/dev/null
wait $APP 2>/dev/null
expect list-displays-live 0 "640x480" -- env -u WAYLAND_DISPLAY DISPLAY=:$XN "$BIN" present --list-displays

# Screenshots that cannot be written: an error naming the file, a non-zero exit, no summary.
if [ -w /dev/full ]; then
    expect play-shot-full 1 "cannot write /dev/full: No space left on device" -- "$BIN" play $S --screenshot /dev/full --size 640x400
    expect menu-shot-full 1 "cannot write /dev/full: No space left on device" -- "$BIN" --screenshot /dev/full --size 640x400
    expect present-shot-full 1 "cannot write /dev/full: No space left on device" -- \
        "$BIN" present great-service-every-day --screenshot /dev/full --size 640x400
    expect present-keys-shot-full 1 "cannot write /dev/full: No space left on device" -- \
        env -u DEFUSE_NO_RECORD "$BIN" present great-service-every-day --keys "right shot:/dev/full right" --size 640x400
    CASES=$((CASES + 1))
    if ls "$T"/data/sessions/*.json >/dev/null 2>&1; then echo "FAIL a failed rehearsal saved a session summary"; FAILS=$((FAILS + 1)); else
        echo "ok   a failed shot: no session summary"; fi
else
    echo "skip /dev/full is not writable here"
fi
expect play-shot-no-folder 1 "cannot write $T/no/such/p.png: No such file or directory" -- "$BIN" play $S --screenshot "$T/no/such/p.png"
expect present-shot-no-folder 1 "cannot write $T/no/such/s.png" -- \
    "$BIN" present great-service-every-day --keys "right shot:$T/no/such/s.png"
if [ "$(id -u)" -ne 0 ]; then # root writes anywhere
    mkdir "$T/ro" && chmod 555 "$T/ro"
    expect play-shot-read-only 1 "cannot write $T/ro/p.png: Permission denied" -- "$BIN" play $S --screenshot "$T/ro/p.png"
fi
# The suite's own guard: a defuse that hangs (here: a window on SDL's invisible dummy
# driver, asked for by name) in a direct call, outside expect, fails the test naming the
# command instead of hanging it.
cat >"$T/hang.sh" <<EOF
. "$PWD/tests/e2e/lib.sh"
SDL_VIDEODRIVER=dummy "\$BIN" play $S --size 640x480 >/dev/null 2>&1
finish
EOF
expect hang-is-named 1 "FAIL timed out after 2 s: defuse play $S --size 640x480" -- \
    env DEFUSE_TEST_TIMEOUT=2 sh "$T/hang.sh" "$REAL_BIN"
finish
