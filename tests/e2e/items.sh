#!/bin/sh
# items.sh: item analysis from the command line. check reports each scenario's cues and the
# folder's, and fails under --werror when the best option is always the longest; analyze
# plays the surface strategies through a scenario and a folder, as text and as JSON.
. "$(dirname "$0")/lib.sh"

# A scenario whose right answer is always the longest, the first shown, and says "sounds like".
mkdir -p "$T/lib"
cat >"$T/lib/longest.lua" <<'EOF'
local function beat(n, next)
  return { says = "Line " .. n .. ".", choices = {
    { "It sounds like this has been a long morning for you, and I want to hear all of it from the start " .. n .. ".",
      tags = { "acknowledge" }, go = next, coach = "c" },
    { "That's the rule " .. n .. ".", tags = { "policy_wall" }, go = next, coach = "c" },
    { "Calm down " .. n .. ".", tags = { "calm_down" }, go = next, coach = "c" },
  } }
end
return scenario {
  id = "longest", title = "Longest", setting = "counter", role = "Clerk",
  resident = { name = "Sam", agitation = 40, trust = 40, need = "recognition" },
  start = "b1",
  beats = { b1 = beat(1, "b2"), b2 = beat(2, "b3"), b3 = beat(3, "b4"), b4 = beat(4, "b5"), b5 = beat(5, "b6"),
            b6 = { says = "Fine.", choices = {
              { "[Do the paperwork with him, line by line.]", tags = { "task" }, go = "done", coach = "c" },
              { "Form's on the website.", tags = { "buck_pass" }, go = "done", coach = "c" } } } },
  endings = { done = { outcome = "resolved_satisfied", debrief = "Done." } },
}
EOF

expect check-cue-line 1 "longest.lua: item cues: 6 decisions; best option longest at 6 \\(100%\\)" -- \
    "$BIN" check --werror "$T/lib/longest.lua"
expect check-cue-warning 1 "longest.lua:[0-9]+: warning: item cues: the best option is the longest at 6 of 6 decisions" -- \
    "$BIN" check --werror "$T/lib/longest.lua"
expect check-cue-position 1 "shown at position 1 at 6 of 6 decisions" -- "$BIN" check --werror "$T/lib/longest.lua"
expect check-cue-warn-only 0 "item cues" -- "$BIN" check "$T/lib/longest.lua"
expect analyze-strategy-passes 0 "always the longest option +resolved_satisfied +score +[0-9]+ +PASSES" -- \
    "$BIN" analyze "$T/lib/longest.lua"
expect analyze-json-strategies 0 '"strategy":[[:space:]]*"longest"' -- "$BIN" analyze --json "$T/lib/longest.lua"

# A folder: one line per file and one for the folder; the strategies table and its verdict.
cp docs/examples/library-fine.lua "$T/lib/"
expect check-folder-line 1 "lib: item cues: 11 decisions" -- "$BIN" check --werror "$T/lib"
expect analyze-folder 0 "NOT met" -- "$BIN" analyze "$T/lib"
expect analyze-folder-row 0 "^longest +[0-9]+ P" -- "$BIN" analyze "$T/lib"
expect analyze-folder-json 0 '"no_strategy_works":[[:space:]]*false' -- "$BIN" analyze --json "$T/lib"

# The bundled library: clean under --werror, and no surface strategy works.
expect bundled-clean 0 "scenarios: item cues: [0-9]+ decisions" -- "$BIN" check --werror scenarios
expect bundled-strategies 0 "; met\\)" -- "$BIN" analyze scenarios
expect bundled-json 0 '"no_strategy_works":[[:space:]]*true' -- "$BIN" analyze --json scenarios

finish
