// Throughput of ingest + text stage (sentence split, tokenize, normalize,
// lemmatize, numbers, dates) in MB/s of document text per core.
//
//   BM_CorpusIngestAndAnalyze  read JSONL from the shared corpus and analyze
//                              (first kCorpusCap bytes of text)
//   BM_CorpusAnalyzeOnly       same documents preloaded; text stage only
//   BM_CorpusIngestOnly        reader only
//   BM_SyntheticAnalyze        deterministic in-repo text (no corpus needed)
// Corpus benchmarks skip with a message when $PARLEY_SHARED/corpus (or
// <source>/../shared/corpus) is absent.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "ingest/article_reader.h"
#include "parley/text.h"

namespace parley {
namespace {

constexpr uint64_t kCorpusCap = 30ull << 20;

std::string CorpusDir() {
  const char* env = std::getenv("PARLEY_SHARED");
  return (env ? std::string(env) : std::string(PARLEY_SOURCE_DIR) + "/../shared") + "/corpus";
}

const TextAnalyzer* Analyzer() {
  static std::shared_ptr<const TextAnalyzer> a = [] {
    auto r = TextAnalyzer::Create("/usr/share/wordnet");
    return r.ok() ? std::move(r).value() : nullptr;
  }();
  return a.get();
}

// Reads documents until `cap` text bytes; optionally analyzes each.
uint64_t ReadCorpus(uint64_t cap, bool analyze, std::vector<Document>* keep) {
  auto reader = ingest::ArticleReader::Open({CorpusDir()});
  if (!reader.ok()) return 0;
  Document doc;
  Rejection rej;
  bool rejected;
  AnalyzedText text;
  uint64_t bytes = 0;
  while (bytes < cap && (*reader)->Next(&doc, &rej, &rejected)) {
    if (rejected) continue;
    bytes += doc.text.size();
    if (analyze) Analyzer()->Analyze(doc, &text);
    if (keep) keep->push_back(doc);
  }
  return bytes;
}

bool CorpusReady(benchmark::State& state) {
  if (!std::filesystem::is_directory(CorpusDir())) {
    state.SkipWithError(("corpus absent: " + CorpusDir() + " (set PARLEY_SHARED)").c_str());
    return false;
  }
  if (Analyzer() == nullptr) {
    state.SkipWithError("WordNet not found in /usr/share/wordnet");
    return false;
  }
  return true;
}

void BM_CorpusIngestAndAnalyze(benchmark::State& state) {
  if (!CorpusReady(state)) return;
  uint64_t bytes = 0;
  for (auto _ : state) bytes += ReadCorpus(kCorpusCap, true, nullptr);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_CorpusIngestAndAnalyze)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_CorpusIngestOnly(benchmark::State& state) {
  if (!CorpusReady(state)) return;
  uint64_t bytes = 0;
  for (auto _ : state) bytes += ReadCorpus(kCorpusCap, false, nullptr);
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_CorpusIngestOnly)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_CorpusAnalyzeOnly(benchmark::State& state) {
  if (!CorpusReady(state)) return;
  static std::vector<Document> docs;
  static uint64_t total = 0;
  if (docs.empty()) total = ReadCorpus(kCorpusCap, false, &docs);
  AnalyzedText text;
  uint64_t tokens = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      Analyzer()->Analyze(d, &text);
      tokens += text.tokens.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(total * state.iterations()));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_CorpusAnalyzeOnly)->Unit(benchmark::kMillisecond)->Iterations(3);

// A deterministic news-like text with quotes, abbreviations, numbers and
// dates; ~1 MB.
std::string SyntheticText() {
  const char* sentences[] = {
      "Israeli jets struck 40 targets in the Gaza Strip on Saturday, the army said. ",
      "“We will not stop,” said Gen. Ahmed Nasser, the U.S.-backed commander. ",
      "At least 1,200 people were killed and tens of thousands fled since October 7. ",
      "Mediators from Egypt and Qatar met in Cairo last week to discuss a ceasefire. ",
      "The delegation’s proposal included the release of ninety-two hostages. ",
      "Officials said talks would resume on July 14, 2024 at 10:30 a.m. local time. ",
      "Dozens of protesters gathered outside the ministry, witnesses told Reuters.\n\n",
  };
  std::string out;
  for (int i = 0; out.size() < (1u << 20); ++i) out += sentences[(i * 5) % 7];
  return out;
}

void BM_SyntheticAnalyze(benchmark::State& state) {
  if (Analyzer() == nullptr) {
    state.SkipWithError("WordNet not found in /usr/share/wordnet");
    return;
  }
  Document doc;
  doc.text = SyntheticText();
  doc.body = {ByteRange{0, static_cast<uint32_t>(doc.text.size())}};
  doc.date = Date::FromYmd(2024, 7, 20);
  AnalyzedText text;
  for (auto _ : state) {
    Analyzer()->Analyze(doc, &text);
    benchmark::DoNotOptimize(text.tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(doc.text.size() * state.iterations()));
}
BENCHMARK(BM_SyntheticAnalyze)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace parley
