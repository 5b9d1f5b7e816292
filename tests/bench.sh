#!/bin/sh
# bench.sh DEFUSE: builds and runs the benchmark over the bundled scenarios. Prints figures;
# never fails on timing (only when something does not run at all).
bin=${1:-build/defuse}
cd "$(dirname "$0")/.." || exit 2
build=$(dirname "$bin")
make --no-print-directory "$build/bench" >/dev/null || exit 1
"$build/bench" "$bin" scenarios/*.lua
