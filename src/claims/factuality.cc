// Factuality (asserted | negated | hypothetical) and attribution of coded
// events.
//
// A cue counts for a verb when it lies in a short window before it (at most
// 6 tokens back, not across ',', ';', ':', a quote or a clause-opening
// conjunction: "born in Nepal and not India, as he accused" leaves "accused"
// asserted): "did not agree", "rather than actively engage", "is ready
// to resume", "threatened to strike", "will consider relaxing". Scoped cues
// cover the rest of the sentence after them: "there was no certainty that
// Deif and Salama were eliminated" (hypothetical), "denied that its forces
// had fired" (negated). A conditional ("if", "unless") makes hypothetical
// the verbs of its own clause and of a main clause shortly before it
// ("will provide humanitarian aid if the balloon launches stop"). A question
// is hypothetical. Negation wins over hypothetical ("will not attend").
#include <algorithm>

#include "claims/claims_internal.h"

namespace parley::claims {
namespace {

bool StopsWindow(const DocContext& ctx, uint32_t i) {
  if (ctx.tok(i).has(kTokQuote)) return true;
  std::string_view w = ctx.norm(i);
  return w == ";" || w == ":" || w == "," || w == "as" || w == "but" || w == "while" || w == "whereas" || w == "after" ||
         w == "because" || w == "since" || w == "although" || w == "though" || w == "." ||
         w == "which" || w == "who";
}

std::string CueText(const DocContext& ctx, const char* fact, const LexMatch& m) {
  std::string s = fact;
  s += StrCat(": '", ctx.WordsView(m.first, m.end), "' [");
  Span sp = ctx.SpanOf("", m.first, m.end);
  s += StrCat(std::to_string(sp.start), ",", std::to_string(sp.end), ") ", ctx.entry(m).rule);
  return s;
}

const Report* NegatingReport(const DocContext& ctx, uint32_t s, uint32_t i) {
  for (const Report& r : ctx.reports[s]) {
    if (r.negates && r.first <= i && i < r.end) return &r;
  }
  return nullptr;
}

bool SpeechActRoot(const std::string& root) {
  return root == "01" || root == "02" || root == "10" || root == "11" || root == "12" ||
         root == "13";
}

}  // namespace

std::string Country(const std::string& code) {
  if (code.starts_with("IGO") || code.starts_with("NGO")) return code.substr(0, 6);
  return code.substr(0, 3);
}

Fact FactAt(const DocContext& ctx, uint32_t s, uint32_t first, uint32_t end, std::string* cue) {
  const Sentence& sent = ctx.text->sentences[s];
  if (const Report* r = NegatingReport(ctx, s, first)) {
    if (cue) {
      Span sp = ctx.SpanOf("", r->cue_first, r->cue_end);
      *cue = StrCat("negated: '", ctx.WordsView(r->cue_first, r->cue_end), "' [", std::to_string(sp.start),
                    ",", std::to_string(sp.end), ") ", r->rule);
    }
    return Fact::kNegated;
  }
  uint32_t w0 = first;
  while (w0 > sent.first_token && first - w0 < 6 && !StopsWindow(ctx, w0 - 1)) --w0;
  const LexMatch* neg = nullptr;
  const LexMatch* hyp = nullptr;
  bool question = end <= sent.end_token && sent.end_token > sent.first_token &&
                  ctx.Is(sent.end_token - 1, "?");
  constexpr uint32_t kCues = SectionBit(Section::kNegation) | SectionBit(Section::kHypothetical) |
                            SectionBit(Section::kNegationScope) |
                            SectionBit(Section::kHypotheticalScope) | SectionBit(Section::kConditional);
  for (const LexMatch& m : ctx.matches[s]) {
    if (!ctx.HasAny(s, kCues)) break;
    Section sec = ctx.entry(m).section;
    bool in_window = m.first >= w0 && m.end <= end;
    // "declined to comment" coded 011 by its own verb: the cue starts at the
    // verb itself, so it is the event, not a negation of it ("refused to
    // release" negates the release).
    std::string_view lead = ctx.text->tokens[m.first].lemma;
    bool is_the_verb = m.first >= first && m.first < end && m.end - m.first >= 2 &&
                       (lead == "refuse" || lead == "decline" || lead == "fail");
    if (sec == Section::kNegation && in_window && !neg && !is_the_verb) neg = &m;
    if (sec == Section::kHypothetical && in_window && !hyp) hyp = &m;
    if (sec == Section::kNegationScope && m.end <= first && !neg) neg = &m;
    if (sec == Section::kHypotheticalScope && m.end <= first && !hyp) hyp = &m;
    if (sec == Section::kConditional && !hyp) {
      bool inside = first >= m.end && first - m.end <= 12;
      bool before = m.first >= end && m.first - end <= 15;
      if (inside || before) hyp = &m;
    }
  }
  if (neg) {
    if (cue) *cue = CueText(ctx, "negated", *neg);
    return Fact::kNegated;
  }
  if (hyp) {
    if (cue) *cue = CueText(ctx, "hypothetical", *hyp);
    return Fact::kHypothetical;
  }
  if (question) {
    if (cue) *cue = "hypothetical: question";
    return Fact::kHypothetical;
  }
  if (cue) cue->clear();
  return Fact::kAsserted;
}

void Attribute(const DocContext& ctx, const EventCandidate& c, uint32_t s, Event* ev) {
  uint32_t vf = c.verb_first, ve = std::max(c.verb_end, c.verb_first + 1);
  std::string cue;
  Fact f = FactAt(ctx, s, vf, ve, &cue);
  if (c.negated && f != Fact::kNegated) {
    f = Fact::kNegated;
    cue = StrCat("negated: verb group '", ctx.WordsView(vf, ve), "' (coder)");
  } else if (f == Fact::kAsserted && !c.modal.empty() && c.modal != "to" && c.modal != "can") {
    // The coder's infinitive marker "to" is not a modal: "decided to withdraw"
    // is asserted; the governing words ("plans to", "ready to") are our cues.
    f = Fact::kHypothetical;
    cue = StrCat("hypothetical: modal '", c.modal, "' (coder)");
  }
  // A refusal already encodes its negation ("cannot accept" coded 12).
  if (f == Fact::kNegated && !c.negated && ev->root == "12") {
    f = Fact::kAsserted;
    cue.clear();
  }
  ev->fact = f;
  ev->fact_cue = cue;
  if (const Report* r = ReportFor(ctx, s, vf)) {
    bool self_speech = !r->relay && SpeechActRoot(ev->root) && !ev->source.code.empty() &&
                       Country(ev->source.code) == Country(r->speaker->code);
    if (!self_speech) {
      ev->said_by = r->speaker;
      ev->said_by->via = StrCat("reported: '", ctx.WordsView(r->cue_first, r->cue_end), "' ", r->rule);
      ev->spans.push_back(ctx.SpanOf("said_by", r->speaker_first, r->speaker_end));
      ev->spans.push_back(ctx.SpanOf("report", r->cue_first, r->cue_end));
    }
    if (!r->hedge.empty()) ev->hedge = r->hedge;
  }
  for (const LexMatch& m : ctx.matches[s]) {
    if (!ctx.HasAny(s, SectionBit(Section::kHedge))) break;
    if (ctx.entry(m).section != Section::kHedge) continue;
    if (m.end + 6 >= vf && m.first < ve + 8) {
      ev->hedge = ctx.entry(m).phrase;
      ev->spans.push_back(ctx.SpanOf("hedge", m.first, m.end));
      break;
    }
  }
  if (!cue.empty() && f != Fact::kAsserted) ev->spans.push_back(ctx.SpanOf("fact", vf, ve));
}

}  // namespace parley::claims
