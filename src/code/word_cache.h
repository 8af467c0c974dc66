// Per-thread cache of the coder's word lookups: a token's normalized form ->
// (dictionary word id, closed-class bits, the id's `starts` bits). Used by PrepareTokens for every
// token's norm and lemma, so it must be much cheaper than
// WordTable::Find + WordClasses::Of, which it falls back to on a miss.
//
// text [Token::norm / lemma] -> WordCache::Find -> code (TokInfo::word, lemma, cls)
//
// Words of up to 16 bytes are keyed by their bytes packed into two 64-bit
// integers (read without touching memory outside the word) and verified
// exactly; longer words bypass the cache. Two-way sets with LRU order: a
// direct-mapped table lost ~40 % of its hits to collisions. The cache belongs to one compiled
// dictionary (by instance id) and clears itself when used with another.
#ifndef PARLEY_CODE_WORD_CACHE_H_
#define PARLEY_CODE_WORD_CACHE_H_

#include <cstdint>
#include <cstring>
#include <utility>
#include <string_view>
#include <vector>

#include "code/word_classes.h"
#include "dict/compiled_tables.h"

namespace parley {

class WordCache {
 public:
  // `slots` must be a power of two, at least 2 (sets of two slots).
  explicit WordCache(size_t slots = size_t{1} << 14) : slots_(slots), mask_(slots - 1) {}

  // Word id of `w` in `dict` (kNoWord when unknown); *cls = classes.Of(w).
  uint32_t Find(const CompiledDictionaryImpl& dict, const WordClasses& classes,
                std::string_view w, uint32_t* cls) {
    Bind(dict);
    return FindBound(dict, classes, w, cls);
  }

  // Find in two steps for a loop over many words: Bind once (clears the
  // cache when it held another dictionary's words), then FindBound per word
  // with the same `dict`.
  void Bind(const CompiledDictionaryImpl& dict) {
    if (owner_ != dict.instance_id) Reset(dict.instance_id);
  }
  uint32_t FindBound(const CompiledDictionaryImpl& dict, const WordClasses& classes,
                     std::string_view w, uint32_t* cls) {
    uint32_t starts;
    return FindBound(dict, classes, w, cls, &starts);
  }
  // Also *starts = dict.starts[id] (0 for kNoWord): which phrases, discards
  // and synset members the word begins (CompiledDictionaryImpl::starts).
  uint32_t FindBound(const CompiledDictionaryImpl& dict, const WordClasses& classes,
                     std::string_view w, uint32_t* cls, uint32_t* starts) {
    if (w.size() > kMaxBytes) {
      *cls = classes.Of(w);
      uint32_t id = dict.words.Find(w);
      *starts = StartsOf(dict, id);
      return id;
    }
    uint64_t a, b;
    Pack(w, &a, &b);
    const uint32_t n = static_cast<uint32_t>(w.size());
    Slot* set = &slots_[Hash(a, b, n) & mask_ & ~size_t{1}];  // two ways
    for (int way = 0; way < 2; ++way) {
      Slot& s = set[way];
      if (s.a == a && s.b == b && s.len == n) {
        *cls = s.cls;
        *starts = s.starts;
        const uint32_t id = s.id;
        if (way == 1) std::swap(set[0], set[1]);  // most recently used first
        return id;
      }
    }
    set[1] = set[0];  // the older entry is evicted
    Slot& s = set[0];
    s.a = a;
    s.b = b;
    s.len = n;
    s.id = dict.words.Find(w);
    s.cls = *cls = classes.Of(w);
    s.starts = *starts = StartsOf(dict, s.id);
    return s.id;
  }

  static constexpr size_t kMaxBytes = 16;

  // The bytes of `w` (at most 16) as two integers; with the length they
  // identify the word. Reads only inside `w`.
  static void Pack(std::string_view w, uint64_t* a, uint64_t* b) {
    const char* p = w.data();
    const size_t n = w.size();
    if (n >= 8) {
      std::memcpy(a, p, 8);
      std::memcpy(b, p + n - 8, 8);  // overlaps `a` when n < 16
    } else if (n >= 4) {
      uint32_t x, y;
      std::memcpy(&x, p, 4);
      std::memcpy(&y, p + n - 4, 4);
      *a = (uint64_t{y} << 32) | x;
      *b = 0;
    } else if (n > 0) {
      *a = (uint64_t{static_cast<uint8_t>(p[0])} << 16) |
           (uint64_t{static_cast<uint8_t>(p[n / 2])} << 8) | static_cast<uint8_t>(p[n - 1]);
      *b = 0;
    } else {
      *a = *b = 0;
    }
  }

 private:
  struct Slot {
    uint64_t a = 0, b = 0;
    uint32_t id = kNoWord;
    uint32_t cls = 0;
    uint16_t len = 0xffff;  // no word: never matches (cached words have <= 16 bytes)
    uint16_t starts = 0;
  };
  static uint32_t StartsOf(const CompiledDictionaryImpl& dict, uint32_t id) {
    return id < dict.starts.size() ? dict.starts[id] : 0;
  }
  static uint64_t Hash(uint64_t a, uint64_t b, uint32_t n) {
    uint64_t h = (a ^ (b * 0x9E3779B97F4A7C15ull) ^ n) * 0xff51afd7ed558ccdull;
    return h ^ (h >> 29);
  }
  void Reset(uint64_t owner) {
    for (Slot& s : slots_) s = Slot{};
    owner_ = owner;
  }

  std::vector<Slot> slots_;
  size_t mask_;
  uint64_t owner_ = ~uint64_t{0};
};

}  // namespace parley

#endif  // PARLEY_CODE_WORD_CACHE_H_
