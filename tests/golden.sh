#!/bin/sh
# golden.sh check|update DEFUSE: scripted playthroughs of bundled scenarios compared
# exactly with committed JSON transcripts in tests/golden/. Each case is a line of
# tests/golden/cases.txt: "NAME SCENARIO SEED CHOICES". 'update' rewrites them on purpose.
mode=$1
bin=$2
cd "$(dirname "$0")/.." || exit 2
[ -x "$bin" ] || { echo "golden: no binary at $bin"; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
n=0
while read -r name scenario seed choices; do
    case "$name" in ''|'#'*) continue ;; esac
    n=$((n + 1))
    out="$tmp/$name.json"
    if ! DEFUSE_SCENARIOS=scenarios "$bin" play "$scenario" --seed "$seed" --choices "$choices" \
            --transcript "$out" >"$tmp/$name.txt" 2>"$tmp/$name.err"; then
        echo "golden: $name: play failed:"; cat "$tmp/$name.err"; status=1; continue
    fi
    if grep -q '"result":[[:space:]]*null' "$out"; then
        echo "golden: $name: the choices did not reach an ending"; status=1
    fi
    if [ "$mode" = update ]; then
        cp "$out" "tests/golden/$name.json"
        echo "golden: updated $name"
    elif ! cmp -s "$out" "tests/golden/$name.json"; then
        echo "golden: $name differs from tests/golden/$name.json:"
        diff -u "tests/golden/$name.json" "$out" | head -40
        status=1
    fi
done < tests/golden/cases.txt
[ $n -gt 0 ] || { echo "golden: no cases"; exit 1; }
[ $status -eq 0 ] && echo "golden: $n transcripts match"
exit $status
