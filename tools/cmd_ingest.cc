// `parley ingest [INPUT...] [--db URL]`: codes articles and stores them in
// the event store (SQLite file by default, PostgreSQL with a postgresql://
// URL), then recomputes the corpus analysis (merged events, negotiations).
//
// Documents already stored with the same content hash are skipped before
// coding; a changed document replaces its old rows. Documents are committed
// in batches of whole documents (one transaction per batch), so a killed run
// leaves the database consistent and a rerun resumes where it stopped.
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include "parley/event_store.h"
#include "parley/pipeline.h"
#include "pipeline/reader_source.h"
#include "pipeline/runner.h"
#include "tools/command.h"
#include "tools/exit_codes.h"

namespace parley::cli {
namespace {

struct IngestArgs {
  std::vector<std::string> inputs;
  std::string db = "parley.db";
  std::vector<std::string> dictionaries;
  std::string wordnet = "/usr/share/wordnet";
  int threads = 0;
  size_t batch = 500;
  bool quiet = false;
  bool no_recompute = false;
  StoreOptions store;
  uint64_t max_doc_bytes = 16ull << 20;
  RecomputeOptions corpus;
};

// Drops documents the store already has (same id and content hash), so
// they are not coded again.
class SkipStoredSource final : public DocumentSource {
 public:
  SkipStoredSource(DocumentSource* inner, EventStore* store) : inner_(inner), store_(store) {}
  StatusOr<bool> Next(InputItem* item) override {
    while (true) {
      StatusOr<bool> more = inner_->Next(item);
      if (!more.ok() || !*more || item->rejected) return more;
      StatusOr<bool> stored = store_->IsStored(item->doc.id, item->doc.content_hash);
      if (!stored.ok()) return stored.status();
      if (!*stored) return true;
      ++skipped_;
    }
  }
  uint64_t bytes_read() const override { return inner_->bytes_read(); }
  uint64_t skipped() const { return skipped_; }

 private:
  DocumentSource* inner_;
  EventStore* store_;
  uint64_t skipped_ = 0;
};

// Collects the ordered results and writes them in whole-document batches on
// a writer thread, so that coding continues while a batch is committed
// (double buffering: at most one batch being written, one being filled; a
// full batch waits only while the previous one is still being written).
class StoreSink final : public DocumentSink {
 public:
  StoreSink(EventStore* store, size_t batch)
      : store_(store), batch_(batch), writer_([this] { Loop(); }) {}
  ~StoreSink() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    writer_.join();
  }
  Status Put(const Document&, CodedDocument&& coded) override {
    docs_.push_back(std::move(coded));
    return docs_.size() >= batch_ ? Hand(/*wait=*/true) : Status::Ok();
  }
  Status Reject(const Rejection& r) override {
    rejects_.push_back(r);
    return rejects_.size() >= batch_ ? Hand(/*wait=*/true) : Status::Ok();
  }
  // The runner's periodic flush: hands over what is buffered when the
  // writer is idle (a trickle of input gets committed), never waits, so
  // coding goes on while a batch is written.
  Status Flush() override { return Hand(/*wait=*/false); }
  // Hands over what is buffered and waits until everything is committed.
  Status Finish() {
    PARLEY_RETURN_IF_ERROR(Hand(/*wait=*/true));
    std::unique_lock<std::mutex> lock(mu_);
    cv_.wait(lock, [&] { return !busy_; });
    return error_;
  }
  // REQUIRES: Finish() returned.
  const PutStats& stats() const { return stats_; }

 private:
  // Hands the buffered documents to the writer; when it is still busy,
  // waits for it (`wait`) or keeps them buffered for the next call.
  Status Hand(bool wait) {
    std::unique_lock<std::mutex> lock(mu_);
    if (!error_.ok()) return error_;
    if (docs_.empty() && rejects_.empty()) return Status::Ok();
    if (busy_ && !wait) return Status::Ok();
    cv_.wait(lock, [&] { return !busy_; });
    if (!error_.ok()) return error_;
    writing_docs_.swap(docs_);
    writing_rejects_.swap(rejects_);
    docs_.clear();
    rejects_.clear();
    busy_ = true;
    cv_.notify_all();
    return Status::Ok();
  }

  void Loop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (true) {
      cv_.wait(lock, [&] { return busy_ || stop_; });
      if (!busy_) return;
      lock.unlock();
      Status s = store_->PutBatch(writing_docs_, writing_rejects_, &stats_);
      lock.lock();
      if (!s.ok() && error_.ok()) error_ = s;
      busy_ = false;
      cv_.notify_all();
    }
  }

  EventStore* store_;
  size_t batch_;
  std::vector<CodedDocument> docs_, writing_docs_;
  std::vector<Rejection> rejects_, writing_rejects_;
  PutStats stats_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool busy_ = false, stop_ = false;
  Status error_;
  std::thread writer_;  // last: starts after every other member exists
};

int Fail(const Status& s) {
  std::fprintf(stderr, "parley ingest: %s\n", s.message().c_str());
  return ExitCodeFor(s);
}

