#!/bin/sh
# present_xvfb.sh: defuse present in a real full-screen window under Xvfb, driven by the
# keys a clicker sends (xdotool): N opens the trainer's notes in a second window, N closes
# it, Esc asks before leaving, Enter saves the session summary and leaves.
. "$(dirname "$0")/lib.sh"
start_xvfb 1600x900
export DEFUSE_DATA_DIR="$T/data"

# Waits are bounded by the suite's own limit (DEFUSE_TEST_TIMEOUT, 20 s; 120 s for the
# sanitizer build), never by a guess at how fast this machine is today.
LIMIT=$(( ${DEFUSE_TEST_TIMEOUT:-20} * 10 ))
window() { # window NAME: the id of the first window with that title, waiting up to the limit
    i=0
    while [ $i -lt $LIMIT ]; do
        w=$(xdotool search --name "$1" 2>/dev/null | head -1)
        [ -n "$w" ] && { echo "$w"; return 0; }
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
gone() { # gone NAME: true once no window has that title (up to the limit)
    i=0
    while xdotool search --name "$1" >/dev/null 2>&1 && [ $i -lt $LIMIT ]; do sleep 0.1; i=$((i + 1)); done
    ! xdotool search --name "$1" >/dev/null 2>&1
}
ok() { CASES=$((CASES + 1)); echo "ok   $1"; }
fail() { CASES=$((CASES + 1)); echo "FAIL $1"; FAILS=$((FAILS + 1)); }

"$BIN" present great-service-every-day --notes-window >"$T/out" 2>&1 &
APP=$!
if WID=$(window '^Great service every day$'); then ok "the presenter opened its window"; else
    fail "no presenter window:"; cat "$T/out"; kill $APP 2>/dev/null; finish; exit 1; fi
xdotool windowfocus --sync "$WID" 2>/dev/null || true
sleep 0.3
GEOM=$(xdotool getwindowgeometry "$WID" 2>/dev/null | grep Geometry)
case "$GEOM" in *1600x900*) ok "full screen on the display ($GEOM)" ;; *) fail "not full screen: $GEOM" ;; esac
xdotool key --clearmodifiers Right Right Next
sleep 0.2
xdotool key --clearmodifiers n
if NID=$(window 'trainer notes'); then ok "N opened the trainer's notes in a second window"; else fail "N opened no notes window"; fi
xwd -root -silent -out "$T/shot.xwd" && [ -s "$T/shot.xwd" ] && ok "a screenshot of the display (xwd)" || fail "xwd"
xdotool windowfocus --sync "$WID" 2>/dev/null || true
xdotool key --clearmodifiers n
if gone 'trainer notes'; then ok "N again closed the notes window"; else fail "the notes window stayed"; fi
xdotool windowfocus --sync "$WID" 2>/dev/null || true
xdotool key --clearmodifiers b period Escape
sleep 0.3
if kill -0 $APP 2>/dev/null; then ok "Esc asked instead of leaving"; else fail "Esc left at once"; fi
xdotool key --clearmodifiers Return
i=0
while kill -0 $APP 2>/dev/null && [ $i -lt $LIMIT ]; do sleep 0.1; i=$((i + 1)); done
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
