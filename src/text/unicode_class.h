// Byte- and code-point classification used by the tokenizer (text stage).
//
// ingest -> text [tokenizer uses this] -> dict -> code
//
// ASCII is classified by a 256-entry table; non-ASCII code points are decoded
// from UTF-8 and classified with ICU (letters, digits, spaces) plus a short
// list of typographic quotes, apostrophes and dashes that the tokenizer
// treats specially. Input is assumed to be valid UTF-8 (ingest validates);
// malformed sequences decode as U+FFFD of length 1 and never read past `end`.
#ifndef PARLEY_TEXT_UNICODE_CLASS_H_
#define PARLEY_TEXT_UNICODE_CLASS_H_

#include <cstdint>

namespace parley::text_internal {

enum CharClass : uint8_t {
  kSpace = 0,
  kNewline,     // '\n' (also U+2028/U+2029)
  kLetter,
  kDigit,
  kApostrophe,  // ' and U+2019 (right single quote; also used as apostrophe)
  kOpenSingle,  // U+2018, U+201A, U+201B
  kDoubleQuote, // " (orientation decided from context)
  kOpenQuote,   // U+201C, U+201E, U+00AB, U+2039
  kCloseQuote,  // U+201D, U+00BB, U+203A
  kHyphen,      // '-' and U+2010, U+2011 (word-internal hyphens)
  kDash,        // U+2012..U+2015, U+2212 (normalized to "-")
  kPeriod,
  kEllipsis,    // U+2026
  kPunct,       // any other punctuation or symbol
};

extern const CharClass kAsciiClassTable[128];

// Classification of the ASCII byte `c` (c < 0x80).
inline CharClass AsciiClass(uint8_t c) { return kAsciiClassTable[c & 0x7f]; }

// Decodes the code point at p (p < end). Sets *len to its byte length (>= 1).
uint32_t DecodeUtf8(const char* p, const char* end, int* len);

// Classification of a non-ASCII code point.
CharClass UnicodeClass(uint32_t cp);

bool IsUpperCodePoint(uint32_t cp);
bool IsLowerCodePoint(uint32_t cp);

}  // namespace parley::text_internal

#endif  // PARLEY_TEXT_UNICODE_CLASS_H_
