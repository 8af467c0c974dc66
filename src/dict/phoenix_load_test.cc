// Reads the real Phoenix and PETRARCH validation dictionaries (skipped when
// ../shared is absent): zero errors, expected sizes, the PETRARCH last-record
// bug fixed, and a reading time budget.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "dict/dictionary_test_util.h"
#include "parley/dictionary.h"

namespace parley {
namespace {

std::string PhoenixDir() {
  std::string shared = testing_util::SharedDir();
  std::string dir = shared + "/dictionaries/phoenix";
  return !shared.empty() && std::filesystem::is_directory(dir) ? dir : "";
}

bool HasActor(const DictionarySet& set, const Phrase& phrase) {
  return std::any_of(set.actors.begin(), set.actors.end(), [&](const ActorEntry& a) {
    return std::find(a.phrases.begin(), a.phrases.end(), phrase) != a.phrases.end();
  });
}

TEST(PhoenixLoadTest, FullSetLoadsWithoutErrorsAndKeepsLastRecords) {
  std::string dir = PhoenixDir();
  if (dir.empty()) GTEST_SKIP() << "../shared/dictionaries/phoenix not available";
  auto start = std::chrono::steady_clock::now();
  StatusOr<DictionarySet> set = ReadDictionaryDirectory(dir);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  for (const Diagnostic& d : set->diagnostics) {
    EXPECT_NE(d.severity, Diagnostic::Severity::kError) << d.ToString();
  }
  EXPECT_EQ(set->files.size(), 7u);
  EXPECT_GT(set->actors.size(), 27000u);
  EXPECT_GT(set->agents.size(), 2200u);
  EXPECT_EQ(set->verb_blocks.size(), 397u);
  EXPECT_EQ(set->synsets.size(), 40u);
  EXPECT_EQ(set->transformations.size(), 8u);
  EXPECT_GT(set->discards.size(), 500u);
  EXPECT_GT(set->issues.size(), 3000u);
  size_t patterns = 0;
  for (const VerbBlock& b : set->verb_blocks) patterns += b.patterns.size();
  EXPECT_GT(patterns, 4600u);
  // Each was the last record of its file, lost by PETRARCH2.
  EXPECT_TRUE(HasActor(*set, {"witness", "mangwende"}));
  EXPECT_TRUE(HasActor(*set, {"texas", "instruments"}));
  EXPECT_TRUE(HasActor(*set, {"shoko", "ashahara"}));
  EXPECT_LT(seconds, 2.0);  // ~0.1 s in Release; generous for sanitizer builds
}

TEST(PhoenixLoadTest, ValidationDictionariesLoadWithoutErrors) {
  std::string shared = testing_util::SharedDir();
  std::string v = shared + "/petrarch-validation/";
  if (shared.empty() || !std::filesystem::exists(v + "PETR.Validate.verbs.txt")) {
    GTEST_SKIP() << "../shared/petrarch-validation not available";
  }
  DictionarySet set;
  ASSERT_TRUE(ReadDictionaryFile(v + "PETR.Validate.actors.txt", DictionaryKind::kActors, &set).ok());
  ASSERT_TRUE(ReadDictionaryFile(v + "PETR.Validate.agents.txt", DictionaryKind::kAgents, &set).ok());
  ASSERT_TRUE(ReadDictionaryFile(v + "PETR.Validate.verbs.txt", DictionaryKind::kVerbs, &set).ok());
  ASSERT_TRUE(
      ReadDictionaryFile(v + "PETR.Validate.discards.txt", DictionaryKind::kDiscards, &set).ok());
  EXPECT_FALSE(set.has_errors());
  EXPECT_GT(set.actors.size(), 100u);
  EXPECT_GT(set.verb_blocks.size(), 250u);
  // GOLLUM's dated roles (validation file).
  auto gollum = std::find_if(set.actors.begin(), set.actors.end(), [](const ActorEntry& a) {
    return a.phrases[0] == Phrase{"gollum"};
  });
  ASSERT_NE(gollum, set.actors.end());
  EXPECT_EQ(gollum->CodeOn(Date::FromYmd(1995, 6, 1))->code, "HOBGOV");
  // The TABARI "AGREE" block keeps its compound pattern "- % * [030:030]".
  auto agree = std::find_if(set.verb_blocks.begin(), set.verb_blocks.end(),
                            [](const VerbBlock& b) { return b.name == "AGREE"; });
  ASSERT_NE(agree, set.verb_blocks.end());
  EXPECT_TRUE(std::any_of(agree->patterns.begin(), agree->patterns.end(), [](const VerbPattern& p) {
    return p.pre.size() == 1 && p.pre[0].kind == PatternElement::Kind::kCompound &&
           p.passive_code == "030";
  }));
}

}  // namespace
}  // namespace parley
