// WordNet lemmatizer (text stage): maps a lower-case word form to its base
// form ("fled" -> "flee", "children" -> "child", "talks" -> "talk").
//
// ingest -> text [Lemmatizer] -> dict -> code
//
// Load() reads index.{noun,verb,adj,adv} and the *.exc exception lists once
// and precomputes a single table from every inflected form WordNet's morphy
// can reduce to its lemma. Lookup() is then one hash probe per token.
//
// Part of speech is unknown at this stage, so the table is built with a fixed
// precedence (first match wins):
//   1. auxiliaries and a short function-word list ("is" -> "be", "us" stays)
//   2. verb exceptions (said -> say, struck -> strike, fled -> flee)
//   3. verb detachment rules whose base is a verb (killed -> kill,
//      talks -> talk), except a few -ing nouns kept as-is (evening, morning)
//   4. noun exceptions (children -> child, women -> woman)
//   5. noun rules, only when the form itself is not a noun ("hamas" stays)
//   6. adjective exceptions and rules (larger -> large), adverb exceptions.
// Immutable after Load(); Lookup() is thread-safe.
#ifndef PARLEY_TEXT_LEMMATIZER_H_
#define PARLEY_TEXT_LEMMATIZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "parley/status.h"

namespace parley::text_internal {

namespace lemma_load {
class ViewMap;  // lemmatizer.cc: the form -> base table while loading
}  // namespace lemma_load

// HashBytes of a word of n bytes (1 <= n <= 16) given as two little-endian
// words, zero-padded past n: w0 = bytes [0, 8), w1 = bytes [8, 16). Same
// result as HashBytes on the bytes, without touching memory. Two
// independent multiplies and a fold of the high half into the low half (the
// lemma cache indexes bits 7.., the lexicon the low bits, its tag the high
// 32 bits); no branches.
inline uint64_t HashWords(uint64_t w0, uint64_t w1, size_t n) {
  const uint64_t a = (w0 ^ 0x9E3779B97F4A7C15ull) * 0xbf58476d1ce4e5b9ull;
  const uint64_t b = (w1 ^ (n * 0xff51afd7ed558ccdull)) * 0x94d049bb133111ebull;
  const uint64_t h = a ^ ((b << 32) | (b >> 32));
  return h ^ (h >> 29);
}

// Fast 64-bit hash for short keys (words). Keys of at most 16 bytes use
// HashWords; longer ones 8-byte blocks with multiply-xorshift mixing.
// Inline because it runs once per word token.
inline uint64_t HashBytes(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  if (n <= 16) {
    uint64_t w[2] = {0, 0};
    __builtin_memcpy(w, p, n);
    return HashWords(w[0], w[1], n);
  }
  uint64_t h = 0x9E3779B97F4A7C15ull ^ (n * 0xff51afd7ed558ccdull);
  while (n >= 8) {
    uint64_t w;
    __builtin_memcpy(&w, p, 8);
    h = (h ^ w) * 0xbf58476d1ce4e5b9ull;
    h ^= h >> 29;
    p += 8;
    n -= 8;
  }
  if (n > 0) {
    uint64_t w = 0;
    for (size_t i = 0; i < n; ++i) w |= static_cast<uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
    h = (h ^ w) * 0x94d049bb133111ebull;
    h ^= h >> 31;
  }
  h *= 0xbf58476d1ce4e5b9ull;
  return h ^ (h >> 32);
}

class Lemmatizer {
 public:
  static StatusOr<std::unique_ptr<Lemmatizer>> Load(const std::string& dir);

  struct Entry {
    std::string_view lemma;  // empty when WordNet has nothing better
    uint8_t keyword = 0;     // keyword id (keywords.h), 0 = none
  };
  // One probe: the lemma of `form` (lower case) and its keyword id. Views
  // point into this object.
  Entry Find(std::string_view form) const { return FindHashed(form, HashBytes(form)); }
  // Find() with a precomputed HashBytes(form). Callers that look up many
  // tokens hash them first and call Prefetch(), then FindHashed(), so the
  // cache misses of a large table overlap.
  Entry FindHashed(std::string_view form, uint64_t hash) const;
  void Prefetch(uint64_t hash) const {
    if (num_slots_ != 0) __builtin_prefetch(&slots_[hash & mask_]);
  }
  void PrefetchKey(uint64_t hash) const {
    if (num_slots_ == 0) return;
    const Slot& s = slots_[hash & mask_];
    if (s.used) __builtin_prefetch(pool_.data() + s.key_off);
  }
  // The lemma of `form`, or an empty view when WordNet has no better form.
  std::string_view Lookup(std::string_view form) const { return Find(form).lemma; }

  size_t size() const { return count_; }

 private:
  struct Slot {
    uint32_t tag = 0;  // high half of the hash
    uint32_t key_off = 0;
    uint32_t val_off = 0;
    uint8_t key_len = 0;
    uint8_t val_len = 0;
    uint8_t keyword = 0;
    uint8_t used = 0;
  };
  // The lookup table of a loaded form -> base table (lemmatizer.cc).
  static StatusOr<std::unique_ptr<Lemmatizer>> Build(const lemma_load::ViewMap& table,
                                                     const std::string& dir);
  // REQUIRES: hash == HashBytes(key); key not present yet.
  void Insert(std::string_view key, std::string_view value, uint8_t keyword, uint64_t hash);
  bool AllocateSlots(size_t n);  // n: power of two; false when out of memory

  struct UnmapDeleter {
    size_t bytes;  // of the mapping (unused while the pointer is null)
    void operator()(Slot* p) const;
  };
  // Fresh anonymous memory (zero without a memset), 2 MiB aligned and
  // huge-page backed when the kernel allows (madvise), which removes most
  // TLB misses of random probes into this table (8-16 MB).
  std::unique_ptr<Slot[], UnmapDeleter> slots_;
  size_t num_slots_ = 0;
  std::string pool_;
  size_t mask_ = 0;
  size_t count_ = 0;
};

}  // namespace parley::text_internal

#endif  // PARLEY_TEXT_LEMMATIZER_H_
