#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/text_test_util.h"

namespace parley {
namespace {

using testing_util::AnalyzeString;

std::string Surfaces(const std::string& text) {
  auto a = AnalyzeString(text);
  std::string out;
  for (const Token& t : a->text.tokens) {
    if (!out.empty()) out += '|';
    out += text.substr(t.start, t.end - t.start);
  }
  return out;
}

struct TokCase {
  const char* text;
  const char* tokens;
};

TEST(TokenizerTest, SplitsAsDocumented) {
  const TokCase cases[] = {
      {"U.S. forces", "U.S.|forces"},
      {"at 3 a.m. local", "at|3|a.m.|local"},
      {"at least 40,223 people", "at|least|40,223|people"},
      {"grew 1.2 percent", "grew|1.2|percent"},
      {"the al-Mawasi camp", "the|al-Mawasi|camp"},
      {"ninety-two dead", "ninety-two|dead"},
      {"near Khan Younis.", "near|Khan|Younis|."},
      {"Israel's army", "Israel|'s|army"},
      {"Israel’s army", "Israel|’s|army"},
      {"the Palestinians’ homes", "the|Palestinians|’|homes"},
      {"‘unarmed civilians’ said", "‘|unarmed|civilians|’|said"},
      {"don't go", "don't|go"},
      {"Gen. Smith and Mr. Jones", "Gen.|Smith|and|Mr.|Jones"},
      {"George W. Bush", "George|W.|Bush"},
      {"on 2024-07-14 at 10:30", "on|2024-07-14|at|10:30"},
      {"the 7th and 1990s", "the|7th|and|1990s"},
      {"a 19-year-old man", "a|19-year-old|man"},
      {"F-16 jets", "F-16|jets"},
      {"wait... what", "wait|...|what"},
      {"“Quote,” he said", "“|Quote|,|”|he|said"},
      {"civilians”Hamas", "civilians|”|Hamas"},
      {"U.S.-Mexico border", "U.S.|-|Mexico|border"},
      {"war -- again", "war|--|again"},
      {"No. 10 Downing", "No.|10|Downing"},
      {"said no. Then", "said|no|.|Then"},
      {"$600m deal", "$|600m|deal"},
      {"Zürich café", "Zürich|café"},
      {"mid—2024", "mid|—|2024"},
  };
  for (const TokCase& c : cases) {
    EXPECT_EQ(c.tokens, Surfaces(c.text)) << c.text;
  }
}

TEST(TokenizerTest, FlagsDescribeShape) {
  auto a = AnalyzeString("Hamas said IDF U.S. al-Mawasi 40 Israel's “x”");
  const auto& t = a->text.tokens;
  ASSERT_EQ(11u, t.size());
  EXPECT_TRUE(t[0].has(kTokWord) && t[0].has(kTokCapitalized) && !t[0].has(kTokAllCaps));
  EXPECT_FALSE(t[1].has(kTokCapitalized));
  EXPECT_TRUE(t[2].has(kTokAllCaps));
  EXPECT_TRUE(t[3].has(kTokAbbreviation));
  EXPECT_TRUE(t[4].has(kTokHyphenated));
  EXPECT_TRUE(t[5].has(kTokNumber) && !t[5].has(kTokWord));
  EXPECT_TRUE(t[7].has(kTokPossessive));
  EXPECT_TRUE(t[8].has(kTokQuote) && t[8].has(kTokPunct));
  EXPECT_EQ("\"", t[8].norm);
  EXPECT_TRUE(t[0].has(kTokSentenceStart));
}

TEST(TokenizerTest, OffsetsMapBackToOriginalBytes) {
  const std::string text =
      "  “Hamas”—the group’s wing—said ninety-two\u00a0people died.\n\nU.S. "
      "officials, in Zürich, met at 3 p.m. on Jan. 5.";
  auto a = AnalyzeString(text);
  ASSERT_FALSE(a->text.tokens.empty());
  uint32_t prev_end = 0;
  for (const Token& t : a->text.tokens) {
    ASSERT_LT(t.start, t.end);
    ASSERT_LE(t.end, text.size());
    EXPECT_GE(t.start, prev_end);
    prev_end = t.end;
    EXPECT_FALSE(t.norm.empty());
  }
  EXPECT_EQ("ninety-two", text.substr(a->text.tokens[10].start,
                                      a->text.tokens[10].end - a->text.tokens[10].start));
}

TEST(TokenizerTest, NormsAreFoldedAndTypographyMapped) {
  auto a = AnalyzeString("“Zürich” – ＡＢＣ Hamas’s STRASSE Straße …");
  std::vector<std::string> norms;
  for (const Token& t : a->text.tokens) norms.emplace_back(t.norm);
  const std::vector<std::string> want = {"\"", "zürich", "\"", "-", "abc",
                                         "hamas", "'s", "strasse", "strasse", "..."};
  EXPECT_EQ(want, norms);
}

TEST(TokenizerTest, NonFinalAbbreviationsAreTitlesMonthsAndInitials) {
  EXPECT_TRUE(text_internal::IsNonFinalAbbreviation("gen."));
  EXPECT_TRUE(text_internal::IsNonFinalAbbreviation("jan."));
  EXPECT_TRUE(text_internal::IsNonFinalAbbreviation("w."));
  EXPECT_FALSE(text_internal::IsNonFinalAbbreviation("inc."));
  EXPECT_FALSE(text_internal::IsNonFinalAbbreviation("u.s."));
}

}  // namespace
}  // namespace parley
