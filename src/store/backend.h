// The database primitives the store is built on, implemented once for
// SQLite (sqlite_backend.cc) and once for PostgreSQL (pg_backend.cc). All
// higher logic (schema, batching, replacement, corpus recompute) is shared
// in event_store.cc and does not know which engine it talks to.
//
// EventStore (event_store.cc) -> [Backend] -> sqlite3 / libpqxx
#ifndef PARLEY_STORE_BACKEND_H_
#define PARLEY_STORE_BACKEND_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/event_store.h"
#include "parley/status.h"

namespace parley::store {

enum class Dialect { kSqlite, kPostgres };

class Backend {
 public:
  virtual ~Backend() = default;
  virtual Dialect dialect() const = 0;
  // Runs statements without parameters (DDL, DELETE of everything ...).
  virtual Status Exec(std::string_view sql) = 0;
  // Runs one statement with `?` placeholders (INSERT/DELETE/SELECT).
  virtual Status Run(std::string_view sql, const std::vector<SqlValue>& params,
                     const std::function<Status(const SqlRow&)>& row = nullptr) = 0;
  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;
  // Bulk insert of rows (each with columns.size() values) into `table`.
  // Must be inside Begin/Commit. PostgreSQL uses COPY (pqxx::stream_to).
  virtual Status Insert(const std::string& table, const std::vector<std::string>& columns,
                        const std::vector<SqlRow>& rows) = 0;
  // SQLite: PRAGMA user_version; PostgreSQL: 0 (the table is authoritative).
  virtual int UserVersion() = 0;
  virtual Status SetUserVersion(int v) = 0;
};

StatusOr<std::unique_ptr<Backend>> OpenSqlite(const std::string& path);
StatusOr<std::unique_ptr<Backend>> OpenPostgres(const std::string& url);

}  // namespace parley::store

#endif  // PARLEY_STORE_BACKEND_H_
