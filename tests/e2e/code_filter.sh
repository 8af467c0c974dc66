#!/usr/bin/env bash
# `parley code` as a Unix filter: stdin by default, empty input, plain-text
# input, --explain, --sentences, and the documented exit codes.
set -euo pipefail
PARLEY=${1:?usage: $0 /path/to/parley}
command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 77; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# Empty input: no output, exit 0.
out=$("$PARLEY" code -q < /dev/null) || fail "empty stdin exit $?"
[ -z "$out" ] || fail "output for empty input: $out"

echo '{"id":"a1","date":"2024-07-14","title":"T","outlet":"Wire","source":"x:1","text":"Israel struck Gaza on Sunday. Egypt and Qatar held talks with Hamas leaders in Cairo on Monday, officials said."}' > "$TMP/one.jsonl"
"$PARLEY" code -q --sentences < "$TMP/one.jsonl" > "$TMP/one.out"
python3 - "$TMP/one.out" <<'PY'
import json, sys
lines = open(sys.argv[1]).read().splitlines()
assert len(lines) == 1, lines
d = json.loads(lines[0])
assert d["doc"] == "a1" and d["date"] == "2024-07-14" and d["title"] == "T", d
assert d["input"] == {"source": "x:1"}, d.get("input")
assert len(d["sentences"]) == 2 and d["sentences"][0]["i"] == 0, d["sentences"]
for key in ("events", "figures", "positions"):
    assert isinstance(d[key], list), key
for e in d["events"]:
    assert isinstance(e["code"], str) and e["rule"] and e["fact"] in ("asserted", "negated", "hypothetical"), e
    assert e["text"] == d["sentences"][e["sentence"]]["text"], e
PY

# A plain-text file is one article; its id is the base name.
printf 'Hamas fighters attacked Israeli troops near Rafah on Tuesday.\n' > "$TMP/story-7.txt"
"$PARLEY" code -q "$TMP/story-7.txt" | grep -q '"doc":"story-7"' || fail "text file id"

# --explain is readable text, one block per document.
"$PARLEY" code --explain < "$TMP/one.jsonl" > "$TMP/explain.txt"
grep -q '^=== document a1' "$TMP/explain.txt" || fail "explain header"
grep -q 'result:' "$TMP/explain.txt" || fail "explain result section"

# Exit codes (docs/cli.md).
set +e
"$PARLEY" code --no-such-option < /dev/null > /dev/null 2>&1; [ $? -eq 2 ] || fail "usage error must exit 2"
"$PARLEY" code -q --dictionaries "$TMP/no-such-dir" < /dev/null > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 3 ] || fail "missing dictionary dir must exit 3, got $rc"
grep -q 'no-such-dir' "$TMP/err" || fail "error must name the directory"
# A manifest makes the reader strict: entry defects are errors.
mkdir "$TMP/baddict"; printf 'ISRAEL [ISR\n' > "$TMP/baddict/Bad.actors.txt"
printf '[dictionaries]\nactors = Bad.actors.txt\n' > "$TMP/baddict/parley.dict"
"$PARLEY" code -q --dictionaries "$TMP/baddict" < /dev/null > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 3 ] || fail "broken dictionary must exit 3, got $rc"
grep -q 'Bad.actors.txt:1' "$TMP/err" || { cat "$TMP/err"; fail "error must give file:line"; }
set -e
echo ok
