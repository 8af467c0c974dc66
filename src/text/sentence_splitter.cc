#include "text/sentence_splitter.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "text/tokenizer.h"
#include "text/unicode_class.h"

namespace parley::text_internal {
namespace {

// Lower-case words that commonly open a sentence; used after abbreviations
// that may or may not end one ("... in the U.S. The army said").
constexpr std::string_view kOpeners[] = {
    "a",   "according", "after", "also", "an",    "and",   "as",    "at",
    "but", "during",    "for",   "he",   "her",   "his",   "however", "i",
    "if",  "in",        "it",    "its",  "meanwhile", "on", "one",  "our",
    "she", "since",     "so",    "that", "the",   "their", "there", "these",
    "they", "this",     "those", "to",   "we",    "when",  "while", "yet"};

enum class Gap { kNone, kSpace, kLine, kIndentedLine, kBlankLine };

// Classifies the whitespace between two tokens.
Gap GapBetween(std::string_view text, uint32_t from, uint32_t to) {
  if (from >= to) return Gap::kNone;
  int newlines = 0;
  int indent = 0;
  for (uint32_t i = from; i < to; ++i) {
    const char c = text[i];
    if (c == '\n') {
      ++newlines;
      indent = 0;
    } else if (c == ' ') {
      ++indent;
    } else if (c == '\t') {
      indent += 2;
    }
  }
  if (newlines >= 2) return Gap::kBlankLine;
  if (newlines == 1) return indent >= 2 ? Gap::kIndentedLine : Gap::kLine;
  return Gap::kSpace;
}

bool StartsLower(std::string_view text, const Token& t) {
  const unsigned char c = static_cast<unsigned char>(text[t.start]);
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || c == ',' || c == ';' || c == ':' ||
           c == ')' || c == ']' || c == '%';
  }
  int len;
  uint32_t cp = DecodeUtf8(text.data() + t.start, text.data() + t.end, &len);
  return IsLowerCodePoint(cp);
}

bool IsTerminal(const Token& t) {
  if (!t.has(kTokPunct)) return false;
  const std::string_view n = t.norm;
  return n == "." || n == "!" || n == "?" || n == "...";
}

// A quote or bracket that closes what precedes it: ” » ’ always, " and '
// when glued to the previous token.
bool IsClosing(std::string_view text, const Token& t, const Token& prev) {
  if (t.has(kTokQuote)) {
    const unsigned char c = static_cast<unsigned char>(text[t.start]);
    if (c == '"' || c == '\'') return prev.end == t.start;
    int len;
    uint32_t cp = DecodeUtf8(text.data() + t.start, text.data() + t.end, &len);
    return UnicodeClass(cp) == kCloseQuote || UnicodeClass(cp) == kApostrophe;
  }
  return t.norm == ")" || t.norm == "]";
}

bool IsOpener(const Token& t) {
  return t.has(kTokWord) && t.has(kTokCapitalized) &&
         std::binary_search(std::begin(kOpeners), std::end(kOpeners), t.norm);
}

// By the first byte of a token: the flags that keep it from being skipped
// (CannotEnd): abbreviations and quotes always; punctuation when the byte
// is '.', '!', '?' or a non-ASCII lead byte (a possible terminal).
constexpr std::array<uint16_t, 256> BuildStopFlags() {
  std::array<uint16_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    const bool terminal = c == '.' || c == '!' || c == '?' || c >= 0x80;
    t[c] = kTokAbbreviation | kTokQuote | (terminal ? kTokPunct : 0);
  }
  return t;
}
constexpr std::array<uint16_t, 256> kStopFlags = BuildStopFlags();

// True when EndsAt(i) is -1 for token t followed by `next` whatever else
// surrounds them: t is no abbreviation, no quote and no terminal
// punctuation ("." "!" "?" "..." and anything non-ASCII, whose norm may be
// one: an ASCII punctuation token's norm is its text), and nothing or one
// space separates it from `next` (so no newline). Most tokens: words,
// commas, words glued to punctuation.
// Without branches: words and punctuation alternate erratically, so the
// whole test is arithmetic (one table load per token) and the caller's loop
// has a single exit branch. `next` follows t, so t.end < text size, and
// `next` never starts with a space: gap + (byte at t.end is not a space) is
// at most 1 exactly when nothing or one space separates them.
inline bool CannotEnd(const char* bytes, const Token& t, const Token& next) {
  const uint32_t f = t.flags;
  const uint64_t gap = uint64_t{next.start - t.end} + (bytes[t.end] != ' ');
  return ((f & kStopFlags[static_cast<unsigned char>(bytes[t.start])]) | (gap >> 1)) == 0;
}

// The first token in [i, limit) at which a sentence may end (limit when
// none). A pointer walk: next.start is then a fixed offset from t.
inline uint32_t SkipCannotEnd(const char* bytes, const Token* toks, uint32_t i,
                              uint32_t limit) {
  const Token* t = toks + i;
  const Token* const stop = toks + limit;
  while (t < stop && CannotEnd(bytes, t[0], t[1])) ++t;
  return static_cast<uint32_t>(t - toks);
}

