// Attribution: who the article credits with each stretch of text.
//
// Algorithm, per sentence:
//   1. Reporting verbs ("said", "told", "stressed" ... from [verb]): the
//      speaker is the subject group before the verb, delimited by the nearest
//      ',', quote, ';', ':' or "that" ("Izzat al-Rishq, a member of Hamas'
//      political bureau, has highlighted that ..."), or the group right after
//      an inverted verb ("..., said Haniyeh in a press release"). A pronoun
//      subject ("he added") resolves through the coder's coreference or the
//      most recent mention. A subject with a relay noun ("a source from X",
//      "a statement from X") marks the report as relayed; a subject without
//      any actor ("a source confirmed", "officials said") is anonymous.
//      The credited region is what follows when the verb introduces a clause
//      ("that", ':', an opening quote, or a subject mention), else what
//      precedes when the report comes after the content (", X said").
//   2. "according to X": forward when it opens the sentence, else backward
//      up to the previous attribution cue of the sentence.
//   3. The coder's kReported clauses with a speaker fill gaps.
//   4. Quotations spanning several sentences inherit the report found at
//      their opening or closing sentence.
// News agencies after "told" ("told AFP") are the channel, never the speaker:
// they are objects, not subjects, so step 1 never picks them.
#include <algorithm>
#include <array>
#include <vector>

#include "claims/claims_internal.h"

