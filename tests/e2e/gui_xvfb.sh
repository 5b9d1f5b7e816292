#!/bin/sh
# gui_xvfb.sh: the real window under Xvfb, driven by xdotool key presses through a whole
# scenario to the debrief; the trace log proves which screens were reached, and xwd takes a
# screenshot of the display. The attempt must be in the training record (DEFUSE_DATA_DIR, set
# by lib.sh) once, and P on the debrief shows the progress screen.
. "$(dirname "$0")/lib.sh"
start_xvfb 1280x720

wait_for() { # wait_for PATTERN: until the trace has the line (up to the time limit)
    wait_until "'$1' in the trace" "grep -q '$1' '$T/trace' 2>/dev/null"
}
count() { grep -Ec "$1" "$T/trace" 2>/dev/null; } # count PATTERN: lines of the trace
wait_count() { # wait_count PATTERN N: until the trace has at least N such lines
    wait_until "$2 lines '$1' in the trace" "[ \$(count '$1') -ge $2 ]"
}
find_window() { # WID: the window's id, waiting (bounded) for it to be mapped
    bounded "the window appears" xdotool search --sync --name '^defuse$' >"$T/wid"
    WID=$(head -1 "$T/wid")
}

"$BIN" play parking-ticket-counter --trace "$T/trace" --reduce-motion --size 1280x720 >"$T/out" 2>&1 &
APP=$!
CASES=$((CASES + 1))
if wait_for "screen play"; then echo "ok   window opened on the play screen"; else
    echo "FAIL the window did not open:"; cat "$T/out"; FAILS=$((FAILS + 1)); finish; exit 1; fi
find_window
bounded "focus the window" xdotool windowfocus --sync "$WID" 2>/dev/null
n=0
for k in 3 1 4 2 4 1 3 2; do # each key once its screen is there: no guess at this machine's speed
    n=$((n + 1))
    bounded "key $k" xdotool key --clearmodifiers "$k"
    wait_count "^choose " $n || true
    bounded "key Return" xdotool key --clearmodifiers Return
    wait_count "^screen (play|debrief)" $((n + 1)) || true
done
CASES=$((CASES + 1))
if wait_for "screen debrief"; then echo "ok   keys drove the scenario to the debrief"; else
    echo "FAIL the debrief was not reached; trace:"; cat "$T/trace"; FAILS=$((FAILS + 1)); fi
CASES=$((CASES + 1))
bounded "xwd" xwd -root -silent -out "$T/shot.xwd"
if [ -s "$T/shot.xwd" ] && [ "$(wc -c <"$T/shot.xwd")" -gt 100000 ]; then
    echo "ok   screenshot taken with xwd ($(wc -c <"$T/shot.xwd") bytes)"
    mkdir -p build/screens && cp "$T/shot.xwd" build/screens/xvfb-debrief.xwd
else echo "FAIL no screenshot"; FAILS=$((FAILS + 1)); fi
CASES=$((CASES + 1))
grep -q "^renderer software" "$T/trace" && echo "ok   software renderer in use" || { echo "FAIL renderer: $(grep renderer "$T/trace")"; FAILS=$((FAILS + 1)); }
# attempts_in_record [WHERE]: how many attempts the record holds (sqlite3, else defuse history)
attempts_in_record() {
    if command -v sqlite3 >/dev/null; then
        sqlite3 "$T/data/records.db" "select count(*) from attempts ${1:-}" 2>/dev/null || echo 0
    elif [ -z "${1:-}" ]; then
        "$BIN" history 2>/dev/null | sed -n 's/^\([0-9]*\) attempts\{0,1\}\..*/\1/p' | head -1
    else
        "$BIN" history 2>/dev/null | grep -c " abandoned "
    fi
}
CASES=$((CASES + 1))
n=$(attempts_in_record)
if [ "$n" = 1 ] && grep -q "^record 0" "$T/trace"; then echo "ok   the finished attempt is in the training record"; else
    echo "FAIL the record holds '$n' attempts after the debrief, expected 1"; cat "$T/out"; FAILS=$((FAILS + 1)); fi
CASES=$((CASES + 1))
bounded "key p" xdotool key --clearmodifiers p
if wait_for "screen progress"; then echo "ok   P on the debrief shows the progress screen"; else
    echo "FAIL P did not open the progress screen; trace:"; cat "$T/trace"; FAILS=$((FAILS + 1)); fi
