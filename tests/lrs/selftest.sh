#!/bin/sh
# selftest.sh: checks the mock LRS itself (auth, headers, validation, id rules, --refuse)
# before tests rely on it. Prints "ok NAME" / "FAIL NAME ..." and exits 1 on any failure.
# Uses curl when present, else a tiny node client (LRS_SELFTEST_NO_CURL=1 forces that).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
MOCK="$HERE/mock-lrs.js"
USER_KEY=selftest-key
PASS_KEY='s3cret:with colon'
T=$(mktemp -d "${TMPDIR:-/tmp}/lrs-selftest.XXXXXX") || exit 1
PID=""
pass=0
failn=0

cleanup() {
    if [ -n "$PID" ]; then kill "$PID" 2>/dev/null; wait "$PID" 2>/dev/null; fi
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

if ! command -v node >/dev/null 2>&1; then
    echo "FAIL node is not installed (sh tools/deps.sh installs it)"
    exit 1
fi
if [ ! -d "$HERE/node_modules/@learninglocker/xapi-validation" ]; then
    echo "FAIL the validator is not installed: npm ci --prefix tests/lrs (sh tools/deps.sh does it)"
    exit 1
fi

ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() {
    failn=$((failn + 1))
    echo "FAIL $1: $2"
    [ -s "$T/body" ] && printf '      body: %s\n' "$(head -c 300 "$T/body")"
    [ -f "$T/lrs.err" ] && tail -n 5 "$T/lrs.err" | sed 's/^/      lrs: /'
}

# start [mock options...]: starts the mock on a free port; sets PID, URL and STORE.
start() {
    STORE="$T/store-$$-$pass-$failn.json"
    : >"$T/lrs.out"
    node "$MOCK" --port 0 --user "$USER_KEY" --pass "$PASS_KEY" --store "$STORE" "$@" \
        >"$T/lrs.out" 2>>"$T/lrs.err" &
    PID=$!
    URL=""
    i=0
    while [ $i -lt 100 ]; do
        URL=$(sed -n 's|^listening \(http://127\.0\.0\.1:[0-9][0-9]*/\)$|\1|p' "$T/lrs.out")
        [ -n "$URL" ] && return 0
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.1
        i=$((i + 1))
    done
    echo "FAIL the mock LRS did not start:"
    cat "$T/lrs.out" "$T/lrs.err" | sed 's/^/      /'
    exit 1
}

stop() {
    kill "$PID" 2>/dev/null
    wait "$PID"
    rc=$?
    PID=""
    return $rc
}

# req METHOD PATH AUTH VERSION CTYPE [BODYFILE]: an HTTP request to the mock; an empty
# AUTH, VERSION or CTYPE leaves that header out. Prints the status; the body goes to $T/body.
req() {
    if command -v curl >/dev/null 2>&1 && [ -z "${LRS_SELFTEST_NO_CURL:-}" ]; then
        set -- "$@" ""
        curl -s -o "$T/body" -w '%{http_code}' -X "$1" \
            ${3:+-u "$3"} ${4:+-H "X-Experience-API-Version: $4"} ${5:+-H "Content-Type: $5"} \
            ${6:+--data-binary "@$6"} "$URL${2#/}"
    else
        node -e '
const [method, url, auth, version, ctype, file, out] = process.argv.slice(1);
const fs = require("fs");
const headers = {};
if (auth) headers.Authorization = "Basic " + Buffer.from(auth).toString("base64");
if (version) headers["X-Experience-API-Version"] = version;
if (ctype) headers["Content-Type"] = ctype;
const body = file ? fs.readFileSync(file) : null;
if (body) headers["Content-Length"] = body.length;
const r = require("http").request(url, { method, headers }, (res) => {
    const chunks = [];
    res.on("data", (c) => chunks.push(c));
    res.on("end", () => { fs.writeFileSync(out, Buffer.concat(chunks)); process.stdout.write(String(res.statusCode)); });
});
r.on("error", (e) => { fs.writeFileSync(out, e.message); process.stdout.write("000"); });
r.end(body || undefined);' "$1" "$URL${2#/}" "$3" "$4" "$5" "${6:-}" "$T/body"
    fi
}

# check NAME EXPECTED-STATUS METHOD PATH AUTH VERSION CTYPE [BODYFILE]
check() {
    name=$1
    want=$2
    shift 2
    : >"$T/body"
    got=$(req "$@")
    if [ "$got" = "$want" ]; then ok "$name"; else bad "$name" "status $got, expected $want"; fi
}

# json FILE EXPR: prints a JS expression evaluated with j = the parsed FILE.
json() {
    node -e 'const j = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
process.stdout.write(String(eval(process.argv[2])));' "$1" "$2"
}

# variant NAME JS: writes $T/NAME.json, the example statement changed by JS (s is the statement).
variant() {
    node -e 'const fs = require("fs"); const s = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
eval(process.argv[2]); fs.writeFileSync(process.argv[3], JSON.stringify(s));' \
        "$T/good.json" "$2" "$T/$1.json"
}

# The statement of ECOSYSTEM.md 1.3: employee X completed scenario Y, score 0.82, PT4M30S.
cat >"$T/good.json" <<'JSON'
{
  "id": "2f1c8a5e-7d44-4b7e-9a31-5c0e6d2b9f10",
  "timestamp": "2025-03-14T10:22:05.120Z",
  "actor": {
    "objectType": "Agent",
    "name": "Employee X",
    "account": { "homePage": "https://hr.example-town.gov", "name": "E10442" }
  },
  "verb": {
    "id": "http://adlnet.gov/expapi/verbs/completed",
    "display": { "en-US": "completed" }
  },
  "object": {
    "objectType": "Activity",
    "id": "https://training.example-town.gov/xapi/scenarios/front-desk-permit-dispute",
    "definition": {
      "type": "http://adlnet.gov/expapi/activities/simulation",
      "name": { "en-US": "Scenario Y: permit-counter dispute" }
    }
  },
  "result": {
    "score": { "scaled": 0.82, "raw": 82, "min": 0, "max": 100 },
    "success": true,
    "completion": true,
    "duration": "PT4M30S",
    "extensions": {
      "https://training.example-town.gov/xapi/ext/outcome": "resolved"
    }
  },
  "context": {
    "registration": "9b0d3c6a-4e1f-4c2a-8f57-1d2e3f4a5b6c",
    "platform": "deesc-sim 0.1.0 (Linux, SDL2)",
    "language": "en-US",
    "contextActivities": {
      "parent":   [ { "objectType": "Activity", "id": "https://training.example-town.gov/xapi/modules/deescalation-101" } ],
      "category": [ { "objectType": "Activity", "id": "https://training.example-town.gov/xapi/profiles/deesc-sim/v1" } ]
    },
    "extensions": {
      "https://training.example-town.gov/xapi/ext/mode": "solo",
      "https://training.example-town.gov/xapi/ext/scenario-version": "1.3.0"
    }
  }
}
JSON
ID=2f1c8a5e-7d44-4b7e-9a31-5c0e6d2b9f10
ID2=6a1d5f3e-0b7c-4d2a-9e8f-3c4b5a697810
# Same content, keys in another order: still "the same statement".
variant reordered 'const t = {}; for (const k of Object.keys(s).reverse()) t[k] = s[k]; for (const k in s) delete s[k]; Object.assign(s, t);'
variant changed 's.result.score.scaled = 0.5; s.result.score.raw = 50;'
variant badduration 's.id = "'$ID2'"; s.result.duration = "4:30";'
variant noid 'delete s.id;'
# A batch: the stored statement again plus a new one (passed).
json "$T/good.json" 'const b = JSON.parse(JSON.stringify(j)); b.id = "'$ID2'";
b.verb = { id: "http://adlnet.gov/expapi/verbs/passed", display: { "en-US": "passed" } };
JSON.stringify([j, b])' >"$T/batch.json"

A="$USER_KEY:$PASS_KEY"
V=1.0.3
J=application/json

start
check about 200 GET /about "" "" ""
v=$(json "$T/body" 'j.version.join(",")' 2>/dev/null)
[ "$v" = 1.0.3 ] && ok about-body || bad about-body "version '$v', expected 1.0.3"
check no-auth 401 POST /statements "" $V $J "$T/good.json"
check wrong-pass 401 POST /statements "$USER_KEY:nope" $V $J "$T/good.json"
check get-no-auth 401 GET /statements "" $V ""
check no-version 400 POST /statements "$A" "" $J "$T/good.json"
check version-2 400 POST /statements "$A" 2.0.0 $J "$T/good.json"
check wrong-content-type 400 POST /statements "$A" $V text/plain "$T/good.json"
check unknown-path 404 POST /statement "$A" $V $J "$T/good.json"
check valid 200 POST /statements "$A" $V $J "$T/good.json"
v=$(json "$T/body" 'j.join(",")' 2>/dev/null)
[ "$v" = "$ID" ] && ok valid-ids || bad valid-ids "answer '$v', expected [\"$ID\"]"
check same-again 200 POST /statements "$A" $V $J "$T/good.json"
check same-again-reordered 200 POST /statements "$A" $V "$J; charset=utf-8" "$T/reordered.json"
check same-again-put 204 PUT "/statements?statementId=$ID" "$A" $V $J "$T/good.json"
check conflict 409 POST /statements "$A" $V $J "$T/changed.json"
check conflict-put 409 PUT "/statements?statementId=$ID" "$A" $V $J "$T/changed.json"
check invalid-duration 400 POST /statements "$A" $V $J "$T/badduration.json"
grep -q 'result.duration' "$T/body" && ok invalid-names-path || bad invalid-names-path "no result.duration in the answer"
check missing-id 400 POST /statements "$A" $V $J "$T/noid.json"
check get-all 200 GET /statements "$A" $V ""
n=$(json "$T/body" 'j.statements.length + " " + j.statements[0].result.score.scaled + " " + JSON.stringify(j.more)' 2>/dev/null)
[ "$n" = '1 0.82 ""' ] && ok stored-once || bad stored-once "got '$n', expected one statement, scaled 0.82, more \"\""
n=$(json "$STORE" 'j.length + " " + j[0].id' 2>/dev/null)
[ "$n" = "1 $ID" ] && ok store-file || bad store-file "store file holds '$n'"
check batch-with-stored 200 POST /statements "$A" $V $J "$T/batch.json"
n=$(json "$STORE" 'j.map((s) => s.verb.display["en-US"]).join(",")' 2>/dev/null)
[ "$n" = completed,passed ] && ok batch-stored || bad batch-stored "store file holds '$n'"
if stop; then ok sigterm-exit-0; else bad sigterm-exit-0 "exit status $rc"; fi

start --refuse 1
check refused-first 503 POST /statements "$A" $V $J "$T/good.json"
check accepted-second 200 POST /statements "$A" $V $J "$T/good.json"
check refuse-get 200 GET /statements "$A" $V ""
n=$(json "$T/body" 'j.statements.length' 2>/dev/null)
[ "$n" = 1 ] && ok refuse-stored-once || bad refuse-stored-once "$n statements stored, expected 1"
stop

echo "$pass passed, $failn failed"
[ "$failn" = 0 ]
