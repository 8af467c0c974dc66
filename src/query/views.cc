// The corpus views: negotiation timeline, positions, conflicting claims.
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "query/query.h"

namespace parley::query {
namespace {

using Json = nlohmann::ordered_json;

std::string Dump(const Json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

int64_t Int(const SqlValue& v) {
  if (std::holds_alternative<int64_t>(v)) return std::get<int64_t>(v);
  return std::atoll(SqlText(v).c_str());
}

std::string Clip(const std::string& s, size_t n) {
  if (s.size() <= n) return s;
  size_t cut = n;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // UTF-8 boundary
  return s.substr(0, cut) + "...";
}

// The display name of a country-level code, from the events that used it.
std::string NameOf(EventStore* store, const std::string& code) {
  std::string name;
  // Prefer names used for the bare country code ("Qatar" for QAT), the most
  // frequent first; else the names of that country's longer codes ("QATGOV").
  (void)store->Select(
      "SELECT name FROM (SELECT source_code AS c, source_name AS name FROM events WHERE "
      "source_country = ? UNION ALL SELECT target_code, target_name FROM events WHERE "
      "target_country = ?) t WHERE name IS NOT NULL GROUP BY name "
      "ORDER BY MIN(CASE WHEN c = ? THEN 0 ELSE 1 END), COUNT(*) DESC, MIN(LENGTH(c)), name "
      "LIMIT 1",
      {code, code, code}, [&](const SqlRow& r) {
        name = SqlText(r[0]);
        return Status::Ok();
      });
  return name.empty() ? code : name + " (" + code + ")";
}

struct Source {
  std::string doc, outlet, text;
  int64_t sentence = 0;
};

struct Item {
  std::vector<std::string> f;  // columns of negotiation_items from kind on
  std::vector<Source> sources;
};

constexpr const char* kItemColumns[] = {"kind", "date", "actor_code", "actor_name",
                                        "counterpart_code", "counterpart_name", "code", "stance",
                                        "item", "fact", "place", "attendees", "state"};

bool InRange(const std::string& date, const ViewOptions& o) {
  if (o.from && (date.empty() || date < o.from->ToString())) return false;
  if (o.to && (date.empty() || date > o.to->ToString())) return false;
  return true;
}

StatusOr<std::vector<Item>> LoadItems(EventStore* store, int64_t id) {
  std::vector<Item> items;
  PARLEY_RETURN_IF_ERROR(store->Select(
      "SELECT kind, date, actor_code, actor_name, counterpart_code, counterpart_name, code, "
      "stance, item, fact, place, attendees, state FROM negotiation_items "
      "WHERE negotiation_id = ? ORDER BY idx",
      {id}, [&](const SqlRow& r) {
        Item it;
        for (const SqlValue& v : r) it.f.push_back(SqlText(v));
        items.push_back(std::move(it));
        return Status::Ok();
      }));
  PARLEY_RETURN_IF_ERROR(store->Select(
      "SELECT src.item_idx, src.doc, src.sentence, src.outlet, s.text FROM negotiation_sources "
      "src LEFT JOIN sentences s ON s.doc = src.doc AND s.i = src.sentence "
      "WHERE src.negotiation_id = ? ORDER BY src.item_idx, src.doc, src.sentence",
      {id}, [&](const SqlRow& r) {
        size_t k = static_cast<size_t>(Int(r[0]));
        if (k < items.size()) {
          items[k].sources.push_back({SqlText(r[1]), SqlText(r[3]), SqlText(r[4]), Int(r[2])});
        }
        return Status::Ok();
      }));
  return items;
}

std::string Describe(const Item& it) {
  const auto& f = it.f;
  std::string who = f[3].empty() ? f[2] : fmt::format("{} ({})", f[3], f[2]);
  std::string s = fmt::format("{:<11} {}", f[0], who);
  if (!f[7].empty()) s += " " + f[7];
  if (!f[4].empty()) {
    s += " -> " + (f[5].empty() ? f[4] : fmt::format("{} ({})", f[5], f[4]));
  }
  if (!f[8].empty()) s += ": " + f[8];
  if (!f[6].empty()) s += " [" + f[6] + "]";
  if (!f[10].empty()) s += " in " + f[10];
  if (!f[11].empty()) s += "; attended: " + f[11];
  if (f[9] != "asserted" && !f[9].empty()) s += " (" + f[9] + ")";
  return s + "  => " + f[12];
}

struct Header {
  int64_t id = 0;
  std::string dyad, a, b, mediators, state, first, last;
};

StatusOr<Header> FindNegotiation(EventStore* store, const std::string& dyad) {
  auto norm = NormalizeDyad(dyad);
  if (!norm.ok()) return norm.status();
  Header h;
  PARLEY_RETURN_IF_ERROR(store->Select(
      "SELECT id, dyad, party_a, party_b, mediators, state, first_date, last_date FROM "
      "negotiations WHERE dyad = ?",
      {*norm}, [&](const SqlRow& r) {
        h = {Int(r[0]), SqlText(r[1]), SqlText(r[2]), SqlText(r[3]), SqlText(r[4]),
             SqlText(r[5]), SqlText(r[6]), SqlText(r[7])};
        return Status::Ok();
      }));
  if (h.id == 0) {
    return NotFoundError(fmt::format(
        "no negotiation for dyad {} in the store (run `parley ingest` first; "
        "`parley query --dyad {}` lists its events)", *norm, *norm));
  }
  return h;
}

std::string MediatorNames(EventStore* store, const std::string& list) {
  std::vector<std::string> names;
  size_t start = 0;
  while (start < list.size()) {
    size_t end = list.find(';', start);
    if (end == std::string::npos) end = list.size();
    names.push_back(NameOf(store, list.substr(start, end - start)));
    start = end + 1;
  }
  return names.empty() ? "none found" : fmt::format("{}", fmt::join(names, ", "));
}

void WriteItemJson(const Header& h, const Item& it, std::ostream& out) {
  Json j;
  j["dyad"] = h.dyad;
  for (size_t i = 0; i < it.f.size(); ++i) j[kItemColumns[i]] = it.f[i];
  j["sources"] = Json::array();
  for (const Source& s : it.sources) {
    j["sources"].push_back(
        {{"outlet", s.outlet}, {"doc", s.doc}, {"sentence", s.sentence}, {"text", s.text}});
  }
  out << Dump(j) << '\n';
}

}  // namespace

StatusOr<std::string> NormalizeDyad(std::string_view dyad) {
  size_t dash = dyad.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 >= dyad.size()) {
    return InvalidArgumentError(fmt::format("bad dyad '{}': expected A-B, e.g. ISR-PSE", dyad));
  }
  auto country = [](std::string_view c) {
    std::string u;
    for (char ch : c) u += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    bool org = u.size() >= 6 && (u.starts_with("IGO") || u.starts_with("NGO"));
    return u.substr(0, org ? 6 : 3);
  };
  std::string a = country(dyad.substr(0, dash)), b = country(dyad.substr(dash + 1));
  return a < b ? a + "-" + b : b + "-" + a;
}

Status Timeline(EventStore* store, const std::string& dyad, const ViewOptions& o,
                std::ostream& out) {
  auto h = FindNegotiation(store, dyad);
  if (!h.ok()) return h.status();
  auto items = LoadItems(store, h->id);
  if (!items.ok()) return items.status();
  if (!o.jsonl) {
    out << fmt::format("Negotiation {}: {} and {}\n", h->dyad, NameOf(store, h->a),
                       NameOf(store, h->b));
    out << fmt::format("Mediators: {}\nState: {} ({} .. {})\n\n",
                       MediatorNames(store, h->mediators), h->state, h->first, h->last);
  }
  for (const Item& it : *items) {
    if (!InRange(it.f[1], o)) continue;
    if (o.jsonl) {
      WriteItemJson(*h, it, out);
      continue;
    }
    out << fmt::format("{:<10}  {}\n", it.f[1].empty() ? "undated" : it.f[1], Describe(it));
    for (const Source& s : it.sources) {
      out << fmt::format("            source: {} | doc {} | sentence {}: \"{}\"\n",
                         s.outlet.empty() ? "(unknown outlet)" : s.outlet, s.doc, s.sentence,
                         Clip(s.text, 220));
    }
  }
  return Status::Ok();
}

Status Positions(EventStore* store, const std::string& dyad, const ViewOptions& o,
                 std::ostream& out) {
  auto h = FindNegotiation(store, dyad);
  if (!h.ok()) return h.status();
  std::string last_party;
  Status s = store->Select(
      "SELECT party, party_name, item, status, steps_json FROM negotiation_positions "
      "WHERE negotiation_id = ? ORDER BY party, idx",
      {h->id}, [&](const SqlRow& r) {
        auto steps = nlohmann::json::parse(SqlText(r[4]), nullptr, false);
        if (o.jsonl) {
          Json j = {{"dyad", h->dyad}, {"party", SqlText(r[0])}, {"party_name", SqlText(r[1])},
                    {"item", SqlText(r[2])}, {"status", SqlText(r[3])}};
          j["steps"] = steps;
          out << Dump(j) << '\n';
          return Status::Ok();
        }
        if (SqlText(r[0]) != last_party) {
          last_party = SqlText(r[0]);
          out << fmt::format("{} ({})\n", SqlText(r[1]), last_party);
        }
        out << fmt::format("  {:<32} {}\n", SqlText(r[2]), SqlText(r[3]));
        if (steps.is_array()) {
          for (const auto& st : steps) {
            out << fmt::format("      {:<10} {:<8} {:<12} {} | doc {} | sentence {}\n",
                               st.value("date", ""), st.value("stance", ""),
                               st.value("fact", ""), st.value("outlet", ""),
                               st.value("doc", ""), st.value("sentence", 0));
          }
        }
        return Status::Ok();
      });
  if (s.ok() && last_party.empty() && !o.jsonl) {
    out << "No positions recorded for " << h->dyad << ".\n";
  }
  return s;
}

}  // namespace parley::query
