// Noun phrases of one sentence: chunking, compound lists ("Egypt and
// Qatar"), prepositional absorption ("troops in Iraq" -> IRQMIL, "the
// government of Gondor" -> GONGOV), code assembly (actor + agents), pronoun
// and definite-description resolution.
#include <algorithm>
#include <cctype>
#include <functional>
#include <span>

#include "code/coder_internal.h"

namespace parley::coder_internal {
namespace {

constexpr uint32_t kBreakers = kWcPrep | kWcConj | kWcBe | kWcAux | kWcModal | kWcNeg |
                               kWcRelPron | kWcSubConj | kWcThat | kWcTo | kWcComma |
                               kWcStop | kWcQuote | kWcReport | kWcAccording | kWcPronoun |
                               kWcAdverb | kWcPredAdj;

// True when a token can be part of a noun phrase.
inline bool NpToken(const TokInfo& t, const Token& tk, const VerbHit* verbs) {
  if (t.in_match) return true;
  if (t.is_verb) return false;
  if (tk.has(kTokPossessive)) return true;
  if (t.verb >= 0 && verbs[t.verb].accepted) return false;
  if (t.cls & kWcDet) return true;
  if (t.cls & kBreakers) return (t.cls & kWcReport) && !(t.cls & ~(kWcReport | kWcAdverb));
  if (tk.has(kTokPunct)) return tk.norm == "-";
  return true;
}

bool IsLed(std::string_view w) { return w == "led" || w == "headed"; }

// "critics of Hamas", "victims of ISIS": a head noun naming people by what
// they stand against or suffer from the actor after "of"; the phrase is
// not that actor.
bool OpposedHead(std::string_view lemma) {
  static constexpr std::string_view kHeads[] = {
      "victim", "critic", "opponent", "enemy", "foe", "rival", "adversary",
      "detractor", "survivor", "target"};
  return std::find(std::begin(kHeads), std::end(kHeads), lemma) != std::end(kHeads);
}

bool AbsorbingPrep(std::string_view w) {
  return w == "of" || w == "in" || w == "from" || w == "between" || w == "among";
}

// "the delegation, headed by Khalil al-Hayya," / "forces led by Haftar":
// for an agent-only NP `np`, the NP after led/headed + "by" (the verb may
// end `np` or follow it after a comma); -1 if none.
int32_t LedBy(const SentenceCtx& c, const NounPhrase& np) {
  if (np.agent_end == np.agent_begin || np.end >= c.end) return -1;
  uint32_t verb = np.end - 1;
  if (verb <= np.first || !IsLed(c.token(verb).norm)) {
    verb = np.end + ((c.cls(np.end) & kWcComma) ? 1 : 0);
    if (verb >= c.end || !IsLed(c.token(verb).norm)) return -1;
  }
  uint32_t by = verb + 1;
  if (by + 1 >= c.end || c.token(by).norm != "by") return -1;
  int32_t n = c.tok(by + 1).np;
  return n >= 0 && c.s->nps[n].first == by + 1 ? n : -1;
}

// Separator between two NPs: only commas and at most one conjunction.
bool Separator(const SentenceCtx& c, uint32_t from, uint32_t to, bool* conj) {
  if (from >= to) return false;
  int conjs = 0;
  for (uint32_t i = from; i < to; ++i) {
    uint32_t k = c.cls(i);
    if (k & kWcConj) {
      ++conjs;
    } else if (!(k & kWcComma)) {
      return false;
    }
  }
  *conj = conjs == 1;
  return conjs <= 1;
}

bool FollowedByVerb(const SentenceCtx& c, const NounPhrase& np) {
  uint32_t i = np.end;
  while (i < c.end && (c.cls(i) & (kWcAdverb | kWcAux | kWcModal | kWcNeg))) ++i;
  return i < c.end && c.tok(i).is_verb;
}

// A list after a verb is in object position: "X attacked Gaza and Hamas
// fired" is two clauses, not the compound "Gaza and Hamas".
bool ObjectPosition(const SentenceCtx& c, const NounPhrase& np) {
  for (uint32_t i = c.first; i < np.first; ++i) {
    if (c.tok(i).is_verb) return true;
  }
  return false;
}

// Noun phrases: maximal runs of NpToken tokens, a pronoun alone. Each gets
// its preposition, its token marks (TokInfo::np) and its hit ranges; hits
// and phrases are both in token order, so one cursor each (a phrase without
// hits gets the empty range [size, size)).
void Chunk(SentenceCtx* c) {
  Scratch& s = *c->s;
  const uint32_t first = c->first, n = c->end - c->first;
  TokInfo* toks = s.toks.data();  // sentence-relative below
  const Token* tokens = c->text->tokens.data() + first;
  const VerbHit* verbs = s.verbs.data();
  const ActorHit* actors = s.actors.data();
  const AgentHit* agents = s.agents.data();
  const uint32_t n_actors = static_cast<uint32_t>(s.actors.size());
  const uint32_t n_agents = static_cast<uint32_t>(s.agents.size());
  uint32_t a = 0, g = 0;
  int32_t count = static_cast<int32_t>(s.nps.size());  // index of the next phrase
  // Appends the phrase [b, e) (its tokens are marked already). Computed in
  // locals first: the stores into `nps` could alias the hit arrays.
  auto add = [&](uint32_t b, uint32_t e, bool pronoun) {
    const uint32_t np_first = first + b, np_end = first + e;
    while (a < n_actors && actors[a].first < np_first) ++a;
    uint32_t actor_begin = a < n_actors && actors[a].first < np_end ? a : n_actors;
    uint32_t actor_end = actor_begin;
    while (actor_end < n_actors && actors[actor_end].first < np_end) ++actor_end;
    while (g < n_agents && agents[g].first < np_first) ++g;
    uint32_t agent_begin = g < n_agents && agents[g].first < np_end ? g : n_agents;
    uint32_t agent_end = agent_begin;
    while (agent_end < n_agents && agents[agent_end].first < np_end) ++agent_end;
    const bool prep = b > 0 && (toks[b - 1].cls & (kWcPrep | kWcTo));
    NounPhrase& np = s.nps.emplace_back();
    np.first = np_first;
    np.end = np_end;
    np.pronoun = pronoun;
    if (prep) np.prep = static_cast<int32_t>(np_first - 1);
    np.actor_begin = actor_begin;
    np.actor_end = actor_end;
    np.agent_begin = agent_begin;
    np.agent_end = agent_end;
    ++count;
  };
  constexpr uint32_t kNone = ~0u;
  uint32_t open = kNone;  // first token of the phrase being extended
  for (uint32_t k = 0; k < n; ++k) {
    const bool pronoun = (toks[k].cls & kWcPronoun) != 0;
    const bool in = !pronoun && NpToken(toks[k], tokens[k], verbs);
    if (open != kNone && !in) {
      add(open, k, false);
      open = kNone;
    }
    if (pronoun) {
      toks[k].np = count;
      add(k, k + 1, true);
    } else if (in) {
      if (open == kNone) open = k;
      toks[k].np = count;  // the open phrase is the next one added
    }
  }
  if (open != kNone) add(open, n, false);
}

void Compounds(SentenceCtx* c) {
  auto& nps = c->s->nps;
  for (size_t k = 0; k + 1 < nps.size(); ++k) {
    size_t j = k;
    bool saw_conj = false;
    while (j + 1 < nps.size()) {
      bool conj = false;
      if (!Separator(*c, nps[j].end, nps[j + 1].first, &conj)) break;
      if (conj && FollowedByVerb(*c, nps[j + 1]) && ObjectPosition(*c, nps[k])) break;
      ++j;
      if (conj) {
        saw_conj = true;
        break;
      }
    }
    if (!saw_conj) continue;
    for (size_t m = k; m <= j; ++m) nps[m].list_head = static_cast<int32_t>(k);
    k = j;
  }
}

// "PSEREBHMS": a country, a sector role and a group code (9+ letters, the
// role one of CAMEO's sectors). Such a code already says who the group is.
bool IsNamedGroupCode(const std::string& code) {
  static constexpr const char* kRoles[] = {"REB", "MIL", "GOV", "COP", "OPP", "PTY", "SPY",
                                           "MED", "JUD", "LEG", "BUS", "HRI", "CVL"};
  if (code.size() < 9 || code.compare(0, 3, "IGO") == 0 || code.compare(0, 3, "NGO") == 0) {
    return false;
  }
  for (const char* r : kRoles) {
    if (code.compare(3, 3, r) == 0) return true;
  }
  return false;
}

// CAMEO world-region codes ("WAF", "LAM").
constexpr std::string_view kRegionCodes[] = {
    "AFR", "ASA", "BLK", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR", "LAM",
    "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WST"};

// A region is less specific than any named actor inside it.
bool IsRegionCode(std::string_view code) {
  return code.size() >= 3 && std::find(std::begin(kRegionCodes), std::end(kRegionCodes),
                                       code.substr(0, 3)) != std::end(kRegionCodes);
}

// Words that join two phrases rather than name a head noun: "more Central
// Americans than the U.S." is no apposition.
bool FunctionWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"than", "and", "or", "but", "of", "to", "in",
                                                "on", "at", "for", "with", "by", "from", "as",
                                                "into", "over", "against", "like", "not"};
  return std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords);
}

