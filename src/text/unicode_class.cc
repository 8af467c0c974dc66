#include "text/unicode_class.h"

#include <unicode/uchar.h>

#include <array>

namespace parley::text_internal {
namespace {

constexpr std::array<CharClass, 128> BuildAsciiTable() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = kPunct;
  for (int c = 0; c <= 32; ++c) t[c] = kSpace;  // control characters and ' '
  t['\n'] = kNewline;
  t[127] = kSpace;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter;
  for (int c = '0'; c <= '9'; ++c) t[c] = kDigit;
  t['\''] = kApostrophe;
  t['"'] = kDoubleQuote;
  t['-'] = kHyphen;
  t['.'] = kPeriod;
  return t;
}

constexpr std::array<CharClass, 128> kAscii = BuildAsciiTable();

}  // namespace

const CharClass kAsciiClassTable[128] = {
#define R8(i) kAscii[i], kAscii[i + 1], kAscii[i + 2], kAscii[i + 3], \
              kAscii[i + 4], kAscii[i + 5], kAscii[i + 6], kAscii[i + 7]
    R8(0),  R8(8),  R8(16), R8(24), R8(32), R8(40), R8(48), R8(56),
    R8(64), R8(72), R8(80), R8(88), R8(96), R8(104), R8(112), R8(120)
#undef R8
};

uint32_t DecodeUtf8(const char* p, const char* end, int* len) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  const long avail = end - p;
  unsigned char c = u[0];
  if (c < 0x80) { *len = 1; return c; }
  int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (n == 0 || n > avail) { *len = 1; return 0xFFFD; }
  uint32_t cp = c & (0x7F >> n);
  for (int i = 1; i < n; ++i) {
    if ((u[i] & 0xC0) != 0x80) { *len = 1; return 0xFFFD; }
    cp = (cp << 6) | (u[i] & 0x3F);
  }
  *len = n;
  return cp;
}

CharClass UnicodeClass(uint32_t cp) {
  switch (cp) {
    case 0x2019: return kApostrophe;
    case 0x2018: case 0x201A: case 0x201B: return kOpenSingle;
    case 0x201C: case 0x201E: case 0x00AB: case 0x2039: return kOpenQuote;
    case 0x201D: case 0x00BB: case 0x203A: return kCloseQuote;
    case 0x2010: case 0x2011: return kHyphen;
    case 0x2012: case 0x2013: case 0x2014: case 0x2015: case 0x2212:
      return kDash;
    case 0x2026: return kEllipsis;
    case 0x2028: case 0x2029: case 0x0085: return kNewline;
    case 0x00A0: case 0xFEFF: case 0x200B: case 0x200C: case 0x200D:
    case 0x2060: case 0x00AD:
      return kSpace;
    default: break;
  }
  const UChar32 c = static_cast<UChar32>(cp);
  if (u_isUWhiteSpace(c)) return kSpace;
  if (u_isalpha(c)) return kLetter;
  const int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
      type == U_ENCLOSING_MARK) {
    return kLetter;
  }
  if (u_isdigit(c)) return kDigit;
  if (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR) return kSpace;
  return kPunct;
}

bool IsUpperCodePoint(uint32_t cp) {
  return u_isupper(static_cast<UChar32>(cp)) || u_istitle(static_cast<UChar32>(cp));
}
bool IsLowerCodePoint(uint32_t cp) { return u_islower(static_cast<UChar32>(cp)); }

}  // namespace parley::text_internal
