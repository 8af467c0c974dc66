#include "code/pattern_gates.h"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace parley::coder_internal {
namespace {

constexpr uint32_t kSynsetBit = 0x80000000u;  // synset id in a PatElem word list

// Synsets a pattern cannot match without: every synset element and every
// synset word of a word sequence or {MOD HEAD} phrase; of a (PREP obj)
// preposition only the first word is matched.
void RequiredSynsets(const CompiledPattern& p, std::vector<uint32_t>* out) {
  auto add = [&](uint32_t syn) {
    if (std::find(out->begin(), out->end(), syn) == out->end()) out->push_back(syn);
  };
  for (const auto* half : {&p.pre, &p.post}) {
    for (const PatElem& e : *half) {
      if (e.kind == PatElem::Kind::kSynset && e.synset >= 0) add(static_cast<uint32_t>(e.synset));
      if (e.kind == PatElem::Kind::kWords || e.kind == PatElem::Kind::kNounPhrase) {
        for (uint32_t w : e.words) {
          if (w & kSynsetBit) add(w & ~kSynsetBit);
        }
      }
      if (e.kind == PatElem::Kind::kPrep && !e.words.empty() && (e.words[0] & kSynsetBit)) {
        add(e.words[0] & ~kSynsetBit);
      }
    }
  }
}

// Literal words MatchPattern can only match at a token (WordAt): the words
// of word sequences and {MOD HEAD} phrases, the first word of (PREP obj).
void MatchedWords(const CompiledPattern& p, std::vector<uint32_t>* out) {
  out->clear();
  auto add = [&](uint32_t w) {
    if (!(w & kSynsetBit) && std::find(out->begin(), out->end(), w) == out->end()) {
      out->push_back(w);
    }
  };
  for (const auto* half : {&p.pre, &p.post}) {
    for (const PatElem& e : *half) {
      if (e.kind == PatElem::Kind::kWords || e.kind == PatElem::Kind::kNounPhrase) {
        for (uint32_t w : e.words) add(w);
      }
      if (e.kind == PatElem::Kind::kPrep && !e.words.empty()) add(e.words[0]);
    }
  }
}

inline uint64_t Mix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  return k;
}

constexpr uint32_t kNoKey = ~0u;

// Sorts and removes duplicates; insertion sort (a handful of candidates).
void SortUnique(std::vector<uint32_t>* v) {
  uint32_t* a = v->data();
  const size_t n = v->size();
  if (n > 32) {
    std::sort(a, a + n);
  } else {
    for (size_t i = 1; i < n; ++i) {
      uint32_t x = a[i];
      size_t j = i;
      for (; j > 0 && a[j - 1] > x; --j) a[j] = a[j - 1];
      a[j] = x;
    }
  }
  v->erase(std::unique(v->begin(), v->end()), v->end());
}
constexpr size_t kMaxKeyIndex = 0x7FFF;  // 15 bits; bit 15: the word starts a synset member
constexpr uint16_t kSynsetStart = 0x8000;

}  // namespace

PatternGates::PatternGates(const CompiledDictionaryImpl& d, const WordClasses& classes) {
  synsets_of_.reserve(d.patterns.size() + 1);
  synsets_of_.push_back(0);
  std::vector<uint32_t> req;
  for (const CompiledPattern& p : d.patterns) {
    req.clear();
    RequiredSynsets(p, &req);
    synset_ids_.insert(synset_ids_.end(), req.begin(), req.end());
    synsets_of_.push_back(static_cast<uint32_t>(synset_ids_.size()));
  }
  // How many usable patterns need each word (the rarest is the best key),
  // and whether it is a closed-class word (common in any sentence).
  std::vector<uint32_t> uses(d.words.size(), 0);
  std::vector<uint8_t> common(d.words.size(), 0);
  std::vector<uint32_t> words;
  for (const CompiledPattern& p : d.patterns) {
    if (!p.usable) continue;
    MatchedWords(p, &words);
    for (uint32_t w : words) {
      if (uses[w]++ == 0) common[w] = classes.Of(d.words.Word(w)) != 0;
    }
  }
  // Key rank: rare word < synset < common word < none; then fewer uses.
  auto rank = [&](uint32_t key) {
    return key == kNoKey ? 3 : (key & kSynsetBit) ? 1 : common[key] ? 2 : 0;
  };
  auto better = [&](uint32_t w, uint32_t than) {
    return rank(w) < rank(than) || (rank(w) == rank(than) && uses[w] < uses[than]);
  };
  std::vector<uint32_t> key_of(d.patterns.size(), kNoKey);  // word, or synset | kSynsetBit
  begin_.push_back(0);
  for (const CompiledBlock& block : d.blocks) {
    for (uint32_t pi : block.patterns) {
      const CompiledPattern& p = d.patterns[pi];
      if (!p.usable) continue;
      patterns_.push_back(pi);
      if (synsets_of_[pi] < synsets_of_[pi + 1]) key_of[pi] = synset_ids_[synsets_of_[pi]] | kSynsetBit;
      MatchedWords(p, &words);
      for (uint32_t w : words) {
        if (better(w, key_of[pi])) key_of[pi] = w;
      }
    }
    begin_.push_back(static_cast<uint32_t>(patterns_.size()));
  }
  BuildKeys(d, key_of, common);
}

