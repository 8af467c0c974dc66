// SQLite backend: one connection, WAL journal, synchronous=NORMAL, 16 KB
// pages for a new file (a third of the WAL writes of 4 KB pages), prepared
// statements cached by SQL text (every INSERT/SELECT is prepared once; a
// bulk Insert binds and steps one statement per row).
#include <sqlite3.h>

#include <map>

#include <fmt/format.h>

#include "store/backend.h"

namespace parley::store {
namespace {

class SqliteBackend final : public Backend {
 public:
  explicit SqliteBackend(sqlite3* db) : db_(db) {}
  ~SqliteBackend() override {
    for (auto& [sql, st] : cache_) sqlite3_finalize(st);
    sqlite3_close(db_);
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  Status Exec(std::string_view sql) override {
    char* err = nullptr;
    if (sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string m = err ? err : "unknown error";
      sqlite3_free(err);
      return UnavailableError(fmt::format("sqlite: {} (in: {:.80})", m, sql));
    }
    return Status::Ok();
  }

  Status Run(std::string_view sql, const std::vector<SqlValue>& params,
             const std::function<Status(const SqlRow&)>& row) override {
    auto st = Prepare(sql);
    if (!st.ok()) return st.status();
    return BindAndStep(*st, params, row);
  }

  Status Begin() override { return Exec("BEGIN IMMEDIATE"); }
  Status Commit() override { return Exec("COMMIT"); }
  Status Rollback() override { return Exec("ROLLBACK"); }

  Status Insert(const std::string& table, const std::vector<std::string>& columns,
                const std::vector<SqlRow>& rows) override {
    std::string sql = fmt::format("INSERT INTO {} ({}) VALUES (", table, fmt::join(columns, ","));
    for (size_t i = 0; i < columns.size(); ++i) sql += i ? ",?" : "?";
    sql += ")";
    auto st = Prepare(sql);
    if (!st.ok()) return st.status();
    for (const SqlRow& r : rows) PARLEY_RETURN_IF_ERROR(BindAndStep(*st, r, nullptr));
    return Status::Ok();
  }

  int UserVersion() override {
    int v = 0;
    (void)Run("PRAGMA user_version", {}, [&](const SqlRow& r) {
      v = static_cast<int>(std::get<int64_t>(r[0]));
      return Status::Ok();
    });
    return v;
  }
  Status SetUserVersion(int v) override { return Exec(fmt::format("PRAGMA user_version = {}", v)); }

 private:
  // Parameters without a value are NULL (bindings of a previous run are
  // cleared only when some would otherwise remain).
  Status BindAndStep(sqlite3_stmt* s, const std::vector<SqlValue>& params,
                     const std::function<Status(const SqlRow&)>& row) {
    if (static_cast<int>(params.size()) < sqlite3_bind_parameter_count(s)) {
      sqlite3_clear_bindings(s);
    }
    Status result = Bind(s, params);
    if (result.ok()) result = Step(s, row);
    sqlite3_reset(s);
    return result;
  }

  StatusOr<sqlite3_stmt*> Prepare(std::string_view sql) {
    auto it = cache_.find(sql);
    if (it != cache_.end()) return it->second;
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &s, nullptr) !=
        SQLITE_OK) {
      return UnavailableError(fmt::format("sqlite: {} (in: {:.120})", sqlite3_errmsg(db_), sql));
    }
    cache_.emplace(std::string(sql), s);
    return s;
  }

  Status Bind(sqlite3_stmt* s, const std::vector<SqlValue>& params) {
    for (size_t i = 0; i < params.size(); ++i) {
      int k = static_cast<int>(i + 1), rc = SQLITE_OK;
      const SqlValue& v = params[i];
      if (std::holds_alternative<int64_t>(v)) {
        rc = sqlite3_bind_int64(s, k, std::get<int64_t>(v));
      } else if (std::holds_alternative<double>(v)) {
        rc = sqlite3_bind_double(s, k, std::get<double>(v));
      } else if (std::holds_alternative<std::string>(v)) {
        const std::string& t = std::get<std::string>(v);
        rc = sqlite3_bind_text(s, k, t.data(), static_cast<int>(t.size()), SQLITE_STATIC);
      } else {
        rc = sqlite3_bind_null(s, k);
      }
      if (rc != SQLITE_OK) return InternalError(fmt::format("sqlite bind: {}", sqlite3_errmsg(db_)));
    }
    return Status::Ok();
  }

  static SqlValue Column(sqlite3_stmt* s, int i) {
    switch (sqlite3_column_type(s, i)) {
      case SQLITE_INTEGER: return static_cast<int64_t>(sqlite3_column_int64(s, i));
      case SQLITE_FLOAT: return sqlite3_column_double(s, i);
      case SQLITE_NULL: return std::monostate{};
      default: {
        const char* t = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
        return std::string(t, static_cast<size_t>(sqlite3_column_bytes(s, i)));
      }
    }
  }

  Status Step(sqlite3_stmt* s, const std::function<Status(const SqlRow&)>& row) {
    SqlRow r;
    for (;;) {
      int rc = sqlite3_step(s);
      if (rc == SQLITE_DONE) return Status::Ok();
      if (rc != SQLITE_ROW) {
        return UnavailableError(fmt::format("sqlite: {} (in: {:.120})", sqlite3_errmsg(db_),
                                            sqlite3_sql(s)));
      }
      if (!row) continue;
      int n = sqlite3_column_count(s);
      r.resize(n);
      for (int i = 0; i < n; ++i) r[i] = Column(s, i);
      PARLEY_RETURN_IF_ERROR(row(r));
    }
  }

  sqlite3* db_;
  std::map<std::string, sqlite3_stmt*, std::less<>> cache_;
};

}  // namespace

StatusOr<std::unique_ptr<Backend>> OpenSqlite(const std::string& path) {
  sqlite3* db = nullptr;
  // NOMUTEX: one thread at a time uses the connection (event_store.h).
  int rc = sqlite3_open_v2(path.c_str(), &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string m = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return UnavailableError(fmt::format("cannot open SQLite database '{}': {}", path, m));
  }
  sqlite3_busy_timeout(db, 10000);
  auto backend = std::make_unique<SqliteBackend>(db);
  PARLEY_RETURN_IF_ERROR(backend->Exec(
      "PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=OFF; "
      "PRAGMA cache_size=-65536; PRAGMA temp_store=MEMORY;"));
  return std::unique_ptr<Backend>(std::move(backend));
}

}  // namespace parley::store
