// The claims stage on real analyses: TextAnalyzer (WordNet lemmas, number
// reader) + the Parley dictionaries + EventCoder, then ClaimsExtractor.
// Skips when WordNet is not installed.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "claims/claims.h"
#include "claims/claims_internal.h"
#include "code/event_coder.h"
#include "dict/compiled_dictionary.h"
#include "parley/dictionary.h"
#include "parley/text.h"

namespace parley::claims {
namespace {

std::string Source() {
  const char* env = std::getenv("PARLEY_SOURCE_DIR");
  return env ? env : PARLEY_SOURCE_DIR;
}

struct Stack {
  std::shared_ptr<const TextAnalyzer> text;
  std::shared_ptr<const EventCoder> coder;
  std::shared_ptr<const ClaimsExtractor> claims;
  std::string error;
};

const Stack& Get() {
  static Stack* s = [] {
    auto* st = new Stack;
    if (!std::filesystem::exists("/usr/share/wordnet/index.noun")) {
      st->error = "WordNet not installed in /usr/share/wordnet";
      return st;
    }
    auto an = TextAnalyzer::Create("/usr/share/wordnet");
    if (!an.ok()) return st->error = an.status().ToString(), st;
    st->text = *an;
    auto set = ReadDictionaryDirectory(Source() + "/dictionaries/parley");
    if (!set.ok()) return st->error = set.status().ToString(), st;
    auto dict = CompiledDictionary::Compile(*set, *st->text);
    if (!dict.ok()) return st->error = dict.status().ToString(), st;
    auto coder = EventCoder::Create(*dict);
    if (!coder.ok()) return st->error = coder.status().ToString(), st;
    st->coder = *coder;
    auto claims = ClaimsExtractor::Create(Source() + "/dictionaries/parley/claims", *dict);
    if (!claims.ok()) return st->error = claims.status().ToString(), st;
    st->claims = *claims;
    return st;
  }();
  return *s;
}

CodedDocument Code(const std::string& body) {
  const Stack& st = Get();
  Document doc;
  doc.id = "t";
  doc.text = body;
  doc.date = Date::FromYmd(2024, 3, 10);
  doc.body.push_back({0, static_cast<uint32_t>(body.size())});
  AnalyzedText text;
  st.text->Analyze(doc, &text);
  DocumentCoding coding;
  auto scratch = st.coder->NewScratch();
  st.coder->Code(doc, text, scratch.get(), &coding);
  CodedDocument out;
  st.claims->Extract(doc, text, coding, &out);
  return out;
}

std::vector<std::string> Figures(const std::string& body) {
  std::vector<std::string> r;
  for (const Figure& f : Code(body).figures) {
    std::string d = FigureDebugString(f);
    // Victims depend on the dictionaries; keep kind, value, qualifier, claimant.
    if (size_t v = d.find(" victims="); v != std::string::npos) d.erase(v, d.find(' ', v + 1) - v);
    r.push_back(d);
  }
  return r;
}

TEST(ClaimsPipelineTest, FiguresFromRealAnalysis) {
  if (!Get().error.empty()) GTEST_SKIP() << Get().error;
  struct Case {
    const char* body;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      {"Russian missile strikes killed at least 14 civilians in Kharkiv on Saturday.",
       {"killed 14 at_least said_by=-"}},
      {"Nearly 1.2 million people have fled the fighting in Sudan, the United Nations said.",
       {"displaced 1200000 about said_by=IGOUNO"}},
      {"The army said ninety-two rockets were fired from Lebanon on Sunday.",
       {"rockets_fired 92 exact said_by=-"}},
      {"The ceasefire talks resumed in Cairo in 2024 after a pause of two weeks.", {}},
  };
  for (const Case& c : cases) EXPECT_EQ(c.want, Figures(c.body)) << c.body;
}

TEST(ClaimsPipelineTest, ListOfDemandsCountsItemByItem) {
  if (!Get().error.empty()) GTEST_SKIP() << Get().error;
  CodedDocument out = Code(
      "Hamas said its demands include a permanent ceasefire, a full withdrawal of Israeli forces "
      "from Gaza, reconstruction and a prisoner exchange.");
  std::vector<std::string> items;
  for (const Position& p : out.positions) items.push_back(StanceName(p.stance) + (" " + p.item));
  EXPECT_EQ(items, std::vector<std::string>({"demand permanent ceasefire",
                                             "demand full withdrawal of forces",
                                             "demand reconstruction", "demand prisoner exchange"}));
  for (const Position& p : out.positions) EXPECT_EQ(p.party.code.substr(0, 3), "PSE");
}

TEST(ClaimsPipelineTest, SurvivalClaimNegatesTheKillingInTheSpeakersAccount) {
  if (!Get().error.empty()) GTEST_SKIP() << Get().error;
  CodedDocument out = Code(
      "Israel said it targeted Mohammed Deif in Khan Younis on Saturday. "
      "Netanyahu said there was no certainty that Mohammed Deif was eliminated. "
      "A senior Hamas official said that Mohammed Deif was still alive.");
  std::vector<std::string> got;
  for (const Event& e : out.events) {
    got.push_back(std::to_string(e.sentence) + " " + e.source.code.substr(0, 3) + " " + e.root +
                  " " + (e.target ? e.target->code.substr(0, 3) : "-") + " " + FactName(e.fact) +
                  " said_by=" + (e.said_by ? e.said_by->code.substr(0, 3) : "-"));
  }
  EXPECT_EQ(got, std::vector<std::string>({"0 ISR 19 PSE asserted said_by=ISR",
                                           "1 ISR 18 PSE negated said_by=ISR",
                                           "2 ISR 18 PSE negated said_by=PSE"}));
}

TEST(ClaimsPipelineTest, AnAppealIsADemandOfTheAppealingParty) {
  if (!Get().error.empty()) GTEST_SKIP() << Get().error;
  struct Case {
    const char* body;
    std::vector<std::string> want;
  };
  const std::vector<Case> cases = {
      // Urging others to accept is no acceptance.
      {"Qatar urged both sides to accept the ceasefire proposal.", {"QAT demand ceasefire"}},
      {"Hamas called on Israel to agree to a permanent ceasefire.",
       {"PSE demand permanent ceasefire"}},
      // Urging a rejection, or not to accept, demands no item.
      {"Qatar urged Hamas to reject the ceasefire proposal.", {}},
      {"Egypt urged Israel not to accept the ceasefire deal.", {}},
      // Who is asked is not the item; an unnamed appealing party is no party.
      {"Egypt called on Israel to resume talks on a ceasefire.",
       {"EGY demand resumption of negotiations"}},
      {"The mediators urged Israel to accept a full withdrawal from Gaza.", {}},
      // Another party's pending acceptance is a demand of the main party; the
      // same party's ("before they agree") is no position yet.
      {"Hamas will not free the hostages until Israel agrees to a permanent ceasefire.",
       {"PSE demand permanent ceasefire"}},
      {"Hamas will not free the hostages until it agrees to a permanent ceasefire.", {}},
      // "an end to the war": "to" without a verb keeps the item.
      {"Egypt urged an end to the war in Gaza.", {"EGY demand end of the war and aggression"}},
      // Agreeing to act oneself concedes the action; agreeing to hold talks
      // accepts them; offering to act offers the action; a boycott rejects.
      {"Egypt agreed to open the Rafah crossing during the talks.",
       {"EGY concede open rafah crossing during talks"}},
      {"Israel agreed to hold talks on a permanent ceasefire.",
       {"ISR accept permanent ceasefire"}},
      {"Qatar offered to host a new round of talks in Doha.",
       {"QAT offer host round of talks in doha"}},
      {"Hamas boycotted the Doha talks.", {"PSE reject doha talks"}},
      {"Kinshasa refused to negotiate with the rebels and demanded Rwanda pull out its troops.",
       {"COD reject negotiations", "COD demand full withdrawal of forces"}},
      {"The United States offered sanctions relief in exchange for a freeze on enrichment.",
       {"USA offer lifting of sanctions", "USA demand halt to uranium enrichment"}},
      // "as a condition for X" names what the demand is for: no demand of X.
      {"Russia demanded that Ukraine withdraw its troops as a condition for a ceasefire.",
       {"RUS demand full withdrawal of forces"}},
      // A conditional offer: what the subject would/will do "if" is offered;
      // an acceptance inside "if" is the offering party's demand; "unless"
      // makes a threat, not an offer; a passive makes no offer.
      {"The Houthis said they would stop attacks on shipping if Israel ended the war.",
       {"YEM offer halt to attacks", "YEM demand end of the war and aggression"}},
      {"Hamas said it would release all the hostages if Israel agreed to a permanent ceasefire.",
       {"PSE offer release of hostages", "PSE demand permanent ceasefire"}},
      {"Britain will recognise a Palestinian state unless Israel agrees to a ceasefire.",
       {"GBR demand ceasefire"}},
      {"Sanctions would be lifted if Iran agreed to a deal.", {}},
      // A negated offer is a rejection; a memorandum makes a negotiation context.
      {"Hamas said it was not willing to negotiate with Israel.", {"PSE reject negotiations"}},
      {"Ukraine rejected the Russian memorandum.", {"UKR reject russian memorandum"}},
      // "demands" matches as {noun} and through its lemma as the verb: the
      // noun cue keeps its whole item region and its possessor.
      {"Hamas balked at Egypt's demands for a permanent ceasefire.",
       {"EGY demand permanent ceasefire"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got;
    for (const Position& p : Code(c.body).positions) {
      got.push_back(p.party.code.substr(0, 3) + " " + StanceName(p.stance) + " " + p.item);
    }
    EXPECT_EQ(c.want, got) << c.body;
  }
}

// Coder constructions that need the bundled verb dictionary's patterns.
TEST(ClaimsPipelineTest, ActsCodedByTheBundledVerbPatterns) {
  if (!Get().error.empty()) GTEST_SKIP() << Get().error;
  const std::vector<std::pair<const char*, std::vector<std::string>>> cases = {
      // "artillery" (an agent word) modifies "fire", which is no second verb.
      {"Pakistan and India exchanged artillery fire across the border.",
       {"PAK 194 IND", "IND 194 PAK"}},
      {"Morocco and Algeria traded accusations over the border closure.",
       {"MAR 112 DZA", "DZA 112 MAR"}},
      {"Armenia and Azerbaijan initialled a peace agreement.", {"ARM 057 AZE", "AZE 057 ARM"}},
      // The country an envoy is recalled from, a member suspended from a bloc.
      {"France recalled its ambassador from Algeria.", {"FRA 161 DZA"}},
      {"ECOWAS suspended Mali from the bloc.", {"IGO 160 MLI"}},
      {"The United States suspended military aid to Ukraine.", {"USA 1622 UKR"}},
  };
  for (const auto& [body, want] : cases) {
    std::vector<std::string> got;
    for (const Event& e : Code(body).events) {
      got.push_back(e.source.code.substr(0, 3) + " " + e.code + " " +
                    (e.target ? e.target->code.substr(0, 3) : "-"));
    }
    EXPECT_EQ(want, got) << body;
  }
}

TEST(ClaimsPipelineTest, CoordinatedReportAndRefusals) {
  if (!Get().error.empty()) GTEST_SKIP() << Get().error;
  struct Case {
    const char* body;
    std::vector<std::string> want;  // "code fact said_by" per event
  };
  const std::vector<Case> cases = {
      // "and said the mediators ...": Hamas speaks on; the mediators are no
      // inverted speaker of the accusation.
      {"Hamas accused Israel of breaking the truce and said the mediators should act.",
       {"112 asserted -"}},
      // "refused to release" is CAMEO's refusal to release persons (1243,
      // the REFUSE + TO_RELEASE pattern), asserted, not a negated release;
      // "declined to comment" is itself the event (011), asserted.
      {"Israel struck Gaza because Hamas had refused to release the hostages.",
       {"190 asserted -", "1243 asserted -"}},
      {"The Israeli army declined to comment.", {"011 asserted -"}},
  };
  for (const Case& c : cases) {
    std::vector<std::string> got;
    for (const Event& e : Code(c.body).events) {
      got.push_back(e.code + " " + FactName(e.fact) + " " +
                    (e.said_by ? e.said_by->code.substr(0, 3) : "-"));
    }
    EXPECT_EQ(c.want, got) << c.body;
  }
}

TEST(ClaimsPipelineTest, PartitiveSpeakerAndQuotedCalmItem) {
  if (!Get().error.empty()) GTEST_SKIP() << Get().error;
  CodedDocument out = Code(
      "Israeli jets struck Khan Younis on Saturday, two senior Hamas officials told AFP. "
      "According to one of them, Hamas is ready to resume negotiations. "
      "Israel insists on adhering to a \"calm in return for calm\" equation.");
  std::vector<std::string> got;
  for (const Position& p : out.positions) {
    got.push_back(p.party.code.substr(0, 3) + " " + StanceName(p.stance) + " " + p.item + " said_by=" +
                  (p.said_by ? p.said_by->code.substr(0, 3) : "-"));
  }
  EXPECT_EQ(got, std::vector<std::string>({"PSE offer resumption of negotiations said_by=PSE",
                                           "ISR demand calm in return for calm said_by=ISR"}));
}

}  // namespace
}  // namespace parley::claims
