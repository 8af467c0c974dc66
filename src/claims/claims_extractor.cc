// ClaimsExtractor implementation: builds the per-document context (mentions
// in document order, one lexicon pass per sentence), finds reports, then
// attributes the coder's events and extracts figures and positions.
#include <algorithm>
#include <cstdio>

#include "claims/claims.h"
#include "claims/claims_internal.h"
#include "claims/lexicon.h"

namespace parley {
namespace {

using claims::DocContext;

std::string ActorCode(const std::optional<ActorRef>& a) { return a ? a->code : "-"; }

std::string FormatValue(double v) {
  char buf[64];
  if (v == static_cast<double>(static_cast<long long>(v))) {
    std::snprintf(buf, sizeof buf, "%lld", static_cast<long long>(v));
  } else {
    std::snprintf(buf, sizeof buf, "%g", v);
  }
  return buf;
}

class ClaimsExtractorImpl : public ClaimsExtractor {
 public:
  ClaimsExtractorImpl(std::shared_ptr<const claims::ClaimsLexicon> lex,
                      std::shared_ptr<const CompiledDictionary> dict)
      : lex_(std::move(lex)), dict_(std::move(dict)) {}

  void Extract(const Document& doc, const AnalyzedText& text, const DocumentCoding& coding,
               CodedDocument* out) const override {
    // Per-thread scratch: the per-sentence vectors keep their capacity from
    // one document to the next (Extract stays thread-safe).
    thread_local DocContext ctx;
    Build(doc, text, coding, &ctx);
    claims::FindReports(&ctx);
    size_t events = out->events.size();
    for (const SentenceCoding& sc : coding.sentences) events += sc.events.size();
    out->events.reserve(events);
    for (uint32_t s = 0; s < text.sentences.size(); ++s) {
      if (const SentenceCoding* sc = ctx.coded(s)) {
        for (const EventCandidate& c : sc->events) {
          out->events.push_back(c.event);  // copied in place
          Event& ev = out->events.back();
          ev.sentence = s;
          claims::Attribute(ctx, c, s, &ev);
        }
      }
      claims::ExtractFigures(ctx, s, &out->figures);
    }
    std::vector<Position> positions;
    for (uint32_t s = 0; s < text.sentences.size(); ++s) {
      claims::ExtractPositions(ctx, s, &positions);
    }
    for (Position& p : positions) out->positions.push_back(std::move(p));
  }

  std::string Explain(const Document& doc, const AnalyzedText& text, const DocumentCoding& coding,
                      const CodedDocument& coded) const override;

 private:
  void Build(const Document& doc, const AnalyzedText& text, const DocumentCoding& coding,
             DocContext* ctx) const {
    ctx->doc = &doc;
    ctx->text = &text;
    ctx->coding = &coding;
    ctx->lex = lex_.get();
    ctx->dict = dict_.get();
    ctx->mentions.clear();
    for (uint32_t s = 0; s < coding.sentences.size(); ++s) {
      for (const ActorMention& m : coding.sentences[s].mentions) ctx->mentions.push_back({&m, s});
    }
    // By first token, stable. Sentences come in order and only mentions of
    // one sentence are out of order (few): an insertion sort needs no buffer.
    std::vector<claims::DocMention>& ms = ctx->mentions;
    for (size_t k = 1; k < ms.size(); ++k) {
      const claims::DocMention x = ms[k];
      size_t j = k;
      while (j > 0 && ms[j - 1].m->first_token > x.m->first_token) {
        ms[j] = ms[j - 1];
        --j;
      }
      ms[j] = x;
    }
    ctx->matches.resize(text.sentences.size());
    for (auto& m : ctx->matches) m.clear();
    ctx->sections.assign(text.sentences.size(), 0);
    ctx->quotes.clear();
    ctx->number_tokens.clear();
    ctx->number_begin.assign(text.sentences.size() + 1, 0);
    if (ctx->word_ids.size() < text.tokens.size()) ctx->word_ids.resize(text.tokens.size());
    for (uint32_t s = 0; s < text.sentences.size(); ++s) {
      const Sentence& st = text.sentences[s];
      ctx->number_begin[s] = static_cast<uint32_t>(ctx->number_tokens.size());
      ctx->number_begin[s + 1] = ctx->number_begin[s];
      if (st.end_token > text.tokens.size() || st.first_token > st.end_token) continue;
      // One pass over the tokens: vocabulary ids for the lexicon, quote marks
      // for attribution, number mentions for figures.
      claims::TokenWordIds* const ids = ctx->word_ids.data();
      const Token* const toks = text.tokens.data();
      const claims::ClaimsLexicon& lex = *lex_;
      for (uint32_t i = st.first_token; i < st.end_token; ++i) {
        const Token& t = toks[i];
        ids[i] = lex.TokenIds(t);
        if (t.has(kTokQuote)) [[unlikely]] ctx->quotes.push_back(i);
        if (t.number >= 0) [[unlikely]] ctx->number_tokens.push_back(i);
      }
      ctx->number_begin[s + 1] = static_cast<uint32_t>(ctx->number_tokens.size());
      lex_->Match(text, ctx->word_ids.data(), st.first_token, st.end_token, &ctx->matches[s]);
      uint32_t bits = 0;
      for (const claims::LexMatch& m : ctx->matches[s]) bits |= claims::SectionBit(ctx->entry(m).section);
      ctx->sections[s] = bits;
    }
  }

