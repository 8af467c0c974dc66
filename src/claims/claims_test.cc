// Table-driven tests of the claims stage on hand-built analyses
// (claims_test_util.h): attribution, factuality, figures and positions with
// the project's lexicons from dictionaries/parley/claims.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "claims/claims.h"
#include "claims/claims_internal.h"
#include "claims/claims_test_util.h"

namespace parley::claims {
namespace {

std::string LexiconDir() {
  const char* env = std::getenv("PARLEY_SOURCE_DIR");
  return std::string(env ? env : PARLEY_SOURCE_DIR) + "/dictionaries/parley/claims";
}

std::shared_ptr<const ClaimsExtractor> Extractor() {
  static auto ex = [] {
    auto r = ClaimsExtractor::Create(LexiconDir(), nullptr);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? r.value() : nullptr;
  }();
  return ex;
}

CodedDocument RunClaims(const testing::FakeArticle& a) {
  CodedDocument out;
  Extractor()->Extract(a.doc, a.text, a.coding, &out);
  return out;
}

std::vector<std::string> Figures(const std::vector<std::string>& sentences) {
  testing::FakeArticle a(sentences);
  std::vector<std::string> r;
  for (const Figure& f : RunClaims(a).figures) r.push_back(FigureDebugString(f));
  return r;
}

std::vector<std::string> Positions(const std::vector<std::string>& sentences) {
  testing::FakeArticle a(sentences);
  std::vector<std::string> r;
  for (const Position& p : RunClaims(a).positions) r.push_back(PositionDebugString(p));
  return r;
}

// One table row: sentences of a small article and the expected DebugStrings
// (figures or positions).
struct ConstructionCase {
  const char* name;
  std::vector<std::string> sentences;
  std::vector<std::string> want;
};

TEST(FiguresTest, TableOfConstructions) {
  const std::vector<ConstructionCase> cases = {
      {"VerbBeforeNumberWithQualifierAndClaimant",
       {"Israeli strikes killed at least 92 Palestinians on Saturday, according to Hamas."},
       {"killed 92 at_least victims=PSECVL said_by=PSEREBHMS"}},
      {"PassiveAfterNumber",
       {"Some 14 Ukrainian soldiers were killed near Bakhmut, Kyiv said."},
       {"killed 14 about victims=UKRMIL said_by=UKRGOV"}},
      {"CoordinationSecondNumberHasOwnTrigger",
       {"The war has left 40,223 people killed and 92,981 injured."},
       {"killed 40223 exact said_by=-", "injured 92981 exact said_by=-"}},
      {"GapDoesNotCrossIntoTheNextClause",
       {"Hamas detained four hostages overnight, and Israel released 600 prisoners."},
       {"hostages_held 4 exact said_by=-", "prisoners_released 600 exact said_by=-"}},
      {"GapSpansCoordinatedPredicates",
       {"Two guards were held hostage, but eventually released."},
       {"hostages_released 2 exact said_by=-"}},
      {"ReleasedCrewAreReleasedHostages",
       {"The Houthis released the 25 crew members of the ship."},
       {"hostages_released 25 exact said_by=-"}},
      {"EventNounOfTheCountNamesWhatHappened",
       {"Israel announced an investigation into the deaths of the six hostages."},
       {"killed 6 exact said_by=-"}},
      {"RunningTollIsCumulative",
       {"The death toll has surpassed 35,000, the Health Ministry said."},
       {"killed 35000 more_than cumulative said_by=PSEHLH"}},
      {"TollRoseTo",
       {"The death toll in Sudan rose to 1,200 on Monday."},
       {"killed 1200 exact cumulative said_by=-"}},
      {"RocketsThatWereFired",
       {"The army said three rockets that were fired from Lebanon were intercepted."},
       {"rockets_fired 3 exact said_by=-"}},
      {"FiresAreOther", {"At least 15 fires broke out across the south."}, {"other(fires) 15 at_least said_by=-"}},
      {"HostagesReleased", {"The deal would free 33 hostages in its first phase."},
       {"hostages_released 33 exact hypothetical said_by=-"}},
      {"WrittenNumberAndMillion",
       {"Nearly 1.2 million people have been displaced by the fighting."},
       {"displaced 1200000 about said_by=-"}},
      {"UpTo", {"Up to 300 aid trucks a day will enter Gaza, officials said."},
       {"aid_trucks 300 up_to hypothetical said_by=-"}},
      {"NoNumbersNoFigures", {"Hamas rejected the proposal and denounced the strikes."}, {}},
      {"YearIsNotAFigure", {"More people were killed in 2014 than in any war."}, {}},
      {"AgeIsNotAFigure", {"A 12-year-old boy was killed in the strike."}, {}},
      {"MoneyIsNotAFigure", {"Qatar pledged $ 50 million for the injured."}, {}},
      {"PercentIsNotAFigure", {"About 70 percent of the dead were women."}, {}},
      {"OneOfTheIsNotAFigure", {"One of the wounded died later."}, {}},
      {"VagueNumberIsNotAFigure", {"Dozens were killed in the raid."}, {}},
      {"NumberWithoutTriggerIsNotAFigure", {"Talks lasted 12 hours in Cairo."}, {}},
      {"DateLikeSlashIsNotAFigure", {"The 9/11 attacks changed the region."}, {}},
      {"YearsAgoIsNotAFigure", {"They put their lives on the line 75 years ago."}, {}},
  };
  for (const ConstructionCase& c : cases) {
    EXPECT_EQ(c.want, Figures(c.sentences)) << c.name;
  }
}

TEST(FiguresTest, TriggerChoice) {
  const std::vector<ConstructionCase> cases = {
      {"SubCountAfterIncludingIsNotAFigure",
       {"Eight civilians, including two children, were killed in the strike."},
       {"killed 8 exact said_by=-"}},
      {"SubCountAmongThemIsNotAFigure",
       {"The shelling killed 14 people, among them three children."},
       {"killed 14 exact said_by=-"}},
      {"KillingVerbBeforeNumberBeatsHostageNoun",
       {"Gunmen executed six hostages in a tunnel."}, {"killed 6 exact said_by=-"}},
      {"TriggerBeyondAPrepositionIsIgnored",
       {"Gunmen killed more than 120 people in attacks on villages."},
       {"killed 120 more_than said_by=-"}},
      {"StruckIsNotAStrikeCount", {"Israeli jets struck four buildings in Rafah."}, {}},
      {"CountedNounBeforeTheNumberIsNotItsKind", {"Ukrainian drones hit four airbases."}, {}},
      {"DronesAreOther", {"Russia launched 100 drones overnight."},
       {"other(drones) 100 exact said_by=-"}},
      {"PrisonerSwapIsARelease", {"Russia and Ukraine swapped 103 prisoners on Saturday."},
       {"prisoners_released 103 exact said_by=-"}},
      {"RescuedHostagesAreReleased", {"Israeli soldiers rescued four hostages in Nuseirat."},
       {"hostages_released 4 exact said_by=-"}},
      {"HedgingReportVerbIsRecorded",
       {"Israeli soldiers killed 12 people in Jenin, Hamas claimed."},
       {"killed 12 exact said_by=PSEREBHMS hedged"}},
      {"HedgeWordNearTheFigureIsRecorded",
       {"Russian troops allegedly killed 30 civilians near Kyiv."},
       {"killed 30 exact said_by=- hedged"}},
      {"PlainReportIsNotHedged",
       {"Israeli soldiers killed 12 people in Jenin, Hamas said."},
       {"killed 12 exact said_by=PSEREBHMS"}},
      {"PerpetratorBeforeTheVerbIsNotTheVictim",
       {"Russian troops killed 30 people near Kyiv."}, {"killed 30 exact said_by=-"}},
      {"NationalityBeforeANounTriggerIsTheVictim",
       {"Officials reported 40 Palestinian deaths on Monday."},
       {"killed 40 exact victims=PSECVL said_by=-"}},
      {"CommaEndsTheTriggerPhrase",
       {"Hamas left the talks after a strike on Mawasi, two officials told AFP."}, {}},
  };
  for (const ConstructionCase& c : cases) {
    EXPECT_EQ(c.want, Figures(c.sentences)) << c.name;
  }
}

TEST(FiguresTest, PostposedSourceAttributesTheToll) {
  EXPECT_EQ(std::vector<std::string>({"killed 500 exact cumulative said_by=PSEHLH"}),
            Figures({"Israeli jets bombed a school in Rafah, raising the death toll to 500, "
                     "according to the Health Ministry."}));
}

TEST(FiguresTest, TwoClaimantsInOneSentence) {
  EXPECT_EQ(std::vector<std::string>({"killed 92 exact victims=PSECVL said_by=PSEREBHMS",
                                      "killed 20 exact said_by=PSEGOV"}),
            Figures({"Israeli strikes killed 92 Palestinians in Mawasi, according to Hamas, and 20 "
                     "dead in Shati, according to civil defence."}));
}

struct EventCase {
  const char* name;
  std::vector<std::string> sentences;
  const char* verb;
  const char* code;
  const char* source;
  const char* modal;
  bool negated;
  const char* want;
};

TEST(AttributionTest, TableOfConstructions) {
  const std::vector<EventCase> cases = {
      {"OutletVoiceIsNull", {"Israeli forces struck a school in Gaza City on Friday."}, "struck",
       "195", "ISRMIL", "", false, "ISRMIL 195 - asserted said_by=-"},
      {"SaidThat", {"Hamas said that Israeli forces struck a school in Gaza City."}, "struck", "195",
       "ISRMIL", "", false, "ISRMIL 195 - asserted said_by=PSEREBHMS"},
      {"QuoteThenSpeaker", {"\"Russian drones hit the power station,\" Zelensky said."}, "hit",
       "190", "RUSMIL", "", false, "RUSMIL 190 - asserted said_by=UKRGOV"},
      {"InvertedSpeaker", {"\"We shelled their positions,\" said the Houthis in a statement."},
       "shelled", "194", "YEMREB", "", false, "YEMREB 194 - asserted said_by=YEMREB"},
      {"ToldAgencyIsChannel", {"Hamas officials told AFP that Israel bombed a shelter."}, "bombed",
       "195", "ISRGOV", "", false, "ISRGOV 195 - asserted said_by=PSEREBHMS"},
      {"AnonymousSourceIsNull", {"Egypt hosted the delegation, a source confirmed to Reuters."},
       "hosted", "043", "EGYGOV", "", false, "EGYGOV 043 - asserted said_by=-"},
      {"SourceFromPartyRelays",
       {"A source from Hamas told Al-Mayadeen that Israel insists on its conditions."}, "insists",
       "100", "ISRGOV", "", false, "ISRGOV 100 - asserted said_by=PSEREBHMS"},
      {"AccordingToOpening", {"According to the Kremlin, Ukraine attacked a border town."},
       "attacked", "190", "UKRMIL", "", false, "UKRMIL 190 - asserted said_by=RUSGOV"},
      {"PronounSpeakerResolves", {"Netanyahu spoke on Saturday.", "He said Hamas fired rockets."},
       "fired", "194", "PSEREBHMS", "", false, "PSEREBHMS 194 - asserted said_by=ISRGOV"},
      {"OwnSpeechActIsNotRelayed",
       {"\"Israel cannot accept these terms,\" Netanyahu said."}, "accept", "120", "ISRGOV", "",
       false, "ISRGOV 120 - asserted said_by=-"},
      {"HedgeIsRecorded", {"Israel claimed that its jets hit a Hezbollah depot."}, "hit", "195",
       "ISRMIL", "", false, "ISRMIL 195 - asserted said_by=ISRGOV hedge=claimed"},
      {"HedgedPerfectInfinitiveCreditsTheSubject",
       {"Israel claimed to have targeted two senior Hamas commanders in the strike."}, "targeted",
       "190", "ISRMIL", "", false, "ISRMIL 190 - asserted said_by=ISRGOV hedge=claimed"},
      {"IntroPhraseBeforeTheSpeakerStillCreditsWhatFollows",
       {"For its part, Israel claimed to have targeted two senior Hamas commanders."},
       "targeted", "190", "ISRMIL", "", false, "ISRMIL 190 - asserted said_by=ISRGOV hedge=claimed"},
      {"AnnouncedToAnAgencyAfterTheContentCreditsTheContent",
       {"Hamas withdrew from the talks, two senior officials of the movement announced to AFP."},
       "withdrew", "164", "PSEREBHMS", "", false, "PSEREBHMS 164 - asserted said_by=PSEREBHMS"},
      {"PassiveClaimedToHaveHasNoSpeaker",
       {"Russia was claimed to have shelled Kherson overnight."}, "shelled", "194", "RUSMIL", "",
       false, "RUSMIL 194 - asserted said_by=- hedge=claimed"},
      {"OneOfThemIsThePreviousReportsSpeaker",
       {"Two senior Hamas officials told AFP that the talks were suspended.",
        "According to one of them, Israel bombed the Mawasi camp."},
       "bombed", "195", "ISRMIL", "", false, "ISRMIL 195 - asserted said_by=PSEREBHMS"},
      {"OneOfTheOfficialsSaidIsThePreviousReportsSpeaker",
       {"Kremlin officials told reporters that the talks were over.",
        "One of the officials said Ukraine attacked a border town."},
       "attacked", "190", "UKRMIL", "", false, "UKRMIL 190 - asserted said_by=RUSGOV"},
      {"PartitiveWithANamedActorIsThatActor",
       {"Kremlin officials told reporters that the talks were over.",
        "One of the mediators from Qatar said Ukraine attacked a border town."},
       "attacked", "190", "UKRMIL", "", false, "UKRMIL 190 - asserted said_by=QATGOV"},
      {"PostposedSourceCoversOnlyItsSegment",
       {"Israeli jets bombed a school in Rafah, raising the death toll to 500, according to the "
        "Health Ministry."},
       "bombed", "195", "ISRMIL", "", false, "ISRMIL 195 - asserted said_by=-"},
      {"PersonalPronounTakesPreviousSubject",
       {"Zelensky met Qatar on Monday.", "He said Russia shelled Kherson."}, "shelled", "194",
       "RUSMIL", "", false, "RUSMIL 194 - asserted said_by=UKRGOV"},
      {"MultiSentenceQuote",
       {"\"Hamas keeps firing rockets.", "We will respond,\" Netanyahu said."}, "firing", "194",
       "PSEREBHMS", "", false, "PSEREBHMS 194 - asserted said_by=ISRGOV"},
      {"GenericMilitarySpeakerIsTheEarlierArmedActor",
       {"Israeli soldiers killed a Hamas commander in Rafah, the military said."}, "killed", "190",
       "ISRMIL", "", false, "ISRMIL 190 - asserted said_by=ISRMIL"},
      {"GenericCharitySpeakerIsTheEarlierNgo",
       {"An Israeli strike killed five MSF staff in Khan Younis, the charity said."}, "killed",
       "190", "ISRMIL", "", false, "ISRMIL 190 - asserted said_by=NGOMSF"},
      {"GenericAgencySpeakerIsTheEarlierIgo",
       {"The WFP delivered flour to 9,000 families in Darfur, the agency said."}, "delivered",
       "073", "IGOUNOWFP", "", false, "IGOUNOWFP 073 - asserted said_by=IGOUNOWFP"},
      {"GenericSpeakerWithoutMatchingActorIsNull",
       {"Russia shelled Kherson overnight, the charity said."}, "shelled", "194", "RUSGOV", "",
       false, "RUSGOV 194 - asserted said_by=-"},
      {"ParticipleCreditsOnlyWhatFollows",
       {"Israel struck a depot in Damascus, saying it was protecting the Druze."}, "struck", "195",
       "ISRGOV", "", false, "ISRGOV 195 - asserted said_by=-"},
      {"CitingAReasonIsNotASource",
       {"Hamas pulled out of the talks, citing EU sanctions on its leaders."}, "pulled", "164",
       "PSEREBHMS", "", false, "PSEREBHMS 164 - asserted said_by=-"},
      {"CitingAnActorAtTheEndIsASource",
       {"Israeli jets bombed a shelter in Rafah overnight, citing the health ministry."},
       "bombed", "195", "ISRMIL", "", false, "ISRMIL 195 - asserted said_by=PSEHLH"},
  };
  for (const EventCase& c : cases) {
    testing::FakeArticle a(c.sentences);
    a.AddEvent(c.verb, c.code, c.source, "", c.modal, c.negated);
    CodedDocument out = RunClaims(a);
    ASSERT_EQ(out.events.size(), 1u) << c.name;
    EXPECT_EQ(c.want, EventDebugString(out.events[0])) << c.name;
  }
}

TEST(FactualityTest, TableOfConstructions) {
  const std::vector<EventCase> cases = {
      {"DidNotAgreeIsNegated", {"Russia did not agree to the exchange."}, "agree", "057", "RUSGOV",
       "", false, "RUSGOV 057 - negated said_by=-"},
      {"CoderNegationIsKept", {"Egypt never hosted the talks."}, "hosted", "043", "EGYGOV", "", true,
       "EGYGOV 043 - negated said_by=-"},
      {"DeniedThatIsNegated", {"Hamas denied that its fighters fired the rockets."}, "fired", "194",
       "PSEREBHMS", "", false, "PSEREBHMS 194 - negated said_by=PSEREBHMS"},
      {"ReadyToIsHypothetical", {"Hamas is ready to resume negotiations with Israel."}, "resume",
       "046", "PSEREBHMS", "", false, "PSEREBHMS 046 - hypothetical said_by=-"},
      {"ConditionalOfferIsHypothetical",
       {"Israel will ease restrictions if the balloon launches stop."}, "ease", "085", "ISRGOV", "",
       false, "ISRGOV 085 - hypothetical said_by=-"},
      {"ThreatNotCarriedOut", {"The Houthis threatened to attack ships in the Red Sea."}, "attack",
       "190", "YEMREB", "", false, "YEMREB 190 - hypothetical said_by=-"},
      {"NoCertaintyIsNegated",
       {"Netanyahu said there was no certainty that Hamas commanders were eliminated."},
       "eliminated", "186", "ISRMIL", "", false, "ISRMIL 186 - negated said_by=ISRGOV"},
      {"QuotedNoCertaintyIsNegated",
       {"Netanyahu said there was \"no certainty\" that Hamas commanders were eliminated."},
       "eliminated", "186", "ISRMIL", "", false, "ISRMIL 186 - negated said_by=ISRGOV"},
      {"NotCertainThatIsNegated",
       {"It is not certain that Russian troops shelled the hospital in Kherson."}, "shelled",
       "194", "RUSMIL", "", false, "RUSMIL 194 - negated said_by=-"},
      {"RatherThanIsNegated",
       {"Hamas said the delegation will observe rather than actively negotiate with Israel."},
       "negotiate", "046", "PSEREBHMS", "", false, "PSEREBHMS 046 - negated said_by=PSEREBHMS"},
      {"QuestionIsHypothetical", {"Will Russia attack Kyiv again?"}, "attack", "190", "RUSMIL", "",
       false, "RUSMIL 190 - hypothetical said_by=-"},
      {"CoderModalIsHypothetical", {"Qatar may host the talks."}, "host", "043", "QATGOV", "may",
       false, "QATGOV 043 - hypothetical said_by=-"},
      {"NegationBeforeCommaStaysOutside",
       {"Oli said the deity was born in Nepal and not India, as he accused India of lying."},
       "accused", "112", "NPLGOV", "", false, "NPLGOV 112 - asserted said_by=-"},
      {"PlainPastIsAsserted", {"Sudanese army jets bombed a market in Omdurman."}, "bombed", "195",
       "SDNMIL", "", false, "SDNMIL 195 - asserted said_by=-"},
  };
  for (const EventCase& c : cases) {
    testing::FakeArticle a(c.sentences);
    a.AddEvent(c.verb, c.code, c.source, "", c.modal, c.negated);
    CodedDocument out = RunClaims(a);
    ASSERT_EQ(out.events.size(), 1u) << c.name;
    EXPECT_EQ(c.want, EventDebugString(out.events[0])) << c.name;
    if (out.events[0].fact != Fact::kAsserted) {
      EXPECT_FALSE(out.events[0].fact_cue.empty()) << c.name;
    }
  }
}

TEST(PositionsTest, TableOfConstructions) {
  const std::vector<ConstructionCase> cases = {
      {"ListOfFiveDemands",
       {"Hamas repeated its demands in a statement on Sunday.",
        "These demands include a full cessation of hostilities, a complete withdrawal of Israeli "
        "troops, the start of rebuilding, the lifting of the siege, and a prisoner swap."},
       {"PSEREBHMS demand 'permanent ceasefire'", "PSEREBHMS demand 'full withdrawal of forces'",
        "PSEREBHMS demand 'reconstruction'", "PSEREBHMS demand 'lifting of the blockade'",
        "PSEREBHMS demand 'prisoner exchange'"}},
      {"ConditionalOfferHasDemand",
       {"Israel will consider easing some restrictions and will allow humanitarian aid if the "
        "balloon launches stop."},
       {"ISRGOV offer 'easing of restrictions' hypothetical",
        "ISRGOV offer 'humanitarian aid' hypothetical", "ISRGOV demand 'end of balloon launches'"}},
      {"ReadyToResumeNegotiations", {"Hamas is ready to resume negotiations, its officials said."},
       {"PSEREBHMS offer 'resumption of negotiations' hypothetical said_by=PSEREBHMS"}},
      {"RejectionOfPlanCopiesItem",
       {"Hamas accepted the US proposal for a truce.", "Israel rejected this plan."},
       {"PSEREBHMS accept 'US ceasefire proposal'", "ISRGOV reject 'US ceasefire proposal'"}},
      {"CannotAcceptIsReject",
       {"Russia insists on a full withdrawal of Ukrainian troops from the four regions.",
        "Kyiv cannot accept these terms."},
       {"RUSGOV demand 'full withdrawal of forces'", "UKRGOV reject 'full withdrawal of forces'"}},
      {"DeemedInadequateByParties",
       {"These concessions have been deemed inadequate by Hamas and Egypt in the ceasefire talks."},
       {"PSEREBHMS reject 'concessions'", "EGYGOV reject 'concessions'"}},
      {"PrerequisiteItemBefore",
       {"Hamas said that an end to the war is a prerequisite for any deal."},
       {"PSEREBHMS demand 'end of the war and aggression' said_by=PSEREBHMS"}},
      {"NoNegotiationContextNoPhrase", {"The minister called for calm in the city."}, {}},
      {"PlaceInsideTheSubjectIsNotTheParty",
       {"Participants in the Qatar meeting demanded a permanent ceasefire."}, {}},
      {"OfPhraseInsideTheSubjectIsTheParty",
       {"The leadership of Hamas demanded a permanent ceasefire."},
       {"PSEREBHMS demand 'permanent ceasefire'"}},
      {"SubordinateClauseHasItsOwnSubject",
       {"Egypt will reopen the crossing unless Israel rejects the ceasefire deal."},
       {"ISRGOV reject 'ceasefire' hypothetical"}},
      {"ItemsOfOtherConflicts",
       {"Hezbollah rejected the decision to disarm the group.",
        "Zelensky demanded security guarantees before a ceasefire.",
        "Russia demanded that Ukraine abandon its NATO bid."},
       {"LBNREBHEZ reject 'disarmament'", "UKRGOV demand 'security guarantees'",
        "UKRGOV demand 'ceasefire'", "RUSGOV demand 'renunciation of NATO membership'"}},
      {"ReportedClauseHasItsOwnSubject",
       {"Egypt said Israel had accepted the US proposal for a truce."},
       {"ISRGOV accept 'US ceasefire proposal' said_by=EGYGOV"}},
      {"ParticipleAfterNounIsNotTheSubjectsPosition",
       {"Russia vetoed a draft resolution calling for a permanent ceasefire in Sudan."}, {}},
      {"TheyAfterAnUnnamedGroupHasNoParty",
       {"Hamas demanded a permanent ceasefire.",
        "Mediators have been working on the issues between Hamas and Israel.",
        "They have proposed a new plan for a permanent ceasefire."},
       {"PSEREBHMS demand 'permanent ceasefire'"}},
      {"TheyAfterANamedSubjectIsThatParty",
       {"Hamas officials met Egypt on Monday.", "They demanded a permanent ceasefire."},
       {"PSEREBHMS demand 'permanent ceasefire'"}},
      {"GerundAfterCuePrepositionKeepsTheSubject",
       {"Israel insists on adhering to a \"calm in return for calm\" equation."},
       {"ISRGOV demand 'calm in return for calm' said_by=ISRGOV"}},
      {"QuotesInsideAnItemDoNotBlockIt",
       {"Hamas demanded \"calm\" in return for \"calm\" along the border."},
       {"PSEREBHMS demand 'calm in return for calm'"}},
      {"QuietForQuietIsTheCalmItem", {"Egypt demanded quiet for quiet on the border."},
       {"EGYGOV demand 'calm in return for calm'"}},
      {"RejectedDemandsAreRejectedItemsAndThePossessorsDemands",
       {"Hamas rejected Egypt's demands for a permanent ceasefire."},
       {"PSEREBHMS reject 'permanent ceasefire'", "EGYGOV demand 'permanent ceasefire'"}},
      {"AcceptedCallWithoutPossessorIsOnlyAnAcceptance",
       {"Israel rejected calls for a permanent ceasefire."},
       {"ISRGOV reject 'permanent ceasefire'"}},
      {"DemandedAfterANounIsNotAnObjectDemand",
       {"Israel accepted the truce demanded by Egypt."},
       {"ISRGOV accept 'ceasefire'"}},
      {"DistantContextWordGivesNoPhrase",
       {"Egypt welcomed the decision of the court, weeks after the ceasefire talks collapsed."},
       {}},
  };
  for (const ConstructionCase& c : cases) {
    EXPECT_EQ(c.want, Positions(c.sentences)) << c.name;
  }
}

TEST(ExplainTest, NamesCueWordsAndRules) {
  testing::FakeArticle a({"Hamas is ready to resume negotiations, its officials said."});
  a.AddEvent("resume", "046", "PSEREBHMS");
  CodedDocument out = RunClaims(a);
  std::string ex = Extractor()->Explain(a.doc, a.text, a.coding, out);
  EXPECT_NE(ex.find("hypothetical: 'ready to'"), std::string::npos) << ex;
  EXPECT_NE(ex.find("claims/factuality.txt:"), std::string::npos) << ex;
  EXPECT_NE(ex.find("claims/negotiation_items.txt:"), std::string::npos) << ex;
}

}  // namespace
}  // namespace parley::claims
