#!/bin/sh
# docs_lua.sh: keeps the docs honest. Every ```lua block of docs/*.md and README.md must be
# valid: a complete scenario or module (one with `return scenario` or `return module` and no `{ ... }` placeholder) must
# load with `defuse check` (warnings allowed); anything else (a table, a beat, a choice, an
# outline with `{ ... }`) must at least parse as Lua (luac5.4 -p). The examples in
# docs/examples must pass `check --werror`, and the starter of `defuse new` must pass
# `check --werror`, `analyze` and `test` in every setting.
. "$(dirname "$0")/lib.sh"
cd "$(dirname "$0")/../.." || exit 2

# The Lua parser for fragments (installed by tools/deps.sh).
LUAC=""
if command -v luac5.4 >/dev/null 2>&1; then
    LUAC=luac5.4
elif command -v luac >/dev/null 2>&1 && luac -v 2>&1 | grep -q 'Lua 5\.4'; then
    LUAC=luac
fi

fail() { # message, then indented details from $T/out
    echo "FAIL $1"
    sed 's/^/  | /' "$T/out" | head -20
    FAILS=$((FAILS + 1))
}

# Rewrites "TMPFILE:N:" in $T/out as "DOC:N+OFFSET:" so failures point into the document.
map_lines() { # tmpfile doc offset
    awk -v f="$1:" -v d="$2" -v off="$3" '{
        out = ""; s = $0
        while ((i = index(s, f)) > 0) {
            out = out substr(s, 1, i - 1); s = substr(s, i + length(f))
            if (match(s, /^[0-9]+:/)) {
                out = out d ":" (substr(s, 1, RLENGTH - 1) + off) ":"; s = substr(s, RLENGTH + 1)
            } else out = out d ":"
        }
        print out s
    }' "$T/out" >"$T/out.mapped" && mv "$T/out.mapped" "$T/out"
}

# 1. Extract the blocks: $T/blocks/N.lua, and "N DOC LINE" (LINE: the opening fence) in the index.
mkdir -p "$T/blocks"
: >"$T/index"
for doc in docs/*.md README.md; do
    [ -f "$doc" ] || continue
    awk -v doc="$doc" -v dir="$T/blocks" -v idx="$T/index" -v n="$(wc -l <"$T/index")" '
        !inblock && /^[ \t]*```lua[ \t]*$/ { inblock = 1; n++; f = dir "/" n ".lua"; printf "" >f
                                            print n, doc, NR >>idx; next }
        inblock && /^[ \t]*```[ \t]*$/ { inblock = 0; close(f); next }
        inblock { print >>f }
        END { if (inblock) print "unterminated ```lua block at " doc ":" NR > "/dev/stderr" }
    ' "$doc"
done
nblocks=$(wc -l <"$T/index")
if [ "$nblocks" -eq 0 ]; then
    echo "FAIL no \`\`\`lua blocks found in docs/*.md or README.md"; FAILS=$((FAILS + 1))
fi

# 2. Check each block.
while read -r n doc line; do
    b="$T/blocks/$n.lua"
    name="$doc:$line (lua block $n)"
    CASES=$((CASES + 1))
    if grep -Eq 'return (scenario|module)' "$b" && ! grep -Eq '\{[[:space:]]*\.\.\.[[:space:]]*\}' "$b"; then
        # A complete scenario: it must load. Warnings are allowed, errors are not.
        timeout "${DEFUSE_TEST_TIMEOUT:-20}" "$BIN" check "$b" >"$T/out" 2>&1
        got=$?
        map_lines "$b" "$doc" "$line"
        if [ "$got" -ne 0 ] || grep -q 'error:' "$T/out"; then
            fail "$name: this scenario does not pass 'defuse check' (exit $got)"
        else
            echo "ok   $name: scenario loads"
        fi
        continue
    fi
    if [ -z "$LUAC" ]; then
        echo "no luac5.4 (run ./tools/deps.sh)" >"$T/out"
        fail "$name: cannot check this fragment"
        continue
    fi
    # A fragment: it must parse inside a table, as a local table, or as it is.
    ok=""
    for wrap in return local asis; do
        case $wrap in
        return) { echo 'return {'; cat "$b"; echo '}'; } >"$T/frag.lua"; off=$((line - 1)) ;;
        local) { echo 'local _ = {'; cat "$b"; echo '}'; } >"$T/frag.lua"; off=$((line - 1)) ;;
        asis) cp "$b" "$T/frag.lua"; off=$line ;;
        esac
        if "$LUAC" -p -o /dev/null "$T/frag.lua" >"$T/out" 2>&1; then
            ok=$wrap
            break
        fi
    done
    if [ -n "$ok" ]; then
        echo "ok   $name: parses ($ok)"
    else
        # $T/out holds the error of the last attempt (the block as it is).
        map_lines "$T/frag.lua" "$doc" "$off"
        fail "$name: not valid Lua, neither as table contents nor on its own"
    fi
done <"$T/index"

# 3. The example scenarios are clean.
for f in docs/examples/*.lua; do
    [ -f "$f" ] || continue
    expect "example-werror $f" 0 "ok \\(0 errors, 0 warnings\\)" -- "$BIN" check --werror "$f"
done

# 4. The starter of 'defuse new' is clean, analysable and passes its own tests, in every setting.
mkdir -p "$T/new"
for s in counter phone email field enforcement internal; do
    expect "new-$s" 0 "wrote .*starter-$s\\.lua" -- "$BIN" new "starter-$s" --setting "$s" --out "$T/new"
    expect "new-$s-check" 0 "ok \\(0 errors, 0 warnings\\)" -- "$BIN" check --werror "$T/new/starter-$s.lua"
    expect "new-$s-test" 0 "4 passed, 0 failed" -- "$BIN" test "$T/new/starter-$s.lua"
    # calibrated, and the forecast tells the lesson's story along the best path
    expect "new-$s-calibrated" 0 "every choice lowers the forecast or keeps it" -- "$BIN" analyze "$T/new/starter-$s.lua"
    if grep -q "<- outside" "$T/out"; then echo "FAIL new-$s-calibrated: a figure outside its target"; FAILS=$((FAILS + 1)); fi
done
expect new-analyze 0 "coverage: ([0-9]+) of \\1 beats, ([0-9]+) of \\2 choices" -- \
    "$BIN" analyze "$T/new/starter-counter.lua"
(cd "$T/new" && "$BIN" new here >/dev/null 2>&1)
[ -f "$T/new/here.lua" ] || { echo "FAIL new without --out does not write to the current folder"; FAILS=$((FAILS + 1)); }
cp "$T/new/here.lua" "$T/here.before"
expect new-no-overwrite 1 "already exists; not overwriting" -- "$BIN" new here --out "$T/new"
cmp -s "$T/here.before" "$T/new/here.lua" || { echo "FAIL new changed an existing file"; FAILS=$((FAILS + 1)); }
expect new-help 0 "Usage: defuse new" -- "$BIN" new --help
expect new-version 0 "^defuse [0-9]+\\.[0-9]+\\.[0-9]+" -- "$BIN" new --version
expect new-no-name 2 "new needs exactly one NAME" -- "$BIN" new
expect new-bad-name 2 "not a valid name" -- "$BIN" new "two words"
expect new-dot-lua 2 "without '.lua'" -- "$BIN" new mine.lua
expect new-bad-setting 2 "--setting: 'desk' is not one of" -- "$BIN" new mine --setting desk
expect new-bad-dir 1 "cannot write" -- "$BIN" new mine --out /nonexistent/dir
finish
