#include "corpus/negotiation.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "corpus/round_place.h"

namespace parley::corpus {

std::string DyadName(const std::string& a, const std::string& b) {
  return a < b ? a + "-" + b : b + "-" + a;
}

namespace {

// "" when the event is not a talk event; else the item kind.
std::string TalkKind(const std::string& code, const std::string& root) {
  if (code.starts_with("0871") || code.starts_with("057")) return "agreement";
  if (root == "04") return "round";
  if (root == "03") return "proposal";
  if (root == "05" || root == "12") return "response";
  if (root == "16") return "suspension";
  return "";
}

// Country-level party of an actor code; "" when unknown ("---MIL": a
// military of no known country).
std::string PartyOf(const std::string& code) {
  std::string c = CountryOf(code);
  return c.starts_with("-") ? "" : c;
}

// Per document: the country pair with most events (any code); ties go to
// the pair with most events in the whole input, then to the lexically
// smaller pair, so the result does not depend on input order.
std::unordered_map<std::string, std::string> MainDyads(const CorpusInput& in) {
  std::unordered_map<std::string, std::map<std::string, int>> counts;
  std::map<std::string, int> global;
  for (const EventRecord& e : in.events) {
    std::string s = PartyOf(e.source_code), t = PartyOf(e.target_code);
    if (s.empty() || t.empty() || s == t) continue;
    ++counts[e.doc][DyadName(s, t)];
    ++global[DyadName(s, t)];
  }
  std::unordered_map<std::string, std::string> main;
  for (const auto& [doc, c] : counts) {
    auto best = c.begin();
    for (auto it = c.begin(); it != c.end(); ++it) {
      if (std::pair(it->second, global[it->first]) > std::pair(best->second, global[best->first])) {
        best = it;
      }
    }
    main[doc] = best->first;
  }
  return main;
}

bool InDyad(std::string_view dyad, std::string_view country) {
  if (country.empty()) return false;
  size_t dash = dyad.find('-');
  if (dash == std::string_view::npos) return dyad == country;
  return dyad.substr(0, dash) == country || dyad.substr(dash + 1) == country;
}

// Known place names: the words an article used for a bare country code
// ("Cairo" -> EGY, "Doha" -> QAT), collected over the whole input.
std::unordered_set<std::string> KnownPlaces(const CorpusInput& in) {
  std::unordered_set<std::string> places;
  auto add = [&](const std::string& code, const std::string& text) {
    if (code.size() == 3 && !text.empty() && std::isupper(static_cast<unsigned char>(text[0])) &&
        text.find(' ') == std::string::npos) {
      places.insert(text);
    }
  };
  for (const EventRecord& e : in.events) {
    add(e.source_code, e.source_text);
    add(e.target_code, e.target_text);
  }
  return places;
}

struct Tracker {
  const NegotiationOptions& options;
  std::unordered_set<std::string> places;
  std::map<std::string, Negotiation> by_dyad;
  std::map<std::string, std::map<std::string, size_t>> item_index;  // dyad -> key -> item
  std::map<std::string, std::map<std::string, int>> mediator_counts;
  std::map<std::string, std::string> country_names;

  Negotiation& Get(const std::string& dyad) {
    Negotiation& n = by_dyad[dyad];
    if (n.dyad.empty()) {
      n.dyad = dyad;
      n.party_a = dyad.substr(0, dyad.find('-'));
      n.party_b = dyad.substr(dyad.find('-') + 1);
    }
    return n;
  }

  void NoteName(const std::string& code, const std::string& name) {
    std::string c = CountryOf(code);
    if (c.empty() || name.empty()) return;
    auto [it, fresh] = country_names.try_emplace(c, name);
    if (!fresh && code == c) it->second = name;  // prefer the bare country's name
  }