// "the Lebanese group Hezbollah", "the West African bloc ECOWAS", "North
// Korean dictator Kim Jong Un": a name after a demonym or region and plain
// words is what the phrase names. The later reading wins when it is more
// specific than the first: the first is a region, or the later one is an
// international organization, or it extends the first's code ("LBN" ->
// "LBNREBHEZ") and is a named group or the phrase has no role word of its
// own ("German finance minister Olaf Scholz" stays DEU + the minister's
// role: a person's dated code is not more exact than the text).
bool AppositiveNameWins(const SentenceCtx& c, const NounPhrase& np, const ActorHit& first,
                        const std::string& first_code, const ActorHit& later,
                        const std::string& later_code) {
  if (!c.options->appositive_name_wins || later.first <= first.end) return false;
  // One to three lower-case words between, none of them a verb form a
  // pattern could start with ("France seeks U.N. resolution" in a headline
  // is no apposition).
  if (later.first - first.end > 3 || first_code.size() != 3) return false;
  for (uint32_t i = first.end; i < later.first; ++i) {
    const Token& t = c.token(i);
    if (!t.has(kTokWord) || t.has(kTokCapitalized) || c.tok(i).verb >= 0 ||
        (c.cls(i) & kWcDet) || FunctionWord(t.norm)) {
      return false;
    }
  }
  if (IsRegionCode(first_code) || later_code.compare(0, 3, "IGO") == 0) return true;
  return later_code.size() > 3 && later_code.compare(0, 3, first_code) == 0 &&
         (IsNamedGroupCode(later_code) || np.agent_end == np.agent_begin);
}

