#include "corpus/negotiation.h"

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

const Negotiation* Find(const std::vector<Negotiation>& ns, const std::string& dyad) {
  for (const Negotiation& n : ns) {
    if (n.dyad == dyad) return &n;
  }
  return nullptr;
}

// An article about Israel and Hamas (its main dyad) with a third party.
DocBuilder ConflictDoc(std::string id, std::string outlet, const char* date) {
  DocBuilder b(std::move(id), std::move(outlet), date);
  b.Sentence("Israeli strikes hit Gaza.").Ev(Actor("ISRMIL"), Actor("PSE"), "190");
  b.Sentence("Hamas fired rockets at Israel.").Ev(Actor("PSEREBHMS"), Actor("ISR"), "190");
  return b;
}

TEST(TrackNegotiations, ThirdPartiesConsultingOneSideAreMediators) {
  auto doc = ConflictDoc("a", "JPost", "2020-08-30")
                 .Sentence("Qatari envoy met Israeli security officials.")
                 .Ev(Actor("QATGOV", "Qatar"), Actor("ISRGOV"), "040", "2020-08-29")
                 .Sentence("Hamas held talks through Egyptian mediation.")
                 .Ev(Actor("PSEREBHMS", "Hamas"), Actor("EGY", "Egypt"), "046")
                 .Build();
  auto ns = TrackNegotiations(Input({doc}), NegotiationOptions());
  const Negotiation* n = Find(ns, "ISR-PSE");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->mediators, (std::vector<std::string>{"EGY", "QAT"}));
  ASSERT_EQ(n->items.size(), 2u);
  EXPECT_EQ(n->items[0].date->ToString(), "2020-08-29");
  EXPECT_EQ(n->items[0].kind, "round");
  EXPECT_EQ(n->items[0].sources[0].text, "Qatari envoy met Israeli security officials.");
  EXPECT_EQ(Find(ns, "ISR-QAT"), nullptr);
}

struct StateCase {
  std::vector<std::pair<const char*, const char*>> codes_and_dates;
  std::vector<std::string> states;
};

class StateTest : public ::testing::TestWithParam<StateCase> {};

TEST_P(StateTest, StateOfTheTalksFollowsTheItems) {
  DocBuilder b = ConflictDoc("a", "X", "2024-01-01");
  for (const auto& [code, date] : GetParam().codes_and_dates) {
    b.Sentence(std::string("item ") + code).Ev(Actor("PSEREBHMS"), Actor("ISR"), code, date);
  }
  auto ns = TrackNegotiations(Input({b.Build()}), NegotiationOptions());
  const Negotiation* n = Find(ns, "ISR-PSE");
  ASSERT_NE(n, nullptr);
  std::vector<std::string> states;
  for (const auto& it : n->items) states.push_back(it.state);
  EXPECT_EQ(states, GetParam().states);
  EXPECT_EQ(n->state, GetParam().states.back());
}

INSTANTIATE_TEST_SUITE_P(
    Cases, StateTest,
    ::testing::Values(
        StateCase{{{"046", "2024-05-05"}}, {"active"}},
        StateCase{{{"046", "2024-05-05"}, {"164", "2024-07-14"}}, {"active", "suspended"}},
        StateCase{{{"046", "2024-05-05"}, {"164", "2024-07-14"}, {"046", "2024-08-25"}},
                  {"active", "suspended", "resumed"}},
        StateCase{{{"164", "2024-07-14"}, {"046", "2024-08-25"}, {"057", "2024-09-01"}},
                  {"suspended", "resumed", "agreement"}},
        StateCase{{{"0871", "2024-09-01"}}, {"agreement"}}));

TEST(TrackNegotiations, ResumptionAfterSuspensionIsMarked) {
  auto doc = ConflictDoc("a", "X", "2024-01-01")
                 .Sentence("Hamas pulled out.").Ev(Actor("PSEREBHMS"), Actor("ISR"), "164", "2024-07-14")
                 .Sentence("Talks resumed in Cairo.").Ev(Actor("PSEREBHMS"), Actor("ISR"), "046", "2024-08-25")
                 .Build();
  auto ns = TrackNegotiations(Input({doc}), NegotiationOptions());
  ASSERT_EQ(ns.size(), 1u);
  EXPECT_EQ(ns[0].items[1].kind, "resumption");
  EXPECT_EQ(ns[0].items[1].where, "Cairo");
}

TEST(TrackNegotiations, SameItemFromTwoOutletsHasTwoSources) {
  auto a = ConflictDoc("a", "Al Mayadeen", "2024-05-05")
               .Sentence("The round of negotiations in Cairo ended.")
               .Ev(Actor("PSEREBHMS"), Actor("ISR"), "046").Build();
  auto b = ConflictDoc("b", "AFP", "2024-05-05")
               .Sentence("Hamas negotiated with Israel.")
               .Ev(Actor("PSE"), Actor("ISRGOV"), "046").Build();
  auto ns = TrackNegotiations(Input({a, b}), NegotiationOptions());
  ASSERT_EQ(ns.size(), 1u);
  ASSERT_EQ(ns[0].items.size(), 1u);
  EXPECT_EQ(ns[0].items[0].sources.size(), 2u);
  EXPECT_EQ(ns[0].items[0].where, "Cairo");
}

