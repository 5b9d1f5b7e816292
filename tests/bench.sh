#!/bin/sh
# bench.sh DEFUSE: builds and runs the benchmark over the bundled scenarios. Prints figures;
# never fails on timing (only when something does not run at all).
bin=${1:-build/defuse}
cd "$(dirname "$0")/.." || exit 2
build=$(dirname "$bin")
make --no-print-directory "$build/bench" >/dev/null || exit 1
"$build/bench" "$bin" scenarios/*.lua
echo
echo "GUI under Xvfb, beside a bare SDL2 + SDL_ttf program (tests/bench/bare_sdl.c):"
sh tests/bench/gui.sh "$bin"