  std::shared_ptr<const claims::ClaimsLexicon> lex_;
  std::shared_ptr<const CompiledDictionary> dict_;
};

std::string Quote(const Document& doc, const Span& sp) {
  if (sp.end <= sp.start || sp.end > doc.text.size()) return "''";
  std::string q = "'";
  q.append(doc.text, sp.start, sp.end - sp.start);
  q += "' [";
  q += std::to_string(sp.start);
  q += ',';
  q += std::to_string(sp.end);
  q += ')';
  return q;
}

void ExplainSpans(const Document& doc, const std::vector<Span>& spans, std::string* out) {
  for (const Span& sp : spans) {
    *out += claims::StrCat("    ", sp.role, ": ", Quote(doc, sp), "\n");
  }
}

std::string ClaimsExtractorImpl::Explain(const Document& doc, const AnalyzedText& text,
                                         const DocumentCoding& coding,
                                         const CodedDocument& coded) const {
  (void)text;
  (void)coding;
  std::string out;
  for (const Event& e : coded.events) {
    out += claims::StrCat("event s", std::to_string(e.sentence), " ", claims::EventDebugString(e), "\n");
    out += "    fact: " + (e.fact_cue.empty() ? std::string("asserted (no cue)") : e.fact_cue) + "\n";
    if (e.said_by) out += claims::StrCat("    said_by ", e.said_by->code, " via ", e.said_by->via, "\n");
    if (!e.hedge.empty()) out += claims::StrCat("    hedge: '", e.hedge, "'\n");
    ExplainSpans(doc, e.spans, &out);
  }
  for (const Figure& f : coded.figures) {
    out += claims::StrCat("figure s", std::to_string(f.sentence), " ", claims::FigureDebugString(f),
                          " rule=", f.rule, "\n");
    if (f.said_by) out += claims::StrCat("    said_by ", f.said_by->code, " via ", f.said_by->via, "\n");
    ExplainSpans(doc, f.spans, &out);
  }
  for (const Position& p : coded.positions) {
    out += claims::StrCat("position s", std::to_string(p.sentence), " ",
                          claims::PositionDebugString(p), " rule=", p.rule, "\n");
    ExplainSpans(doc, p.spans, &out);
  }
  return out;
}

}  // namespace

namespace claims {

std::string FigureDebugString(const Figure& f) {
  std::string s = f.kind;
  if (!f.what.empty()) {
    s += '(';
    s += f.what;
    s += ')';
  }
  s += StrCat(" ", FormatValue(f.value), " ", QualifierName(f.qualifier));
  if (f.victims) s += StrCat(" victims=", f.victims->code);
  if (f.cumulative) s += " cumulative";
  if (f.fact != Fact::kAsserted) s += std::string(" ") + FactName(f.fact);
  s += StrCat(" said_by=", ActorCode(f.said_by));
  for (const Span& sp : f.spans) {
    if (sp.role == "hedge") s += " hedged";
  }
  return s;
}

std::string PositionDebugString(const Position& p) {
  std::string s = StrCat(p.party.code, " ", StanceName(p.stance), " '", p.item, "'");
  if (p.fact != Fact::kAsserted) s += std::string(" ") + FactName(p.fact);
  if (p.said_by) s += StrCat(" said_by=", p.said_by->code);
  return s;
}

std::string EventDebugString(const Event& e) {
  std::string s = StrCat(e.source.code, " ", e.code, " ", e.target ? e.target->code : "-", " ",
                         FactName(e.fact), " said_by=", ActorCode(e.said_by));
  if (!e.hedge.empty()) s += StrCat(" hedge=", e.hedge);
  return s;
}

}  // namespace claims

StatusOr<std::shared_ptr<const ClaimsExtractor>> ClaimsExtractor::Create(
    const std::string& lexicon_dir, std::shared_ptr<const CompiledDictionary> dictionary) {
  auto lex = claims::ClaimsLexicon::Load(lexicon_dir);
  if (!lex.ok()) return lex.status();
  return std::shared_ptr<const ClaimsExtractor>(
      std::make_shared<ClaimsExtractorImpl>(std::move(lex).value(), std::move(dictionary)));
}

}  // namespace parley
