#!/usr/bin/env bash
# Peak memory of `parley code` does not grow with the input: coding 10x more
# input (4 MB vs 40 MB) stays within a small slack of the same peak RSS.
set -euo pipefail
PARLEY=${1:?usage: $0 /path/to/parley}
command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 77; }
[ -x /usr/bin/time ] || { echo "skip: /usr/bin/time not installed"; exit 77; }
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

python3 "$HERE/code_gen_articles.py" "$TMP/small.jsonl" 4 11
python3 "$HERE/code_gen_articles.py" "$TMP/large.jsonl" 40 12
peak_kb() {
  /usr/bin/time -f '%M' -o "$TMP/rss" "$PARLEY" code -q --threads 2 "$1" > /dev/null
  cat "$TMP/rss"
}
small=$(peak_kb "$TMP/small.jsonl")
large=$(peak_kb "$TMP/large.jsonl")
echo "peak RSS: 4 MB input ${small} kB, 40 MB input ${large} kB"
# Slack: 25% plus 32 MB (allocator and tokenizer arenas grow to the largest
# document seen; the generator's largest articles are ~30 kB).
limit=$(( small + small / 4 + 32768 ))
[ "$large" -le "$limit" ] || { echo "FAIL: peak RSS grew with the input (limit ${limit} kB)"; exit 1; }
echo ok
