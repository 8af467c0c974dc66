#include "ingest/ascii_search.h"

#include <immintrin.h>

#include <cstdint>
#include <cstring>

namespace parley::ingest {
namespace search_internal {
namespace {

// Whether one of the candidate starts in `m` (bit k = start at + k, first
// and last needle byte already matched) has the needle's middle bytes too.
inline bool VerifyMiddles(const char* hay, size_t at, uint32_t m, std::string_view needle) {
  const std::string_view middle = needle.substr(1, needle.size() - 2);
  for (; m != 0; m &= m - 1) {
    const size_t pos = at + static_cast<size_t>(__builtin_ctz(m));
    if (EqualsLowerAt(hay + pos + 1, middle)) return true;
  }
  return false;
}

// Starts [at, at + 16): bit k set when hay[at + k] folds to the first needle
// byte and hay[at + k + n - 1] to the last ((c | 0x20) == L exactly for the
// letter L and its upper-case form). Reads hay[at, at + n + 15).
inline uint32_t EdgeMatches16(const char* hay, size_t at, size_t n, __m128i first,
                              __m128i last) {
  const __m128i bit = _mm_set1_epi8(0x20);
  const __m128i a = _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(hay + at)), bit);
  const __m128i b =
      _mm_or_si128(_mm_loadu_si128(reinterpret_cast<const __m128i*>(hay + at + n - 1)), bit);
  return static_cast<uint32_t>(
      _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last))));
}

// The same for 32 starts [at, at + 32); reads hay[at, at + n + 31).
__attribute__((target("avx2"))) inline uint32_t EdgeMatches32(const char* hay, size_t at,
                                                              size_t n, __m256i first,
                                                              __m256i last) {
  const __m256i bit = _mm256_set1_epi8(0x20);
  const __m256i a =
      _mm256_or_si256(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(hay + at)), bit);
  const __m256i b = _mm256_or_si256(
      _mm256_loadu_si256(reinterpret_cast<const __m256i*>(hay + at + n - 1)), bit);
  return static_cast<uint32_t>(_mm256_movemask_epi8(
      _mm256_and_si256(_mm256_cmpeq_epi8(a, first), _mm256_cmpeq_epi8(b, last))));
}

}  // namespace

bool ContainsIgnoreCaseScalar(std::string_view hay, std::string_view needle) {
  if (needle.size() > hay.size()) return false;
  for (size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (EqualsLowerAt(hay.data() + i, needle)) return true;
  }
  return false;
}

// Blocks of 16 starts; the final starts are covered by one block that
// overlaps starts already tried; a hay too short for one block is copied
// into a zeroed buffer first.
bool ContainsIgnoreCaseSse2(std::string_view hay, std::string_view needle) {
  const size_t n = needle.size();
  if (n > hay.size()) return false;
  const size_t starts = hay.size() - n + 1;
  const __m128i c0 = _mm_set1_epi8(needle[0]), c1 = _mm_set1_epi8(needle[n - 1]);
  if (starts < 16) {
    char buf[16 + kMaxContainsNeedle] = {};
    std::memcpy(buf, hay.data(), hay.size());
    const uint32_t m = EdgeMatches16(buf, 0, n, c0, c1) & ((1u << starts) - 1);
    return m != 0 && VerifyMiddles(buf, 0, m, needle);
  }
  size_t i = 0;
  for (; i + 16 <= starts; i += 16) {
    const uint32_t m = EdgeMatches16(hay.data(), i, n, c0, c1);
    if (m != 0 && VerifyMiddles(hay.data(), i, m, needle)) return true;
  }
  if (i == starts) return false;
  const size_t at = starts - 16;
  const uint32_t m = EdgeMatches16(hay.data(), at, n, c0, c1) & (0xFFFFu << (i - at));
  return m != 0 && VerifyMiddles(hay.data(), at, m, needle);
}

// The same with blocks of 32 starts.
__attribute__((target("avx2"))) bool ContainsIgnoreCaseAvx2(std::string_view hay,
                                                            std::string_view needle) {
  const size_t n = needle.size();
  if (n > hay.size()) return false;
  const size_t starts = hay.size() - n + 1;
  const __m256i c0 = _mm256_set1_epi8(needle[0]), c1 = _mm256_set1_epi8(needle[n - 1]);
  if (starts < 32) {
    char buf[32 + kMaxContainsNeedle] = {};
    std::memcpy(buf, hay.data(), hay.size());
    const uint32_t m = EdgeMatches32(buf, 0, n, c0, c1) & ((1u << starts) - 1);
    return m != 0 && VerifyMiddles(buf, 0, m, needle);
  }
  size_t i = 0;
  for (; i + 32 <= starts; i += 32) {
    const uint32_t m = EdgeMatches32(hay.data(), i, n, c0, c1);
    if (m != 0 && VerifyMiddles(hay.data(), i, m, needle)) return true;
  }
  if (i == starts) return false;
  const size_t at = starts - 32;
  const uint32_t m = EdgeMatches32(hay.data(), at, n, c0, c1) & (0xFFFFFFFFu << (i - at));
  return m != 0 && VerifyMiddles(hay.data(), at, m, needle);
}

bool CpuHasAvx2() {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") != 0;
  }();
  return has;
}

}  // namespace search_internal

bool ContainsIgnoreCase(std::string_view hay, std::string_view needle) {
  if (!ValidContainsNeedle(needle)) return search_internal::ContainsIgnoreCaseScalar(hay, needle);
  return search_internal::CpuHasAvx2() ? search_internal::ContainsIgnoreCaseAvx2(hay, needle)
                                       : search_internal::ContainsIgnoreCaseSse2(hay, needle);
}

}  // namespace parley::ingest
