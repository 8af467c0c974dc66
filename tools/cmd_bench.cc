// `parley bench [--workload W] [--threads N] INPUT...`: named end-to-end
// workloads (LevelDB db_bench style) over JSON Lines files or directories,
// printing documents/s, sentences/s, MB/s of article text and peak RSS.
//
//   text          ingest + text analysis (sentences, tokens, lemmas, numbers, dates)
//   code          the full engine with Parley's bundled dictionaries, JSON output discarded
//   code-phoenix  the full engine with the Phoenix dictionaries (--phoenix DIR)
//   ingest-sqlite code and store into a temporary SQLite database (as `parley ingest`)
//   stages        one thread, the time of each stage of the engine (read, text,
//                 code, claims, JSON) with the bundled dictionaries
//   all           text, code, code-phoenix, ingest-sqlite in turn
#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "parley/event_store.h"
#include "parley/pipeline.h"
#include "parley/text.h"
#include "pipeline/engine_internal.h"
#include "pipeline/json_output.h"
#include "pipeline/reader_source.h"
#include "pipeline/runner.h"
#include "tools/command.h"
#include "tools/exit_codes.h"

namespace parley::cli {
namespace {

struct BenchArgs {
  std::vector<std::string> inputs;
  std::string workload = "code";
  std::string phoenix;
  std::string wordnet = "/usr/share/wordnet";
  int threads = 0;
};

// Serializes every document as `parley code` would, then drops it: the
// output cost is measured, the disk is not.
class DiscardSink : public DocumentSink {
 public:
  Status Put(const Document&, CodedDocument&& coded) override {
    buffer_.clear();
    AppendDocumentJson(coded, {}, &buffer_);
    bytes_ += buffer_.size();
    return Status::Ok();
  }
  Status Reject(const Rejection&) override { return Status::Ok(); }
  Status Flush() override { return Status::Ok(); }
  uint64_t bytes() const { return bytes_; }

 private:
  std::string buffer_;
  uint64_t bytes_ = 0;
};

// Stores documents in batches of 500, one transaction each (as `parley
// ingest` does).
class StoreBatchSink : public DocumentSink {
 public:
  explicit StoreBatchSink(EventStore* store) : store_(store) {}
  Status Put(const Document&, CodedDocument&& coded) override {
    docs_.push_back(std::move(coded));
    return docs_.size() >= 500 ? Flush() : Status::Ok();
  }
  Status Reject(const Rejection& r) override {
    rejects_.push_back(r);
    return Status::Ok();
  }
  Status Flush() override {
    if (docs_.empty() && rejects_.empty()) return Status::Ok();
    Status s = store_->PutBatch(docs_, rejects_, &stats_);
    docs_.clear();
    rejects_.clear();
    return s;
  }

 private:
  EventStore* store_;
  std::vector<CodedDocument> docs_;
  std::vector<Rejection> rejects_;
  PutStats stats_;
};

// The "text" workload: only TextAnalyzer::Analyze.
class TextOnlyProcessor : public DocumentProcessor {
 public:
  explicit TextOnlyProcessor(std::shared_ptr<const TextAnalyzer> text) : text_(std::move(text)) {}
  struct Scratch : ProcessorScratch {
    AnalyzedText text;
  };
  std::unique_ptr<ProcessorScratch> NewScratch() const override {
    return std::make_unique<Scratch>();
  }
  uint32_t Process(const Document& doc, ProcessorScratch* scratch,
                   CodedDocument* out) const override {
    auto* s = static_cast<Scratch*>(scratch);
    text_->Analyze(doc, &s->text);
    out->doc = doc.id;
    return static_cast<uint32_t>(s->text.sentences.size());
  }

