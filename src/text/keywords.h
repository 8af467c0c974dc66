// Keywords of the number and date matchers (text stage). Each keyword has a
// small id stored in the lexicon next to the lemma, so one hash probe per
// token tells the matchers whether a token can start a mention at all.
//
// tokenize -> normalize -> [lexicon probe: lemma + keyword] -> dates/numbers
#ifndef PARLEY_TEXT_KEYWORDS_H_
#define PARLEY_TEXT_KEYWORDS_H_

#include <cstdint>
#include <span>
#include <string_view>

namespace parley::text_internal {

enum KeywordKind : uint8_t {
  kKwMonth = 1 << 0,     // "july", "jul", "jul.", "sept."
  kKwWeekday = 1 << 1,   // "saturday"
  kKwCardinal = 1 << 2,  // "six", "ninety", "ninety-two"
  kKwScale = 1 << 3,     // "hundred", "thousand", "million", "bn"
  kKwVague = 1 << 4,     // "dozens", "hundreds", "several", "tens", "scores"
  kKwDateWord = 1 << 5,  // "yesterday", "last", "next", "this", "earlier"
  kKwNumberCue = 1 << 6, // "a", "an", "half" (may start a number phrase)
  kKwYearCue = 1 << 7,   // "in", "since", "during" ... (may precede a year)
};

struct KeywordDef {
  std::string_view word;  // normalized (lower case)
  uint8_t kinds;          // KeywordKind bits
  int8_t month;           // 1..12 for months, else 0
  int8_t weekday;         // 0 = Monday .. 6 = Sunday, else -1
  double value;           // cardinal / scale / vague value, else 0
};

// All keywords; index + 1 is the keyword id stored in the lexicon (0 = none).
std::span<const KeywordDef> AllKeywords();

// REQUIRES: 0 < id < kKeywordInUnresolvedDate.
inline const KeywordDef& KeywordById(uint8_t id) { return AllKeywords()[id - 1]; }

// Marker id (not a keyword): the token is part of a date that could not be
// resolved for lack of a document date ("May 5" in an undated article).
inline constexpr uint8_t kKeywordInUnresolvedDate = 255;

}  // namespace parley::text_internal

#endif  // PARLEY_TEXT_KEYWORDS_H_
