#include "store/corpus_io.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace parley::store {

std::string Str(const SqlValue& v) { return SqlText(v); }

int64_t I64(const SqlValue& v) {
  if (std::holds_alternative<int64_t>(v)) return std::get<int64_t>(v);
  if (std::holds_alternative<double>(v)) return static_cast<int64_t>(std::get<double>(v));
  if (std::holds_alternative<std::string>(v)) return std::atoll(std::get<std::string>(v).c_str());
  return 0;
}

double Dbl(const SqlValue& v) {
  if (std::holds_alternative<double>(v)) return std::get<double>(v);
  if (std::holds_alternative<int64_t>(v)) return static_cast<double>(std::get<int64_t>(v));
  if (std::holds_alternative<std::string>(v)) return std::atof(std::get<std::string>(v).c_str());
  return 0;
}

std::optional<Date> DateOf(const SqlValue& v) {
  if (!std::holds_alternative<std::string>(v)) return std::nullopt;
  return Date::Parse(std::get<std::string>(v));
}

Fact FactOf(const std::string& s) {
  if (s == "negated") return Fact::kNegated;
  if (s == "hypothetical") return Fact::kHypothetical;
  return Fact::kAsserted;
}

Stance StanceOf(const std::string& s) {
  if (s == "accept") return Stance::kAccept;
  if (s == "reject") return Stance::kReject;
  if (s == "offer") return Stance::kOffer;
  if (s == "concede") return Stance::kConcede;
  return Stance::kDemand;
}

namespace {

constexpr const char* kEventsSql =
    "SELECT e.doc, e.idx, e.sentence, d.outlet, e.date, e.source_code, e.source_name, "
    "e.source_text, e.target_code, e.target_name, e.target_text, e.code, e.root, e.quad, "
    "e.said_by_code, e.said_by_name, e.fact, "
    // Sentence texts are needed only for negotiation items (place, sources).
    "CASE WHEN e.root IN ('03', '04', '05', '12', '16') OR substr(e.code, 1, 4) = '0871' "
    "THEN s.text END FROM events e JOIN documents d ON d.id = e.doc "
    "LEFT JOIN sentences s ON s.doc = e.doc AND s.i = e.sentence";

constexpr const char* kFiguresSql =
    "SELECT f.doc, f.idx, f.sentence, d.outlet, f.date, f.kind, f.value, f.qualifier, "
    "f.victims_code, f.victims_name, f.said_by_code, f.said_by_name, f.cumulative, f.fact "
    "FROM figures f JOIN documents d ON d.id = f.doc";

constexpr const char* kPositionsSql =
    "SELECT p.doc, p.idx, p.sentence, d.outlet, p.date, p.party_code, p.party_name, p.stance, "
    "p.item, p.item_text, p.said_by_code, p.said_by_name, p.fact, s.text FROM positions p "
    "JOIN documents d ON d.id = p.doc LEFT JOIN sentences s ON s.doc = p.doc AND s.i = p.sentence";

uint32_t U32(const SqlValue& v) { return static_cast<uint32_t>(I64(v)); }

Status LoadEvents(Backend* db, corpus::CorpusInput* in) {
  return db->Run(kEventsSql, {}, [&](const SqlRow& r) {
    corpus::EventRecord e{Str(r[0]), U32(r[1]), U32(r[2]), Str(r[3]), DateOf(r[4]),
                          Str(r[5]), Str(r[6]), Str(r[7]), Str(r[8]), Str(r[9]), Str(r[10]),
                          Str(r[11]), Str(r[12]), static_cast<int>(I64(r[13])), Str(r[14]),
                          Str(r[15]), FactOf(Str(r[16])), Str(r[17])};
    in->events.push_back(std::move(e));
    return Status::Ok();
  });
}

Status LoadFigures(Backend* db, corpus::CorpusInput* in) {
  return db->Run(kFiguresSql, {}, [&](const SqlRow& r) {
    corpus::FigureRecord f{Str(r[0]), U32(r[1]), U32(r[2]), Str(r[3]), DateOf(r[4]), Str(r[5]),
                           Dbl(r[6]), Str(r[7]), Str(r[8]), Str(r[9]), Str(r[10]), Str(r[11]),
                           I64(r[12]) != 0, FactOf(Str(r[13]))};
    in->figures.push_back(std::move(f));
    return Status::Ok();
  });
}

Status LoadPositions(Backend* db, corpus::CorpusInput* in) {
  return db->Run(kPositionsSql, {}, [&](const SqlRow& r) {
    corpus::PositionRecord p{Str(r[0]), U32(r[1]), U32(r[2]), Str(r[3]), DateOf(r[4]),
                             Str(r[5]), Str(r[6]), StanceOf(Str(r[7])), Str(r[8]), Str(r[9]),
                             Str(r[10]), Str(r[11]), FactOf(Str(r[12])), Str(r[13])};
    in->positions.push_back(std::move(p));
    return Status::Ok();
  });
}

SqlValue DateValue(const std::optional<Date>& d) {
  if (!d) return std::monostate{};
  return d->ToString();
}

std::string Join(const std::vector<std::string>& v) { return fmt::format("{}", fmt::join(v, ";")); }

}  // namespace

