// Which verb patterns CodeGroup tries for a sentence (code stage, between
// the sparse parse and MatchPattern).
//
// code: verb group -> PatternGates::Candidates -> MatchPattern (pattern_match.cc)
//
// A verb block may hold a hundred or more patterns (Phoenix START: 190);
// testing each against the sentence cost more than matching the few that
// can apply. Each usable pattern gets one key at build time, in this order
// of preference:
//   * a rare word: a word MatchPattern must find at a token (a literal word
//     of a word sequence or {MOD HEAD}, the preposition of (PREP obj)) that
//     has no closed word class, the one used by the fewest patterns;
//   * a synset it requires;
//   * a common word (closed class: "to", "against"), tested in the bloom;
//   * none (always a candidate).
// Per sentence (once) the tokens' word and lemma ids that are some pattern's
// rare key are collected; per verb group, a hash on (block, word) yields the
// patterns keyed by them. A pattern whose key is absent cannot match, so the
// coding is the same as trying every pattern; MatchPattern still checks all
// literal words against the bloom first.
#ifndef PARLEY_CODE_PATTERN_GATES_H_
#define PARLEY_CODE_PATTERN_GATES_H_

#include <cstdint>
#include <vector>

#include "code/coder_internal.h"
#include "dict/compiled_tables.h"

namespace parley::coder_internal {

class PatternGates {
 public:
  PatternGates(const CompiledDictionaryImpl& d, const WordClasses& classes);

  // Sets *out to the indices (into d.patterns) of the usable patterns of
  // `block`, most specific first, whose key and required synsets are in the
  // sentence of `c`.
  // Uses c.s->gate_words (built on the sentence's first call, after
  // PrepareTokens, with c.s->synset_starts for the synset index;
  // Scratch::gate_words_ready is cleared per sentence).
  void Candidates(const SentenceCtx& c, uint32_t block, std::vector<uint32_t>* out) const;

 private:
  struct Range {
    uint32_t begin = 0, end = 0;  // into positions_
  };
  struct SynsetKey {
    uint32_t synset = 0;
    Range positions;
  };
  struct BloomKey {
    uint32_t bloom_bit = 0;  // Scratch::BloomBit of the word
    Range positions;
  };
  struct Slot {
    uint64_t key = ~uint64_t{0};  // block << 32 | word
    Range positions;
  };
  void BuildKeys(const CompiledDictionaryImpl& d, const std::vector<uint32_t>& key_of,
                 const std::vector<uint8_t>& common);
  void AddRareKey(uint32_t block, uint32_t word, Range r);
  void SentenceKeyWords(const SentenceCtx& c) const;
  const Range* Find(uint32_t block, uint32_t word) const;
  static uint64_t BlockBit(uint32_t block) {
    return uint64_t{1} << ((block * 0x9E3779B9u) >> 26);
  }

  // Per block b: its usable patterns, most specific first, in
  // patterns_[begin_[b], begin_[b + 1]); positions below are offsets in it.
  std::vector<uint32_t> begin_;
  std::vector<uint32_t> patterns_;
  // Per pattern: the synsets it requires, synset_ids_[synsets_of_[p], synsets_of_[p + 1]).
  std::vector<uint32_t> synsets_of_;
  std::vector<uint32_t> synset_ids_;
  std::vector<uint32_t> positions_;         // patterns sharing a key, in block order
  std::vector<Range> always_;               // per block: no key
  std::vector<uint32_t> synset_keys_begin_;  // per block + 1: into synset_keys_
  std::vector<SynsetKey> synset_keys_;
  std::vector<uint32_t> bloom_keys_begin_;   // per block + 1: into bloom_keys_
  std::vector<BloomKey> bloom_keys_;
  std::vector<Slot> slots_;                 // (block, rare word) -> positions
  uint64_t mask_ = 0;
  // Per word id: 0, or 1 + its index in key_blocks_ when it is a rare key;
  // plus kSynsetStart (bit 15) when it starts a synset member.
  std::vector<uint16_t> key_index_;
  // Per rare key word: a 64-bit signature of the blocks it keys (BlockBit),
  // so a verb group probes only the sentence's words that may key its block.
  std::vector<uint64_t> key_blocks_;
};

}  // namespace parley::coder_internal

#endif  // PARLEY_CODE_PATTERN_GATES_H_
