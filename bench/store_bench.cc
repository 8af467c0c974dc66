// Store throughput: PutBatch of synthetic coded documents into SQLite and
// PostgreSQL (COPY), and the corpus recompute. PostgreSQL runs when
// TEST_PG_URL is set (./setup.sh test starts a server); otherwise it reports
// an error row saying why it was skipped.
//
//   build/release/bench/store_bench --benchmark_min_time=1
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "parley/event_store.h"

namespace parley {
namespace {

ActorRef Actor(const char* code, const char* name) {
  ActorRef a;
  a.code = code;
  a.name = name;
  a.text = name;
  return a;
}

// `n` documents of 12 sentences, 6 events, 2 figures and 1 position each
// (about the density of coded news), with distinct ids from `first`.
std::vector<CodedDocument> MakeDocs(int first, int n) {
  static const char* kCodes[] = {"190", "195", "046", "040", "112", "057"};
  std::vector<CodedDocument> docs(n);
  for (int k = 0; k < n; ++k) {
    CodedDocument& d = docs[k];
    d.doc = "bench" + std::to_string(first + k);
    d.origin = "bench.jsonl";
    d.date = Date::FromYmd(2024, 1 + k % 12, 1 + k % 28);
    d.outlet = "Outlet " + std::to_string(k % 20);
    d.content_hash = "h" + d.doc;
    for (uint32_t s = 0; s < 12; ++s) {
      d.sentences.push_back({s, s * 120, s * 120 + 119,
                             "Israeli forces and Hamas fighters clashed near the border crossing "
                             "on Monday, officials said, as talks continued in Cairo."});
    }
    for (int e = 0; e < 6; ++e) {
      Event ev;
      ev.sentence = static_cast<uint32_t>(e * 2);
      ev.source = Actor(e % 2 ? "PSEREBHMS" : "ISRMIL", e % 2 ? "Hamas" : "Israeli forces");
      ev.target = Actor(e % 2 ? "ISR" : "PSE", e % 2 ? "Israel" : "Palestinians");
      ev.code = kCodes[e];
      ev.root = ev.code.substr(0, 2);
      ev.plover = "ASSAULT";
      ev.rule = "bench:verbs:" + std::to_string(e);
      ev.spans = {{"source", 0, 14}, {"verb", 15, 22}, {"target", 23, 36}};
      d.events.push_back(std::move(ev));
    }
    for (int f = 0; f < 2; ++f) {
      Figure fig;
      fig.sentence = static_cast<uint32_t>(f);
      fig.kind = f ? "injured" : "killed";
      fig.value = 10 + k % 50;
      fig.said_by = Actor("PSEGOVHLH", "Health Ministry");
      d.figures.push_back(std::move(fig));
    }
    Position p;
    p.party = Actor("PSEREBHMS", "Hamas");
    p.item = "permanent ceasefire";
    d.positions.push_back(std::move(p));
  }
  return docs;
}

std::string SqlitePath() {
  return (std::filesystem::temp_directory_path() /
          ("parley_store_bench_" + std::to_string(getpid()) + ".db")).string();
}

void RemoveSqlite(const std::string& path) {
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
}

// Inserts batches of 500 new documents per iteration.
void PutBatches(benchmark::State& state, const std::string& url) {
  auto store = EventStore::Open(url);
  if (!store.ok()) {
    state.SkipWithError(store.status().ToString().c_str());
    return;
  }
  const int kBatch = 500;
  int next = static_cast<int>(std::time(nullptr) % 100000) * 1000;
  int64_t rows = 0;
  for (auto _ : state) {
    state.PauseTiming();
    auto docs = MakeDocs(next, kBatch);
    next += kBatch;
    state.ResumeTiming();
    PutStats stats;
    Status s = (*store)->PutBatch(docs, {}, &stats);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
    rows += kBatch * (1 + 12 + 6 + 2 + 1);
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(rows), benchmark::Counter::kIsRate);
}

void BM_PutBatchSqlite(benchmark::State& state) {
  std::string path = SqlitePath();
  RemoveSqlite(path);
  PutBatches(state, path);
  RemoveSqlite(path);
}
BENCHMARK(BM_PutBatchSqlite)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PutBatchPostgres(benchmark::State& state) {
  const char* url = std::getenv("TEST_PG_URL");
  if (url == nullptr || *url == '\0') {
    state.SkipWithError("TEST_PG_URL not set: PostgreSQL benchmark skipped");
    for (auto _ : state) {
    }
    return;
  }
  PutBatches(state, url);
}
BENCHMARK(BM_PutBatchPostgres)->Unit(benchmark::kMillisecond)->UseRealTime();

// Full corpus recompute over state.range(0) stored documents.
void BM_RecomputeSqlite(benchmark::State& state) {
  std::string path = SqlitePath() + ".recompute";
  RemoveSqlite(path);
  auto store = EventStore::Open(path);
  if (!store.ok()) {
    state.SkipWithError(store.status().ToString().c_str());
    return;
  }
  auto docs = MakeDocs(0, static_cast<int>(state.range(0)));
  PutStats put;
  if (!(*store)->PutBatch(docs, {}, &put).ok()) state.SkipWithError("PutBatch failed");
  for (auto _ : state) {
    RecomputeStats rs;
    Status s = (*store)->Recompute(RecomputeOptions(), &rs);
    if (!s.ok()) state.SkipWithError(s.ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0) * 6);  // events
  RemoveSqlite(path);
}
BENCHMARK(BM_RecomputeSqlite)->Arg(2000)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace parley
