// Claims-stage benchmarks on the shared news corpus
// (allsides_abp_conflict_world.jsonl, capped at ~4 MB of text), with the
// project's Parley dictionaries and claims lexicons:
//
//   BM_CoderOnly        text stage excluded; coder thread-CPU time per MB
//   BM_ClaimsOnly       ClaimsExtractor::Extract thread-CPU time per MB
//   BM_CoderPlusClaims  coder + claims per MB, to compare with BM_CoderOnly
//                       (issue #5: throughput within 30% of the coder
//                       without the claims stage; also BM_TextCoder vs
//                       BM_TextCoderClaims for the whole pipeline)
//   BM_TextCoder        text stage + coder (the pipeline without claims)
//   BM_TextCoderClaims  text stage + coder + claims
//   BM_LexiconLoad      parse + index of dictionaries/parley/claims
// Skips cleanly when ../shared (or $PARLEY_SHARED) is absent.
//
//   ./build/<dir>/bench/claims_bench
#include <benchmark/benchmark.h>

#include <time.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "claims/claims.h"
#include "claims/lexicon.h"
#include "code/event_coder.h"
#include "dict/compiled_dictionary.h"
#include "parley/dictionary.h"
#include "parley/text.h"

namespace parley {
namespace {

constexpr size_t kCap = 4u << 20;

std::string Shared() {
  if (const char* env = std::getenv("PARLEY_SHARED")) return env;
  return std::string(PARLEY_SOURCE_DIR) + "/../shared";
}

std::string LexiconDir() { return std::string(PARLEY_SOURCE_DIR) + "/dictionaries/parley/claims"; }

struct Fixture {
  std::shared_ptr<const TextAnalyzer> analyzer;
  std::shared_ptr<const EventCoder> coder;
  std::shared_ptr<const ClaimsExtractor> claims;
  std::vector<Document> docs;
  size_t bytes = 0;
  std::string error;
};

void ReadCorpus(const std::string& path, Fixture* fx) {
  std::ifstream in(path);
  std::string line;
  while (fx->bytes < kCap && std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
    Document d;
    d.id = j.value("id", "");
    d.text = j["text"].get<std::string>();
    d.body.push_back({0, static_cast<uint32_t>(d.text.size())});
    fx->bytes += d.text.size();
    fx->docs.push_back(std::move(d));
  }
}

Fixture* Load() {
  auto* fx = new Fixture;
  std::string corpus = Shared() + "/corpus/allsides_abp_conflict_world.jsonl";
  if (!std::filesystem::exists(corpus)) return fx->error = "corpus absent: " + corpus, fx;
  auto an = TextAnalyzer::Create("/usr/share/wordnet");
  if (!an.ok()) return fx->error = an.status().ToString(), fx;
  fx->analyzer = *an;
  auto set = ReadDictionaryDirectory(std::string(PARLEY_SOURCE_DIR) + "/dictionaries/parley");
  if (!set.ok()) return fx->error = set.status().ToString(), fx;
  auto dict = CompiledDictionary::Compile(*set, *fx->analyzer);
  if (!dict.ok()) return fx->error = dict.status().ToString(), fx;
  auto coder = EventCoder::Create(*dict);
  if (!coder.ok()) return fx->error = coder.status().ToString(), fx;
  fx->coder = *coder;
  auto claims = ClaimsExtractor::Create(LexiconDir(), *dict);
  if (!claims.ok()) return fx->error = claims.status().ToString(), fx;
  fx->claims = *claims;
  ReadCorpus(corpus, fx);
  return fx;
}

Fixture& Get() {
  static Fixture* f = Load();
  return *f;
}

// Thread CPU time, so that a loaded shared machine does not skew the ratio.
double Now() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// One pass over the corpus; returns seconds spent in the timed stages.
double Pass(bool time_text, bool time_coder, bool time_claims) {
  Fixture& fx = Get();
  auto scratch = fx.coder->NewScratch();
  AnalyzedText text;
  DocumentCoding coding;
  double secs = 0;
  for (const Document& d : fx.docs) {
    double ta = Now();
    fx.analyzer->Analyze(d, &text);
    double t0 = Now();
    if (time_text) secs += t0 - ta;
    fx.coder->Code(d, text, scratch.get(), &coding);
    double t1 = Now();
    CodedDocument out;
    if (time_claims) fx.claims->Extract(d, text, coding, &out);
    double t2 = Now();
    if (time_coder) secs += t1 - t0;
    if (time_claims) secs += t2 - t1;
    benchmark::DoNotOptimize(out.figures.size());
  }
  return secs;
}

void Run(benchmark::State& state, bool text, bool coder, bool claims) {
  if (!Get().error.empty()) {
    state.SkipWithError(Get().error.c_str());
    return;
  }
  for (auto _ : state) state.SetIterationTime(Pass(text, coder, claims));
  state.SetBytesProcessed(static_cast<int64_t>(Get().bytes * state.iterations()));
  state.counters["docs"] = static_cast<double>(Get().docs.size());
}

void BM_CoderOnly(benchmark::State& state) { Run(state, false, true, false); }
void BM_ClaimsOnly(benchmark::State& state) { Run(state, false, false, true); }
void BM_CoderPlusClaims(benchmark::State& state) { Run(state, false, true, true); }
void BM_TextCoder(benchmark::State& state) { Run(state, true, true, false); }
void BM_TextCoderClaims(benchmark::State& state) { Run(state, true, true, true); }
BENCHMARK(BM_CoderOnly)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_ClaimsOnly)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_CoderPlusClaims)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_TextCoder)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(2);
BENCHMARK(BM_TextCoderClaims)->UseManualTime()->Unit(benchmark::kMillisecond)->Iterations(2);

void BM_LexiconLoad(benchmark::State& state) {
  for (auto _ : state) {
    auto lex = claims::ClaimsLexicon::Load(LexiconDir());
    if (!lex.ok()) {
      state.SkipWithError(lex.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(lex->get());
  }
}
BENCHMARK(BM_LexiconLoad)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parley
