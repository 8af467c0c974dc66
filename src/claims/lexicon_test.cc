// Tests of the claims lexicon format: parsing, file:line errors, matching.
#include "claims/lexicon.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "claims/claims.h"
#include "claims/claims_test_util.h"

namespace parley::claims {
namespace {

struct ErrorCase {
  const char* name;
  const char* content;
  const char* want;  // substring of the error message
};

TEST(LexiconTest, ErrorsNameFileAndLine) {
  const std::vector<ErrorCase> cases = {
      {"EntryBeforeSection", "said\n", "x.txt:1: entry before any [section]"},
      {"UnknownSection", "# c\n[verbs]\nsaid\n", "x.txt:2: unknown section 'verbs'"},
      {"MissingArgument", "[kind]\nkilled\n", "x.txt:1: section 'kind' needs an argument"},
      {"UnknownKind", "[kind murdered]\nkilled\n", "x.txt:1: unknown kind 'murdered'"},
      {"UnterminatedHeader", "[verb\n", "x.txt:1: unterminated section header"},
      {"UnterminatedBrace", "[verb]\nclaim {hedge\n", "x.txt:2: unterminated '{'"},
      {"LeadingGap", "[verb]\n... said\n", "x.txt:2: a phrase cannot start with '...'"},
      {"BadSpecial", "[item x]\nthe $place corridor\n", "x.txt:2: unknown special word '$place'"},
      {"EmptyLexicon", "# nothing\n", "no entries"},
  };
  for (const ErrorCase& c : cases) {
    auto r = ClaimsLexicon::FromStrings({{"x.txt", c.content}});
    ASSERT_FALSE(r.ok()) << c.name;
    EXPECT_NE(r.status().message().find(c.want), std::string::npos)
        << c.name << ": " << r.status().message();
  }
}

TEST(LexiconTest, ParsesSectionsAttributesAndRuleIds) {
  auto r = ClaimsLexicon::FromStrings(
      {{"f.txt", "# header\n[kind killed]\ndeath toll  {cumulative}  # running\n\n[qualifier at_least]\nat least\n"}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const auto& es = (*r)->entries();
  ASSERT_EQ(es.size(), 2u);
  EXPECT_EQ(es[0].arg, "killed");
  EXPECT_TRUE(es[0].has("cumulative"));
  EXPECT_EQ(es[0].rule, "f.txt:3");
  EXPECT_EQ(es[1].section, Section::kQualifier);
  EXPECT_EQ(es[1].rule, "f.txt:6");
}

TEST(LexiconTest, MatchesLemmaGapAndName) {
  auto r = ClaimsLexicon::FromStrings(
      {{"f.txt", "[verb]\nsay\n[kind hostages_released]\nfree ... hostage\n"
                 "[item military presence along the $name corridor]\npresence in the $name corridor\n"}});
  ASSERT_TRUE(r.ok());
  testing::FakeArticle a({"Officials said the deal freed 33 hostages and kept a presence in the "
                          "Netzarim corridor."});
  std::vector<LexMatch> ms;
  (*r)->Match(a.text, 0, static_cast<uint32_t>(a.text.tokens.size()), &ms);
  ASSERT_EQ(ms.size(), 3u);
  EXPECT_EQ((*r)->entry(ms[0].entry).section, Section::kReportingVerb);
  EXPECT_EQ(ms[1].end - ms[1].first, 3u);  // freed 33 hostages
  EXPECT_EQ(a.text.tokens[ms[2].name_first].norm, "netzarim");
}

TEST(LexiconTest, WordIdIsExactForEveryWordLength) {
  // Words of 1-24 bytes that share their first, middle and last bytes with a
  // vocabulary word: only the words themselves have ids.
  std::vector<std::string> words;
  for (size_t n = 1; n <= 24; ++n) {
    std::string w;
    for (size_t k = 0; k < n; ++k) w.push_back(static_cast<char>('a' + (k * 7 + n) % 26));
    words.push_back(w);
  }
  std::string content = "[hedge]\n";
  for (const std::string& w : words) content += w + "\n";
  auto r = ClaimsLexicon::FromStrings({{"x.txt", content}});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const ClaimsLexicon& lex = **r;
  std::vector<uint32_t> ids;
  for (const std::string& w : words) {
    uint32_t id = lex.WordId(w);
    ASSERT_NE(id, kNoLexWord) << w;
    for (uint32_t other : ids) EXPECT_NE(id, other) << w;
    ids.push_back(id);
    for (size_t k = 0; k < w.size(); ++k) {  // one byte changed anywhere
      std::string v = w;
      v[k] = 'Z';
      EXPECT_EQ(lex.WordId(v), kNoLexWord) << v;
    }
    EXPECT_EQ(lex.WordId(w + "x"), kNoLexWord) << w;
    EXPECT_EQ(lex.WordId(w.substr(1)), kNoLexWord) << w;
  }
  EXPECT_EQ(lex.WordId(""), kNoLexWord);
}

TEST(LexiconTest, ProjectLexiconsLoad) {
  const char* env = std::getenv("PARLEY_SOURCE_DIR");
  std::string dir = std::string(env ? env : PARLEY_SOURCE_DIR) + "/dictionaries/parley/claims";
  auto r = ClaimsLexicon::Load(dir);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GT((*r)->entries().size(), 300u);
}

TEST(LexiconTest, CreateFailsOnMissingDirectory) {
  auto r = ClaimsExtractor::Create("/nonexistent/claims", nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace parley::claims
