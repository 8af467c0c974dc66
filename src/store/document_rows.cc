#include "store/document_rows.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "corpus/corpus_records.h"

namespace parley::store {
namespace {

SqlValue Opt(const std::optional<std::string>& s) {
  if (!s) return std::monostate{};
  return *s;
}
SqlValue Opt(const std::optional<Date>& d) {
  if (!d) return std::monostate{};
  return d->ToString();
}
SqlValue Int(uint64_t v) { return static_cast<int64_t>(v); }
SqlValue TextOrNull(const std::string& s) {
  if (s.empty()) return std::monostate{};
  return s;
}

// code, country, name, text, start, end, framing, via (8 values; NULLs when absent).
void AppendActor(const std::optional<ActorRef>& a, SqlRow* r) {
  if (!a) {
    r->insert(r->end(), 8, std::monostate{});
    return;
  }
  r->insert(r->end(), {a->code, corpus::CountryOf(a->code), a->name, a->text, Int(a->start),
                       Int(a->end), TextOrNull(a->framing), TextOrNull(a->via)});
}

// code, name, text (3 values).
void AppendShortActor(const std::optional<ActorRef>& a, SqlRow* r) {
  if (!a) {
    r->insert(r->end(), 3, std::monostate{});
    return;
  }
  r->insert(r->end(), {a->code, a->name, a->text});
}

SqlRow EventRow(const CodedDocument& d, size_t k) {
  const Event& e = d.events[k];
  SqlRow r = {d.doc, Int(k), Int(e.sentence)};
  AppendActor(e.source, &r);
  AppendActor(e.target, &r);
  r.insert(r.end(), {e.code, e.root, int64_t{e.quad}, e.goldstein, e.plover, FactName(e.fact)});
  AppendShortActor(e.said_by, &r);
  r.insert(r.end(), {Opt(e.date ? e.date : d.date), e.rule, SpansJson(e.spans),
                     TextOrNull(e.fact_cue), TextOrNull(e.hedge)});
  return r;
}

SqlRow FigureRow(const CodedDocument& d, size_t k) {
  const Figure& f = d.figures[k];
  SqlRow r = {d.doc, Int(k), Int(f.sentence), f.kind, f.value, QualifierName(f.qualifier)};
  AppendShortActor(f.victims, &r);
  AppendShortActor(f.said_by, &r);
  r.insert(r.end(), {Opt(f.date ? f.date : d.date), int64_t{f.cumulative ? 1 : 0},
                     TextOrNull(f.what), FactName(f.fact), f.rule, SpansJson(f.spans)});
  return r;
}

SqlRow PositionRow(const CodedDocument& d, size_t k) {
  const Position& p = d.positions[k];
  SqlRow r = {d.doc, Int(k), Int(p.sentence)};
  AppendShortActor(p.party, &r);
  r.insert(r.end(), {StanceName(p.stance), p.item, p.item_text});
  AppendShortActor(p.said_by, &r);
  r.insert(r.end(), {Opt(p.date ? p.date : d.date), FactName(p.fact), p.rule, SpansJson(p.spans)});
  return r;
}

}  // namespace

// Written by hand (the hot path of every event row), in nlohmann's format:
// keys sorted, no spaces. Roles that need escaping go through nlohmann.
std::string SpansJson(const std::vector<Span>& spans) {
  std::string out = "[";
  for (const Span& s : spans) {
    if (out.size() > 1) out += ',';
    out += "{\"end\":";
    out += std::to_string(s.end);
    out += ",\"role\":";
    bool plain = std::all_of(s.role.begin(), s.role.end(), [](char c) {
      return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
    });
    if (plain) {
      out += '"';
      out += s.role;
      out += '"';
    } else {
      out += nlohmann::json(s.role).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    out += ",\"start\":";
    out += std::to_string(s.start);
    out += '}';
  }
  out += ']';
  return out;
}

void AppendDocumentRows(const CodedDocument& d, const std::string& now, bool all_sentences,
                        TableRows* rows) {
  (*rows)["documents"].push_back(
      {d.doc, d.origin, Int(d.ordinal), d.content_hash, Opt(d.date), Opt(d.title), Opt(d.outlet),
       Opt(d.url), Opt(d.language), TextOrNull(d.extra_json), Int(d.sentences.size()),
       Int(d.events.size()), Int(d.figures.size()), Int(d.positions.size()), now});
  std::vector<bool> used(all_sentences ? 0 : d.sentences.size() + 1, false);
  auto mark = [&](uint32_t i) {
    if (i < used.size()) used[i] = true;
  };
  for (const Event& e : d.events) mark(e.sentence);
  for (const Figure& f : d.figures) mark(f.sentence);
  for (const Position& p : d.positions) mark(p.sentence);
  auto& sentences = (*rows)["sentences"];
  for (const SentenceRecord& s : d.sentences) {
    if (!all_sentences && !(s.i < used.size() && used[s.i])) continue;
    sentences.push_back({d.doc, Int(s.i), Int(s.start), Int(s.end), s.text});
  }
  auto& events = (*rows)["events"];
  for (size_t k = 0; k < d.events.size(); ++k) events.push_back(EventRow(d, k));
  auto& figures = (*rows)["figures"];
  for (size_t k = 0; k < d.figures.size(); ++k) figures.push_back(FigureRow(d, k));
  auto& positions = (*rows)["positions"];
  for (size_t k = 0; k < d.positions.size(); ++k) positions.push_back(PositionRow(d, k));
}

void AppendRejectionRow(const Rejection& r, const std::string& now, TableRows* rows) {
  (*rows)["rejects"].push_back(
      {r.origin, Int(r.line), TextOrNull(r.doc), Int(r.ordinal), r.reason, now});
}

}  // namespace parley::store