void PatternGates::BuildKeys(const CompiledDictionaryImpl& d, const std::vector<uint32_t>& key_of,
                             const std::vector<uint8_t>& common) {
  const size_t num_blocks = begin_.size() - 1;
  key_index_.assign(d.words.size(), 0);
  for (size_t w = 0; w < d.words.size() && w < d.starts.size(); ++w) {
    if (d.StartsSynset(static_cast<uint32_t>(w))) key_index_[w] = kSynsetStart;
  }
  // (block, key, position) for every usable pattern, grouped by block, key.
  std::vector<std::tuple<uint32_t, uint32_t, uint32_t>> keyed;
  for (uint32_t b = 0; b < num_blocks; ++b) {
    for (uint32_t k = begin_[b]; k < begin_[b + 1]; ++k) {
      keyed.emplace_back(b, key_of[patterns_[k]], k - begin_[b]);
    }
  }
  std::sort(keyed.begin(), keyed.end());
  size_t cap = 16;
  while (cap < keyed.size() * 2) cap *= 2;
  slots_.assign(cap, Slot{});
  mask_ = cap - 1;
  always_.assign(num_blocks, Range{});
  synset_keys_begin_.assign(num_blocks + 1, 0);
  bloom_keys_begin_.assign(num_blocks + 1, 0);
  for (size_t i = 0; i < keyed.size();) {
    auto [b, key, pos] = keyed[i];
    Range r{static_cast<uint32_t>(positions_.size()), 0};
    for (; i < keyed.size() && std::get<0>(keyed[i]) == b && std::get<1>(keyed[i]) == key; ++i) {
      positions_.push_back(std::get<2>(keyed[i]));
    }
    r.end = static_cast<uint32_t>(positions_.size());
    if (key == kNoKey) {
      always_[b] = r;
    } else if (key & kSynsetBit) {
      synset_keys_.push_back({key & ~kSynsetBit, r});
      synset_keys_begin_[b + 1] = static_cast<uint32_t>(synset_keys_.size());
    } else if (common[key]) {
      bloom_keys_.push_back({Scratch::BloomBit(key), r});
      bloom_keys_begin_[b + 1] = static_cast<uint32_t>(bloom_keys_.size());
    } else {
      AddRareKey(b, key, r);
    }
  }
  // Blocks without such keys start where the previous one ended.
  for (size_t b = 1; b <= num_blocks; ++b) {
    synset_keys_begin_[b] = std::max(synset_keys_begin_[b], synset_keys_begin_[b - 1]);
    bloom_keys_begin_[b] = std::max(bloom_keys_begin_[b], bloom_keys_begin_[b - 1]);
  }
}

void PatternGates::AddRareKey(uint32_t block, uint32_t word, Range r) {
  uint16_t& entry = key_index_[word];
  if ((entry & ~kSynsetStart) == 0) {
    // Past kMaxKeyIndex rare words the last index is shared (all blocks).
    if (key_blocks_.size() < kMaxKeyIndex) key_blocks_.push_back(0);
    entry = static_cast<uint16_t>((entry & kSynsetStart) | key_blocks_.size());
  }
  const uint32_t index = entry & ~kSynsetStart;
  key_blocks_[index - 1] |= index == kMaxKeyIndex ? ~uint64_t{0} : BlockBit(block);
  const uint64_t k = (uint64_t{block} << 32) | word;
  uint64_t s = Mix(k) & mask_;
  while (slots_[s].key != ~uint64_t{0}) s = (s + 1) & mask_;
  slots_[s] = {k, r};
}

