#!/bin/sh
# records_faults.sh: the training record never hangs and never loses silently. A held
# records.db.lock is waited for a bounded time (DF_STORE_LOCK_WAIT_MS, 3 s), then reading
# commands read anyway and saving keeps the attempt aside (added by the next save); a
# read-only data folder is a mode (reading works, saving says records are off); and every
# write the user asked for (exports, history, transcripts) that fails says what was not
# written and exits 1: a full device, a closed pipe, a full file system, a size limit.
. "$(dirname "$0")/lib.sh"
CALM=3,1,4,1,2,1,3,1
check() { # check NAME COMMAND...
    name=$1
    shift
    CASES=$((CASES + 1))
    if "$@" >/dev/null 2>&1; then echo "ok   $name"; else echo "FAIL $name"; FAILS=$((FAILS + 1)); fi
}
D=$T/data
"$BIN" play parking-ticket-counter --choices $CALM >/dev/null 2>&1
"$BIN" play parking-ticket-counter --choices 3,1 >/dev/null 2>&1

# ---- a held lock: another process holds records.db.lock (here flock(1) from util-linux,
# holding it far longer than the test's time limit, so a command that waits for it
# forever fails by timing out)
HOLD=$(( ${DEFUSE_TEST_TIMEOUT:-20} * 3 ))
hold_lock() {
    rm -f "$T/held"
    flock "$D/records.db.lock" sh -c "touch '$T/held'; exec sleep $HOLD" &
    HOLDER=$!
    i=0
    while [ ! -e "$T/held" ] && [ $i -lt 200 ]; do sleep 0.1; i=$((i + 1)); done
}
release_lock() {
    pkill -P "$HOLDER" 2>/dev/null; kill "$HOLDER" 2>/dev/null; wait "$HOLDER" 2>/dev/null
}
if command -v flock >/dev/null; then
    hold_lock
    expect "held lock: history waits a bounded time, says so, and reads anyway" 0 \
        "waiting for another defuse.*at most 3 s" -- "$BIN" history
    check "  ...showing the attempts, read-only" grep -Eq "held records.db.lock .* for 3 s: showing the record read-only" "$T/out"
    check "  ...with the attempts in it" grep -q "2 attempts" "$T/out"
    expect "held lock: a CSV export reads anyway" 0 "showing the record read-only" -- "$BIN" export --format csv
    check "  ...and has both attempts" sh -c "[ \$(grep -c parking-ticket-counter '$T/out') -eq 2 ]"
    expect "held lock: the learner is shown" 0 "Learner .*: 2 attempts" -- "$BIN" learner
    expect "held lock: play keeps the attempt aside and says where, and how it is added" 0 \
        "in use by another defuse.*kept in $D/pending/attempt-[0-9]{8}-[0-9]{6}-[0-9a-f]{8}\.db and will be added to your training record the next time defuse saves" -- \
        "$BIN" play parking-ticket-counter --choices $CALM
    check "  ...the kept file is there (and nothing half-written beside it)" sh -c "[ \$(ls '$D/pending' | grep -c '^attempt-.*\.db$') -eq 1 ] && [ \$(ls -A '$D/pending' | wc -l) -eq 1 ]"
    expect "held lock: --name cannot be kept now, and says why" 1 "in use by another defuse" -- "$BIN" learner --name "Dana Smith"
    release_lock
    expect "the next save adds the kept attempt, and says so" 0 "1 attempt kept in $D/pending while the record was busy is now in $D/records.db.*attempt saved" -- \
        sh -c "'$BIN' play parking-ticket-counter --choices $CALM 2>&1 | tr '\n' ' '"
    check "  ...the history has all four" sh -c "'$BIN' history | grep -q '^4 attempts'"
    check "  ...and the pending folder is empty" sh -c "[ -z \"\$(ls -A '$D/pending')\" ]"
else
    echo "skip held-lock cases: flock (util-linux) is missing"
fi

# ---- failed writes: a full device
expect "export to a full stdout: exit 1 and says what was not written" 1 "export: could not write to standard output: No space left on device" -- \
    sh -c "'$BIN' export --format csv >/dev/full"
expect "history to a full stdout" 1 "history: could not write to standard output: No space left" -- sh -c "'$BIN' history >/dev/full"
expect "learner to a full stdout" 1 "learner: could not write to standard output" -- sh -c "'$BIN' learner >/dev/full"
# A device given as the file to write is written, never replaced: an older defuse running as
# root renamed its temporary file over /dev/full. So these use a full device of the test's
# own (mknod, as root) and never the system's.
if mknod "$T/full" c 1 7 2>/dev/null; then
    expect "export --out a full device" 1 "export: $T/full was not written whole: No space left on device" -- "$BIN" export --format csv --out "$T/full"
    expect "a transcript to a full device" 1 "the transcript: $T/full was not written" -- \
        "$BIN" play parking-ticket-counter --choices $CALM --no-record --transcript "$T/full"
    check "  ...which is still a device" test -c "$T/full"
