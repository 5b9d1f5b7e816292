#!/bin/sh
# records.sh: the training record end to end: attempts saved by play (finished and
# unfinished), history, CSV and xAPI exports (formula-safe, filtered, written atomically,
# with each rubric dimension's evidence),
# the statements sent to a strict mock LRS (tests/lrs) that refuses the first try, the retry
# with the same ids, and what a damaged, foreign or unwritable data folder gets.
. "$(dirname "$0")/lib.sh"
CALM=3,1,4,1,2,1,3,1
check() { # check NAME COMMAND...: a case that passes when the command does
    name=$1
    shift
    CASES=$((CASES + 1))
    if "$@" >/dev/null 2>&1; then echo "ok   $name"; else echo "FAIL $name"; FAILS=$((FAILS + 1)); fi
}

expect "history before anything was recorded creates nothing" 0 "No attempts yet" -- "$BIN" history
expect "nor does an export" 0 "^\[\]$" -- "$BIN" export --format xapi
check "no records.db was made by reading" sh -c "[ ! -e '$T/data/records.db' ]"
expect "the learner before any attempt" 0 "Learner dsmith, shown as \"dsmith\": no attempts yet" -- "$BIN" learner --learner dsmith
expect "a display name is entered once" 0 "Attempts by dsmith are shown as \"Dana Smith\"" -- "$BIN" learner --learner dsmith --name "Dana Smith"
expect "a name with a control character is refused" 2 "control characters" -- "$BIN" learner --learner dsmith --name "$(printf 'Dana\033[31m')"
expect "a finished attempt is saved, and play says so" 0 "attempt saved to your training record \($T/data/records.db\)" -- \
    "$BIN" play parking-ticket-counter --choices $CALM --learner dsmith
expect "an unfinished one is kept as abandoned" 0 "unfinished attempt saved" -- \
    "$BIN" play parking-ticket-counter --choices 3,1 --learner dsmith
expect "--no-record saves nothing" 0 "" -- "$BIN" play parking-ticket-counter --choices $CALM --no-record
expect "a learner id that would be a formula in a spreadsheet" 0 "attempt saved" -- \
    "$BIN" play missed-trash-pickup --choices 2,4,1,2,4,3,1 --learner '=HYPERLINK("http://x")'
expect "history lists the attempts with outcome, score and time" 0 "parking-ticket-counter +practice +resolved_accepted +90 +17:48 +1\.4" -- \
    "$BIN" history --learner dsmith
expect "history shows the abandoned attempt without a score" 0 "abandoned +- " -- "$BIN" history --learner dsmith
expect "history sums up progress per scenario" 0 "parking-ticket-counter +1 attempt, best score 90" -- "$BIN" history --learner dsmith
expect "history of nobody" 0 "No attempts yet that match" -- "$BIN" history --learner nobody
expect "the learner after two attempts keeps the name" 0 "Learner dsmith, shown as \"Dana Smith\": 2 attempts" -- "$BIN" learner --learner dsmith

expect "CSV export to a file" 0 "3 attempts written to $T/out.csv" -- "$BIN" export --format csv --out "$T/out.csv"
check "the CSV has a header and one row per attempt" sh -c "[ \$(wc -l <'$T/out.csv') -eq 4 ] && head -1 '$T/out.csv' | grep -q '^attempt,registration,learner,'"
check "the CSV carries the display name entered once" grep -q ',dsmith,Dana Smith,' "$T/out.csv"
check "a formula-like learner is neutralised and quoted" grep -q ",\"'=HYPERLINK(\"\"http://x\"\")\"," "$T/out.csv"
check "no temporary file is left beside the export" sh -c "[ \$(ls '$T' | grep -c 'out.csv') -eq 1 ]"
expect "CSV export filtered by learner and scenario to stdout" 0 "^1,.*,dsmith,.*,parking-ticket-counter,.*,resolved_accepted,90,yes," -- \
    "$BIN" export --format csv --learner dsmith --scenario parking-ticket-counter
