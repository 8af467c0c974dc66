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
  const TokInfo* toks = c.s->toks.data();  // index j - c.first
  uint32_t node = PhraseTrie::kRoot;
  for (uint32_t j = i; j < c.end; ++j) {
    const TokInfo& tj = toks[j - c.first];
    if (j > i && tj.joiner) continue;  // "Dol_Amroth"
    uint32_t w = j == i ? first_word : tj.word;
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

namespace {

// Refills Scratch::discard_starts and match_starts from the tokens.
void ListStarts(SentenceCtx* c) {
  Scratch& s = *c->s;
  s.discard_starts.clear();
  s.match_starts.clear();
  for (uint32_t i = c->first; i < c->end; ++i) {
    const TokInfo& ti = c->tok(i);
    if (ti.starts & kStartsDiscard) s.discard_starts.push_back(i);
    if ((ti.starts & (kStartsPhrase | kLemmaStartsPhrase)) ||
        (ti.cls & (kWcReport | kWcAccording))) {
      s.match_starts.push_back(i);
    }
  }
}

// "US", "IS", "WHO" in a sentence that is not all caps: looked up under their
// aliases ("u.s.", "isis", "w.h.o."; the bloom keeps the plain word).
void CapsAliases(SentenceCtx* c) {
  uint32_t caps = 0, words = 0;  // an all-caps sentence gives no signal
  for (uint32_t i = c->first; i < c->end; ++i) {
    words += c->token(i).has(kTokWord);
    caps += c->token(i).has(kTokAllCaps);
  }
  if (caps * 2 > words) return;  // shouting
  const CompiledDictionaryImpl& dict = *c->dict;
  bool changed = false;
  for (uint32_t i = c->first; i < c->end; ++i) {
    const Token& t = c->token(i);
    if (!t.has(kTokAllCaps)) continue;
    std::string_view alias = CapsAlias(t.norm);
    uint32_t id = alias.empty() ? kNoWord : dict.words.Find(alias);
    if (id == kNoWord) continue;
    TokInfo& ti = c->tok(i);
    ti.word = ti.lemma = id;
    ti.cls = 0;
    uint32_t st = id < dict.starts.size() ? dict.starts[id] : 0;
    ti.starts = static_cast<uint8_t>(st | ((st & kStartsPhrase) ? kLemmaStartsPhrase : 0));
    c->s->starts |= ti.starts;
    changed = true;
  }
  if (changed) ListStarts(c);
}

}  // namespace

void PrepareTokens(SentenceCtx* c) {
  Scratch& s = *c->s;
  const uint32_t n = c->end - c->first;
  s.toks.resize(n);  // every element is overwritten below
  s.actors.clear();
  s.agents.clear();
  s.verbs.clear();
  s.nps.clear();
  s.groups.clear();
  s.discard_starts.clear();
  s.match_starts.clear();
  uint64_t bloom[16] = {};
  uint32_t classes = 0, starts = 0, flags = 0;
  const CompiledDictionaryImpl& dict = *c->dict;
  const WordClasses& wc = *c->classes;
  WordCache& cache = s.word_cache;
  cache.Bind(dict);
  const uint32_t first = c->first;  // a local: the stores below could alias c->first
  const Token* tokens = c->text->tokens.data() + first;
  TokInfo* toks = s.toks.data();
  auto bloom_add = [&bloom](uint32_t id) {
    uint32_t h = Scratch::BloomBit(id);
    bloom[h >> 6] |= uint64_t{1} << (h & 63);
  };
  for (uint32_t k = 0; k < n; ++k) {
    const Token& t = tokens[k];
    TokInfo ti;
    flags |= t.flags;
    uint32_t st = 0;
    ti.word = cache.FindBound(dict, wc, t.norm, &ti.cls, &st);
    if (ti.word != kNoWord) bloom_add(ti.word);
    if ((t.lemma.data() == t.norm.data() && t.lemma.size() == t.norm.size()) ||
        t.lemma == t.norm) {
      ti.lemma = ti.word;
      st |= (st & kStartsPhrase) ? kLemmaStartsPhrase : 0;
    } else {
      uint32_t lemma_cls, lemma_st;
      ti.lemma = cache.FindBound(dict, wc, t.lemma, &lemma_cls, &lemma_st);
      st |= (lemma_st & kStartsPhrase) ? kLemmaStartsPhrase : 0;
      if (ti.lemma != kNoWord) bloom_add(ti.lemma);
    }
    ti.starts = static_cast<uint8_t>(st);
    if (t.flags & (kTokQuote | kTokPossessive)) [[unlikely]] {
      if (t.has(kTokQuote)) ti.cls |= kWcQuote;
      if (t.has(kTokPossessive)) ti.cls = 0;
    }
    ti.joiner = t.norm.size() == 1 && t.norm[0] == '_';
    classes |= ti.cls;
    starts |= st;
    if (st & kStartsDiscard) s.discard_starts.push_back(first + k);
    if ((st & (kStartsPhrase | kLemmaStartsPhrase)) || (ti.cls & (kWcReport | kWcAccording))) {
      s.match_starts.push_back(first + k);
    }
    toks[k] = ti;
  }
  std::copy(std::begin(bloom), std::end(bloom), s.bloom);
  s.classes = classes;
  s.starts = starts;
  if (flags & kTokAllCaps) CapsAliases(c);
}

bool CheckDiscards(SentenceCtx* c, bool* story) {
  const CompiledDictionaryImpl& d = *c->dict;
  bool found = false;
  for (uint32_t i : c->s->discard_starts) {
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
  uint32_t next = c->first;  // tokens before it are inside a match already
  for (uint32_t i : s.match_starts) {
    if (i < next) continue;
    TokInfo& ti = c->tok(i);
    bool report = (ti.cls & (kWcReport | kWcAccording)) != 0;
    Longest l;
    if (ti.starts & kStartsPhrase) Walk(*c, i, ti.word, &l, false);
    if (l.verb_form < 0 && (ti.starts & kLemmaStartsPhrase) && ti.lemma != ti.word &&
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
      next = i + noun_len;
      continue;
    }
    if (l.verb_len > 0 || report) {
      ti.verb = static_cast<int32_t>(s.verbs.size());
      uint32_t len = std::max<uint32_t>(1, l.verb_len);
      s.verbs.push_back({i, i + len, l.verb_form, false, report});
      next = i + len;
    }
  }
}

namespace {

// True when token i is inside an agent hit ("artillery", "troops").
bool InAgentHit(const SentenceCtx& c, uint32_t i) {
  for (const AgentHit& h : c.s->agents) {
    if (h.first <= i && i < h.end) return true;
  }
  return false;
}

// Irregular verbs whose past tense and participle are the base form: "hit"
// may be past where "attack" may not.
bool PastEqualsBase(std::string_view w) {
  static constexpr std::string_view kVerbs[] = {
      "hit", "cut", "shut", "set", "put", "spread", "hurt", "cast", "quit", "let", "burst",
      "shed", "split", "thrust", "bid", "upset", "beat"};
  return std::find(std::begin(kVerbs), std::end(kVerbs), w) != std::end(kVerbs);
}

// True when the verb candidate at `first` reads as a noun: "an attack",
// "Gondor's proposals", "after talks", "his first official visit".
bool NounContext(const SentenceCtx& c, uint32_t first, bool past) {
  if (first == c.first) return false;
  uint32_t prev = first - 1;
  uint32_t pc = c.cls(prev);
  if (pc & kWcTo) return false;
  if ((pc & (kWcDet | kWcPossPron)) || IsPossessive(c, prev)) return true;
  if (c.token(prev).has(kTokNumber)) return true;
  // "released six detained Americans": after a number word, a participle
  // before an actor or agent word modifies it ("two died in ..." stays a
  // verb).
  if (c.token(prev).number >= 0 && first + 1 < c.end &&
      (c.tok(first + 1).in_match || (c.token(first + 1).has(kTokCapitalized) &&
                                     !c.token(first + 1).has(kTokAllCaps)))) {
    return true;
  }
  if (pc & kWcPrep) return !(pc & kWcBy) || !past;
  if (c.tok(prev).is_verb) return true;
  // A participle read as an adjective ("called for increased pressure",
  // "after renewed fighting") modifies this word: a noun.
  std::string_view pn = c.token(prev).norm;
  bool participle = (pn.size() > 3 && pn.substr(pn.size() - 2) == "ed") ||
                    (pn.size() > 4 && pn.substr(pn.size() - 3) == "ing");
  // (Not a name that ends like one: "The Janjaweed attacked".)
  participle = participle && !c.token(prev).has(kTokCapitalized) && !c.tok(prev).in_match;
  if (participle && pc == 0 && prev > c.first &&
      (c.cls(prev - 1) & (kWcDet | kWcPossPron | kWcPrep))) {
    return true;
  }
  if (past) return false;
  // "A Houthi drone hit an apartment building": a verb whose past tense is
  // its base form, followed by the start of an object phrase, is a verb
  // even after a determiner and plain words.
  if (first + 1 < c.end && PastEqualsBase(c.token(first).norm) &&
      ((c.cls(first + 1) & (kWcDet | kWcPossPron)) || c.token(first + 1).has(kTokNumber))) {
    return false;
  }
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
    // A lower-case agent word is a plain modifier ("exchanged artillery
    // fire"); a name or an actor phrase may be the subject.
    plain = plain && !c.token(k).has(kTokCapitalized) &&
            (!c.tok(k).in_match || InAgentHit(c, k));
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
