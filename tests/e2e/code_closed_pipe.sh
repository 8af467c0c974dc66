#!/usr/bin/env bash
# `parley code ... | head -1` stops early and cleanly: exit 0, one valid
# output line, nothing on stderr. The input is endless (`yes`), so a
# parley that kept reading after the pipe closed would never finish (the
# timeout turns that into a failure).
set -euo pipefail
PARLEY=${1:?usage: $0 /path/to/parley}
command -v timeout >/dev/null || { echo "skip: timeout not found"; exit 77; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
export PARLEY TMP

LINE='{"id":"same","date":"2024-07-14","text":"Israel struck Gaza on Sunday, killing at least 12 people, officials said. Egypt and Qatar held talks with Hamas leaders in Cairo."}'
export LINE
set +e
timeout 120 bash -c '
  ( yes "$LINE" | "$PARLEY" code --threads 2 2> "$TMP/err"
    echo "${PIPESTATUS[1]}" > "$TMP/status" ) | head -1 > "$TMP/first"'
rc=$?
set -e
[ "$rc" -eq 0 ] || { echo "FAIL: did not stop after the pipe closed (rc $rc)"; exit 1; }
status=$(cat "$TMP/status")
[ "$status" -eq 0 ] || { echo "FAIL: exit status $status after the pipe closed"; cat "$TMP/err"; exit 1; }
[ "$(wc -l < "$TMP/first")" -eq 1 ] || { echo "FAIL: expected one line"; exit 1; }
grep -q '^{"doc":"same"' "$TMP/first" || { echo "FAIL: first line is not a document"; exit 1; }
if [ -s "$TMP/err" ]; then echo "FAIL: stderr not empty:"; cat "$TMP/err"; exit 1; fi
echo ok
