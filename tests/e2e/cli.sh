#!/bin/sh
# cli.sh: the command line: help, version, exit codes, scripted play, bad answers at the prompt.
. "$(dirname "$0")/lib.sh"
S=parking-ticket-counter

for cmd in "" menu play list check analyze; do
    expect "help-$cmd" 0 "Usage: defuse" -- "$BIN" $cmd --help
    expect "version-$cmd" 0 "^defuse [0-9]+\.[0-9]+\.[0-9]+" -- "$BIN" $cmd --version
done
expect unknown-command 2 "unknown command 'fly'" -- "$BIN" fly
expect unknown-option 2 "Usage: defuse play" -- "$BIN" play $S --frobnicate
expect play-no-scenario 2 "play needs exactly one SCENARIO" -- "$BIN" play
expect play-unknown-id 1 "no scenario 'no-such-thing'" -- "$BIN" play no-such-thing
expect check-no-path 2 "check needs at least one PATH" -- "$BIN" check
expect check-clean 0 "ok \\(0 errors" -- "$BIN" check scenarios
expect check-werror 0 "" -- "$BIN" check --werror scenarios
mkdir -p "$T/empty-folder"
expect check-empty-folder 1 "no scenario files \\(\\*\\.lua\\) in this folder" -- "$BIN" check "$T/empty-folder"
expect module-check 0 "great-service-every-day.lua: ok \\(0 errors, 0 warnings\\)" -- "$BIN" check --werror scenarios/modules
expect list-modules 0 "enforcing-rules-serving-people +20 +parking-officer-street, code-enforcement-notice +Enforcing rules, serving people" -- "$BIN" list --modules
mkdir -p "$T/nomods"
expect list-modules-missing 1 "cannot open the module folder .*/nomods/modules" -- env DEFUSE_SCENARIOS="$T/nomods" "$BIN" list --modules
# A module beside an author's own scenarios (<folder>/modules/) finds them there first.
mkdir -p "$T/set/modules"
cp docs/examples/library-fine.lua "$T/set/"
cat >"$T/set/modules/own.lua" <<'LUA'
return module {
  id = "own", title = "Our own session",
  pace = { opening = 2, points = 6, exercise = 8, wrapup = 3, closing = 1 },
  objectives = { "Practise." },
  points = { { title = "One", body = "Body." } },
  exercise = { "library-fine", "parking-ticket-counter" },
  debrief = { "What did the votes split on?" },
}
LUA
expect module-own-scenarios 0 "own.lua: ok \\(0 errors, 0 warnings\\)" -- "$BIN" check --werror "$T/set/modules/own.lua"
rm "$T/set/library-fine.lua"
expect module-own-scenarios-missing 1 "own.lua:6: error: exercise: no scenario with id 'library-fine' loads from .*/set or " -- "$BIN" check "$T/set/modules/own.lua"
expect module-not-playable 1 "this is a module \\(a trainer's session plan\\), not a scenario" -- "$BIN" play scenarios/modules/great-service-every-day.lua --choices 1
expect list 0 "parking-ticket-counter +counter" -- "$BIN" list
expect list-tags 0 "^listen +technique" -- "$BIN" list --tags
expect seed-not-number 2 "--seed: 'abc' is not a whole number" -- "$BIN" play $S --seed abc
expect choices-letters 2 "--choices: expected numbers 1-9" -- "$BIN" play $S --choices 1,x,2
expect choices-out-of-range 2 "step 1: choice 9 is out of range \\(1-[0-9]" -- "$BIN" play $S --choices 9
expect choices-by-id 0 "== Debrief ==" -- "$BIN" play $S --choices 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1
expect choices-left-over 0 "choices left over after the ending were ignored" -- \
    "$BIN" play $S --choices 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1
expect_in prompt-bad-answers 0 "Please type a number from 1 to [0-9]" "abc\n\n99\n0\n-1\n1.5\n$(printf '%0300d' 1)\nq\n" -- "$BIN" play $S
expect_in prompt-eof 0 "end of input" "" -- "$BIN" play $S
expect_in prompt-eof-midway 0 "end of input" "1\n1\n" -- "$BIN" play $S
expect_in menu-quit 0 "Pick a scenario" "q\n" -- "$BIN"
expect_in menu-bad-then-play 0 "== Debrief ==" "zz\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n1\n\n" -- "$BIN"
expect transcript 0 "" -- "$BIN" play $S --choices 1,1,1 --transcript "$T/t.json"
if ! grep -Eq '"result":[[:space:]]*null' "$T/t.json" || ! grep -q '"choices":' "$T/t.json"; then
    echo "FAIL transcript of an unfinished run lacks result:null"; FAILS=$((FAILS + 1)); fi
