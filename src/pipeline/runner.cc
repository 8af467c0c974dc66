// RunPipeline: serial read -> parallel code -> serial in-order write.
//
// Items travel through tbb::parallel_pipeline as pointers into a fixed pool
// of WorkItems (one per live token), so the number of documents in memory is
// bounded by the token count and their string buffers are reused. A
// background "ticker" thread flushes the sink when output has been waiting
// for more than flush_interval (so a slow trickle of input through a pipe
// is never stuck in a buffer) and prints progress; it takes the same mutex
// as the output stage, so the sink is never called concurrently.
#include "pipeline/runner.h"

#include <tbb/enumerable_thread_specific.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

#include <fmt/format.h>

namespace parley {
namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kTickInterval = std::chrono::milliseconds(200);

// Cache-line aligned: the reader fills one item while a coding thread
// writes the next one in memory.
struct alignas(64) WorkItem {
  InputItem input;
  CodedDocument coded;
  uint32_t sentences = 0;
};

// Resets a written document for reuse; its record vectors keep their
// capacity (every other member is reset to its default).
void ResetKeepingCapacity(CodedDocument* c) {
  std::vector<SentenceRecord> sentences = std::move(c->sentences);
  std::vector<Event> events = std::move(c->events);
  std::vector<Figure> figures = std::move(c->figures);
  std::vector<Position> positions = std::move(c->positions);
  sentences.clear();
  events.clear();
  figures.clear();
  positions.clear();
  *c = CodedDocument();
  c->sentences = std::move(sentences);
  c->events = std::move(events);
  c->figures = std::move(figures);
  c->positions = std::move(positions);
}

class ItemPool {
 public:
  explicit ItemPool(size_t n) {
    for (size_t i = 0; i < n; ++i) {
      items_.push_back(std::make_unique<WorkItem>());
      free_.push_back(items_.back().get());
    }
  }
  WorkItem* Take() {
    std::lock_guard<std::mutex> lock(mu_);
    if (free_.empty()) return nullptr;  // cannot happen: one item per token
    WorkItem* w = free_.back();
    free_.pop_back();
    return w;
  }
  void Give(WorkItem* w) {
    std::lock_guard<std::mutex> lock(mu_);
    free_.push_back(w);
  }

 private:
  std::mutex mu_;
  std::vector<std::unique_ptr<WorkItem>> items_;
  std::vector<WorkItem*> free_;
};

// State shared by the three pipeline stages and the ticker.
class Run {
 public:
  Run(const DocumentProcessor& processor, DocumentSource* source, DocumentSink* sink,
      const RunnerOptions& options, int threads)
      : processor_(processor), source_(source), sink_(sink), options_(options),
        tokens_(static_cast<size_t>(std::max(2, threads * options.max_in_flight_per_thread))),
        pool_(tokens_),
        scratch_([&processor] { return processor.NewScratch(); }) {}

  Status Execute(tbb::task_arena* arena);
  RunStats stats() const;

 private:
  WorkItem* Read(tbb::flow_control& fc);
  WorkItem* Code(WorkItem* w);
  void Write(WorkItem* w);
  void Fail(Status s);
  void Ticker();
  void PrintProgress(bool final_line);

  const DocumentProcessor& processor_;
  DocumentSource* source_;
  DocumentSink* sink_;
  const RunnerOptions& options_;
  const size_t tokens_;
  ItemPool pool_;
  tbb::enumerable_thread_specific<std::unique_ptr<ProcessorScratch>> scratch_;

  std::atomic<bool> stop_{false};
  std::mutex error_mu_;
  Status error_;

  std::mutex sink_mu_;  // output stage vs ticker
  bool dirty_ = false;  // GUARDED_BY(sink_mu_): Put/Reject since last Flush
  std::mutex tick_mu_;
  std::condition_variable tick_cv_;
  bool done_ = false;  // GUARDED_BY(tick_mu_)

