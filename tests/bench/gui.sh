#!/bin/sh
# gui.sh DEFUSE: the GUI figures of make bench, each beside a bare SDL2 + SDL_ttf program
# measured in the same run under Xvfb: first frame and peak RSS (medians of five launches),
# and CPU ticks while idle for 5 s.
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
    # five launches each, alternating; the median of each figure is reported (idle: 5 s once)
    : >"$T/b"
    : >"$T/o"
    for i in 1 2 3 4 5; do
        idle=0
        [ $i -eq 3 ] && idle=5
        "$build/guibench" - $idle "$build/bench-bare" "$w" "$h" >>"$T/b"
        "$build/guibench" "$T/trace" $idle "$bin" play parking-ticket-counter --size "$size" --trace "$T/trace" >>"$T/o"
    done
    med() { awk -v f="$2" '{ print $f }' "$1" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
    idle_b=$(awk 'NR == 3 { print $6 }' "$T/b")
    idle_o=$(awk 'NR == 3 { print $6 }' "$T/o")
    bare="first_frame_ms $(med "$T/b" 2) peak_rss_mib $(med "$T/b" 4) idle_ticks $idle_b"
    ours="first_frame_ms $(med "$T/o" 2) peak_rss_mib $(med "$T/o" 4) idle_ticks $idle_o"
    echo "$size bare:   $bare"
    echo "$size defuse: $ours"
    echo "$bare $ours" | awk -v s="$size" '{ printf "%s ratios: first frame %.2fx, peak RSS %.2fx; idle ticks: bare %d, defuse %d\n", s, $8 / $2, $10 / $4, $6, $12 }'
    kill $XPID
    wait $XPID 2>/dev/null
    rm -f "$T/dnum"
done
