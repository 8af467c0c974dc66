#!/usr/bin/env bash
# Gold sentence test: codes testdata/gold/sentences.jsonl (one document per
# sentence) with `parley code` and the bundled dictionaries, scores it with
# scripts/score_gold.py and fails when a score is below
# testdata/gold/thresholds.json. Usage: gold_sentences.sh /path/to/parley
# Exit: 0 pass, 1 below threshold or parley failed, 2 bad gold/output data,
# 77 (ctest skip) only when the parley binary is missing.
set -euo pipefail

bin="${1:-}"
if [[ -z "$bin" || ! -x "$bin" ]]; then
  echo "SKIP: parley binary not found or not executable: '${bin}'"
  exit 77
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
gold="$root/testdata/gold/sentences.jsonl"
thresholds="$root/testdata/gold/thresholds.json"
scorer="$root/scripts/score_gold.py"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

python3 "$scorer" articles "$gold" "$tmp/articles.jsonl"

rc=0
"$bin" code -q -d "$root/dictionaries/parley" "$tmp/articles.jsonl" \
  >"$tmp/out.jsonl" 2>"$tmp/stderr.txt" || rc=$?
if [[ $rc -ne 0 ]]; then
  echo "FAIL: parley code exited with $rc:"
  head -n 40 "$tmp/stderr.txt"
  exit 1
fi
docs=$(wc -l <"$tmp/out.jsonl")
echo "parley code wrote $docs documents"

python3 "$scorer" score --gold "$gold" --out "$tmp/out.jsonl" \
  --thresholds "$thresholds" --details "${GOLD_DETAILS:-0}"