// The codes of the first actor hit of `np` that has any (empty if none),
// or of a later appositive name (AppositiveNameWins); they point into the
// dictionary.
std::span<const std::string> FirstActorCodes(const SentenceCtx& c, const NounPhrase& np,
                                             const CompiledActor** entry, uint32_t* hit) {
  for (uint32_t a = np.actor_begin; a < np.actor_end; ++a) {
    const ActorHit& h = c.s->actors[a];
    ActorReading r = c.dict->ResolveActor(*c.dict->Info(h.node), c.date);
    if (r.codes.empty()) continue;
    // Appositive candidates (AppositiveNameWins): only after a single
    // 3-letter reading, within three words; hits are in token order.
    const bool appositive = c.options->appositive_name_wins && r.codes.size() == 1 &&
                            r.codes[0].size() == 3;
    for (uint32_t b = a + 1; appositive && b < np.actor_end; ++b) {
      const ActorHit& later = c.s->actors[b];
      if (later.first > h.end + 3) break;
      ActorReading lr = c.dict->ResolveActor(*c.dict->Info(later.node), c.date);
      if (lr.codes.size() == 1 && AppositiveNameWins(c, np, h, r.codes[0], later, lr.codes[0])) {
        *entry = lr.entry;
        *hit = b;
        return lr.codes;
      }
    }
    *entry = r.entry;
    *hit = a;
    return r.codes;
  }
  return {};
}

// `code` holds `part` at a multiple of 3 ("GMWGOV" does not hold "WGO").
bool HoldsAligned(const std::string& code, const std::string& part) {
  for (size_t pos = 0; pos + part.size() <= code.size(); pos += 3) {
    if (code.compare(pos, part.size(), part) == 0) return true;
  }
  return false;
}

// Actor code + the agents of `np` ("ISR" + GOV -> "ISRGOV", "IGO~" prefixes).
std::string WithAgents(const SentenceCtx& c, const NounPhrase& np, std::string code) {
  if (np.agent_end == np.agent_begin) return code;  // nothing to add (most phrases)
  if (c.options->group_codes_absorb_agents && IsNamedGroupCode(code)) return code;
  bool former = false;
  if (c.s->classes & kWcFormer) {
    for (uint32_t i = np.first; i < np.end; ++i) former |= (c.cls(i) & kWcFormer) != 0;
  }
  std::string suffix;
  for (uint32_t a = np.agent_begin; a < np.agent_end; ++a) {
    const CompiledAgent& ag = c.dict->agents[c.s->agents[a].agent];
    if (ag.needs_actor && code.empty()) continue;  // "the strike": not an actor
    if (ag.prefix) {
      if (!HoldsAligned(code, ag.code)) code = ag.code + code;
    } else if (!HoldsAligned(code, ag.code) && !HoldsAligned(suffix, ag.code)) {
      if (ag.code == "PPL" && np.agent_end - np.agent_begin > 1) continue;
      suffix += ag.code;
    }
  }
  if (former && (np.agent_end > np.agent_begin)) suffix = "ELI";
  if (suffix.size() > 6) suffix.resize(6);  // at most two agents: "GOVMIL", not "GOVREBCVL"
  if (code.empty()) return suffix.empty() ? "" : "---" + suffix;
  return code + suffix;
}

using Item = NpItem;

// "Syrian and Iranian forces": a list item that is one bare demonym (a
// single-word actor hit that is not its actor's name and has an adjective
// ending) shares the head noun of the list's last item.
bool BareDemonym(const SentenceCtx& c, const NounPhrase& np, const CompiledActor* entry,
                 uint32_t hit) {
  const ActorHit& h = c.s->actors[hit];
  if (!entry || np.first != h.first || np.end != h.end || h.end != h.first + 1) return false;
  if (np.agent_end > np.agent_begin) return false;
  const Token& t = c.token(h.first);
  if (t.has(kTokAllCaps) || t.has(kTokAbbreviation)) return false;
  std::string_view w = t.norm;
  if (w.size() == entry->name.size() &&
      std::equal(w.begin(), w.end(), entry->name.begin(), [](char a, char b) {
        return a == std::tolower(static_cast<unsigned char>(b));
      })) {
    return false;  // "Iran and Iraqi forces": a country name, not an adjective
  }
  for (std::string_view suffix : {"an", "i", "ese", "ish", "ch"}) {
    if (w.ends_with(suffix)) return true;
  }
  return false;
}

// "military developments", "an official statement": an agent word that is
// an adjective modifying the head names nobody. Nouns used as modifiers
// ("the cabinet decision", "an army base", "police station") still do.
bool AdjectivalAgentOnly(const SentenceCtx& c, const NounPhrase& np) {
  static constexpr std::string_view kAdjectives[] = {
      "military", "paramilitary", "official",      "governmental", "presidential",
      "ministerial", "parliamentary", "judicial", "civilian"};
  if (np.agent_end == np.agent_begin) return false;
  for (uint32_t a = np.agent_begin; a < np.agent_end; ++a) {
    const AgentHit& h = c.s->agents[a];
    if (h.end >= np.end || h.end != h.first + 1 || c.token(h.end).has(kTokPossessive)) {
      return false;
    }
    std::string_view w = c.token(h.first).norm;
    if (std::find(std::begin(kAdjectives), std::end(kAdjectives), w) == std::end(kAdjectives)) {
      return false;
    }
  }
  return true;
}

