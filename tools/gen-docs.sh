#!/bin/sh
# gen-docs.sh check|update DEFUSE: regenerates the generated parts of docs/*.md. A part is
# the text between "<!-- gen:KIND ARG -->" and "<!-- end -->"; KIND is
#   tags           the technique table (defuse list --tags --markdown)
#   catalog        the scenario catalogue with analysis figures (defuse list --catalog)
#   file PATH      a file of the repository, quoted in a code block (tested examples)
#   help COMMAND   the --help text of a command
#   calibration S  the calibration figures 'defuse analyze S' prints (in a code block)
# 'check' fails when a document is out of date; 'update' rewrites it.
mode=$1
bin=$2
cd "$(dirname "$0")/.." || exit 2
[ -x "$bin" ] || { echo "gen-docs: no binary at $bin"; exit 2; }
status=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
for doc in docs/*.md README.md; do
    grep -q '<!-- gen:' "$doc" || continue
    awk -v bin="$bin" '
        function emit(cmd,   line) {
            while ((cmd | getline line) > 0) print line
            close(cmd)
        }
        /<!-- gen:[a-z]+/ {
            print
            split($0, w, " ")
            kind = substr(w[2], 5); arg = w[3]
            if (kind == "tags") emit(bin " list --tags --markdown")
            else if (kind == "catalog") emit("DEFUSE_SCENARIOS=scenarios " bin " list --catalog")
            else if (kind == "file") { print "```" (arg ~ /\.lua$/ ? "lua" : ""); emit("cat " arg); print "```" }
            else if (kind == "help") { print "```"; emit(bin " " arg " --help"); print "```" }
            else if (kind == "calibration") {
                print "```"
                emit(bin " analyze " arg " | sed -n \"/^time to resolution against/,/^  and projects/p\"")
                print "```"
            }
            else { print "gen-docs: unknown kind " kind > "/dev/stderr"; exit 3 }
            skipping = 1
            next
        }
        /<!-- end -->/ { skipping = 0 }
        !skipping { print }
    ' "$doc" >"$tmp" || { echo "gen-docs: failed on $doc"; status=1; continue; }
    if cmp -s "$tmp" "$doc"; then
        continue
    elif [ "$mode" = update ]; then
        cp "$tmp" "$doc"
        echo "gen-docs: updated $doc"
    else
        echo "gen-docs: $doc is out of date; run 'make docs':"
        diff -u "$doc" "$tmp" | head -30
        status=1
    fi
done
[ $status -eq 0 ] && [ "$mode" = check ] && echo "gen-docs: generated parts are up to date"
exit $status