 private:
  std::shared_ptr<const TextAnalyzer> text_;
};

double PeakRssMb() {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss / 1024.0;  // kilobytes on Linux
}

std::string LoadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string a, b, c;
  in >> a >> b >> c;
  return a + " " + b + " " + c;
}

void PrintRow(const std::string& name, const RunStats& s, double setup_seconds) {
  const double t = s.seconds > 0 ? s.seconds : 1e-9;
  std::printf("%-14s %7d %9llu %10llu %9.1f %8.2f %8.1f %9.0f %10.0f %8.1f %9.0f\n", name.c_str(),
              s.threads, static_cast<unsigned long long>(s.documents),
              static_cast<unsigned long long>(s.sentences), s.text_bytes / 1e6, s.seconds,
              setup_seconds, s.documents / t, s.sentences / t, s.text_bytes / 1e6 / t,
              PeakRssMb());
  std::fflush(stdout);
}

StatusOr<RunStats> RunOnce(const DocumentProcessor& processor, const BenchArgs& args) {
  StatusOr<std::unique_ptr<DocumentSource>> source = OpenInputs(args.inputs, {});
  if (!source.ok()) return source.status();
  DiscardSink sink;
  return RunPipeline(processor, source->get(), &sink, {.threads = args.threads});
}

double Since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

Status BenchText(const BenchArgs& args) {
  const auto t0 = std::chrono::steady_clock::now();
  auto text = TextAnalyzer::Create(args.wordnet);
  if (!text.ok()) return text.status();
  TextOnlyProcessor processor(*text);
  const double setup = Since(t0);
  StatusOr<RunStats> stats = RunOnce(processor, args);
  if (!stats.ok()) return stats.status();
  PrintRow("text", *stats, setup);
  return Status::Ok();
}

Status BenchEngine(const std::string& name, std::vector<std::string> dirs, const BenchArgs& args) {
  const auto t0 = std::chrono::steady_clock::now();
  auto engine = Engine::Create({.dictionary_dirs = std::move(dirs), .wordnet_dir = args.wordnet});
  if (!engine.ok()) return engine.status();
  std::unique_ptr<DocumentProcessor> processor = NewEngineProcessor(**engine);
  const double setup = Since(t0);
  StatusOr<RunStats> stats = RunOnce(*processor, args);
  if (!stats.ok()) return stats.status();
  PrintRow(name, *stats, setup);
  return Status::Ok();
}

// Per-stage wall time over one serial pass (the same work Engine::Code does,
// split at the stage boundaries).
struct StageTimes {
  double read = 0, text = 0, code = 0, claims = 0, json = 0;
};

void PrintStages(const StageTimes& t, uint64_t docs, uint64_t bytes) {
  const double total = t.read + t.text + t.code + t.claims + t.json;
  const auto row = [&](const char* name, double s) {
    std::printf("  %-8s %8.2f s %6.1f%% %9.1f MB/s\n", name, s, total > 0 ? 100 * s / total : 0.0,
                s > 0 ? bytes / 1e6 / s : 0.0);
  };
  std::printf("stages (1 thread, %llu docs, %.1f MB of text):\n",
              static_cast<unsigned long long>(docs), bytes / 1e6);
  row("read", t.read);
  row("text", t.text);
  row("code", t.code);
  row("claims", t.claims);
  row("json", t.json);
  row("total", total);
}

Status BenchStages(const BenchArgs& args) {
  EngineOptions options;
  options.wordnet_dir = args.wordnet;
  auto engine = Engine::Create(options);
  if (!engine.ok()) return engine.status();
  const Engine::Impl& impl = (*engine)->impl();
  StatusOr<std::unique_ptr<DocumentSource>> source = OpenInputs(args.inputs, {});
  if (!source.ok()) return source.status();
  std::unique_ptr<EngineScratch> s = (*engine)->NewScratch();
  StageTimes t;
  InputItem item;
  CodedDocument out;
  std::string json;
  uint64_t docs = 0, bytes = 0;
  for (auto t0 = std::chrono::steady_clock::now();;) {
    StatusOr<bool> more = (*source)->Next(&item);
    if (!more.ok()) return more.status();
    t.read += Since(t0);
    if (!*more) break;
    if (!item.rejected) {
      auto t1 = std::chrono::steady_clock::now();
      impl.text->Analyze(item.doc, &s->text);
      t.text += Since(t1);
      t1 = std::chrono::steady_clock::now();
      impl.coder->Code(item.doc, s->text, s->coder.get(), &s->coding);
      t.code += Since(t1);
      t1 = std::chrono::steady_clock::now();
      out.events.clear();
      out.figures.clear();
      out.positions.clear();
      impl.claims->Extract(item.doc, s->text, s->coding, &out);
      t.claims += Since(t1);
      t1 = std::chrono::steady_clock::now();
      json.clear();
      AppendDocumentJson(out, {}, &json);
      t.json += Since(t1);
      ++docs;
      bytes += item.doc.text.size();
    }
    t0 = std::chrono::steady_clock::now();
  }
  PrintStages(t, docs, bytes);
  return Status::Ok();
}

// Codes and stores into a fresh SQLite database in $TMPDIR, removed after.
Status BenchIngestSqlite(const BenchArgs& args) {
  const char* tmp = std::getenv("TMPDIR");
  std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/parley-bench-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) return NotFoundError("cannot create a temporary database file in " + path);
  ::close(fd);
  ::unlink(path.c_str());
  path += ".db";
  const auto t0 = std::chrono::steady_clock::now();
  StatusOr<std::unique_ptr<EventStore>> store = EventStore::Open(path);
  if (!store.ok()) return store.status();
  auto engine = Engine::Create({.dictionary_dirs = {}, .wordnet_dir = args.wordnet,
                                .emit_sentences = true});
  if (!engine.ok()) return engine.status();
  std::unique_ptr<DocumentProcessor> processor = NewEngineProcessor(**engine);
  const double setup = Since(t0);
  StatusOr<std::unique_ptr<DocumentSource>> source = OpenInputs(args.inputs, {});
  if (!source.ok()) return source.status();
  StoreBatchSink sink(store->get());
  StatusOr<RunStats> stats = RunPipeline(*processor, source->get(), &sink, {.threads = args.threads});
  store->reset();
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ::unlink((path + suffix).c_str());
  if (!stats.ok()) return stats.status();
  PrintRow("ingest-sqlite", *stats, setup);
  return Status::Ok();
}