void Collect(const SentenceCtx& c, int32_t npi, std::vector<Item>* out, int depth) {
  const auto& nps = c.s->nps;
  // The items: the whole compound list when npi heads one, else npi alone.
  size_t items_end = static_cast<size_t>(npi) + 1;
  if (nps[npi].list_head == npi) {
    while (items_end < nps.size() && nps[items_end].list_head == npi) ++items_end;
  }
  const int32_t items_back = static_cast<int32_t>(items_end - 1);
  for (int32_t it = npi; it <= items_back; ++it) {
    const NounPhrase& np = nps[it];
    const CompiledActor* entry = nullptr;
    uint32_t hit = 0;
    std::span<const std::string> codes;
    if (!np.yields_to_absorbed) codes = FirstActorCodes(c, np, &entry, &hit);
    if (!codes.empty()) {
      const NounPhrase& last = nps[items_back];
      bool shares_head = it != items_back && last.agent_end > last.agent_begin &&
                         last.actor_end > last.actor_begin &&
                         c.s->actors[last.actor_begin].first == last.first &&
                         BareDemonym(c, np, entry, hit);
      for (const std::string& code : codes) {
        out->push_back({WithAgents(c, shares_head ? last : np, code), np.first, np.end, entry,
                        hit, true, false});
      }
    } else if (np.absorbs >= 0 && depth < 4) {
      size_t before = out->size();
      Collect(c, np.absorbs, out, depth + 1);
      // "protesters in Nairobi": a capital after in/at that gives people
      // their country is the place, not the government it stands for in
      // "Nairobi said" (KENCVL, not KENGOVCVL). Without a role word the
      // PETRARCH reading stays ("the closure of guest houses in the
      // capital" -> the government), but the capital is marked: violence
      // against "an apartment building in Tel Aviv" hits the country
      // (EventCoderImpl::AddEventAs).
      const int32_t prep = nps[np.absorbs].prep;
      const bool in_at = prep >= 0 && (c.token(prep).norm == "in" || c.token(prep).norm == "at");
      const bool locative = np.agent_end > np.agent_begin && in_at;
      for (size_t k = before; k < out->size(); ++k) {
        Item& x = (*out)[k];
        const bool capital = x.code.size() == 6 && x.code.ends_with("GOV");
        if (locative && capital) x.code.resize(3);
        x.capital_place = in_at && capital && !locative;
        x.code = WithAgents(c, np, x.code);
        x.first = np.first;
        x.absorbed = true;
      }
    } else if (np.agent_end > np.agent_begin && !AdjectivalAgentOnly(c, np)) {
      std::string code = WithAgents(c, np, "");
      if (!code.empty()) out->push_back({code, np.first, np.end, nullptr, 0, false, false});
    }
  }
}

// True when `np` has an action agent ("Russian strikes", "an Israeli
// raid": needs-actor agents).
bool NamesAnAction(const SentenceCtx& c, const NounPhrase& np) {
  for (uint32_t a = np.agent_begin; a < np.agent_end; ++a) {
    if (c.dict->agents[c.s->agents[a].agent].needs_actor) return true;
  }
  return false;
}

// "the movement's leadership": a noun phrase owned by a definite
// description ("the" + a definite noun + "'s" + more words).
bool DefiniteOwnerOpens(const SentenceCtx& c, const NounPhrase& np) {
  return np.end - np.first >= 4 && c.token(np.first).norm == "the" &&
         (c.cls(np.first + 1) & kWcDefNoun) && c.token(np.first + 2).has(kTokPossessive);
}

// "the West African nation of Mali", "the Central American country of
// Honduras": an NP whose only actor is a region, headed by a word for a
// state, followed by "of" + an NP with actors.
bool RegionStateOf(const SentenceCtx& c, const NounPhrase& np, const NounPhrase& next) {
  static constexpr std::string_view kHeads[] = {"nation", "country", "state", "republic",
                                                "kingdom", "island", "monarchy", "emirate"};
  if (np.actor_end != np.actor_begin + 1 || next.prep != static_cast<int32_t>(np.end) ||
      c.token(next.prep).norm != "of" || next.actor_end == next.actor_begin || next.pronoun) {
    return false;
  }
  const std::string_view head = c.token(np.end - 1).lemma;
  if (std::find(std::begin(kHeads), std::end(kHeads), head) == std::end(kHeads)) return false;
  const CompiledActor* entry = nullptr;
  uint32_t hit = 0;
  std::span<const std::string> codes = FirstActorCodes(c, np, &entry, &hit);
  return codes.size() == 1 && codes[0].size() == 3 && IsRegionCode(codes[0]) &&
         c.s->actors[hit].end < np.end;
}