bounded "xwd" xwd -root -silent -out build/screens/xvfb-progress.xwd 2>/dev/null || true
bounded "key Escape" xdotool key --clearmodifiers Escape
CASES=$((CASES + 1))
wait_count "^screen debrief" 2 && echo "ok   Esc goes back from progress to the debrief" || { echo "FAIL Esc on progress"; FAILS=$((FAILS + 1)); }
bounded "key Escape" xdotool key --clearmodifiers Escape
wait_until "the window to close" "! kill -0 $APP 2>/dev/null"
CASES=$((CASES + 1))
if kill -0 $APP 2>/dev/null; then echo "FAIL Esc did not close the window"; kill $APP; FAILS=$((FAILS + 1)); else
    wait $APP; rc=$?
    [ $rc -eq 0 ] && echo "ok   Esc closed the window (exit 0)" || { echo "FAIL exit $rc"; cat "$T/out"; FAILS=$((FAILS + 1)); }
fi
CASES=$((CASES + 1))
n=$(attempts_in_record)
[ "$n" = 1 ] && echo "ok   closing after the debrief saves nothing twice" || { echo "FAIL the record holds '$n' attempts, expected 1"; FAILS=$((FAILS + 1)); }
# Hot reload: edit the scenario while it plays; a broken save shows errors and keeps the
# last good version; a save by rename (as many editors do) is seen too; F5 restarts.
cp docs/examples/library-fine.lua "$T/live.lua"
: >"$T/trace"
"$BIN" play "$T/live.lua" --trace "$T/trace" --reduce-motion --size 1280x720 >"$T/out2" 2>&1 &
APP=$!
wait_for "screen play" >/dev/null
find_window
bounded "focus the window" xdotool windowfocus --sync "$WID" 2>/dev/null
bounded "key 1" xdotool key --clearmodifiers 1
wait_for "choose 1" >/dev/null
bounded "key Return" xdotool key --clearmodifiers Return
wait_count "^screen play" 2 >/dev/null
sed -i 's/The machine says my card is blocked/The screen says my card is blocked/' "$T/live.lua"
CASES=$((CASES + 1))
if wait_for "notice"; then echo "ok   a saved edit reloads and restores the step"; else echo "FAIL no reload after an edit"; cat "$T/trace"; FAILS=$((FAILS + 1)); fi
printf 'return scenario {\n  id = "x",\n  title = 42,\n}\n' >"$T/live.lua"
CASES=$((CASES + 1))
if wait_for "reload-error"; then echo "ok   a broken save shows its errors and keeps playing"; else echo "FAIL no reload error"; FAILS=$((FAILS + 1)); fi
kill -0 $APP 2>/dev/null || { echo "FAIL the window closed on a broken save"; FAILS=$((FAILS + 1)); }
n_before=$(grep -c "^notice" "$T/trace")
sed 's/The machine says my card/The kiosk says my card/' docs/examples/library-fine.lua >"$T/live.lua.tmp"
mv "$T/live.lua.tmp" "$T/live.lua"
CASES=$((CASES + 1))
if wait_count "^notice" $((n_before + 1)); then echo "ok   a save by rename reloads"; else echo "FAIL no reload after a rename-save"; FAILS=$((FAILS + 1)); fi
n_play=$(count "^screen play")
bounded "key F5" xdotool key --clearmodifiers F5
CASES=$((CASES + 1))
wait_count "^screen play" $((n_play + 1)) && echo "ok   F5 restarts the scenario" || { echo "FAIL F5"; FAILS=$((FAILS + 1)); }
CASES=$((CASES + 1))
n=$(attempts_in_record "where outcome = 'abandoned'")
[ "$n" = 1 ] && echo "ok   F5 after a choice keeps the left run as unfinished" || { echo "FAIL unfinished attempts in the record: '$n', expected 1"; FAILS=$((FAILS + 1)); }
bounded "keys F6 Down Return" xdotool key --clearmodifiers F6 Down Return
CASES=$((CASES + 1))
wait_for "^jump " && echo "ok   F6 starts from a chosen beat" || { echo "FAIL F6 jump"; cat "$T/trace"; FAILS=$((FAILS + 1)); }
kill $APP 2>/dev/null
wait $APP 2>/dev/null # bounded: $BIN runs under the time limit

# A broken font: a clear message and the terminal, never a crash.
awk 'BEGIN { srand(3); for (i = 0; i < 3000; i++) printf "%c", int(rand() * 255) + 1 }' >"$T/bad.ttf"
expect_in broken-font-falls-back 0 "font .*bad.ttf.*|using the terminal" "q\n" -- "$BIN" play parking-ticket-counter --font "$T/bad.ttf"
grep -q "Your choice" "$T/out" || { echo "FAIL the terminal did not take over after the font error"; FAILS=$((FAILS + 1)); }
expect_in missing-font-falls-back 0 "cannot open font /nonexistent.ttf" "q\n" -- "$BIN" --font /nonexistent.ttf
finish
