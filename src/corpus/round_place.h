// The place of a round of talks, read from the sentence that reports it:
// "talks in Cairo", "the round of negotiations in Doha", "the Cairo talks".
// Used by the negotiation tracker for round items (negotiation_items.place).
//
// corpus records -> negotiation -> [FindPlace] -> NegotiationItem::where
//
// Rules: a capitalized name (one or two words, "the" skipped) after the
// word "in" or "at" counts when it is a known place name or follows a talk
// noun (talks, negotiations, round, meeting, summit, consultations; within
// the 60 bytes before "in"/"at"). Month and weekday names never count.
// Otherwise "the X talks/negotiations/summit/meeting" counts when X is a
// known place. A hand-written scanner (ASCII classes, as \w and \s of
// std::regex in the C locale); round_place_test.cc checks it against the
// equivalent regular expressions.
#ifndef PARLEY_CORPUS_ROUND_PLACE_H_
#define PARLEY_CORPUS_ROUND_PLACE_H_

#include <string>
#include <unordered_set>

namespace parley::corpus {

// `places`: known place names (single words that articles used for a bare
// country code, "Cairo" -> EGY). Returns "" when the sentence names no place.
std::string FindPlace(const std::string& sentence, const std::unordered_set<std::string>& places);

}  // namespace parley::corpus

#endif  // PARLEY_CORPUS_ROUND_PLACE_H_
