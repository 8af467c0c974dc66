// A naive reference matcher for the differential test of the compiled trie:
// at a position it tries every phrase of the DictionarySet (brute force) and
// reports the longest actor / agent / verb-form / discard match.
//
// dict [DictionarySet] -> ReferenceMatcher (tests only; slow by design)
#ifndef PARLEY_DICT_REFERENCE_MATCHER_H_
#define PARLEY_DICT_REFERENCE_MATCHER_H_

#include <string>
#include <vector>

#include "dict/compiled_tables.h"
#include "parley/dictionary.h"

namespace parley {

class ReferenceMatcher {
 public:
  explicit ReferenceMatcher(const DictionarySet& set);
  MatchLengths LongestAt(const std::vector<std::string>& words, size_t pos) const;

 private:
  std::vector<Phrase> actors_, agents_, verbs_, discards_;
};

}  // namespace parley

#endif  // PARLEY_DICT_REFERENCE_MATCHER_H_
