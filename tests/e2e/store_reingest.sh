#!/usr/bin/env bash
# e2e: `parley ingest` of a directory twice gives identical row counts; a
# changed document replaces its rows; query/timeline/claims run on the result.
# Usage: bash tests/e2e/store_reingest.sh /path/to/parley
set -euo pipefail
PARLEY=${1:?usage: $0 /path/to/parley}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/in"

# A small generated corpus: talks between two parties through a mediator,
# a suspension and reports of one strike by two outlets.
cat > "$TMP/in/a.jsonl" <<'JSONL'
{"id":"r1","date":"2024-05-05","outlet":"Outlet One","title":"Talks in Cairo","text":"Hamas negotiators met Egyptian mediators in Cairo on Sunday. Israel sent a delegation to Cairo."}
{"id":"r2","date":"2024-07-13","outlet":"Outlet Two","title":"Strike","text":"Israeli forces struck a camp in Khan Younis on Saturday, killing 92 people, according to Hamas."}
{"id":"r3","date":"2024-07-14","outlet":"Outlet Three","title":"Strike","text":"An Israeli air strike killed 90 Palestinians in Khan Younis, the Gaza health ministry said."}
{"id":"r4","date":"2024-07-14","outlet":"Outlet Two","title":"Hamas pulls out","text":"Hamas withdrew from the ceasefire negotiations with Israel on Sunday."}
{"id":"bad","date":"2024-07-14","text":42}
JSONL
for i in $(seq 1 30); do
  printf 'Israel and Hamas held talks in Doha on day %d. Qatar hosted the meeting.\n' "$i" > "$TMP/in/t$i.txt"
done

DB="$TMP/p.db"
counts() { sqlite3 "$DB" "SELECT (SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM sentences), (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM figures), (SELECT COUNT(*) FROM positions), (SELECT COUNT(*) FROM rejects), (SELECT COUNT(*) FROM merged_events), (SELECT COUNT(*) FROM event_mentions), (SELECT COUNT(*) FROM negotiations), (SELECT COUNT(*) FROM negotiation_items)"; }

"$PARLEY" ingest "$TMP/in" --db "$DB" -q -j 2
first=$(counts)
"$PARLEY" ingest "$TMP/in" --db "$DB" -q -j 2
second=$(counts)
echo "counts after first ingest:  $first"
echo "counts after second ingest: $second"
[ "$first" = "$second" ] || { echo "FAIL: re-ingest changed row counts" >&2; exit 1; }
docs=$(sqlite3 "$DB" "SELECT COUNT(*) FROM documents")
[ "$docs" -eq 34 ] || { echo "FAIL: expected 34 documents, got $docs" >&2; exit 1; }
rejects=$(sqlite3 "$DB" "SELECT COUNT(*) FROM rejects WHERE reason <> ''")
[ "$rejects" -eq 1 ] || { echo "FAIL: expected 1 stored rejection, got $rejects" >&2; exit 1; }

# A changed document (same id, new text) replaces its rows.
printf 'Hamas and Israel held talks in Doha.\n' > "$TMP/in/t1.txt"
"$PARLEY" ingest "$TMP/in" --db "$DB" -q -j 2
sentences=$(sqlite3 "$DB" "SELECT COUNT(*) FROM sentences WHERE doc = 't1'")
[ "$sentences" -eq 1 ] || { echo "FAIL: changed t1 should have 1 sentence, has $sentences" >&2; exit 1; }
docs=$(sqlite3 "$DB" "SELECT COUNT(*) FROM documents")
[ "$docs" -eq 34 ] || { echo "FAIL: replacement changed the document count to $docs" >&2; exit 1; }

# Every query command runs and every output format parses.
"$PARLEY" query --db "$DB" --format jsonl | python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]'
"$PARLEY" query --db "$DB" --format tsv | awk -F'\t' 'NF != 26 { print "FAIL: TSV line with " NF " columns" > "/dev/stderr"; exit 1 }'
"$PARLEY" query --db "$DB" --format csv --from 2024-07-01 > /dev/null
"$PARLEY" claims --db "$DB" --all > /dev/null
if sqlite3 "$DB" "SELECT 1 FROM negotiations WHERE dyad = 'ISR-PSE'" | grep -q 1; then
  "$PARLEY" timeline --db "$DB" --dyad PSE-ISR > "$TMP/timeline.txt"
  grep -q "Negotiation ISR-PSE" "$TMP/timeline.txt"
  "$PARLEY" positions --db "$DB" --dyad ISR-PSE > /dev/null
fi
# A missing database is a clear error, not a new empty file.
if "$PARLEY" query --db "$TMP/missing.db" 2> "$TMP/err"; then
  echo "FAIL: query on a missing database succeeded" >&2; exit 1
fi
grep -q "does not exist" "$TMP/err"
[ ! -e "$TMP/missing.db" ]
echo "PASS"
