#!/usr/bin/env bash
# On real articles (the first 60 of every file in the shared corpus):
# every output line is valid JSON, output is identical for 1 and 2 threads,
# and every byte offset in the output points at exactly the words it claims
# (sentences, actors, spans) in the input text. Skips without the corpus.
set -euo pipefail
PARLEY=${1:?usage: $0 /path/to/parley}
command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 77; }
SRC=$(cd "$(dirname "$0")/../.." && pwd)
SHARED=${PARLEY_SHARED:-$SRC/../shared}
[ -d "$SHARED/corpus" ] || { echo "skip: no shared corpus at $SHARED/corpus"; exit 77; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

for f in "$SHARED"/corpus/*.jsonl; do head -60 "$f"; done > "$TMP/in.jsonl"
"$PARLEY" code -q --sentences --threads 1 "$TMP/in.jsonl" > "$TMP/out1.jsonl"
"$PARLEY" code -q --sentences --threads 2 "$TMP/in.jsonl" > "$TMP/out2.jsonl"
cmp "$TMP/out1.jsonl" "$TMP/out2.jsonl"
python3 - "$TMP/in.jsonl" "$TMP/out1.jsonl" <<'PY'
import json, sys
inputs = {}
for line in open(sys.argv[1], encoding="utf-8"):
    rec = json.loads(line)
    inputs[rec["id"]] = rec["text"].encode("utf-8")
checked = docs = 0
def check(doc, text, what, start, end, words=None):
    global checked
    assert 0 <= start <= end <= len(text), (doc, what, start, end, len(text))
    if words is not None:
        assert text[start:end].decode("utf-8") == words, (doc, what, text[start:end], words)
    checked += 1
def actor(doc, text, what, a):
    if a is not None:
        check(doc, text, what, a["start"], a["end"], a["text"])
for line in open(sys.argv[2], encoding="utf-8"):
    d = json.loads(line)
    docs += 1
    text = inputs[d["doc"]]
    by_i = {}
    for s in d["sentences"]:
        check(d["doc"], text, "sentence", s["start"], s["end"], s["text"])
        by_i[s["i"]] = s["text"]
    for kind, key in (("events", "source"), ("figures", "victims"), ("positions", "party")):
        for r in d[kind]:
            assert r["text"] == by_i[r["sentence"]], (d["doc"], kind, r["sentence"])
            actor(d["doc"], text, key, r.get(key))
            actor(d["doc"], text, "said_by", r.get("said_by"))
            if kind == "events":
                actor(d["doc"], text, "target", r.get("target"))
                assert isinstance(r["code"], str) and r["code"][:2] == r["root"], r
            for role, (s, e) in r["spans"].items():
                check(d["doc"], text, role, s, e)
print(f"ok: {docs} documents, {checked} offsets checked")
PY
