#!/bin/sh
# bad_input.sh: every kind of bad scenario file gets a clear message and exit 1, never a crash.
. "$(dirname "$0")/lib.sh"

expect missing-file 1 "cannot open: No such file" -- "$BIN" check "$T/nope.lua"
mkdir "$T/dir.lua"
expect directory 1 "cannot read: Is a directory" -- "$BIN" play "$T/dir.lua"
: >"$T/empty.lua"
expect empty-file 1 "file is empty" -- "$BIN" check "$T/empty.lua"
printf '   \n\n' >"$T/blank.lua"
expect blank-file 1 "file is empty" -- "$BIN" check "$T/blank.lua"
awk 'BEGIN { srand(7); for (i = 0; i < 4096; i++) printf "%c", int(rand() * 255) + 1 }' >"$T/garbage.lua"
expect binary-garbage 1 "garbage.lua:[0-9]+: " -- "$BIN" check "$T/garbage.lua"
printf '\0\1\2\3binary' >"$T/nul.lua"
expect nul-bytes 1 "NUL bytes" -- "$BIN" check "$T/nul.lua"
printf '\033LuaT\0\031\223' >"$T/bytecode.lua"
expect bytecode 1 "binary \\(precompiled\\) chunks are not accepted" -- "$BIN" check "$T/bytecode.lua"
awk 'BEGIN { printf "-- "; for (i = 0; i < 5 * 1024 * 1024; i++) printf "x"; printf "\n" }' >"$T/huge.lua"
expect five-megabytes 1 "larger than the 1048576-byte limit" -- "$BIN" check "$T/huge.lua"
cat >"$T/cycle.lua" <<'LUA'
return scenario {
  id = "cycle", title = "Cycle", setting = "phone", role = "Clerk",
  resident = { name = "Lee", agitation = 40 },
  start = "a",
  beats = {
    a = { says = "One.", choices = { { "Go on.", tags = { "listen" }, go = "b", coach = "x" } } },
    b = { says = "Two.", choices = { { "And?", tags = { "ask" }, go = "a", coach = "x" } } },
  },
  endings = { never = { outcome = "resolved_accepted", debrief = "Unreachable." } },
}
LUA
expect exitless-cycle 1 "cycle.lua:6: error: beat 'a': no ending can be reached" -- "$BIN" check "$T/cycle.lua"
expect exitless-cycle-play 1 "no ending can be reached" -- "$BIN" play "$T/cycle.lua" --choices 1
printf 'return scenario {\n  id = "x",\n  title = [[unterminated\n' >"$T/syntax.lua"
expect syntax-error 1 "syntax.lua:[0-9]+: error: unfinished long string" -- "$BIN" check "$T/syntax.lua"
printf 'return 42\n' >"$T/noscenario.lua"
expect not-a-scenario 1 "must end with: return scenario" -- "$BIN" check "$T/noscenario.lua"
printf '\357\273\277#!/usr/bin/env defuse\nlocal x = nope\n' >"$T/bom.lua"
expect bom-shebang-lines 1 "bom.lua:2: error: undeclared global 'nope'" -- "$BIN" check "$T/bom.lua"
printf 'return scenario { id = "a\\27[2Jb" }\n' >"$T/esc.lua"
expect escape-in-text 1 "control character" -- "$BIN" check "$T/esc.lua"
if grep -q "$(printf '\033')" "$T/out"; then echo "FAIL escape bytes reached the terminal"; FAILS=$((FAILS + 1)); fi
cat >"$T/hidden.lua" <<'LUA'
local count = 0
return scenario {
  id = "hidden", title = "Hidden", setting = "counter", role = "Clerk",
  resident = { name = "Sam", agitation = 30 }, start = "a",
  beats = {
    a = { says = function(s) count = count + 1; return "call " .. count end,
          choices = { { "Go.", tags = { "listen" }, go = "done", coach = "c" } } },
  },
  endings = { done = { outcome = "resolved_accepted", debrief = "d" } },
}
LUA
expect hidden-state 1 "playing the same choices twice gave different runs" -- "$BIN" check --werror "$T/hidden.lua"
# Module files (a trainer's session plan) get the same file:line messages.
cat >"$T/badmod.lua" <<'LUA'
return module {
  id = "bad mod",
  title = "x",
  minutes = 300,
  objectivs = { "a" },
  objectives = { "a", 3 },
  points = {
    { title = "t", body = "b", reveal = "r" },
    "oops",
  },
  exercise = { "permit-delay-counter" },
  pace = "timd",
}
LUA
expect module-typo 1 "badmod.lua:5: warning: field 'objectivs': unknown field 'objectivs' \(did you mean 'objectives'\?\)" -- "$BIN" check "$T/badmod.lua"
expect module-range 1 "badmod.lua:4: error: field 'minutes': 300 is out of range" -- "$BIN" check "$T/badmod.lua"
expect module-pace-type 1 "badmod.lua:12: error: field 'pace': expected a table of minutes" -- "$BIN" check "$T/badmod.lua"
expect module-item 1 "badmod.lua:6: error: field 'objectives.2': expected a string" -- "$BIN" check "$T/badmod.lua"
expect module-reveal 1 "badmod.lua:8: error: field 'points.1': a reveal answers a question" -- "$BIN" check "$T/badmod.lua"
expect module-point 1 "badmod.lua:9: error: field 'points.2': expected a point table" -- "$BIN" check "$T/badmod.lua"
cat >"$T/ghost.lua" <<'LUA'
return module {
  id = "ghost", title = "Ghost exercise",
  objectives = { "Practise." },
  points = { { title = "One", body = "Body." } },
  exercise = {
    "permit-delay-counter",
    "no-such-scenario",
  },
}
LUA
expect module-unknown-exercise 1 "ghost.lua:7: error: exercise: no scenario with id 'no-such-scenario'" -- "$BIN" check "$T/ghost.lua"
printf 'module { id = "a" }\nreturn scenario { id = "b" }\n' >"$T/both.lua"
expect module-and-scenario 1 "both.lua:2: error: a file declares one scenario or one module" -- "$BIN" check "$T/both.lua"
cat >"$T/pace.lua" <<'LUA'
return module {
  id = "pace", title = "Pace that does not add up", minutes = 20,
  pace = { opening = 2, points = 6, exercise = 8, wrapup = 3, closin = 1 },
  objectives = { "Practise." },
  points = { { title = "One", body = "Body." } },
  exercise = { "permit-delay-counter" },
}
LUA
expect module-pace-sum 1 "pace.lua:3: error: field 'pace': the parts add up to 19 minutes, but the module is 20" -- "$BIN" check "$T/pace.lua"
expect module-pace-missing-part 1 "pace.lua:3: error: field 'pace.closing': required field is missing" -- "$BIN" check "$T/pace.lua"
expect module-pace-typo 1 "pace.lua:3: warning: field 'pace.closin': unknown field 'closin' \(did you mean 'closing'\?\)" -- "$BIN" check "$T/pace.lua"
expect module-no-pace 1 "ghost.lua:1: warning: no pace" -- "$BIN" check "$T/ghost.lua"
expect module-no-debrief 1 "ghost.lua:1: warning: no debrief: the room debrief after the exercise will have no discussion questions" -- "$BIN" check "$T/ghost.lua"
printf 'return module { id = "m", title = "M" }\n' >"$T/thin.lua"
expect module-missing-lists 1 "field 'points': required list is missing" -- "$BIN" check "$T/thin.lua"
chmod 000 "$T/cycle.lua"
if [ "$(id -u)" != 0 ]; then
    expect unreadable 1 "cannot open: Permission denied" -- "$BIN" check "$T/cycle.lua"
fi
# An ending whose words come from a function that fails: check finds it by playing every
# path and names the line; a learner who reaches it gets the debrief and one message.
"$BIN" new endfail --out "$T" >/dev/null
sed -i 's|      says    = "Okay. I.ll wait for the call. Thanks for actually looking.",|      says    = function(s) error("no words today") end,|' "$T/endfail.lua"
expect ending-says-fails-check 1 "endfail.lua:[0-9]+: no words today \(found by playing every path\)" -- "$BIN" check "$T/endfail.lua"
expect ending-says-fails-play 0 "the ending's words could not be made: .*endfail.lua:[0-9]+: no words today" -- \
    "$BIN" play "$T/endfail.lua" --choices 2,3,2,3 --no-record
finish
