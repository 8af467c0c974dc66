// The text stage's output: sentences, tokens with byte offsets into the
// original Document::text, lemmas, numbers and resolved dates.
//
// ingest -> text [AnalyzedText] -> dict -> code -> claims
//
// Memory: an AnalyzedText is scratch state owned by the caller and reused
// across documents (Clear() keeps capacity). string_views in Token point into
// the AnalyzedText's own arena or into the immutable Lexicon; they are valid
// until the next Analyze() into the same object.
#ifndef PARLEY_TEXT_H_
#define PARLEY_TEXT_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/date.h"
#include "parley/document.h"
#include "parley/status.h"

namespace parley {

enum TokenFlags : uint16_t {
  kTokWord = 1 << 0,        // letters (may contain digits, apostrophes, hyphens)
  kTokNumber = 1 << 1,      // digits: "40,223", "1.2", "7"
  kTokPunct = 1 << 2,       // punctuation / symbol
  kTokCapitalized = 1 << 3, // first letter upper case: "Hamas"
  kTokAllCaps = 1 << 4,     // two or more letters, all upper case: "IDF", "UN"
  kTokQuote = 1 << 5,       // a quotation mark (any style, normalized to ")
  kTokSentenceStart = 1 << 6,
  kTokHyphenated = 1 << 7,  // "ninety-two", "al-Mawasi"
  kTokPossessive = 1 << 8,  // the "'s" / "'" clitic split off a word
  kTokAbbreviation = 1 << 9,// "U.S.", "Gen.", "Mr."
};

struct Token {
  uint32_t start = 0;  // byte offsets into Document::text
  uint32_t end = 0;
  // Normalized form: NFKC, case-folded, typographic quotes/dashes mapped to
  // ASCII, "U.S." -> "u.s.". Never empty.
  std::string_view norm;
  // WordNet base form of `norm` ("fled" -> "flee", "children" -> "child");
  // equals norm when WordNet has nothing better.
  std::string_view lemma;
  uint16_t flags = 0;
  // Index into AnalyzedText::numbers / ::dates of the mention that starts at
  // this token, or -1.
  int32_t number = -1;
  int32_t date = -1;

  bool has(TokenFlags f) const { return (flags & f) != 0; }
};

struct Sentence {
  uint32_t start = 0;        // byte range into Document::text
  uint32_t end = 0;
  uint32_t first_token = 0;  // token index range [first_token, end_token)
  uint32_t end_token = 0;
};

// A number written in digits or words: "40,223", "six", "ninety-two",
// "1.2 million", "dozens" (vague: value is a conventional lower bound, 24),
// "hundreds" (200).
struct NumberMention {
  uint32_t first_token = 0;
  uint32_t end_token = 0;  // exclusive
  double value = 0;
  bool vague = false;      // "dozens", "hundreds", "a number of"
};

// A date expression resolved against the document date: "July 14, 2024",
// "on Saturday", "Thursday night", "last week", "yesterday".
struct DateMention {
  uint32_t first_token = 0;
  uint32_t end_token = 0;  // exclusive
  Date date;               // the resolved day (first day for a range)
  Date last;               // last day of the range ("last week"); == date for a day
  bool relative = false;   // needed the document date to resolve
};

struct AnalyzedText;

// True when the date mention does not date what its sentence reports: it
// bounds a stretch of time ("hostages held since October 7", "until
// Friday") or names something ("the October 7 massacre", "the July 2
// proposal": "the" + date + a word). Event, figure and position dates skip
// such mentions.
bool DatesNothing(const AnalyzedText& text, const DateMention& m);

struct AnalyzedText {
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::vector<NumberMention> numbers;
  std::vector<DateMention> dates;

  void Clear();
  // Arena for normalized strings that are not in the lexicon (owned here).
  std::string arena;
  std::vector<std::unique_ptr<std::string>> overflow;  // rarely used
};

struct TextOptions {
  // Sentences longer than this many tokens are cut (bounds coder work).
  uint32_t max_tokens_per_sentence = 400;
};

// The immutable resources of the text stage (WordNet lemma tables,
// abbreviation lists, number words). Load once, share across threads.
class TextAnalyzer {
 public:
  // Loads WordNet data from `wordnet_dir` (Debian: /usr/share/wordnet) .
  static StatusOr<std::shared_ptr<const TextAnalyzer>> Create(
      const std::string& wordnet_dir, TextOptions options = {});
  virtual ~TextAnalyzer() = default;

  // Splits doc.body into sentences and tokens, finds numbers and dates
  // (relative dates resolved against doc.date; left unresolved without one).
  // Thread-safe; `out` is cleared first and reused.
  virtual void Analyze(const Document& doc, AnalyzedText* out) const = 0;

  // WordNet lemma of a lower-case word, for dictionary compilation.
  virtual std::string_view Lemma(std::string_view lower_word) const = 0;
};

inline bool DatesNothing(const AnalyzedText& text, const DateMention& m) {
  if (m.first_token == 0) return false;
  std::string_view prev = text.tokens[m.first_token - 1].norm;
  if (prev == "since" || prev == "until" || prev == "till") return true;
  if (prev != "the" || m.end_token >= text.tokens.size()) return false;
  const Token& next = text.tokens[m.end_token];
  return next.has(kTokWord) && !next.has(kTokCapitalized);
}

}  // namespace parley

#endif  // PARLEY_TEXT_H_
