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

class Lemmatizer {
 public:
  static StatusOr<std::unique_ptr<Lemmatizer>> Load(const std::string& dir);

  // The lemma of `form` (lower case), or an empty view when WordNet has no
  // better form than `form` itself. The view points into this object.
  std::string_view Lookup(std::string_view form) const;

  size_t size() const { return count_; }

 private:
  struct Slot {
    uint64_t hash = 0;
    uint32_t key_off = 0;
    uint32_t val_off = 0;
    uint16_t key_len = 0;
    uint16_t val_len = 0;  // 0 = empty slot
  };
  void Insert(std::string_view key, std::string_view value);

  std::string pool_;
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  size_t count_ = 0;
};

uint64_t HashBytes(std::string_view s);

}  // namespace parley::text_internal

#endif  // PARLEY_TEXT_LEMMATIZER_H_
