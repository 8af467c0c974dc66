#include <gtest/gtest.h>

#include <string>

#include "text/mentions.h"
#include "text/text_test_util.h"

namespace parley {
namespace {

using testing_util::AnalyzeString;

// "surface=value" (with "~" for vague) for every number mention.
std::string Numbers(const std::string& text, const char* date = "2024-07-15") {
  auto a = AnalyzeString(text, date ? std::optional<std::string>(date) : std::nullopt);
  std::string out;
  for (const NumberMention& n : a->text.numbers) {
    if (!out.empty()) out += ' ';
    char buf[64];
    std::snprintf(buf, sizeof(buf), "%.15g", n.value);
    out += a->Surface(n.first_token, n.end_token) + "=" + buf + (n.vague ? "~" : "");
    EXPECT_EQ(static_cast<int32_t>(&n - a->text.numbers.data()),
              a->text.tokens[n.first_token].number);
  }
  return out;
}

TEST(NumbersTest, TableOfNumberMentions) {
  const std::pair<const char*, const char*> cases[] = {
      {"at least 40,223 Palestinians", "40,223=40223"},
      {"six rockets", "six=6"},
      {"ninety-two dead", "ninety-two=92"},
      {"twenty five people", "twenty five=25"},
      {"1.2 million displaced", "1.2 million=1200000"},
      {"3 million people", "3 million=3000000"},
      {"a dozen soldiers", "a dozen=12"},
      {"dozens of people", "dozens=24~"},
      {"hundreds were hurt", "hundreds=200~"},
      {"thousands marched", "thousands=2000~"},
      {"tens of thousands fled", "tens of thousands=20000~"},
      {"hundreds of thousands fled", "hundreds of thousands=200000~"},
      {"half a million refugees", "half a million=500000"},
      {"two hundred and ten", "two hundred and ten=210"},
      {"a number of rockets", "a number of=2~"},
      {"several balloons", "several=3~"},
      {"124 hostages", "124=124"},
      {"$600m in aid", "600m=600000000"},
      {"two three", "two=2 three=3"},
      {"the 7th brigade", ""},
      {"at 10:30 local", ""},
      {"at 3 p.m. today", ""},
      {"on July 14, 2024 they met", ""},
      {"since October 7", ""},
      {"the 2024 election", "2024=2024"},
      {"a man", ""},
  };
  for (const auto& [text, want] : cases) {
    EXPECT_EQ(want, Numbers(text)) << text;
  }
}

TEST(NumbersTest, UnresolvableDateHoldsNoCount) {
  EXPECT_EQ("", Numbers("on Sunday, May 5, after talks", nullptr));
  EXPECT_EQ("", Numbers("on 14 July they met", nullptr));
  EXPECT_EQ("5=5", Numbers("5 protesters came in May", nullptr));
}

TEST(NumbersTest, NumberWordValues) {
  EXPECT_EQ(92, text_internal::NumberWordValue("ninety-two"));
  EXPECT_EQ(6, text_internal::NumberWordValue("six"));
  EXPECT_FALSE(text_internal::NumberWordValue("sixty-twelve").has_value());
  EXPECT_FALSE(text_internal::NumberWordValue("dog").has_value());
}

}  // namespace
}  // namespace parley
