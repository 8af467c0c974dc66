#include "text/normalize.h"

#include <gtest/gtest.h>

#include <string>

#include "parley/text.h"

namespace parley::text_internal {
namespace {

TEST(NormalizeTest, LowerAscii8ChangesOnlyCapitalLetters) {
  for (int c = 0; c < 256; ++c) {
    const uint64_t w = static_cast<uint64_t>(c) * 0x0101010101010101ull;
    const int want = c >= 'A' && c <= 'Z' ? c + 32 : c;
    EXPECT_EQ(static_cast<uint64_t>(want) * 0x0101010101010101ull, LowerAscii8(w)) << c;
  }
}

// The wide path gives the same norms as NormalizeToken, whatever the
// token length, its position near the end of the buffer, or its bytes.
TEST(NormalizeTest, WideNormalizationMatchesTheBytewisePath) {
  const std::string words[] = {"A", "Hamas", "UNITED-NATIONS", "ABCDEFGH", "ABCDEFGHI",
                               "Israel’s", "Ärzte", "x[Z]@", "0123456789ABCDEFxyz", "ﬁre"};
  for (const std::string& w : words) {
    for (size_t tail = 0; tail < 10; ++tail) {
      const std::string buf = "  " + w + std::string(tail, 'Q');
      const std::string_view raw(buf.data() + 2, w.size());
      AnalyzedText a, b;
      NormArena wa, ba;
      std::string s1, s2;
      wa.Begin(&a, 64);
      ba.Begin(&b, 64);
      const std::string got(NormalizeTokenWide(raw, buf.data() + buf.size(), &wa, &s1));
      const std::string want(NormalizeToken(raw, &ba, &s2));
      EXPECT_EQ(want, got) << w << " tail " << tail;
      EXPECT_EQ(ba.used, wa.used) << w;
    }
  }
}

}  // namespace
}  // namespace parley::text_internal
