// Engine::Explain: the readable trace behind `parley code --explain`. For one
// document: the text analysis (sentences, tokens, lemmas, numbers, dates),
// the coder's account of each sentence, the claims stage's account, and then
// every event, figure and position with its rule id and the words of each
// span.
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "dict/cameo_table.h"
#include "pipeline/engine_internal.h"
#include "text/explain.h"

namespace parley {
namespace {

std::string_view Words(const Document& doc, uint32_t start, uint32_t end) {
  if (start > end || end > doc.text.size()) return "?";
  return std::string_view(doc.text).substr(start, end - start);
}

std::string ActorLine(const ActorRef& a) {
  std::string s = fmt::format("{} ({}) \"{}\" [{},{})", a.code, a.name, a.text, a.start, a.end);
  if (!a.framing.empty()) s += fmt::format(" framing \"{}\"", a.framing);
  if (!a.via.empty()) s += " via " + a.via;
  return s;
}

std::string OptActorLine(const std::optional<ActorRef>& a) { return a ? ActorLine(*a) : "-"; }

std::string OptDate(const std::optional<Date>& d) { return d ? d->ToString() : "-"; }

void AppendSpans(const Document& doc, const std::vector<Span>& spans, std::string* out) {
  for (const Span& s : spans) {
    *out += fmt::format("    {:<9} \"{}\" [{},{})\n", s.role, Words(doc, s.start, s.end), s.start, s.end);
  }
}

void AppendEvent(const Document& doc, const Event& e, std::string* out) {
  const CameoCode* c = CameoTable::Default().Lookup(e.code);
  *out += fmt::format("event {} {} (root {}, quad {}, goldstein {}, {}) in sentence {}\n", e.code,
                      c ? "\"" + c->name + "\"" : "?", e.root, e.quad, e.goldstein, e.plover,
                      e.sentence);
  *out += fmt::format("  source  {}\n  target  {}\n", ActorLine(e.source), OptActorLine(e.target));
  *out += fmt::format("  fact    {}{}{}\n", FactName(e.fact),
                      e.fact_cue.empty() ? "" : " -- " + e.fact_cue,
                      e.hedge.empty() ? "" : " (hedge: " + e.hedge + ")");
  *out += fmt::format("  said_by {}\n  date    {}\n  rule    {}\n", OptActorLine(e.said_by),
                      OptDate(e.date), e.rule);
  AppendSpans(doc, e.spans, out);
}

void AppendFigure(const Document& doc, const Figure& f, std::string* out) {
  *out += fmt::format("figure {}{} {} {}{} in sentence {}\n", f.kind,
                      f.what.empty() ? "" : " (" + f.what + ")", QualifierName(f.qualifier),
                      f.value, f.cumulative ? " cumulative" : "", f.sentence);
  *out += fmt::format("  victims {}\n  said_by {}\n  date    {}\n  fact    {}\n  rule    {}\n",
                      OptActorLine(f.victims), OptActorLine(f.said_by), OptDate(f.date),
                      FactName(f.fact), f.rule);
  AppendSpans(doc, f.spans, out);
}

void AppendPosition(const Document& doc, const Position& p, std::string* out) {
  *out += fmt::format("position {} \"{}\" (\"{}\") in sentence {}\n", StanceName(p.stance), p.item,
                      p.item_text, p.sentence);
  *out += fmt::format("  party   {}\n  said_by {}\n  date    {}\n  fact    {}\n  rule    {}\n",
                      ActorLine(p.party), OptActorLine(p.said_by), OptDate(p.date),
                      FactName(p.fact), p.rule);
  AppendSpans(doc, p.spans, out);
}

}  // namespace

std::string Engine::Explain(const Document& doc, EngineScratch* scratch) const {
  CodedDocument coded;
  Code(doc, scratch, &coded);
  const AnalyzedText& text = scratch->text;
  std::string out = fmt::format("=== document {} ({}:{}) date {} title \"{}\"\n", doc.id,
                                doc.origin, doc.line, OptDate(doc.date), doc.title.value_or(""));
  out += "--- text analysis\n";
  out += ExplainText(doc, text);
  out += "--- coder\n";
  // The coder's account starts each sentence with its index and text.
  for (uint32_t i = 0; i < text.sentences.size(); ++i) {
    out += impl_->coder->Explain(doc, text, scratch->coding, i);
  }
  out += "--- claims\n";
  out += impl_->claims->Explain(doc, text, scratch->coding, coded);
  out += fmt::format("--- result: {} events, {} figures, {} positions\n", coded.events.size(),
                     coded.figures.size(), coded.positions.size());
  for (const Event& e : coded.events) AppendEvent(doc, e, &out);
  for (const Figure& f : coded.figures) AppendFigure(doc, f, &out);
  for (const Position& p : coded.positions) AppendPosition(doc, p, &out);
  return out;
}

}  // namespace parley
