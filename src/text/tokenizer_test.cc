#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "text/lemmatizer.h"
#include "text/normalize.h"
#include "text/text_test_util.h"
#include "text/unicode_class.h"

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

// The block fast path (FastWords, taken only with a WordSink) must cut and
// flag exactly like the general path (no sink), and the norms it writes
// must be the lower-cased words. Checked on text[begin, end).
struct SinkRun {
  std::vector<Token> tokens;
  std::vector<text_internal::QueuedWord> words;
  std::vector<uint32_t> others;
  AnalyzedText holder;  // owns the arena
};

// `arena_bytes`: the norm arena's capacity (the analyzer's is the text size
// + 64); the bytes past it must stay untouched.
void TokenizeWithSink(const std::string& text, uint32_t begin, uint32_t end, SinkRun* run,
                      size_t arena_bytes) {
  run->holder.arena.assign(arena_bytes + 128, '#');
  text_internal::NormArena arena;
  arena.Begin(&run->holder, arena_bytes);
  // Spare elements left from an earlier document must be overwritten.
  Token stale;
  stale.number = 7;
  stale.date = 9;
  stale.norm = "stale";
  stale.lemma = "stale";
  stale.flags = kTokSentenceStart;
  run->tokens.assign(5, stale);
  run->words.assign(3, text_internal::QueuedWord{});
  text_internal::WordSink sink{&arena, &run->words, &run->others};
  text_internal::Tokenize(text, begin, end, &run->tokens, &sink);
  run->tokens.resize(sink.tokens_written);
  run->words.resize(sink.words_written);
  EXPECT_LE(arena.used, arena_bytes);
  EXPECT_EQ(std::string(128, '#'), run->holder.arena.substr(arena_bytes)) << "wrote past the arena";
}

void ExpectSameAsGeneralPath(const std::string& text, uint32_t begin, uint32_t end,
                             size_t arena_bytes = SIZE_MAX) {
  if (arena_bytes == SIZE_MAX) arena_bytes = text.size() + 64;
  SCOPED_TRACE(testing::Message() << "text=\"" << text << "\" range " << begin << ".." << end
                                  << " arena " << arena_bytes);
  std::vector<Token> plain;
  text_internal::Tokenize(text, begin, end, &plain);
  SinkRun run;
  TokenizeWithSink(text, begin, end, &run, arena_bytes);
  ASSERT_EQ(plain.size(), run.tokens.size());
  for (size_t k = 0; k < plain.size(); ++k) {
    EXPECT_EQ(plain[k].start, run.tokens[k].start) << k;
    EXPECT_EQ(plain[k].end, run.tokens[k].end) << k;
    EXPECT_EQ(plain[k].flags, run.tokens[k].flags) << k;
    EXPECT_EQ(-1, run.tokens[k].number);
    EXPECT_EQ(-1, run.tokens[k].date);
  }
  // Every token is queued (norm written), listed in `others` (no norm yet)
  // or a punctuation token with its static norm.
  std::vector<int> seen(run.tokens.size(), 0);
  for (const auto& q : run.words) {
    ASSERT_LT(q.token, run.tokens.size());
    ++seen[q.token];
    const Token& t = run.tokens[q.token];
    const std::string want = text_internal::NormalizeString(text.substr(t.start, t.end - t.start));
    EXPECT_EQ(want, t.norm);
    EXPECT_EQ(t.norm, t.lemma);
    EXPECT_EQ(want.size(), q.size);
    EXPECT_EQ(text_internal::HashBytes(want), q.hash);
    uint64_t key[2] = {0, 0};
    std::memcpy(key, want.data(), want.size());
    EXPECT_EQ(key[0], q.key[0]);
    EXPECT_EQ(key[1], q.key[1]);
  }
  for (uint32_t i : run.others) {
    ASSERT_LT(i, run.tokens.size());
    ++seen[i];
    EXPECT_TRUE(run.tokens[i].norm.empty());
  }
  for (size_t k = 0; k < seen.size(); ++k) {
    const Token& t = run.tokens[k];
    if (seen[k] == 0) {
      EXPECT_TRUE(t.has(kTokPunct) || t.has(kTokPossessive)) << k;
      // What the analyzer gives the token ("...." -> "...", "’s" -> "'s").
      const std::string_view raw = std::string_view(text).substr(t.start, t.end - t.start);
      std::string want(text_internal::StaticPunctNorm(raw));
      if (want.empty() || !t.has(kTokPunct)) want = text_internal::NormalizeString(raw);
      EXPECT_EQ(want, t.norm);
      EXPECT_EQ(t.norm, t.lemma);
    } else {
      EXPECT_EQ(1, seen[k]) << k;
    }
  }
}

