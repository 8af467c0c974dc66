#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>

#include <array>
#include <cstring>
#include <memory>

#include "text/unicode_class.h"

namespace parley::text_internal {
namespace {

constexpr std::array<char, 128> BuildLower() {
  std::array<char, 128> t{};
  for (int c = 0; c < 128; ++c) {
    t[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return t;
}
constexpr std::array<char, 128> kLower = BuildLower();

// One static string per ASCII byte, for single-character punctuation norms.
constexpr std::array<char, 256> BuildSingles() {
  std::array<char, 256> t{};
  for (int c = 0; c < 128; ++c) t[2 * c] = static_cast<char>(c);
  return t;
}
constexpr std::array<char, 256> kSingles = BuildSingles();

bool IsAscii(std::string_view s) {
  unsigned char acc = 0;
  for (char c : s) acc |= static_cast<unsigned char>(c);
  return acc < 0x80;
}

// Maps typographic punctuation to ASCII; returns false when nothing changed.
void MapTypography(std::string_view raw, std::string* out) {
  out->clear();
  const char* p = raw.data();
  const char* end = p + raw.size();
  while (p < end) {
    if (static_cast<unsigned char>(*p) < 0x80) {
      out->push_back(*p++);
      continue;
    }
    int len;
    uint32_t cp = DecodeUtf8(p, end, &len);
    switch (UnicodeClass(cp)) {
      case kApostrophe: case kOpenSingle: out->push_back('\''); break;
      case kDoubleQuote: case kOpenQuote: case kCloseQuote:
        out->push_back('"');
        break;
      case kHyphen: case kDash: out->push_back('-'); break;
      case kEllipsis: out->append("..."); break;
      default: out->append(p, len); break;
    }
    p += len;
  }
}

const icu::Normalizer2* NfkcCasefold() {
  static const icu::Normalizer2* n = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* inst = icu::Normalizer2::getNFKCCasefoldInstance(status);
    return U_SUCCESS(status) ? inst : nullptr;
  }();
  return n;
}

void Lowercase(std::string_view in, std::string* out) {
  out->clear();
  for (char c : in) out->push_back(kLower[static_cast<unsigned char>(c)]);
}

// Full normalization of a non-ASCII token into *out.
void NormalizeSlow(std::string_view raw, std::string* out) {
  std::string mapped;
  MapTypography(raw, &mapped);
  if (IsAscii(mapped)) {
    Lowercase(mapped, out);
    return;
  }
  out->clear();
  const icu::Normalizer2* n = NfkcCasefold();
  UErrorCode status = U_ZERO_ERROR;
  if (n != nullptr) {
    icu::StringByteSink<std::string> sink(out);
    n->normalizeUTF8(0, icu::StringPiece(mapped.data(), static_cast<int32_t>(mapped.size())),
                     sink, nullptr, status);
  }
  if (n == nullptr || U_FAILURE(status) || out->empty()) *out = mapped;
}

std::string_view Store(std::string_view s, NormArena* arena) {
  if (arena->used + s.size() <= arena->cap) {
    char* d = arena->base + arena->used;
    std::memcpy(d, s.data(), s.size());
    arena->used += s.size();
    return std::string_view(d, s.size());
  }
  arena->out->overflow.push_back(std::make_unique<std::string>(s));
  return *arena->out->overflow.back();
}

}  // namespace

std::string_view StaticPunctNorm(std::string_view raw) {
  if (raw.empty() || static_cast<unsigned char>(raw[0]) >= 0x80) return {};
  if (raw.size() == 1) return std::string_view(&kSingles[2 * raw[0]], 1);
  if (raw[0] == '.') return "...";
  if (raw[0] == '-') return "-";
  return {};
}

std::string_view NormalizeToken(std::string_view raw, NormArena* arena,
                                std::string* scratch) {
  if (arena->used + raw.size() <= arena->cap) {
    // Optimistic ASCII path: lower-case straight into the arena.
    char* d = arena->base + arena->used;
    unsigned char acc = 0;
    for (size_t i = 0; i < raw.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(raw[i]);
      acc |= c;
      d[i] = kLower[c & 0x7f];
    }
    if (acc < 0x80) {
      arena->used += raw.size();
      return std::string_view(d, raw.size());
    }
  } else if (IsAscii(raw)) {
    Lowercase(raw, scratch);
    return Store(*scratch, arena);
  }
  NormalizeSlow(raw, scratch);
  if (scratch->empty()) return Store(raw, arena);
  return Store(*scratch, arena);
}

std::string NormalizeString(std::string_view raw) {
  std::string out;
  if (IsAscii(raw)) {
    Lowercase(raw, &out);
  } else {
    NormalizeSlow(raw, &out);
  }
  return out.empty() ? std::string(raw) : out;
}

}  // namespace parley::text_internal