const PatternGates::Range* PatternGates::Find(uint32_t block, uint32_t word) const {
  const uint64_t k = (uint64_t{block} << 32) | word;
  for (uint64_t s = Mix(k) & mask_;; s = (s + 1) & mask_) {
    if (slots_[s].key == k) return &slots_[s].positions;
    if (slots_[s].key == ~uint64_t{0}) return nullptr;
  }
}

void PatternGates::SentenceKeyWords(const SentenceCtx& c) const {
  Scratch& s = *c.s;
  const uint32_t n = c.end - c.first;
  if (s.gate_words.size() < 2 * size_t{n}) {  // sized once, never shrunk
    s.gate_words.resize(2 * size_t{n});
    s.gate_word_blocks.resize(2 * size_t{n});
  }
  uint32_t* words = s.gate_words.data();
  uint64_t* blocks = s.gate_word_blocks.data();
  auto& synset_starts = s.synset_starts;
  synset_starts.clear();
  const uint16_t* index = key_index_.data();
  const uint32_t num_words = static_cast<uint32_t>(key_index_.size());
  uint32_t found = 0;
  uint64_t all = 0;
  auto add = [&](uint32_t w, uint32_t entry) {
    const uint32_t k = entry & ~uint32_t{kSynsetStart};
    if (k == 0) return;
    words[found] = w;
    blocks[found++] = key_blocks_[k - 1];
    all |= key_blocks_[k - 1];
  };
  const TokInfo* toks = &c.tok(c.first);
  for (uint32_t i = 0; i < n; ++i) {
    const TokInfo& t = toks[i];
    const uint32_t entry = t.word < num_words ? index[t.word] : 0;
    if (entry == 0 && t.lemma == t.word) continue;
    if (entry & kSynsetStart) synset_starts.push_back(c.first + i);
    add(t.word, entry);
    if (t.lemma != t.word) add(t.lemma, t.lemma < num_words ? index[t.lemma] : 0);
  }
  s.num_gate_words = found;
  s.gate_blocks_all = all;
  s.gate_words_ready = true;
}

void PatternGates::Candidates(const SentenceCtx& c, uint32_t block,
                              std::vector<uint32_t>* out) const {
  out->clear();
  if (block + 1 >= begin_.size() || begin_[block] == begin_[block + 1]) return;
  if (!c.s->gate_words_ready) SentenceKeyWords(c);
  const Scratch& s = *c.s;
  auto& pos = c.s->gate_positions;
  pos.clear();
  int lists = 0;
  auto take = [&](const Range& r) {
    for (uint32_t k = r.begin; k < r.end; ++k) pos.push_back(positions_[k]);
    lists += r.begin < r.end;
  };
  take(always_[block]);
  for (uint32_t k = bloom_keys_begin_[block]; k < bloom_keys_begin_[block + 1]; ++k) {
    const uint32_t h = bloom_keys_[k].bloom_bit;
    if ((s.bloom[h >> 6] >> (h & 63)) & 1) take(bloom_keys_[k].positions);
  }
  const uint64_t bit = BlockBit(block);
  if (s.gate_blocks_all & bit) {
    for (uint32_t i = 0; i < s.num_gate_words; ++i) {
      if (!(s.gate_word_blocks[i] & bit)) continue;
      if (const Range* r = Find(block, s.gate_words[i])) take(*r);
    }
  }
  const bool synsets = synset_keys_begin_[block] < synset_keys_begin_[block + 1];
  if (synsets) EnsureSynsetIndex(c);
  for (uint32_t k = synset_keys_begin_[block]; k < synset_keys_begin_[block + 1]; ++k) {
    if (s.SynsetPresent(synset_keys_[k].synset)) take(synset_keys_[k].positions);
  }
  if (lists > 1) SortUnique(&pos);  // a word seen twice gives its patterns twice
  const uint32_t* patterns = patterns_.data() + begin_[block];
  for (uint32_t p : pos) {
    const uint32_t pi = patterns[p];
    bool present = true;
    if (synsets_of_[pi] < synsets_of_[pi + 1]) {
      EnsureSynsetIndex(c);
      for (uint32_t r = synsets_of_[pi]; r < synsets_of_[pi + 1] && present; ++r) {
        present = s.SynsetPresent(synset_ids_[r]);
      }
    }
    if (present) out->push_back(pi);
  }
}

}  // namespace parley::coder_internal
