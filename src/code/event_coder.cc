// EventCoder implementation: per sentence, the sparse parse (sentence_parse,
// noun_phrases, clauses) then, per verb group, the verb's patterns (most
// specific first) or its own code decide code, source and target.
#include "code/event_coder.h"

#include <algorithm>
#include <sstream>

#include "code/clauses.h"
#include "code/coder_internal.h"
#include "code/discourse.h"
#include "code/pattern_gates.h"
#include "dict/cameo_table.h"

namespace parley {
namespace {

using namespace coder_internal;  // NOLINT: internal implementation

// *sc = SentenceCoding{}, but the vectors keep their buffers (no allocation
// per sentence when a DocumentCoding is reused).
void ResetKeepingCapacity(SentenceCoding* sc) {
  auto mentions = std::move(sc->mentions);
  auto clauses = std::move(sc->clauses);
  auto events = std::move(sc->events);
  mentions.clear();
  clauses.clear();
  events.clear();
  *sc = SentenceCoding{};
  sc->mentions = std::move(mentions);
  sc->clauses = std::move(clauses);
  sc->events = std::move(events);
}

// Same (source code, target code or "", event code): duplicates in a sentence.
bool SameEventKey(const Event& a, const Event& b) {
  std::string_view ta = a.target ? std::string_view(a.target->code) : std::string_view();
  std::string_view tb = b.target ? std::string_view(b.target->code) : std::string_view();
  return a.code == b.code && a.source.code == b.source.code && ta == tb;
}

// Views into the dictionary's code strings.
struct CodePair {
  std::string_view active, passive;
};

CodePair SplitPair(std::string_view code) {
  size_t colon = code.find(':');
  if (colon == std::string_view::npos) return {code, ""};
  return {code.substr(0, colon), code.substr(colon + 1)};
}

// Cooperation between the members of one list is coded pairwise only up to
// this many members (at most 12 events); a longer list is a multilateral
// event whose members code one by one (docs/coder.md).
constexpr size_t kMaxPairwiseMembers = 4;

// True when an event of violence (roots 18-20) of this sentence, coded
// from a verb before `before`, has a source among the members of `np`.
bool EarlierViolenceBy(const SentenceCtx& c, int32_t np, uint32_t before) {
  const auto& members = c.s->nps[np].members;
  for (const EventCandidate& e : c.out->events) {
    if (e.verb_end > before || !IsViolenceRoot(e.event.root)) continue;
    if (std::find(members.begin(), members.end(), e.source_mention) != members.end()) return true;
  }
  return false;
}

// "held talks in Cairo", "met at the White House", "signed the deal in
// Sharm el-Sheikh", "indirect talks in Muscat" (the object took its only
// actor from "in Muscat"): for cooperation (roots 03-06) a coded phrase
// reached only through in/at is where it happened, not the other party.
// Visits (042/043: "arrived in Cairo") keep it, and so does a phrase whose
// preposition belongs to the verb ("participate in") or, for a target the
// pattern binds (`bound`), to the matched pattern ("- * IN + [061]").
bool MeetingPlace(const SentenceCtx& c, const VerbGroup& g, const PatternBinding* bound,
                  const NounPhrase& np, std::string_view code) {
  if (!c.options->meeting_place_is_no_target || code.size() < 3 || code.substr(0, 2) < "03" ||
      code.substr(0, 2) > "06" || code.starts_with("042") || code.starts_with("043")) {
    return false;
  }
  int32_t prep = np.prep;
  if (prep < 0 && np.absorbs >= 0 && np.actor_end == np.actor_begin) {
    prep = c.s->nps[np.absorbs].prep;
  }
  if (prep < 0 || static_cast<uint32_t>(prep) < g.end) return false;
  const uint32_t p = static_cast<uint32_t>(prep);
  if (bound != nullptr) {
    for (const auto& [first, end] : bound->spans) {
      if (p >= first && p < end) return false;
    }
  }
  std::string_view w = c.token(p).norm;
  if (w == "at") return true;  // "met at the Group of 20 summit"
  if (w != "in") return false;
  // "participating in the Cairo talks": an actor that only modifies the
  // phrase's head is taken by the verb's "in", not a place.
  return prep != np.prep ||
         (np.actor_end > np.actor_begin && c.s->actors[np.actor_end - 1].end == np.end);
}

class EventCoderImpl : public EventCoder {
 public:
  EventCoderImpl(std::shared_ptr<const CompiledDictionary> dict,
                 const CompiledDictionaryImpl* impl, CoderOptions options)
      : dict_(std::move(dict)), d_(impl), options_(options), cameo_(&CameoTable::Default()),
        gates_(*impl, classes_) {
    for (const CompiledPattern& p : d_->patterns) pattern_rule_.push_back(p.loc.RuleId());
    for (const CompiledVerbEntry& e : d_->verb_entries) entry_rule_.push_back(e.loc.RuleId());
  }

  std::unique_ptr<CoderScratch> NewScratch() const override {
    return std::make_unique<Scratch>();
  }
  void Code(const Document& doc, const AnalyzedText& text, CoderScratch* scratch,
            DocumentCoding* out) const override;
  std::string Explain(const Document& doc, const AnalyzedText& text,
                      const DocumentCoding& coding, uint32_t sentence) const override;

