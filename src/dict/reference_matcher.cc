#include "dict/reference_matcher.h"

#include <algorithm>

namespace parley {
namespace {

uint32_t Longest(const std::vector<Phrase>& phrases, const std::vector<std::string>& words,
                 size_t pos) {
  uint32_t best = 0;
  for (const Phrase& p : phrases) {
    if (p.empty() || pos + p.size() > words.size()) continue;
    if (std::equal(p.begin(), p.end(), words.begin() + static_cast<std::ptrdiff_t>(pos))) {
      best = std::max(best, static_cast<uint32_t>(p.size()));
    }
  }
  return best;
}

}  // namespace

ReferenceMatcher::ReferenceMatcher(const DictionarySet& set) {
  for (const ActorEntry& a : set.actors) actors_.insert(actors_.end(), a.phrases.begin(), a.phrases.end());
  for (const AgentEntry& a : set.agents) agents_.insert(agents_.end(), a.forms.begin(), a.forms.end());
  for (const VerbBlock& b : set.verb_blocks) {
    for (const VerbEntry& v : b.verbs) {
      for (const VerbForm& f : v.forms) verbs_.push_back(f.words);
    }
  }
  for (const DiscardEntry& d : set.discards) discards_.push_back(d.words);
}

MatchLengths ReferenceMatcher::LongestAt(const std::vector<std::string>& words,
                                         size_t pos) const {
  return {Longest(actors_, words, pos), Longest(agents_, words, pos),
          Longest(verbs_, words, pos), Longest(discards_, words, pos)};
}

}  // namespace parley
