// Case-insensitive substring search used by the boilerplate rules
// (text_article.cc) on every short line of every document, so it is the
// hottest loop of ingest after JSON parsing.
//
// ArticleReader -> LayOutBody -> BoilerplateRule -> [ContainsIgnoreCase]
//
// `needle` is lower case: an upper-case byte in it never matches (as in the
// scalar reference). Needles of 3 to kMaxContainsNeedle bytes that start and
// end with a letter (ValidContainsNeedle) take the SIMD path; any other
// needle is searched byte by byte. `hay` is any bytes; ASCII letters match
// either case, every other byte matches only itself.
#ifndef PARLEY_INGEST_ASCII_SEARCH_H_
#define PARLEY_INGEST_ASCII_SEARCH_H_

#include <cstddef>
#include <string_view>

namespace parley::ingest {

inline constexpr size_t kMaxContainsNeedle = 32;

inline char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// Whether the lower.size() bytes at `a` equal `lower` (lower case) ignoring
// ASCII case.
inline bool EqualsLowerAt(const char* a, std::string_view lower) {
  for (size_t i = 0; i < lower.size(); ++i) {
    if (AsciiLower(a[i]) != lower[i]) return false;
  }
  return true;
}

// Whether `needle` takes the SIMD path of ContainsIgnoreCase (see above).
constexpr bool ValidContainsNeedle(std::string_view needle) {
  return needle.size() >= 3 && needle.size() <= kMaxContainsNeedle &&
         needle.front() >= 'a' && needle.front() <= 'z' && needle.back() >= 'a' &&
         needle.back() <= 'z';
}

// Whether `hay` contains `needle`, ASCII case-insensitively. Uses AVX2 when
// the CPU has it, else SSE2; both give the same answer as the scalar search.
bool ContainsIgnoreCase(std::string_view hay, std::string_view needle);

namespace search_internal {  // exposed for tests
// The SIMD variants require ValidContainsNeedle(needle).
bool ContainsIgnoreCaseScalar(std::string_view hay, std::string_view needle);
bool ContainsIgnoreCaseSse2(std::string_view hay, std::string_view needle);
bool ContainsIgnoreCaseAvx2(std::string_view hay, std::string_view needle);
bool CpuHasAvx2();
}  // namespace search_internal

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_ASCII_SEARCH_H_
