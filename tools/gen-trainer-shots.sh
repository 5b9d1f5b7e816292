#!/bin/sh
# gen-trainer-shots.sh DEFUSE: runs the scripted session of docs/trainer-session.keys and
# writes its screenshots to docs/images/trainer/ (1280x720; the guide shows them). The same
# keys drive tests/e2e/present.sh, so the pictures show a run the tests check.
bin=${1:?usage: gen-trainer-shots.sh path/to/defuse}
cd "$(dirname "$0")/.." || exit 2
out=docs/images/trainer
mkdir -p "$out"
keys=$(sed -e 's/#.*//' -e "s#@SHOTS@#$out#g" docs/trainer-session.keys | tr '\n' ' ')
DEFUSE_SCENARIOS=scenarios "$bin" present great-service-every-day --keys "$keys" --size 1280x720 --no-record
