#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/text_test_util.h"

namespace parley {
namespace {

using testing_util::AnalyzeString;

std::vector<std::string> Sentences(const std::string& text) {
  auto a = AnalyzeString(text);
  std::vector<std::string> out;
  for (const Sentence& s : a->text.sentences) {
    out.push_back(text.substr(s.start, s.end - s.start));
  }
  return out;
}

struct SplitCase {
  const char* name;
  const char* text;
  std::vector<std::string> want;
};

TEST(SentenceSplitterTest, TableOfRules) {
  const SplitCase cases[] = {
      {"PlainPeriods", "Talks resumed. Hamas left.", {"Talks resumed.", "Hamas left."}},
      {"UsMidSentence", "The U.S. envoy arrived.", {"The U.S. envoy arrived."}},
      {"UsBeforeTitle", "He met U.S. President Joe Biden.", {"He met U.S. President Joe Biden."}},
      {"UsAtSentenceEnd", "Aid came from the U.S. The army said so.",
       {"Aid came from the U.S.", "The army said so."}},
      {"Gen", "Gen. Halevi spoke.", {"Gen. Halevi spoke."}},
      {"Mr", "Mr. Abbas and Dr. Tedros met.", {"Mr. Abbas and Dr. Tedros met."}},
      {"LtCol", "Lt. Col. Richard Hecht said it.", {"Lt. Col. Richard Hecht said it."}},
      {"PmBeforeOpener", "It began at 9 p.m. The strikes continued.",
       {"It began at 9 p.m.", "The strikes continued."}},
      {"PmMidSentence", "At 9 p.m. local time rockets fell.", {"At 9 p.m. local time rockets fell."}},
      {"No", "He lives at No. 10 Downing Street.", {"He lives at No. 10 Downing Street."}},
      {"Month", "On Jan. 5 the talks began.", {"On Jan. 5 the talks began."}},
      {"MonthFeb", "Since Feb. 24 Russia has advanced.", {"Since Feb. 24 Russia has advanced."}},
      {"St", "They met in St. Petersburg.", {"They met in St. Petersburg."}},
      {"Sen", "Sen. Graham and Rep. Ocasio-Cortez disagreed.",
       {"Sen. Graham and Rep. Ocasio-Cortez disagreed."}},
      {"Gov", "Gov. Newsom spoke.", {"Gov. Newsom spoke."}},
      {"Inc", "Acme Inc. said profits rose.", {"Acme Inc. said profits rose."}},
      {"Co", "Ford Motor Co. The company said.", {"Ford Motor Co.", "The company said."}},
      {"Vs", "It was Israel vs. Hamas again.", {"It was Israel vs. Hamas again."}},
      {"Initials", "George W. Bush visited.", {"George W. Bush visited."}},
      {"Decimal", "The rate rose 1.2 percent. Prices fell.",
       {"The rate rose 1.2 percent.", "Prices fell."}},
      {"ClosingQuoteBelongsToSentence", "“We will not stop.” Then he left.",
       {"“We will not stop.”", "Then he left."}},
      {"AsciiClosingQuote", "\"We will not stop.\" Then he left.",
       {"\"We will not stop.\"", "Then he left."}},
      {"QuestionInsideQuoteThenLower", "“Why?” he asked.", {"“Why?” he asked."}},
      {"BlankLineEndsSentence", "A headline without period\n\nThe body starts here.",
       {"A headline without period", "The body starts here."}},
      {"SingleNewlineJoins", "the talks in\nCairo ended.", {"the talks in\nCairo ended."}},
      {"IndentedLineIsParagraph", "Prices rose\n    The dry period ended.",
       {"Prices rose", "The dry period ended."}},
      {"GluedQuoteCapital", "against civilians”Hamas political bureau chief spoke.",
       {"against civilians”", "Hamas political bureau chief spoke."}},
      {"GluedQuoteArticle", "were “eliminated”A senior official said.",
       {"were “eliminated”", "A senior official said."}},
      {"Exclamation", "Stop! Now.", {"Stop!", "Now."}},
      {"LowercaseAfterPeriodJoins", "approx. ten people came.", {"approx. ten people came."}},
      {"Ellipsis", "He paused... Then he spoke.", {"He paused...", "Then he spoke."}},
      {"StrayPunctuationJoinsPrevious", "It ended. ... Then more.",
       {"It ended. ...", "Then more."}},
  };
  for (const SplitCase& c : cases) {
    EXPECT_EQ(c.want, Sentences(c.text)) << c.name;
  }
}

TEST(SentenceSplitterTest, TitleRangeIsItsOwnSentence) {
  testing_util::Analyzed a;
  a.doc.text = "Hamas leaves Cairo talks\nThe delegation left on Sunday.";
  a.doc.title_range = ByteRange{0, 24};
  a.doc.body = {ByteRange{0, static_cast<uint32_t>(a.doc.text.size())}};
  testing_util::Analyzer().Analyze(a.doc, &a.text);
  ASSERT_EQ(2u, a.text.sentences.size());
  EXPECT_EQ(24u, a.text.sentences[0].end);
}

TEST(SentenceSplitterTest, BodyRangesNeverShareASentence) {
  testing_util::Analyzed a;
  a.doc.text = "Talks went on and\nReading time: 1 min\nthe envoy left.";
  a.doc.body = {ByteRange{0, 17}, ByteRange{37, static_cast<uint32_t>(a.doc.text.size())}};
  testing_util::Analyzer().Analyze(a.doc, &a.text);
  ASSERT_EQ(2u, a.text.sentences.size());
  for (const Token& t : a.text.tokens) EXPECT_NE("reading", t.norm);
}

TEST(SentenceSplitterTest, LongSentencesAreCut) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += "word ";
  auto a = AnalyzeString(text);
  for (const Sentence& s : a->text.sentences) EXPECT_LE(s.end_token - s.first_token, 400u);
  EXPECT_EQ(3u, a->text.sentences.size());
}

}  // namespace
}  // namespace parley