expect transcript-unwritable 1 "transcript" -- "$BIN" play $S --choices 1 --transcript /nonexistent/dir/t.json
# No colour codes when NO_COLOR is set or output is not a terminal.
"$BIN" play $S --choices 1 </dev/null >"$T/plain" 2>&1
if grep -q "$(printf '\033')" "$T/plain"; then echo "FAIL colour codes in non-terminal output"; FAILS=$((FAILS + 1)); fi
# No display: one line saying so, then the terminal.
expect_in no-display-falls-back 0 "no display \\(DISPLAY and WAYLAND_DISPLAY are not set\\); using the terminal" "q\n" -- env -u DISPLAY -u WAYLAND_DISPLAY "$BIN" play $S
[ "$(grep -c 'no display' "$T/out")" -eq 1 ] || { echo "FAIL the no-display message is not one line"; FAILS=$((FAILS + 1)); }
expect_in no-display-menu 0 "Pick a scenario" "q\n" -- env -u DISPLAY -u WAYLAND_DISPLAY "$BIN"
expect screenshot-no-display 0 "" -- env -u DISPLAY "$BIN" play $S --screenshot "$T/p.png" --size 640x400
[ -s "$T/p.png" ] || { echo "FAIL no screenshot written"; FAILS=$((FAILS + 1)); }
expect screenshot-bad-size 2 "--size: expected WIDTHxHEIGHT" -- "$BIN" play $S --screenshot "$T/p.png" --size 10x10
expect screenshot-debrief-unfinished 2 "do not reach an ending" -- "$BIN" play $S --choices 1 --screen debrief --screenshot "$T/p.png"
expect screenshot-bad-screen 2 "--screen: expected" -- "$BIN" play $S --screen menu --screenshot "$T/p.png"
expect screenshot-unwritable 1 "cannot write" -- "$BIN" play $S --screenshot /nonexistent/p.png
expect theme-unknown 2 "--theme: expected light or contrast" -- "$BIN" play $S --theme neon
# Scenario tests: a failing expectation names the figure; bad test specs are check errors.
sed 's/min_score = 90, max_ratio = 1.5 } },/min_score = 101, max_ratio = 1.0 } },/' docs/examples/library-fine.lua >"$T/failing.lua"
sed -i 's/min_score = 101/min_score = 99.5/' "$T/failing.lua"
expect test-failure-named 1 "the best path: score is 100.00, above|ratio to the calm baseline is 1.33, above the maximum 1.00" -- "$BIN" test "$T/failing.lua"
grep -Eq "^[0-9]+ passed, 1 failed" "$T/out" || { echo "FAIL test summary line"; FAILS=$((FAILS + 1)); }
sed 's/choices = { 2, 3, 3, 2 },/choices = { 1, 9 },/' docs/examples/library-fine.lua >"$T/range.lua"
expect test-choice-out-of-range 1 "step 2: choice 9 is out of range" -- "$BIN" test "$T/range.lua"
sed 's/path = "calmest"/path = "calmer"/' docs/examples/library-fine.lua >"$T/badpath.lua"
expect test-bad-path 1 "unknown path 'calmer'" -- "$BIN" check "$T/badpath.lua"
expect test-usage 2 "test needs at least one PATH" -- "$BIN" test
# --watch in the terminal: a save reloads the scenario and keeps the place.
cp docs/examples/library-fine.lua "$T/w.lua"
mkfifo "$T/in"
"$BIN" play "$T/w.lua" --watch <"$T/in" >"$T/wout" 2>&1 & # $BIN: under the time limit
WP=$!
exec 3>"$T/in"
echo 2 >&3
# each step waits for what it needs (the next prompt, the reload), not for a guessed time
wait_until "the second prompt" '[ "$(grep -c "Your choice" "$T/wout")" -ge 2 ]'
sed -i 's/What happened with the card/Walk me through the card/' "$T/w.lua"
sed -i 's/We moved in March/We moved house in March/' "$T/w.lua"
wait_until "the reload" 'grep -q "We moved house in March" "$T/wout"'
echo q >&3
exec 3>&-
wait $WP
CASES=$((CASES + 1))
if grep -q "reloaded .*w.lua; restoring your 1 choice" "$T/wout" && grep -q "We moved house in March" "$T/wout"; then
    echo "ok   --watch reloads on save and restores the step"
else echo "FAIL --watch"; tail -20 "$T/wout"; FAILS=$((FAILS + 1)); fi
# The worked example of docs/authoring.md is a clean scenario and its best path passes.
expect example-check 0 "ok \\(0 errors, 0 warnings\\)" -- "$BIN" check --werror docs/examples/library-fine.lua
expect example-best 0 "Outcome: Resolved, accepted - passed" -- "$BIN" play docs/examples/library-fine.lua --choices 2,3,3,2
expect example-analyze 0 "calmest +resolved_accepted" -- "$BIN" analyze docs/examples/library-fine.lua
finish