std::string PhoenixDirectory(const BenchArgs& args) {
  if (!args.phoenix.empty()) return args.phoenix;
  if (const char* shared = std::getenv("PARLEY_SHARED"); shared && *shared) {
    return std::string(shared) + "/dictionaries/phoenix";
  }
  return std::string(PARLEY_SOURCE_DIR) + "/../shared/dictionaries/phoenix";
}

Status RunWorkload(const std::string& w, const BenchArgs& args) {
  if (w == "text") return BenchText(args);
  if (w == "code") return BenchEngine("code", {}, args);
  if (w == "stages") return BenchStages(args);
  if (w == "code-phoenix") {
    const std::string dir = PhoenixDirectory(args);
    if (::access(dir.c_str(), R_OK) != 0) {
      return NotFoundError("code-phoenix: no Phoenix dictionaries at " + dir +
                           " (give --phoenix DIR)");
    }
    return BenchEngine("code-phoenix", {dir}, args);
  }
  if (w == "ingest-sqlite") return BenchIngestSqlite(args);
  return InvalidArgumentError("unknown workload '" + w +
                              "' (text, code, code-phoenix, ingest-sqlite, stages, all)");
}

int RunBench(const BenchArgs& args) {
  std::printf("# parley bench: %zu input(s), load average %s, %ld cores\n", args.inputs.size(),
              LoadAverage().c_str(), sysconf(_SC_NPROCESSORS_ONLN));
  std::printf("%-14s %7s %9s %10s %9s %8s %8s %9s %10s %8s %9s\n", "workload", "threads", "docs",
              "sentences", "text_MB", "seconds", "setup_s", "docs/s", "sent/s", "MB/s",
              "peakRSS_MB");
  std::vector<std::string> workloads = {args.workload};
  if (args.workload == "all") workloads = {"text", "code", "code-phoenix", "ingest-sqlite"};
  for (const std::string& w : workloads) {
    Status s = RunWorkload(w, args);
    if (!s.ok()) {
      std::fprintf(stderr, "parley bench: %s\n", s.message().c_str());
      return s.code() == StatusCode::kInvalidArgument ? kExitUsage : ExitCodeFor(s);
    }
  }
  std::printf("# peak RSS is the process maximum so far (getrusage ru_maxrss)\n");
  return kExitOk;
}

void Setup(CLI::App* sub, int* exit_code) {
  auto args = std::make_shared<BenchArgs>();
  sub->add_option("inputs", args->inputs, "JSON Lines files or directories")->required();
  sub->add_option("--workload,-w", args->workload,
                  "text | code | code-phoenix | ingest-sqlite | stages | all (default code)")
      ->check(CLI::IsMember({"text", "code", "code-phoenix", "ingest-sqlite", "stages", "all"}));
  sub->add_option("--threads,-j", args->threads, "worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  sub->add_option("--phoenix", args->phoenix,
                  "Phoenix dictionary directory for code-phoenix "
                  "(default $PARLEY_SHARED/dictionaries/phoenix, else <source dir>/../shared/...)");
  sub->add_option("--wordnet", args->wordnet, "WordNet data directory");
  sub->callback([args, exit_code] { *exit_code = RunBench(*args); });
}

PARLEY_REGISTER_COMMAND(nullptr, "bench", "measure throughput of named workloads", Setup);

}  // namespace
}  // namespace parley::cli