 private:
  void CodeSentence(SentenceCtx* c) const;
  void CodeGroup(SentenceCtx* c, size_t gi) const;
  bool TargetMayBeMissing(const SentenceCtx& c, const VerbGroup& g) const;
  void Emit(SentenceCtx* c, const VerbGroup& g, int32_t src_np, int32_t tgt_np,
            const CodePair& code, bool compound, const std::string& rule,
            const PatternBinding* b) const;
  void AddEvent(SentenceCtx* c, const VerbGroup& g, int32_t src, int32_t tgt,
                std::string_view code, const std::string& rule,
                const PatternBinding* b) const;
  // AddEvent with a source that is not a mention of this sentence (-1 for
  // `src`): an earlier sentence's actor (discourse.h).
  void AddEventAs(SentenceCtx* c, const VerbGroup& g, const ActorRef& source, int32_t src,
                  int32_t tgt, std::string_view code, const std::string& rule,
                  const PatternBinding* b) const;
  bool SourceFromDiscourse(SentenceCtx* c, const VerbGroup& g, uint32_t limit, std::string_view code,
                           const std::string& rule, const PatternBinding* b) const;
  void SurvivalNegations(SentenceCtx* c) const;
  void ReportFallback(SentenceCtx* c) const;
  void NominalEvents(SentenceCtx* c) const;
  void MediationNoun(SentenceCtx* c, const AgentHit& h, const CompiledAgent& ag) const;