void Absorb(SentenceCtx* c) {
  auto& nps = c->s->nps;
  for (size_t k = nps.size(); k-- > 0;) {
    NounPhrase& np = nps[k];
    np.has_actor = np.actor_end > np.actor_begin;
    if (np.has_actor && k + 1 < nps.size() && c->options->appositive_name_wins &&
        RegionStateOf(*c, np, nps[k + 1])) {
      np.yields_to_absorbed = true;
      np.absorbs = static_cast<int32_t>(k + 1);
      for (size_t m = k + 1; m < nps.size(); ++m) {
        if (m != k + 1 && nps[m].list_head != static_cast<int32_t>(k + 1)) break;
        nps[m].absorbed_by = static_cast<int32_t>(k);
      }
      continue;
    }
    if (np.has_actor || np.pronoun || k + 1 >= nps.size()) continue;
    // "its delegation in Cairo", "the movement's leadership in Doha": the
    // NP has an owner, so "in X" is where it is, not whose it is.
    if ((c->cls(np.first) & kWcPossPron) || DefiniteOwnerOpens(*c, np)) continue;
    int32_t t = static_cast<int32_t>(k + 1);
    bool prep = nps[t].prep == static_cast<int32_t>(np.end) &&
                AbsorbingPrep(c->token(nps[t].prep).norm);
    if (!prep) t = LedBy(*c, np);
    if (t < 0 || nps[t].pronoun || !nps[t].has_actor) continue;
    // "100 wounded in Russian strikes": an action phrase after the
    // preposition is a cause, not whose the people are.
    if (prep && NamesAnAction(*c, nps[t])) continue;
    // "critics of Hamas": the phrase after "of" is part of this uncoded
    // one (neither its actor nor a target or source of its own).
    const bool opposed = prep && OpposedHead(c->token(np.end - 1).lemma);
    if (!opposed) {
      np.absorbs = t;
      np.has_actor = true;
    }
    for (size_t m = t; m < nps.size(); ++m) {
      if (m != static_cast<size_t>(t) && nps[m].list_head != t) break;
      nps[m].absorbed_by = static_cast<int32_t>(k);
    }
  }
  // A list item with an actor makes the whole list count as having one.
  for (size_t k = 0; k < nps.size(); ++k) {
    int32_t h = nps[k].list_head;
    if (h >= 0 && nps[k].has_actor) nps[h].has_actor = true;
  }
}

}  // namespace

void BuildNounPhrases(SentenceCtx* c) {
  Chunk(c);
  Compounds(c);
  Absorb(c);
  auto& nps = c->s->nps;
  auto& mentions = c->out->mentions;
  std::vector<Item>& items = c->s->np_items;  // reused across noun phrases
  for (size_t k = 0; k < nps.size(); ++k) {
    NounPhrase& np = nps[k];
    if (np.pronoun || np.absorbed_by >= 0) continue;
    if (np.list_head >= 0 && np.list_head != static_cast<int32_t>(k)) continue;
    // Nothing to collect: no actor, agent, absorbed phrase or list.
    if (np.actor_end == np.actor_begin && np.agent_end == np.agent_begin && np.absorbs < 0 &&
        np.list_head < 0) {
      continue;
    }
    items.clear();
    Collect(*c, static_cast<int32_t>(k), &items, 0);
    bool compound = items.size() > 1;
    bool action = false;
    for (uint32_t a = np.agent_begin; a < np.agent_end; ++a) {
      action |= c->dict->agents[c->s->agents[a].agent].needs_actor;
    }
    for (Item& it : items) {
      np.members.push_back(static_cast<int32_t>(mentions.size()));
      ActorMention& m = mentions.emplace_back();  // built in place: no move
      m.first_token = it.first;
      m.end_token = it.end;
      m.actor.code = std::move(it.code);
      m.actor.start = c->token(it.first).start;
      m.actor.end = c->token(it.end - 1).end;
      m.actor.text.assign(c->doc->text, m.actor.start, m.actor.end - m.actor.start);
      if (it.entry) {
        m.actor.name = it.entry->name;
        if (it.entry->framing) {
          const ActorHit& h = c->s->actors[it.actor_hit];
          uint32_t b = c->token(h.first).start, e = c->token(h.end - 1).end;
          m.actor.framing = c->doc->text.substr(b, e - b);
        }
      }
      m.agent_only = m.actor.code.rfind("---", 0) == 0;
      m.actor.via = m.agent_only    ? std::string_view("agent")
                    : it.absorbed ? std::string_view("prepositional")
                                  : std::string_view("dictionary");
      m.compound = compound;
      m.action = action;
      m.capital_place = it.capital_place;
      m.group = static_cast<uint32_t>(k);
    }
  }
}

