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
    echo "== parley code examples/articles (first document, abbreviated)" >&2
    "$PARLEY" code examples/articles > build/examples.jsonl
    head -c 2000 build/examples.jsonl; echo
    echo "== parley ingest examples/articles --db build/examples.db" >&2
    "$PARLEY" ingest examples/articles --db build/examples.db
    echo "== parley timeline --dyad ISR-PSE --db build/examples.db" >&2
    "$PARLEY" timeline --dyad ISR-PSE --db build/examples.db
    ;;
  test)
    build asan
    ctest --preset asan -j "$(nproc)"
    ctest --preset release -j "$(nproc)"
    ;;
  *)
    echo "usage: $0 [demo|test]" >&2
    exit 2
    ;;
esac
