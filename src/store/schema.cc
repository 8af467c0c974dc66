#include "store/schema.h"

#include <ctime>

#include <fmt/format.h>

namespace parley::store {
namespace {

constexpr ColumnType I = ColumnType::kInt;
constexpr ColumnType R = ColumnType::kReal;
constexpr ColumnType T = ColumnType::kText;

std::vector<Table> MakeTables() {
  return {
      {"documents",
       {{"id", T}, {"origin", T}, {"ordinal", I}, {"content_hash", T}, {"date", T}, {"title", T},
        {"outlet", T}, {"url", T}, {"language", T}, {"extra_json", T}, {"n_sentences", I},
        {"n_events", I}, {"n_figures", I}, {"n_positions", I}, {"ingested_at", T}},
       "id", {"date", "outlet"}},
      {"sentences", {{"doc", T}, {"i", I}, {"start_byte", I}, {"end_byte", I}, {"text", T}},
       "doc, i", {}},
      {"events",
       {{"doc", T}, {"idx", I}, {"sentence", I},
        {"source_code", T}, {"source_country", T}, {"source_name", T}, {"source_text", T},
        {"source_start", I}, {"source_end", I}, {"source_framing", T}, {"source_via", T},
        {"target_code", T}, {"target_country", T}, {"target_name", T}, {"target_text", T},
        {"target_start", I}, {"target_end", I}, {"target_framing", T}, {"target_via", T},
        {"code", T}, {"root", T}, {"quad", I}, {"goldstein", R}, {"plover", T}, {"fact", T},
        {"said_by_code", T}, {"said_by_name", T}, {"said_by_text", T}, {"date", T}, {"rule", T},
        {"spans", T}, {"fact_cue", T}, {"hedge", T}},
       "doc, idx",
       {"source_country, target_country", "target_country", "code", "date", "said_by_code"}},
      {"figures",
       {{"doc", T}, {"idx", I}, {"sentence", I}, {"kind", T}, {"value", R}, {"qualifier", T},
        {"victims_code", T}, {"victims_name", T}, {"victims_text", T}, {"said_by_code", T},
        {"said_by_name", T}, {"said_by_text", T}, {"date", T}, {"cumulative", I}, {"what", T},
        {"fact", T}, {"rule", T}, {"spans", T}},
       "doc, idx", {"kind, date"}},
      {"positions",
       {{"doc", T}, {"idx", I}, {"sentence", I}, {"party_code", T}, {"party_name", T},
        {"party_text", T}, {"stance", T}, {"item", T}, {"item_text", T}, {"said_by_code", T},
        {"said_by_name", T}, {"said_by_text", T}, {"date", T}, {"fact", T}, {"rule", T},
        {"spans", T}},
       "doc, idx", {"party_code"}},
      {"rejects",
       {{"origin", T}, {"line", I}, {"doc", T}, {"ordinal", I}, {"reason", T}, {"ingested_at", T}},
       "origin, line", {}},
      {"merged_events",
       {{"id", I}, {"merge_key", T}, {"source_country", T}, {"target_country", T}, {"root", T},
        {"code", T}, {"first_date", T}, {"last_date", T}, {"n_mentions", I}, {"n_docs", I},
        {"n_outlets", I}, {"outlets", T}, {"conflicting", I}},
       "id", {"source_country, target_country", "first_date"}},
      {"event_mentions",
       {{"merged_id", I}, {"doc", T}, {"idx", I}, {"outlet", T}, {"date", T}, {"rule", T},
        {"keys_json", T}},
       "doc, idx", {"merged_id"}},
      {"merged_figures",
       {{"merged_id", I}, {"doc", T}, {"figure_idx", I}, {"sentence", I}, {"outlet", T},
        {"kind", T}, {"value", R}, {"qualifier", T}, {"cumulative", I}, {"claimant_code", T},
        {"claimant_name", T}, {"victims_code", T}, {"victims_name", T}},
       "merged_id, doc, figure_idx", {}},
      {"negotiations",
       {{"id", I}, {"dyad", T}, {"party_a", T}, {"party_b", T}, {"mediators", T}, {"state", T},
        {"first_date", T}, {"last_date", T}, {"n_items", I}},
       "id", {"dyad"}},
      {"negotiation_items",
       {{"negotiation_id", I}, {"idx", I}, {"kind", T}, {"date", T}, {"actor_code", T},
        {"actor_name", T}, {"counterpart_code", T}, {"counterpart_name", T}, {"code", T},
        {"stance", T}, {"item", T}, {"fact", T}, {"place", T}, {"attendees", T}, {"state", T},
        {"n_sources", I}},
       "negotiation_id, idx", {}},
      {"negotiation_sources",
       {{"negotiation_id", I}, {"item_idx", I}, {"doc", T}, {"sentence", I}, {"record", T},
        {"outlet", T}},
       "", {"negotiation_id, item_idx"}},
      {"negotiation_positions",
       {{"negotiation_id", I}, {"idx", I}, {"party", T}, {"party_name", T}, {"item", T},
        {"status", T}, {"steps_json", T}},
       "negotiation_id, idx", {}},
      {"meta", {{"key", T}, {"value", T}}, "key", {}},
  };
}

const char* TypeName(ColumnType t, Dialect d) {
  switch (t) {
    case ColumnType::kInt: return d == Dialect::kSqlite ? "INTEGER" : "BIGINT";
    case ColumnType::kReal: return d == Dialect::kSqlite ? "REAL" : "DOUBLE PRECISION";
    case ColumnType::kText: return "TEXT";
  }
  return "TEXT";
}

std::string CreateTable(const Table& t, Dialect d) {
  std::vector<std::string> cols;
  for (const Column& c : t.columns) cols.push_back(fmt::format("{} {}", c.name, TypeName(c.type, d)));
  if (*t.primary_key) cols.push_back(fmt::format("PRIMARY KEY ({})", t.primary_key));
  std::string sql = fmt::format("CREATE TABLE IF NOT EXISTS {} ({});\n", t.name, fmt::join(cols, ", "));
  for (const std::string& ix : CreateIndexStatements(t)) sql += ix + ";\n";
  return sql;
}

// Step 1: the initial schema. Later steps append ALTER/CREATE statements;
// never edit a released step.
std::string Step1(Dialect d) {
  std::string sql;
  for (const Table& t : Tables()) sql += CreateTable(t, d);
  return sql;
}

using StepFn = std::string (*)(Dialect);
const std::vector<StepFn>& Steps() {
  static const std::vector<StepFn> steps = {&Step1};
  return steps;
}

StatusOr<int> StoredVersion(Backend* db) {
  PARLEY_RETURN_IF_ERROR(db->Exec(
      "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)"));
  int v = 0;
  PARLEY_RETURN_IF_ERROR(db->Run("SELECT MAX(version) FROM schema_version", {},
                                 [&](const SqlRow& r) {
                                   if (std::holds_alternative<int64_t>(r[0])) {
                                     v = static_cast<int>(std::get<int64_t>(r[0]));
                                   }
                                   return Status::Ok();
                                 }));
  return std::max(v, db->UserVersion());
}

}  // namespace

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::vector<std::string> Table::ColumnNames() const {
  std::vector<std::string> names;
  for (const Column& c : columns) names.push_back(c.name);
  return names;
}

std::vector<std::string> CreateIndexStatements(const Table& t) {
  std::vector<std::string> out;
  int k = 0;
  for (const char* ix : t.indexes) {
    out.push_back(fmt::format("CREATE INDEX IF NOT EXISTS {}_ix{} ON {} ({})", t.name, ++k, t.name, ix));
  }
  return out;
}

std::vector<std::string> DropIndexStatements(const Table& t) {
  std::vector<std::string> out;
  for (size_t k = 1; k <= t.indexes.size(); ++k) {
    out.push_back(fmt::format("DROP INDEX IF EXISTS {}_ix{}", t.name, k));
  }
  return out;
}

const std::vector<Table>& Tables() {
  static const std::vector<Table> tables = MakeTables();
  return tables;
}

const Table& GetTable(const std::string& name) {
  for (const Table& t : Tables()) {
    if (name == t.name) return t;
  }
  return Tables().front();
}

int CurrentSchemaVersion() { return static_cast<int>(Steps().size()); }

StatusOr<int> Migrate(Backend* db) {
  auto stored = StoredVersion(db);
  if (!stored.ok()) return stored.status();
  int v = *stored;
  if (v > CurrentSchemaVersion()) {
    return FailedPreconditionError(fmt::format(
        "database schema version {} is newer than this parley ({}); upgrade parley", v,
        CurrentSchemaVersion()));
  }
  for (; v < CurrentSchemaVersion(); ++v) {
    PARLEY_RETURN_IF_ERROR(db->Begin());
    Status s = db->Exec(Steps()[v](db->dialect()));
    if (s.ok()) {
      s = db->Run("INSERT INTO schema_version (version, applied_at) VALUES (?, ?)",
                  {int64_t{v + 1}, NowUtc()});
    }
    if (s.ok()) s = db->SetUserVersion(v + 1);
    if (!s.ok()) {
      (void)db->Rollback();
      return s;
    }
    PARLEY_RETURN_IF_ERROR(db->Commit());
  }
  return v;
}

}  // namespace parley::store
