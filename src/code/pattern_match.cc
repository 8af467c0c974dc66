// Verb pattern matching over the token stream (no parse tree). The pre half
// is matched right to left from the verb, the post half left to right; words
// match by norm or lemma, '_' adjacency must touch the neighbour (or the
// verb), $ + ^ % bind coded noun phrases, &SYNSETS match any member phrase.
// PETRARCH-2 {MOD HEAD} noun phrases match their words in order with small
// gaps, (PREP obj) as the preposition followed by its object words.
#include "code/coder_internal.h"

namespace parley::coder_internal {
namespace {

constexpr uint32_t kSynsetFlag = 0x80000000u;
constexpr uint32_t kMaxGap = 4;  // words between {MOD .. HEAD} parts

bool WordAt(const SentenceCtx& c, uint32_t i, uint32_t w) {
  const TokInfo& t = c.tok(i);
  return t.word == w || t.lemma == w;
}

// Length of a match of one word or synset id at i (0 = none).
uint32_t UnitAt(const SentenceCtx& c, uint32_t i, uint32_t w) {
  if (w & kSynsetFlag) return SynsetMatchAt(c, static_cast<int32_t>(w & ~kSynsetFlag), i);
  return WordAt(c, i, w) ? 1 : 0;
}

// Contiguous sequence of words at i; returns its length or 0.
uint32_t WordsAt(const SentenceCtx& c, uint32_t i, const std::vector<uint32_t>& words,
                 uint32_t limit) {
  uint32_t p = i;
  for (uint32_t w : words) {
    if (p >= limit) return 0;
    uint32_t n = UnitAt(c, p, w);
    if (n == 0) return 0;
    p += n;
  }
  return p - i;
}

// {MOD .. HEAD}: words in order, each within kMaxGap of the previous.
uint32_t NounPhraseAt(const SentenceCtx& c, uint32_t i, const std::vector<uint32_t>& words,
                      uint32_t limit) {
  uint32_t p = i;
  for (size_t k = 0; k < words.size(); ++k) {
    uint32_t max = k == 0 ? p + 1 : std::min(limit, p + kMaxGap + 1);
    uint32_t n = 0;
    uint32_t q = p;
    for (; q < max && q < limit; ++q) {
      n = UnitAt(c, q, words[k]);
      if (n) break;
    }
    if (!n) return 0;
    p = q + n;
  }
  return p - i;
}

uint32_t ElemAt(const SentenceCtx& c, const PatElem& e, uint32_t i, uint32_t limit) {
  switch (e.kind) {
    case PatElem::Kind::kWords: return WordsAt(c, i, e.words, limit);
    case PatElem::Kind::kPrep:
      return e.words.empty() ? 0 : (UnitAt(c, i, e.words[0]) ? 1 : 0);
    case PatElem::Kind::kNounPhrase: return NounPhraseAt(c, i, e.words, limit);
    case PatElem::Kind::kSynset: {
      uint32_t n = SynsetMatchAt(c, e.synset, i);
      return i + n <= limit ? n : 0;
    }
    default: return 0;
  }
}

bool IsActorSlot(const PatElem& e) {
  return e.kind == PatElem::Kind::kSource || e.kind == PatElem::Kind::kTarget ||
         e.kind == PatElem::Kind::kSkip || e.kind == PatElem::Kind::kCompound;
}

uint32_t NpEnd(const SentenceCtx& c, const NounPhrase& np) {
  uint32_t e = np.end;
  for (int32_t m : np.members) e = std::max(e, c.out->mentions[m].end_token);
  return e;
}

void Bind(const PatElem& e, int32_t np, PatternBinding* b) {
  if (e.kind == PatElem::Kind::kSource) b->source_np = np;
  if (e.kind == PatElem::Kind::kTarget) b->target_np = np;
  if (e.kind == PatElem::Kind::kCompound) b->compound_np = np;
}

bool SlotOk(const SentenceCtx& c, const PatElem& e, const NounPhrase& np) {
  if (np.members.empty()) return false;
  if (e.kind == PatElem::Kind::kCompound) return np.members.size() > 1;
  (void)c;
  return true;
}

bool MatchPost(const SentenceCtx& c, const std::vector<PatElem>& post, uint32_t cursor,
               uint32_t limit, PatternBinding* b) {
  const auto& nps = c.s->nps;
  for (const PatElem& e : post) {
    bool found = false;
    if (IsActorSlot(e)) {
      for (size_t k = 0; k < nps.size() && !found; ++k) {
        if (nps[k].end <= cursor || nps[k].first >= limit) continue;
        // "money from Osgiliath": the absorbed NP stands for its absorber.
        int32_t use = static_cast<int32_t>(k);
        for (int d = 0; d < 4 && nps[use].members.empty() && nps[use].absorbed_by >= 0; ++d) {
          use = nps[use].absorbed_by;
        }
        if (!SlotOk(c, e, nps[use])) continue;
        if (e.adjacent && nps[k].first != cursor) break;
        Bind(e, use, b);
        cursor = std::max(nps[k].end, NpEnd(c, nps[use]));
        found = true;
      }
    } else {
      for (uint32_t p = cursor; p < limit && !found; ++p) {
        uint32_t n = ElemAt(c, e, p, limit);
        if (n) {
          b->spans.push_back({p, p + n});
          cursor = p + n;
          found = true;
        }
        if (e.adjacent) break;
      }
    }
    if (!found) return false;
  }
  return true;
}

bool MatchPre(const SentenceCtx& c, const std::vector<PatElem>& pre, uint32_t cursor,
              PatternBinding* b) {
  const auto& nps = c.s->nps;
  for (size_t k = pre.size(); k-- > 0;) {
    const PatElem& e = pre[k];
    bool found = false;
    if (IsActorSlot(e)) {
      for (size_t n = nps.size(); n-- > 0 && !found;) {
        if (NpEnd(c, nps[n]) > cursor || !SlotOk(c, e, nps[n])) continue;
        Bind(e, static_cast<int32_t>(n), b);
        cursor = nps[n].first;
        found = true;
      }
    } else {
      for (uint32_t p = cursor; p-- > c.first && !found;) {
        uint32_t n = ElemAt(c, e, p, cursor);
        if (n && (!e.adjacent || p + n == cursor)) {
          b->spans.push_back({p, p + n});
          cursor = p;
          found = true;
        }
        if (e.adjacent && p + 3 < cursor) break;
      }
    }
    if (!found) return false;
  }
  return true;
}

}  // namespace

namespace {

// Fills the scratch's synset index for the sentence: one trie walk from each
// token that starts a synset member ('_' inside a name is transparent),
// recording every synset of every node reached with the longest length.
void WalkSynsets(const SentenceCtx& c, uint32_t i) {
  Scratch& s = *c.s;
  const CompiledDictionaryImpl& d = *c.dict;
  const size_t here = s.synset_hits.size();
  uint32_t node = PhraseTrie::kRoot;
  for (uint32_t j = i; j < c.end; ++j) {
    if (j > i && c.tok(j).joiner) continue;
    uint32_t w = c.tok(j).word;
    if (w == kNoWord) break;
    node = d.trie.Child(node, w);
    if (node == PhraseTrie::kNone) break;
    const NodeInfo* info = d.Info(node);
    if (!info) continue;
    for (uint32_t k = info->synset_begin; k < info->synset_end; ++k) {
      uint32_t syn = d.synset_members[k];
      size_t h = here;
      while (h < s.synset_hits.size() && s.synset_hits[h].synset != syn) ++h;
      if (h == s.synset_hits.size()) s.synset_hits.push_back({syn, 0, i});
      s.synset_hits[h].len = j + 1 - i;  // later nodes are longer
      if (syn / 64 < s.synset_present.size()) {
        s.synset_present[syn / 64] |= uint64_t{1} << (syn % 64);
      }
    }
  }
}

// Fills the scratch's synset index for the sentence: one trie walk from each
// token that starts a synset member ('_' inside a name is transparent),
// recording every synset of every node reached with the longest length.
// The start tokens come from Scratch::synset_starts when pattern_gates.cc
// has collected them for the sentence.
void BuildSynsetIndex(const SentenceCtx& c) {
  Scratch& s = *c.s;
  const CompiledDictionaryImpl& d = *c.dict;
  s.synset_hits.clear();
  s.synset_present.assign((d.synset_labels.size() + 63) / 64, 0);
  if (s.gate_words_ready) {
    for (uint32_t i : s.synset_starts) WalkSynsets(c, i);
  } else {
    for (uint32_t i = c.first; i < c.end; ++i) {
      if (d.StartsSynset(c.tok(i).word)) WalkSynsets(c, i);
    }
  }
  s.synsets_ready = true;
}

}  // namespace

void EnsureSynsetIndex(const SentenceCtx& c) {
  if (!c.s->synsets_ready) BuildSynsetIndex(c);
}

uint32_t SynsetMatchAt(const SentenceCtx& c, int32_t synset, uint32_t i) {
  if (i < c.first || i >= c.end) return 0;
  if (!c.s->synsets_ready) BuildSynsetIndex(c);
  const uint32_t want = static_cast<uint32_t>(synset);
  for (const Scratch::SynsetHit& h : c.s->synset_hits) {
    if (h.token > i) break;
    if (h.token == i && h.synset == want) return h.len;
  }
  return 0;
}

bool MatchPattern(const SentenceCtx& c, const CompiledPattern& pattern, const VerbGroup& g,
                  uint32_t limit, PatternBinding* b) {
  for (uint32_t w : pattern.required) {
    if (!c.s->BloomHas(w)) return false;
  }
  const VerbHit& h = c.s->verbs[g.hit];
  b->source_np = b->target_np = b->compound_np = -1;
  b->spans.clear();
  if (!MatchPost(c, pattern.post, h.end, limit, b)) return false;
  if (!MatchPre(c, pattern.pre, h.first, b)) return false;
  return true;
}

}  // namespace parley::coder_internal
