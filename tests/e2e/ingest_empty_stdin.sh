#!/usr/bin/env bash
# Empty or whitespace-only stdin (an empty Spark/Hadoop partition) yields no
# document and no rejection, exit 0; an empty file named explicitly is still
# rejected ("empty document").
set -euo pipefail
PARLEY=${1:?usage: $0 /path/to/parley}
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

for input in '' ' \n\t\n  \r\n'; do
  printf "$input" | "$PARLEY" code - > "$TMP/out.jsonl" 2> "$TMP/err.txt"
  [ ! -s "$TMP/out.jsonl" ] || { echo "FAIL: output for blank stdin"; cat "$TMP/out.jsonl"; exit 1; }
  grep -q "coded 0, rejected 0" "$TMP/err.txt" || { echo "FAIL: summary"; cat "$TMP/err.txt"; exit 1; }
  if grep -q "rejected <stdin>" "$TMP/err.txt"; then echo "FAIL: stdin rejected"; exit 1; fi
done

: > "$TMP/empty.txt"
status=0
"$PARLEY" code "$TMP/empty.txt" > "$TMP/out.jsonl" 2> "$TMP/err.txt" || status=$?
grep -q "empty document" "$TMP/err.txt" || { echo "FAIL: empty file not rejected (exit $status)"; cat "$TMP/err.txt"; exit 1; }
grep -q "rejected 1" "$TMP/err.txt" || { echo "FAIL: summary for empty file"; cat "$TMP/err.txt"; exit 1; }
echo "ok: blank stdin -> nothing, exit 0; empty named file -> rejection (exit $status)"
