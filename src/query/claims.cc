// `parley claims`: merged events whose reports give different figures, the
// figures side by side by claimant, with the reports they come from.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "query/query.h"

namespace parley::query {
namespace {

using Json = nlohmann::ordered_json;

struct Merged {
  int64_t id = 0;
  std::vector<std::string> f;  // first, last, source, target, root, code, n_mentions, n_docs, n_outlets, outlets
};

std::string ValueText(const SqlValue& v, const std::string& qualifier) {
  std::string n = SqlText(v);
  if (qualifier == "at_least") return "at least " + n;
  if (qualifier == "more_than") return "more than " + n;
  if (qualifier == "about") return "about " + n;
  if (qualifier == "up_to") return "up to " + n;
  return n;
}

std::string MergedSql(const ViewOptions& o, std::vector<SqlValue>* params) {
  std::string sql =
      "SELECT id, first_date, last_date, source_country, target_country, root, code, n_mentions, "
      "n_docs, n_outlets, outlets FROM merged_events m WHERE ";
  sql += o.all ? "m.id IN (SELECT merged_id FROM merged_figures)" : "m.conflicting = 1";
  if (!o.dyad.empty()) {
    auto d = NormalizeDyad(o.dyad);
    std::string dy = d.ok() ? *d : o.dyad;
    std::string a = dy.substr(0, dy.find('-')), b = dy.substr(dy.find('-') + 1);
    sql += " AND ((source_country = ? AND target_country = ?) OR "
           "(source_country = ? AND target_country = ?))";
    for (const std::string* v : {&a, &b, &b, &a}) params->push_back(*v);
  }
  if (o.from) {
    sql += " AND last_date >= ?";
    params->push_back(o.from->ToString());
  }
  if (o.to) {
    sql += " AND first_date <= ?";
    params->push_back(o.to->ToString());
  }
  return sql + " ORDER BY first_date, id";
}

Status WriteOne(EventStore* store, const Merged& m, const ViewOptions& o, std::ostream& out) {
  Json j = {{"merged_id", m.id}, {"first_date", m.f[0]}, {"last_date", m.f[1]},
            {"source", m.f[2]}, {"target", m.f[3]}, {"root", m.f[4]}, {"code", m.f[5]},
            {"reports", m.f[6]}, {"outlets", m.f[9]}};
  j["figures"] = Json::array();
  j["mentions"] = Json::array();
  if (!o.jsonl) {
    out << fmt::format("{}  {} -> {}  root {} ({})  {} report(s) in {} outlet(s): {}\n", m.f[0],
                       m.f[2], m.f[3].empty() ? "-" : m.f[3], m.f[4], m.f[5], m.f[6], m.f[8],
                       m.f[9]);
  }
  std::string last_kind;
  PARLEY_RETURN_IF_ERROR(store->Select(
      "SELECT kind, value, qualifier, cumulative, claimant_name, claimant_code, outlet, doc, "
      "sentence FROM merged_figures WHERE merged_id = ? ORDER BY kind, value, doc",
      {m.id}, [&](const SqlRow& r) {
        std::string kind = SqlText(r[0]), claimant = SqlText(r[4]);
        std::string value = ValueText(r[1], SqlText(r[2]));
        if (SqlText(r[3]) == "1") value += " (running toll)";
        j["figures"].push_back({{"kind", kind}, {"value", value}, {"claimant", claimant},
                                {"claimant_code", SqlText(r[5])}, {"outlet", SqlText(r[6])},
                                {"doc", SqlText(r[7])}, {"sentence", SqlText(r[8])}});
        if (o.jsonl) return Status::Ok();
        if (kind != last_kind) out << "  " << (last_kind = kind) << ":\n";
        out << fmt::format("    {:<24} {:<34} {} | doc {} | sentence {}\n", value,
                           claimant.empty() ? "(the outlet itself)" : "according to " + claimant,
                           SqlText(r[6]), SqlText(r[7]), SqlText(r[8]));
        return Status::Ok();
      }));
  PARLEY_RETURN_IF_ERROR(store->Select(
      "SELECT em.outlet, em.doc, e.sentence, e.said_by_name, s.text FROM event_mentions em "
      "JOIN events e ON e.doc = em.doc AND e.idx = em.idx LEFT JOIN sentences s ON "
      "s.doc = e.doc AND s.i = e.sentence WHERE em.merged_id = ? ORDER BY em.doc, em.idx",
      {m.id}, [&](const SqlRow& r) {
        j["mentions"].push_back({{"outlet", SqlText(r[0])}, {"doc", SqlText(r[1])},
                                 {"sentence", SqlText(r[2])}, {"said_by", SqlText(r[3])},
                                 {"text", SqlText(r[4])}});
        if (o.jsonl) return Status::Ok();
        std::string said = SqlText(r[3]).empty() ? "" : " (said by " + SqlText(r[3]) + ")";
        out << fmt::format("  report: {} | doc {} | sentence {}{}: \"{}\"\n", SqlText(r[0]),
                           SqlText(r[1]), SqlText(r[2]), said, SqlText(r[4]).substr(0, 200));
        return Status::Ok();
      }));
  if (o.jsonl) {
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
  } else {
    out << '\n';
  }
  return Status::Ok();
}

}  // namespace

Status Claims(EventStore* store, const ViewOptions& o, std::ostream& out) {
  std::vector<SqlValue> params;
  std::vector<Merged> merged;
  PARLEY_RETURN_IF_ERROR(store->Select(MergedSql(o, &params), params, [&](const SqlRow& r) {
    Merged m;
    m.id = std::get<int64_t>(r[0]);
    for (size_t i = 1; i < r.size(); ++i) m.f.push_back(SqlText(r[i]));
    merged.push_back(std::move(m));
    return Status::Ok();
  }));
  for (const Merged& m : merged) PARLEY_RETURN_IF_ERROR(WriteOne(store, m, o, out));
  if (merged.empty() && !o.jsonl) out << "No conflicting figures in the store.\n";
  return Status::Ok();
}

}  // namespace parley::query
