// Coder benchmarks: load + compile of the Phoenix dictionaries, and coding
// throughput (text stage + coder, and coder alone) on the shared news corpus
// (allsides_abp_conflict_world.jsonl, capped at ~20 MB). Skips cleanly when
// ../shared is absent.
//
//   ./build/<dir>/bench/coder_bench
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "code/event_coder.h"
#include "dict/compiled_dictionary.h"
#include "parley/dictionary.h"
#include "parley/text.h"

namespace parley {
namespace {

std::string Shared() {
  if (const char* env = std::getenv("PARLEY_SHARED")) return env;
  return std::string(PARLEY_SOURCE_DIR) + "/../shared";
}

struct Fixture {
  std::shared_ptr<const TextAnalyzer> analyzer;
  std::shared_ptr<const CompiledDictionary> dict;
  std::shared_ptr<const EventCoder> coder;
  std::vector<Document> docs;
  size_t bytes = 0;
  std::string error;
};

std::vector<Document> ReadCorpus(const std::string& path, size_t cap, size_t* bytes) {
  std::vector<Document> docs;
  std::ifstream in(path);
  std::string line;
  while (*bytes < cap && std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("text") || !j["text"].is_string()) continue;
    Document d;
    d.id = j.value("id", "");
    d.text = j["text"].get<std::string>();
    if (j.contains("date") && j["date"].is_string()) d.date = Date::Parse(j["date"].get<std::string>());
    d.body.push_back({0, static_cast<uint32_t>(d.text.size())});
    *bytes += d.text.size();
    docs.push_back(std::move(d));
  }
  return docs;
}

Fixture& Get() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    std::string phoenix = Shared() + "/dictionaries/phoenix";
    auto an = TextAnalyzer::Create("/usr/share/wordnet");
    if (!an.ok()) return fx->error = an.status().ToString(), fx;
    fx->analyzer = *an;
    auto t0 = std::chrono::steady_clock::now();
    auto set = ReadDictionaryDirectory(phoenix);
    if (!set.ok()) return fx->error = set.status().ToString(), fx;
    auto t1 = std::chrono::steady_clock::now();
    auto dict = CompiledDictionary::Compile(*set, *fx->analyzer);
    if (!dict.ok()) return fx->error = dict.status().ToString(), fx;
    auto t2 = std::chrono::steady_clock::now();
    fx->dict = *dict;
    std::cerr << "phoenix: read " << std::chrono::duration<double>(t1 - t0).count() * 1e3
              << " ms, compile " << std::chrono::duration<double>(t2 - t1).count() * 1e3
              << " ms, compiled memory " << fx->dict->memory_bytes() / 1048576.0 << " MiB, "
              << fx->dict->num_actor_phrases() << " actor phrases, "
              << fx->dict->num_agent_phrases() << " agent phrases, "
              << fx->dict->num_verb_forms() << " verb forms, " << fx->dict->num_patterns()
              << " patterns\n";
    fx->coder = *EventCoder::Create(fx->dict);
    fx->docs = ReadCorpus(Shared() + "/corpus/allsides_abp_conflict_world.jsonl", 20u << 20,
                          &fx->bytes);
    return fx;
  }();
  return *f;
}

void BM_LoadCompilePhoenix(benchmark::State& state) {
  Fixture& f = Get();
  if (!f.error.empty() || !f.analyzer) return state.SkipWithError(f.error.c_str());
  for (auto _ : state) {
    auto set = ReadDictionaryDirectory(Shared() + "/dictionaries/phoenix");
    auto dict = CompiledDictionary::Compile(*set, *f.analyzer);
    benchmark::DoNotOptimize(dict);
  }
}
BENCHMARK(BM_LoadCompilePhoenix)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_TextAndCode(benchmark::State& state) {
  Fixture& f = Get();
  if (!f.error.empty() || f.docs.empty()) return state.SkipWithError("no corpus/dictionaries");
  auto scratch = f.coder->NewScratch();
  AnalyzedText text;
  DocumentCoding coding;
  size_t events = 0;
  for (auto _ : state) {
    for (const Document& d : f.docs) {
      f.analyzer->Analyze(d, &text);
      f.coder->Code(d, text, scratch.get(), &coding);
      for (const auto& s : coding.sentences) events += s.events.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
  state.counters["events"] = static_cast<double>(events) / state.iterations();
}
BENCHMARK(BM_TextAndCode)->Unit(benchmark::kMillisecond)->Iterations(1);

// Codes the first 1,500 pre-analyzed articles with `coder` (CPU time).
void CodeOnly(benchmark::State& state, const EventCoder& coder) {
  Fixture& f = Get();
  size_t n = std::min<size_t>(f.docs.size(), 1500);
  std::vector<AnalyzedText> texts(n);
  size_t bytes = 0;
  for (size_t i = 0; i < n; ++i) {
    f.analyzer->Analyze(f.docs[i], &texts[i]);
    bytes += f.docs[i].text.size();
  }
  auto scratch = coder.NewScratch();
  DocumentCoding coding;
  size_t events = 0;
  for (auto _ : state) {
    for (size_t i = 0; i < n; ++i) {
      coder.Code(f.docs[i], texts[i], scratch.get(), &coding);
      for (const auto& s : coding.sentences) events += s.events.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["events"] = static_cast<double>(events) / state.iterations();
}

void BM_CodeOnly(benchmark::State& state) {
  Fixture& f = Get();
  if (!f.error.empty() || f.docs.empty()) return state.SkipWithError("no corpus/dictionaries");
  CodeOnly(state, *f.coder);
}
BENCHMARK(BM_CodeOnly)->Unit(benchmark::kMillisecond)->Iterations(3);

// The same articles with Parley's bundled dictionaries (the default of
// `parley code`).
void BM_CodeOnlyDefaultDictionaries(benchmark::State& state) {
  Fixture& f = Get();
  if (!f.error.empty() || f.docs.empty()) return state.SkipWithError("no corpus/dictionaries");
  static std::shared_ptr<const EventCoder> coder = [&]() -> std::shared_ptr<const EventCoder> {
    auto set = ReadDictionaryDirectory(std::string(PARLEY_SOURCE_DIR) + "/dictionaries/parley");
    if (!set.ok()) return nullptr;
    auto dict = CompiledDictionary::Compile(*set, *f.analyzer);
    if (!dict.ok()) return nullptr;
    auto c = EventCoder::Create(*dict);
    return c.ok() ? *c : nullptr;
  }();
  if (!coder) return state.SkipWithError("bundled dictionaries did not load");
  CodeOnly(state, *coder);
}
BENCHMARK(BM_CodeOnlyDefaultDictionaries)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace parley
