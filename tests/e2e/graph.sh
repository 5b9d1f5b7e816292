#!/bin/sh
# graph.sh: defuse graph: the DOT names every beat and ending, has one edge per choice (one
# per declared target of a 'go' function), marks the start and the safety beats, escapes
# scenario text, renders with Graphviz, and --heat adds the average agitation.
. "$(dirname "$0")/lib.sh"

fail() { echo "FAIL $*"; FAILS=$((FAILS + 1)); }

HAVE_DOT=1
if ! command -v dot >/dev/null 2>&1; then
    HAVE_DOT=0
    CASES=$((CASES + 1))
    fail "graphviz is not installed: 'dot' is not on PATH (run ./tools/deps.sh); rendering checks skipped"
fi

# render NAME FILE: dot -Tsvg must accept the graph.
render() {
    [ "$HAVE_DOT" -eq 1 ] || return
    CASES=$((CASES + 1))
    if ! dot -Tsvg "$2" >"$T/render.svg" 2>"$T/render.err"; then
        fail "$1: dot -Tsvg exits non-zero"; sed 's/^/  | /' "$T/render.err" | head -10; return
    fi
    if [ -s "$T/render.err" ]; then
        fail "$1: dot -Tsvg warns"; sed 's/^/  | /' "$T/render.err" | head -10; return
    fi
    grep -q '<svg' "$T/render.svg" || { fail "$1: dot wrote no SVG"; return; }
    echo "ok   $1"
}

# The oracle, read from the scenario source itself (the files keep one key per line):
# "beat ID", "tripwire ID", "ending ID OUTCOME", "start ID", "safety ID", "extra N" (declared
# targets beyond the first, i.e. the additional edges a 'go' function gets).
facts() {
    awk '
        /^  beats = \{/ { sec = "beat"; next }
        /^  endings = \{/ { sec = "ending"; next }
        /^  \},?$/ { sec = ""; next }
        /^  start = "/ { split($0, q, "\""); print "start", q[2] }
        /^  safety = "/ { split($0, q, "\""); print "safety", q[2] }
        sec != "" && /^    [A-Za-z0-9_-]+ = \{/ {
            id = $1
            if (sec == "beat") print "beat", id
            else pending = id
        }
        sec == "beat" && /tripwire = true/ { print "tripwire", id }
        sec == "ending" && /outcome = "/ { s = $0; sub(/.*outcome = "/, "", s); sub(/".*/, "", s); print "ending", pending, s }
        /targets = \{/ {
            s = $0; sub(/.*targets = \{/, "", s); sub(/\}.*/, "", s)
            n = gsub(/"[^"]*"/, "", s)
            if (n > 1) extra += n - 1
        }
        END { print "extra", extra + 0 }
    ' "$1"
}

check_graph() { # NAME SCENARIO-FILE (not $sname: expect sets that)
    sname=$1 file=$2
    expect "graph-$sname" 0 "^digraph \"" -- "$BIN" graph "$file"
    cp "$T/out" "$T/g.dot"
    render "graph-$sname-renders" "$T/g.dot"
    facts "$file" >"$T/facts"
    CASES=$((CASES + 1))
    bad=0
    nbeats=0
    while read -r kind id extra; do
        case "$kind" in
        beat)
            nbeats=$((nbeats + 1))
            grep -q "^  \"$id\" \\[label=\"$id" "$T/g.dot" || { fail "$sname: no node for beat '$id'"; bad=1; } ;;
        ending)
            grep -q "^  \"$id\" \\[label=\"$id\\\\n$extra\"" "$T/g.dot" ||
                { fail "$sname: no node for ending '$id' labelled with outcome '$extra'"; bad=1; } ;;
        start)
            grep "^  \"$id\" \\[" "$T/g.dot" | grep -q '(start).*bold' || { fail "$sname: start beat '$id' not marked"; bad=1; }
            [ "$(grep -c '(start)' "$T/g.dot")" -eq 1 ] || { fail "$sname: more than one node marked (start)"; bad=1; } ;;
        tripwire)
            grep "^  \"$id\" \\[" "$T/g.dot" | grep -q 'SAFETY: tripwire.*shape=octagon' ||
                { fail "$sname: tripwire beat '$id' not marked"; bad=1; } ;;
        safety)
            grep "^  \"$id\" \\[" "$T/g.dot" | grep -q 'SAFETY: .*safety beat.*shape=octagon' ||
                { fail "$sname: safety beat '$id' not marked"; bad=1; } ;;
        extra) extra_edges=$id ;;
        esac
    done <"$T/facts"
    [ "$nbeats" -gt 0 ] || { fail "$sname: the test found no beats in $file"; bad=1; }
    # edges per the engine: analyze --json lists where every choice of every beat can lead
    "$BIN" analyze --json "$file" 2>/dev/null >"$T/a.json"
    nchoices=$(grep -c '"number":' "$T/a.json")
    want=$(awk '/"to":/ { n += gsub(/"[^"]*"/, "&") - 1 } END { print n + 0 }' "$T/a.json")
    extra_edges=$((want - nchoices))
    got=$(grep -c -- ' -> ' "$T/g.dot")
    arrows=$(grep -o -- '->' "$T/g.dot" | wc -l)
    [ "$got" -eq "$want" ] || { fail "$sname: $got edges, expected $want ($nchoices choices + $extra_edges extra targets)"; bad=1; }
    [ "$arrows" -eq "$want" ] || { fail "$sname: $arrows '->' in the DOT, expected $want"; bad=1; }
    [ "$bad" -eq 0 ] && echo "ok   graph-$sname-content ($nbeats beats, $want edges)"

    expect "graph-$sname-heat" 0 "avg agitation [0-9]+ \\(" -- "$BIN" graph --heat "$file"
    "$BIN" graph --heat "$file" >"$T/h.dot" 2>/dev/null # the DOT alone, without notes on stderr
    render "graph-$sname-heat-renders" "$T/h.dot"
    CASES=$((CASES + 1))
    marked=$(grep -cE '^  "[^"]*" \[label=.*(avg agitation [0-9]+ \(|\(not reached\))' "$T/h.dot")
    if [ "$marked" -eq "$nbeats" ]; then echo "ok   graph-$sname-heat-every-beat"
    else fail "$sname --heat: $marked of $nbeats beats have an agitation or (not reached)"; fi
}

