#include "query/query.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <mutex>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace parley::query {
namespace {

std::string Upper(std::string_view s) {
  std::string u(s);
  for (char& c : u) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return u;
}

// "substr(col, 1, n) = ?" : a prefix test that behaves the same in SQLite
// and PostgreSQL (LIKE differs in case sensitivity).
std::string Prefix(const std::string& col, const std::string& value,
                   std::vector<SqlValue>* params) {
  params->push_back(value);
  return fmt::format("substr({}, 1, {}) = ?", col, value.size());
}

std::string AnyOf(const std::vector<std::string>& values,
                  const std::function<std::string(const std::string&)>& one) {
  std::vector<std::string> parts;
  for (const std::string& v : values) parts.push_back(one(v));
  return fmt::format("({})", fmt::join(parts, " OR "));
}

const std::set<std::string>& IsoCountries() {
  static std::set<std::string> codes;
  static std::once_flag once;
  std::call_once(once, [] {
    std::ifstream in("/usr/share/iso-codes/json/iso_3166-1.json");
    if (!in) return;
    auto j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded()) return;
    for (const auto& c : j["3166-1"]) codes.insert(c.value("alpha_3", ""));
  });
  return codes;
}

constexpr const char* kEventColumns =
    "e.doc, e.idx, e.sentence, e.date, e.source_code, e.source_name, e.target_code, "
    "e.target_name, e.code, e.root, e.quad, e.goldstein, e.plover, e.fact, e.said_by_code, "
    "e.said_by_name, d.outlet, d.url, e.rule, s.text";
constexpr const char* kColumnNames[] = {
    "doc", "idx", "sentence", "date", "source", "source_name", "target", "target_name", "code",
    "root", "quad", "goldstein", "plover", "fact", "said_by", "said_by_name", "outlet", "url",
    "rule", "text"};
constexpr size_t kNumColumns = std::size(kColumnNames);

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string TsvField(std::string s) {
  std::replace_if(s.begin(), s.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; },
                  ' ');
  return s;
}

void WriteJsonl(const SqlRow& r, std::ostream& out) {
  nlohmann::ordered_json j;
  for (size_t i = 0; i < kNumColumns; ++i) {
    const SqlValue& v = r[i];
    if (std::holds_alternative<int64_t>(v)) {
      j[kColumnNames[i]] = std::get<int64_t>(v);
    } else if (std::holds_alternative<double>(v)) {
      j[kColumnNames[i]] = std::get<double>(v);
    } else if (std::holds_alternative<std::string>(v)) {
      j[kColumnNames[i]] = std::get<std::string>(v);
    } else {
      j[kColumnNames[i]] = nullptr;
    }
  }
  out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

// Phoenix TSV: 26 columns (docs/query.md).
void WritePhoenix(int64_t id, const SqlRow& r, std::ostream& out) {
  std::string date = SqlText(r[3]);
  std::string ymd = date.size() == 10 ? date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2) : "";
  PhoenixActor s = SplitPhoenixActor(SqlText(r[4]));
  PhoenixActor t = SplitPhoenixActor(SqlText(r[6]));
  std::vector<std::string> f = {
      std::to_string(id), ymd, ymd.substr(0, std::min<size_t>(4, ymd.size())),
      ymd.size() == 8 ? ymd.substr(4, 2) : "", ymd.size() == 8 ? ymd.substr(6, 2) : "",
      SqlText(r[4]), s.entity, s.role, s.attributes, SqlText(r[6]), t.entity, t.role,
      t.attributes, SqlText(r[8]), SqlText(r[9]), SqlText(r[10]), SqlText(r[11]),
      "", "", "", "", "", "",
      SqlText(r[0]) + "_" + SqlText(r[2]), SqlText(r[17]), SqlText(r[16])};
  for (size_t i = 0; i < f.size(); ++i) out << (i ? "\t" : "") << TsvField(f[i]);
  out << '\n';
}

void WriteTableRow(const SqlRow& r, std::ostream& out) {
  std::string said = SqlText(r[14]);
  out << fmt::format("{:<10}  {:<12} {:<12} {:<5} {:<14} {:<12} {:<12} {:<18} {}:{}\n",
                     SqlText(r[3]), SqlText(r[4]), SqlText(r[6]).empty() ? "-" : SqlText(r[6]),
                     SqlText(r[8]), SqlText(r[12]), SqlText(r[13]), said.empty() ? "-" : said,
                     SqlText(r[16]).substr(0, 18), SqlText(r[0]), SqlText(r[2]));
}

}  // namespace

StatusOr<Format> ParseFormat(std::string_view name) {
  if (name == "table") return Format::kTable;
  if (name == "jsonl") return Format::kJsonl;
  if (name == "csv") return Format::kCsv;
  if (name == "tsv") return Format::kTsv;
  return InvalidArgumentError(fmt::format("unknown format '{}' (table|jsonl|csv|tsv)", name));
}

