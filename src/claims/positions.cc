// Negotiating positions: what a party demands, accepts, rejects, offers or
// concedes.
//
// Each stance cue of stances.txt opens an item region: the words after it
// (or before it for cues marked {item=before}: "an end to the aggression is
// a prerequisite", "these concessions have been deemed inadequate") up to
// the next cue, a relative pronoun, ';' or the end of the sentence. The
// region is split into list members at ',', "and", "as well as"; each member
// is normalized through negotiation_items.txt ("a complete halt to military
// actions" -> "permanent ceasefire"). A member that names no known item
// becomes a short phrase (articles dropped) only in a negotiation context
// (a [context] word such as "ceasefire", "talks", "deal" in the sentence or
// the one before); "this plan" / "these terms" copy the items of the latest
// positions of another party.
// Conditions ("if the balloon launches stop", "in exchange for Palestinians
// held by Israel") are demands of the party of the position they qualify,
// and yield known items only.
// The party is, in order: the parties after "by" ({party=by}); the possessor
// of a nominal cue ("Israeli concessions", "its demands"); the subject group
// before the cue (a relative pronoun refers back: "the Resistance, which
// made demands"); the speaker of the report; the latest position's party.
#include <algorithm>

#include "claims/claims_internal.h"

namespace parley::claims {
namespace {

bool IsDeterminer(std::string_view w) {
  static const char* const kWords[] = {"a", "an", "the", "this", "that", "these", "those", "its",
                                       "their", "his", "her", "our", "any", "some", "all", "such",
                                       "as", "new", "both"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool IsPreposition(std::string_view w) {
  static const char* const kWords[] = {"for", "with", "on", "in", "of", "from", "to", "by",
                                       "about", "under", "over", "regarding", "at", "during"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool RegionStop(const DocContext& ctx, uint32_t i) {
  std::string_view w = ctx.norm(i);
  return w == ";" || w == "which" || w == "who" || w == "while" || w == "whereas" || w == "." ||
         w == "but" || w == ":" || w == "?" || w == "!" || w == "after" || w == "because" ||
         w == "although" || w == "though" || w == "despite" || w == "amid";
}

// Cues of a sentence: stance and condition matches not inside a longer cue
// nor inside an item ("calm in return for calm" is an item, not a condition).
std::vector<const LexMatch*> Cues(const DocContext& ctx, uint32_t s) {
  // Per-thread scratch: no allocation per sentence.
  thread_local std::vector<const LexMatch*> items, cues;
  items.clear();
  cues.clear();
  if (!ctx.HasAny(s, SectionBit(Section::kStance) | SectionBit(Section::kCondition))) return {};
  for (const LexMatch& m : ctx.matches[s]) {
    Section sec = ctx.entry(m).section;
    if (sec == Section::kItem) items.push_back(&m);
    if (sec == Section::kStance || sec == Section::kCondition) cues.push_back(&m);
  }
  std::vector<const LexMatch*> out;
  if (cues.empty()) return out;
  for (const LexMatch* c : cues) {
    bool inside = false;
    for (const LexMatch* o : cues) {
      if (o != c && o->first <= c->first && c->end <= o->end && o->end - o->first > c->end - c->first) {
        inside = true;
      }
    }
    for (const LexMatch* it : items) {
      if (it->first <= c->first && c->end <= it->end && ctx.entry(*c).section == Section::kCondition) {
        inside = true;
      }
    }
    // The same words matched twice (by norm and by lemma: "demands" as
    // {noun} and as the verb "demand"): the first match, the word's own
    // entry, is the cue; the second would only cut its item region short.
    for (const LexMatch* o : out) {
      inside |= o->first == c->first && o->end == c->end &&
                ctx.entry(*o).section == ctx.entry(*c).section;
    }
    if (!inside) out.push_back(c);
  }
  return out;
}

bool IsAux(std::string_view w) {
  static const char* const kWords[] = {"have", "has", "had", "been", "was", "were", "is", "are",
                                       "be", "being", "will", "would", "should", "must", "could"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

std::string NormalizePhrase(const DocContext& ctx, uint32_t first, uint32_t end) {
  while (first < end && (IsDeterminer(ctx.norm(first)) || !ctx.tok(first).has(kTokWord))) ++first;
  std::string out;
  int n = 0;
  for (uint32_t i = first; i < end && n < 6; ++i) {
    if ((!ctx.tok(i).has(kTokWord) && !ctx.tok(i).has(kTokNumber)) || IsAux(ctx.norm(i))) break;
    if (IsDeterminer(ctx.norm(i)) && n > 0) continue;
    if (!out.empty()) out += ' ';
    out += ctx.norm(i);
    ++n;
  }
  return out;
}

struct PartyResult {
  std::vector<ActorRef> parties;
  bool unresolved = false;  // the subject is a pronoun/group naming no actor
  uint32_t first = 0, end = 0;
};

void AddParty(const ActorMention* m, PartyResult* r) {
  if (m == nullptr) return;
  r->parties.push_back(m->actor);
  r->first = m->first_token;
  r->end = m->end_token;
}

PartyResult PartyBy(const DocContext& ctx, uint32_t s, const LexMatch& c) {
  PartyResult r;
  const Sentence& sent = ctx.text->sentences[s];
  uint32_t i = c.end;
  while (i < sent.end_token && i < c.end + 3 && !ctx.Is(i, "by")) ++i;
  if (!ctx.Is(i, "by")) return r;
  for (uint32_t k = i + 1; k < sent.end_token && !RegionStop(ctx, k) && !ctx.Is(k, ","); ++k) {
    const ActorMention* m = ctx.MentionAt(s, k);
    if (m != nullptr && m->first_token == k) AddParty(m, &r);
  }
  return r;
}

// Words opening a subordinate clause: "Britain will act unless Israel
// agrees to a ceasefire" -> the party of "agrees" is Israel.
bool IsSubordinator(std::string_view w) {
  return w == "unless" || w == "if" || w == "until" || w == "once" || w == "when" ||
         w == "whether" || w == "before" || w == "after" || w == "because" || w == "since";
}

bool IsLocativePreposition(std::string_view w) {
  return w == "in" || w == "at" || w == "near" || w == "inside" || w == "during";
}

// The first actor of the subject group [b, end) that heads it: a mention
// inside a locative phrase after a noun ("Participants in the Doha meeting",
// "Leaders at the Swiss summit") is a place, not the party; "the head of
// Hamas" and "officials from Hamas" keep theirs.
const ActorMention* SubjectMention(const DocContext& ctx, uint32_t s, uint32_t b, uint32_t end) {
  for (uint32_t i = b; i < end;) {
    const ActorMention* m = ctx.FirstMentionIn(s, i, end);
    if (m == nullptr) return nullptr;
    uint32_t p = std::max(m->first_token, b);
    while (p > b && IsDeterminer(ctx.norm(p - 1))) --p;
    bool locative = p > b + 1 && IsLocativePreposition(ctx.norm(p - 1));
    if (!locative && m->actor.via == "prepositional") {
      // The coder's "Participants in the Doha meeting" mention: its actor
      // comes from a phrase inside it.
      for (uint32_t k = m->first_token + 1; k < m->end_token && k < end; ++k) {
        if (ctx.Is(k, "of") || ctx.Is(k, "from")) break;
        if (IsLocativePreposition(ctx.norm(k))) {
          locative = true;
          break;
        }
      }
    }
    if (!locative) return m;
    i = m->end_token;
  }
  return nullptr;
}

// "a Security Council resolution calling for a ceasefire": a participle
// cue right after a plain noun modifies that noun; the sentence subject
// ("Russia vetoed ...") does not hold the position.
bool ModifiesPrecedingNoun(const DocContext& ctx, uint32_t s, const LexMatch& c) {
  const Sentence& sent = ctx.text->sentences[s];
  if (c.first <= sent.first_token || !ctx.norm(c.first).ends_with("ing")) return false;
  uint32_t p = c.first - 1;
  std::string_view w = ctx.norm(p);
  if (IsBoundary(w) || IsPronoun(w) || ctx.MentionAt(s, p, true) != nullptr) return false;
  // A gerund after a preposition is its object ("insists on adhering to",
  // "committed to ending"): the clause's subject still holds the position.
  if (IsPreposition(w)) return false;
  static const char* const kVerbish[] = {"is", "are", "was", "were", "been", "be", "am", "keep",
                                         "keeps", "kept", "continue", "continued", "continues",
                                         "also", "still", "repeatedly", "not", "and", "or"};
  for (const char* k : kVerbish) {
    if (w == k) return false;
  }
  return ctx.tok(p).has(kTokWord);
}

// The possessor of a nominal cue whose noun phrase starts at `floor`:
// "Israeli concessions", "Egypt's call", "its demands", "the demands of
// Hamas". False when the cue has none (the caller looks elsewhere).
bool PossessorParty(const DocContext& ctx, uint32_t s, const LexMatch& c, uint32_t floor,
                    PartyResult* r) {
  if (c.first > floor) {
    uint32_t p = c.first - 1;
    if (p > floor && (ctx.Is(p, "'s") || ctx.Is(p, "'") || ctx.Is(p, "new") || ctx.Is(p, "main"))) {
      --p;
    }
    // "Israeli concessions": the word's own dictionary actor first, since a
    // coder mention may span the whole noun phrase.
    if (std::optional<ActorRef> a = DictionaryActor(ctx, p)) {
      r->parties.push_back(*a);
      r->first = p;
      r->end = p + 1;
      return true;
    }
    if (const ActorMention* m = ctx.MentionAt(s, p)) {
      AddParty(m, r);
      return true;
    }
    if (IsPossessivePronoun(ctx.norm(p)) && !ctx.Is(p, "our")) {
      AddParty(ctx.ResolvePronoun(s, p), r);
      return true;
    }
  }
  // "the demands of Hamas".
  if (ctx.Is(c.end, "of")) {
    if (const ActorMention* m = ctx.MentionAt(s, c.end + 1)) AddParty(m, r);
    return true;
  }
  return false;
}

PartyResult PartySubject(const DocContext& ctx, uint32_t s, const LexMatch& c, bool noun) {
  PartyResult r;
  const Sentence& sent = ctx.text->sentences[s];
  if (noun && c.first > sent.first_token && PossessorParty(ctx, s, c, sent.first_token, &r)) {
    return r;
  }
  // "Blinken said Israel had accepted the proposal": the subject is sought
  // inside the reported clause first, then back to the sentence start.
  uint32_t floor = sent.first_token;
  for (const Report& rep : ctx.reports[s]) {
    if (rep.first < c.first && c.first < rep.end && rep.first > floor) floor = rep.first;
  }
  uint32_t b = c.first;
  const ActorMention* subject = nullptr;
  for (uint32_t lowest : {floor, sent.first_token}) {
    b = c.first;
    while (b > lowest && c.first - b < 14) {
      std::string_view w = ctx.norm(b - 1);
      if (w == "which" || w == "who") {
        AddParty(ctx.LastMentionBefore(b - 1), &r);
        return r;
      }
      if (w == "," || w == ";" || w == ":" || w == "that" || IsSubordinator(w)) break;
      --b;
    }
    subject = SubjectMention(ctx, s, b, c.first);
    if (lowest == sent.first_token || subject != nullptr ||
        (b < c.first && IsPronoun(ctx.norm(b)) && !ctx.Is(b, "it"))) {
      break;
    }
  }
  if (subject != nullptr) {
    AddParty(subject, &r);
  } else if (b < c.first && IsPronoun(ctx.norm(b)) && !ctx.Is(b, "it")) {
    AddParty(ctx.ResolvePronoun(s, b), &r);
    // "Mediators have been working ... They have proposed a plan": no party,
    // and no guess from the speaker or the previous position either.
    r.unresolved = r.parties.empty();
  }
  return r;
}

struct Region {
  uint32_t first = 0, end = 0;
};

Region ItemRegion(const DocContext& ctx, uint32_t s, const LexMatch& c, const LexMatch* next) {
  const Sentence& sent = ctx.text->sentences[s];
  Region r;
  if (ctx.entry(c).attr("item") == "before") {
    uint32_t b = c.first;
    while (b > sent.first_token && !ctx.Is(b - 1, "that") && !ctx.Is(b - 1, ";") &&
           c.first - b < 20) {
      --b;
    }
    uint32_t e = b;
    while (e < c.first && !RegionStop(ctx, e) && !ctx.Is(e, ",") && !IsAux(ctx.norm(e))) ++e;
    r.first = b;
    r.end = e;
    return r;
  }
  r.first = c.end;
  uint32_t limit = next != nullptr ? next->first : sent.end_token;
  // {appeal}: "called on Russia to de-escalate" -- who is asked is not the
  // item; what they are asked to do starts after "to".
  if (ctx.entry(c).has("appeal")) {
    for (uint32_t k = c.end; k < limit && k < c.end + 10 && !RegionStop(ctx, k); ++k) {
      // "to" + a verb, not "an end to the war".
      if (ctx.Is(k, "to") && k + 1 < limit && !IsDeterminer(ctx.norm(k + 1))) {
        r.first = k + 1;
        break;
      }
    }
  }
  r.end = r.first;
  while (r.end < limit && r.end < r.first + 40 && !RegionStop(ctx, r.end)) ++r.end;
  return r;
}

struct ItemHit {
  std::string item;
  uint32_t first = 0, end = 0;
  std::string rule;
};

std::string FillName(const DocContext& ctx, const LexiconEntry& e, const LexMatch& m) {
  std::string label = e.arg;
  size_t p = label.find("$name");
  if (p != std::string::npos) {
    std::string name = m.name_end > m.name_first ? ctx.Words(m.name_first, m.name_end) : "";
    label.replace(p, 5, name);
    size_t dbl;
    while ((dbl = label.find("  ")) != std::string::npos) label.erase(dbl, 1);
  }
  return label;
}

// Items of the most recent positions (another party, an earlier cue).
std::vector<ItemHit> Anaphor(const std::vector<Position>& prior, const std::vector<ActorRef>& parties) {
  std::vector<ItemHit> hits;
  for (size_t i = prior.size(); i-- > 0;) {
    const Position& p = prior[i];
    bool same = !parties.empty() && p.party.code.substr(0, 3) == parties[0].code.substr(0, 3);
    if (same) continue;
    if (!hits.empty() && p.sentence != prior[i + 1].sentence) break;
    hits.push_back({p.item, 0, 0, "anaphor"});
    if (hits.size() >= 6) break;
  }
  return hits;
}

std::vector<ItemHit> Items(const DocContext& ctx, uint32_t s, Region r, bool known_only,
                           const std::vector<Position>& prior, const std::vector<ActorRef>& parties) {
  std::vector<ItemHit> hits;
  uint32_t covered = 0;
  for (const LexMatch& m : ctx.matches[s]) {
    const LexiconEntry& e = ctx.entry(m);
    if (e.section != Section::kItem || m.first < r.first || m.end > r.end || m.first < covered) continue;
    // "the US proposal for a truce": an item introduced by a preposition
    // right after another item is its complement, not a second item.
    if (!hits.empty()) {
      bool complement = true;
      for (uint32_t k = hits.back().end; k < m.first && complement; ++k) {
        complement = IsPreposition(ctx.norm(k)) || IsDeterminer(ctx.norm(k));
      }
      if (complement && m.first > hits.back().end) continue;
    }
    hits.push_back({FillName(ctx, e, m), m.first, m.end, e.rule});
    covered = m.end;
  }
  if (!hits.empty() || known_only) return hits;
  for (const LexMatch& m : ctx.matches[s]) {
    if (ctx.entry(m).section == Section::kAnaphor && m.first > r.first && m.first < r.first + 3 &&
        (ctx.Is(m.first - 1, "this") || ctx.Is(m.first - 1, "these") || ctx.Is(m.first - 1, "that") ||
         ctx.Is(m.first - 1, "those") || ctx.Is(m.first - 1, "the"))) {
      return Anaphor(prior, parties);
    }
  }
  // Unknown items only near a negotiation word: in the first list member
  // itself or just before the cue ("rejected the deal's terms").
  if (r.first >= r.end || IsPreposition(ctx.norm(r.first)) || IsPronoun(ctx.norm(r.first)) ||
      ctx.Is(r.first, "that")) {
    return hits;
  }
  uint32_t e = r.first;
  while (e < r.end && !ctx.Is(e, ",") && !ctx.Is(e, "and")) ++e;
  bool context = false;
  for (const LexMatch& m : ctx.matches[s]) {
    if (ctx.entry(m).section == Section::kContext && m.first + 8 >= r.first && m.first < e) {
      context = true;
    }
  }
  if (!context) return hits;
  std::string phrase = NormalizePhrase(ctx, r.first, e);
  if (!phrase.empty()) hits.push_back({phrase, r.first, e, "phrase"});
  return hits;
}

Stance StanceOf(const std::string& a) {
  if (a == "accept") return Stance::kAccept;
  if (a == "reject") return Stance::kReject;
  if (a == "offer") return Stance::kOffer;
  if (a == "concede") return Stance::kConcede;
  return Stance::kDemand;
}

PartyResult FindParty(const DocContext& ctx, uint32_t s, const LexMatch& c,
                      const std::vector<Position>& prior, size_t sentence_begin) {
  const LexiconEntry& e = ctx.entry(c);
  PartyResult pr;
  if (e.section == Section::kCondition) {
    if (prior.size() > sentence_begin) pr.parties.push_back(prior.back().party);
    return pr;
  }
  if (e.section == Section::kStance && ModifiesPrecedingNoun(ctx, s, c)) return pr;
  if (e.attr("party") == "by") pr = PartyBy(ctx, s, c);
  // With {item=before} the words before the cue are the item, not the party.
  if (pr.parties.empty() && e.attr("party") != "last" && e.attr("item") != "before") {
    pr = PartySubject(ctx, s, c, e.has("noun"));
    if (pr.unresolved) return pr;
  }
  if (pr.parties.empty()) {
    if (const Report* r = ReportFor(ctx, s, c.first)) {
      pr.parties.push_back(*r->speaker);
      pr.first = r->speaker_first;
      pr.end = r->speaker_end;
    }
  }
  if (pr.parties.empty() && !prior.empty() && prior.back().sentence + 2 >= s) {
    pr.parties.push_back(prior.back().party);
  }
  bool demonstrative = c.first > 0 && (ctx.Is(c.first - 1, "these") || ctx.Is(c.first - 1, "those") ||
                                       ctx.Is(c.first - 1, "such") || ctx.Is(c.first - 1, "the"));
  if (pr.parties.empty() && ((e.has("noun") && demonstrative) || e.attr("party") == "last")) {
    // "These demands include ...": the most recent actor.
    const ActorMention* m = ctx.LastMentionBefore(c.first);
    if (m != nullptr && m->first_token + 80 > c.first) AddParty(m, &pr);
  }
  return pr;
}

// "Qatar urged both sides to accept the proposal", "Hamas called on Israel
// to agree to a ceasefire": a stance cue governed by the {appeal} cue just
// before it ("urged X to") is what the appealing party demands, not what it
// accepts or rejects.
bool GovernedByAppeal(const DocContext& ctx, const LexMatch& prev, const LexMatch& c) {
  const LexiconEntry& pe = ctx.entry(prev);
  if (pe.section != Section::kStance || !pe.has("appeal")) return false;
  return c.first > prev.end && c.first - prev.end <= 8 && ctx.Is(c.first - 1, "to");
}

// "agreed to hold talks", "agreed to restart negotiations": the infinitive
// of region `r` takes talks, negotiations, a summit or a meeting.
bool TalksAfter(const DocContext& ctx, const Region& r) {
  uint32_t k = r.first + 1;
  while (k < r.end && IsDeterminer(ctx.norm(k))) ++k;
  while (k < r.end && k < r.first + 4 && ctx.tok(k).has(kTokWord)) {
    std::string_view w = ctx.tok(k).lemma;
    if (w == "talk" || w == "negotiation" || w == "summit" || w == "meeting" || w == "dialogue") {
      return true;
    }
    ++k;
  }
  return false;
}

// True when the cue's item region starts with an infinitive ("agreed to
// open ...", "offered to host ..."; the cue itself may end in "to"); moves
// the region past the "to". The verb must be a verb form of the actor
// dictionaries' verb files.
bool InfinitiveAct(const DocContext& ctx, const LexMatch& c, Region* r) {
  const LexiconEntry& e = ctx.entry(c);
  // "sought to pressure Iran": a demand cue's infinitive is an attempt;
  // "an agreement to end the crisis": a noun's is its content.
  if (ctx.dict == nullptr || r->first >= r->end || e.has("noun") ||
      StanceOf(e.arg) == Stance::kDemand) {
    return false;
  }
  uint32_t v = r->first;
  const bool cue_to = c.end > c.first && ctx.Is(c.end - 1, "to");
  if (!cue_to) {
    if (!ctx.Is(v, "to")) return false;
    ++v;
  }
  if (v >= r->end || !ctx.tok(v).has(kTokWord) || ctx.tok(v).has(kTokCapitalized) ||
      IsDeterminer(ctx.norm(v)) || IsAux(ctx.norm(v))) {
    return false;
  }
  bool verb = false;
  for (const LookupResult& l : ctx.dict->Lookup(ctx.norm(v), std::nullopt)) verb |= l.kind == "verb";
  if (!verb) return false;
  r->first = v;
  return true;
}

// "Hamas rejected Israeli demands for a hostage release", "Israel accepted
// Egypt's call for a truce": a nominal demand cue ("demands", "calls for",
// "conditions"; not a verb form in -ed/-ing) right after an accept/reject
// verb cue, with at most four plain words between (determiners, possessors,
// adjectives), is that verb's object. Its items are what the verb's party
// accepts or rejects; the demand itself belongs to its possessor only.
bool IsObjectDemand(const DocContext& ctx, const LexMatch& verb, const LexMatch& c) {
  const LexiconEntry& ve = ctx.entry(verb);
  const LexiconEntry& ce = ctx.entry(c);
  if (ve.section != Section::kStance || ce.section != Section::kStance) return false;
  const Stance vs = StanceOf(ve.arg);
  if ((vs != Stance::kAccept && vs != Stance::kReject) || ve.has("noun") ||
      ve.attr("item") == "before") {
    return false;
  }
  if (StanceOf(ce.arg) != Stance::kDemand || ce.has("appeal") || !ce.attr("party").empty() ||
      ce.attr("item") == "before") {
    return false;
  }
  std::string_view head = ctx.norm(c.first);
  if (head.ends_with("ed") || head.ends_with("ing")) return false;
  if (c.first < verb.end || c.first - verb.end > 4) return false;
  for (uint32_t k = verb.end; k < c.first; ++k) {
    std::string_view w = ctx.norm(k);
    if (w == "'s" || w == "'") continue;
    if (!ctx.tok(k).has(kTokWord) || IsAux(w) || IsPreposition(w) || IsSubordinator(w) ||
        RegionStop(ctx, k) || w == "and" || w == "or" || w == "that" || w == "to") {
      return false;
    }
  }
  return true;
}

// Per cue of a sentence: the index of the accept/reject cue whose object
// demand it is (`verb`), and of its own first object demand (`object`); -1
// for none.
struct ObjectDemandLinks {
  std::vector<int32_t> verb, object;
};

ObjectDemandLinks LinkObjectDemands(const DocContext& ctx,
                                    const std::vector<const LexMatch*>& cues) {
  ObjectDemandLinks l;
  l.verb.assign(cues.size(), -1);
  l.object.assign(cues.size(), -1);
  for (size_t k = 0; k < cues.size(); ++k) {
    for (size_t j = k + 1; j < cues.size(); ++j) {
      if (!IsObjectDemand(ctx, *cues[k], *cues[j])) continue;
      if (l.verb[j] < 0) l.verb[j] = static_cast<int32_t>(k);
      if (l.object[k] < 0) l.object[k] = static_cast<int32_t>(j);
    }
  }
  return l;
}

// The item region of cue `ci`: up to the next cue, or, when the cue has an
// object demand `object_cue` ("rejected Egypt's demands for a ceasefire"),
// that demand's region (its items are what the cue accepts or rejects).
Region CueRegion(const DocContext& ctx, uint32_t s, const std::vector<const LexMatch*>& cues,
                 size_t ci, int32_t object_cue) {
  if (object_cue < 0) {
    return ItemRegion(ctx, s, *cues[ci], ci + 1 < cues.size() ? cues[ci + 1] : nullptr);
  }
  const size_t o = static_cast<size_t>(object_cue);
  const LexMatch* next = nullptr;
  for (size_t k = o + 1; k < cues.size() && next == nullptr; ++k) {
    if (cues[k]->first >= cues[o]->end) next = cues[k];
  }
  return ItemRegion(ctx, s, *cues[o], next);
}

// The main party of a sentence whose accept cue `c` waits on "until" /
// "before": the report's speaker, else the subject before the subordinator;
// empty when the cue's own subject is of the same country ("before they
// agree": no demand on another party).
PartyResult PendingDemandParty(const DocContext& ctx, uint32_t s, const LexMatch& c) {
  PartyResult none, main;
  PartyResult who = PartySubject(ctx, s, c, false);
  if (who.parties.empty()) return none;
  if (const Report* r = ReportFor(ctx, s, c.first)) {
    main.parties.push_back(*r->speaker);
    main.first = r->speaker_first;
    main.end = r->speaker_end;
  } else {
    const Sentence& sent = ctx.text->sentences[s];
    uint32_t sub = c.first;
    while (sub > sent.first_token && !IsSubordinator(ctx.norm(sub - 1))) --sub;
    if (sub <= sent.first_token) return none;
    AddParty(SubjectMention(ctx, s, sent.first_token, sub - 1), &main);
  }
  if (main.parties.empty()) return none;
  for (const ActorRef& w : who.parties) {
    for (const ActorRef& m : main.parties) {
      if (Country(w.code) == Country(m.code)) return none;
    }
  }
  return main;
}

// Appends one position per party and item (not twice in a sentence), with
// its cue, item, party and speaker spans.
void AddPositions(const DocContext& ctx, uint32_t s, const LexMatch& c, const std::string& rule,
                  const PartyResult& pr, const std::vector<ItemHit>& items, Stance st, Fact fact,
                  size_t sentence_begin, std::vector<Position>* out) {
  const Report* rep = ReportFor(ctx, s, c.first);
  for (const ActorRef& party : pr.parties) {
    for (const ItemHit& h : items) {
      bool dup = false;
      for (size_t i = sentence_begin; i < out->size(); ++i) {
        const Position& o = (*out)[i];
        dup |= o.party.code == party.code && o.stance == st && o.item == h.item;
      }
      if (dup) continue;
      Position p;
      p.sentence = s;
      p.party = party;
      p.stance = st;
      p.item = h.item;
      p.item_text = h.end > h.first ? ctx.Words(h.first, h.end) : h.item;
      p.fact = fact;
      p.rule = rule + (h.rule.empty() ? "" : ";" + h.rule);
      p.date = SentenceDate(ctx, s);
      p.spans.push_back(ctx.SpanOf("stance", c.first, c.end));
      if (h.end > h.first) p.spans.push_back(ctx.SpanOf("item", h.first, h.end));
      if (pr.end > pr.first) p.spans.push_back(ctx.SpanOf("party", pr.first, pr.end));
      if (rep != nullptr) {
        p.said_by = rep->speaker;
        p.spans.push_back(ctx.SpanOf("said_by", rep->speaker_first, rep->speaker_end));
      }
      out->push_back(std::move(p));
    }
  }
}

// The main clause before condition `c` when it says what its subject
// would or will do: its known items and that subject ("they would stop
// attacks on shipping if ..."). False when the clause has no would/will, no
// known item or no party.
bool ConditionalOffer(const DocContext& ctx, uint32_t s, const LexMatch& c,
                      const std::vector<Position>& prior, PartyResult* pr,
                      std::vector<ItemHit>* items) {
  // "Britain will recognise a Palestinian state unless Israel agrees to a
  // ceasefire": what happens unless is a threat, not an offer.
  if (ctx.Is(c.first, "unless")) return false;
  const Sentence& sent = ctx.text->sentences[s];
  uint32_t modal = c.first;  // the last would/will of the clause before c
  for (uint32_t k = c.first; k > sent.first_token && c.first - k < 20;) {
    --k;
    if (RegionStop(ctx, k) || ctx.Is(k, ",")) break;
    if (ctx.Is(k, "would") || ctx.Is(k, "will")) {
      modal = k;
      break;
    }
  }
  // An active, affirmative act of the subject right before the modal: not
  // "sanctions would be lifted", "would not be created", "would have said".
  if (modal == c.first || modal <= sent.first_token) return false;
  std::string_view next = ctx.norm(modal + 1);
  if (next == "not" || next == "never" || next == "be" || next == "have" || next == "get") {
    return false;
  }
  uint32_t subj = modal - 1;
  if ((ctx.Is(subj, "only") || ctx.Is(subj, "also")) && subj > sent.first_token) --subj;
  const ActorMention* m = ctx.MentionAt(s, subj);
  if (m == nullptr && IsPronoun(ctx.norm(subj))) m = ctx.ResolvePronoun(s, subj);
  if (m == nullptr) return false;
  *items = Items(ctx, s, Region{modal + 1, c.first}, /*known_only=*/true, prior, {});
  if (items->empty()) return false;
  AddParty(m, pr);
  pr->first = subj;
  pr->end = subj + 1;
  return true;
}

}  // namespace

void ExtractPositions(const DocContext& ctx, uint32_t s, std::vector<Position>* out) {
  std::vector<const LexMatch*> cues = Cues(ctx, s);
  const ObjectDemandLinks links = LinkObjectDemands(ctx, cues);
  size_t sentence_begin = out->size();
  for (size_t ci = 0; ci < cues.size(); ++ci) {
    const LexMatch& c = *cues[ci];
    const LexiconEntry& e = ctx.entry(c);
    bool condition = e.section == Section::kCondition;
    // "before they agree to a de-escalation deal": not a position yet.
    // "if Israel agreed to a permanent ceasefire" (an accept cue only) is
    // such a pending acceptance too.
    bool pending = false;
    const bool accept_cue = e.section == Section::kStance && StanceOf(e.arg) == Stance::kAccept;
    for (uint32_t k = c.first; k > c.first - std::min<uint32_t>(c.first, 3); --k) {
      pending |= ctx.Is(k - 1, "before") || ctx.Is(k - 1, "until") ||
                 (accept_cue && (ctx.Is(k - 1, "if") || ctx.Is(k - 1, "unless")));
    }
    // "Hamas will not free the hostages until Israel agrees to a permanent
    // ceasefire": another party's pending acceptance is what the main party
    // demands (known items only); "before they agree to a deal" (the same
    // party) is no position yet.
    PartyResult pending_demand;
    if (pending) {
      if (!accept_cue) continue;
      pending_demand = PendingDemandParty(ctx, s, c);
      if (pending_demand.parties.empty()) continue;
    }
    // "withdraw its troops as a condition for a ceasefire": the noun names
    // what the condition is for, not a demand of its own.
    if (e.has("noun") && c.first >= 2 && ctx.Is(c.first - 2, "as") &&
        (ctx.Is(c.first - 1, "a") || ctx.Is(c.first - 1, "the"))) {
      continue;
    }
    // The appeal's content is the next cue's item, demanded by the party
    // that appeals (named in the sentence, never guessed).
    if (ci + 1 < cues.size() && ctx.entry(*cues[ci + 1]).section == Section::kStance &&
        GovernedByAppeal(ctx, c, *cues[ci + 1])) {
      continue;
    }
    bool appealed = ci > 0 && e.section == Section::kStance && GovernedByAppeal(ctx, *cues[ci - 1], c);
    // "The Houthis said they would stop attacks on shipping if Israel ended
    // the war": a condition that no position precedes makes its main
    // clause an offer; the condition's items are then that party's demands.
    if (condition && out->size() == sentence_begin) {
      PartyResult offering;
      std::vector<ItemHit> offered;
      if (ConditionalOffer(ctx, s, c, *out, &offering, &offered)) {
        AddPositions(ctx, s, c, e.rule + ";conditional offer", offering, offered, Stance::kOffer,
                     Fact::kHypothetical, sentence_begin, out);
      }
    }
    // The object demand of an earlier cue is its possessor's, if named.
    PartyResult pr;
    if (links.verb[ci] >= 0) {
      PossessorParty(ctx, s, c, cues[links.verb[ci]]->end, &pr);
    } else {
      pr = pending ? pending_demand
           : appealed ? PartySubject(ctx, s, *cues[ci - 1], false)
                      : FindParty(ctx, s, c, *out, sentence_begin);
    }
    if (pr.parties.empty()) continue;
    Region r = CueRegion(ctx, s, cues, ci, links.object[ci]);
    // "agreed to open the Adre crossing", "offered to host a new round of
    // talks": the item is the action after "to".
    const bool act = !condition && InfinitiveAct(ctx, c, &r);
    std::vector<ItemHit> items = Items(ctx, s, r, condition || pending, *out, pr.parties);
    std::string cue;
    Fact f = FactAt(ctx, s, c.first, c.end, &cue);
    Stance st = condition ? Stance::kDemand : StanceOf(e.arg);
    // Agreeing to act oneself is a concession, not the acceptance of a text;
    // agreeing to hold or resume talks accepts talks.
    if (act && st == Stance::kAccept && !appealed && !pending && !TalksAfter(ctx, r)) {
      st = Stance::kConcede;
    }
    // A negated acceptance, offer or concession is a rejection ("cannot
    // accept these terms", "is not willing to negotiate with the FMLN"); for
    // a pending acceptance the negation near it is the main clause's ("will
    // not free ... until").
    if (f == Fact::kNegated && st != Stance::kDemand && st != Stance::kReject && !pending) {
      st = Stance::kReject;
    }
    if (appealed || pending) {
      // "urged Hamas to accept X", "urged May to seek X": a demand of X;
      // "urged Israel to reject X" or "not to accept X" demands no item.
      if (st != Stance::kAccept && st != Stance::kDemand) continue;
      st = Stance::kDemand;
    }
    const Fact fact = (f == Fact::kNegated || condition) ? Fact::kAsserted : f;
    AddPositions(ctx, s, c, e.rule, pr, items, st, fact, sentence_begin, out);
  }
}

}  // namespace parley::claims