Status RecomputeIfStale(EventStore* store, const IngestArgs& args) {
  StatusOr<bool> stale = store->CorpusStale();
  if (!stale.ok()) return stale.status();
  if (!*stale || args.no_recompute) return Status::Ok();
  RecomputeStats rs;
  PARLEY_RETURN_IF_ERROR(store->Recompute(args.corpus, &rs));
  if (!args.quiet) {
    std::fprintf(stderr,
                 "parley ingest: corpus: %llu events -> %llu merged events (%llu reported more "
                 "than once), %llu negotiations with %llu items in %.2f s\n",
                 static_cast<unsigned long long>(rs.events),
                 static_cast<unsigned long long>(rs.merged_events),
                 static_cast<unsigned long long>(rs.multi_mention),
                 static_cast<unsigned long long>(rs.negotiations),
                 static_cast<unsigned long long>(rs.items), rs.seconds);
  }
  return Status::Ok();
}

int RunIngest(const IngestArgs& args) {
  StatusOr<std::unique_ptr<EventStore>> store = EventStore::Open(args.db, args.store);
  if (!store.ok()) return Fail(store.status());
  EngineOptions engine_options{.dictionary_dirs = args.dictionaries,
                               .wordnet_dir = args.wordnet,
                               .emit_sentences = true};
  StatusOr<std::unique_ptr<Engine>> engine = Engine::Create(engine_options);
  if (!engine.ok()) {
    std::fprintf(stderr, "parley ingest: %s\n", engine.status().message().c_str());
    return engine.status().code() == StatusCode::kInternal ? kExitInternal : kExitInput;
  }
  std::vector<std::string> inputs = args.inputs;
  if (inputs.empty()) inputs.push_back("-");
  auto source = OpenInputs(inputs, InputOptions{.max_doc_bytes = args.max_doc_bytes});
  if (!source.ok()) return Fail(source.status());
  // Load the stored hashes now, before the writer thread runs (see IsStored).
  if (auto loaded = (*store)->IsStored("", ""); !loaded.ok()) return Fail(loaded.status());
  SkipStoredSource skip(source->get(), store->get());
  StoreSink sink(store->get(), args.batch);
  std::unique_ptr<DocumentProcessor> processor = NewEngineProcessor(**engine);
  RunnerOptions options{.threads = args.threads,
                        .progress = !args.quiet && ::isatty(STDERR_FILENO) == 1,
                        .max_doc_bytes = args.max_doc_bytes};
  StatusOr<RunStats> stats = RunPipeline(*processor, &skip, &sink, options);
  if (!stats.ok()) return Fail(stats.status());
  if (Status flushed = sink.Finish(); !flushed.ok()) return Fail(flushed);
  const PutStats& put = sink.stats();
  if (!args.quiet) {
    std::fprintf(stderr,
                 "parley ingest: %s; stored %llu new, %llu replaced, %llu unchanged, %llu "
                 "already stored (skipped), %llu rejected into %s\n",
                 stats->Summary().c_str(), static_cast<unsigned long long>(put.inserted),
                 static_cast<unsigned long long>(put.replaced),
                 static_cast<unsigned long long>(put.unchanged),
                 static_cast<unsigned long long>(skip.skipped()),
                 static_cast<unsigned long long>(put.rejects), std::string((*store)->backend()).c_str());
  }
  Status s = RecomputeIfStale(store->get(), args);
  return s.ok() ? kExitOk : Fail(s);
}

void AddCorpusOptions(CLI::App* sub, IngestArgs* a) {
  sub->add_option("--merge-days", a->corpus.merge_max_days,
                  "merge reports whose dates are within N days (default 1)")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--merge-figure-ratio", a->corpus.merge_figure_ratio,
                  "split reports when the same claimant's figures differ by more than this "
                  "factor (default 3)");
  sub->add_flag("--merge-negated", a->corpus.merge_negated,
                "merge reports across factuality (asserted with negated/hypothetical)");
  sub->add_option("--figure-window", a->corpus.figure_sentence_window,
                  "figures within N sentences of a report belong to it (default 0: same sentence)");
  sub->add_option("--counter-days", a->corpus.counter_days,
                  "a proposal within N days of the other side's is a counter-proposal (default 7)");
  sub->add_option("--drop-after-days", a->corpus.drop_after_days,
                  "a demand not repeated for N days is dropped (default 60)");
}

void Setup(CLI::App* sub, int* exit_code) {
  auto args = std::make_shared<IngestArgs>();
  sub->add_option("inputs", args->inputs,
                  "JSON Lines files, text files or directories; '-' = stdin (default)");
  sub->add_option("--db", args->db,
                  "database: SQLite file path (default parley.db) or postgresql://URL");
  sub->add_option("--dictionaries,-d", args->dictionaries,
                  "dictionary directory; repeat to layer; default: Parley's bundled dictionaries");
  sub->add_option("--wordnet", args->wordnet, "WordNet data directory");
  sub->add_option("--threads,-j", args->threads, "worker threads (default: all cores)")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--batch", args->batch, "documents per transaction (default 500)")
      ->check(CLI::PositiveNumber);
  sub->add_option("--max-doc-bytes", args->max_doc_bytes,
                  "reject documents whose text is longer (default 16 MiB)");
  sub->add_flag("--all-sentences", args->store.all_sentences,
                "store every sentence (default: only sentences with an event, figure or position)");
  sub->add_flag("--no-recompute", args->no_recompute,
                "do not recompute merged events and negotiations after storing");
  sub->add_flag("--quiet,-q", args->quiet, "no progress and no summary on stderr");
  AddCorpusOptions(sub, args.get());
  sub->callback([args, exit_code] { *exit_code = RunIngest(*args); });
}

PARLEY_REGISTER_COMMAND(nullptr, "ingest",
                        "code articles and store them (SQLite or PostgreSQL), then link reports "
                        "across articles and track negotiations",
                        Setup);

}  // namespace
}  // namespace parley::cli