else
    echo "skip --out a full device: mknod needs root (a full stdout covers the same error path)"
fi
expect "a transcript to a full stdout" 1 "the transcript: could not write to standard output" -- \
    sh -c "'$BIN' play parking-ticket-counter --choices $CALM --no-record --transcript - >/dev/full"

# ---- a closed pipe: SIGPIPE is ignored, so the error is reported, not a silent death
if command -v python3 >/dev/null; then
    cat >"$T/closed.py" <<'PY'
import os, subprocess, sys
r, w = os.pipe()
os.close(r)  # the reader is gone before the first byte (like "| head -c0")
p = subprocess.run(sys.argv[1:], stdout=w, stderr=subprocess.PIPE)  # default SIGPIPE in the child
sys.stderr.write(p.stderr.decode(errors="replace"))
sys.exit(p.returncode if p.returncode >= 0 else 128 - p.returncode)
PY
    expect "export into a closed pipe: exit 1, said" 1 "export: the output was closed before everything was written" -- python3 "$T/closed.py" "$BIN" export --format csv
    expect "history into a closed pipe: exit 1, said" 1 "history: the output was closed" -- python3 "$T/closed.py" "$BIN" history
else
    echo "skip closed-pipe cases: python3 is missing"
fi

# ---- a full file system: nothing half-written is left; and the stale temporary file of an
# export killed midway is removed by the next run
printf 'attempt,learner\n1,personal data\n' >"$T/hr.csv.tmp-Ab12Cd"
expect "an export after one killed midway" 0 "written to $T/hr.csv" -- "$BIN" export --format csv --out "$T/hr.csv"
check "  ...removed the stale temporary file" sh -c "[ ! -e '$T/hr.csv.tmp-Ab12Cd' ] && [ \$(ls '$T' | grep -c 'hr.csv') -eq 1 ]"
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
    cat >"$T/fullfs.sh" <<'SH'
mkdir -p "$1" && mount -t tmpfs -o size=64k tmpfs "$1" || exit 99
dd if=/dev/zero of="$1/fill" bs=1k count=128 2>/dev/null # until it is full
"$2" export --format csv --out "$1/x.csv"; rc=$?
ls -A "$1" >&2
exit $rc
SH
    expect "an export to a full file system: exit 1, says so, leaves only what was there" 1 "x.csv was not written: No space left on device" -- \
        unshare -m sh "$T/fullfs.sh" "$T/small" "$BIN"
    check "  ...no export and no temporary file on it" sh -c "! grep -q '^x.csv' '$T/out' && ! grep -q 'tmp-' '$T/out'"
else
    echo "skip full-file-system case: needs root and unshare -m for a private tmpfs (/dev/full covers the same error path)"
fi

# ---- a read-only data folder: reading commands work, saving says records are off. As root
# chmod does not stop writes, so there the folder is a read-only tmpfs in a private mount
# namespace; otherwise it is chmod a-w.
cp -a "$D" "$T/rosrc"
rm -rf "$T/rosrc/pending"
cat >"$T/ro.sh" <<'SH'
# ro.sh SRC MNT CMD...: CMD with DEFUSE_DATA_DIR a read-only copy of SRC
src=$1 mnt=$2
shift 2
if [ "$(id -u)" = 0 ]; then
    mkdir -p "$mnt" && mount -t tmpfs -o size=16m tmpfs "$mnt" && cp -a "$src"/. "$mnt"/ && mount -o remount,ro "$mnt" || exit 99
else
    rm -rf "$mnt" && cp -a "$src" "$mnt" && chmod -R a-w "$mnt" || exit 99
fi
DEFUSE_DATA_DIR=$mnt "$@"
SH
if [ "$(id -u)" = 0 ]; then RO="unshare -m sh $T/ro.sh"; else RO="sh $T/ro.sh"; fi
if [ "$(id -u)" != 0 ] || unshare -m true 2>/dev/null; then
    expect "read-only folder: history works and says it is read-only" 0 "read-only here: it is read as it is" -- $RO "$T/rosrc" "$T/ro" "$BIN" history
    check "  ...with every attempt" grep -q "^4 attempts" "$T/out"
    expect "read-only folder: a CSV export works" 0 "" -- sh -c "$RO '$T/rosrc' '$T/ro' '$BIN' export --format csv | grep -c parking-ticket-counter | grep -qx 4"
    expect "read-only folder: play says records are off, exit 0" 0 "not saved \(records are off: the data folder $T/ro is read-only\)" -- \
        $RO "$T/rosrc" "$T/ro" "$BIN" play parking-ticket-counter --choices $CALM
    expect "read-only folder: --name says records are off" 1 "records are off: the data folder .* is read-only" -- \
        $RO "$T/rosrc" "$T/ro" "$BIN" learner --name "Dana"
    [ "$(id -u)" = 0 ] || chmod -R u+w "$T/ro"
else
    echo "skip read-only cases: as root, a read-only mount needs unshare -m"
fi
finish
