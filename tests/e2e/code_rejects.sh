#!/usr/bin/env bash
# Rejected inputs are listed with --rejects (origin, line, doc, reason), the
# rest is coded, the summary counts both, and the exit status is 0.
set -euo pipefail
PARLEY=${1:?usage: $0 /path/to/parley}
command -v python3 >/dev/null || { echo "skip: python3 not found"; exit 77; }
TMP=$(mktemp -d); trap 'rm -rf "$TMP"' EXIT

{
  echo '{"id": "good-1", "date": "2024-07-14", "text": "Israel struck Gaza on Sunday, officials said."}'
  echo '{"id": "broken-json", "text": "unterminated'
  printf '{"id": "bad-utf8", "text": "caf\xc3 latte"}\n'
  echo '{"id": "good-2", "text": "Egypt and Qatar met with Hamas leaders in Cairo."}'
  echo '{"id": "huge", "text": "'"$(head -c 3000 /dev/zero | tr '\0' 'a')"'"}'
  echo '{"id": "good-3", "date": "2024-07-15", "text": "The United Nations condemned the attack."}'
} > "$TMP/in.jsonl"

"$PARLEY" code --threads 2 --max-doc-bytes 2000 --rejects "$TMP/rejects.jsonl" \
  "$TMP/in.jsonl" > "$TMP/out.jsonl" 2> "$TMP/err"
cat "$TMP/err"
[ "$(wc -l < "$TMP/out.jsonl")" -eq 3 ] || { echo "FAIL: expected 3 coded documents"; exit 1; }
[ "$(wc -l < "$TMP/rejects.jsonl")" -eq 3 ] || { echo "FAIL: expected 3 rejections"; cat "$TMP/rejects.jsonl"; exit 1; }
grep -q 'coded 3, rejected 3' "$TMP/err" || { echo "FAIL: summary line missing"; exit 1; }
python3 - "$TMP/rejects.jsonl" "$TMP/out.jsonl" <<'PY'
import json, sys
rejects = [json.loads(l) for l in open(sys.argv[1])]
assert [r["line"] for r in rejects] == [2, 3, 5], rejects
for r in rejects:
    assert set(r) >= {"origin", "line", "doc", "reason"}, r
    assert r["origin"].endswith("in.jsonl") and r["reason"], r
assert "--max-doc-bytes" in rejects[2]["reason"] or "large" in rejects[2]["reason"] or "2000" in rejects[2]["reason"], rejects[2]
docs = [json.loads(l)["doc"] for l in open(sys.argv[2])]
assert docs == ["good-1", "good-2", "good-3"], docs
PY
# Without --rejects the reasons go to stderr.
"$PARLEY" code --threads 1 "$TMP/in.jsonl" > /dev/null 2> "$TMP/err2"
grep -q 'rejected .*in.jsonl:2' "$TMP/err2" || { echo "FAIL: rejection not on stderr"; cat "$TMP/err2"; exit 1; }
echo ok
