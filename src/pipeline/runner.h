// The streaming runner: reads documents in order (serial), codes them on all
// cores (parallel), and hands the results to a DocumentSink in input order
// (serial), with a bounded number of documents in flight so that memory does
// not grow with the input. Built on tbb::parallel_pipeline.
//
// ingest [DocumentSource] -> runner -> Engine (parallel) -> [DocumentSink]
//                                                              |-> JSON Lines (parley code)
//                                                              |-> store     (parley ingest)
//
// FOR SINK AUTHORS (e.g. the store): implement DocumentSink below. The runner
// calls Put()/Reject() from one thread at a time, in input order (the
// ordinal order of the source), never concurrently (Put, Reject and Flush
// may come from different threads, serialized by a mutex); Flush() about
// every 0.2 s while something was put since the last flush (so a trickle of
// input is not stuck in a buffer; a store may commit its transaction here)
// and once at the end. Any non-OK Status stops the run: no further
// documents are read, in-flight ones are dropped, and RunPipeline returns
// that Status. Return AbortedError when the consumer went away on purpose
// (closed pipe); the CLI treats it as a clean stop.
#ifndef PARLEY_PIPELINE_RUNNER_H_
#define PARLEY_PIPELINE_RUNNER_H_

#include <cstdint>
#include <memory>
#include <string>

#include "parley/document.h"
#include "parley/event.h"
#include "parley/pipeline.h"
#include "parley/status.h"

namespace parley {

// One item of the input stream: a document, or an input that could not
// become one.
struct InputItem {
  bool rejected = false;
  Document doc;         // valid when !rejected
  Rejection rejection;  // valid when rejected
};

// A serial source of InputItems (ArticleReader adapter: see
// reader_source.h). Called from one thread at a time.
class DocumentSource {
 public:
  virtual ~DocumentSource() = default;
  // Fills *item (overwriting it; its buffers may be reused) and returns true,
  // or returns false at the end of the input. A non-OK Status means the
  // input cannot be read any further (unreadable file, I/O error); it stops
  // the run.
  virtual StatusOr<bool> Next(InputItem* item) = 0;
  // Bytes consumed so far (for progress), or 0 when unknown.
  virtual uint64_t bytes_read() const { return 0; }
};

// Consumer of the ordered results. See the header comment.
class DocumentSink {
 public:
  virtual ~DocumentSink() = default;
  // `source` is the input document (full text, body ranges, hash), `coded`
  // its coding; both valid only during the call (move from `coded`).
  virtual Status Put(const Document& source, CodedDocument&& coded) = 0;
  virtual Status Reject(const Rejection& rejection) = 0;
  virtual Status Flush() = 0;
};

// Per-thread scratch of a DocumentProcessor.
class ProcessorScratch {
 public:
  virtual ~ProcessorScratch() = default;
};

// The parallel stage. Thread-safe: Process runs concurrently on different
// documents, each thread with its own scratch.
class DocumentProcessor {
 public:
  virtual ~DocumentProcessor() = default;
  virtual std::unique_ptr<ProcessorScratch> NewScratch() const = 0;
  // Codes `doc` into *out (cleared first); returns the number of sentences
  // found (statistics only).
  virtual uint32_t Process(const Document& doc, ProcessorScratch* scratch,
                           CodedDocument* out) const = 0;
};

// The Engine as a DocumentProcessor (borrows `engine`, which must outlive it).
std::unique_ptr<DocumentProcessor> NewEngineProcessor(const Engine& engine);

struct RunnerOptions {
  // Worker threads; 0 = std::thread::hardware_concurrency().
  int threads = 0;
  // Documents in flight per thread (read but not yet written). Bounds memory:
  // peak memory is about threads * max_in_flight_per_thread * (largest
  // document + its coding), independent of the input size.
  int max_in_flight_per_thread = 4;
  // Print a progress line to stderr at most a few times per second (the CLI
  // sets this only when stderr is a terminal).
  bool progress = false;
  // Documents whose text is longer are rejected ("document too large")
  // instead of coded; 0 = no limit.
  uint64_t max_doc_bytes = 0;
};

struct RunStats {
  uint64_t documents = 0;   // coded and handed to Put()
  uint64_t rejected = 0;    // handed to Reject()
  uint64_t text_bytes = 0;  // Document::text bytes of coded documents
  uint64_t sentences = 0;
  uint64_t events = 0;
  uint64_t figures = 0;
  uint64_t positions = 0;
  double seconds = 0;       // wall time of the run
  int threads = 0;          // threads actually used
  // "coded 1200, rejected 3 in 2.41 s (38.2 MB/s, 498 docs/s)".
  std::string Summary() const;
};

// Runs the whole stream. Returns the statistics, or the first error from the
// source or the sink (after which nothing more is read or written; the sink
// is not flushed). Rejections from the source and from max_doc_bytes go to
// sink->Reject() in input order.
StatusOr<RunStats> RunPipeline(const DocumentProcessor& processor, DocumentSource* source,
                               DocumentSink* sink, const RunnerOptions& options);

}  // namespace parley

#endif  // PARLEY_PIPELINE_RUNNER_H_