  Clock::time_point start_ = Clock::now();
  RunStats stats_;  // written by the output stage only
  std::atomic<uint64_t> progress_docs_{0};
  std::atomic<uint64_t> progress_bytes_{0};
  bool progress_printed_ = false;
};

void Run::Fail(Status s) {
  std::lock_guard<std::mutex> lock(error_mu_);
  if (error_.ok()) error_ = std::move(s);
  stop_.store(true);
}

WorkItem* Run::Read(tbb::flow_control& fc) {
  if (stop_.load(std::memory_order_relaxed)) {
    fc.stop();
    return nullptr;
  }
  WorkItem* w = pool_.Take();
  StatusOr<bool> more = w ? source_->Next(&w->input) : InternalError("runner: item pool empty");
  if (!more.ok() || !*more) {
    if (!more.ok()) Fail(more.status());
    if (w) pool_.Give(w);
    fc.stop();
    return nullptr;
  }
  InputItem& in = w->input;
  if (!in.rejected && options_.max_doc_bytes > 0 && in.doc.text.size() > options_.max_doc_bytes) {
    in.rejected = true;
    in.rejection = Rejection{in.doc.origin, in.doc.line, in.doc.id, in.doc.ordinal,
                             fmt::format("document text is {} bytes, over the limit of {} "
                                         "(--max-doc-bytes)",
                                         in.doc.text.size(), options_.max_doc_bytes)};
  }
  return w;
}

WorkItem* Run::Code(WorkItem* w) {
  if (w == nullptr || w->input.rejected || stop_.load(std::memory_order_relaxed)) return w;
  std::unique_ptr<ProcessorScratch>& scratch = scratch_.local();
  try {
    w->sentences = processor_.Process(w->input.doc, scratch.get(), &w->coded);
  } catch (const std::exception& e) {
    // A bug must not take the batch down: this document becomes a rejection.
    const Document& d = w->input.doc;
    w->input.rejection = Rejection{d.origin, d.line, d.id, d.ordinal,
                                   fmt::format("internal error while coding: {}", e.what())};
    w->input.rejected = true;
    scratch = processor_.NewScratch();  // its state is unknown now
  }
  return w;
}

void Run::Write(WorkItem* w) {
  if (w == nullptr) return;
  if (!stop_.load(std::memory_order_relaxed)) {
    std::lock_guard<std::mutex> lock(sink_mu_);
    Status s;
    if (w->input.rejected) {
      s = sink_->Reject(w->input.rejection);
      ++stats_.rejected;
    } else {
      stats_.text_bytes += w->input.doc.text.size();
      stats_.sentences += w->sentences;
      stats_.events += w->coded.events.size();
      stats_.figures += w->coded.figures.size();
      stats_.positions += w->coded.positions.size();
      ++stats_.documents;
      s = sink_->Put(w->input.doc, std::move(w->coded));
      progress_bytes_.store(stats_.text_bytes, std::memory_order_relaxed);
    }
    progress_docs_.store(stats_.documents + stats_.rejected, std::memory_order_relaxed);
    dirty_ = true;
    if (!s.ok()) Fail(std::move(s));
  }
  w->input.rejected = false;
  ResetKeepingCapacity(&w->coded);
  pool_.Give(w);
}

void Run::PrintProgress(bool final_line) {
  const double secs = std::chrono::duration<double>(Clock::now() - start_).count();
  const double mb = progress_bytes_.load() / 1e6;
  std::fprintf(stderr, "\r\033[Kparley: %llu documents, %.1f MB, %.1f MB/s%s",
               static_cast<unsigned long long>(progress_docs_.load()), mb,
               secs > 0 ? mb / secs : 0.0, final_line ? "\r\033[K" : "");
  std::fflush(stderr);
  progress_printed_ = !final_line;
}

void Run::Ticker() {
  std::unique_lock<std::mutex> lock(tick_mu_);
  while (!tick_cv_.wait_for(lock, kTickInterval, [this] { return done_; })) {
    {
      std::lock_guard<std::mutex> sink_lock(sink_mu_);
      if (dirty_ && !stop_.load()) {
        dirty_ = false;
        if (Status s = sink_->Flush(); !s.ok()) Fail(std::move(s));
      }
    }
    if (options_.progress) PrintProgress(false);
  }
}

Status Run::Execute(tbb::task_arena* arena) {
  std::thread ticker([this] { Ticker(); });
  try {
    arena->execute([this] {
      tbb::parallel_pipeline(
          tokens_,
          tbb::make_filter<void, WorkItem*>(tbb::filter_mode::serial_in_order,
                                            [this](tbb::flow_control& fc) { return Read(fc); }) &
              tbb::make_filter<WorkItem*, WorkItem*>(tbb::filter_mode::parallel,
                                                     [this](WorkItem* w) { return Code(w); }) &
              tbb::make_filter<WorkItem*, void>(tbb::filter_mode::serial_in_order,
                                                [this](WorkItem* w) { Write(w); }));
    });
  } catch (const std::exception& e) {
    Fail(InternalError(fmt::format("runner: {}", e.what())));
  }
  {
    std::lock_guard<std::mutex> lock(tick_mu_);
    done_ = true;
  }
  tick_cv_.notify_all();
  ticker.join();
  if (progress_printed_) PrintProgress(true);
  stats_.seconds = std::chrono::duration<double>(Clock::now() - start_).count();
  if (!error_.ok()) return error_;
  return sink_->Flush();
}

RunStats Run::stats() const { return stats_; }

}  // namespace

std::string RunStats::Summary() const {
  const double mbps = seconds > 0 ? text_bytes / 1e6 / seconds : 0;
  const double dps = seconds > 0 ? documents / seconds : 0;
  return fmt::format("coded {}, rejected {} in {:.2f} s ({:.1f} MB/s, {:.0f} docs/s, {} threads)",
                     documents, rejected, seconds, mbps, dps, threads);
}

StatusOr<RunStats> RunPipeline(const DocumentProcessor& processor, DocumentSource* source,
                               DocumentSink* sink, const RunnerOptions& options) {
  int threads = options.threads;
  if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  if (options.max_in_flight_per_thread <= 0) {
    return InvalidArgumentError("runner: max_in_flight_per_thread must be positive");
  }
  // Allows more threads than cores when asked (TBB limits workers to the
  // core count by default, and warns).
  tbb::global_control parallelism(tbb::global_control::max_allowed_parallelism,
                                  static_cast<size_t>(threads));
  tbb::task_arena arena(threads);
  Run run(processor, source, sink, options, threads);
  Status s = run.Execute(&arena);
  if (!s.ok()) return s;
  RunStats stats = run.stats();
  stats.threads = threads;
  return stats;
}

}  // namespace parley
