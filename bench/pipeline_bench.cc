// Micro-benchmarks of the pipeline stage: the JSON Lines writer, the
// runner's per-document overhead (trivial processor), and Engine::Code on a
// realistic article when Parley's dictionaries load. End-to-end throughput on
// real corpora is `parley bench` (docs/performance.md).
#include <benchmark/benchmark.h>

#include <memory>
#include <string>

#include "parley/pipeline.h"
#include "pipeline/engine_internal.h"
#include "pipeline/json_output.h"
#include "pipeline/runner.h"

namespace parley {
namespace {

ActorRef Actor(const char* code, const char* name, uint32_t start) {
  ActorRef a;
  a.code = code;
  a.name = name;
  a.text = name;
  a.start = start;
  a.end = start + 10;
  return a;
}

CodedDocument TypicalDocument() {
  CodedDocument d;
  d.doc = "abp:conflict_world/01234";
  d.date = Date::FromYmd(2020, 8, 30);
  d.title = "Hamas says \"talks\" continue through Egyptian and Qatari mediation";
  d.outlet = "The Jerusalem Post";
  for (uint32_t i = 0; i < 12; ++i) {
    d.sentences.push_back({i, i * 200, i * 200 + 180,
                           "Qatari envoy Mohammed al-Emadi met Saturday with Israeli security "
                           "officials in an attempt to quell the escalating violence.\n"});
    Event e;
    e.sentence = i;
    e.source = Actor("QAT", "Qatar", i * 200);
    e.target = Actor("ISRGOV", "Israel", i * 200 + 60);
    e.code = "040";
    e.root = "04";
    e.quad = 1;
    e.goldstein = 1.0;
    e.plover = "CONSULT";
    e.rule = "Parley.verbs.txt:120";
    e.spans = {{"source", i * 200, i * 200 + 30}, {"verb", i * 200 + 31, i * 200 + 34}};
    d.events.push_back(e);
  }
  Figure f;
  f.kind = "killed";
  f.value = 40200;
  f.qualifier = Qualifier::kMoreThan;
  d.figures.push_back(f);
  return d;
}

void BM_AppendDocumentJson(benchmark::State& state) {
  const CodedDocument doc = TypicalDocument();
  std::string out;
  for (auto _ : state) {
    out.clear();
    AppendDocumentJson(doc, {.sentences = true}, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * out.size()));
}
BENCHMARK(BM_AppendDocumentJson);

void BM_AppendJsonStringWithEscapes(benchmark::State& state) {
  std::string text;
  for (int i = 0; i < 200; ++i) text += "He said \"no\" \xe2\x80\x94 twice.\n";
  std::string out;
  for (auto _ : state) {
    out.clear();
    AppendJsonString(text, &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_AppendJsonStringWithEscapes);

class CountingSource : public DocumentSource {
 public:
  explicit CountingSource(uint64_t n) : n_(n) {}
  StatusOr<bool> Next(InputItem* item) override {
    if (k_ == n_) return false;
    item->rejected = false;
    item->doc.id.assign(1, 'd');
    item->doc.ordinal = k_++;
    return true;
  }

 private:
  uint64_t n_, k_ = 0;
};

class NullProcessor : public DocumentProcessor {
 public:
  std::unique_ptr<ProcessorScratch> NewScratch() const override {
    return std::make_unique<ProcessorScratch>();
  }
  uint32_t Process(const Document& doc, ProcessorScratch*, CodedDocument* out) const override {
    out->doc = doc.id;
    return 0;
  }
};

class NullSink : public DocumentSink {
 public:
  Status Put(const Document&, CodedDocument&&) override { return Status::Ok(); }
  Status Reject(const Rejection&) override { return Status::Ok(); }
  Status Flush() override { return Status::Ok(); }
};

// Cost of moving one document through read -> process -> write.
void BM_RunnerOverheadPerDocument(benchmark::State& state) {
  const uint64_t n = 20000;
  NullProcessor processor;
  for (auto _ : state) {
    CountingSource source(n);
    NullSink sink;
    auto stats = RunPipeline(processor, &source, &sink, {.threads = static_cast<int>(state.range(0))});
    benchmark::DoNotOptimize(stats.ok());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * n));
}
BENCHMARK(BM_RunnerOverheadPerDocument)->Arg(1)->Arg(2)->UseRealTime();

// Engine::Code on one realistic article (skipped when the engine cannot be
// created, e.g. WordNet data absent).
void BM_EngineCode(benchmark::State& state) {
  static StatusOr<std::unique_ptr<Engine>> engine = Engine::Create({});
  if (!engine.ok()) {
    state.SkipWithError(engine.status().ToString().c_str());
    return;
  }
  Document doc;
  doc.id = "bench";
  doc.date = Date::FromYmd(2020, 8, 30);
  const std::string para =
      "Qatari envoy Mohammed al-Emadi met Saturday with Israeli security officials in an "
      "attempt to quell the escalating violence between the IDF and Hamas, a source confirmed "
      "to The Jerusalem Post. Israeli aircraft struck Hamas targets in the Gaza Strip on "
      "Friday night, and at least 12 people were wounded, the health ministry said. ";
  for (int i = 0; i < 10; ++i) {
    doc.text.append(para);
    doc.text.append("\n\n");
  }
  doc.body.push_back({0, static_cast<uint32_t>(doc.text.size())});
  std::unique_ptr<EngineScratch> scratch = (*engine)->NewScratch();
  CodedDocument out;
  for (auto _ : state) {
    (*engine)->Code(doc, scratch.get(), &out);
    benchmark::DoNotOptimize(out.events.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.text.size()));
}
BENCHMARK(BM_EngineCode);

}  // namespace
}  // namespace parley