  void Add(const std::string& dyad, NegotiationItem item) {
    Negotiation& n = Get(dyad);
    std::string key = fmt::format("{}|{}|{}|{}|{}|{}|{}|{}", item.kind,
                                  item.date ? item.date->ToString() : "", CountryOf(item.actor_code),
                                  CountryOf(item.counterpart_code), item.code, item.stance,
                                  item.item, item.fact);
    auto& index = item_index[dyad];
    auto it = index.find(key);
    if (it == index.end()) {
      index[key] = n.items.size();
      n.items.push_back(std::move(item));
      return;
    }
    NegotiationItem& existing = n.items[it->second];
    for (Support& s : item.sources) existing.sources.push_back(std::move(s));
    for (std::string& a : item.attendees) existing.attendees.push_back(std::move(a));
    if (existing.where.empty()) existing.where = item.where;
  }
};

NegotiationItem FromEvent(const EventRecord& e, const std::string& kind, const Tracker& t) {
  NegotiationItem it;
  it.kind = kind;
  it.date = e.date;
  it.actor_code = e.source_code;
  it.actor_name = e.source_name;
  it.counterpart_code = e.target_code;
  it.counterpart_name = e.target_name;
  it.code = e.code;
  if (e.root == "05" && kind == "response") it.stance = "accept";
  if (e.root == "12") it.stance = "reject";
  if (kind == "proposal") it.stance = "offer";
  it.fact = FactName(e.fact);
  if (kind == "round") {
    it.where = FindPlace(e.sentence_text, t.places);
    if (!e.source_name.empty()) it.attendees.push_back(e.source_name);
    if (!e.target_name.empty()) it.attendees.push_back(e.target_name);
  }
  it.sources.push_back({e.doc, e.outlet, e.sentence, fmt::format("event:{}", e.idx),
                        e.sentence_text});
  return it;
}

struct Context {
  std::unordered_map<std::string, std::string> main;  // doc -> main dyad
  // dyad -> third party -> consultations (04x) with one side, from the
  // document rule alone (pass 1).
  std::map<std::string, std::map<std::string, int>> mediators;
  // The same, indexed by third party: the dyads it mediates, in dyad order.
  struct Mediation {
    size_t rank;  // position of the dyad in `mediators`
    const std::string* dyad;
    int count;
  };
  std::unordered_map<std::string, std::vector<Mediation>> by_third;
  std::map<std::string, std::string> principal;  // country -> its most frequent main dyad
};

struct Assignment {
  std::string dyad, third;  // empty dyad: not part of any negotiation
};

// The document rule (see the header). nullopt when it cannot decide or
// when the document's main dyad is the pair itself (which a known mediator
// may override: see Assign).
std::optional<Assignment> ByDocument(const EventRecord& e, const Context& ctx) {
  std::string s = PartyOf(e.source_code), c = PartyOf(e.target_code);
  auto m = ctx.main.find(e.doc);
  const std::string* doc = m == ctx.main.end() ? nullptr : &m->second;
  if (s.empty()) return Assignment{};
  if (c == s) return Assignment{};  // internal consultations of one side
  if (!c.empty()) {
    if (doc && *doc != DyadName(s, c) && InDyad(*doc, s) != InDyad(*doc, c)) {
      return Assignment{*doc, InDyad(*doc, s) ? c : s};
    }
    return std::nullopt;
  }
  if (doc && InDyad(*doc, s)) return Assignment{*doc, ""};
  return std::nullopt;
}

// A known mediator (from pass 1) talking to one side belongs to that side's
// negotiation: "Hamas handed its response to the Qatari mediators" in an
// article without Israeli events.
// The most frequent wins; ties go to the first dyad in order, and within
// one dyad to c as the third party before s.
std::optional<Assignment> ByMediator(const std::string& s, const std::string& c,
                                     const Context& ctx) {
  static const std::vector<Context::Mediation> kNone;
  auto find = [&](const std::string& third) -> const std::vector<Context::Mediation>& {
    auto it = ctx.by_third.find(third);
    return it == ctx.by_third.end() ? kNone : it->second;
  };
  const auto& of_c = find(c);  // c mediating, s a side
  const auto& of_s = find(s);  // s mediating, c a side
  const Context::Mediation* best = nullptr;
  const std::string* best_third = nullptr;
  auto consider = [&](const Context::Mediation& m, const std::string& side,
                      const std::string& third) {
    if (InDyad(*m.dyad, side) && !InDyad(*m.dyad, third) && (!best || m.count > best->count)) {
      best = &m;
      best_third = &third;
    }
  };
  size_t i = 0, j = 0;
  while (i < of_c.size() || j < of_s.size()) {
    if (j == of_s.size() || (i < of_c.size() && of_c[i].rank <= of_s[j].rank)) {
      consider(of_c[i++], s, c);
    } else {
      consider(of_s[j++], c, s);
    }
  }
  if (!best) return std::nullopt;
  return Assignment{*best->dyad, *best_third};
}

// Document rule, then known mediators, then the pair itself; events without
// a counterpart go to the party's principal negotiation.
Assignment Assign(const EventRecord& e, const Context& ctx) {
  if (auto a = ByDocument(e, ctx)) return *a;
  std::string s = PartyOf(e.source_code), c = PartyOf(e.target_code);
  if (!c.empty()) {
    if (auto a = ByMediator(s, c, ctx)) return *a;
    return Assignment{DyadName(s, c), ""};
  }
  auto p = ctx.principal.find(s);
  return p == ctx.principal.end() ? Assignment{} : Assignment{p->second, ""};
}

Context MakeContext(const CorpusInput& in) {
  Context ctx;
  ctx.main = MainDyads(in);
  // Pass 1: mediators from the document rule alone.
  for (const EventRecord& e : in.events) {
    if (e.root != "04" || e.fact != Fact::kAsserted) continue;
    auto a = ByDocument(e, ctx);
    if (a && !a->third.empty()) ++ctx.mediators[a->dyad][a->third];
  }
  size_t rank = 0;
  for (const auto& [dyad, meds] : ctx.mediators) {
    for (const auto& [third, count] : meds) ctx.by_third[third].push_back({rank, &dyad, count});
    ++rank;
  }
  // An article whose main pair is a side and its mediator (Hamas and Qatar)
  // is about that side's negotiation (Israel-Hamas).
  for (auto& [doc, dyad] : ctx.main) {
    std::string a = dyad.substr(0, dyad.find('-')), b = dyad.substr(dyad.find('-') + 1);
    if (auto m = ByMediator(a, b, ctx)) dyad = m->dyad;
  }
  std::map<std::string, std::map<std::string, int>> per_country;
  for (const auto& [doc, dyad] : ctx.main) {
    ++per_country[dyad.substr(0, dyad.find('-'))][dyad];
    ++per_country[dyad.substr(dyad.find('-') + 1)][dyad];
  }
  for (const auto& [country, dyads] : per_country) {
    auto best = dyads.begin();
    for (auto it = dyads.begin(); it != dyads.end(); ++it) {
      if (it->second > best->second) best = it;
    }
    ctx.principal[country] = best->first;
  }
  return ctx;
}

void AddEvents(const CorpusInput& in, const Context& ctx, Tracker* t) {
  for (const EventRecord& e : in.events) {
    t->NoteName(e.source_code, e.source_name);
    t->NoteName(e.target_code, e.target_name);
    std::string kind = TalkKind(e.code, e.root);
    if (kind.empty()) continue;
    Assignment a = Assign(e, ctx);
    if (a.dyad.empty()) continue;
    if (!a.third.empty() && e.root == "04" && e.fact == Fact::kAsserted) {
      ++t->mediator_counts[a.dyad][a.third];
    }
    t->Add(a.dyad, FromEvent(e, kind, *t));
  }
}

void AddPositions(const CorpusInput& in, const Context& ctx, Tracker* t) {
  for (const PositionRecord& p : in.positions) {
    std::string party = PartyOf(p.party_code);
    auto m = ctx.main.find(p.doc);
    std::string dyad;
    if (m != ctx.main.end() && InDyad(m->second, party)) {
      dyad = m->second;
    } else if (auto pr = ctx.principal.find(party); pr != ctx.principal.end()) {
      dyad = pr->second;
    } else {
      continue;
    }
    NegotiationItem it;
    switch (p.stance) {
      case Stance::kOffer: it.kind = "proposal"; break;
      case Stance::kAccept:
      case Stance::kReject: it.kind = "response"; break;
      default: it.kind = "position"; break;
    }
    it.date = p.date;
    it.actor_code = p.party_code;
    it.actor_name = p.party_name;
    it.stance = StanceName(p.stance);
    it.item = p.item.empty() ? p.item_text : p.item;
    it.fact = FactName(p.fact);
    it.sources.push_back({p.doc, p.outlet, p.sentence, fmt::format("position:{}", p.idx),
                          p.sentence_text});
    t->NoteName(p.party_code, p.party_name);
    t->Add(dyad, std::move(it));
  }
}

bool ItemLess(const NegotiationItem& a, const NegotiationItem& b) {
  // Dated items first in date order, undated last; then a stable content order.
  auto rank = [](const NegotiationItem& i) { return i.date ? 0 : 1; };
  return std::make_tuple(rank(a), a.date, a.kind, a.actor_code, a.counterpart_code, a.code,
                         a.stance, a.item) <
         std::make_tuple(rank(b), b.date, b.kind, b.actor_code, b.counterpart_code, b.code,
                         b.stance, b.item);
}

// Walks the items in date order setting the state of the talks after each.
void ComputeStates(Negotiation* n) {
  std::string state = "none";
  for (NegotiationItem& it : n->items) {
    if (it.fact == "asserted") {
      if (it.kind == "suspension") {
        state = "suspended";
      } else if (it.kind == "agreement") {
        state = "agreement";
      } else if ((it.kind == "round" || it.kind == "proposal") && state == "suspended") {
        state = "resumed";
        if (it.kind == "round") it.kind = "resumption";
      } else if (it.kind != "position" && (state == "none" || state == "resumed")) {
        state = "active";
      }
    }
    it.state = state;
  }
  n->state = state;
}

// A proposal by one side within counter_days of the other side's proposal
// is a counter-proposal.
void MarkCounters(const NegotiationOptions& o, Negotiation* n) {
  for (size_t i = 0; i < n->items.size(); ++i) {
    NegotiationItem& it = n->items[i];
    if (it.kind != "proposal" || !it.date) continue;
    for (size_t j = 0; j < i; ++j) {
      const NegotiationItem& prev = n->items[j];
      if (prev.kind != "proposal" || !prev.date) continue;
      if (CountryOf(prev.actor_code) == CountryOf(it.actor_code)) continue;
      if (it.date->days() - prev.date->days() <= o.counter_days && *it.date >= *prev.date) {
        it.stance = "counter";
        break;
      }
    }
  }
}

// Each party's positions per item over time, from the position records
// (not events) of the negotiation, with how they moved.
void BuildPositions(const NegotiationOptions& o, const std::map<std::string, std::string>& names,
                    Negotiation* n) {
  std::map<std::pair<std::string, std::string>, PartyPosition> by_item;
  std::map<std::string, Date> latest;  // party -> latest dated position
  for (const NegotiationItem& it : n->items) {
    if (it.sources.empty() || !it.sources.front().record.starts_with("position:")) continue;
    std::string party = CountryOf(it.actor_code);
    PartyPosition& pp = by_item[{party, it.item}];
    pp.party = party;
    auto nm = names.find(party);
    pp.party_name = nm != names.end() ? nm->second : it.actor_name;
    pp.item = it.item;
    std::string stance = it.stance == "counter" ? "offer" : it.stance;
    pp.steps.push_back({it.date, stance, it.fact, it.sources.front()});
    if (it.date && (!latest.count(party) || latest[party] < *it.date)) latest[party] = *it.date;
  }
  for (auto& [key, pp] : by_item) {
    const PositionStep& last = pp.steps.back();
    bool conceded = std::any_of(pp.steps.begin(), pp.steps.end(),
                                [](const PositionStep& s) { return s.stance == "concede"; });
    if (conceded) {
      pp.status = "conceded";
    } else if (last.stance == "accept") {
      pp.status = "accepted";
    } else if (last.stance == "reject") {
      pp.status = "rejected";
    } else if (last.stance == "offer") {
      pp.status = "offered";
    } else {
      auto l = latest.find(pp.party);
      bool stale = last.date && l != latest.end() &&
                   l->second.days() - last.date->days() > o.drop_after_days;
      pp.status = stale ? "dropped" : "held";
    }
    n->positions.push_back(std::move(pp));
  }
}

}  // namespace

std::vector<Negotiation> TrackNegotiations(const CorpusInput& input,
                                           const NegotiationOptions& options) {
  Tracker t{options, KnownPlaces(input), {}, {}, {}, {}};
  Context ctx = MakeContext(input);
  AddEvents(input, ctx, &t);
  AddPositions(input, ctx, &t);
  std::vector<Negotiation> out;
  for (auto& [dyad, n] : t.by_dyad) {
    for (NegotiationItem& it : n.items) {
      std::sort(it.sources.begin(), it.sources.end(), [](const Support& a, const Support& b) {
        return std::tie(a.doc, a.sentence, a.record) < std::tie(b.doc, b.sentence, b.record);
      });
      // One source per sentence (several records of one sentence support the item once).
      it.sources.erase(std::unique(it.sources.begin(), it.sources.end(),
                                   [](const Support& a, const Support& b) {
                                     return a.doc == b.doc && a.sentence == b.sentence;
                                   }),
                       it.sources.end());
      std::sort(it.attendees.begin(), it.attendees.end());
      it.attendees.erase(std::unique(it.attendees.begin(), it.attendees.end()), it.attendees.end());
    }
    std::sort(n.items.begin(), n.items.end(), ItemLess);
    ComputeStates(&n);
    MarkCounters(options, &n);
    std::vector<std::pair<int, std::string>> meds;
    for (const auto& [c, k] : t.mediator_counts[dyad]) meds.push_back({-k, c});
    std::sort(meds.begin(), meds.end());
    for (const auto& [k, c] : meds) n.mediators.push_back(c);
    for (const NegotiationItem& it : n.items) {
      if (!it.date) continue;
      if (!n.first_date || *it.date < *n.first_date) n.first_date = it.date;
      if (!n.last_date || *it.date > *n.last_date) n.last_date = it.date;
    }
    BuildPositions(options, t.country_names, &n);
    out.push_back(std::move(n));
  }
  for (size_t i = 0; i < out.size(); ++i) out[i].id = i + 1;
  return out;
}

}  // namespace parley::corpus