namespace {

// Most recent mention before token `before` that `want(mention,
// in_this_sentence)` accepts: this sentence first (agent-only mentions
// skipped), then the document context of the two previous sentences (older
// mentions are too far for "it").
template <typename Want>
const ActorMention* RecentWhere(const SentenceCtx& c, uint32_t before, Want want) {
  const auto& ms = c.out->mentions;
  for (size_t k = ms.size(); k-- > 0;) {
    if (ms[k].end_token <= before && !ms[k].agent_only && want(ms[k], true)) return &ms[k];
  }
  for (size_t k = c.s->context.size(); k-- > 0;) {
    if (c.s->context_sentence[k] + 2 < c.out->sentence) break;
    if (want(*c.s->context[k], false)) return c.s->context[k];
  }
  return nullptr;
}

// RecentWhere filtered on the code only ("" = any non-agent-only).
const ActorMention* Recent(const SentenceCtx& c, uint32_t before,
                           bool (*want)(const std::string&)) {
  return RecentWhere(c, before,
                     [want](const ActorMention& m, bool) { return want(m.actor.code); });
}

bool AnyCode(const std::string&) { return true; }
bool GroupCode(const std::string& code) {
  return code.find("REB") != std::string::npos || code.rfind("IMG", 0) == 0 ||
         code.rfind("NGO", 0) == 0 || code.find("OPP") != std::string::npos ||
         code.find("PTY") != std::string::npos;
}
bool StateCode(const std::string& code) {
  return code.size() >= 3 && code.rfind("---", 0) != 0 && !GroupCode(code) &&
         code.rfind("IGO", 0) != 0;
}

// The referent of "the NOUN" (a definite description of an actor seen
// before): "the army"/"the military" -> a state's MIL, "the regime" -> a
// state's GOV, "the country" -> a state, anything else ("the movement",
// "the group") -> an armed group, party or organization.
const ActorMention* DefiniteReferent(const SentenceCtx& c, uint32_t before,
                                     std::string_view noun, std::string* suffix) {
  if (noun == "army" || noun == "military") {
    *suffix = "MIL";
    return Recent(c, before, StateCode);
  }
  if (noun == "regime") {
    *suffix = "GOV";
    return Recent(c, before, StateCode);
  }
  if (noun == "country" || noun == "kingdom" || noun == "state") return Recent(c, before, StateCode);
  return Recent(c, before, GroupCode);
}

// Most recent mention before token `before` that can own something: not
// agent-only, not an action ("an Israeli strike that targeted its leader":
// "its" is not the strike's).
const ActorMention* RecentOwner(const SentenceCtx& c, uint32_t before) {
  return RecentWhere(c, before, [&c](const ActorMention& m, bool in_sentence) {
    if (m.action) return false;
    // "a ceasefire in the Gaza Strip ... its leader": a place owns nothing.
    return !(in_sentence && m.first_token > c.first && (c.cls(m.first_token - 1) & kWcPrep) &&
             c.token(m.first_token - 1).norm != "of");
  });
}

// "its delegation", "their leaders": an agent-only NP opened by a possessive
// pronoun belongs to the pronoun's antecedent. A state keeps its country and
// takes the NP's roles (Israel ... "its army" -> ISRMIL); a named group or an
// organization absorbs them (Hamas ... "its military leader" -> PSEREBHMS).
void ResolvePossessives(SentenceCtx* c) {
  auto& nps = c->s->nps;
  auto& ms = c->out->mentions;
  for (const NounPhrase& np : nps) {
    if (np.members.empty()) continue;
    bool all_agent_only = std::all_of(np.members.begin(), np.members.end(),
                                      [&](int32_t m) { return ms[m].agent_only; });
    if (!all_agent_only) continue;
    const ActorMention* ref = nullptr;
    if (c->cls(np.first) & kWcPossPron) {
      ref = RecentOwner(*c, np.first);
    } else if (DefiniteOwnerOpens(*c, np)) {
      std::string suffix;  // "the movement's leadership": the movement's roles
      ref = DefiniteReferent(*c, np.first, c->token(np.first + 1).norm, &suffix);
    }
    if (!ref) continue;
    std::string owner = ref->actor.code;
    bool state = StateCode(owner) && !IsNamedGroupCode(owner);
    std::string code = state ? WithAgents(*c, np, owner.substr(0, 3)) : owner;
    std::string name = ref->actor.name;
    for (int32_t m : np.members) {
      ms[m].actor.code = code;
      ms[m].actor.name = name;
      ms[m].agent_only = false;
      ms[m].actor.via = "possessive";
    }
  }
}

}  // namespace

// "the Palestinian movement", "the Lebanese group": a definite group noun
// after a demonym names the group of that country the article mentioned
// last (Hamas ... "a senior official in the Palestinian movement" ->
// PSEREBHMS), not the country. Only where named groups absorb agents (off in
// `parley validate`); the mention keeps its words and says "coreference".
void ResolveDemonymGroups(SentenceCtx* c) {
  if (!c->options->group_codes_absorb_agents) return;
  for (ActorMention& m : c->out->mentions) {
    if (m.pronoun || m.agent_only || m.end_token < m.first_token + 3) continue;
    const uint32_t head = m.end_token - 1;
    std::string_view noun = c->token(head).norm;
    if (noun != "movement" && noun != "group" && noun != "organization" &&
        noun != "organisation" && noun != "faction") {
      continue;
    }
    if (c->token(head - 2).norm != "the" || !c->token(head - 1).has(kTokCapitalized)) continue;
    const std::string country = m.actor.code.substr(0, 3);
    if (!StateCode(m.actor.code) || IsNamedGroupCode(m.actor.code)) continue;
    const ActorMention* ref = RecentWhere(*c, m.first_token, [&](const ActorMention& r, bool) {
      const std::string& code = r.actor.code;  // a named non-state group: REB, OPP, PTY
      return IsNamedGroupCode(code) && code.starts_with(country) &&
             (code.compare(3, 3, "REB") == 0 || code.compare(3, 3, "OPP") == 0 ||
              code.compare(3, 3, "PTY") == 0);
    });
    if (!ref) continue;
    m.actor.code = ref->actor.code;
    m.actor.name = ref->actor.name;
    m.actor.via = "coreference";
  }
}

