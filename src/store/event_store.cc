// EventStore over a Backend: batching, replacement of changed documents,
// the stale flag of the corpus analysis, and the full recompute.
#include "parley/event_store.h"

#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "store/backend.h"
#include "store/corpus_io.h"
#include "store/document_rows.h"
#include "store/schema.h"

namespace parley {

std::string SqlText(const SqlValue& v) {
  if (std::holds_alternative<std::string>(v)) return std::get<std::string>(v);
  if (std::holds_alternative<int64_t>(v)) return std::to_string(std::get<int64_t>(v));
  if (std::holds_alternative<double>(v)) return fmt::format("{}", std::get<double>(v));
  return "";
}

namespace store {
namespace {

constexpr const char* kDocTables[] = {"sentences", "events", "figures", "positions"};
// Tables whose secondary indexes a bulk load into an empty store builds
// after the load (see DeferIndexes).
constexpr const char* kBulkTables[] = {"documents", "events", "figures", "positions"};
constexpr const char* kDeferredKey = "indexes_deferred";
constexpr const char* kCorpusTables[] = {
    "merged_events", "event_mentions", "merged_figures", "negotiations",
    "negotiation_items", "negotiation_sources", "negotiation_positions"};

// Hides the password of a connection URL in messages.
std::string Redact(const std::string& url) {
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

class StoreImpl final : public EventStore {
 public:
  StoreImpl(std::unique_ptr<store::Backend> db, int version, const StoreOptions& options)
      : db_(std::move(db)), version_(version), options_(options) {}
  // A store whose bulk load ended without a recompute (--no-recompute)
  // gets its indexes here.
  ~StoreImpl() override {
    if (indexes_deferred_) (void)CreateDeferredIndexes();
  }

  // After Open: creates the indexes that a killed bulk load left deferred.
  Status Init() {
    std::string deferred;
    PARLEY_RETURN_IF_ERROR(db_->Run("SELECT value FROM meta WHERE key = ?", {kDeferredKey},
                                    [&](const SqlRow& r) {
                                      deferred = SqlText(r[0]);
                                      return Status::Ok();
                                    }));
    return deferred == "1" ? CreateDeferredIndexes() : Status::Ok();
  }

  std::string_view backend() const override {
    return db_->dialect() == Dialect::kSqlite ? "sqlite" : "postgresql";
  }
  int schema_version() const override { return version_; }

  StatusOr<bool> IsStored(std::string_view id, std::string_view hash) override {
    std::lock_guard<std::mutex> lock(hashes_mu_);
    PARLEY_RETURN_IF_ERROR(LoadHashes());
    auto it = hashes_.find(std::string(id));
    return it != hashes_.end() && it->second == hash;
  }

  Status PutBatch(std::span<const CodedDocument> docs, std::span<const Rejection> rejects,
                  PutStats* stats) override;
  Status Recompute(const RecomputeOptions& options, RecomputeStats* stats) override;

  StatusOr<bool> CorpusStale() override {
    bool stale = false;
    PARLEY_RETURN_IF_ERROR(db_->Run("SELECT value FROM meta WHERE key = 'corpus_stale'", {},
                                    [&](const SqlRow& r) {
                                      stale = SqlText(r[0]) == "1";
                                      return Status::Ok();
                                    }));
    return stale;
  }

  StatusOr<std::vector<std::pair<std::string, int64_t>>> Counts() override {
    std::vector<std::pair<std::string, int64_t>> out;
    for (const Table& t : Tables()) {
      if (std::string_view(t.name) == "meta") continue;
      int64_t n = 0;
      PARLEY_RETURN_IF_ERROR(db_->Run(fmt::format("SELECT COUNT(*) FROM {}", t.name), {},
                                      [&](const SqlRow& r) {
                                        n = I64(r[0]);
                                        return Status::Ok();
                                      }));
      out.emplace_back(t.name, n);
    }
    return out;
  }

  Status Select(std::string_view sql, const std::vector<SqlValue>& params,
                const std::function<Status(const SqlRow&)>& row) override {
    return db_->Run(sql, params, row);
  }

 private:
  Status LoadHashes() {
    if (hashes_loaded_) return Status::Ok();
    hashes_.clear();
    PARLEY_RETURN_IF_ERROR(db_->Run("SELECT id, content_hash FROM documents", {},
                                    [&](const SqlRow& r) {
                                      hashes_[SqlText(r[0])] = SqlText(r[1]);
                                      return Status::Ok();
                                    }));
    hashes_loaded_ = true;
    // An empty database has no records to read back: the corpus input is
    // complete from the start and kept up to date by PutBatch.
    input_valid_ = hashes_.empty();
    return Status::Ok();
  }

  // After a committed batch: the records of the documents it wrote replace
  // those of their previous versions in input_.
  void UpdateInput(const std::vector<const CodedDocument*>& written, bool replaced) {
    if (!input_valid_) return;
    std::unordered_map<std::string_view, const CodedDocument*> last;
    for (const CodedDocument* d : written) last[d->doc] = d;
    if (replaced) {
      auto gone = [&](const auto& r) { return last.count(r.doc) > 0; };
      std::erase_if(input_.events, gone);
      std::erase_if(input_.figures, gone);
      std::erase_if(input_.positions, gone);
    }
    for (const CodedDocument* d : written) {
      if (last[d->doc] == d) corpus::AppendDocument(*d, &input_, /*talk_sentences_only=*/true);
    }
  }

  // input_ for Recompute: kept in memory when it is known to match the
  // database (same number of documents), else read from the database.
  Status PrepareInput() {
    int64_t n = -1;
    PARLEY_RETURN_IF_ERROR(db_->Run("SELECT COUNT(*) FROM documents", {}, [&](const SqlRow& r) {
      n = I64(r[0]);
      return Status::Ok();
    }));
    {
      std::lock_guard<std::mutex> lock(hashes_mu_);
      if (input_valid_ && hashes_loaded_ && n == static_cast<int64_t>(hashes_.size())) {
        return Status::Ok();
      }
    }
    auto loaded = LoadCorpusInput(db_.get());
    if (!loaded.ok()) return loaded.status();
    input_ = std::move(*loaded);
    input_valid_ = true;
    return Status::Ok();
  }

  Status InsertAll(TableRows* rows) {
    for (auto& [table, list] : *rows) {
      const Table& t = GetTable(table);
      for (const SqlRow& r : list) {
        if (r.size() != t.columns.size()) {
          return InternalError(fmt::format("row of {} has {} values, expected {}", table,
                                           r.size(), t.columns.size()));
        }
      }
      PARLEY_RETURN_IF_ERROR(db_->Insert(table, t.ColumnNames(), list));
      list.clear();
    }
    return Status::Ok();
  }

  Status DeleteDocument(const std::string& id) {
    for (const char* t : kDocTables) {
      PARLEY_RETURN_IF_ERROR(db_->Run(fmt::format("DELETE FROM {} WHERE doc = ?", t), {id}));
    }
    return db_->Run("DELETE FROM documents WHERE id = ?", {id});
  }

  // Inside the first transaction of a load into an empty store: drops the
  // secondary indexes of the bulk tables (building them once after the load
  // costs less than updating them row by row) and records that in meta, so
  // that the next Open builds them should this run be killed.
  Status DeferIndexes() {
    for (const char* t : kBulkTables) {
      for (const std::string& sql : DropIndexStatements(GetTable(t))) {
        PARLEY_RETURN_IF_ERROR(db_->Exec(sql));
      }
    }
    return SetMeta(kDeferredKey, "1");
  }

  Status ExecAll(const std::vector<std::string>& statements) {
    for (const std::string& sql : statements) PARLEY_RETURN_IF_ERROR(db_->Exec(sql));
    return Status::Ok();
  }

  // Builds the deferred indexes in one transaction.
  Status CreateDeferredIndexes() {
    PARLEY_RETURN_IF_ERROR(db_->Begin());
    Status s = Status::Ok();
    for (const char* t : kBulkTables) {
      for (const std::string& sql : CreateIndexStatements(GetTable(t))) {
        if (s.ok()) s = db_->Exec(sql);
      }
    }
    if (s.ok()) s = db_->Run("DELETE FROM meta WHERE key = ?", {kDeferredKey});
    if (s.ok()) s = db_->Commit();
    if (!s.ok()) {
      (void)db_->Rollback();
      return s;
    }
    indexes_deferred_ = false;
    return Status::Ok();
  }

  Status SetMeta(const std::string& key, const std::string& value) {
    PARLEY_RETURN_IF_ERROR(db_->Run("DELETE FROM meta WHERE key = ?", {key}));
    return db_->Run("INSERT INTO meta (key, value) VALUES (?, ?)", {key, value});
  }

  Status WriteBatch(std::span<const CodedDocument> docs, std::span<const Rejection> rejects,
                    PutStats* stats, std::vector<const CodedDocument*>* written);

  std::unique_ptr<store::Backend> db_;
  int version_;
  StoreOptions options_;
  bool hashes_loaded_ = false;
  // Guards hashes_ against IsStored from the reader thread while PutBatch
  // runs on the writer thread. Only PutBatch modifies the map.
  std::mutex hashes_mu_;
  std::unordered_map<std::string, std::string> hashes_;
  // The corpus records of every stored document while input_valid_ (see
  // UpdateInput, PrepareInput), so that Recompute need not read them back.
  corpus::CorpusInput input_;
  bool input_valid_ = false;
  // Whether the first batch with documents has been written (it decides
  // about deferring the indexes), and whether they are deferred now.
  bool first_batch_done_ = false;
  bool indexes_deferred_ = false;
  // This process began by loading an empty store.
  bool bulk_load_ = false;
};

Status StoreImpl::WriteBatch(std::span<const CodedDocument> docs,
                             std::span<const Rejection> rejects, PutStats* stats,
                             std::vector<const CodedDocument*>* written) {
  const std::string now = NowUtc();
  TableRows rows;
  std::unordered_map<std::string, std::string> batch;  // id -> hash written in this batch
  for (const CodedDocument& d : docs) {
    auto b = batch.find(d.doc);
    auto stored = hashes_.find(d.doc);
    const std::string* old = b != batch.end() ? &b->second
                             : stored != hashes_.end() ? &stored->second : nullptr;
    if (old && *old == d.content_hash) {
      ++stats->unchanged;
      continue;
    }
    if (b != batch.end()) PARLEY_RETURN_IF_ERROR(InsertAll(&rows));  // same id twice in a batch
    if (old) {
      PARLEY_RETURN_IF_ERROR(DeleteDocument(d.doc));
      ++stats->replaced;
    } else {
      ++stats->inserted;
    }
    AppendDocumentRows(d, now, options_.all_sentences, &rows);
    batch[d.doc] = d.content_hash;
    written->push_back(&d);
  }
  std::set<std::pair<std::string, uint64_t>> seen;
  for (const Rejection& r : rejects) {
    if (!seen.insert({r.origin, r.line}).second) PARLEY_RETURN_IF_ERROR(InsertAll(&rows));
    PARLEY_RETURN_IF_ERROR(db_->Run("DELETE FROM rejects WHERE origin = ? AND line = ?",
                                    {r.origin, static_cast<int64_t>(r.line)}));
    AppendRejectionRow(r, now, &rows);
    ++stats->rejects;
  }
  PARLEY_RETURN_IF_ERROR(InsertAll(&rows));
  if (!written->empty()) PARLEY_RETURN_IF_ERROR(SetMeta("corpus_stale", "1"));
  return Status::Ok();
}

Status StoreImpl::PutBatch(std::span<const CodedDocument> docs, std::span<const Rejection> rejects,
                           PutStats* stats) {
  {
    std::lock_guard<std::mutex> lock(hashes_mu_);
    PARLEY_RETURN_IF_ERROR(LoadHashes());
  }
  PutStats local;
  std::vector<const CodedDocument*> written;
  const bool defer = !first_batch_done_ && !docs.empty() && hashes_.empty();
  PARLEY_RETURN_IF_ERROR(db_->Begin());
  Status s = defer ? DeferIndexes() : Status::Ok();
  if (s.ok()) s = WriteBatch(docs, rejects, &local, &written);
  if (s.ok()) s = db_->Commit();
  if (!s.ok()) {
    (void)db_->Rollback();
    return s;
  }
  if (!docs.empty()) first_batch_done_ = true;
  if (defer) indexes_deferred_ = bulk_load_ = true;
  {
    std::lock_guard<std::mutex> lock(hashes_mu_);
    for (const CodedDocument* d : written) hashes_[d->doc] = d->content_hash;
  }
  UpdateInput(written, local.replaced > 0);
  if (stats) {
    stats->inserted += local.inserted;
    stats->replaced += local.replaced;
    stats->unchanged += local.unchanged;
    stats->rejects += local.rejects;
  }
  return Status::Ok();
}

Status StoreImpl::Recompute(const RecomputeOptions& o, RecomputeStats* stats) {
  auto start = std::chrono::steady_clock::now();
  PARLEY_RETURN_IF_ERROR(PrepareInput());
  const corpus::CorpusInput& input = input_;
  corpus::MergeOptions mo;
  mo.max_days = o.merge_max_days;
  mo.figure_ratio = o.merge_figure_ratio;
  mo.merge_negated = o.merge_negated;
  mo.figure_sentence_window = o.figure_sentence_window;
  corpus::NegotiationOptions no;
  no.counter_days = o.counter_days;
  no.drop_after_days = o.drop_after_days;
  // Negotiations and merged events on two more threads while this one
  // builds the indexes a bulk load deferred, then writes.
  std::vector<corpus::Negotiation> negotiations;
  std::thread tracker([&] { negotiations = corpus::TrackNegotiations(input, no); });
  std::vector<corpus::MergedEvent> merged;
  TableRows rows;
  std::thread merger([&] {
    merged = corpus::MergeEvents(input, mo);
    AppendMergedRows(merged, &rows);
  });
  Status s = indexes_deferred_ ? CreateDeferredIndexes() : Status::Ok();
  merger.join();
  // After a load into an empty store nobody reads the (empty) corpus
  // tables yet: their secondary indexes are built after the rows, inside
  // the same transaction. Otherwise they stay (readers keep working).
  const bool rebuild = bulk_load_;
  if (s.ok()) s = db_->Begin();
  for (const char* t : kCorpusTables) {
    if (s.ok() && rebuild) s = ExecAll(DropIndexStatements(GetTable(t)));
    if (s.ok()) s = db_->Exec(fmt::format("DELETE FROM {}", t));
  }
  if (s.ok()) s = InsertAll(&rows);
  tracker.join();
  AppendNegotiationRows(negotiations, &rows);
  if (s.ok()) s = InsertAll(&rows);
  for (const char* t : kCorpusTables) {
    if (s.ok() && rebuild) s = ExecAll(CreateIndexStatements(GetTable(t)));
  }
  if (s.ok()) s = SetMeta("corpus_stale", "0");
  if (s.ok()) s = db_->Commit();
  if (!s.ok()) {
    (void)db_->Rollback();
    return s;
  }
  if (stats) {
    stats->events = input.events.size();
    stats->merged_events = merged.size();
    stats->multi_mention = 0;
    for (const auto& m : merged) stats->multi_mention += m.mentions.size() > 1;
    stats->negotiations = negotiations.size();
    stats->items = 0;
    for (const auto& n : negotiations) stats->items += n.items.size();
    stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  return Status::Ok();
}

}  // namespace
}  // namespace store

StatusOr<std::unique_ptr<EventStore>> EventStore::Open(const std::string& url) {
  return Open(url, StoreOptions());
}

StatusOr<std::unique_ptr<EventStore>> EventStore::Open(const std::string& url,
                                                       const StoreOptions& options) {
  StatusOr<std::unique_ptr<store::Backend>> db = UnavailableError("unreachable");
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    db = store::OpenPostgres(url);
    if (!db.ok()) return UnavailableError(store::Redact(db.status().message()));
  } else {
    std::string path = url.starts_with("sqlite:") ? url.substr(7) : url;
    if (path.empty()) path = "parley.db";
    db = store::OpenSqlite(path);
  }
  if (!db.ok()) return db.status();
  auto version = store::Migrate(db->get());
  if (!version.ok()) return version.status();
  auto impl = std::make_unique<store::StoreImpl>(std::move(*db), *version, options);
  PARLEY_RETURN_IF_ERROR(impl->Init());
  return std::unique_ptr<EventStore>(std::move(impl));
}

}  // namespace parley
