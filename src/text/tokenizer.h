// Tokenizer (text stage): splits a byte range of Document::text into tokens
// with byte offsets and shape flags. Norms and lemmas are filled in later by
// the analyzer (text_analyzer.cc).
//
// ingest -> text [Tokenize -> SplitSentences -> numbers/dates] -> dict
//
// One table-driven pass over the bytes; ASCII is handled by table lookups,
// non-ASCII code points are classified with ICU (unicode_class.h). Rules:
//  - words: letters/digits, with word-internal hyphens ("al-Mawasi",
//    "ninety-two", "F-16", "19-year-old") and apostrophes ("don't",
//    "O'Brien"); the possessive "'s"/"’s" and the plural possessive "’" are
//    split off as their own token (kTokPossessive).
//  - abbreviations keep their period: dotted letter sequences ("U.S.",
//    "a.m.", "e.g."), single capital initials ("W."), and a fixed list of
//    titles, months and company words ("Gen.", "Mr.", "Jan.", "Inc.", "No."
//    before a digit).
//  - numbers: "40,223", "1.2", "10:30"; ISO dates "2024-07-14" are one token;
//    digits glued to letters ("7th", "1990s", "600m") form one word token.
//  - every other symbol is its own punctuation token; "..." and "--" runs
//    are one token; quotes carry kTokQuote.
#ifndef PARLEY_TEXT_TOKENIZER_H_
#define PARLEY_TEXT_TOKENIZER_H_

#include <string_view>
#include <vector>

#include "parley/text.h"
#include "text/normalize.h"

namespace parley::text_internal {

// A word token whose norm the tokenizer already wrote: its index, its
// norm's size, the zero-padded norm as two little-endian words (when it has
// at most 16 bytes) and HashWords() of it.
struct QueuedWord {
  uint32_t token = 0;
  uint32_t size = 0;  // bytes of the norm
  uint64_t hash = 0;
  uint64_t key[2] = {0, 0};
};

// Optional output of Tokenize: a plain ASCII word of at most 16 bytes gets
// its norm (lower case) written into `arena`, Token::norm and Token::lemma
// set to it, and an entry appended to `words`, so the analyzer only probes
// the lexicon for it. Some punctuation and possessive tokens ("," "\""
// period runs, curly quotes, dashes, "…", "'s", "’s") get their static norm
// (what the normalizer gives them) as norm and lemma.
// `others` (optional) receives, in order, the index of every token whose
// norm was not written (all tokens but the queued words and those).
//
// With a sink, the token and word vectors are written through counters
// instead of push_back: the tokens of the call go to
// (*tokens)[tokens_written..] and the words to (*words)[words_written..],
// both counters advance, and the vectors are grown ahead (resize) as needed
// but not trimmed: elements past the counters are spare (constructed,
// contents unspecified). The caller trims the token vector to its counter
// after its last call (so the spare elements serve the next call); the word
// vector may be kept untrimmed (the analyzer's is, and uses the counter).
struct WordSink {
  NormArena* arena = nullptr;
  std::vector<QueuedWord>* words = nullptr;
  std::vector<uint32_t>* others = nullptr;
  size_t tokens_written = 0;
  size_t words_written = 0;
};

// Appends the tokens of text[begin, end) to *tokens (with a sink: writes
// them at sink->tokens_written, see WordSink). Norm and lemma are left
// empty except for the words reported to `sink` (when given).
void Tokenize(std::string_view text, uint32_t begin, uint32_t end,
              std::vector<Token>* tokens, WordSink* sink = nullptr);

// True for abbreviations that never end a sentence: titles ("Gen.", "Mr."),
// months ("Jan."), and single-letter initials ("W."). `lower` is the
// lower-cased token including its period.
bool IsNonFinalAbbreviation(std::string_view lower);

}  // namespace parley::text_internal

#endif  // PARLEY_TEXT_TOKENIZER_H_