class Splitter {
 public:
  Splitter(std::string_view text, std::vector<Token>* tokens)
      : text_(text), toks_(*tokens) {}

  // Returns the index of the last token of the sentence that token i ends,
  // or -1 when no sentence ends at i.
  int64_t EndsAt(uint32_t i) const;

 private:
  std::string_view text_;
  const std::vector<Token>& toks_;
};

int64_t Splitter::EndsAt(uint32_t i) const {
  const uint32_t n = static_cast<uint32_t>(toks_.size());
  if (i + 1 >= n) return i;
  const Token& t = toks_[i];
  const Token& next = toks_[i + 1];
  // Fast path: a plain word followed by one space never ends a sentence.
  if (!(t.flags & (kTokPunct | kTokAbbreviation)) && next.start == t.end + 1 &&
      text_[t.end] == ' ') {
    return -1;
  }
  const Gap gap = GapBetween(text_, t.end, next.start);
  if (gap == Gap::kBlankLine) return i;
  if (IsTerminal(t)) {
    uint32_t j = i + 1;
    while (j < n && IsClosing(text_, toks_[j], toks_[j - 1])) ++j;
    if (j >= n) return n - 1;
    if (!StartsLower(text_, toks_[j])) return j - 1;
    return -1;
  }
  if (t.has(kTokAbbreviation) && !IsNonFinalAbbreviation(t.norm)) {
    if (gap == Gap::kIndentedLine || IsOpener(next)) return i;
    return -1;
  }
  if (gap == Gap::kIndentedLine && !StartsLower(text_, next)) return i;
  // Glued closing quote: `civilians”Hamas` / `“eliminated”A senior`.
  if (t.has(kTokQuote) && gap == Gap::kNone && i > 0 &&
      IsClosing(text_, t, toks_[i - 1]) && toks_[i - 1].end == t.start &&
      next.has(kTokWord) && next.has(kTokCapitalized)) {
    return i;
  }
  return -1;
}

}  // namespace

void SplitSentences(std::string_view text, const std::vector<uint32_t>& hard_breaks,
                    uint32_t max_tokens, std::vector<Token>* tokens,
                    std::vector<Sentence>* sentences) {
  const uint32_t n = static_cast<uint32_t>(tokens->size());
  if (n == 0) return;
  if (max_tokens == 0) max_tokens = 1;
  Splitter splitter(text, tokens);
  size_t hb = 0;
  uint32_t start = 0;
  auto all_punct = [&](uint32_t b, uint32_t e) {
    for (uint32_t k = b; k < e; ++k) {
      if (!(*tokens)[k].has(kTokPunct)) return false;
    }
    return true;
  };
  size_t hb_seen = 0;  // hard breaks at or before the current sentence start
  auto close = [&](uint32_t end_token) {
    // A stray punctuation-only piece ("...", a lone ".") joins the previous
    // sentence when no hard break separates them.
    if (!sentences->empty() && sentences->back().end_token == start &&
        all_punct(start, end_token) &&
        (hb_seen == 0 || hard_breaks[hb_seen - 1] != start) &&
        end_token - sentences->back().first_token <= max_tokens) {
      sentences->back().end_token = end_token;
      sentences->back().end = (*tokens)[end_token - 1].end;
      start = end_token;
      return;
    }
    Sentence s;
    s.first_token = start;
    s.end_token = end_token;
    s.start = (*tokens)[start].start;
    s.end = (*tokens)[end_token - 1].end;
    (*tokens)[start].flags |= kTokSentenceStart;
    sentences->push_back(s);
    start = end_token;
  };
  for (uint32_t i = 0; i < n;) {
    while (hb < hard_breaks.size() && hard_breaks[hb] <= i) {
      if (hard_breaks[hb] == i && i > start) close(i);
      ++hb;
      hb_seen = hb;
    }
    const uint32_t next_break = hb < hard_breaks.size() ? hard_breaks[hb] : n;
    // Fast path: skip the tokens that cannot end a sentence (CannotEnd) up
    // to the next hard break or the sentence length limit.
    const uint32_t first = i;
    // i + 1 - start < max_tokens  <=>  i < start + max_tokens - 1 (no overflow).
    const uint32_t by_length = max_tokens - 1 >= n - start ? n : start + max_tokens - 1;
    const uint32_t limit = std::min({n - 1, next_break, by_length});
    i = SkipCannotEnd(text.data(), tokens->data(), i, limit);
    // After a skipped run, token i gets EndsAt right away unless a hard
    // break comes first (the loop head closes the sentence there).
    if (i != first && i >= next_break) continue;
    int64_t last = splitter.EndsAt(i);
    if (last >= 0) {
      uint32_t end_token = std::min<uint32_t>(static_cast<uint32_t>(last) + 1, next_break);
      close(std::max(end_token, i + 1));
      i = start;
      continue;
    }
    if (i + 1 - start >= max_tokens) {
      close(i + 1);
    }
    ++i;
  }
  if (start < n) close(n);
}

}  // namespace parley::text_internal
