#include "dict/phrase_trie.h"

#include <cstring>

namespace parley {
namespace {

// Word hash: 8 bytes at a time, multiply-xorshift mixing.
inline uint64_t HashBytes(std::string_view s) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
  while (n >= 8) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    h = (h ^ v) * 0xff51afd7ed558ccdull;
    h ^= h >> 32;
    p += 8;
    n -= 8;
  }
  if (n > 0) {  // 1-7 bytes left: two overlapping 4-byte loads, or 3 bytes
    uint64_t v;
    if (n >= 4) {
      uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      v = (uint64_t{hi} << 32) | lo;
    } else {
      v = static_cast<uint8_t>(p[0]) | (uint64_t{static_cast<uint8_t>(p[n / 2])} << 8) |
          (uint64_t{static_cast<uint8_t>(p[n - 1])} << 16);
    }
    h = (h ^ v) * 0xc4ceb9fe1a85ec53ull;
  }
  h ^= h >> 29;
  h *= 0x94d049bb133111ebull;
  return h ^ (h >> 32);
}

// a[0, n) == b[0, n) for sizeof(Word) <= n <= 2 * sizeof(Word): the first
// and the last word of both ranges (they may overlap).
template <typename Word>
inline bool SameEnds(const char* a, const char* b, size_t n) {
  Word a0, b0, a1, b1;
  std::memcpy(&a0, a, sizeof(Word));
  std::memcpy(&b0, b, sizeof(Word));
  std::memcpy(&a1, a + n - sizeof(Word), sizeof(Word));
  std::memcpy(&b1, b + n - sizeof(Word), sizeof(Word));
  return ((a0 ^ b0) | (a1 ^ b1)) == 0;
}

// a[0, n) == b[0, n), with word-sized loads inside both ranges.
inline bool SameBytes(const char* a, const char* b, size_t n) {
  if (n > 16) return std::memcmp(a, b, n) == 0;
  if (n >= 8) return SameEnds<uint64_t>(a, b, n);
  if (n >= 4) return SameEnds<uint32_t>(a, b, n);
  for (size_t k = 0; k < n; ++k) {
    if (a[k] != b[k]) return false;
  }
  return true;
}

// Root children of word ids below this live in a flat array (ids are dense).
constexpr uint32_t kMaxRootArray = 1u << 26;

inline uint64_t Mix(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  return k;
}

}  // namespace

uint64_t HashWord(std::string_view s) { return HashBytes(s); }

WordTable::WordTable() : slots_(1024, 0), mask_(1023) {}

// A slot holds id + 1 in the low half and the top 32 bits of the hash in the
// high half, so most probes that do not match never read the word bytes.
inline uint64_t SlotOf(uint32_t id, uint64_t h) { return (h & 0xFFFFFFFF00000000ull) | (id + 1); }

uint32_t WordTable::Find(std::string_view word) const {
  uint64_t h = HashBytes(word);
  uint64_t tag = h & 0xFFFFFFFF00000000ull;
  uint64_t i = h & mask_;
  while (true) {
    uint64_t s = slots_[i];
    if (s == 0) return kNoWord;
    uint32_t id = static_cast<uint32_t>(s) - 1;
    if ((s & 0xFFFFFFFF00000000ull) == tag && lengths_[id] == word.size()) {
      if (SameBytes(arena_.data() + offsets_[id], word.data(), word.size())) return id;
    }
    i = (i + 1) & mask_;
  }
}

uint32_t WordTable::Intern(std::string_view word) {
  uint32_t found = Find(word);
  if (found != kNoWord) return found;
  if ((offsets_.size() + 1) * 2 > slots_.size()) Grow();
  uint32_t id = static_cast<uint32_t>(offsets_.size());
  offsets_.push_back(static_cast<uint32_t>(arena_.size()));
  lengths_.push_back(static_cast<uint32_t>(word.size()));
  arena_.append(word);
  uint64_t h = HashBytes(word);
  uint64_t i = h & mask_;
  while (slots_[i] != 0) i = (i + 1) & mask_;
  slots_[i] = SlotOf(id, h);
  return id;
}

std::string_view WordTable::Word(uint32_t id) const {
  return std::string_view(arena_.data() + offsets_[id], lengths_[id]);
}

void WordTable::Grow() {
  std::vector<uint64_t> old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, 0);
  mask_ = slots_.size() - 1;
  for (uint64_t s : old) {
    if (s == 0) continue;
    uint64_t i = HashBytes(Word(static_cast<uint32_t>(s) - 1)) & mask_;
    while (slots_[i] != 0) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

size_t WordTable::memory_bytes() const {
  return arena_.capacity() + 4 * (offsets_.capacity() + lengths_.capacity()) +
         8 * slots_.capacity();
}

PhraseTrie::PhraseTrie() : slots_(1024), payload_(1, -1), has_children_(1, 0), mask_(1023) {}

uint32_t PhraseTrie::HashedChild(uint32_t node, uint32_t word) const {
  uint64_t key = (uint64_t{node} << 32) | word;
  uint64_t i = Mix(key) & mask_;
  while (true) {
    const Slot& s = slots_[i];
    if (s.key == key) return s.child;
    if (s.key == ~uint64_t{0}) return kNone;
    i = (i + 1) & mask_;
  }
}

uint32_t PhraseTrie::Insert(const uint32_t* words, size_t n) {
  uint32_t node = kRoot;
  for (size_t k = 0; k < n; ++k) {
    uint32_t next = Child(node, words[k]);
    if (next == kNone) {
      if ((used_ + 1) * 2 > slots_.size()) Grow();
      next = static_cast<uint32_t>(payload_.size());
      payload_.push_back(-1);
      has_children_.push_back(0);
      has_children_[node] = 1;
      uint64_t key = (uint64_t{node} << 32) | words[k];
      uint64_t i = Mix(key) & mask_;
      while (slots_[i].key != ~uint64_t{0}) i = (i + 1) & mask_;
      slots_[i].key = key;
      slots_[i].child = next;
      ++used_;
      if (node == kRoot && words[k] < kMaxRootArray) {
        if (words[k] >= root_.size()) root_.resize(size_t{words[k]} + 1, kNone);
        root_[words[k]] = next;
      }
    }
    node = next;
  }
  return node;
}

void PhraseTrie::Grow() {
  std::vector<Slot> old;
  old.swap(slots_);
  slots_.assign(old.size() * 2, Slot{});
  mask_ = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.key == ~uint64_t{0}) continue;
    uint64_t i = Mix(s.key) & mask_;
    while (slots_[i].key != ~uint64_t{0}) i = (i + 1) & mask_;
    slots_[i] = s;
  }
}

size_t PhraseTrie::memory_bytes() const {
  return slots_.capacity() * sizeof(Slot) + root_.capacity() * sizeof(uint32_t) +
         payload_.capacity() * sizeof(int32_t) + has_children_.capacity();
}

}  // namespace parley
