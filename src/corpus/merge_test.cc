#include "corpus/merge.h"

#include <gtest/gtest.h>

#include "corpus/synthetic_docs_testing.h"

namespace parley::corpus {
namespace {

using testing::Actor;
using testing::DocBuilder;

CorpusInput Input(std::initializer_list<CodedDocument> docs) {
  CorpusInput in;
  for (const CodedDocument& d : docs) AppendDocument(d, &in);
  return in;
}

const CodedDocument kFirst = DocBuilder("a", "Outlet A", "2024-07-13")
                                 .Sentence("Israeli strikes killed 92 Palestinians.")
                                 .Ev(Actor("ISRMIL"), Actor("PSE"), "190")
                                 .Build();

struct MergeCase {
  const char* name;
  CodedDocument second;
  bool merged;
};

class MergeRuleTest : public ::testing::TestWithParam<MergeCase> {};

TEST_P(MergeRuleTest, SecondReportJoinsOnlyWhenEveryRuleHolds) {
  auto merged = MergeEvents(Input({kFirst, GetParam().second}), MergeOptions());
  EXPECT_EQ(merged.size(), GetParam().merged ? 1u : 2u) << GetParam().name;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, MergeRuleTest,
    ::testing::Values(
        MergeCase{"same dyad, root, next day", DocBuilder("b", "Outlet B", "2024-07-14")
                                                   .Ev(Actor("ISR"), Actor("PSEREBHMS"), "195")
                                                   .Build(), true},
        MergeCase{"three days later", DocBuilder("b", "Outlet B", "2024-07-16")
                                          .Ev(Actor("ISR"), Actor("PSE"), "190").Build(), false},
        MergeCase{"other root", DocBuilder("b", "Outlet B", "2024-07-13")
                                    .Ev(Actor("ISR"), Actor("PSE"), "180").Build(), false},
        MergeCase{"other target country", DocBuilder("b", "Outlet B", "2024-07-13")
                                              .Ev(Actor("ISR"), Actor("LBN"), "190").Build(),
                  false},
        MergeCase{"negated report", DocBuilder("b", "Outlet B", "2024-07-13")
                                        .Ev(Actor("ISR"), Actor("PSE"), "190", nullptr,
                                            Fact::kNegated)
                                        .Build(), false},
        MergeCase{"fight is symmetric", DocBuilder("b", "Outlet B", "2024-07-13")
                                            .Ev(Actor("PSE"), Actor("ISR"), "190").Build(),
                  true},
        MergeCase{"undated never merges", DocBuilder("b", "Outlet B", nullptr)
                                              .Ev(Actor("ISR"), Actor("PSE"), "190").Build(),
                  false}));

TEST(MergeEvents, AsymmetricRootKeepsDirection) {
  auto in = Input({DocBuilder("a", "A", "2024-01-01").Ev(Actor("ISR"), Actor("PSE"), "172").Build(),
                   DocBuilder("b", "B", "2024-01-01").Ev(Actor("PSE"), Actor("ISR"), "172").Build()});
  EXPECT_EQ(MergeEvents(in, MergeOptions()).size(), 2u);
}

TEST(MergeEvents, OrganisationsCompareOnSixLetters) {
  EXPECT_EQ(CountryOf("IGOUNOHCR"), "IGOUNO");
  EXPECT_EQ(CountryOf("PSEREBHMS"), "PSE");
  auto in = Input({DocBuilder("a", "A", "2024-01-01").Ev(Actor("IGOUNO"), Actor("ISR"), "111").Build(),
                   DocBuilder("b", "B", "2024-01-01").Ev(Actor("IGOWFP"), Actor("ISR"), "111").Build()});
  EXPECT_EQ(MergeEvents(in, MergeOptions()).size(), 2u);
}

TEST(MergeEvents, ClustersAreAnchoredNotChained) {
  auto in = Input({DocBuilder("a", "A", "2024-01-01").Ev(Actor("ISR"), Actor("PSE"), "190").Build(),
                   DocBuilder("b", "B", "2024-01-02").Ev(Actor("ISR"), Actor("PSE"), "190").Build(),
                   DocBuilder("c", "C", "2024-01-03").Ev(Actor("ISR"), Actor("PSE"), "190").Build()});
  auto merged = MergeEvents(in, MergeOptions());
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_EQ(merged[0].mentions.size(), 2u);
  EXPECT_EQ(merged[1].mentions.size(), 1u);
}

TEST(MergeEvents, MaxDaysIsTunable) {
  auto in = Input({kFirst, DocBuilder("b", "B", "2024-07-16").Ev(Actor("ISR"), Actor("PSE"), "190").Build()});
  MergeOptions o;
  o.max_days = 3;
  EXPECT_EQ(MergeEvents(in, o).size(), 1u);
}

TEST(MergeEvents, ConflictingClaimantsStaySideBySide) {
  auto in = Input({DocBuilder("a", "France24", "2024-07-13")
                       .Ev(Actor("ISR"), Actor("PSE"), "190")
                       .Fig("killed", 92, Actor("PSEREBHMS", "Hamas"))
                       .Build(),
                   DocBuilder("b", "Times", "2024-07-13")
                       .Ev(Actor("ISR"), Actor("PSE"), "190")
                       .Fig("killed", 20, Actor("PSEGOV", "Civil Defense"))
                       .Build()});
  auto merged = MergeEvents(in, MergeOptions());
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_TRUE(merged[0].conflicting);
  ASSERT_EQ(merged[0].figures.size(), 2u);
  EXPECT_EQ(merged[0].n_outlets, 2);
}

TEST(MergeEvents, TwoCountsInOneSentenceAreNotAConflict) {
  auto in = Input({DocBuilder("a", "A", "2024-07-13")
                       .Sentence("Strikes killed 92 in al-Mawasi and 20 in al-Shati.")
                       .Ev(Actor("ISR"), Actor("PSE"), "190")
                       .Fig("killed", 92, Actor("PSEREBHMS", "Hamas"))
                       .Fig("killed", 20, std::nullopt)
                       .Build()});
  auto merged = MergeEvents(in, MergeOptions());
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].figures.size(), 2u);
  EXPECT_FALSE(merged[0].conflicting);
}

