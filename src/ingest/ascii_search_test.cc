#include "ingest/ascii_search.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace parley::ingest {
namespace {

using search_internal::ContainsIgnoreCaseAvx2;
using search_internal::ContainsIgnoreCaseScalar;
using search_internal::ContainsIgnoreCaseSse2;
using search_internal::CpuHasAvx2;

struct Case {
  std::string hay;
  std::string needle;
  bool want;
};

TEST(AsciiSearchTest, FindsNeedlesInEitherCaseAnywhereInTheLine) {
  const Case cases[] = {
      {"Reading time", "read time", false},
      {"READ TIME: 3 min", "read time", true},
      {"3 min Read Time", "read time", true},
      {"toggle caption", "toggle caption", true},
      {"Protesters gather. Toggle Caption Jane Doe/AP", "toggle caption", true},
      {"toggle captio", "toggle caption", false},
      {"toggle_caption", "toggle caption", false},  // '_' is not ' '
      {"(AP PHOTO/Jane)", "photo", true},
      {"phot", "photo", false},
      {"", "photo", false},
      {std::string(100, 'x') + "Getty Images", "getty images", true},
      {std::string(100, 'x') + "Getty Image", "getty images", false},
      {"Read\xC3\xA9time", "read time", false},
      {"[ead time read tim] read timE", "read time", true},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.want, ContainsIgnoreCase(c.hay, c.needle)) << c.hay << " / " << c.needle;
    EXPECT_EQ(c.want, ContainsIgnoreCaseScalar(c.hay, c.needle)) << c.hay;
  }
}

TEST(AsciiSearchTest, NeedlesWithoutLetterEdgesUseTheScalarSearch) {
  EXPECT_FALSE(ValidContainsNeedle("read more:"));
  EXPECT_FALSE(ValidContainsNeedle("ab"));
  EXPECT_TRUE(ValidContainsNeedle("read time"));
  EXPECT_TRUE(ContainsIgnoreCase("Read More: the talks", "read more:"));
  EXPECT_TRUE(ContainsIgnoreCase("x 1 y", " 1 "));
  EXPECT_FALSE(ContainsIgnoreCase("read time", "READ TIME"));  // needle must be lower case
}

// Every hay length from 0 to 100 and every needle position, including the
// last block (overlapping) and the short-line buffer: SSE2 and AVX2 agree
// with the scalar search. The hay is an exact-size heap copy so that ASan
// builds catch any read past its end.
TEST(AsciiSearchTest, SimdVariantsAgreeWithScalarAtEveryLengthAndPosition) {
  std::mt19937 rng(7);
  const std::string alphabet = "aAtTnNeE cCp";
  for (const std::string needle : {"toggle caption", "read time", "photo", "abc"}) {
    for (size_t len = 0; len <= 100; ++len) {
      for (int trial = 0; trial < 20; ++trial) {
        std::string hay(len, ' ');
        for (char& c : hay) c = alphabet[rng() % alphabet.size()];
        if (trial % 2 == 0 && len >= needle.size()) {
          const size_t at = rng() % (len - needle.size() + 1);
          for (size_t k = 0; k < needle.size(); ++k) {
            hay[at + k] = (rng() % 2) ? needle[k] : static_cast<char>(std::toupper(needle[k]));
          }
          if (trial % 4 == 0) hay[at + rng() % needle.size()] = '#';
        }
        const std::vector<char> exact(hay.begin(), hay.end());
        const std::string_view view(exact.data(), exact.size());
        const bool want = ContainsIgnoreCaseScalar(view, needle);
        EXPECT_EQ(want, ContainsIgnoreCaseSse2(view, needle)) << hay << " / " << needle;
        if (CpuHasAvx2()) {
          EXPECT_EQ(want, ContainsIgnoreCaseAvx2(view, needle)) << hay;
        }
        EXPECT_EQ(want, ContainsIgnoreCase(view, needle));
      }
    }
  }
}

}  // namespace
}  // namespace parley::ingest
