// Word interning and the token-id phrase trie behind CompiledDictionary.
//
// dict [DictionarySet] -> Compile -> WordTable + PhraseTrie -> code
//
// WordTable maps lower-case words to dense ids (open addressing over an
// arena of bytes; lookups take a string_view and never allocate).
// PhraseTrie stores phrases (sequences of word ids) in one flat open-
// addressing hash keyed by (node, word id) -> child node, so a walk costs one
// probe per word. Each node may carry a payload index (>= 0) that the owner
// interprets. Both are built once, then only read (thread-safe reads).
#ifndef PARLEY_DICT_PHRASE_TRIE_H_
#define PARLEY_DICT_PHRASE_TRIE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace parley {

inline constexpr uint32_t kNoWord = 0xFFFFFFFFu;

// The hash WordTable uses (8 bytes at a time); exposed for callers' caches.
uint64_t HashWord(std::string_view s);

class WordTable {
 public:
  WordTable();
  // Returns the id of `word`, adding it if new.
  uint32_t Intern(std::string_view word);
  // Returns the id of `word` or kNoWord.
  uint32_t Find(std::string_view word) const;
  std::string_view Word(uint32_t id) const;
  size_t size() const { return offsets_.size(); }
  size_t memory_bytes() const;

 private:
  void Grow();
  std::string arena_;
  std::vector<uint32_t> offsets_;  // id -> start in arena_
  std::vector<uint32_t> lengths_;
  std::vector<uint64_t> slots_;    // (id + 1) | hash high bits << 32, 0 = empty
  uint32_t mask_ = 0;
};

class PhraseTrie {
 public:
  PhraseTrie();
  static constexpr uint32_t kRoot = 0;
  static constexpr uint32_t kNone = 0xFFFFFFFFu;

  // Inserts the phrase and returns its final node.
  uint32_t Insert(const uint32_t* words, size_t n);
  // Child of `node` along `word`, or kNone. Inline: the coder's phrase
  // walks call it for most tokens; the root level and childless nodes (the
  // end of most walks) are answered without hashing.
  uint32_t Child(uint32_t node, uint32_t word) const {
    if (node == kRoot) {
      if (word < root_.size()) return root_[word];
    } else if (!has_children_[node]) {
      return kNone;
    }
    return HashedChild(node, word);
  }
  int32_t payload(uint32_t node) const { return payload_[node]; }
  void set_payload(uint32_t node, int32_t p) { payload_[node] = p; }
  size_t num_nodes() const { return payload_.size(); }
  size_t memory_bytes() const;

 private:
  struct Slot {
    uint64_t key = ~uint64_t{0};  // node << 32 | word
    uint32_t child = 0;
  };
  uint32_t HashedChild(uint32_t node, uint32_t word) const;
  void Grow();
  std::vector<Slot> slots_;
  std::vector<uint32_t> root_;  // word id -> child of the root (kNone), the hottest level
  std::vector<int32_t> payload_;
  std::vector<uint8_t> has_children_;  // per node: 1 when it has a child
  uint64_t mask_ = 0;
  size_t used_ = 0;
};

}  // namespace parley

#endif  // PARLEY_DICT_PHRASE_TRIE_H_
