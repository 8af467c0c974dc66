// Number and date mentions (text stage): token-level matchers that run after
// sentence splitting and fill AnalyzedText::numbers and ::dates.
//
// ingest -> text [tokenize -> split -> FindDates -> FindNumbers] -> dict
//
// FindDates runs first; FindNumbers skips tokens covered by a date mention
// ("July 14, 2024" holds no counts) and times ("3 p.m.", "10:30").
// Resolution rules are documented in dates.cc and docs/ingest_and_text.md.
#ifndef PARLEY_TEXT_MENTIONS_H_
#define PARLEY_TEXT_MENTIONS_H_

#include <optional>
#include <string_view>
#include <vector>

#include "parley/document.h"
#include "parley/text.h"
#include "text/keywords.h"

namespace parley::text_internal {

// REQUIRES: out->tokens, norms and sentences filled; keywords[i] is the
// keyword id (keywords.h) of token i, 0 for none. FindDates sets
// keywords[i] = kKeywordInUnresolvedDate on the tokens of dates it cannot
// resolve (no document date), and FindNumbers skips those tokens.
// `candidates` lists, in increasing order, every token whose keyword has a
// kind in kMentionStartKinds or whose norm starts with an ASCII digit (no
// other token can start a mention); the analyzer builds it while probing
// the lexicon.
// Keyword kinds that can start a mention: FindDates starts at months,
// weekdays and date words, FindNumbers at vague words, number cues and
// cardinals (and both at digits). Year cues ("in", "of", "by") and scale
// words only continue a mention.
inline constexpr uint8_t kDateStartKinds = kKwMonth | kKwWeekday | kKwDateWord;
inline constexpr uint8_t kNumberStartKinds = kKwVague | kKwNumberCue | kKwCardinal;
inline constexpr uint8_t kMentionStartKinds = kDateStartKinds | kNumberStartKinds;

void FindDates(const Document& doc, uint8_t* keywords,
               const std::vector<uint32_t>& candidates, AnalyzedText* out);
void FindNumbers(const uint8_t* keywords, const std::vector<uint32_t>& candidates,
                 AnalyzedText* out);

// Value of a cardinal number word: "six" -> 6, "ninety" -> 90,
// "ninety-two" -> 92; nullopt otherwise. Used by tests and the claims stage.
std::optional<double> NumberWordValue(std::string_view norm);

// Month 1..12 for "july", "jul", "jul.", "sept." ; 0 when not a month.
int MonthNumber(std::string_view norm);
// 0 = Monday ... 6 = Sunday; -1 when not a weekday name.
int WeekdayNumber(std::string_view norm);

}  // namespace parley::text_internal

#endif  // PARLEY_TEXT_MENTIONS_H_
