#!/bin/sh
# present.sh: defuse present as a scripted run (no display): a whole module with the room
# voting, a typed count and an undo, the trainer overriding the room and breaking a tie, the
# room debrief, the road not taken, and the saved session summary; then what bad options,
# bad keys, a missing display and an unwritable data folder get.
. "$(dirname "$0")/lib.sh"
export DEFUSE_DATA_DIR="$T/data"
unset DISPLAY WAYLAND_DISPLAY SDL_VIDEODRIVER

# The scripted session of docs/trainer-session.keys (the guide's screenshots come from it):
# the room follows the calmest path of parking-ticket-counter; decision 1 by the room (C 3,
# A 1); 2 the trainer overrides two votes for B with A; 3 a tie between B and D that the
# trainer breaks with D; 4 two votes for A, one undone, then a typed count of 5; then one
# vote each. From the debrief, the road not taken from decision 1 plays A four times.
KEYS=$(sed -e 's/#.*//' -e "s#@SHOTS@#$T#g" docs/trainer-session.keys | tr '\n' ' ')

expect "a scripted session runs to the end and says where its summary is" 0 "Session summary: $T/data/sessions/[0-9]{8}-[0-9]{6}-great-service-every-day.json" -- \
    "$BIN" present great-service-every-day --keys "$KEYS" --size 1920x1080

