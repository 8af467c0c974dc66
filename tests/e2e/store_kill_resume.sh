#!/usr/bin/env bash
# e2e: kill `parley ingest` (SIGKILL) in the middle of a run, rerun it, and
# check that every document is stored exactly once and the database is
# consistent (no events of a document that is not stored).
# Usage: bash tests/e2e/store_kill_resume.sh /path/to/parley
set -euo pipefail
PARLEY=${1:?usage: $0 /path/to/parley}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
N=4000
python3 - "$TMP/in.jsonl" "$N" <<'PY'
import json, sys
path, n = sys.argv[1], int(sys.argv[2])
sides = [("Israeli forces", "Hamas fighters"), ("Russian troops", "Ukrainian forces"),
         ("Sudanese army", "Rapid Support Forces")]
with open(path, "w") as f:
    for i in range(n):
        a, b = sides[i % len(sides)]
        text = (f"{a} attacked {b} near the border on Monday, killing {i % 40 + 2} people. "
                f"Officials said talks would resume in Cairo. Report number {i}.")
        f.write(json.dumps({"id": f"doc{i:05d}", "date": f"2024-0{i % 9 + 1}-1{i % 9}",
                            "outlet": f"Outlet {i % 7}", "text": text}) + "\n")
PY
DB="$TMP/k.db"
# Small batches so that several transactions commit before the kill; kill
# with SIGKILL as soon as some (not all) documents are stored, with a hard
# time limit in case the database never appears.
"$PARLEY" ingest "$TMP/in.jsonl" --db "$DB" -q -j 1 --batch 50 &
pid=$!
stored=0
for _ in $(seq 1 600); do
  stored=$(sqlite3 "$DB" "SELECT COUNT(*) FROM documents" 2>/dev/null || echo 0)
  [ "${stored:-0}" -ge 200 ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.02
done
kill -KILL "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
partial=$(sqlite3 "$DB" "SELECT COUNT(*) FROM documents" 2>/dev/null || echo 0)
echo "documents stored before the kill: $partial of $N"
[ "$partial" -lt "$N" ] || echo "note: the run finished before it could be killed (machine too fast)"
"$PARLEY" ingest "$TMP/in.jsonl" --db "$DB" -q -j 2 --batch 100
total=$(sqlite3 "$DB" "SELECT COUNT(*) FROM documents")
distinct=$(sqlite3 "$DB" "SELECT COUNT(DISTINCT id) FROM documents")
orphans=$(sqlite3 "$DB" "SELECT COUNT(*) FROM events WHERE doc NOT IN (SELECT id FROM documents)")
mismatch=$(sqlite3 "$DB" "SELECT COUNT(*) FROM documents d WHERE n_events <> (SELECT COUNT(*) FROM events e WHERE e.doc = d.id)")
integrity=$(sqlite3 "$DB" "PRAGMA integrity_check")
# The killed run loaded an empty store, so it deferred the secondary
# indexes; the rerun must have built every one of them.
indexes=$(sqlite3 "$DB" "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name GLOB '*_ix[0-9]*'")
deferred=$(sqlite3 "$DB" "SELECT COUNT(*) FROM meta WHERE key = 'indexes_deferred'")
echo "after rerun: $total documents ($distinct distinct), $orphans orphan events, $mismatch partial documents, integrity $integrity"
[ "$total" -eq "$N" ] && [ "$distinct" -eq "$N" ] || { echo "FAIL: expected $N documents once each" >&2; exit 1; }
[ "$orphans" -eq 0 ] && [ "$mismatch" -eq 0 ] || { echo "FAIL: inconsistent rows" >&2; exit 1; }
[ "$integrity" = "ok" ] || { echo "FAIL: integrity_check: $integrity" >&2; exit 1; }
echo "secondary indexes: $indexes, deferred flag rows: $deferred"
[ "$indexes" -eq 14 ] && [ "$deferred" -eq 0 ] || { echo "FAIL: expected 14 secondary indexes and no deferred flag" >&2; exit 1; }
echo "PASS"
