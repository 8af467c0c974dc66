// The store's schema, defined once as data: every table with its columns
// and types, from which the DDL of both dialects and the column lists of
// the bulk inserts are generated. Migrations are numbered steps; step N
// brings a database from version N-1 to N (docs/schema.md).
//
// event_store.cc -> [schema] -> Backend
#ifndef PARLEY_STORE_SCHEMA_H_
#define PARLEY_STORE_SCHEMA_H_

#include <string>
#include <vector>

#include "parley/status.h"
#include "store/backend.h"

namespace parley::store {

enum class ColumnType { kInt, kReal, kText };

struct Column {
  const char* name;
  ColumnType type;
};

struct Table {
  const char* name;
  std::vector<Column> columns;
  const char* primary_key;          // "doc, idx" or "" for none
  std::vector<const char*> indexes;  // column lists: "source_country, date"
  std::vector<std::string> ColumnNames() const;
};

// Tables in dependency-free order (documents first).
const std::vector<Table>& Tables();
const Table& GetTable(const std::string& name);

// Current UTC time as "YYYY-MM-DDTHH:MM:SSZ".
std::string NowUtc();

// The secondary indexes of `t` (not its primary key), named <table>_ix<k>:
// "CREATE INDEX IF NOT EXISTS events_ix1 ON events (source_country, ...)"
// and "DROP INDEX IF EXISTS events_ix1" (both dialects). A bulk load into an
// empty store drops them and creates them after the load (event_store.cc).
std::vector<std::string> CreateIndexStatements(const Table& t);
std::vector<std::string> DropIndexStatements(const Table& t);

// The current schema version of this binary.
int CurrentSchemaVersion();

// Creates or migrates the schema; returns the version now in the database.
// kFailedPrecondition when the database is newer than this binary.
StatusOr<int> Migrate(Backend* db);

}  // namespace parley::store

#endif  // PARLEY_STORE_SCHEMA_H_
