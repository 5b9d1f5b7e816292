#!/bin/sh
# gui.sh DEFUSE: the GUI figures of make bench, each beside a bare SDL2 + SDL_ttf program
# measured in the same run under Xvfb: first frame, peak RSS, CPU while idle for 5 s.
bin=${1:-build/defuse}
build=$(dirname "$bin")
cd "$(dirname "$0")/../.." || exit 2
command -v Xvfb >/dev/null || { echo "gui bench: Xvfb missing (make deps)"; exit 1; }
CC=${CC:-cc}
$CC -O2 -o "$build/bench-bare" tests/bench/bare_sdl.c $(pkg-config --cflags --libs sdl2 SDL2_ttf) || exit 1
$CC -O2 -o "$build/guibench" tests/bench/guibench.c || exit 1
T=$(mktemp -d)
trap 'kill $XPID 2>/dev/null; rm -rf "$T"' EXIT
for size in 1920x1080 3840x2160; do
    w=${size%x*}
    h=${size#*x}
    Xvfb -displayfd 3 -screen 0 "${size}x24" -nolisten tcp 3>"$T/dnum" 2>/dev/null &
    XPID=$!
    i=0
    while [ ! -s "$T/dnum" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    export DISPLAY=":$(cat "$T/dnum")"
    bare=$("$build/guibench" - 5 "$build/bench-bare" "$w" "$h")
    ours=$("$build/guibench" "$T/trace" 5 "$bin" play parking-ticket-counter --size "$size" --trace "$T/trace")
    echo "$size bare:   $bare"
    echo "$size defuse: $ours"
    echo "$bare $ours" | awk -v s="$size" '{ printf "%s ratios: first frame %.2fx, peak RSS %.2fx; idle ticks: bare %d, defuse %d\n", s, $8 / $2, $10 / $4, $6, $12 }'
    kill $XPID
    wait $XPID 2>/dev/null
    rm -f "$T/dnum"
done
