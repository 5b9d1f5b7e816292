#!/bin/sh
# check-layers.sh: the layering rule of docs/CONVENTIONS.md, checked on include lines.
#   core/ includes no SDL, Lua, SQLite or cJSON header, and no other layer;
#   only script/ includes Lua headers; only platform/ includes SDL; only records/ SQLite.
cd "$(dirname "$0")/.." || exit 2
fail=0
bad() { echo "check-layers: $1"; fail=1; }

for f in $(grep -rlE '#include *[<"](SDL|lua|lauxlib|lualib|sqlite3|cJSON)' engine/core 2>/dev/null); do
    bad "$f: engine/core must stay pure (no SDL, Lua, SQLite or cJSON)"
done
for f in $(grep -rlE '#include *"\.\./' engine/core 2>/dev/null); do
    bad "$f: engine/core must not include other layers"
done
for f in $(grep -rlE '#include *[<"](lua|lauxlib|lualib)\.h' engine | grep -v '^engine/script/'); do
    bad "$f: only engine/script may include Lua headers"
done
for f in $(grep -rlE '#include *[<"]SDL' engine | grep -v '^engine/platform/'); do
    bad "$f: only engine/platform may include SDL headers"
done
for f in $(grep -rlE '#include *[<"]sqlite3\.h' engine | grep -v '^engine/records/'); do
    bad "$f: only engine/records may include sqlite3.h"
done
for f in $(grep -rlE '#include *"\.\./(app|term)/' engine/script engine/core 2>/dev/null); do
    bad "$f: lower layers must not include app/ or term/"
done
[ $fail -eq 0 ] && echo "check-layers: ok"
exit $fail