expect "--since after every attempt gives the header only" 0 "" -- sh -c "[ \$('$BIN' export --format csv --since 2099-01-01 | wc -l) -eq 1 ]"
expect "xAPI export: one statement per finished attempt" 0 "" -- sh -c "'$BIN' export --format xapi --out '$T/out.json' && [ \$(grep -c '\"verb\"' '$T/out.json') -eq 2 ]"
# The rubric's evidence: in the CSV beside each dimension's score, in the statements as an
# extension, and in the database for each choice (with the forecast after it).
check "the CSV has each dimension's evidence beside its score" sh -c "head -1 '$T/out.csv' | grep -q ',steps,safety,safety_evidence,respect,respect_evidence,'"
check "the CSV says which decisions raised or missed a dimension" grep -Eq ',[0-9]+,"?(raised|held|lowered|missed) [0-9]+' "$T/out.csv"
check "a dimension never at stake is not scored and says so" grep -q ',,not part of this run,' "$T/out.csv"
check "the statements carry the rubric with its evidence" sh -c "grep -q '/ext/rubric\":{\"safety\":{\"part_of_run\":' '$T/out.json' && grep -q '\"raised\":\[[0-9]' '$T/out.json'"
if command -v sqlite3 >/dev/null; then
    check "each choice played keeps its evidence and the forecast after it" sh -c "
        [ \$(sqlite3 '$T/data/records.db' 'SELECT count(*) FROM choices WHERE evidence IS NULL OR forecast_typical IS NULL') -eq 0 ] &&
        [ \$(sqlite3 '$T/data/records.db' \"SELECT count(*) FROM choices WHERE evidence LIKE '%=raised%'\") -gt 0 ]"
fi

# The statements against the real validator, through a strict mock LRS that refuses the
# first request: the first export leaves them in the outbox, the second sends them with the
# same ids, the third has nothing left to send.
if command -v node >/dev/null && [ -d tests/lrs/node_modules/@learninglocker/xapi-validation ]; then
    node tests/lrs/mock-lrs.js --port 0 --user town-key --pass 'town secret' --store "$T/lrs.json" --refuse 1 >"$T/lrs.out" 2>"$T/lrs.log" &
    LRS=$!
    i=0
    while ! grep -q listening "$T/lrs.out" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    URL=$(sed -n 's/^listening //p' "$T/lrs.out")
    mkdir -p "$T/config/defuse"
    printf '# the LRS account\nkey = town-key\nsecret = town secret\nbase_iri = https://training.example-town.gov/xapi\n' >"$T/config/defuse/lrs.conf"
    chmod 644 "$T/config/defuse/lrs.conf"
    expect "an LRS config others can read is refused" 1 "can be read by others.*chmod 600" -- \
        env XDG_CONFIG_HOME="$T/config" "$BIN" export --format xapi --lrs "$URL"
    chmod 600 "$T/config/defuse/lrs.conf"
    expect "the LRS refuses the first try: the statements wait in the outbox" 1 "0 statements sent.*2 wait in the outbox" -- \
        env XDG_CONFIG_HOME="$T/config" "$BIN" export --format xapi --lrs "$URL"
    expect "the retry sends them" 0 "2 statements sent to $URL" -- env XDG_CONFIG_HOME="$T/config" "$BIN" export --format xapi --lrs "$URL"
    expect "nothing is sent twice" 0 "^0 statements sent" -- env XDG_CONFIG_HOME="$T/config" "$BIN" export --format xapi --lrs "$URL"
    ids() { grep -o '"id": *"[0-9a-f-]\{36\}"' "$1" | tr -d ' ' | sort | tr -d '\n'; }
    check "the LRS stored both, valid (it validates every statement), with the ids of the export" \
        sh -c "[ -n \"\$1\" ] && [ \"\$1\" = \"\$2\" ]" _ "$(ids "$T/lrs.json")" "$(ids "$T/out.json")"
    check "the statements carry the configured base IRI and the outcome extension" grep -q 'https://training.example-town.gov/xapi/ext/outcome' "$T/lrs.json"
    check "the LRS took the rubric extension (it validates every statement)" grep -q 'https://training.example-town.gov/xapi/ext/rubric' "$T/lrs.json"
    check "the LRS saw the version header and Basic auth on every request (no 400 or 401)" sh -c "! grep -qE ' (400|401) ' '$T/lrs.log'"
    expect "a wrong secret is reported and the statements stay queued" 0 "" -- sh -c "
        '$BIN' play parking-ticket-counter --choices $CALM >/dev/null 2>&1
        printf 'key = town-key\nsecret = wrong\n' >'$T/bad.conf'; chmod 600 '$T/bad.conf'
        '$BIN' export --format xapi --lrs '$URL' --config '$T/bad.conf' 2>&1 | grep -q 'HTTP 401' &&
        XDG_CONFIG_HOME='$T/config' '$BIN' export --format xapi --lrs '$URL' | grep -q '^1 statement sent'"
    # A statement the LRS refuses for good (409: the same id with other content) is kept but
    # not retried; the rest go on.
    if command -v sqlite3 >/dev/null; then
        sqlite3 "$T/data/records.db" "DELETE FROM outbox WHERE rowid = (SELECT min(rowid) FROM outbox)"
        expect "a 409 is a refusal: reported once, kept, never retried" 1 "1 refused by the LRS" -- \
            env XDG_CONFIG_HOME="$T/config" "$BIN" export --format xapi --lrs "$URL" --base-iri https://other.example/xapi
        expect "the next try has nothing to send" 0 "^0 statements sent" -- env XDG_CONFIG_HOME="$T/config" "$BIN" export --format xapi --lrs "$URL"
    else
        CASES=$((CASES + 1)); FAILS=$((FAILS + 1)); echo "FAIL sqlite3 is missing (make deps installs it)"
    fi
    printf 'endpoint = %s\nkey = town-key\nsecret = town secret\ntimeout = 5\n' "$URL" >"$T/send.conf"
    chmod 600 "$T/send.conf"
    expect "--send uses the config's endpoint" 0 "statements? sent to $URL" -- "$BIN" export --format xapi --send --config "$T/send.conf"
    kill $LRS 2>/dev/null
    # A server that answers 200 but is not an LRS (a portal page): nothing is marked sent.
    node -e 'require("http").createServer((q, r) => { r.writeHead(200, {"Content-Type": "text/html"}); r.end("<html>welcome</html>"); }).listen(0, "127.0.0.1", function () { console.log("listening http://127.0.0.1:" + this.address().port + "/"); })' >"$T/portal.out" &
    PORTAL=$!
    i=0
    while ! grep -q listening "$T/portal.out" && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
    PURL=$(sed -n 's/^listening //p' "$T/portal.out")
    expect "a 200 without the statement's id is not taken for stored" 1 "is $PURL an LRS's endpoint" -- \
        sh -c "'$BIN' play parking-ticket-counter --choices $CALM >/dev/null 2>&1; XDG_CONFIG_HOME='$T/config' '$BIN' export --format xapi --lrs '$PURL' 2>&1"
    kill $PORTAL 2>/dev/null
    expect "an LRS that is not there: the statements wait" 1 "wait in the outbox|Could not connect|Couldn't connect" -- \
        sh -c "'$BIN' play parking-ticket-counter --choices $CALM >/dev/null 2>&1; XDG_CONFIG_HOME='$T/config' '$BIN' export --format xapi --lrs '$URL' 2>&1"
else
    CASES=$((CASES + 1)); FAILS=$((FAILS + 1))
    echo "FAIL node or the xAPI validator is missing (make deps installs them)"
fi

# Several defuse at once on a new data folder: every attempt saved, nothing moved aside.
(
    export DEFUSE_DATA_DIR="$T/many"
    for i in 1 2 3 4 5 6 7 8; do "$BIN" play parking-ticket-counter --choices $CALM >/dev/null 2>"$T/many-$i.err" & done
    wait
)
check "8 plays started together: 8 saved, nothing kept aside" sh -c "
    [ \$(cat '$T'/many-*.err | grep -c 'attempt saved') -eq 8 ] &&
    [ \$(DEFUSE_DATA_DIR='$T/many' '$BIN' history | grep -c resolved_accepted) -eq 8 ] &&
    ! ls '$T/many' | grep -qE 'damaged|foreign'"
expect "a learner id is matched as play saved it" 0 "parking-ticket-counter" -- sh -c "
    '$BIN' play parking-ticket-counter --choices $CALM --learner 'jo smith' >/dev/null 2>&1; '$BIN' history --learner 'jo smith'"
printf 'base_iri = https://town.example/xapi\nwhatever = 1\n' >"$T/loose.conf"
chmod 644 "$T/loose.conf"
expect "a CSV export ignores the LRS settings it does not need" 0 "" -- "$BIN" export --format csv --config "$T/loose.conf"
expect "an xAPI file export takes the base IRI from the config" 0 "https://town.example/xapi/scenarios/" -- "$BIN" export --format xapi --config "$T/loose.conf"
expect "sending with that config is refused" 1 "can be read by others" -- "$BIN" export --format xapi --send --config "$T/loose.conf"
expect "a day that does not exist" 2 "expected a date" -- "$BIN" export --format csv --since 2026-02-31
expect "a date with a sign in it" 2 "expected a date" -- "$BIN" history --since 2026-+1-01

# Bad options.
expect "--format of another kind" 2 "expected csv or xapi" -- "$BIN" export --format pdf
expect "no --format" 2 "needs --format" -- "$BIN" export
expect "--since that is not a date" 2 "expected a date YYYY-MM-DD" -- "$BIN" export --format csv --since yesterday
expect "--lrs with CSV" 2 "use --format xapi" -- "$BIN" export --format csv --lrs http://127.0.0.1:9/
expect "--lrs that is not a URL" 2 "expected an http" -- "$BIN" export --format xapi --lrs ftp://x --config /dev/null
expect "a base IRI with a space" 2 "must start with http" -- "$BIN" export --format xapi --base-iri "https://a b"
expect "--learner too long" 2 "1 to 64" -- "$BIN" play parking-ticket-counter --choices 1 --learner "$(printf '%070d' 0)"
expect "an export to a folder that does not exist" 1 "cannot create" -- "$BIN" export --format csv --out "$T/nowhere/x.csv"

# Damaged, foreign and unwritable data folders.
mkdir -p "$T/d1"
printf 'not a database at all' >"$T/d1/records.db"
DEFUSE_DATA_DIR="$T/d1" expect "reading a foreign file says so and leaves it" 1 "not a defuse database.*left as it is" -- "$BIN" history
check "history moved nothing" sh -c "[ \$(ls '$T/d1' | grep -c foreign) -eq 0 ]"
expect "DEFUSE_NO_RECORD: the menu makes no data folder" 0 "" -- sh -c "
    printf '1\n3\nq\nq\n' | DEFUSE_NO_RECORD=1 DEFUSE_DATA_DIR='$T/none' '$BIN' --text >/dev/null 2>&1; [ ! -e '$T/none' ]"
DEFUSE_DATA_DIR="$T/d1" expect "a foreign file is kept aside, the user is told, and the attempt is saved" 0 "not a defuse database.*kept as .*records.db.foreign-[0-9]{8}-[0-9]{6}.*attempt saved" -- \
    sh -c "'$BIN' play parking-ticket-counter --choices $CALM 2>&1 | tr '\n' ' '"
check "the foreign file is still there, unchanged" sh -c "cat '$T'/d1/records.db.foreign-* | grep -q 'not a database at all'"
: >"$T/in-the-way"
DEFUSE_DATA_DIR="$T/in-the-way/data" expect "an unwritable data folder: one warning, the debrief still shows, exit 0" 0 "warning: this attempt was not saved.*--transcript" -- \
    sh -c "'$BIN' play parking-ticket-counter --choices $CALM 2>&1 | tr '\n' ' '"
DEFUSE_DATA_DIR="$T/in-the-way/data" expect "--transcript keeps the attempt elsewhere" 0 "" -- \
    sh -c "'$BIN' play parking-ticket-counter --choices $CALM --transcript '$T/kept.json' >/dev/null 2>&1; grep -q resolved_accepted '$T/kept.json'"
expect "help" 0 "Learning Record Store" -- "$BIN" export --help
finish
