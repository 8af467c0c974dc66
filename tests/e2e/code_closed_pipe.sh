#!/usr/bin/env bash
# `parley code big.jsonl | head -1` stops early and cleanly: exit 0, one
# output line, nothing on stderr, and it does not read the whole input.
set -euo pipefail
PARLEY=${1:?usage: $0 /path/to/parley}
command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 77; }
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

python3 "$HERE/code_gen_articles.py" "$TMP/big.jsonl" 20 3
set +o pipefail
start=$(date +%s%N)
"$PARLEY" code --threads 2 "$TMP/big.jsonl" 2> "$TMP/err" | head -1 > "$TMP/first"
status=${PIPESTATUS[0]}
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
set -o pipefail
[ "$status" -eq 0 ] || { echo "FAIL: exit status $status after the pipe closed"; cat "$TMP/err"; exit 1; }
[ "$(wc -l < "$TMP/first")" -eq 1 ] || { echo "FAIL: expected one line"; exit 1; }
python3 -c 'import json,sys; json.loads(open(sys.argv[1]).read())' "$TMP/first"
if [ -s "$TMP/err" ]; then echo "FAIL: stderr not empty:"; cat "$TMP/err"; exit 1; fi

# Coding everything takes much longer than stopping at the first line.
start=$(date +%s%N)
"$PARLEY" code -q --threads 2 "$TMP/big.jsonl" > /dev/null
full_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "closed pipe: ${elapsed_ms} ms; full run: ${full_ms} ms"
[ "$elapsed_ms" -lt "$full_ms" ] || { echo "FAIL: did not stop early"; exit 1; }
echo ok
