// End-to-end tests of the text stage on the in-repo article fixtures, read
// through the real ingest reader.
#include <gtest/gtest.h>

#include <string>

#include "ingest/article_reader.h"
#include "text/explain.h"
#include "text/text_test_util.h"

namespace parley {
namespace {

using testing_util::Analyzer;

Document ReadFixture(const std::string& name) {
  auto r = ingest::ArticleReader::Open({std::string(PARLEY_SOURCE_DIR) + "/testdata/articles/" + name});
  Document doc;
  Rejection rej;
  bool rejected = true;
  EXPECT_TRUE(r.ok() && (*r)->Next(&doc, &rej, &rejected));
  EXPECT_FALSE(rejected) << rej.reason;
  return doc;
}

bool InBody(const Document& d, uint32_t b, uint32_t e) {
  for (const ByteRange& r : d.body) {
    if (b >= r.start && e <= r.end) return true;
  }
  return false;
}

TEST(TextAnalyzerTest, ScrapedArticleSentencesStayInBodyAndSplitGluedQuotes) {
  Document doc = ReadFixture("scraped_talks.txt");
  AnalyzedText t;
  Analyzer().Analyze(doc, &t);
  ASSERT_FALSE(t.sentences.empty());
  EXPECT_EQ(doc.title_range.start, t.sentences[0].start);
  EXPECT_EQ(doc.title_range.end, t.sentences[0].end);
  bool glued_split = false;
  for (const Sentence& s : t.sentences) {
    EXPECT_TRUE(InBody(doc, s.start, s.end));
    const std::string text = doc.text.substr(s.start, s.end - s.start);
    EXPECT_EQ(std::string::npos, text.find("Reading time"));
    if (text.rfind("The Qatari foreign ministry", 0) == 0) glued_split = true;
  }
  EXPECT_TRUE(glued_split);
  for (const Token& tok : t.tokens) {
    EXPECT_EQ(doc.text.substr(tok.start, tok.end - tok.start).size(), tok.end - tok.start);
  }
}

TEST(TextAnalyzerTest, DatedWireArticleResolvesRelativeDates) {
  Document doc = ReadFixture("wire_no_title.txt");  // 2021-05-16, a Sunday
  AnalyzedText t;
  Analyzer().Analyze(doc, &t);
  std::string got;
  for (const DateMention& d : t.dates) {
    got += doc.text.substr(t.tokens[d.first_token].start,
                           t.tokens[d.end_token - 1].end - t.tokens[d.first_token].start) +
           "=" + d.date.ToString() + ";";
  }
  EXPECT_EQ("Saturday=2021-05-15;Friday=2021-05-14;last week=2021-05-03;", got);
  std::string nums;
  for (const NumberMention& n : t.numbers) nums += std::to_string(static_cast<long>(n.value)) + ";";
  EXPECT_EQ("2;42;24;35;3000;", nums);  // "the two sides" counts
}

TEST(TextAnalyzerTest, ViewsStayValidWhenTheArenaOverflows) {
  // Full-width letters expand under NFKC? No: they shrink; ligatures and
  // the "ﷺ" sign expand, pushing norms into AnalyzedText::overflow.
  std::string text;
  for (int i = 0; i < 200; ++i) text += "\uFDFA \uFB03x word ";
  auto a = testing_util::AnalyzeString(text);
  EXPECT_FALSE(a->text.overflow.empty());
  for (const Token& t : a->text.tokens) {
    EXPECT_FALSE(t.norm.empty());
    const std::string copy(t.norm);  // ASan would flag a dangling view
    EXPECT_EQ(copy, t.norm);
  }
  EXPECT_EQ("ffix", a->text.tokens[1].norm);
}

TEST(TextAnalyzerTest, ReuseClearsPreviousDocument) {
  AnalyzedText t;
  Document d1, d2;
  d1.text = "One sentence here. Another one on Monday.";
  d1.date = Date::FromYmd(2024, 1, 10);
  d2.text = "Short.";
  Analyzer().Analyze(d1, &t);
  EXPECT_EQ(2u, t.sentences.size());
  Analyzer().Analyze(d2, &t);
  EXPECT_EQ(1u, t.sentences.size());
  EXPECT_EQ(2u, t.tokens.size());
  EXPECT_TRUE(t.dates.empty());
  EXPECT_EQ("short", t.tokens[0].norm);
}

TEST(TextAnalyzerTest, ExplainTextShowsSentencesLemmasNumbersDates) {
  auto a = testing_util::AnalyzeString("Jets struck six sites on Saturday.", "2020-08-30");
  const std::string want =
      "text: 1 sentences, 7 tokens, doc date 2020-08-30\n"
      "  S0 [0,34) \"Jets struck six sites on Saturday.\"\n"
      "    tokens: Jets/jet struck/strike six sites/site on Saturday .\n"
      "    numbers: \"six\"=6\n"
      "    dates: \"Saturday\"=2020-08-29(rel)\n";
  EXPECT_EQ(want, ExplainText(a->doc, a->text));
}

TEST(TextAnalyzerTest, EmptyBodyMeansWholeText) {
  Document d;
  d.text = "Hamas left Cairo.";
  AnalyzedText t;
  Analyzer().Analyze(d, &t);
  EXPECT_EQ(4u, t.tokens.size());
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

// Deterministic random documents built from tricky pieces (quotes, dots,
// digits, abbreviations, multi-byte and even invalid UTF-8) must analyze
// without crashing and keep the structural invariants.
TEST(TextAnalyzerTest, RandomDocumentsKeepInvariants) {
  const char* pieces[] = {"U.S.", " ", "\n", "\n\n", ".", "...", "’s", "'", "\"", "“", "”",
                          "Gen.", "a.m.", "40,223", "1.2", "-", "—", "ninety-two", "July",
                          "14", ",", "2024", "Saturday", "last", "week", "dozens", "of",
                          "Hamas", "said", "\xC3\xA9", "\xFF", "\xE2\x80", "ﬃ", "ﷺ", "?",
                          "(", ")", "No.", "W.", "half", "a", "million", "10:30", "s"};
  const size_t n = sizeof(pieces) / sizeof(pieces[0]);
  uint64_t seed = 42;
  AnalyzedText t;
  for (int doc_i = 0; doc_i < 300; ++doc_i) {
    Document d;
    const int len = static_cast<int>(seed % 200);
    for (int k = 0; k < len; ++k) {
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      d.text += pieces[(seed >> 33) % n];
    }
    d.date = Date::FromYmd(2024, 1 + doc_i % 12, 1 + doc_i % 28);
    const uint32_t size = static_cast<uint32_t>(d.text.size());
    d.body = {ByteRange{0, size / 3}, ByteRange{size / 3, size}};
    Analyzer().Analyze(d, &t);
    uint32_t next_token = 0;
    for (const Sentence& s : t.sentences) {
      ASSERT_EQ(next_token, s.first_token);
      ASSERT_LT(s.first_token, s.end_token);
      next_token = s.end_token;
    }
    ASSERT_EQ(t.tokens.size(), next_token);
    for (size_t i = 0; i < t.tokens.size(); ++i) {
      ASSERT_LT(t.tokens[i].start, t.tokens[i].end);
      ASSERT_LE(t.tokens[i].end, size);
      if (i > 0) {
        ASSERT_LE(t.tokens[i - 1].end, t.tokens[i].start);
      }
      ASSERT_FALSE(t.tokens[i].norm.empty());
      ASSERT_FALSE(t.tokens[i].lemma.empty());
    }
    for (const NumberMention& m : t.numbers) ASSERT_LE(m.end_token, t.tokens.size());
    for (const DateMention& m : t.dates) ASSERT_LE(m.end_token, t.tokens.size());
  }
}

}  // namespace
}  // namespace parley