StatusOr<corpus::CorpusInput> LoadCorpusInput(Backend* db) {
  corpus::CorpusInput in;
  PARLEY_RETURN_IF_ERROR(LoadEvents(db, &in));
  PARLEY_RETURN_IF_ERROR(LoadFigures(db, &in));
  PARLEY_RETURN_IF_ERROR(LoadPositions(db, &in));
  return in;
}

void AppendMergedRows(const std::vector<corpus::MergedEvent>& merged, TableRows* rows) {
  auto& events = (*rows)["merged_events"];
  auto& mentions = (*rows)["event_mentions"];
  auto& figures = (*rows)["merged_figures"];
  for (const corpus::MergedEvent& m : merged) {
    int64_t id = static_cast<int64_t>(m.id);
    events.push_back({id, m.key, m.source_country, m.target_country, m.root, m.code,
                      DateValue(m.first_date), DateValue(m.last_date),
                      static_cast<int64_t>(m.mentions.size()), int64_t{m.n_docs},
                      int64_t{m.n_outlets}, Join(m.outlets), int64_t{m.conflicting ? 1 : 0}});
    for (const corpus::MentionLink& l : m.mentions) {
      mentions.push_back({id, l.doc, int64_t{l.idx}, l.outlet, DateValue(l.date), l.rule,
                          l.keys_json});
    }
    for (const corpus::FigureClaim& f : m.figures) {
      figures.push_back({id, f.doc, int64_t{f.figure_idx}, int64_t{f.sentence}, f.outlet, f.kind,
                         f.value, f.qualifier, int64_t{f.cumulative ? 1 : 0}, f.claimant_code,
                         f.claimant_name, f.victims_code, f.victims_name});
    }
  }
}

namespace {

std::string StepsJson(const corpus::PartyPosition& p) {
  nlohmann::json a = nlohmann::json::array();
  for (const corpus::PositionStep& s : p.steps) {
    a.push_back({{"date", s.date ? s.date->ToString() : ""},
                 {"stance", s.stance},
                 {"fact", s.fact},
                 {"doc", s.source.doc},
                 {"sentence", s.source.sentence},
                 {"outlet", s.source.outlet}});
  }
  return a.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void AppendItems(int64_t id, const corpus::Negotiation& n, TableRows* rows) {
  auto& items = (*rows)["negotiation_items"];
  auto& sources = (*rows)["negotiation_sources"];
  for (size_t k = 0; k < n.items.size(); ++k) {
    const corpus::NegotiationItem& it = n.items[k];
    int64_t idx = static_cast<int64_t>(k);
    items.push_back({id, idx, it.kind, DateValue(it.date), it.actor_code, it.actor_name,
                     it.counterpart_code, it.counterpart_name, it.code, it.stance, it.item,
                     it.fact, it.where, Join(it.attendees), it.state,
                     static_cast<int64_t>(it.sources.size())});
    for (const corpus::Support& s : it.sources) {
      sources.push_back({id, idx, s.doc, int64_t{s.sentence}, s.record, s.outlet});
    }
  }
}

}  // namespace

void AppendNegotiationRows(const std::vector<corpus::Negotiation>& negotiations,
                           TableRows* rows) {
  auto& nego = (*rows)["negotiations"];
  auto& positions = (*rows)["negotiation_positions"];
  for (const corpus::Negotiation& n : negotiations) {
    int64_t id = static_cast<int64_t>(n.id);
    nego.push_back({id, n.dyad, n.party_a, n.party_b, Join(n.mediators), n.state,
                    DateValue(n.first_date), DateValue(n.last_date),
                    static_cast<int64_t>(n.items.size())});
    AppendItems(id, n, rows);
    for (size_t k = 0; k < n.positions.size(); ++k) {
      const corpus::PartyPosition& p = n.positions[k];
      positions.push_back({id, static_cast<int64_t>(k), p.party, p.party_name, p.item, p.status,
                           StepsJson(p)});
    }
  }
}

}  // namespace parley::store