namespace {

// Appends to the sentence's mentions a copy of `ref` (a mention of this or
// an earlier sentence) for the words of `np`: a pronoun or definite
// description referring to it, with `suffix` replacing its roles when not
// empty. Built in place; `ref` may point into the vector that grows.
void AppendCoreferent(SentenceCtx* c, const ActorMention* ref, const NounPhrase& np, uint32_t group,
                      const std::string& suffix) {
  auto& ms = c->out->mentions;
  const auto* base = ms.data();
  const bool in_sentence = !ms.empty() && std::less_equal<>()(base, ref) &&
                           std::less<>()(ref, base + ms.size());
  const size_t ref_index = in_sentence ? static_cast<size_t>(ref - base) : 0;
  ActorMention& m = ms.emplace_back();
  const ActorMention& r = in_sentence ? ms[ref_index] : *ref;
  m = r;  // every field, then the mention's own words
  m.first_token = np.first;
  m.end_token = np.end;
  if (!suffix.empty()) m.actor.code = r.actor.code.substr(0, 3) + suffix;
  m.actor.start = c->token(np.first).start;
  m.actor.end = c->token(np.end - 1).end;
  m.actor.text.assign(c->doc->text, m.actor.start, m.actor.end - m.actor.start);
  m.actor.via = np.pronoun ? "pronoun" : "coreference";
  m.pronoun = true;
  m.compound = false;
  m.group = group;
}

}  // namespace

void ResolvePronouns(SentenceCtx* c) {
  ResolvePossessives(c);
  ResolveDemonymGroups(c);
  auto& nps = c->s->nps;
  for (size_t k = 0; k < nps.size(); ++k) {
    NounPhrase& np = nps[k];
    if (!np.members.empty() || np.absorbed_by >= 0) continue;
    const ActorMention* ref = nullptr;
    std::string suffix;
    if (np.pronoun) {
      ref = Recent(*c, np.first, AnyCode);
    } else if (np.end - np.first >= 2 && c->token(np.first).norm == "the" &&
               (c->cls(np.first + 1) & kWcDefNoun) &&
               (np.end - np.first == 2 || c->token(np.first + 2).has(kTokPossessive))) {
      // "the movement('s decision)"
      ref = DefiniteReferent(*c, np.first, c->token(np.first + 1).norm, &suffix);
    }
    if (!ref) continue;
    np.members.push_back(static_cast<int32_t>(c->out->mentions.size()));
    AppendCoreferent(c, ref, np, static_cast<uint32_t>(k), suffix);
  }
}

namespace {

constexpr uint32_t kNoCountry = ~0u;

// The 3-letter code prefix as a 15-bit key when it names a state (not an
// IGO/NGO/group or region), else kNoCountry. Equal keys = equal prefixes.
uint32_t CountryKey(const std::string& code) {
  // Besides the regions (kRegionCodes).
  static constexpr std::string_view kNotCountries[] = {
      "---", "IGO", "NGO", "IMG", "MNC", "UAF", "UIS", "NAM", "OCN", "EAS", "WEU"};
  auto key = [](const char* p) {  // three letters A-Z -> 15 bits
    return static_cast<uint32_t>(p[0] - 'A') << 10 | static_cast<uint32_t>(p[1] - 'A') << 5 |
           static_cast<uint32_t>(p[2] - 'A');
  };
  static const std::vector<bool> kNot = [&] {
    std::vector<bool> v(1u << 15, false);
    for (std::string_view n : kNotCountries) {
      if (n[0] >= 'A') v[key(n.data())] = true;  // "---" fails the letter test below
    }
    for (std::string_view n : kRegionCodes) v[key(n.data())] = true;
    return v;
  }();
  if (code.size() < 3) return kNoCountry;
  for (int i = 0; i < 3; ++i) {
    if (code[i] < 'A' || code[i] > 'Z') return kNoCountry;
  }
  const uint32_t k = key(code.data());
  return kNot[k] ? kNoCountry : k;
}

bool CountryPrefix(const std::string& code) { return CountryKey(code) != kNoCountry; }

// "in X" / "a village in X": the mention names where something happened.
bool Locative(const SentenceCtx& c, const ActorMention& m) {
  uint32_t from = m.first_token > c.first ? m.first_token - 1 : c.first;
  for (uint32_t t = from; t < m.end_token; ++t) {
    if (c.token(t).norm == "in") return true;
  }
  return false;
}

// The country that dominates the preceding sentences' mentions: at least
// three mentions and three times as many as any other country, else "".
std::string DominantCountry(const SentenceCtx& c) {
  struct Count {
    uint32_t key;
    int n;
    const std::string* code;  // a code with this prefix
  };
  std::vector<Count> counts;
  for (const ActorMention* pm : c.s->context) {
    const ActorMention& m = *pm;
    const uint32_t key = m.agent_only ? kNoCountry : CountryKey(m.actor.code);
    if (key == kNoCountry) continue;
    auto it = std::find_if(counts.begin(), counts.end(),
                           [key](const Count& e) { return e.key == key; });
    if (it == counts.end()) counts.push_back({key, 1, &m.actor.code});
    else ++it->n;
  }
  const Count* best = nullptr;
  int second = 0;  // a tie for the lead is a second country as strong
  for (const Count& e : counts) {
    if (!best || e.n > best->n) {
      if (best) second = best->n;
      best = &e;
    } else if (e.n > second) {
      second = e.n;
    }
  }
  if (!best || best->n < 3 || best->n < 3 * second) return "";
  return best->code->substr(0, 3);
}

// True when earlier sentences of the document name a country other than
// `country` (a CountryKey): "the army" in "the army struck targets in Gaza"
// after Israel was named is not Gaza's army, so the place says nothing
// about whose it is.
bool ContextNamesOtherCountry(const SentenceCtx& c, uint32_t country) {
  for (const ActorMention* pm : c.s->context) {
    const ActorMention& m = *pm;
    if (m.agent_only) continue;
    const uint32_t key = CountryKey(m.actor.code);
    if (key != kNoCountry && key != country) return true;
  }
  return false;
}

// Roles whose people are of the place they are in: civilians, refugees,
// health and education workers, clergy, business, labour, farmers and
// police ("---CVL" near "in Gaza" is PSECVL).
bool LocalRole(std::string_view code) {
  static constexpr std::string_view kRoles[] = {"CVL", "REF", "HLH", "EDU", "REL",
                                                "BUS", "LAB", "AGR", "COP"};
  return code.size() == 6 &&
         std::find(std::begin(kRoles), std::end(kRoles), code.substr(3)) != std::end(kRoles);
}

// At most this many tokens between people and the place that gives them a
// country.
constexpr uint32_t kLocalPlaceWindow = 10;

// "an Israeli airstrike on a camp in al-Mawasi killed 92 people" -> PSECVL:
// agent-only local people (LocalRole) near the places [place_first,
// place_end) ("protesters near the US embassy in Amman", "killing 13
// children at a school in northwest Pakistan") take their country.
void LocalPeopleTakeThePlacesCountry(const std::string& letters, uint32_t place_first,
                                     uint32_t place_end, std::vector<ActorMention>* ms) {
  for (ActorMention& m : *ms) {
    if (!m.agent_only || !LocalRole(m.actor.code)) continue;
    const uint32_t gap = m.end_token <= place_first ? place_first - m.end_token
                         : place_end <= m.first_token ? m.first_token - place_end
                                                      : 0;
    if (gap > kLocalPlaceWindow) continue;
    m.actor.code.replace(0, 3, letters);
    m.agent_only = false;
    m.actor.via = "agent+sentence place";
  }
}

}  // namespace