  std::shared_ptr<const CompiledDictionary> dict_;
  const CompiledDictionaryImpl* d_;
  CoderOptions options_;
  WordClasses classes_;
  const CameoTable* cameo_;
  // Rule ids ("CAMEO.2.0.txt:812") per pattern and per verb entry.
  std::vector<std::string> pattern_rule_;
  std::vector<std::string> entry_rule_;
  // Which patterns of a verb's block may match a sentence (pattern_gates.h).
  PatternGates gates_;
};

// "CEBU CITY: --", "GAZA CITY, July 5 (Reuters) -": upper-case words (and
// the agency in parentheses) closed by ':' or a dash. Returns the first token
// after it, or 0 when the sentence has no dateline.
uint32_t DatelineEnd(const AnalyzedText& text, uint32_t first, uint32_t end) {
  uint32_t caps = 0;
  uint32_t i = first;
  for (; i < end && i < first + 10; ++i) {
    const Token& t = text.tokens[i];
    if (t.has(kTokWord) && t.has(kTokAllCaps)) {
      ++caps;
    } else if (t.norm == "," || t.norm == "(" || t.norm == ")" || t.has(kTokNumber) ||
               (caps > 0 && t.has(kTokWord) && t.has(kTokCapitalized))) {
      continue;
    } else {
      break;
    }
  }
  if (caps == 0 || i + 1 >= end) return 0;
  std::string_view p = text.tokens[i].norm;
  bool dash = p == "-" || p == "--";
  if (!dash && !(p == ":" && caps >= 2)) return 0;
  ++i;
  while (i < end && (text.tokens[i].norm == "-" || text.tokens[i].norm == "--")) ++i;
  return i < end ? i : 0;
}

std::optional<Date> SentenceDate(const AnalyzedText& text, const Sentence& s,
                                 const std::optional<Date>& doc_date) {
  for (const DateMention& m : text.dates) {
    if (m.first_token >= s.first_token && m.first_token < s.end_token &&
        !DatesNothing(text, m)) {
      return m.date;
    }
  }
  return doc_date;
}

// The subject of the verb that a phrase starting at token `first` hangs on
// ("Israel and Hamas held talks through Qatari mediation", "... held talks
// mediated by Egypt"): the latest non-reporting verb group that ends before
// `first` with no subordinator, comma or "that" in between. -1 when there
// is none or its subject names nobody ("Egypt said talks mediated by Qatar
// would resume", "Israel bombed Rafah after talks mediated by Qatar failed").
int32_t HostSubject(const SentenceCtx& c, uint32_t first) {
  const auto& groups = c.s->groups;
  int32_t host = -1;
  for (size_t k = 0; k < groups.size(); ++k) {
    if (groups[k].end > first || groups[k].infinitive) continue;  // "agreed to destroy X under"
    if (c.s->verbs[groups[k].hit].report) continue;
    if (host < 0 || groups[k].end > groups[host].end) host = static_cast<int32_t>(k);
  }
  if (host < 0) return -1;
  for (uint32_t i = groups[host].end; i < first; ++i) {
    // The comma opening a reduced passive (", mediated by Oman") is no break.
    if ((c.cls(i) & kWcComma) && c.tok(i).reduced) continue;
    if (c.cls(i) & (kWcSubConj | kWcComma | kWcThat)) return -1;
  }
  const int32_t np = groups[host].subject_np;
  return np >= 0 && !c.s->nps[np].members.empty() ? np : -1;
}

// The innermost clause of the sentence that holds token `tok` (-1: none).
int32_t InnermostClause(const std::vector<Clause>& clauses, uint32_t tok) {
  int32_t best = -1;
  for (size_t k = 0; k < clauses.size(); ++k) {
    const Clause& cl = clauses[k];
    if (tok < cl.first_token || tok >= cl.end_token) continue;
    if (best < 0 || cl.end_token - cl.first_token <
                        clauses[best].end_token - clauses[best].first_token) {
      best = static_cast<int32_t>(k);
    }
  }
  return best;
}

// A verb group over the words [first, end) that are not a verb of the
// sentence (an event noun, a survival predicate): the span and the clause
// that holds it, nothing else.
VerbGroup GroupAt(const SentenceCtx& c, uint32_t first, uint32_t end) {
  VerbGroup g;
  g.first = first;
  g.end = end;
  g.clause = InnermostClause(c.out->clauses, first);
  return g;
}

// An event's date: the date mention nearest to its verb among those whose
// innermost clause is the verb's own ("On Friday, X struck Y after Z fired
// rockets on Thursday": the strike is Friday, the fire Thursday); else the
// sentence date (its first date mention, else the article date).
std::optional<Date> EventDate(const SentenceCtx& c, const VerbGroup& g) {
  if (g.clause < 0) return c.date;
  const DateMention* best = nullptr;
  uint32_t best_gap = 0;
  for (const DateMention& m : c.text->dates) {
    if (m.first_token < c.first || m.first_token >= c.end) continue;
    if (InnermostClause(c.out->clauses, m.first_token) != g.clause) continue;
    if (DatesNothing(*c.text, m)) continue;  // "held since October 7"
    uint32_t gap = m.first_token >= g.end ? m.first_token - g.end
                   : m.end_token <= g.first ? g.first - m.end_token : 0;
    if (!best || gap < best_gap) {
      best = &m;
      best_gap = gap;
    }
  }
  return best ? std::optional<Date>(best->date) : c.date;
}

// Appends the sentence's coded mentions to the pronoun context and keeps its
// last 16 entries once it holds more than 32. Event sources and speakers go
// last: "It" in the next sentence prefers them ("Hamas affirmed that ...
// Doha. It further stated" -> Hamas). Mentions that the trimming would drop
// at once are not copied.
void AddToContext(const SentenceCoding& sc, uint32_t si, Scratch* s) {
  auto& order = s->context_order;
  order.clear();
  for (int pass = 0; pass < 2; ++pass) {
    for (size_t k = 0; k < sc.mentions.size(); ++k) {
      bool source = false;
      for (const EventCandidate& ev : sc.events) source |= ev.source_mention == (int32_t)k;
      for (const Clause& cl : sc.clauses) source |= cl.speaker == (int32_t)k;
      if (!sc.mentions[k].agent_only && source == (pass == 1)) {
        order.push_back(static_cast<uint32_t>(k));
      }
    }
  }
  constexpr size_t kMax = 32, kKeep = 16;
  size_t skip = 0;  // new mentions dropped by the trimming
  if (s->context.size() + order.size() > kMax) {
    size_t drop = order.size() >= kKeep ? s->context.size()
                                        : s->context.size() - (kKeep - order.size());
    skip = order.size() > kKeep ? order.size() - kKeep : 0;
    s->context.erase(s->context.begin(), s->context.begin() + drop);
    s->context_sentence.erase(s->context_sentence.begin(), s->context_sentence.begin() + drop);
  }
  for (size_t k = skip; k < order.size(); ++k) {
    s->context.push_back(&sc.mentions[order[k]]);
    s->context_sentence.push_back(si);
  }
}

void EventCoderImpl::Code(const Document& doc, const AnalyzedText& text,
                          CoderScratch* scratch, DocumentCoding* out) const {
  // Not out->Clear(): the sentences kept by the resize below keep their
  // vectors' buffers (ResetKeepingCapacity), so a reused DocumentCoding
  // allocates nothing per sentence.
  out->story_discarded = false;
  Scratch* s = static_cast<Scratch*>(scratch);
  s->context.clear();
  s->context_sentence.clear();
  out->sentences.resize(text.sentences.size());
  for (size_t si = 0; si < text.sentences.size(); ++si) {
    const Sentence& sent = text.sentences[si];
    SentenceCoding& sc = out->sentences[si];
    ResetKeepingCapacity(&sc);
    sc.sentence = static_cast<uint32_t>(si);
    if (sent.end_token <= sent.first_token) continue;
    SentenceCtx c;
    c.dict = d_;
    c.classes = &classes_;
    c.doc = &doc;
    c.text = &text;
    c.options = &options_;
    c.s = s;
    c.out = &sc;
    c.document = out;
    c.first = sent.first_token;
    c.end = sent.end_token;
    if (si == 0) {
      sc.dateline_end = DatelineEnd(text, c.first, c.end);
      if (sc.dateline_end > 0) c.first = sc.dateline_end;
    }
    c.date = SentenceDate(text, sent, doc.date);
    PrepareTokens(&c);
    bool story = false;
    if (CheckDiscards(&c, &story)) {
      sc.discarded = true;
      if (story) out->story_discarded = true;
      continue;
    }
    CodeSentence(&c);
    AddToContext(sc, static_cast<uint32_t>(si), s);
  }
  if (out->story_discarded) {
    for (SentenceCoding& sc : out->sentences) sc.events.clear();
  }
}

void EventCoderImpl::CodeSentence(SentenceCtx* c) const {
  c->s->synsets_ready = false;
  c->s->gate_words_ready = false;
  FindMatches(c);
  AcceptVerbs(c);
  BuildNounPhrases(c);
  ResolvePronouns(c);
  CountryForAgentOnly(c);
  BuildClauses(c);
  CountryFromSpeaker(c);
  for (size_t gi = 0; gi < c->s->groups.size(); ++gi) {
    VerbGroup& g = c->s->groups[gi];
    if (c->s->verbs[g.hit].report) continue;
    g.subject_np = SubjectOf(*c, gi);
    CodeGroup(c, gi);
  }
  SurvivalNegations(c);
  ReportFallback(c);
  NominalEvents(c);
  // Unique (source, target, code) per sentence: the first of each key is
  // kept (a linear scan over the kept ones; a sentence has few events).
  auto& ev = c->out->events;
  size_t w = 0;
  for (size_t r = 0; r < ev.size(); ++r) {
    bool dup = false;
    for (size_t k = 0; k < w && !dup; ++k) dup = SameEventKey(ev[k].event, ev[r].event);
    if (!dup) {
      if (w != r) ev[w] = std::move(ev[r]);
      ++w;
    }
  }
  ev.resize(w);
}

// "an Israeli airstrike on a school in Gaza": an action mention whose agent
// carries an event code (Parley.agents.txt "event=195"), followed by
// on/against/targeting and an actor, is an event of that code. Skipped when
// the mention already is the source of a verb's event ("Israeli strikes
// killed 92 people"). The "verb" span is the action word; the rule is the
// agent entry's line.
void EventCoderImpl::NominalEvents(SentenceCtx* c) const {
  const auto& ms = c->out->mentions;
  const size_t n = ms.size();
  for (const AgentHit& h : c->s->agents) {
    const CompiledAgent& ag = d_->agents[h.agent];
    if (ag.event_code.empty()) continue;
    if (ag.event_code.starts_with("04")) {
      MediationNoun(c, h, ag);
      continue;
    }
    if (h.end + 1 >= c->end) continue;
    std::string_view w = c->token(h.end).norm;
    if (w != "on" && w != "against" && w != "targeting") continue;
    int32_t src = -1, tgt = -1;
    for (size_t k = 0; k < n; ++k) {
      const ActorMention& m = ms[k];
      if (src < 0 && !m.agent_only && m.first_token <= h.first && h.end <= m.end_token &&
          m.end_token == h.end) {
        src = static_cast<int32_t>(k);  // "(damage from) an Israeli airstrike"
      }
      if (tgt < 0 && m.first_token == h.end + 1) tgt = static_cast<int32_t>(k);
    }
    if (src < 0 || tgt < 0) continue;
    bool coded = false;  // "Israeli strikes on Gaza killed 92": the verb codes it
    for (const EventCandidate& e : c->out->events) coded |= e.source_mention == src;
    if (coded) continue;
    AddEvent(c, GroupAt(*c, h.first, h.end), src, tgt, ag.event_code, ag.loc.RuleId(), nullptr);
  }
}

// "Hamas is conducting talks through Egyptian and Qatari mediation": an
// event noun of root 04 (MEDIATION ... event=045) after through/under/via/
// with names mediators of the clause's parties: each mediator -> each member
// of the subject of the nearest verb before it (EGYGOV 045 PSEREBHMS). A
// verb's event that took a mediator as its target loses that target (the
// talks are not with the mediator).
void EventCoderImpl::MediationNoun(SentenceCtx* c, const AgentHit& h,
                                   const CompiledAgent& ag) const {
  static constexpr std::string_view kPreps[] = {"through", "under", "via", "with", "amid"};
  const auto& ms = c->out->mentions;
  int32_t last = -1;
  for (size_t k = 0; k < ms.size(); ++k) {
    // "Qatari mediation", "the mediation of Qatar" (absorbed by "of").
    if (ms[k].first_token <= h.first && ms[k].end_token >= h.end && !ms[k].agent_only) {
      last = static_cast<int32_t>(k);
    }
  }
  if (last < 0) return;
  std::vector<int32_t> mediators;
  for (size_t k = 0; k < ms.size(); ++k) {
    bool member = static_cast<int32_t>(k) == last ||
                  (ms[last].compound && ms[k].compound && ms[k].group == ms[last].group);
    if (member && !ms[k].agent_only) mediators.push_back(static_cast<int32_t>(k));
  }
  uint32_t first = ms[mediators.front()].first_token;
  while (first > c->first && (c->cls(first - 1) & kWcDet)) --first;
  if (first <= c->first ||
      std::find(std::begin(kPreps), std::end(kPreps), c->token(first - 1).norm) == std::end(kPreps)) {
    return;
  }
  const int32_t party_np = HostSubject(*c, first);
  auto& evs = c->out->events;
  const size_t before = evs.size();
  std::vector<size_t> paired;  // targetless events replaced by pairs
  for (size_t i = 0; i < before; ++i) {
    EventCandidate& e = evs[i];
    if (e.verb_end > first) continue;
    if (std::find(mediators.begin(), mediators.end(), e.target_mention) == mediators.end()) continue;
    e.event.target.reset();
    e.target_mention = -1;
    std::erase_if(e.event.spans, [](const Span& sp) { return sp.role == "target"; });
    // "Israel and Hamas held talks through Qatari mediation": cooperation
    // between the members of a compound source, as for any targetless
    // cooperation verb (Emit).
    const ActorMention& src = ms[e.source_mention >= 0 ? e.source_mention : last];
    std::string_view root = std::string_view(e.event.code).substr(0, 2);
    if (e.source_mention < 0 || !src.compound || root < "03" || root > "06") continue;
    VerbGroup v;
    v.first = e.verb_first;
    v.end = e.verb_end;
    v.clause = e.clause;
    v.negated = e.negated;
    v.modal = e.modal;
    // Copies: AddEvent appends to `evs`, which invalidates `e`.
    const int32_t from = e.source_mention;
    const uint32_t group = src.group;
    const std::string code = e.event.code, rule = e.event.rule;
    const size_t size = evs.size();
    size_t members = 0;
    for (const ActorMention& m : ms) members += m.compound && m.group == group;
    if (members > kMaxPairwiseMembers) continue;
    for (size_t k = 0; k < ms.size(); ++k) {
      if (ms[k].compound && ms[k].group == group && static_cast<int32_t>(k) != from) {
        AddEvent(c, v, from, static_cast<int32_t>(k), code, rule, nullptr);
      }
    }
    if (evs.size() > size) paired.push_back(i);
  }
  for (size_t n = paired.size(); n-- > 0;) {  // back to front: indices stay valid
    evs.erase(evs.begin() + static_cast<std::ptrdiff_t>(paired[n]));
  }
  if (party_np < 0) return;
  const VerbGroup g = GroupAt(*c, h.first, h.end);
  for (int32_t m : mediators) {
    for (int32_t p : c->s->nps[party_np].members) {
      AddEvent(c, g, m, p, ag.event_code, ag.loc.RuleId(), nullptr);
    }
  }
}

void EventCoderImpl::CodeGroup(SentenceCtx* c, size_t gi) const {
  VerbGroup& g = c->s->groups[gi];
  const VerbHit& h = c->s->verbs[g.hit];
  if (h.form < 0) return;
  const CompiledVerbEntry& entry = d_->verb_entries[d_->verb_forms[h.form].entry];
  uint32_t limit = TargetLimit(*c, gi);
  PatternBinding b;
  const CompiledPattern* matched = nullptr;
  uint32_t matched_index = 0;
  gates_.Candidates(*c, entry.block, &c->s->gate_candidates);
  for (uint32_t pi : c->s->gate_candidates) {
    if (MatchPattern(*c, d_->patterns[pi], g, limit, &b)) {
      matched = &d_->patterns[pi];
      matched_index = pi;
      break;
    }
  }
  CodePair code;
  bool forced_passive = false;
  if (matched) {
    if (matched->null_code) return;
    if (matched->code.empty()) {
      code.active = matched->passive_code;
      forced_passive = true;
    } else if (!matched->tabari) {
      code.active = g.passive && !matched->passive_code.empty() ? matched->passive_code
                                                                : matched->code;
    } else {
      code = {matched->code, matched->passive_code};
    }
  } else {
    code = SplitPair(entry.code);
    b = PatternBinding{};
  }
  if (!IsEventCode(code.active)) return;
  const std::string& rule =
      matched ? pattern_rule_[matched_index] : entry_rule_[d_->verb_forms[h.form].entry];
  if (b.compound_np >= 0) {
    Emit(c, g, b.compound_np, -1, code, true, rule, &b);
    g.produced = true;
    return;
  }
  int32_t src = b.source_np, tgt = b.target_np;
  int32_t by = (g.passive || forced_passive) ? ByAgent(*c, g, limit, forced_passive) : -1;
  if (by < 0 && g.passive) by = FromAgent(*c, g, limit);
  // A passive without an agent phrase names only the victim ("a jet was shot
  // down over Ukraine"): no source unless a pattern binds one.
  bool agentless_passive = g.passive && by < 0 && b.source_np < 0 &&
                           !options_.agentless_passive_subject_is_source;
  if (agentless_passive && options_.infer_from_discourse &&
      SourceFromDiscourse(c, g, limit, code.active, rule, &b)) {
    g.produced = true;
    return;
  }
  if (src < 0) src = by >= 0 ? by : agentless_passive ? -1 : g.subject_np;
  if (tgt < 0 && by >= 0 && g.subject_np >= 0) {
    tgt = g.subject_np;  // passive: the subject is the target ("Gaza was struck by X")
  } else if (tgt < 0) {
    // An uncoded passive subject ("rockets were fired from X towards Y")
    // leaves the object or PP after the verb, as for an active verb.
    tgt = DefaultTarget(*c, g, limit, src);
    if (tgt >= 0 && MeetingPlace(*c, g, nullptr, c->s->nps[tgt], code.active)) tgt = -1;
  } else if (tgt == b.target_np && MeetingPlace(*c, g, &b, c->s->nps[tgt], code.active)) {
    tgt = -1;  // "met + IN": "met at the Group of 20 summit in Japan"
  }
  // "Israel and Hamas held talks mediated by Egypt": a reduced passive
  // consultation (root 04, no auxiliary) by X after a noun that names nobody
  // ("talks", "a deal brokered by") is X's with the parties of the clause it
  // hangs on.
  if (by >= 0 && src == by && (tgt < 0 || c->s->nps[tgt].members.empty()) &&
      code.active.starts_with("04") && g.first == h.first) {  // reduced: no auxiliary
    if (int32_t host = HostSubject(*c, g.first); host >= 0 && host != by) tgt = host;
  }
  if (src < 0 && options_.allow_agent_only_source == false) return;
  // "X struck Y, killing 20 people": the participle after the comma tells
  // the outcome of the act of violence the same source committed before
  // it, not another event.
  if (src >= 0 && src == g.subject_np && IsViolenceRoot(code.active) &&
      ParticipleAfterComma(*c, g) && EarlierViolenceBy(*c, src, g.first)) {
    return;
  }
  size_t before = c->out->events.size();
  Emit(c, g, src, tgt, code, false, rule, &b);
  g.produced = c->out->events.size() > before;
}

// A bare country as the target of a statement, appeal, meeting, deployment
// or other non-violent act of an actor of that same country ("Hamas
// withdrew from talks on a truce in Gaza", "the army deployed troops to the
// south of the Litani", "the minister visited Homs"): the country is named
// as a place, not as the other party, so the event has no target. Roles of
// the same country stay targets (SYRGOV -> SYRREB); so does the place of
// violence (18-20: "bombed a village in Sagaing" -> MMR, where the victims
// are; "seized the city of Goma" -> COD, the territory taken) and of a
// territory given up (0874: "handed control of Lashio back").
bool OwnCountryAsTarget(std::string_view source, std::string_view target,
                        std::string_view code) {
  return !IsViolenceRoot(code) && !code.starts_with("0874") && target.size() == 3 &&
         source.size() > 3 &&
         source.starts_with(target) && !target.starts_with("IGO") &&
         !target.starts_with("NGO") && !target.starts_with("MNC");
}

// Only a plain active verb of a main or reported clause codes without a
// target: a passive's target is its (uncoded) subject; a modal or infinitive
// states an intention, a subordinate ("unless both sides pull back", "before
// they agree") or relative clause a circumstance, whose object is usually
// named elsewhere.
bool EventCoderImpl::TargetMayBeMissing(const SentenceCtx& c, const VerbGroup& g) const {
  if (!options_.allow_missing_target || g.passive || !g.modal.empty()) return false;
  if (g.clause < 0) return true;
  Clause::Kind kind = c.out->clauses[g.clause].kind;
  return kind == Clause::Kind::kMain || kind == Clause::Kind::kReported;
}

void EventCoderImpl::Emit(SentenceCtx* c, const VerbGroup& g, int32_t src_np, int32_t tgt_np,
                          const CodePair& code, bool compound, const std::string& rule,
                          const PatternBinding* b) const {
  const auto& nps = c->s->nps;
  if (src_np < 0) return;
  const auto& src = nps[src_np].members;
  if (compound) {  // % : events between the members of one compound
    if (src.size() > kMaxPairwiseMembers) return;
    for (size_t i = 0; i < src.size(); ++i) {
      for (size_t j = i + 1; j < src.size(); ++j) {
        AddEvent(c, g, src[i], src[j], code.active, rule, b);
        AddEvent(c, g, src[j], src[i], code.passive.empty() ? code.active : code.passive, rule, b);
      }
    }
    return;
  }
  if (tgt_np < 0 || tgt_np == src_np) {
    // Several sources, no target, cooperation (03-06): every ordered pair
    // ("Egypt and Qatar met"); a passive only for a signed agreement ("the
    // accord signed by Israel and Jordan", not "a truce brokered by Russia
    // and the US" or "groups backed by Russia and Iran"). A longer list is a
    // multilateral meeting, not that many bilateral ones: each member codes
    // alone, like any targetless verb ("the leaders of 21 states met").
    std::string_view root = code.active.substr(0, 2);
    bool pairs = (!g.passive || code.active.starts_with("057")) &&
                 src.size() <= kMaxPairwiseMembers;
    if (src.size() > 1 && root >= "03" && root <= "06" && pairs) {
      for (int32_t a : src) {
        for (int32_t t : src) {
          if (a != t) AddEvent(c, g, a, t, code.active, rule, b);
        }
      }
    } else if (tgt_np < 0 && TargetMayBeMissing(*c, g)) {
      for (int32_t a : src) AddEvent(c, g, a, -1, code.active, rule, b);
    }
    return;
  }
  for (int32_t s : src) {
    for (int32_t t : nps[tgt_np].members) {
      AddEvent(c, g, s, t, code.active, rule, b);
      if (!code.passive.empty()) AddEvent(c, g, t, s, code.passive, rule, b);
    }
  }
}

void EventCoderImpl::AddEvent(SentenceCtx* c, const VerbGroup& g, int32_t src, int32_t tgt,
                              std::string_view code, const std::string& rule,
                              const PatternBinding* b) const {
  const auto& ms = c->out->mentions;
  if (!IsEventCode(code) || src < 0) return;
  if (ms[src].agent_only && !options_.allow_agent_only_source) return;
  AddEventAs(c, g, ms[src].actor, src, tgt, code, rule, b);
}

void EventCoderImpl::AddEventAs(SentenceCtx* c, const VerbGroup& g, const ActorRef& source,
                                int32_t src, int32_t tgt, std::string_view code,
                                const std::string& rule, const PatternBinding* b) const {
  const auto& ms = c->out->mentions;
  if (tgt >= 0 && source.code == ms[tgt].actor.code) return;
  if (tgt >= 0 && OwnCountryAsTarget(source.code, ms[tgt].actor.code, code)) {
    if (!TargetMayBeMissing(*c, g)) return;
    tgt = -1;
  }
  bool rejection = g.negated && options_.negated_cooperation_is_rejection &&
                   code.substr(0, 2) == "05";
  if (rejection) code = "120";
  EventCandidate ev;
  Event& e = ev.event;
  e.sentence = c->out->sentence;
  e.source = source;
  if (tgt >= 0) e.target = ms[tgt].actor;
  // "A Houthi drone hit an apartment building in Tel Aviv": violence hits
  // the place, the country, not the government its capital stands for.
  if (tgt >= 0 && ms[tgt].capital_place && options_.place_in_capital_is_country &&
      IsViolenceRoot(code)) {
    e.target->code.resize(3);
    e.target->via = "prepositional place";
  }
  e.code = code;
  e.root = code.substr(0, 2);
  if (const CameoCode* cc = cameo_->Lookup(code)) {
    e.root = cc->root;
    e.quad = cc->quad;
    e.goldstein = cc->goldstein;
    e.plover = cc->plover;
  }
  e.date = EventDate(*c, g);
  e.rule = rejection ? rule + " negated->120" : rule;
  e.spans.reserve(3 + (b ? b->spans.size() : 0));
  e.spans.push_back({"source", e.source.start, e.source.end});
  if (e.target) e.spans.push_back({"target", e.target->start, e.target->end});
  e.spans.push_back({"verb", c->token(g.first).start, c->token(g.end - 1).end});
  if (b) {
    for (const auto& [f, en] : b->spans) {
      e.spans.push_back({"pattern", c->token(f).start, c->token(en - 1).end});
    }
  }
  ev.verb_first = g.first;
  ev.verb_end = g.end;
  ev.clause = g.clause;
  ev.source_mention = src;
  ev.target_mention = tgt;
  ev.passive = g.passive;
  ev.negated = g.negated && !rejection;
  ev.modal = g.modal;
  c->out->events.push_back(std::move(ev));
}

// "Mohammed Deif and Rafa Salama were eliminated": an agentless passive of
// violence whose subject an earlier event of violence targeted takes that
// event's source (discourse.h). The rule id gets " source<-sN" (N = the
// sentence of the earlier event) and the source's via "discourse".
bool EventCoderImpl::SourceFromDiscourse(SentenceCtx* c, const VerbGroup& g, uint32_t limit,
                                         std::string_view code, const std::string& rule,
                                         const PatternBinding* b) const {
  if (!IsViolenceRoot(code)) return false;
  // The victim is the subject, or with an uncoded subject the target after
  // the verb when a direction introduces it ("rockets have been fired towards
  // the Gaza envelope").
  int32_t victims = g.subject_np;
  if (victims < 0 || c->s->nps[victims].members.empty()) {
    // Only a direction names a victim; "killed in Aleppo" names a place.
    static constexpr std::string_view kTowards[] = {"towards", "toward", "at", "into", "against"};
    victims = DefaultTarget(*c, g, limit, -1);
    const int32_t prep = victims >= 0 ? c->s->nps[victims].prep : -1;
    if (prep < 0 || std::find(std::begin(kTowards), std::end(kTowards),
                              c->token(static_cast<uint32_t>(prep)).norm) == std::end(kTowards)) {
      return false;
    }
  }
  const uint32_t si = c->out->sentence;
  bool any = false;
  for (int32_t t : c->s->nps[victims].members) {
    const ActorMention& victim = c->out->mentions[t];
    if (victim.agent_only) continue;
    const EventCandidate* prior = PriorViolenceAgainst(*c->document, si, victim, *c->text,
                                                       c->doc->text, /*need_name=*/false);
    if (!prior) continue;
    size_t before = c->out->events.size();
    AddEventAs(c, g, DiscourseSource(*prior), -1, t, code,
               rule + " source<-s" + std::to_string(prior->event.sentence), b);
    any |= c->out->events.size() > before;
  }
  return any;
}

// "A senior official confirmed that Mohammed Deif was still alive": the
// latest earlier event of violence against that person, repeated here with
// this sentence's predicate as its verb and negated, so that the claims
// stage credits the denial to this sentence's speaker. The rule id is
// "survival<-sN " + the earlier event's rule.
void EventCoderImpl::SurvivalNegations(SentenceCtx* c) const {
  if (!options_.infer_from_discourse || !(c->s->classes & kWcSurvival)) return;
  uint32_t from = c->first, first = 0, end = 0;
  for (int32_t k; (k = SurvivalStatement(*c, from, &first, &end)) >= 0; from = end) {
    const ActorMention& person = c->out->mentions[k];
    const EventCandidate* prior = PriorViolenceAgainst(
        *c->document, c->out->sentence, person, *c->text, c->doc->text, /*need_name=*/true);
    if (!prior) continue;
    VerbGroup g = GroupAt(*c, first, end);
    g.negated = true;
    AddEventAs(c, g, DiscourseSource(*prior), -1, k, prior->event.code,
               "survival<-s" + std::to_string(prior->event.sentence) + " " + prior->event.rule,
               nullptr);
  }
}

// "Frodo said he has deep satisfaction toward Gondor": when the reported
// clause yields no event, a reporting verb that the verb dictionary codes
// becomes the event (speaker -> first actor of what was said).
void EventCoderImpl::ReportFallback(SentenceCtx* c) const {
  for (size_t gi = 0; gi < c->s->groups.size(); ++gi) {
    VerbGroup& g = c->s->groups[gi];
    const VerbHit& h = c->s->verbs[g.hit];
    if (!h.report || h.form < 0 || g.clause < 0) continue;
    const Clause& rep = c->out->clauses[g.clause];
    if (rep.kind != Clause::Kind::kReporting || rep.first_token > h.first) continue;
    if (g.subject_np < 0 || rep.end_token != h.end) continue;  // leading "X said ..." only
    bool coded = false;
    for (const EventCandidate& ev : c->out->events) coded |= ev.verb_first >= h.end;
    if (coded) continue;
    const CompiledVerbEntry& entry = d_->verb_entries[d_->verb_forms[h.form].entry];
    CodePair code = SplitPair(entry.code);
    if (!IsEventCode(code.active)) continue;
    int32_t tgt = DefaultTarget(*c, g, TargetLimit(*c, gi), g.subject_np);
    Emit(c, g, g.subject_np, tgt, code, false, entry_rule_[d_->verb_forms[h.form].entry],
         nullptr);
  }
}

std::string EventCoderImpl::Explain(const Document& doc, const AnalyzedText& text,
                                    const DocumentCoding& coding, uint32_t sentence) const {
  std::ostringstream o;
  if (sentence >= coding.sentences.size() || sentence >= text.sentences.size()) {
    return "no such sentence\n";
  }
  const SentenceCoding& sc = coding.sentences[sentence];
  const Sentence& s = text.sentences[sentence];
  o << "sentence " << sentence << ": " << doc.text.substr(s.start, s.end - s.start) << "\n";
  o << "  tokens:";
  for (uint32_t i = s.first_token; i < s.end_token; ++i) {
    o << " " << i << ":" << text.tokens[i].norm;
    if (text.tokens[i].lemma != text.tokens[i].norm) o << "/" << text.tokens[i].lemma;
  }
  o << "\n";
  if (sc.discarded) o << "  discarded by a discard phrase\n";
  for (const ActorMention& m : sc.mentions) {
    o << "  mention '" << m.actor.text << "' -> " << m.actor.code << " (" << m.actor.via
      << (m.compound ? ", compound" : "") << (m.actor.framing.empty() ? "" : ", framing '")
      << m.actor.framing << (m.actor.framing.empty() ? "" : "'") << ")\n";
  }
  static const char* kKinds[] = {"main", "reported", "reporting", "relative", "subordinate",
                                 "conditional"};
  for (const Clause& cl : sc.clauses) {
    o << "  clause " << kKinds[static_cast<int>(cl.kind)] << " tokens [" << cl.first_token
      << "," << cl.end_token << ")";
    if (cl.speaker >= 0) o << " speaker " << sc.mentions[cl.speaker].actor.code;
    o << "\n";
  }
  for (const EventCandidate& ev : sc.events) {
    const Event& e = ev.event;
    o << "  event " << e.source.code << " " << e.code << " "
      << (e.target ? e.target->code : "---") << "  rule " << e.rule
      << (ev.passive ? " passive" : "") << (ev.negated ? " negated" : "")
      << (ev.modal.empty() ? "" : " modal '" + ev.modal + "'") << "\n";
  }
  return o.str();
}

}  // namespace

StatusOr<std::shared_ptr<const EventCoder>> EventCoder::Create(
    std::shared_ptr<const CompiledDictionary> dictionary, CoderOptions options) {
  if (!dictionary) return InvalidArgumentError("EventCoder::Create: no dictionary");
  const auto* impl = dynamic_cast<const CompiledDictionaryImpl*>(dictionary.get());
  if (!impl) return InvalidArgumentError("EventCoder::Create: unsupported dictionary type");
  return std::shared_ptr<const EventCoder>(
      std::make_shared<EventCoderImpl>(std::move(dictionary), impl, options));
}

}  // namespace parley
