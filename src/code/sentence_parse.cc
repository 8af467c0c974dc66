// Sparse parse of one sentence: token classes, dictionary matches (longest
// actor / agent / verb form), verb-vs-noun decisions, noun phrases, compound
// lists, prepositional absorption ("troops in Iraq"), actor mentions.
#include <algorithm>
#include <cstring>

#include "code/coder_internal.h"

namespace parley::coder_internal {
namespace {

bool IsPossessive(const SentenceCtx& c, uint32_t i) {
  return c.token(i).has(kTokPossessive);
}

struct Longest {
  uint32_t actor_len = 0, actor_node = 0;
  uint32_t agent_len = 0;
  int32_t agent = -1;
  uint32_t verb_len = 0;
  int32_t verb_form = -1;
};

void Walk(const SentenceCtx& c, uint32_t i, uint32_t first_word, Longest* l, bool verbs_only) {
  const CompiledDictionaryImpl& d = *c.dict;
  uint32_t node = PhraseTrie::kRoot;
  for (uint32_t j = i; j < c.end; ++j) {
    if (j > i && c.tok(j).joiner) continue;  // "Dol_Amroth"
    uint32_t w = j == i ? first_word : c.tok(j).word;
    if (w == kNoWord) break;
    node = d.trie.Child(node, w);
    if (node == PhraseTrie::kNone) break;
    const NodeInfo* info = d.Info(node);
    if (!info) continue;
    uint32_t len = j + 1 - i;
    if (!verbs_only && info->actor_list >= 0) l->actor_len = len, l->actor_node = node;
    if (!verbs_only && info->agent >= 0) l->agent_len = len, l->agent = info->agent;
    if (info->verb_form >= 0) l->verb_len = len, l->verb_form = info->verb_form;
  }
}

}  // namespace

void PrepareTokens(SentenceCtx* c) {
  Scratch& s = *c->s;
  s.toks.assign(c->end - c->first, TokInfo{});
  s.actors.clear();
  s.agents.clear();
  s.verbs.clear();
  s.nps.clear();
  s.groups.clear();
  for (uint64_t& b : s.bloom) b = 0;
  s.classes = 0;
  uint32_t caps = 0, words = 0;  // an all-caps sentence gives no signal
  s.word_cache.Bind(*c->dict);
  for (uint32_t i = c->first; i < c->end; ++i) {
    const Token& t = c->token(i);
    TokInfo& ti = c->tok(i);
    words += t.has(kTokWord);
    caps += t.has(kTokAllCaps);
    uint32_t lemma_cls = 0;
    ti.word = s.word_cache.FindBound(*c->dict, *c->classes, t.norm, &ti.cls);
    ti.lemma = (t.lemma.data() == t.norm.data() && t.lemma.size() == t.norm.size()) ||
                       t.lemma == t.norm
                   ? ti.word
                   : s.word_cache.FindBound(*c->dict, *c->classes, t.lemma, &lemma_cls);
    if (ti.word != kNoWord) s.BloomAdd(ti.word);
    if (ti.lemma != kNoWord) s.BloomAdd(ti.lemma);
    if (t.has(kTokQuote)) ti.cls |= kWcQuote;
    if (t.has(kTokPossessive)) ti.cls = 0;
    ti.joiner = t.norm == "_";
    s.classes |= ti.cls;
  }
  if (caps == 0 || caps * 2 > words) return;  // nothing to alias, or shouting
  for (uint32_t i = c->first; i < c->end; ++i) {
    const Token& t = c->token(i);
    if (!t.has(kTokAllCaps)) continue;  // "US", "IS" (the bloom keeps the plain word)
    std::string_view alias = CapsAlias(t.norm);
    uint32_t id = alias.empty() ? kNoWord : c->dict->words.Find(alias);
    if (id != kNoWord) {
      TokInfo& ti = c->tok(i);
      ti.word = ti.lemma = id;
      ti.cls = 0;
    }
  }
}

bool CheckDiscards(SentenceCtx* c, bool* story) {
  const CompiledDictionaryImpl& d = *c->dict;
  bool found = false;
  for (uint32_t i = c->first; i < c->end; ++i) {
    if (!d.StartsDiscard(c->tok(i).word)) continue;
    uint32_t node = PhraseTrie::kRoot;
    for (uint32_t j = i; j < c->end; ++j) {
      uint32_t w = c->tok(j).word;
      if (w == kNoWord) break;
      node = d.trie.Child(node, w);
      if (node == PhraseTrie::kNone) break;
      const NodeInfo* info = d.Info(node);
      if (info && info->discard >= 0) {
        found = true;
        if (d.discards[info->discard].story) *story = true;
      }
    }
  }
  return found;
}

void FindMatches(SentenceCtx* c) {
  Scratch& s = *c->s;
  for (uint32_t i = c->first; i < c->end; ++i) {
    TokInfo& ti = c->tok(i);
    Longest l;
    if (c->dict->StartsPhrase(ti.word)) Walk(*c, i, ti.word, &l, false);
    if (l.verb_form < 0 && c->dict->StartsPhrase(ti.lemma) && ti.lemma != ti.word &&
        !IsRegularInflection(c->token(i).norm, c->token(i).lemma)) {
      Walk(*c, i, ti.lemma, &l, true);  // irregular form: "struck" -> strike
    }
    uint32_t noun_len = std::max(l.actor_len, l.agent_len);
    if (noun_len > 0 && l.verb_len <= noun_len) {
      if (l.actor_len >= l.agent_len) {
        ti.actor = static_cast<int32_t>(s.actors.size());
        s.actors.push_back({i, i + l.actor_len, l.actor_node});
      } else {
        ti.agent = static_cast<int32_t>(s.agents.size());
        s.agents.push_back({i, i + l.agent_len, l.agent});
      }
      for (uint32_t k = i; k < i + noun_len; ++k) c->tok(k).in_match = true;
      i += noun_len - 1;
      continue;
    }
    bool report = (ti.cls & (kWcReport | kWcAccording)) != 0;
    if (l.verb_len > 0 || report) {
      ti.verb = static_cast<int32_t>(s.verbs.size());
      uint32_t len = std::max<uint32_t>(1, l.verb_len);
      s.verbs.push_back({i, i + len, l.verb_form, false, report});
      i += len - 1;
    }
  }
}

namespace {

// True when the verb candidate at `first` reads as a noun: "an attack",
// "Gondor's proposals", "after talks", "his first official visit".
bool NounContext(const SentenceCtx& c, uint32_t first, bool past) {
  if (first == c.first) return false;
  uint32_t prev = first - 1;
  uint32_t pc = c.cls(prev);
  if (pc & kWcTo) return false;
  if ((pc & (kWcDet | kWcPossPron)) || IsPossessive(c, prev)) return true;
  if (c.token(prev).has(kTokNumber)) return true;
  if (pc & kWcPrep) return !(pc & kWcBy) || !past;
  if (c.tok(prev).is_verb) return true;
  // A participle read as an adjective ("called for increased pressure",
  // "after renewed fighting") modifies this word: a noun.
  std::string_view pn = c.token(prev).norm;
  bool participle = (pn.size() > 3 && pn.substr(pn.size() - 2) == "ed") ||
                    (pn.size() > 4 && pn.substr(pn.size() - 3) == "ing");
  if (participle && pc == 0 && prev > c.first &&
      (c.cls(prev - 1) & (kWcDet | kWcPossPron | kWcPrep))) {
    return true;
  }
  if (past) return false;
  // Walking back over plain lower-case words: a determiner or number before
  // them makes this a noun ("the three attacks"), and so does a verb right
  // before them ("imposed new sanctions", "launched fresh strikes"); a name
  // or an actor word may be this verb's subject ("said Israel attacks").
  bool plain = true;
  for (uint32_t k = prev, steps = 0; k >= c.first && steps < 4; --k, ++steps) {
    uint32_t kc = c.cls(k);
    if ((kc & (kWcDet | kWcPossPron)) || IsPossessive(c, k)) return true;
    if (c.token(k).has(kTokNumber)) return true;
    if (c.tok(k).is_verb) return k < prev && plain;
    if (kc != 0 || c.token(k).has(kTokPunct)) return false;
    plain = plain && !c.tok(k).in_match && !c.token(k).has(kTokCapitalized);
    if (k == c.first) break;
  }
  return false;
}

bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}

}  // namespace

void AcceptVerbs(SentenceCtx* c) {
  Scratch& s = *c->s;
  for (VerbHit& h : s.verbs) {
    uint32_t head = h.first;
    if (h.form >= 0) head = h.first + c->dict->verb_forms[h.form].verb_index;
    const Token& t = c->token(head);
    uint32_t hc = c->cls(head);
    if ((hc & (kWcAux | kWcModal | kWcBe)) && !h.report) continue;
    if (hc & kWcAccording) {
      h.accepted = head + 1 < c->end && (c->cls(head + 1) & kWcTo);
      continue;
    }
    bool past = EndsWith(t.norm, "ed") || (t.lemma != t.norm && !EndsWith(t.norm, "s") &&
                                           !EndsWith(t.norm, "ing"));
    if (NounContext(*c, h.first, past)) continue;
    h.accepted = true;
    for (uint32_t k = h.first; k < h.end; ++k) c->tok(k).is_verb = true;
  }
}

}  // namespace parley::coder_internal
