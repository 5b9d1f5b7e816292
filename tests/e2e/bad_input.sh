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
expect ending-says-fails-check 1 "endfail.lua:[0-9]+: (error: )?no words today \(found by playing every path[^)]*\)" -- "$BIN" check "$T/endfail.lua"
expect ending-says-fails-play 0 "the ending's words could not be made: .*endfail.lua:[0-9]+: no words today" -- \
    "$BIN" play "$T/endfail.lua" --choices 2,3,2,3 --no-record
# ---- Nothing raw reaches a terminal. Each class of dangerous text (C0 with ESC and BEL, C1
# with the one-byte CSI U+009B and NEL U+0085, bidi overrides and isolates, invalid UTF-8)
# through learner names and ids, scenario text and paths: refused at entry where it makes
# no sense, and never printed raw by any command (the bytes are looked for in the output).
raw_in() { # raw_in FILE: true when FILE holds a raw control, bidi override or invalid byte
    LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177\377]')" "$1" ||
        LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$1" ||
        LC_ALL=C grep -q "$(printf '\342\200[\252-\256]')" "$1" ||
        LC_ALL=C grep -q "$(printf '\342\201[\246-\251]')" "$1"
}
clean() { # clean NAME STATUS -- command...: exit STATUS, and nothing raw in stdout+stderr
    name=$1 want=$2
    shift 3
    CASES=$((CASES + 1))
    timeout "${DEFUSE_TEST_TIMEOUT:-20}" "$@" >"$T/out.raw" 2>&1 </dev/null
    got=$?
    if [ -n "${TTY_CR:-}" ]; then tr -d '\r' <"$T/out.raw" >"$T/out"; else cp "$T/out.raw" "$T/out"; fi # a pty adds CR to each newline
    if [ "$got" -ne "$want" ]; then
        echo "FAIL $name: exit $got, expected $want"; FAILS=$((FAILS + 1)); return
    fi
    if raw_in "$T/out"; then
        echo "FAIL $name: raw control, bidi or invalid bytes in the output:"; od -c "$T/out" | head -8 | sed 's/^/  | /'
        FAILS=$((FAILS + 1)); return
    fi
    echo "ok   $name"
}
ESC=$(printf '\033[2J\033]0;pwned\007')
CSI=$(printf '\302\2332J')
NEL=$(printf 'a\302\205b')
RLO=$(printf 'txt\342\200\256exe')
LRI=$(printf 'a\342\201\246b\342\201\251')
BAD=$(printf 'a\377\300b')
for k in ESC CSI NEL RLO LRI BAD; do
    eval "v=\$$k"
    clean "a learner name with $k is refused, and not echoed raw" 2 -- "$BIN" learner --learner dsmith --name "Dana $v"
    clean "a learner id with $k is never printed raw" 0 -- "$BIN" learner --learner "jo$v"
    clean "a path with $k is never printed raw (check)" 1 -- "$BIN" check "$T/x$v.lua"
    clean "a path with $k is never printed raw (play)" 1 -- "$BIN" play "$T/x$v.lua" --no-record
done
expect "the name's refusal says why" 2 "cannot hold control characters.*or bidirectional overrides" -- \
    "$BIN" learner --learner dsmith --name "$CSI"
# Scenario text: C0, C1 and invalid UTF-8 are refused by the loader; bidi overrides are
# removed from what is shown.
mkdir -p "$T/sc/bad" "$T/sc/bidi"
"$BIN" new base --setting phone --out "$T/sc" >/dev/null 2>&1
sed -e 's|^\(  title *= \)"[^"]*"|\1"Base \\27[2J\\u{9B}31m\\u{85}\\u{202E}\\xff"|' \
    -e 's|^\(  summary *= \)"|\1"\\27]0;pwned\\7\\u{2066}|' "$T/sc/base.lua" >"$T/sc/bad/bad.lua"
sed -e 's|^\(  title *= \)"[^"]*"|\1"Base \\u{202E}txt.exe\\u{2066}x\\u{2069}"|' \
    -e 's|^\(  summary *= \)"|\1"\\u{202D}\\u{2067}|' \
    -e '0,/"/s|says = {|says = { calm = "\\u{202E}Hello.",|' "$T/sc/base.lua" >"$T/sc/bidi/bidi.lua"
clean "a scenario with C0, C1 and invalid text: check quotes nothing raw" 1 -- "$BIN" check "$T/sc/bad/bad.lua"
clean "  ...nor does play" 1 -- "$BIN" play "$T/sc/bad/bad.lua" --no-record
clean "  ...nor does list" 1 -- env DEFUSE_SCENARIOS="$T/sc/bad" "$BIN" list
clean "a scenario with bidi overrides: check shows none" 0 -- "$BIN" check "$T/sc/bidi/bidi.lua"
clean "  ...nor does play" 0 -- "$BIN" play "$T/sc/bidi/bidi.lua" --choices 1,1,1,1,1,1,1,1 --no-record
clean "  ...nor does list" 0 -- env DEFUSE_SCENARIOS="$T/sc/bidi" "$BIN" list
clean "  ...nor does analyze" 0 -- "$BIN" analyze "$T/sc/bidi/bidi.lua"
# A record edited by hand (or restored from elsewhere) can hold anything: history, learner
# and an export to a terminal show it neutralised.
if command -v sqlite3 >/dev/null; then
    "$BIN" play parking-ticket-counter --choices 3,1 --learner raw >/dev/null 2>&1
    sqlite3 "$DEFUSE_DATA_DIR/records.db" "UPDATE learners SET login = 'r' || char(27) || '[2J' || char(155) || char(8238) || 'x', display_name = 'D' || char(133) || char(7) || char(8294) WHERE login = 'raw'; UPDATE attempts SET scenario_id = 's' || char(27) || ']0;t' || char(7) || char(155)"
    clean "history shows a hand-edited record neutralised" 0 -- "$BIN" history
    check_shown() { grep -q 'r␛\[2J\\x9Bx' "$T/out"; }
    CASES=$((CASES + 1)); if check_shown; then echo "ok     ...as visible escapes"; else echo "FAIL   ...as visible escapes"; FAILS=$((FAILS + 1)); fi
    if command -v script >/dev/null; then
        TTY_CR=1 clean "an export to a terminal is neutralised" 0 -- script -qec "'$BIN' export --format csv" /dev/null
        TTY_CR=1 clean "  ...and so is one to an xAPI terminal" 0 -- script -qec "'$BIN' export --format xapi" /dev/null
    fi
    CASES=$((CASES + 1))
    if "$BIN" export --format csv 2>/dev/null | LC_ALL=C grep -q "$(printf '\302\233')"; then echo "ok   an export to a file or pipe keeps the data as it is"; else echo "FAIL an export to a file or pipe keeps the data as it is"; FAILS=$((FAILS + 1)); fi
fi
finish
