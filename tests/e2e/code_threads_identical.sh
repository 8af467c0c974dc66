#!/usr/bin/env bash
# `parley code` output is byte-identical for 1, 2 and 4 threads, keeps input
# order, and has one line per document.
set -euo pipefail
PARLEY=${1:?usage: $0 /path/to/parley}
command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 77; }
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

python3 "$HERE/code_gen_articles.py" "$TMP/in.jsonl" 3 7
for t in 1 2 4; do
  "$PARLEY" code -q --threads "$t" "$TMP/in.jsonl" > "$TMP/out$t.jsonl"
done
cmp "$TMP/out1.jsonl" "$TMP/out2.jsonl"
cmp "$TMP/out1.jsonl" "$TMP/out4.jsonl"
# Same again through stdin as a filter.
"$PARLEY" code -q --threads 2 < "$TMP/in.jsonl" > "$TMP/stdin.jsonl"
cmp "$TMP/out1.jsonl" "$TMP/stdin.jsonl"

in_ids=$(python3 -c 'import json,sys; [print(json.loads(l)["id"]) for l in open(sys.argv[1])]' "$TMP/in.jsonl")
out_ids=$(python3 -c 'import json,sys; [print(json.loads(l)["doc"]) for l in open(sys.argv[1])]' "$TMP/out2.jsonl")
[ "$in_ids" = "$out_ids" ] || { echo "FAIL: documents out of order or missing"; exit 1; }
events=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["events"]) for l in open(sys.argv[1])))' "$TMP/out1.jsonl")
echo "ok: $(wc -l < "$TMP/out1.jsonl") documents, $events events, identical for 1/2/4 threads and stdin"
