#include "corpus/merge.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>

namespace parley::corpus {
namespace {

// Figures of one document, for looking up those near a mention.
using FiguresByDoc = std::unordered_map<std::string, std::vector<const FigureRecord*>>;

struct Keyed {
  const EventRecord* e;
  std::string key;
  std::string dyad;
};

std::string DyadOf(const EventRecord& e, const MergeOptions& o) {
  std::string a = CountryOf(e.source_code);
  std::string b = CountryOf(e.target_code);
  bool symmetric = std::find(o.symmetric_roots.begin(), o.symmetric_roots.end(), e.root) !=
                   o.symmetric_roots.end();
  if (symmetric && !b.empty()) {
    if (b < a) std::swap(a, b);
    return a + "-" + b;
  }
  return a + ">" + b;
}

// Claimant|kind -> [min, max] of the values the cluster has seen.
using FigureRanges = std::map<std::string, std::pair<double, double>>;

std::vector<const FigureRecord*> SameSentenceFigures(const EventRecord& e, const FiguresByDoc& f) {
  std::vector<const FigureRecord*> out;
  auto it = f.find(e.doc);
  if (it == f.end()) return out;
  for (const FigureRecord* r : it->second) {
    if (r->sentence == e.sentence && !r->cumulative && r->fact == Fact::kAsserted) out.push_back(r);
  }
  return out;
}

bool Compatible(const FigureRanges& ranges, const std::vector<const FigureRecord*>& figs,
                double ratio, std::string* why) {
  for (const FigureRecord* f : figs) {
    auto it = ranges.find(f->said_by_code + "|" + f->kind);
    if (it == ranges.end()) continue;
    double lo = std::min(it->second.first, f->value);
    double hi = std::max(it->second.second, f->value);
    if ((hi + 1) / (lo + 1) > ratio) {
      *why = fmt::format("{} {} vs {} by the same claimant", f->kind, it->second.first, f->value);
      return false;
    }
  }
  return true;
}

void AddRanges(const std::vector<const FigureRecord*>& figs, FigureRanges* ranges) {
  for (const FigureRecord* f : figs) {
    auto [it, fresh] = ranges->try_emplace(f->said_by_code + "|" + f->kind, f->value, f->value);
    if (!fresh) {
      it->second.first = std::min(it->second.first, f->value);
      it->second.second = std::max(it->second.second, f->value);
    }
  }
}

struct Cluster {
  std::vector<const EventRecord*> members;
  std::vector<MentionLink> links;
  FigureRanges ranges;
  std::optional<Date> anchor;
  std::string anchor_ref;
};

std::string KeysJson(const Keyed& k, const EventRecord& e, const Cluster& c) {
  return fmt::format(R"({{"dyad":"{}","root":"{}","fact":"{}","date":"{}","anchor":"{}"}})", k.dyad,
                     e.root, FactName(e.fact), e.date ? e.date->ToString() : "",
                     c.anchor_ref);
}

MentionLink MakeLink(const EventRecord& e) {
  MentionLink l;
  l.doc = e.doc;
  l.idx = e.idx;
  l.outlet = e.outlet;
  l.date = e.date;
  return l;
}

// Clusters one key group (sorted by date) into `out`.
void ClusterGroup(const std::vector<Keyed>& group, const FiguresByDoc& figures,
                  const MergeOptions& o, std::vector<Cluster>* out) {
  std::vector<Cluster> open;
  for (const Keyed& k : group) {
    const EventRecord& e = *k.e;
    auto figs = SameSentenceFigures(e, figures);
    // Close clusters whose anchor is too old for this (date-sorted) event.
    for (auto it = open.begin(); it != open.end();) {
      bool too_old = !e.date || !it->anchor || e.date->days() - it->anchor->days() > o.max_days;
      if (too_old) {
        out->push_back(std::move(*it));
        it = open.erase(it);
      } else {
        ++it;
      }
    }
    Cluster* joined = nullptr;
    std::string why_not;
    if (e.date || o.merge_undated) {
      for (Cluster& c : open) {
        if (Compatible(c.ranges, figs, o.figure_ratio, &why_not)) {
          joined = &c;
          break;
        }
      }
    }
    MentionLink link = MakeLink(e);
    if (joined == nullptr) {
      open.emplace_back();
      joined = &open.back();
      joined->anchor = e.date;
      joined->anchor_ref = fmt::format("{}#{}", e.doc, e.idx);
      link.rule = why_not.empty() ? "first mention"
                                  : "first mention (figures incompatible: " + why_not + ")";
    } else {
      link.rule = fmt::format("dyad {}, root {}, {} within {} day(s) of {} ({}), figures compatible",
                              k.dyad, e.root, e.date ? e.date->ToString() : "undated",
                              o.max_days, joined->anchor ? joined->anchor->ToString() : "undated",
                              joined->anchor_ref);
    }
    link.keys_json = KeysJson(k, e, *joined);
    joined->members.push_back(&e);
    joined->links.push_back(std::move(link));
    AddRanges(figs, &joined->ranges);
  }
  for (Cluster& c : open) out->push_back(std::move(c));
}

void CollectFigures(const Cluster& c, const FiguresByDoc& figures, int window, MergedEvent* m) {
  std::set<std::pair<std::string, uint32_t>> seen;
  for (const EventRecord* e : c.members) {
    auto it = figures.find(e->doc);
    if (it == figures.end()) continue;
    for (const FigureRecord* f : it->second) {
      int64_t d = static_cast<int64_t>(f->sentence) - static_cast<int64_t>(e->sentence);
      if (d < -window || d > window || f->fact != Fact::kAsserted) continue;
      if (!seen.insert({f->doc, f->idx}).second) continue;
      m->figures.push_back({f->doc, f->outlet, f->idx, f->sentence, f->kind, f->value,
                            f->qualifier, f->cumulative, f->said_by_code, f->said_by_name,
                            f->victims_code, f->victims_name});
    }
  }
  // kind -> value -> the sentences that give it
  std::map<std::string, std::map<double, std::set<std::pair<std::string, uint32_t>>>> values;
  for (const FigureClaim& f : m->figures) {
    if (!f.cumulative) values[f.kind][f.value].insert({f.doc, f.sentence});
  }
  for (const auto& [kind, by_value] : values) {
    std::set<std::pair<std::string, uint32_t>> sentences;
    for (const auto& [v, where] : by_value) sentences.insert(where.begin(), where.end());
    m->conflicting |= by_value.size() > 1 && sentences.size() > 1;
  }
}

MergedEvent Summarize(const Cluster& c, const std::string& key, const FiguresByDoc& figures,
                      const MergeOptions& o) {
  MergedEvent m;
  m.key = key;
  const EventRecord& first = *c.members.front();
  m.source_country = CountryOf(first.source_code);
  m.target_country = CountryOf(first.target_code);
  m.root = first.root;
  std::map<std::string, int> codes;
  std::set<std::string> docs, outlets;
  for (const EventRecord* e : c.members) {
    ++codes[e->code];
    docs.insert(e->doc);
    if (!e->outlet.empty()) outlets.insert(e->outlet);
    if (e->date) {
      if (!m.first_date || *e->date < *m.first_date) m.first_date = e->date;
      if (!m.last_date || *e->date > *m.last_date) m.last_date = e->date;
    }
  }
  m.code = std::max_element(codes.begin(), codes.end(), [](const auto& a, const auto& b) {
             return a.second < b.second;
           })->first;
  m.n_docs = static_cast<int>(docs.size());
  m.n_outlets = static_cast<int>(outlets.size());
  m.outlets.assign(outlets.begin(), outlets.end());
  m.mentions = c.links;
  CollectFigures(c, figures, o.figure_sentence_window, &m);
  return m;
}

}  // namespace

std::vector<MergedEvent> MergeEvents(const CorpusInput& input, const MergeOptions& options) {
  FiguresByDoc figures;
  for (const FigureRecord& f : input.figures) figures[f.doc].push_back(&f);
  std::vector<Keyed> keyed;
  keyed.reserve(input.events.size());
  for (const EventRecord& e : input.events) {
    std::string dyad = DyadOf(e, options);
    std::string fact = options.merge_negated ? "any" : FactName(e.fact);
    keyed.push_back({&e, dyad + "|" + e.root + "|" + fact, dyad});
  }
  std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
    return std::tie(a.key, a.e->date, a.e->doc, a.e->idx) <
           std::tie(b.key, b.e->date, b.e->doc, b.e->idx);
  });
  std::vector<MergedEvent> merged;
  for (size_t i = 0; i < keyed.size();) {
    size_t j = i;
    while (j < keyed.size() && keyed[j].key == keyed[i].key) ++j;
    std::vector<Keyed> group(keyed.begin() + i, keyed.begin() + j);
    std::vector<Cluster> clusters;
    ClusterGroup(group, figures, options, &clusters);
    for (const Cluster& c : clusters) merged.push_back(Summarize(c, keyed[i].key, figures, options));
    i = j;
  }
  std::sort(merged.begin(), merged.end(), [](const MergedEvent& a, const MergedEvent& b) {
    return std::tie(a.first_date, a.key, a.mentions.front().doc, a.mentions.front().idx) <
           std::tie(b.first_date, b.key, b.mentions.front().doc, b.mentions.front().idx);
  });
  for (size_t i = 0; i < merged.size(); ++i) merged[i].id = i + 1;
  return merged;
}

}  // namespace parley::corpus