CSV=$(ls "$T"/data/sessions/*.csv 2>/dev/null | head -1)
JSON=$(ls "$T"/data/sessions/*.json 2>/dev/null | head -1)
check() { # check NAME COMMAND...: a case that passes when the command does
    name=$1
    shift
    CASES=$((CASES + 1))
    if "$@" >/dev/null 2>&1; then echo "ok   $name"; else echo "FAIL $name"; FAILS=$((FAILS + 1)); fi
}
row() { grep -q -- "$1" "$CSV"; }
check "the summary is saved as JSON and CSV, nothing half-written beside them" \
    sh -c "[ -s '$CSV' ] && [ -s '$JSON' ] && [ \$(ls '$T/data/sessions' | wc -l) -eq 2 ]"
check "one CSV row per decision: 8 on the room's path, 4 on the road not taken" \
    sh -c "[ \$(grep -c ',room,' '$CSV') -eq 8 ] && [ \$(grep -c ',not taken,' '$CSV') -eq 4 ]"
check "decision 1: the room's majority, with the vote spread" row ',1,parking-ticket-counter,room,1,arrives,C,"room",4,1,0,3,0,'
check "decision 2: the trainer overrode the room" row ',room,2,story,A,"trainer, overriding the room",2,0,2,0,0,'
check "decision 3: the trainer broke a tie" row ',room,3,checked,D,"trainer, breaking a tie",2,0,1,0,1,'
check "decision 4: Backspace undid a vote and a typed count set A to 5" row ',room,4,named,A,"room",5,5,0,0,'
check "the road not taken starts again at decision 1" row ',not taken,1,arrives,A,"room",1,1,0,0,0,'
check "the time used is the session's (300 s of points, 420 s of exercise)" grep -q '"seconds_used":.720,' "$JSON"
check "the JSON says which road each decision was on" grep -q '"road":.*"not taken"' "$JSON"
check "the room's run is in the trainer's training record as a group attempt" sh -c "'$BIN' history | grep -qE 'parking-ticket-counter +group +resolved_accepted'"
check "no name of anyone in the room is asked for or saved" sh -c "! grep -qiE '\"(name|names|attendees?|learners?|participants?)\"' '$JSON'"
for f in title objectives point-question point-reveal timer-notes line vote effect effect-quick-no coach tie ending \
    debrief-path debrief-time debrief-roads debrief-discuss wrapup help thanks; do
    check "screenshot $f.png is a PNG" sh -c "head -c 8 '$T/$f.png' | od -An -c | grep -q 'P   N   G'"
done

# The road not taken is kept when O is pressed again and left at once, and a summary saved
# at the thanks slide is replaced (not duplicated) when more is played afterwards.
S="right right right right right right right right right right right"
P="$S c enter right right right a enter right right right d enter right right right a enter right right right b enter right right right a enter right right right c enter right right right a enter right right"
rm -rf "$T/data"
expect "O then Left on the debrief keeps the finished road not taken" 0 "Session summary:" -- \
    "$BIN" present great-service-every-day --size 1280x720 --keys "$P right o right a enter right right right a enter right right right a enter right right right a enter right right right left left o left right right"
check "its 4 decisions are in the summary" sh -c "[ \$(grep -c ',not taken,' '$T'/data/sessions/*.csv) -eq 4 ]"
rm -rf "$T/data"
expect "playing on after the summary was saved saves it again" 0 "Session summary:.*Session summary:" -- \
    sh -c "'$BIN' present great-service-every-day --size 1280x720 --keys '$P right right right right right right left left left left o right B right right tick:2 esc enter' | tr '\n' ' '"
check "one summary, and it has the road not taken" sh -c "[ \$(ls '$T/data/sessions' | wc -l) -eq 2 ] && grep -q ',not taken,' '$T'/data/sessions/*.csv"
expect "keys after the end of the session are reported" 0 "the session ended at key 2; the 2 after it were not used" -- \
    "$BIN" present great-service-every-day --no-record --keys "esc enter right right"
expect "a count of more than 999 is refused" 0 "" -- \
    "$BIN" present great-service-every-day --no-record --keys "$S 1 2 3 4 shot:$T/count.png"

# A scenario that fails when an option is played: the room picks another and goes on.
mkdir -p "$T/own/modules"
( cd "$T/own" && "$BIN" new boom >/dev/null ) && \
    sed -i 's/tags = { "buck_pass" }, go = "wall",/tags = { "buck_pass" }, go = "wall", chosen = function(s) error("boom in chosen") end,/' "$T/own/boom.lua"
sed 's/"parking-ticket-counter"/"boom"/; s/id = "great-service-every-day"/id = "boom-module"/' scenarios/modules/great-service-every-day.lua >"$T/own/modules/boom-module.lua"
rm -rf "$T/data"
expect "a failing option is taken back and the session goes on" 0 "boom.lua:[0-9]+: boom in chosen" -- \
    env DEFUSE_SCENARIOS="$T/own" "$BIN" present "$T/own/modules/boom-module.lua" --size 1280x720 --keys "$S b enter right right right b enter c c enter right right right right right right right right right right right right right right right right right right right right right right right right right right right"
check "the failed option is not in the summary; the one played instead is" sh -c "grep -q ',room,2,[a-z_]*,C,' '$T'/data/sessions/*.csv && ! grep -q ',room,2,[a-z_]*,B,' '$T'/data/sessions/*.csv"

# Esc asks first: another key stays, Enter saves and leaves.
rm -rf "$T/data"
expect "Esc then Right stays in the session; Esc then Enter saves and leaves" 0 "Session summary:" -- \
    "$BIN" present great-service-every-day --keys "right esc right esc enter right right" --size 1280x720
expect "--no-record saves nothing" 0 "" -- \
    "$BIN" present great-service-every-day --keys "right right" --no-record --size 1280x720
CASES=$((CASES + 1))
if [ "$(ls "$T/data/sessions" | wc -l)" -eq 2 ]; then echo "ok   only the recorded session is in the data folder"; else
    echo "FAIL the data folder holds: $(ls "$T/data/sessions")"; FAILS=$((FAILS + 1)); fi

# What bad input gets.
expect "a key that is not a key is named with its position" 2 "key 3, 'jump', is not a key" -- \
    "$BIN" present great-service-every-day --keys "right right jump" --no-record
expect "a tick that is not a number" 2 "'tick:soon': a tick is 0 to 86400 seconds" -- \
    "$BIN" present great-service-every-day --keys "tick:soon" --no-record
expect "an unknown module" 1 "no-such-module.lua: No such file" -- "$BIN" present no-such-module
expect "a scenario where a module is expected" 1 "scenario|module" -- "$BIN" present scenarios/parking-ticket-counter.lua --keys right --no-record
expect "--display 0" 2 "expected a display number" -- "$BIN" present great-service-every-day --display 0
expect "--theme of another kind" 2 "expected dark or light" -- "$BIN" present great-service-every-day --theme contrast
expect "--size too small" 2 "expected WIDTHxHEIGHT" -- "$BIN" present great-service-every-day --size 10x10
expect "no module" 2 "needs exactly one MODULE" -- "$BIN" present
expect "no display and no script: says how to rehearse instead" 1 "needs a screen.*--keys" -- "$BIN" present great-service-every-day
# A data folder that cannot be made (a file is in the way; permissions would not stop root).
: >"$T/in-the-way"
DEFUSE_DATA_DIR="$T/in-the-way/data" expect "an unwritable data folder: one warning, the session still ends cleanly" 0 "warning: the session summary was not saved: .*cannot create" -- \
    "$BIN" present great-service-every-day --keys "right right" --size 1280x720
expect "a module with an exercise that names no scenario" 1 "names no scenario" -- \
    sh -c "mkdir -p '$T/own/modules' && sed 's/\"parking-ticket-counter\"/\"nowhere\"/' scenarios/modules/great-service-every-day.lua >'$T/own/modules/m.lua' && DEFUSE_SCENARIOS='$T/own' '$BIN' present '$T/own/modules/m.lua' --keys right --no-record"
expect "the help lists the clicker keys" 0 "Page Down" -- "$BIN" present --help
finish
