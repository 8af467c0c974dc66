#!/usr/bin/env bash
# One entry point for a fresh Debian machine (see README.md):
#   ./setup.sh          install dependencies and build (Release)
#   ./setup.sh demo     ... then code and store the bundled example articles
#   ./setup.sh test     ... then build the sanitizer preset and run every test
# Idempotent: packages already installed and up-to-date builds are skipped.
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libicu-dev libre2-dev libsimdjson-dev nlohmann-json3-dev
  libsqlite3-dev sqlite3 libpqxx-dev libpq-dev postgresql postgresql-client
  libcli11-dev libfmt-dev libtbb-dev libzstd-dev libxxhash-dev zlib1g-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  wordnet-base iso-codes python3
)

install_deps() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

build() {  # build PRESET
  cmake --preset "$1" >/dev/null
  cmake --build --preset "$1" -j "$(nproc)"
}

install_deps
build release
PARLEY=build/release/tools/parley

case "${1:-}" in
  "")
    echo "setup: built $PARLEY" >&2
    ;;
  demo)
    # The main job on the bundled example articles: code them (JSON Lines),
    # store them in an embedded SQLite database, then show the stored events
    # and the negotiation timeline of the Israel-Hamas talks they report.
    mkdir -p build/demo
    rm -f build/demo/examples.db build/demo/examples.db-wal build/demo/examples.db-shm
    echo "== parley code examples/articles > build/demo/examples.jsonl" >&2
    "$PARLEY" code examples/articles > build/demo/examples.jsonl
    echo "== parley ingest examples/articles --db build/demo/examples.db" >&2
    "$PARLEY" ingest examples/articles --db build/demo/examples.db
    echo "== parley query --db build/demo/examples.db --limit 25" >&2
    "$PARLEY" query --db build/demo/examples.db --limit 25
    echo "== parley timeline --dyad ISR-PSE --db build/demo/examples.db" >&2
    "$PARLEY" timeline --dyad ISR-PSE --db build/demo/examples.db
    echo "== done: events, figures and positions per article are in build/demo/examples.jsonl" >&2
    ;;
  test)
    # A throwaway PostgreSQL server for the store tests (TEST_PG_URL); the
    # PostgreSQL tests skip with a message only when none can be started.
    PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    PGROOT=$(mktemp -d /tmp/parley-pgtest.XXXXXX)
    export PGPORT=${PARLEY_TEST_PGPORT:-54329} PGDATA="$PGROOT/data"
    stop_pg() {
      [ -n "$PGBIN" ] && [ -f "$PGDATA/postmaster.pid" ] &&
        runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
      rm -rf "$PGROOT"
    }
    trap stop_pg EXIT
    if [ -n "$PGBIN" ] && [ "$(id -u)" -eq 0 ] && mkdir -p "$PGDATA" &&
       chown -R postgres:postgres "$PGROOT" &&
       runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 \
         --locale=C.UTF-8 >"$PGROOT/initdb.log" 2>&1 &&
       runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGROOT/server.log" -w -t 30 \
         -o "-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
         start >/dev/null &&
       "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres eventsdb; then
      export TEST_PG_URL="postgresql://postgres@127.0.0.1:$PGPORT/eventsdb"
      echo "setup: PostgreSQL test server on port $PGPORT (TEST_PG_URL=$TEST_PG_URL)" >&2
    else
      echo "setup: WARNING: could not start a PostgreSQL test server; PostgreSQL tests will be skipped" >&2
    fi
    build asan
    ctest --preset asan -j "$(nproc)"
    ctest --preset release -j "$(nproc)"
    ;;
  *)
    echo "usage: $0 [demo|test]" >&2
    exit 2
    ;;
esac