namespace parley::claims {
namespace {

bool IsSkippableBeforeVerb(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "also", "further", "later", "has", "have", "had", "been", "was", "were", "is", "are",
      "then", "earlier", "again", "previously", "reportedly", "allegedly", "repeatedly",
      "publicly", "recently", "additionally", "however", "would", "will", "did", "does", "do",
      "once", "even", "already", "separately", "subsequently", "explicitly", "clearly"};
  // Only the words with w's first byte are compared (bucketed once).
  static const std::array<std::vector<std::string_view>, 256> kByFirst = [] {
    std::array<std::vector<std::string_view>, 256> t;
    for (std::string_view k : kWords) t[static_cast<uint8_t>(k[0])].push_back(k);
    return t;
  }();
  if (w.empty()) return false;
  for (std::string_view k : kByFirst[static_cast<uint8_t>(w[0])]) {
    if (w == k) return true;
  }
  return false;
}

bool IsSubjectBoundary(const DocContext& ctx, uint32_t i) {
  const Token& t = ctx.tok(i);
  if (t.has(kTokQuote)) return true;
  std::string_view w = t.norm;
  return w == "," || w == ";" || w == ":" || w == "(" || w == ")" || w == "that" || w == "-" ||
         w == "--" || w == "and" || w == "but" || w == "while";
}

bool HasSectionIn(const DocContext& ctx, uint32_t s, Section sec, uint32_t first, uint32_t end) {
  for (const LexMatch& m : ctx.matches[s]) {
    if (m.first >= first && m.end <= end && ctx.entry(m).section == sec) return true;
  }
  return false;
}

void SetSpeaker(const DocContext& ctx, const ActorMention* m, Report* r) {
  if (m == nullptr) return;
  r->speaker = m->actor;
  r->speaker_first = m->first_token;
  r->speaker_end = m->end_token;
  (void)ctx;
}

bool IsPartitiveQuantifier(const DocContext& ctx, uint32_t i) {
  static constexpr std::string_view kWords[] = {"one",  "two",  "three", "some", "each",    "several", "many",
                                       "most", "both", "all",   "none", "another", "either",  "neither"};
  for (std::string_view w : kWords) {
    if (ctx.Is(i, w)) return true;
  }
  return ctx.tok(i).has(kTokNumber);
}

// "one of them", "two of the officials": a partitive at `first` whose group
// names no actor refers to the speakers of the latest named report before it
// (same sentence, else the two previous ones): "two senior Hamas officials
// told AFP ... According to one of them, ..." -> Hamas. Returns false when
// [first, end) does not open with such a partitive or no report precedes it.
bool SetPartitiveSpeaker(const DocContext& ctx, uint32_t s, uint32_t first, uint32_t end, Report* r) {
  if (first + 2 >= end || !IsPartitiveQuantifier(ctx, first) || !ctx.Is(first + 1, "of")) return false;
  uint32_t g = first + 2;
  bool them = ctx.Is(g, "them");
  bool the_group = ctx.Is(g, "the") || ctx.Is(g, "those") || ctx.Is(g, "these");
  if (!them && !the_group) return false;
  // "One of the mediators, Egypt, said": a named actor in the subject speaks.
  if (ctx.FirstMentionIn(s, g, end) != nullptr) return false;
  uint32_t floor = s >= 2 ? s - 2 : 0;
  for (uint32_t p = s + 1; p-- > floor;) {
    const std::vector<Report>& reps = ctx.reports[p];
    for (auto it = reps.rbegin(); it != reps.rend(); ++it) {
      if (!it->speaker || (p == s && it->cue_end > first)) continue;
      r->speaker = it->speaker;
      r->speaker->via = "partitive+previous report";
      r->speaker_first = it->speaker_first;
      r->speaker_end = it->speaker_end;
      return true;
    }
  }
  return false;
}

// An agent-only speaker ("the Civil Defense" -> ---GOV) takes the country
// most mentioned in its sentence: the local authority of the place reported
// (civil roles only).
void SetAgentSpeaker(const DocContext& ctx, uint32_t s, const ActorMention* m, Report* r) {
  if (m == nullptr || !m->actor.code.starts_with("---")) return;
  // Armed actors are not the local authority: "the army said ... from
  // Lebanon" must not become LBNMIL.
  std::string_view role = std::string_view(m->actor.code).substr(3);
  if (role.starts_with("MIL") || role.starts_with("REB") || role.starts_with("UAF")) return;
  std::string country = LocalCountry(ctx, s);
  if (country.empty()) return;
  SetSpeaker(ctx, m, r);
  r->speaker->code = country + m->actor.code.substr(3);
  r->speaker->via = "agent+local country";
}

// What a generic definite speaker ("the military said", "the charity said",
// "the agency said") can refer back to: an actor code of the matching kind.
bool HeadMatchesCode(std::string_view head, std::string_view code) {
  std::string_view role = code.size() >= 3 ? code.substr(3) : std::string_view();
  bool intl = code.starts_with("IGO") || code.starts_with("NGO");
  if (head == "military" || head == "army") return role.starts_with("MIL");
  if (head == "charity" || head == "ngo") return code.starts_with("NGO");
  if (head == "agency" || head == "organization" || head == "organisation") return intl;
  if (head == "movement" || head == "militia" || head == "rebels") return role.starts_with("REB");
  return false;
}

// "the military said" after "Israeli troops killed ...": the most recent
// actor (this sentence before the cue, else the two sentences before) whose
// code has the kind the generic head names.
const ActorMention* GenericSpeaker(const DocContext& ctx, uint32_t s, uint32_t first, uint32_t end) {
  std::string_view head;
  for (uint32_t i = first; i < end; ++i) {
    std::string_view w = ctx.norm(i);
    // Every head word starts with one of these letters.
    if (w.empty() || std::string_view("macnor").find(w[0]) == std::string_view::npos) continue;
    if (HeadMatchesCode(w, "NGO") || HeadMatchesCode(w, "IGO") || HeadMatchesCode(w, "XXXMIL") ||
        HeadMatchesCode(w, "XXXREB")) {
      head = w;
    }
  }
  if (head.empty()) return nullptr;
  uint32_t floor = ctx.text->sentences[s >= 2 ? s - 2 : 0].first_token;
  const ActorMention* best = nullptr;
  for (const DocMention& dm : ctx.mentions) {
    const ActorMention* m = dm.m;
    if (m->first_token >= first) break;
    if (m->first_token < floor || m->agent_only || m->end_token > first) continue;
    if (HeadMatchesCode(head, m->actor.code)) best = m;
  }
  return best;
}

// Resolves the subject group [first, end) of a reporting cue.
void ResolveSubject(const DocContext& ctx, uint32_t s, uint32_t first, uint32_t end, Report* r) {
  if (first >= end) return;
  r->relay = HasSectionIn(ctx, s, Section::kRelay, first, end);
  if (SetPartitiveSpeaker(ctx, s, first, end, r)) return;
  if (const ActorMention* m = ctx.FirstMentionIn(s, first, end)) {
    SetSpeaker(ctx, m, r);
    return;
  }
  for (uint32_t i = first; i < end; ++i) {
    if (IsPossessivePronoun(ctx.norm(i))) {  // "its officials said"
      SetSpeaker(ctx, ctx.ResolvePronoun(s, i), r);
      return;
    }
  }
  if (HasSectionIn(ctx, s, Section::kAnonymous, first, end)) return;
  for (uint32_t i = first; i < end; ++i) {
    if (const ActorMention* m = ctx.MentionAt(s, i, true)) {
      SetAgentSpeaker(ctx, s, m, r);
      if (r->speaker) return;
    }
  }
  if (const ActorMention* m = GenericSpeaker(ctx, s, first, end)) {
    SetSpeaker(ctx, m, r);
    r->speaker->via = "generic speaker+earlier actor";
    return;
  }
  for (uint32_t i = first; i < end && i < first + 3; ++i) {
    if (IsPronoun(ctx.norm(i))) {
      SetSpeaker(ctx, ctx.ResolvePronoun(s, i), r);
      return;
    }
  }
}

// "is/was/were claimed to have": the passive reports no speaker.
bool IsPassiveAux(std::string_view w) {
  return w == "is" || w == "was" || w == "are" || w == "were" || w == "been" || w == "be";
}

// True when the reporting verb ending at `ve` introduces a clause.
bool IntroducesClause(const DocContext& ctx, uint32_t s, uint32_t ve, uint32_t send) {
  uint32_t i = ve;
  while (i < send && IsSkippableBeforeVerb(ctx.norm(i))) ++i;
  if (i >= send) return false;
  if (ctx.Is(i, "that") || ctx.Is(i, ":") || ctx.tok(i).has(kTokQuote)) return true;
  if (IsPronoun(ctx.norm(i)) && !IsPossessivePronoun(ctx.norm(i))) return true;
  if (ctx.MentionAt(s, i, true) != nullptr || (ctx.Is(i, "the") && ctx.MentionAt(s, i + 1, true))) {
    return true;
  }
  // "said the delegation will observe": an auxiliary soon after the verb.
  static constexpr std::string_view kAux[] = {"will", "would", "was", "were", "had", "has", "have", "is",
                                     "are", "could", "can", "did", "should", "may", "might", "must"};
  for (uint32_t k = i; k < send && k < i + 8 && !ctx.Is(k, ","); ++k) {
    std::string_view w = ctx.norm(k);
    if (w.size() < 2 || w.size() > 6) continue;  // no auxiliary has another length
    for (std::string_view a : kAux) {
      if (w == a) return true;
    }
  }
  // "told AFP that", "said in a statement on Saturday that", "told reporters:".
  for (uint32_t k = i; k < send && k < i + 9; ++k) {
    std::string_view w = ctx.norm(k);
    if (w == "that" || w == ":" || ctx.tok(k).has(kTokQuote)) return true;
    if (w == "," || w == ";" || w == "." ) break;
  }
  return false;
}

uint32_t PreviousCueEnd(const DocContext& ctx, uint32_t s, uint32_t before) {
  uint32_t start = ctx.text->sentences[s].first_token;
  for (const Report& r : ctx.reports[s]) {
    if (r.cue_end <= before && r.speaker_end <= before) {
      start = std::max(start, std::max(r.cue_end, r.speaker_end));
    }
  }
  return start;
}

// "to" at i - 1 opens an infinitive ("claimed to have targeted"), not a
// phrase ("announced to AFP", "told to reporters", "to the press"): the
// word at i is a lower-case base form and no determiner.
bool InfinitiveAt(const DocContext& ctx, uint32_t i, uint32_t send) {
  if (i >= send || !ctx.Is(i - 1, "to")) return false;
  const Token& t = ctx.text->tokens[i];
  if (!t.has(kTokWord) || t.has(kTokCapitalized) || t.norm != t.lemma) return false;
  static constexpr std::string_view kDeterminers[] = {"the", "a",   "an",  "its",  "their",
                                                      "his", "her", "our", "this", "these"};
  for (std::string_view det : kDeterminers) {
    if (t.norm == det) return false;
  }
  return true;
}

void VerbReport(DocContext* ctx, uint32_t s, const LexMatch& m) {
  const Sentence& sent = ctx->text->sentences[s];
  const LexiconEntry& e = ctx->entry(m);
  Report r;
  r.cue_first = m.first;
  r.cue_end = m.end;
  r.rule = e.rule;
  r.negates = e.has("negates");
  if (e.has("hedge")) r.hedge = ctx->norm(m.first);
  // Subject before the verb.
  uint32_t k = m.first;
  while (k > sent.first_token && IsSkippableBeforeVerb(ctx->norm(k - 1))) --k;
  uint32_t b = k;
  while (b > sent.first_token && b + 12 > k && !IsSubjectBoundary(*ctx, b - 1)) --b;
  bool participle = ctx->norm(m.first).ends_with("ing");
  // "Hamas accused Israel of X and said the mediators should ...": a second
  // predicate of the sentence's subject, not an inverted "said the X".
  bool coordinated = b == k && k > sent.first_token && (ctx->Is(k - 1, "and") || ctx->Is(k - 1, "but"));
  const ActorMention* inverted_subject = nullptr;
  if (b == k && !participle && !coordinated) {
    // "..., said Haniyeh in a press release" / "said the army".
    uint32_t a = m.end;
    if (ctx->Is(a, "the")) ++a;
    inverted_subject = ctx->MentionAt(s, a, true);
  }
  bool inverted = inverted_subject != nullptr;
  // "Israel struck X, saying it was protecting Y": a participle credits only
  // what follows it; the main clause stays in the outlet's voice.
  bool after_content = !participle && b > sent.first_token && IsSubjectBoundary(*ctx, b - 1) && !ctx->Is(b - 1, "that") &&
                       !ctx->Is(b - 1, "and");
  // "Russia was claimed/said to have shelled X": a passive reporting verb
  // names no speaker (its subject is the actor reported on). The active "Israel
  // claimed to have targeted X" introduces a clause (the aux "have" below).
  if (ctx->Is(m.end, "to") && m.first > sent.first_token && IsPassiveAux(ctx->norm(m.first - 1))) return;
  // "For its part, Israel claimed to have ...", "After the talks, X said
  // that ...": a verb followed by "that" or "to" credits what follows,
  // whatever comes before the comma.
  if (after_content && m.end < sent.end_token &&
      (ctx->Is(m.end, "that") || InfinitiveAt(*ctx, m.end + 1, sent.end_token))) {
    after_content = false;
  }
  if (!inverted && !after_content && IntroducesClause(*ctx, s, m.end, sent.end_token)) {
    r.first = inverted ? r.speaker_end : m.end;
    r.end = sent.end_token;
  } else if (after_content || inverted) {
    r.first = PreviousCueEnd(*ctx, s, b);
    r.end = inverted ? m.first : b;
    if (r.end > r.first && IsSubjectBoundary(*ctx, r.end - 1)) --r.end;
  } else if (participle || coordinated) {
    r.first = m.end;
    r.end = sent.end_token;
  } else {
    return;  // "Hamas announced its agreement": the verb takes a plain object.
  }
  if (r.end <= r.first) return;
  // The speaker, resolved only for a report that is kept (the region above
  // does not depend on it).
  if (participle || coordinated) {
    // "..., saying that" / "adding that" / "and said": the subject of the
    // main clause.
    SetSpeaker(*ctx, ctx->FirstMentionIn(s, sent.first_token, m.first), &r);
    if (!r.speaker && b < k && IsPronoun(ctx->norm(b))) SetSpeaker(*ctx, ctx->ResolvePronoun(s, b), &r);
  } else {
    ResolveSubject(*ctx, s, b, k, &r);
  }
  if (inverted) ResolveSubject(*ctx, s, inverted_subject->first_token, inverted_subject->end_token, &r);
  ctx->reports[s].push_back(std::move(r));
}

// True when the cited actor ends its phrase ("citing the health ministry.",
// "citing Hamas officials as saying"), not when a noun follows it.
bool EndsCitedSource(const DocContext& ctx, uint32_t who_end, uint32_t send) {
  if (who_end >= send) return true;
  std::string_view w = ctx.norm(who_end);
  static constexpr std::string_view kAfter[] = {",", ".", ";", ":", "as", "that", "in", "on", "and",
                                       "which", "who", "official", "officials", "source",
                                       "sources", "spokesman", "spokesperson", "statement"};
  for (std::string_view k : kAfter) {
    if (w == k) return true;
  }
  return ctx.tok(who_end).has(kTokQuote);
}

void AccordingReport(DocContext* ctx, uint32_t s, const LexMatch& m) {
  const Sentence& sent = ctx->text->sentences[s];
  Report r;
  r.cue_first = m.first;
  r.cue_end = m.end;
  r.rule = ctx->entry(m).rule;
  r.relay = true;
  uint32_t who_end = m.end;
  uint32_t phrase_end = m.end;
  while (phrase_end < sent.end_token && !ctx->Is(phrase_end, ",") && !ctx->Is(phrase_end, ".")) ++phrase_end;
  if (SetPartitiveSpeaker(*ctx, s, m.end, phrase_end, &r)) {
    who_end = m.end + 3;
  }
  for (uint32_t i = m.end; i < sent.end_token && i < m.end + 5 && !r.speaker; ++i) {
    if (const ActorMention* am = ctx->MentionAt(s, i)) {
      SetSpeaker(*ctx, am, &r);
      who_end = am->end_token;
      break;
    }
    if (const ActorMention* am = ctx->MentionAt(s, i, true);
        am != nullptr && !HasSectionIn(*ctx, s, Section::kAnonymous, am->first_token, am->end_token)) {
      SetAgentSpeaker(*ctx, s, am, &r);
      who_end = am->end_token;
      break;
    }
    if (ctx->Is(i, ",") || ctx->Is(i, ".")) break;
    if (IsPronoun(ctx->norm(i)) && !ctx->Is(i, "our") && !ctx->Is(i, "my")) {
      SetSpeaker(*ctx, ctx->ResolvePronoun(s, i), &r);
      who_end = i + 1;
      break;
    }
  }
  if (r.speaker && ctx->Is(m.first, "citing") && !EndsCitedSource(*ctx, who_end, sent.end_token)) {
    return;  // "citing EU sanctions": the actor modifies a reason, it does not speak.
  }
  if (m.first <= sent.first_token + 3) {
    r.first = who_end;
    while (r.first < sent.end_token && !ctx->Is(r.first, ",") && r.first < who_end + 6) ++r.first;
    r.end = sent.end_token;
  } else {
    // "..., contributing to a death toll that has surpassed 40,200, according
    // to the Health Ministry": a post-posed source covers the comma-delimited
    // segment before it (widened while that segment is under 6 tokens), not
    // the whole sentence.
    uint32_t floor = PreviousCueEnd(*ctx, s, m.first);
    uint32_t end = m.first;
    if (end > floor && ctx->Is(end - 1, ",")) --end;
    uint32_t b = end;
    while (b > floor) {
      while (b > floor && !ctx->Is(b - 1, ",")) --b;
      if (end - b >= 6 || b == floor) break;
      --b;
    }
    r.first = b;
    r.end = m.first;
  }
  if (r.end > r.first) ctx->reports[s].push_back(std::move(r));
}

bool Covered(const std::vector<Report>& reports, uint32_t first, uint32_t end) {
  for (const Report& r : reports) {
    if (r.first <= first && end <= r.end) return true;
  }
  return false;
}

void CoderReports(DocContext* ctx, uint32_t s) {
  const SentenceCoding* sc = ctx->coded(s);
  // Our own cues win; the coder's clauses only fill sentences without any.
  if (sc == nullptr || !ctx->reports[s].empty()) return;
  for (const Clause& c : sc->clauses) {
    if (c.kind != Clause::Kind::kReported || c.speaker < 0 ||
        c.speaker >= static_cast<int32_t>(sc->mentions.size())) {
      continue;
    }
    if (Covered(ctx->reports[s], c.first_token, c.end_token)) continue;
    Report r;
    r.first = c.first_token;
    r.end = c.end_token;
    const ActorMention& m = sc->mentions[c.speaker];
    if (m.agent_only) continue;
    SetSpeaker(*ctx, &m, &r);
    if (c.reporting_verb >= 0) {
      r.cue_first = static_cast<uint32_t>(c.reporting_verb);
      r.cue_end = r.cue_first + 1;
    }
    r.rule = "coder:clause";
    ctx->reports[s].push_back(std::move(r));
  }
}

uint32_t SentenceOf(const DocContext& ctx, uint32_t tok) {
  const auto& ss = ctx.text->sentences;
  auto it = std::upper_bound(ss.begin(), ss.end(), tok,
                             [](uint32_t t, const Sentence& x) { return t < x.first_token; });
  return it == ss.begin() ? 0 : static_cast<uint32_t>(it - ss.begin() - 1);
}

// A quotation [open, close] spanning sentences takes the report found at
// either end ('"A. B. C," Netanyahu said.').
void QuoteContinuation(DocContext* ctx) {
  const std::vector<uint32_t>& quotes = ctx->quotes;  // collected by the lexicon pass
  for (size_t q = 0; q + 1 < quotes.size(); q += 2) {
    uint32_t open = quotes[q], close = quotes[q + 1];
    uint32_t so = SentenceOf(*ctx, open), sc = SentenceOf(*ctx, close);
    if (so == sc || sc > so + 6) continue;
    const Report* rep = ReportFor(*ctx, sc, close > 0 ? close - 1 : close);
    if (rep == nullptr) rep = ReportFor(*ctx, so, open + 1);
    if (rep == nullptr) continue;
    Report copy = *rep;
    for (uint32_t s = so; s <= sc; ++s) {
      const Sentence& st = ctx->text->sentences[s];
      copy.first = std::max(st.first_token, open);
      copy.end = std::min(st.end_token, close + 1);
      if (copy.end > copy.first && !Covered(ctx->reports[s], copy.first, copy.end)) {
        ctx->reports[s].push_back(copy);
      }
    }
  }
}

}  // namespace

void FindReports(DocContext* ctx) {
  ctx->reports.resize(ctx->text->sentences.size());
  for (auto& r : ctx->reports) r.clear();
  for (uint32_t s = 0; s < ctx->text->sentences.size(); ++s) {
    constexpr uint32_t kCues = SectionBit(Section::kReportingVerb) | SectionBit(Section::kAccordingTo);
    for (const LexMatch& m : ctx->matches[s]) {
      if (!ctx->HasAny(s, kCues)) break;
      Section sec = ctx->entry(m).section;
      if (sec == Section::kReportingVerb) VerbReport(ctx, s, m);
      if (sec == Section::kAccordingTo) AccordingReport(ctx, s, m);
    }
    CoderReports(ctx, s);
  }
  QuoteContinuation(ctx);
}

const Report* ReportFor(const DocContext& ctx, uint32_t s, uint32_t i) {
  if (s >= ctx.reports.size()) return nullptr;
  const Report* best = nullptr;
  for (const Report& r : ctx.reports[s]) {
    if (i < r.first || i >= r.end || !r.speaker) continue;
    if (best == nullptr || r.end - r.first > best->end - best->first) best = &r;
  }
  return best;
}

}  // namespace parley::claims
