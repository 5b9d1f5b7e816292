#!/bin/sh
# present_xvfb.sh: defuse present in a real full-screen window under Xvfb, driven by the
# keys a clicker sends (xdotool): N opens the trainer's notes in a second window, N closes
# it, Esc asks before leaving, Enter saves the session summary and leaves.
. "$(dirname "$0")/lib.sh"
start_xvfb 1600x900
export DEFUSE_DATA_DIR="$T/data"

# Waits are bounded by the suite's own limit (LIMIT from lib.sh: DEFUSE_TEST_TIMEOUT, 20 s;
# 120 s for the sanitizer build), never by a guess at how fast this machine is today.
window() { # window NAME: the id of the first window with that title, waiting up to the limit
    wait_until "a window '$1'" "timeout $LIMIT xdotool search --name '$1' 2>/dev/null | head -1 | grep -q ." || return 1
    timeout "$LIMIT" xdotool search --name "$1" 2>/dev/null | head -1
}
gone() { # gone NAME: true once no window has that title (up to the limit)
    wait_until "no window '$1'" "! timeout $LIMIT xdotool search --name '$1' >/dev/null 2>&1"
}
key() { bounded "xdotool key $*" xdotool key --clearmodifiers "$@"; }
focus() { bounded "focus the presenter" xdotool windowfocus --sync "$WID" 2>/dev/null; }
ok() { CASES=$((CASES + 1)); echo "ok   $1"; }
fail() { CASES=$((CASES + 1)); echo "FAIL $1"; FAILS=$((FAILS + 1)); }

"$BIN" present great-service-every-day --notes-window >"$T/out" 2>&1 &
APP=$!
if WID=$(window '^Great service every day$'); then ok "the presenter opened its window"; else
    fail "no presenter window:"; cat "$T/out"; kill $APP 2>/dev/null; finish; exit 1; fi
focus
# full screen once the window manager-less server has applied the size (up to the limit)
wait_until "the presenter to cover the display" "timeout $LIMIT xdotool getwindowgeometry '$WID' 2>/dev/null | grep -q 'Geometry: 1600x900'"
GEOM=$(timeout "$LIMIT" xdotool getwindowgeometry "$WID" 2>/dev/null | grep Geometry)
case "$GEOM" in *1600x900*) ok "full screen on the display ($GEOM)" ;; *) fail "not full screen: $GEOM" ;; esac
key Right Right Next
key n
if NID=$(window 'trainer notes'); then ok "N opened the trainer's notes in a second window"; else fail "N opened no notes window"; fi
bounded xwd xwd -root -silent -out "$T/shot.xwd" && [ -s "$T/shot.xwd" ] && ok "a screenshot of the display (xwd)" || fail "xwd"
focus
key n
if gone 'trainer notes'; then ok "N again closed the notes window"; else fail "the notes window stayed"; fi
focus
key b period Escape
# Esc must ask, not leave. A slow machine can only make this pass too early, never fail
# wrongly: the presenter is still there whether or not it has handled Esc yet.
sleep 0.3
if kill -0 $APP 2>/dev/null; then ok "Esc asked instead of leaving"; else fail "Esc left at once"; fi
key Return
wait_until "the presenter to leave" "! kill -0 $APP 2>/dev/null"
if kill -0 $APP 2>/dev/null; then fail "Enter after Esc did not leave"; kill $APP; else
    wait $APP
    rc=$?
    [ $rc -eq 0 ] && ok "Enter after Esc left cleanly" || fail "exit status $rc"
fi
if grep -q "Session summary: $T/data/sessions/" "$T/out" && ls "$T"/data/sessions/*.json >/dev/null 2>&1; then
    ok "leaving saved the session summary"
else
    fail "no session summary:"; cat "$T/out"
fi
finish