void CountryForAgentOnly(SentenceCtx* c) {
  auto& ms = c->out->mentions;
  if (std::none_of(ms.begin(), ms.end(), [](const ActorMention& m) { return m.agent_only; })) {
    return;  // nothing to do (most sentences): skip the country scans
  }
  uint32_t country = kNoCountry, place_country = kNoCountry;
  std::string letters, place_letters;  // the countries' code prefixes
  bool place = false, any_agent_only = false, several = false, several_places = false;
  uint32_t place_first = UINT32_MAX, place_end = 0;  // the places' token span
  for (const ActorMention& m : ms) {
    if (m.agent_only) {
      any_agent_only = true;
      continue;
    }
    const uint32_t key = CountryKey(m.actor.code);
    if (key == kNoCountry) continue;
    // "engage in them" is no place, nor is "in Russian strikes" (an action).
    const bool here = !m.pronoun && !m.action && Locative(*c, m);
    if (here) {
      several_places |= place_country != kNoCountry && key != place_country;
      if (place_country == kNoCountry) place_letters.assign(m.actor.code, 0, 3);
      place_country = key;
      place_first = std::min(place_first, m.first_token);
      place_end = std::max(place_end, m.end_token);
    }
    if (country != kNoCountry && key != country) several = true;
    if (several) continue;
    if (country == kNoCountry) letters.assign(m.actor.code, 0, 3);
    country = key;
    place |= here;
  }
  if (several) {
    // Two countries: people of the one place the sentence names are its
    // people; armed or governing roles say nothing by place.
    if (place_country != kNoCountry && !several_places) {
      LocalPeopleTakeThePlacesCountry(place_letters, place_first, place_end, &ms);
    }
    return;
  }
  if (!any_agent_only || (!place && country != kNoCountry)) return;
  if (country != kNoCountry && ContextNamesOtherCountry(*c, country)) return;
  const char* via = "agent+sentence country";
  if (country == kNoCountry) {  // no country in the sentence: the document's, if clear
    letters = DominantCountry(*c);
    via = "agent+document country";
    if (letters.empty()) return;
  }
  for (ActorMention& m : ms) {
    if (!m.agent_only) continue;
    m.actor.code.replace(0, 3, letters);
    m.agent_only = false;
    m.actor.via = via;
  }
}

// "An Israeli military spokesman said the army had struck ...": a definite
// agent-only mention in a reported clause whose role the speaker's own code
// carries ("the army" -> MIL in ISRMILGOV) is the speaker's country's.
// "A Hamas spokesman said the army ..." (no MIL in PSEREBHMS) is left alone.
void CountryFromSpeaker(SentenceCtx* c) {
  auto& ms = c->out->mentions;
  for (const Clause& cl : c->out->clauses) {
    if (cl.kind != Clause::Kind::kReported || cl.speaker < 0) continue;
    const ActorMention& spk = ms[static_cast<size_t>(cl.speaker)];
    const std::string& sc = spk.actor.code;
    if (spk.agent_only || !CountryPrefix(sc) || sc.size() < 6) continue;
    const std::string sector = sc.substr(3, 3);
    if (sector == "REB" || sector == "OPP" || sector == "PTY") continue;  // a group's "the army"
    for (ActorMention& m : ms) {
      if (!m.agent_only || m.first_token < cl.first_token || m.first_token >= cl.end_token) continue;
      bool definite = c->token(m.first_token).norm == "the" ||
                      (m.first_token > c->first && c->token(m.first_token - 1).norm == "the");
      if (!definite || m.actor.code.size() != 6) continue;
      const std::string role = m.actor.code.substr(3);
      if (sc.find(role, 3) == std::string::npos) continue;
      m.actor.code = sc.substr(0, 3) + role;
      m.actor.name = spk.actor.name;
      m.agent_only = false;
      m.actor.via = "agent+speaker country";
    }
  }
}

}  // namespace parley::coder_internal