TEST(TrackNegotiations, ProposalsResponsesAndCounters) {
  auto doc = ConflictDoc("a", "X", "2024-07-01")
                 .Sentence("Israel offered a pause.")
                 .Pos(Actor("ISRGOV", "Israel"), Stance::kOffer, "six-week pause", "2024-07-01")
                 .Sentence("Hamas accepted the proposal.")
                 .Pos(Actor("PSEREBHMS", "Hamas"), Stance::kAccept, "proposal", "2024-07-02")
                 .Sentence("Hamas proposed a permanent ceasefire.")
                 .Pos(Actor("PSEREBHMS", "Hamas"), Stance::kOffer, "permanent ceasefire", "2024-07-03")
                 .Sentence("Israel rejected it.")
                 .Ev(Actor("ISRGOV", "Israel"), Actor("PSE"), "125", "2024-07-04")
                 .Build();
  auto ns = TrackNegotiations(Input({doc}), NegotiationOptions());
  ASSERT_EQ(ns.size(), 1u);
  const auto& items = ns[0].items;
  ASSERT_EQ(items.size(), 4u);
  EXPECT_EQ(items[0].kind, "proposal");
  EXPECT_EQ(items[0].stance, "offer");
  EXPECT_EQ(items[1].kind, "response");
  EXPECT_EQ(items[1].stance, "accept");
  EXPECT_EQ(items[2].stance, "counter");
  EXPECT_EQ(items[3].stance, "reject");
}

TEST(TrackNegotiations, PositionsMoveOverTime) {
  auto doc = ConflictDoc("a", "X", "2024-01-01")
                 .Sentence("Hamas demands withdrawal.")
                 .Pos(Actor("PSEREBHMS", "Hamas"), Stance::kDemand, "withdrawal", "2024-01-01")
                 .Sentence("Hamas demands a prisoner exchange.")
                 .Pos(Actor("PSEREBHMS", "Hamas"), Stance::kDemand, "prisoner exchange", "2024-01-01")
                 .Sentence("Hamas drops the demand for withdrawal.")
                 .Pos(Actor("PSEREBHMS", "Hamas"), Stance::kConcede, "withdrawal", "2024-02-01")
                 .Sentence("Hamas demands a ceasefire.")
                 .Pos(Actor("PSEREBHMS", "Hamas"), Stance::kDemand, "ceasefire", "2024-06-01")
                 .Build();
  auto ns = TrackNegotiations(Input({doc}), NegotiationOptions());
  ASSERT_EQ(ns.size(), 1u);
  std::map<std::string, std::string> status;
  for (const auto& p : ns[0].positions) status[p.item] = p.status;
  EXPECT_EQ(status["withdrawal"], "conceded");
  EXPECT_EQ(status["prisoner exchange"], "dropped");
  EXPECT_EQ(status["ceasefire"], "held");
}

TEST(TrackNegotiations, KnownMediatorTalkingToOneSideJoinsThatSidesNegotiation) {
  auto a = ConflictDoc("a", "X", "2024-05-01")
               .Sentence("Qatar mediated with Israel.")
               .Ev(Actor("QAT"), Actor("ISRGOV"), "045")
               .Build();
  auto b = DocBuilder("b", "Y", "2024-05-05")
               .Sentence("Hamas handed its response to the Qatari mediators.")
               .Ev(Actor("PSEREBHMS"), Actor("QATGOV"), "040")
               .Sentence("Hamas and Islamic Jihad leaders met.")
               .Ev(Actor("PSEREBHMS"), Actor("PSEREBPIJ"), "040")
               .Build();
  auto ns = TrackNegotiations(Input({a, b}), NegotiationOptions());
  ASSERT_EQ(ns.size(), 1u);
  EXPECT_EQ(ns[0].dyad, "ISR-PSE");
  ASSERT_EQ(ns[0].items.size(), 2u) << "the internal Hamas-PIJ meeting is not a negotiation item";
  EXPECT_EQ(ns[0].items[1].sources[0].doc, "b");
}

TEST(TrackNegotiations, PositionsOutsideTheMainDyadAreIgnored) {
  auto doc = ConflictDoc("a", "X", "2024-01-01")
                 .Sentence("Ukraine demands weapons.")
                 .Pos(Actor("UKR"), Stance::kDemand, "weapons")
                 .Build();
  auto ns = TrackNegotiations(Input({doc}), NegotiationOptions());
  EXPECT_TRUE(ns.empty());
}

}  // namespace
}  // namespace parley::corpus
