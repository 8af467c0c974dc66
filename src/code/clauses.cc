// Verb groups (auxiliaries, negation, modals, passive, infinitive,
// coordination) and clauses (reporting structures, subordinate and relative
// clauses) of one sentence.
#include "code/clauses.h"

#include <algorithm>

namespace parley::coder_internal {
namespace {

constexpr uint32_t kVerbGroupWords = kWcAux | kWcModal | kWcNeg | kWcAdverb | kWcBe | kWcTo;

void FillGroup(SentenceCtx& c, const VerbHit& h, VerbGroup* g) {
  uint32_t head = h.first;
  if (h.form >= 0) head = h.first + c.dict->verb_forms[h.form].verb_index;
  uint32_t b = h.first;
  bool be_before = false;
  bool seen_non_adverb = false;
  while (b > c.first) {
    uint32_t k = c.cls(b - 1);
    // Scare quotes around the verb: were "eliminated".
    if ((k & kWcQuote) && b == h.first && b - 1 > c.first &&
        (c.cls(b - 2) & kVerbGroupWords) && !(c.cls(b - 2) & kWcDet)) {
      --b;
      continue;
    }
    if (!(k & kVerbGroupWords) || (k & kWcDet)) break;
    --b;
    if (k & kWcNeg) g->negated = true;
    if ((k & kWcModal) && g->modal.empty()) g->modal = std::string(c.token(b).norm);
    if (k & kWcTo) g->infinitive = true;  // "to attack", "to have attacked"
    if (!seen_non_adverb && !(k & (kWcAdverb | kWcNeg))) {
      be_before = (k & kWcBe) != 0;
      seen_non_adverb = true;
    }
  }
  g->first = b;
  g->end = h.end;
  const Token& t = c.token(head);
  g->passive = be_before && LooksParticiple(t.norm, t.lemma);
  // "Hizballah fighters backed by Iranian forces": a participle right after a
  // noun phrase and followed by "by" is a passive reduced relative; so is
  // one set off by commas ("M23 rebels, backed by Rwanda, seized ..."),
  // whose whole span up to the closing comma subject searches skip.
  const bool reduced_shape = !g->passive && b == h.first && b > c.first && h.end < c.end &&
                             (c.cls(h.end) & kWcBy) && LooksParticiple(t.norm, t.lemma) &&
                             (t.norm.size() > 2 && t.norm.substr(t.norm.size() - 2) == "ed");
  const bool after_np = reduced_shape && c.tok(b - 1).np >= 0;
  const bool after_comma = reduced_shape && !after_np && b > c.first + 1 &&
                           (c.cls(b - 1) & kWcComma) && c.tok(b - 2).np >= 0;
  if (after_np || after_comma) {
    g->passive = true;
    uint32_t end = h.end;
    if (after_comma) {
      for (uint32_t k = h.end; k < c.end && !(c.cls(k) & kWcStop); ++k) {
        if (c.tok(k).is_verb) break;
        if (c.cls(k) & kWcComma) {
          end = k + 1;
          break;
        }
      }
    }
    for (uint32_t k = after_comma ? b - 1 : h.first; k < end; ++k) c.tok(k).reduced = true;
  }
  if (b > c.first && (c.cls(b - 1) & kWcConj)) g->coordinated = true;
  if (g->infinitive && g->modal.empty()) g->modal = "to";
}

int32_t NpAt(const SentenceCtx& c, uint32_t i) {
  return i >= c.first && i < c.end ? c.tok(i).np : -1;
}

// Start of a relative clause that covers token i and ends before `before`.
int32_t RelativeCovering(const SentenceCtx& c, uint32_t i, uint32_t before) {
  for (const Clause& cl : c.out->clauses) {
    if (cl.kind == Clause::Kind::kRelative && i >= cl.first_token && i < cl.end_token &&
        cl.end_token <= before) {
      return static_cast<int32_t>(cl.first_token);
    }
  }
  return -1;
}

int32_t CodedNpAfter(const SentenceCtx& c, uint32_t from, uint32_t limit) {
  const auto& nps = c.s->nps;
  for (size_t k = 0; k < nps.size(); ++k) {
    if (nps[k].first >= from && nps[k].first < limit && !nps[k].members.empty()) {
      return static_cast<int32_t>(k);
    }
  }
  return -1;
}

// "announced an investigation", "declared a ceasefire": a direct object NP
// that is not the subject of a reported clause ("announced the army would
// withdraw") makes announce/declare an event verb, not a reporting verb.
bool TakesDirectObject(const SentenceCtx& c, const VerbHit& h) {
  if (!(c.cls(h.first) & kWcObjectReport) || h.end >= c.end) return false;
  if (c.cls(h.end) & (kWcThat | kWcComma | kWcQuote | kWcTo | kWcStop | kWcPrep)) return false;
  int32_t np = NpAt(c, h.end);
  if (np < 0 || c.s->nps[np].first != h.end || c.s->nps[np].pronoun) return false;
  uint32_t after = c.s->nps[np].end;
  if (after >= c.end) return true;
  if (c.tok(after).verb >= 0) return false;
  return !(c.cls(after) & (kWcAux | kWcModal | kWcBe | kWcAdverb | kWcNeg));
}

// ", saying ...", ", adding that ...": a participle reporting verb after a
// comma reports what follows; its speaker is the subject of the latest finite
// verb group before the comma (-1 when there is none).
int32_t ParticipleSpeaker(const SentenceCtx& c, const VerbHit& h, int32_t group) {
  uint32_t b = c.s->groups[group].first;
  if (b <= c.first || !(c.cls(b - 1) & kWcComma) || !c.token(h.first).norm.ends_with("ing")) {
    return -1;
  }
  // The latest finite verb before the comma ("Arriving for talks with NATO
  // ministers, EU chief Mogherini urged ..., saying": "urged").
  for (int32_t gi = group; gi-- > 0;) {
    const VerbGroup& g = c.s->groups[gi];
    if (g.end >= b || g.infinitive || c.token(g.end - 1).norm.ends_with("ing")) continue;
    if (g.first > c.first && (c.cls(g.first - 1) & kWcRelPron)) continue;  // "the truce that helped"
    if (int32_t np = SubjectOf(c, static_cast<size_t>(gi)); np >= 0) return np;
  }
  return -1;
}

// "Israel struck Damascus, saying it was protecting the Druze": a subject
// pronoun right after the participle (or its "that") is the speaker, not the
// most recent mention.
void SpeakerPronoun(SentenceCtx* c, uint32_t after, int32_t speaker_np) {
  if (after < c->end && (c->cls(after) & kWcThat)) ++after;
  int32_t pn = NpAt(*c, after);
  const auto& spk = c->s->nps[speaker_np].members;
  if (pn < 0 || !c->s->nps[pn].pronoun || spk.empty()) return;
  const ActorMention& who = c->out->mentions[spk[0]];
  if (who.agent_only) return;  // "the mayor ..., saying he": keep the resolved "he"
  for (int32_t m : c->s->nps[pn].members) {
    ActorMention& pm = c->out->mentions[m];
    if (!pm.pronoun) continue;
    pm.actor.code = who.actor.code;
    pm.actor.name = who.actor.name;
    pm.actor.framing = who.actor.framing;
    pm.agent_only = who.agent_only;
    pm.action = who.action;
  }
}

// "X said ...", "..., saying ...": the reporting clause runs from `from` to
// the end of the verb, the reported one from there to the end of the
// sentence, and the verb bounds the searches on both sides.
void ReportsWhatFollows(SentenceCtx* c, const VerbHit& h, uint32_t from, Clause* reporting,
                        Clause* reported) {
  reporting->first_token = from;
  reporting->end_token = h.end;
  reported->first_token = h.end;
  reported->end_token = c->end;
  c->tok(h.first).barrier = true;
  c->tok(h.first).stop = true;
}

// Reporting structure around report verb hit `r`; fills the clause records.
void Reporting(SentenceCtx* c, const VerbHit& h, int32_t group) {
  auto& clauses = c->out->clauses;
  uint32_t v = h.first;
  int32_t speaker_np = -1;
  Clause reporting, reported;
  reporting.kind = Clause::Kind::kReporting;
  reported.kind = Clause::Kind::kReported;
  reported.reporting_verb = reporting.reporting_verb = static_cast<int32_t>(v);
  if (c->cls(v) & kWcAccording) {  // "according to X"
    speaker_np = NpAt(*c, v + 2);
    uint32_t e = speaker_np >= 0 ? c->s->nps[speaker_np].end : v + 2;
    reporting.first_token = v > c->first && (c->cls(v - 1) & kWcComma) ? v - 1 : v;
    reporting.end_token = std::min(c->end, e);
    bool at_end = reporting.end_token + 1 >= c->end;
    reported.first_token = at_end ? c->first : reporting.end_token;
    reported.end_token = at_end ? reporting.first_token : c->end;
    for (uint32_t i = reporting.first_token; i < reporting.end_token; ++i) c->tok(i).stop = true;
    c->tok(reporting.end_token - 1).barrier = true;
  } else if (int32_t main = ParticipleSpeaker(*c, h, group); main >= 0) {
    // "The Houthis claimed the attack, saying they had targeted a destroyer":
    // what follows is reported, by the main clause's subject.
    speaker_np = main;
    SpeakerPronoun(c, h.end, main);
    ReportsWhatFollows(c, h, c->s->groups[group].first - 1, &reporting, &reported);
  } else {
    uint32_t b = c->s->groups[group].first;
    int32_t before = b > c->first ? NpAt(*c, b - 1) : -1;
    uint32_t np_first = before >= 0 ? c->s->nps[before].first : b;
    // "After the talks, X affirmed that ...": a verb followed by "that"
    // introduces what follows, whatever precedes the comma.
    bool that_follows = h.end < c->end && (c->cls(h.end) & kWcThat) != 0;
    bool trailing = !that_follows && np_first > c->first &&
                    (c->cls(np_first - 1) & (kWcComma | kWcQuote)) != 0;
    bool inverted = !that_follows && b > c->first &&
                    (c->cls(b - 1) & (kWcComma | kWcQuote)) != 0;
    if (trailing || inverted) {
      speaker_np = trailing ? before : NpAt(*c, h.end);
      uint32_t start = trailing ? np_first - 1 : b - 1;
      while (start > c->first && (c->cls(start - 1) & (kWcComma | kWcQuote))) --start;
      reporting.first_token = start;
      reporting.end_token = c->end;
      reported.first_token = c->first;
      reported.end_token = start;
      for (uint32_t i = start; i < c->end; ++i) c->tok(i).stop = true;
    } else {
      speaker_np = SubjectOf(*c, static_cast<size_t>(group));
      ReportsWhatFollows(c, h, speaker_np >= 0 ? c->s->nps[speaker_np].first : b, &reporting,
                         &reported);
    }
  }
  if (speaker_np >= 0 && !c->s->nps[speaker_np].members.empty()) {
    reported.speaker = c->s->nps[speaker_np].members[0];
  }
  c->s->groups[group].subject_np = speaker_np;
  reporting.parent = reported.parent = 0;
  c->s->groups[group].clause = static_cast<int32_t>(clauses.size());
  clauses.push_back(reporting);
  clauses.push_back(reported);
}

void Subordinates(SentenceCtx* c) {
  if (!(c->s->classes & (kWcSubConj | kWcRelPron))) return;
  auto& clauses = c->out->clauses;
  TokInfo* toks = c->s->toks.data();  // sentence-relative
  const uint32_t n = c->end - c->first;
  for (uint32_t i = 0; i < n; ++i) {
    uint32_t k = toks[i].cls;
    if (!(k & (kWcSubConj | kWcRelPron))) continue;
    uint32_t e = i + 1;
    bool verb = false;
    while (e < n && !(toks[e].cls & (kWcComma | kWcStop)) && !toks[e].stop) {
      verb |= toks[e].is_verb;
      ++e;
    }
    if (!verb) continue;
    toks[i].barrier = true;
    Clause cl;
    cl.first_token = c->first + i;
    cl.end_token = c->first + e;
    cl.parent = 0;
    cl.kind = (k & kWcRelPron)     ? Clause::Kind::kRelative
              : (k & kWcCondition) ? Clause::Kind::kConditional
                                   : Clause::Kind::kSubordinate;
    clauses.push_back(cl);
  }
}

}  // namespace

void BuildClauses(SentenceCtx* c) {
  Scratch& s = *c->s;
  if (s.classes & (kWcThat | kWcStop | kWcQuote)) {
    TokInfo* toks = s.toks.data();  // sentence-relative
    const Token* tokens = c->text->tokens.data() + c->first;
    for (uint32_t i = 0, n = c->end - c->first; i < n; ++i) {
      const uint32_t k = toks[i].cls;
      if (!(k & (kWcThat | kWcStop | kWcQuote))) continue;
      toks[i].barrier = true;
      if ((k & kWcStop) && tokens[i].norm != "(" && tokens[i].norm != ")") toks[i].stop = true;
    }
  }
  for (size_t hi = 0; hi < s.verbs.size(); ++hi) {
    if (!s.verbs[hi].accepted) continue;
    VerbGroup g;
    g.hit = static_cast<int32_t>(hi);
    FillGroup(*c, s.verbs[hi], &g);
    s.groups.push_back(g);
  }
  Clause main;
  main.first_token = c->first;
  main.end_token = c->end;
  c->out->clauses.push_back(main);
  Subordinates(c);
  for (size_t gi = 0; gi < s.groups.size(); ++gi) {
    VerbHit& h = s.verbs[s.groups[gi].hit];
    if (h.report && s.groups[gi].passive) h.report = false;  // "was reported on ..."
    if (h.report && TakesDirectObject(*c, h)) h.report = false;
    if (h.report) Reporting(c, h, static_cast<int32_t>(gi));
  }
  for (VerbGroup& g : s.groups) {
    if (g.clause >= 0) continue;
    int32_t best = 0;
    uint32_t best_size = c->end - c->first + 1;
    for (size_t k = 0; k < c->out->clauses.size(); ++k) {
      const Clause& cl = c->out->clauses[k];
      uint32_t size = cl.end_token - cl.first_token;
      if (g.first >= cl.first_token && g.first < cl.end_token && size < best_size) {
        best = static_cast<int32_t>(k);
        best_size = size;
      }
    }
    g.clause = best;
  }
}

int32_t SubjectOf(const SentenceCtx& c, size_t gi) {
  const VerbGroup& g = c.s->groups[gi];
  const auto& nps = c.s->nps;
  uint32_t start = c.first;
  bool after_verb = false;
  bool has_boundary = false;
  // Relative clauses start at a relative pronoun (Subordinates).
  const bool relatives = (c.s->classes & kWcRelPron) != 0;
  for (uint32_t i = g.first; i-- > c.first;) {
    int32_t rel = relatives ? RelativeCovering(c, i, g.first) : -1;
    if (rel >= 0) {  // skip ", which controls Gaza," back to its antecedent
      i = static_cast<uint32_t>(rel);
      continue;
    }
    if (c.tok(i).reduced) {  // skip "backed by Iranian forces"
      continue;
    }
    if (c.tok(i).is_verb && !c.tok(i).barrier) {
      start = i;
      after_verb = has_boundary = true;
      break;
    }
    if (c.tok(i).barrier) {
      start = i;
      has_boundary = true;
      break;
    }
  }
  // "X told AFP (that) ...": the NP right after a reporting verb is the
  // addressee, not a subject.
  bool after_report = has_boundary && c.tok(start).verb >= 0 &&
                      c.s->verbs[c.tok(start).verb].report &&
                      c.token(start).lemma == "tell";
  for (size_t k = 0; k < nps.size() && !after_verb; ++k) {
    const NounPhrase& np = nps[k];
    if (np.first < start || np.end > g.first || np.members.empty()) continue;
    if (after_report && np.first == c.s->verbs[c.tok(start).verb].end) continue;
    if (np.prep < 0 || (has_boundary && np.prep == static_cast<int32_t>(start))) {
      return static_cast<int32_t>(k);
    }
  }
  if (has_boundary && !after_verb && (c.cls(start) & (kWcRelPron | kWcThat))) {
    uint32_t a = start;
    while (a > c.first && (c.cls(a - 1) & kWcComma)) --a;
    int32_t ante = a > c.first ? NpAt(c, a - 1) : -1;
    if (ante >= 0 && !nps[ante].members.empty()) return ante;
    if (ante >= 0 && nps[ante].absorbed_by >= 0) return nps[ante].absorbed_by;
  }
  if (gi > 0 && (g.coordinated || g.infinitive)) {
    const VerbGroup& prev = c.s->groups[gi - 1];
    if (g.coordinated || !prev.produced) return prev.subject_np;
  }
  // "Hamas rejected the proposal, accusing Israel of stalling": a participle
  // after a comma, with no subject of its own, is the previous verb's
  // subject's.
  if (gi > 0 && ParticipleAfterComma(c, g)) return c.s->groups[gi - 1].subject_np;
  return -1;
}

bool ParticipleAfterComma(const SentenceCtx& c, const VerbGroup& g) {
  return g.first > c.first && (c.cls(g.first - 1) & kWcComma) && !g.passive && g.modal.empty() &&
         c.token(g.first).norm.ends_with("ing");
}

uint32_t TargetLimit(const SentenceCtx& c, size_t gi) {
  const VerbGroup& g = c.s->groups[gi];
  uint32_t limit = c.end;
  for (uint32_t i = g.end; i < c.end; ++i) {
    if (c.tok(i).stop) {
      limit = i;
      break;
    }
  }
  for (size_t k = gi + 1; k < c.s->groups.size(); ++k) {
    const VerbGroup& n = c.s->groups[k];
    if (n.first >= limit) break;
    const VerbHit& h = c.s->verbs[n.hit];
    // A later clause with its own coded subject ("..., after Calenardhon
    // crowds burned ...") ends the search at that subject.
    int32_t before = n.first > g.end ? NpAt(c, n.first - 1) : -1;
    const NounPhrase* bn = before >= 0 ? &c.s->nps[before] : nullptr;
    if (bn && !n.coordinated && !bn->members.empty() && bn->first > g.end &&
        (bn->prep < 0 || (c.cls(bn->prep) & kWcSubConj))) {
      return bn->first;
    }
    // "rejected this plan and introduced new conditions ... along Gaza's
    // border": a coordinated verb after the object starts its own predicate
    // ("attacked and killed X" shares X: no object in between).
    if (n.coordinated && n.first > g.end + 1 && NpAt(c, g.end) >= 0) return n.first;
    if (h.report || h.form < 0) continue;
    // "agreed to resume military aid ... with Kyiv", "threatened to expand
    // their attacks on Israel": an infinitive right after the verb is its
    // complement; the target may be inside it.
    if (n.infinitive && n.first == g.end && c.options->target_inside_infinitive) continue;
    const CompiledVerbEntry& e = c.dict->verb_entries[c.dict->verb_forms[h.form].entry];
    if (IsEventCode(e.code)) return n.first;
  }
  return limit;
}

// True when every mention of `np` has a code among the mentions of `other`
// ("Sam Gamgee ... whether he ...": "he" is not a target of Sam Gamgee).
bool SameActors(const SentenceCtx& c, const NounPhrase& np, int32_t other) {
  if (other < 0) return false;
  const auto& ms = c.out->mentions;
  for (int32_t m : np.members) {
    bool found = false;
    for (int32_t o : c.s->nps[other].members) found |= ms[o].actor.code == ms[m].actor.code;
    if (!found) return false;
  }
  return true;
}

int32_t DefaultTarget(const SentenceCtx& c, const VerbGroup& g, uint32_t limit,
                      int32_t exclude) {
  const auto& nps = c.s->nps;
  for (size_t k = 0; k < nps.size(); ++k) {
    if (nps[k].first < g.end || nps[k].first >= limit || nps[k].members.empty()) continue;
    if (static_cast<int32_t>(k) == exclude || SameActors(c, nps[k], exclude)) continue;
    return static_cast<int32_t>(k);
  }
  return -1;
}

int32_t ByAgent(const SentenceCtx& c, const VerbGroup& g, uint32_t limit, bool wide) {
  const auto& nps = c.s->nps;
  for (size_t k = 0; k < nps.size(); ++k) {
    const NounPhrase& np = nps[k];
    if (np.first < g.end || np.first >= limit || np.members.empty() || np.prep < 0) continue;
    std::string_view p = c.token(np.prep).norm;
    if (p == "by" || (wide && (p == "from" || p == "in"))) return static_cast<int32_t>(k);
  }
  (void)CodedNpAfter;
  return -1;
}

int32_t FromAgent(const SentenceCtx& c, const VerbGroup& g, uint32_t limit) {
  int32_t np = g.end + 1 < limit && c.token(g.end).norm == "from" ? NpAt(c, g.end + 1) : -1;
  return np >= 0 && !c.s->nps[np].members.empty() ? np : -1;
}

}  // namespace parley::coder_internal
