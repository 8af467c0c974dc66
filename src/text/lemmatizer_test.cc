#include "text/lemmatizer.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "text/text_test_util.h"

namespace parley {
namespace {

using testing_util::Analyzer;

TEST(LemmatizerTest, TableOfLemmas) {
  const std::pair<const char*, const char*> cases[] = {
      {"said", "say"},          {"struck", "strike"},   {"killed", "kill"},
      {"fled", "flee"},         {"children", "child"},  {"talks", "talk"},
      {"women", "woman"},       {"was", "be"},          {"is", "be"},
      {"has", "have"},          {"left", "leave"},      {"met", "meet"},
      {"held", "hold"},         {"officials", "official"}, {"hostages", "hostage"},
      {"operations", "operation"}, {"larger", "large"}, {"bombing", "bomb"},
      {"negotiations", "negotiation"}, {"announced", "announce"},
      {"denouncing", "denounce"}, {"us", "us"},         {"news", "news"},
      {"hamas", "hamas"},       {"evening", "evening"}, {"gaza", "gaza"},
      {"the", "the"},           {"gas", "gas"},         {"media", "media"},
  };
  for (const auto& [form, lemma] : cases) {
    EXPECT_EQ(lemma, Analyzer().Lemma(form)) << form;
  }
}

TEST(LemmatizerTest, AnalyzeFillsLemmasForWordsOnly) {
  auto a = testing_util::AnalyzeString("Israeli jets struck 40 targets.");
  const auto& t = a->text.tokens;
  ASSERT_EQ(6u, t.size());
  EXPECT_EQ("israeli", t[0].lemma);
  EXPECT_EQ("jet", t[1].lemma);
  EXPECT_EQ("strike", t[2].lemma);
  EXPECT_EQ("40", t[3].lemma);
  EXPECT_EQ("target", t[4].lemma);
  EXPECT_EQ(".", t[5].lemma);
}

TEST(LemmatizerTest, HashWordsEqualsHashBytesForEveryShortLength) {
  const std::string word = "abcdefghijklmnopq";
  for (size_t n = 1; n <= 16; ++n) {
    uint64_t w[2] = {0, 0};
    std::memcpy(w, word.data(), n);
    EXPECT_EQ(text_internal::HashBytes(std::string_view(word).substr(0, n)),
              text_internal::HashWords(w[0], w[1], n))
        << n;
  }
}

TEST(LemmatizerTest, MissingWordNetIsAnError) {
  auto r = TextAnalyzer::Create("/nonexistent/wordnet");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(std::string::npos, r.status().message().find("/nonexistent/wordnet"));
}

}  // namespace
}  // namespace parley