PhoenixActor SplitPhoenixActor(std::string_view code) {
  static const std::set<std::string> kRoles = {"GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD",
                                                "SPY", "MED", "EDU", "BUS", "CRM", "CVL"};
  static const std::set<std::string> kGroups = {"IGO", "NGO", "IMG", "MNC"};
  std::vector<std::string> chunks;
  for (size_t i = 0; i < code.size(); i += 3) chunks.emplace_back(code.substr(i, 3));
  PhoenixActor a;
  size_t k = 0;
  const auto& iso = IsoCountries();
  if (!chunks.empty() && (kGroups.count(chunks[0]) || iso.count(chunks[0]) ||
                          (iso.empty() && !kRoles.count(chunks[0])))) {
    a.entity = chunks[k++];
  }
  if (k < chunks.size() && kRoles.count(chunks[k])) a.role = chunks[k++];
  std::vector<std::string> rest(chunks.begin() + static_cast<long>(k), chunks.end());
  a.attributes = fmt::format("{}", fmt::join(rest, ";"));
  return a;
}

std::string WhereClause(const EventFilter& f, std::vector<SqlValue>* p) {
  std::vector<std::string> c;
  if (!f.actors.empty()) {
    c.push_back(AnyOf(f.actors, [&](const std::string& a) {
      std::string u = Upper(a);
      std::string src = Prefix("e.source_code", u, p);
      return fmt::format("({} OR {})", src, Prefix("e.target_code", u, p));
    }));
  }
  if (!f.dyad.empty()) {
    size_t dash = f.dyad.find('-');
    std::string a = Upper(f.dyad.substr(0, dash)), b = Upper(f.dyad.substr(dash + 1));
    // Separate statements: the parameters must be pushed in placeholder order.
    std::string ab = Prefix("e.source_code", a, p);
    ab = fmt::format("{} AND {}", ab, Prefix("e.target_code", b, p));
    std::string ba = Prefix("e.source_code", b, p);
    ba = fmt::format("{} AND {}", ba, Prefix("e.target_code", a, p));
    c.push_back(fmt::format("(({}) OR ({}))", ab, ba));
  }
  if (!f.codes.empty()) {
    c.push_back(AnyOf(f.codes, [&](const std::string& v) { return Prefix("e.code", v, p); }));
  }
  if (!f.roots.empty()) {
    c.push_back(AnyOf(f.roots, [&](const std::string& v) {
      p->push_back(v);
      return std::string("e.root = ?");
    }));
  }
  if (!f.plover.empty()) {
    c.push_back(AnyOf(f.plover, [&](const std::string& v) {
      p->push_back(Upper(v));
      return std::string("e.plover = ?");
    }));
  }
  if (f.from) {
    p->push_back(f.from->ToString());
    c.push_back("e.date >= ?");
  }
  if (f.to) {
    p->push_back(f.to->ToString());
    c.push_back("e.date <= ?");
  }
  if (!f.outlets.empty()) {
    c.push_back(AnyOf(f.outlets, [&](const std::string& v) {
      p->push_back(v);
      return std::string("LOWER(d.outlet) = LOWER(?)");
    }));
  }
  if (f.said_by == "none") {
    c.push_back("e.said_by_code IS NULL");
  } else if (f.said_by == "any") {
    c.push_back("e.said_by_code IS NOT NULL");
  } else if (!f.said_by.empty()) {
    c.push_back(Prefix("e.said_by_code", Upper(f.said_by), p));
  }
  if (!f.fact.empty()) {
    p->push_back(f.fact);
    c.push_back("e.fact = ?");
  }
  return c.empty() ? std::string() : fmt::format("WHERE {}", fmt::join(c, " AND "));
}

StatusOr<int64_t> QueryEvents(EventStore* store, const EventFilter& f, Format format,
                              std::ostream& out) {
  std::vector<SqlValue> params;
  std::string sql = fmt::format(
      "SELECT {} FROM events e JOIN documents d ON d.id = e.doc LEFT JOIN sentences s ON "
      "s.doc = e.doc AND s.i = e.sentence {} ORDER BY e.date, e.doc, e.idx",
      kEventColumns, WhereClause(f, &params));
  if (f.limit > 0) sql += fmt::format(" LIMIT {}", f.limit);
  if (format == Format::kCsv) {
    for (size_t i = 0; i < kNumColumns; ++i) out << (i ? "," : "") << kColumnNames[i];
    out << '\n';
  } else if (format == Format::kTable) {
    out << fmt::format("{:<10}  {:<12} {:<12} {:<5} {:<14} {:<12} {:<12} {:<18} {}\n", "date",
                       "source", "target", "code", "plover", "fact", "said_by", "outlet",
                       "doc:sentence");
  }
  int64_t n = 0;
  Status s = store->Select(sql, params, [&](const SqlRow& r) {
    ++n;
    switch (format) {
      case Format::kJsonl: WriteJsonl(r, out); break;
      case Format::kTsv: WritePhoenix(n, r, out); break;
      case Format::kTable: WriteTableRow(r, out); break;
      case Format::kCsv:
        for (size_t i = 0; i < kNumColumns; ++i) out << (i ? "," : "") << CsvField(SqlText(r[i]));
        out << '\n';
        break;
    }
    return out ? Status::Ok() : AbortedError("output closed");
  });
  if (!s.ok()) return s;
  return n;
}

}  // namespace parley::query
