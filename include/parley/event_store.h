// EventStore: persistence of coded documents (documents, sentences, events,
// figures, positions, rejects) and of the corpus-level analysis computed
// from them (merged events, negotiations). SQLite (default, a file) or
// PostgreSQL (libpqxx), same schema on both (docs/schema.md).
//
// pipeline [CodedDocument, Rejection] -> (this) -> query / serve
//
// Writes are whole-document units: PutBatch stores a batch in ONE
// transaction, so a crash leaves every document either fully stored or not
// at all, and a rerun skips what is stored (IsStored). Re-putting a document
// with the same id and content hash changes nothing; a changed document
// (same id, different hash) replaces its old rows in the same transaction.
//
// Thread-safety: one EventStore is used by one thread at a time, with one
// exception: once an IsStored call has returned, IsStored may run on another
// thread while PutBatch runs (the ingest reader skips stored documents while
// the writer thread stores earlier ones).
#ifndef PARLEY_EVENT_STORE_H_
#define PARLEY_EVENT_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "parley/document.h"
#include "parley/event.h"
#include "parley/status.h"

namespace parley {

struct PutStats {
  uint64_t inserted = 0;   // new documents
  uint64_t replaced = 0;   // same id, different content hash
  uint64_t unchanged = 0;  // same id and hash: nothing written
  uint64_t rejects = 0;    // rejections stored (replacing the same origin:line)
};

// Tunables of the corpus analysis (see src/corpus/merge.h, negotiation.h).
struct RecomputeOptions {
  int merge_max_days = 1;            // dates within this many days merge
  double merge_figure_ratio = 3.0;   // same claimant's figures this far apart split
  bool merge_negated = false;        // merge across factuality
  int figure_sentence_window = 0;    // figures within N sentences belong to a mention
  int counter_days = 7;              // counter-proposal window
  int drop_after_days = 60;          // a demand not repeated this long is dropped
};

struct RecomputeStats {
  uint64_t events = 0, merged_events = 0, multi_mention = 0, negotiations = 0, items = 0;
  double seconds = 0;
};

struct StoreOptions {
  // Store every sentence of every document. By default only the sentences
  // that an event, figure or position refers to are stored (the text every
  // record links to), which is most of the write volume saved.
  bool all_sentences = false;
};

// A value in a row of Select(): NULL, integer, real or text.
using SqlValue = std::variant<std::monostate, int64_t, double, std::string>;
using SqlRow = std::vector<SqlValue>;

class EventStore {
 public:
  // `url`: "postgresql://..." or "postgres://..." (libpq URI) for
  // PostgreSQL; "sqlite:PATH" or any other string is a SQLite file path
  // (created if absent; WAL journal). Creates or migrates the schema.
  // Errors: kUnavailable (cannot connect/open), kFailedPrecondition (the
  // database has a newer schema than this binary).
  static StatusOr<std::unique_ptr<EventStore>> Open(const std::string& url);
  static StatusOr<std::unique_ptr<EventStore>> Open(const std::string& url,
                                                    const StoreOptions& options);
  virtual ~EventStore() = default;

  virtual std::string_view backend() const = 0;  // "sqlite" | "postgresql"
  virtual int schema_version() const = 0;

  // True when a document with this id and content hash is stored.
  virtual StatusOr<bool> IsStored(std::string_view id, std::string_view content_hash) = 0;

  // Stores `docs` and `rejects` in one transaction (see the file comment).
  // Marks the corpus analysis stale when anything changed.
  virtual Status PutBatch(std::span<const CodedDocument> docs, std::span<const Rejection> rejects,
                          PutStats* stats) = 0;

  // Recomputes merged events and negotiations over the whole store (a full
  // recompute: in one transaction, replacing the previous results).
  virtual Status Recompute(const RecomputeOptions& options, RecomputeStats* stats) = 0;
  // True when documents changed since the last Recompute.
  virtual StatusOr<bool> CorpusStale() = 0;

  // Row counts per table, in schema order: {"documents", 12}, ...
  virtual StatusOr<std::vector<std::pair<std::string, int64_t>>> Counts() = 0;

  // Runs a read-only query written in the SQL both engines share, with `?`
  // placeholders bound to `params`; calls `row` for each result row (stop
  // early by returning a non-OK Status, which Select returns).
  virtual Status Select(std::string_view sql, const std::vector<SqlValue>& params,
                        const std::function<Status(const SqlRow&)>& row) = 0;
};

// "2024-07-14" style text of a SqlValue ("" for NULL).
std::string SqlText(const SqlValue& v);

}  // namespace parley

#endif  // PARLEY_EVENT_STORE_H_