TEST(TokenizerTest, BlockFastPathEqualsGeneralPathAtBlockEdges) {
  const std::string pad(70, ' ');
  const std::vector<std::string> cases = {
      // Words crossing the 64-byte block boundary at every offset.
      std::string(58, ' ') + "Jerusalem officials said, \"no.\" ...",
      std::string(61, ' ') + "IDF Hamas U.S. forces" + pad,
      std::string(62, 'x') + " the" + pad,
      std::string(63, ' ') + "a b" + pad,
      // A word of 64 letters and more, and of exactly 16 and 17 letters.
      std::string(64, 'a') + " " + std::string(70, 'B') + " end" + pad,
      "abcdefghijklmnop abcdefghijklmnopq ABCDEFGHIJKLMNOP AbCdEfGhIjKlMnOp" + pad,
      // UTF-8 straddling the block edge, and right after a word.
      std::string(62, ' ') + "Zürich café Israel’s “quote” —" + pad,
      std::string(63, ' ') + "\xc3\xbc word" + pad,
      // Abbreviations, possessives, hyphens, digits and newlines in a block.
      "Gen. Smith met Mr. Jones in the U.S. on Jan. 5, etc. The No. 10 said no. "
      "Israel's al-Mawasi F-16 7th 1990s 40,223 don't\nnew line\n\n" + pad,
      // Text that ends right after a word, a comma or a period.
      pad + "the end",
      pad + "the end,",
      pad + "the end.",
      pad + "said Gen.",
  };
  for (const std::string& text : cases) {
    const uint32_t n = static_cast<uint32_t>(text.size());
    ExpectSameAsGeneralPath(text, 0, n);
    ExpectSameAsGeneralPath(text, 1, n - 1);   // range ends before the buffer
    ExpectSameAsGeneralPath(text, 0, n / 2);  // and cuts a block
  }
}

TEST(TokenizerTest, BlockFastPathEqualsGeneralPathOnRandomText) {
  const std::vector<std::string> pieces = {
      "Hamas", "said", "the", "IDF", "U.S.", "Gen.", "Mr.", ",", ".", "...", "\n", " ", "  ",
      "“", "”", "’s", "'s", "’", "'", "\"", "don't", "al-Mawasi", "40,223", "2024-07-14",
      "Zürich", "a", "No.", "10", "etc.", "7th", "-", "--", "—", "(", ")", ":", "ninety-two",
      "abcdefghijklmnopqrstu", "ABCDEFGHIJKLMNOP", "x9", "Gaza.", "\t", "‘", "–", "…",
      "Israel’S", "Gazans’", "′", "‛", "\xe2\x80"};
  std::mt19937 rng(12345);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int parts = 20 + static_cast<int>(rng() % 80);
    for (int k = 0; k < parts; ++k) {
      text += pieces[rng() % pieces.size()];
      if (rng() % 3 != 0) text += ' ';
    }
    const uint32_t n = static_cast<uint32_t>(text.size());
    const uint32_t b = static_cast<uint32_t>(rng() % 8) % n;
    const uint32_t e = n - static_cast<uint32_t>(rng() % 8) % (n - b);
    ExpectSameAsGeneralPath(text, b, e);
    if (HasFailure()) break;
  }
}

// With a small arena the words whose norms do not fit take the general
// path (their norms are left to the analyzer); nothing is written past it.
TEST(TokenizerTest, BlockFastPathEqualsGeneralPathWithAFullArena) {
  std::string text;
  for (int k = 0; k < 40; ++k) text += "the officials said, Hamas and IDF. ";
  const uint32_t n = static_cast<uint32_t>(text.size());
  for (size_t bytes : {size_t{0}, size_t{15}, size_t{16}, size_t{79}, size_t{80}, size_t{81},
                       size_t{200}, size_t{700}, text.size() / 2}) {
    ExpectSameAsGeneralPath(text, 0, n, bytes);
    ExpectSameAsGeneralPath(text, 3, n, bytes);
  }
}

// Tokenize's shortcut for E2 80 xx punctuation assumes these classes and
// norms; they must agree with the classifier and the normalizer.
TEST(TokenizerTest, TypographicShortcutAgreesWithClassifierAndNormalizer) {
  struct Case {
    const char* text;
    uint32_t cp;
    text_internal::CharClass cls;
    const char* norm;
  };
  const Case cases[] = {
      {"‘", 0x2018, text_internal::kOpenSingle, "'"},
      {"’", 0x2019, text_internal::kApostrophe, "'"},
      {"“", 0x201C, text_internal::kOpenQuote, "\""},
      {"”", 0x201D, text_internal::kCloseQuote, "\""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(c.cls, text_internal::UnicodeClass(c.cp)) << c.text;
    EXPECT_EQ(c.norm, text_internal::NormalizeString(c.text)) << c.text;
  }
  // Dashes and the ellipsis: classes the general path emits as one plain
  // punctuation token each.
  const Case punct[] = {{"–", 0x2013, text_internal::kDash, "-"},
                        {"—", 0x2014, text_internal::kDash, "-"},
                        {"…", 0x2026, text_internal::kEllipsis, "..."}};
  for (const Case& c : punct) {
    EXPECT_EQ(c.cls, text_internal::UnicodeClass(c.cp)) << c.text;
    EXPECT_EQ(c.norm, text_internal::NormalizeString(c.text)) << c.text;
  }
  EXPECT_EQ("'s", text_internal::NormalizeString("’S"));
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
