#!/bin/sh
# bench.sh DEFUSE: builds and runs the benchmark over the bundled scenarios. Prints figures;
# never fails on timing (only when something does not run at all).
bin=${1:-build/defuse}
cd "$(dirname "$0")/.." || exit 2
build=$(dirname "$bin")
make --no-print-directory "$build/bench" >/dev/null || exit 1
"$build/bench" "$bin" scenarios/*.lua
echo
if command -v lua5.4 >/dev/null; then
    plain=$(lua5.4 tests/bench/plain_walk.lua)
    ours=$("$build/bench" "$bin" scenarios/*.lua | awk '/^random walk/ { print $3 }')
    echo "random walk beside plain Lua 5.4 on an equivalent graph (tests/bench/plain_walk.lua):"
    echo "  plain Lua: $plain steps/s; defuse: $ours steps/s; ratio $(awk -v a="$ours" -v b="$plain" 'BEGIN { printf "%.2f", a / b }')x"
fi
start=$(date +%s%N)
"$bin" check --quiet scenarios docs/examples >/dev/null 2>&1
echo "check over every bundled scenario: $(( ($(date +%s%N) - start) / 1000000 )) ms (wall, one run)"
echo
echo "GUI under Xvfb, beside a bare SDL2 + SDL_ttf program (tests/bench/bare_sdl.c):"
sh tests/bench/gui.sh "$bin"