for f in scenarios/*.lua; do
    check_graph "$(basename "$f" .lua)" "$f"
done
check_graph library-fine docs/examples/library-fine.lua

# By catalog id, and --out writes the same graph to a file.
expect graph-by-id 0 "^digraph \"parking-ticket-counter\"" -- "$BIN" graph parking-ticket-counter
cp "$T/out" "$T/byid.dot"
expect graph-out 0 "" -- "$BIN" graph parking-ticket-counter --out "$T/o.dot"
CASES=$((CASES + 1))
if cmp -s "$T/o.dot" "$T/byid.dot"; then echo "ok   graph-out-same"; else fail "--out file differs from stdout"; fi
expect graph-out-unwritable 1 "cannot write" -- "$BIN" graph parking-ticket-counter --out /nonexistent/dir/g.dot

# Escaping: quotes and backslashes in the title (titles are one line), quotes, backslashes
# and a newline in a resident's line (shown on one line in the label); a 'go' function with
# no declared targets gets a dashed edge to "?".
sed -e 's|title = "Blocked at the library desk"|title = "Blocked \\"at\\" the \\\\ desk"|' \
    -e 's|says = "The review, then. And yes, fix the address."|says = "A \\"quoted\\" back\\\\slash\\nnew line"|' \
    -e '0,/go = "story",/s|go = "story",|go = function(s) return "story" end,|' \
    docs/examples/library-fine.lua >"$T/odd.lua"
expect graph-escaping 0 'label="Blocked \\"at\\" the \\\\ desk"' -- "$BIN" graph "$T/odd.lua"
cp "$T/out" "$T/odd.dot"
CASES=$((CASES + 1))
if grep -qF '\"A \"quoted\" back\\slash new line\"' "$T/odd.dot" &&
    grep -qF '"desk" -> "?" [label="2: acknowledge, listen", style=dashed' "$T/odd.dot" &&
    grep -q '^  "?" \[' "$T/odd.dot"; then echo "ok   graph-escaping-content"
else fail "escaped line or the dashed edge to \"?\" missing"; sed 's/^/  | /' "$T/odd.dot" | head -30; fi
render graph-escaping-renders "$T/odd.dot"

# Usage and errors.
expect graph-help 0 "Usage: defuse graph" -- "$BIN" graph --help
expect graph-version 0 "^defuse [0-9]+\.[0-9]+\.[0-9]+" -- "$BIN" graph --version
expect graph-in-usage 0 "graph SCENARIO" -- "$BIN" --help
expect graph-no-scenario 2 "graph needs exactly one SCENARIO" -- "$BIN" graph
expect graph-two-scenarios 2 "graph needs exactly one SCENARIO" -- "$BIN" graph a b
expect graph-bad-option 2 "Usage: defuse graph" -- "$BIN" graph parking-ticket-counter --frobnicate
expect graph-out-no-arg 2 "" -- "$BIN" graph parking-ticket-counter --out
expect graph-missing-file 1 "" -- "$BIN" graph "$T/no-such-file.lua"
expect graph-unknown-id 1 "no scenario 'no-such-thing'" -- "$BIN" graph no-such-thing
printf 'return scenario { id = "broken", beats = { } }\n' >"$T/broken.lua"
expect graph-broken-scenario 1 "error:" -- "$BIN" graph "$T/broken.lua"
finish