TEST(MergeEvents, SameClaimantWithFarApartFiguresSplits) {
  auto in = Input({DocBuilder("a", "A", "2024-07-13")
                       .Ev(Actor("ISR"), Actor("PSE"), "190")
                       .Fig("killed", 92, Actor("PSEREBHMS", "Hamas"))
                       .Build(),
                   DocBuilder("b", "B", "2024-07-13")
                       .Ev(Actor("ISR"), Actor("PSE"), "190")
                       .Fig("killed", 3, Actor("PSEREBHMS", "Hamas"))
                       .Build()});
  auto merged = MergeEvents(in, MergeOptions());
  ASSERT_EQ(merged.size(), 2u);
  EXPECT_NE(merged[1].mentions[0].rule.find("figures incompatible"), std::string::npos);
}

TEST(MergeEvents, EveryJoinedMentionExplainsWhy) {
  auto in = Input({kFirst, DocBuilder("b", "B", "2024-07-14").Ev(Actor("ISR"), Actor("PSE"), "195").Build()});
  auto merged = MergeEvents(in, MergeOptions());
  ASSERT_EQ(merged.size(), 1u);
  EXPECT_EQ(merged[0].mentions[0].rule, "first mention");
  EXPECT_EQ(merged[0].mentions[1].rule,
            "dyad ISR-PSE, root 19, 2024-07-14 within 1 day(s) of 2024-07-13 (a#0), figures "
            "compatible");
  EXPECT_NE(merged[0].mentions[1].keys_json.find("\"anchor\":\"a#0\""), std::string::npos);
}

TEST(MergeEvents, ResultDoesNotDependOnInputOrder) {
  auto b = DocBuilder("b", "B", "2024-07-14").Ev(Actor("ISR"), Actor("PSE"), "195").Build();
  auto one = MergeEvents(Input({kFirst, b}), MergeOptions());
  auto two = MergeEvents(Input({b, kFirst}), MergeOptions());
  ASSERT_EQ(one.size(), two.size());
  EXPECT_EQ(one[0].mentions[0].doc, two[0].mentions[0].doc);
  EXPECT_EQ(one[0].code, two[0].code);
}

}  // namespace
}  // namespace parley::corpus
