// EventCoder constructions, one test per construction, with a small
// dictionary written here (not the shared files) and the real text stage.
#include "code/event_coder.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace parley {
namespace {

Phrase Words(const std::string& s) {
  Phrase p;
  std::string cur;
  for (char ch : s) {
    if (ch == ' ') {
      if (!cur.empty()) p.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(ch);
    }
  }
  if (!cur.empty()) p.push_back(cur);
  return p;
}

void Actor(DictionarySet* set, std::vector<std::string> phrases, std::vector<DatedCode> codes) {
  ActorEntry e;
  for (const std::string& p : phrases) e.phrases.push_back(Words(p));
  e.codes = std::move(codes);
  e.name = phrases[0];
  e.loc = {"test.actors.txt", static_cast<uint32_t>(set->actors.size() + 1), 0};
  set->actors.push_back(std::move(e));
}

void Agent(DictionarySet* set, std::vector<std::string> forms, std::string code,
           bool prefix = false) {
  AgentEntry a;
  for (const std::string& f : forms) a.forms.push_back(Words(f));
  a.code = std::move(code);
  a.prefix = prefix;
  a.loc = {"test.agents.txt", static_cast<uint32_t>(set->agents.size() + 1), 0};
  set->agents.push_back(std::move(a));
}

// A block with one verb and its forms; patterns are "- WORDS * WORDS [CODE]"
// given as pre/post word lists.
VerbBlock& Block(DictionarySet* set, const std::string& name, const std::string& code,
                 std::vector<std::string> forms) {
  VerbBlock b;
  b.name = name;
  b.code = code;
  VerbEntry v;
  v.base = forms[0];
  for (const std::string& f : forms) v.forms.push_back({Words(f), 0});
  v.loc = {"test.verbs.txt", static_cast<uint32_t>(10 * set->verb_blocks.size() + 1), 0};
  b.verbs.push_back(std::move(v));
  b.loc = v.loc;
  set->verb_blocks.push_back(std::move(b));
  return set->verb_blocks.back();
}

void Pattern(VerbBlock* b, std::vector<std::string> pre, std::vector<std::string> post,
             std::string code, uint32_t line) {
  VerbPattern p;
  auto elem = [](const std::string& w) {
    PatternElement e;
    if (w == "$") e.kind = PatternElement::Kind::kSource;
    else if (w == "+") e.kind = PatternElement::Kind::kTarget;
    else e.words = {w};
    return e;
  };
  for (const std::string& w : pre) p.pre.push_back(elem(w));
  for (const std::string& w : post) p.post.push_back(elem(w));
  p.code = std::move(code);
  p.loc = {"test.verbs.txt", line, 0};
  b->patterns.push_back(std::move(p));
}

DictionarySet TestDictionary() {
  DictionarySet set;
  Actor(&set, {"israel", "israeli"}, {{"ISR", {}, {}}});
  Actor(&set, {"gaza", "gaza strip"}, {{"PSE", {}, {}}});
  Actor(&set, {"hamas"}, {{"PSEREBHMS", {}, {}}});
  Actor(&set, {"ismail haniyeh"}, {{"PSEREBHMS", {}, {}}});
  Actor(&set, {"egypt", "egyptian"}, {{"EGY", {}, {}}});
  Actor(&set, {"qatar", "qatari"}, {{"QAT", {}, {}}});
  Actor(&set, {"iraq"}, {{"IRQ", {}, {}}});
  Actor(&set, {"sagaing"}, {{"MMR", {}, {}}});
  Actor(&set, {"thailand"}, {{"THA", {}, {}}});
  Actor(&set, {"united nations"}, {{"IGOUNO", {}, {}}});
  Actor(&set, {"u.s.", "united states"}, {{"USA", {}, {}}});
  Actor(&set, {"arnold vale"},
        {{"VLDOPP", Date::FromYmd(2003, 1, 1), Date::FromYmd(2012, 6, 15)},
         {"VLDGOV", Date::FromYmd(2012, 6, 15), Date::FromYmd(2019, 3, 1)},
         {"VLDELI", {}, {}}});
  Actor(&set, {"palestinian"}, {{"PSE", {}, {}}});
  Actor(&set, {"doha"}, {{"QATGOV", {}, {}}});  // a capital: the seat of government
  Actor(&set, {"west african"}, {{"WAF", {}, {}}});  // a CAMEO region
  Actor(&set, {"ecowas"}, {{"IGOWAS", {}, {}}});
  Actor(&set, {"janjaweed"}, {{"SDNREB", {}, {}}});  // a name ending like a participle
  Actor(&set, {"w.h.o."}, {{"IGOUNOWHO", {}, {}}});  // the alias of an all-caps "WHO"
  Agent(&set, {"official", "officials"}, "GOV");
  Agent(&set, {"security officials"}, "GOV");
  Agent(&set, {"envoy", "envoys"}, "GOV");
  Agent(&set, {"forces", "troops", "soldiers"}, "MIL");
  Agent(&set, {"leader", "leaders"}, "GOV");
  Agent(&set, {"political bureau"}, "GOV");
  Agent(&set, {"spokesman"}, "GOV");
  Agent(&set, {"junta", "army"}, "MIL");
  Agent(&set, {"police"}, "COP");
  Agent(&set, {"protesters"}, "CVL");
  Agent(&set, {"delegation"}, "GOV");
  Agent(&set, {"strike", "strikes"}, "MIL");
  set.agents.back().needs_actor = true;
  set.agents.back().event_code = "195";
  Block(&set, "MEET", "040", {"meet", "meets", "met", "meeting"});
  Agent(&set, {"mediation"}, "GOV");
  set.agents.back().needs_actor = true;
  set.agents.back().event_code = "045";
  VerbBlock& attack =
      Block(&set, "ATTACK", "190", {"attack", "attacks", "attacked", "attacking", "strike"});
  Pattern(&attack, {}, {"rockets", "at", "+"}, "194", 99);
  Block(&set, "FIRE", "190", {"fire", "fires", "fired"});
  Block(&set, "CRITICIZE", "111", {"criticize", "criticized", "criticizes", "criticizing"});
  Block(&set, "SAY", "010", {"say", "says", "said"});
  Block(&set, "KILL", "190", {"kill", "kills", "killed"});
  Block(&set, "TARGET", "190", {"target", "targets", "targeted"});
  Block(&set, "ACCEPT", "050", {"accept", "accepts", "accepted"});
  Block(&set, "BACK", "051", {"back", "backs", "backed"});
  // Like Parley.verbs.txt: "claim" codes only with a pattern.
  VerbBlock& claim = Block(&set, "CLAIM", "---", {"claim", "claims", "claimed"});
  Pattern(&claim, {}, {"responsibility"}, "015", 98);
  Block(&set, "MEDIATE", "045", {"mediate", "mediates", "mediated"});
  VerbBlock& hold = Block(&set, "HOLD", "---", {"hold", "holds", "held"});
  Pattern(&hold, {}, {"+", "accountable"}, "112", 97);
  Block(&set, "HIT", "190", {"hit", "hits", "hitting"});
  Block(&set, "VOW", "030", {"vow", "vows", "vowed"});
  set.discards.push_back({Words("football"), false, {"test.discards.txt", 1, 0}});
  set.discards.push_back({Words("world cup"), true, {"test.discards.txt", 2, 0}});
  return set;
}

class EventCoderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto an = TextAnalyzer::Create("/usr/share/wordnet");
    ASSERT_TRUE(an.ok()) << an.status().ToString();
    analyzer_ = new std::shared_ptr<const TextAnalyzer>(*an);
    auto dict = CompiledDictionary::Compile(TestDictionary(), **analyzer_);
    ASSERT_TRUE(dict.ok()) << dict.status().ToString();
    auto coder = EventCoder::Create(*dict);
    ASSERT_TRUE(coder.ok());
    coder_ = new std::shared_ptr<const EventCoder>(*coder);
  }

  // "SRC CODE TGT" per event, sentences joined by " | ".
  std::string Code(const std::string& text, std::optional<Date> date = Date::FromYmd(2024, 7, 14)) {
    doc_ = Document{};
    doc_.text = text;
    doc_.date = date;
    doc_.body.push_back({0, static_cast<uint32_t>(text.size())});
    (*analyzer_)->Analyze(doc_, &text_);
    auto scratch = (*coder_)->NewScratch();
    (*coder_)->Code(doc_, text_, scratch.get(), &coding_);
    std::string out;
    for (const SentenceCoding& s : coding_.sentences) {
      for (const EventCandidate& ev : s.events) {
        if (!out.empty()) out += " | ";
        out += ev.event.source.code + " " + ev.event.code + " " +
               (ev.event.target ? ev.event.target->code : "---");
      }
    }
    return out;
  }

  const EventCandidate& First() { 
    for (const SentenceCoding& s : coding_.sentences) {
      if (!s.events.empty()) return s.events[0];
    }
    static EventCandidate none;
    ADD_FAILURE() << "no event";
    return none;
  }

  static std::shared_ptr<const TextAnalyzer>* analyzer_;
  static std::shared_ptr<const EventCoder>* coder_;
  Document doc_;
  AnalyzedText text_;
  DocumentCoding coding_;
};
std::shared_ptr<const TextAnalyzer>* EventCoderTest::analyzer_ = nullptr;
std::shared_ptr<const EventCoder>* EventCoderTest::coder_ = nullptr;

TEST_F(EventCoderTest, SubjectVerbObjectCodesTheVerbBlock) {
  EXPECT_EQ("ISR 111 PSEREBHMS", Code("Israel criticized Hamas on Sunday."));
  const Event& e = First().event;
  EXPECT_EQ("test.verbs.txt:31", e.rule);
  EXPECT_EQ("11", e.root);
  ASSERT_TRUE(e.date.has_value());
  EXPECT_EQ("2024-07-14", e.date->ToString());
}

TEST_F(EventCoderTest, CompoundSubjectGivesOneEventPerMember) {
  EXPECT_EQ("EGY 040 ISRGOV | QAT 040 ISRGOV",
            Code("Egypt and Qatar met Israeli security officials."));
  EXPECT_TRUE(coding_.sentences[0].mentions[0].compound);
}

TEST_F(EventCoderTest, CooperationInASmallListIsPairwiseInALongListPerMember) {
  EXPECT_EQ("EGY 040 QAT | QAT 040 EGY", Code("Egypt and Qatar met on Sunday."));
  // Five members: a multilateral meeting, one targetless event per member
  // (not 20 bilateral ones).
  EXPECT_EQ("EGY 040 --- | QAT 040 --- | ISR 040 --- | IRQ 040 --- | THA 040 ---",
            Code("Egypt, Qatar, Israel, Iraq and Thailand met on Sunday."));
}

TEST_F(EventCoderTest, ParticipleAfterACommaTakesThePreviousVerbsSubject) {
  EXPECT_EQ("ISR 190 PSE | ISR 111 PSEREBHMS",
            Code("Israel attacked Gaza, criticizing Hamas on Sunday."));
  // Violence after the comma is the outcome of the act before it
  // ("struck X, killing 20 people"), not a second event.
  EXPECT_EQ("ISR 190 PSE", Code("Israel attacked Gaza, attacking Hamas on Sunday."));
}

TEST_F(EventCoderTest, MeetingPlaceAfterInOrAtIsNoTarget) {
  EXPECT_EQ("EGY 040 QAT | QAT 040 EGY", Code("Egypt and Qatar met in Iraq on Sunday."));
  EXPECT_EQ("ISR 040 ---", Code("Israel met in Iraq on Sunday."));
  EXPECT_EQ("ISR 040 PSEREBHMS", Code("Israel met Hamas in Iraq on Sunday."));
  // Violence keeps the place: that is where the victims are.
  EXPECT_EQ("ISR 190 IRQ", Code("Israel attacked in Iraq on Sunday."));
}

TEST_F(EventCoderTest, OwnCountryNamedAsAPlaceIsNoTarget) {
  // Hamas (PSE...) and Gaza (PSE): the strip is where, not whom.
  EXPECT_EQ("PSEREBHMS 111 ---", Code("Hamas criticized Gaza on Sunday."));
  EXPECT_EQ("", Code("Hamas will criticize Gaza on Sunday."));  // and no targetless modal
  // A role of the same country stays a target; another country too.
  EXPECT_EQ("PSEREBHMS 111 PSEGOV", Code("Hamas criticized Palestinian officials."));
  EXPECT_EQ("ISRMIL 190 PSE", Code("Israeli forces attacked Gaza."));
  // The place of violence stays the target: that is where the victims are.
  EXPECT_EQ("PSEREBHMS 190 PSE", Code("Hamas attacked Gaza on Sunday."));
}

TEST_F(EventCoderTest, CriticsOrVictimsOfAnActorAreNotThatActor) {
  EXPECT_EQ("", Code("Critics of Hamas criticized Qatar."));
  EXPECT_EQ("", Code("Victims of Hamas met Israel on Sunday."));
  EXPECT_EQ("ISR 111 ---", Code("Israel criticized opponents of Hamas."));
  EXPECT_EQ("PSEREBHMS 111 ISR", Code("Leaders of Hamas criticized Israel."));  // still absorbed
}

TEST_F(EventCoderTest, AppositiveNameAfterDemonymAndNounIsThePhrasesActor) {
  EXPECT_EQ("PSEREBHMS 111 ISR", Code("The Palestinian group Hamas criticized Israel."));
  EXPECT_EQ("QAT 111 IGOWAS", Code("Qatar criticized the West African bloc ECOWAS."));
  EXPECT_EQ("EGY 111 ISR", Code("The West African nation of Egypt criticized Israel."));
  // No name after the noun: the demonym's country with the noun's role.
  EXPECT_EQ("EGYGOV 111 ISR", Code("Egyptian officials criticized Israel."));
}

TEST_F(EventCoderTest, ObjectComplementEndsTheTargetPhrase) {
  // "accountable" is not part of the target NP, so "+ accountable" matches.
  EXPECT_EQ("PSEREBHMS 112 ISRGOV", Code("Hamas held Israeli officials accountable."));
  EXPECT_EQ("test.verbs.txt:97", First().event.rule);
}

TEST_F(EventCoderTest, AgentsAttachToTheNearestActor) {
  EXPECT_EQ("QATGOV 040 ISRGOV", Code("The Qatari envoy met Israeli security officials."));
  EXPECT_EQ("ISRMIL 040 QAT", Code("Israeli soldiers met Qatar."));
}

TEST_F(EventCoderTest, NamedGroupCodeAbsorbsItsAgents) {
  // CoderOptions::group_codes_absorb_agents: the group code already says who.
  EXPECT_EQ("PSEREBHMS 040 QAT", Code("Hamas leaders met Qatar."));
  EXPECT_EQ("PSEREBHMS 111 ISR", Code("A senior Hamas official criticized Israel."));
}

TEST_F(EventCoderTest, AppositionKeepsThePersonsCode) {
  EXPECT_EQ("PSEREBHMS 111 ISR",
            Code("Ismail Haniyeh, head of Hamas's political bureau, criticized Israel."));
}

TEST_F(EventCoderTest, PossessiveGroupTakesTheOwnersCode) {
  EXPECT_EQ("PSEREBHMS 111 ISR", Code("Hamas's political bureau criticized Israel."));
}

TEST_F(EventCoderTest, PrepositionalActorCodesAnAgentOnlyGroup) {
  EXPECT_EQ("IRQMIL 111 ISR", Code("Troops in Iraq criticized Israel."));
}

TEST_F(EventCoderTest, PassiveWithByInvertsSourceAndTarget) {
  EXPECT_EQ("ISRMIL 190 PSE", Code("Gaza was attacked by Israeli forces."));
  EXPECT_TRUE(First().passive);
  EXPECT_EQ("ISRMIL 190 PSE", Code("Gaza was struck by Israeli forces."));  // lemma
}

TEST_F(EventCoderTest, AllCapsUsIsTheUnitedStatesNotThePronoun) {
  EXPECT_EQ("USA 111 ISR", Code("The US criticized Israel."));
  EXPECT_EQ("ISR 111 ---", Code("Israel criticized us."));  // no target, not USA
  EXPECT_EQ("IGOUNOWHO 111 ISR", Code("The WHO criticized Israel."));
  EXPECT_EQ("", Code("Those who criticized Israel met."));  // the pronoun
}

TEST_F(EventCoderTest, PlainActiveVerbWithoutTargetGivesATargetlessEvent) {
  EXPECT_EQ("ISR 190 ---", Code("Israel attacked on Sunday."));
  EXPECT_FALSE(First().event.target.has_value());
  EXPECT_EQ("", Code("Israel will attack on Sunday."));  // modal: intention
  EXPECT_EQ("ISR 190 PSE", Code("Israel attacked Gaza on Sunday."));
  // a subordinate clause is a circumstance: no targetless event for it
  EXPECT_EQ("ISR 111 PSE", Code("Israel criticized Gaza after Hamas attacked on Sunday."));
}

TEST_F(EventCoderTest, WordAfterAnAdjectivalParticipleIsANoun) {
  // "repeated attacks": "attacks" is not a verb after "for repeated"
  EXPECT_EQ("ISR 111 PSEREBHMS", Code("Israel criticized Hamas for repeated attacks on Gaza."));
}

TEST_F(EventCoderTest, PlainWordsBetweenAVerbAndAVerbFormMakeItANoun) {
  // "criticized new attacks": "attacks" is the object, not a second verb.
  EXPECT_EQ("ISR 111 PSEREBHMS", Code("Israel criticized new Hamas attacks on Sunday."));
  EXPECT_EQ("ISR 111 PSE", Code("Israel criticized renewed rocket attacks on Gaza."));
}

TEST_F(EventCoderTest, ReducedPassiveBetweenCommasIsSkippedBySubjectSearch) {
  // Without commas and with them: Qatar backs Hamas, Hamas attacks Israel.
  EXPECT_EQ("QAT 051 PSEREBHMS | PSEREBHMS 190 ISR",
            Code("Hamas backed by Qatar attacked Israel on Sunday."));
  EXPECT_EQ("QAT 051 PSEREBHMS | PSEREBHMS 190 ISR",
            Code("Hamas, backed by Qatar, attacked Israel on Sunday."));
}

TEST_F(EventCoderTest, CapitalAfterInGivesPeopleTheCountryNotTheGovernment) {
  EXPECT_EQ("ISR 111 QATCVL", Code("Israel criticized protesters in Doha."));
  EXPECT_EQ("QATGOV 111 ISR", Code("Doha criticized Israel."));  // metonymy
  EXPECT_EQ("QATGOV 111 ISR", Code("Officials in Doha criticized Israel."));
  // Violence against a place in the capital hits the country; words about
  // a place in the capital keep the government it stands for.
  EXPECT_EQ("ISRMIL 190 QAT", Code("Israeli forces attacked a building in Doha."));
  EXPECT_EQ("ISR 111 QATGOV", Code("Israel criticized the decision in Doha."));
}

TEST_F(EventCoderTest, TargetMayBeInsideTheInfinitiveAfterTheVerb) {
  EXPECT_EQ("PSEREBHMS 030 ISR", Code("Hamas vowed to attack Israel."));
  EXPECT_EQ("PSEREBHMS 030 ISRMIL", Code("Hamas vowed to hit the Israeli forces."));
}

TEST_F(EventCoderTest, ParticipleAfterANumberWordBeforeAnActorIsAModifier) {
  EXPECT_EQ("ISR 111 PSEREBHMS", Code("Israel criticized six targeted Hamas leaders."));
}

TEST_F(EventCoderTest, PeopleInAnActionAreNotTheActorsPeople) {
  // "protesters in Israeli strikes": the strikes are no place and do not
  // make the protesters Israeli.
  EXPECT_EQ("PSEREBHMS 111 ---CVL | ISRMIL 195 PSE",
            Code("Hamas criticized protesters in Israeli strikes on Gaza."));
}

TEST_F(EventCoderTest, NameEndingInEdIsNoParticipleBeforeAVerb) {
  EXPECT_EQ("SDNREB 190 ISR", Code("The Janjaweed attacked Israel."));
}

TEST_F(EventCoderTest, PastTenseEqualToTheBaseFormIsAVerbBeforeItsObject) {
  EXPECT_EQ("PSEREBHMS 190 ISRMIL", Code("A Hamas unit hit the Israeli forces on Sunday."));
  EXPECT_EQ("", Code("A direct hit destroyed the car."));
}

TEST_F(EventCoderTest, PassiveWithoutAgentHasNoSource) {
  EXPECT_EQ("", Code("Gaza was attacked on Sunday."));
  EXPECT_EQ("", Code("Hamas was criticized over its rockets at Israel."));
}

TEST_F(EventCoderTest, NegationIsFlaggedNotDropped) {
  EXPECT_EQ("ISR 190 PSE", Code("Israel did not attack Gaza."));
  EXPECT_TRUE(First().negated);
  Code("Israel didn't attack Gaza.");
  EXPECT_TRUE(First().negated);
  Code("Israel attacked Gaza.");
  EXPECT_FALSE(First().negated);
}

TEST_F(EventCoderTest, ModalIsRecorded) {
  EXPECT_EQ("ISR 190 PSE", Code("Israel will attack Gaza."));
  EXPECT_EQ("will", First().modal);
}

TEST_F(EventCoderTest, ReportedClauseIsCodedWithItsSpeaker) {
  EXPECT_EQ("ISR 190 PSE", Code("Hamas said Israel attacked Gaza."));
  const SentenceCoding& s = coding_.sentences[0];
  const Clause& cl = s.clauses[First().clause];
  ASSERT_EQ(Clause::Kind::kReported, cl.kind);  // the verb's own clause
  bool found = false;
  for (const Clause& c : s.clauses) {
    if (c.kind == Clause::Kind::kReported) {
      ASSERT_GE(c.speaker, 0);
      EXPECT_EQ("PSEREBHMS", s.mentions[c.speaker].actor.code);
      found = true;
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(EventCoderTest, TrailingReportingClauseIsNotAnEvent) {
  EXPECT_EQ("ISR 190 PSE", Code("Israel attacked Gaza, a Hamas spokesman said."));
  bool speaker = false;
  for (const Clause& c : coding_.sentences[0].clauses) {
    if (c.kind == Clause::Kind::kReported && c.speaker >= 0) {
      speaker = coding_.sentences[0].mentions[c.speaker].actor.code == "PSEREBHMS";
    }
  }
  EXPECT_TRUE(speaker);
}

TEST_F(EventCoderTest, ParticipleReportingClauseReportsWhatFollows) {
  // ", saying ..." reports what follows, by the main clause's subject; a
  // subject pronoun right after it is that speaker, not the latest mention.
  EXPECT_EQ("ISR 111 PSE | ISR 190 PSEREBHMS",
            Code("Israel criticized Gaza, saying it had targeted Hamas."));
  const SentenceCoding& sc = coding_.sentences[0];
  const EventCandidate& e = sc.events.at(1);
  ASSERT_GE(e.clause, 0);
  const Clause& cl = sc.clauses[e.clause];
  EXPECT_EQ(Clause::Kind::kReported, cl.kind);
  ASSERT_GE(cl.speaker, 0);
  EXPECT_EQ("ISR", sc.mentions[cl.speaker].actor.code);
  // The relative clause's verb is not the main verb.
  EXPECT_EQ("PSEREBHMS 111 ISR | PSEREBHMS 190 ISR",
            Code("Hamas, which controls Gaza, criticized Israel, saying it had targeted Israel."));
}

TEST_F(EventCoderTest, CoordinatedVerbAfterAnObjectEndsTheTargetSearch) {
  // "criticized the plan and claimed control ... in Gaza": Gaza belongs to
  // the second predicate (whose verb codes nothing here).
  EXPECT_EQ("ISR 111 ---", Code("Israel criticized the plan and claimed control in Gaza."));
  EXPECT_EQ("ISR 111 PSE", Code("Israel criticized the plan in Gaza."));
}

TEST_F(EventCoderTest, RelativeClauseDoesNotStealTheSubject) {
  EXPECT_EQ("PSEREBHMS 194 ISR", Code("Hamas, which controls Gaza, attacked rockets at Israel."));
}

TEST_F(EventCoderTest, PatternBindsTheTargetAfterThePreposition) {
  EXPECT_EQ("PSEREBHMS 194 ISR", Code("Hamas attacked rockets at Israel."));
  EXPECT_EQ("test.verbs.txt:99", First().event.rule);
}

TEST_F(EventCoderTest, PrepositionalTargetWhenThereIsNoObject) {
  EXPECT_EQ("ISR 190 PSE", Code("Israel fired at Gaza."));
}

TEST_F(EventCoderTest, DatedRolesFollowTheSentenceDate) {
  EXPECT_EQ("VLDOPP 111 ISR", Code("Arnold Vale criticized Israel.", Date::FromYmd(2005, 1, 1)));
  EXPECT_EQ("VLDGOV 111 ISR", Code("Arnold Vale criticized Israel.", Date::FromYmd(2015, 1, 1)));
  EXPECT_EQ("VLDELI 111 ISR", Code("Arnold Vale criticized Israel.", Date::FromYmd(2020, 1, 1)));
}

TEST_F(EventCoderTest, DiscardPhrasesDropSentenceOrStory) {
  EXPECT_EQ("", Code("Israel criticized Hamas after the football match."));
  EXPECT_TRUE(coding_.sentences[0].discarded);
  EXPECT_EQ("", Code("Israel criticized Hamas. Egypt met Qatar before the World Cup."));
  EXPECT_TRUE(coding_.story_discarded);
}

TEST_F(EventCoderTest, PronounResolvesToTheRecentActor) {
  EXPECT_EQ("PSEREBHMS 040 QAT | PSEREBHMS 111 ISR",
            Code("Hamas met Qatar on Monday. It criticized Israel."));
  const SentenceCoding& s = coding_.sentences[1];
  EXPECT_EQ("pronoun", s.mentions[s.events[0].source_mention].actor.via);
}

TEST_F(EventCoderTest, AgentOnlySourceNeedsTheOption) {
  EXPECT_EQ("", Code("Officials criticized Israel."));
}

TEST_F(EventCoderTest, SpansPointAtTheWords) {
  Code("Israel attacked Gaza.");
  const Event& e = First().event;
  EXPECT_EQ("Israel", doc_.text.substr(e.source.start, e.source.end - e.source.start));
  ASSERT_TRUE(e.target.has_value());
  EXPECT_EQ("Gaza", e.target->text);
  bool verb = false;
  for (const Span& sp : e.spans) {
    if (sp.role == "verb") verb = doc_.text.substr(sp.start, sp.end - sp.start) == "attacked";
  }
  EXPECT_TRUE(verb);
}

TEST_F(EventCoderTest, ExplainNamesMentionsAndRules) {
  Code("Israel attacked Gaza.");
  std::string x = (*coder_)->Explain(doc_, text_, coding_, 0);
  EXPECT_NE(std::string::npos, x.find("event ISR 190 PSE"));
  EXPECT_NE(std::string::npos, x.find("test.verbs.txt:11"));
}

}  // namespace
}  // namespace parley

namespace parley {
namespace {

TEST_F(EventCoderTest, RandomWordSoupNeverCrashes) {
  const char* words[] = {"Israel", "Hamas", "Gaza", "attacked", "met", "said", "by", "was",
                         "and", ",", "the", "of", "in", "who", "which", "it", "not", "after",
                         "\"", "'s", "forces", "officials", "to", "that", "according", ";",
                         "Qatar", "strike", "former", "_", ":", "--", "CITY", "if", "told"};
  uint32_t seed = 12345;
  for (int doc = 0; doc < 300; ++doc) {
    std::string text;
    int n = 1 + static_cast<int>(seed % 60);
    for (int i = 0; i < n; ++i) {
      seed = seed * 1103515245u + 12345u;
      text += words[(seed >> 8) % (sizeof(words) / sizeof(words[0]))];
      text += (seed >> 20) % 7 == 0 ? ". " : " ";
    }
    Code(text);
    for (const SentenceCoding& s : coding_.sentences) {
      for (const EventCandidate& ev : s.events) {
        ASSERT_LT(ev.source_mention, static_cast<int32_t>(s.mentions.size()));
        ASSERT_LE(ev.event.source.end, text.size());
        if (ev.event.target) {
          ASSERT_NE(ev.event.source.code, ev.event.target->code);
        }
      }
    }
  }
}

TEST_F(EventCoderTest, EmptyAndPunctuationOnlyDocuments) {
  EXPECT_EQ("", Code(""));
  EXPECT_EQ("", Code("... ,,, ;;; \"\" --"));
  EXPECT_EQ("", Code("Israel", std::nullopt));
}

TEST_F(EventCoderTest, EventDateComesFromItsOwnClause) {
  struct Case {
    const char* text;
    const char* events;
    std::vector<std::string> dates;  // per event, in order
  };
  const std::vector<Case> cases = {
      {"On Friday, Israel attacked Gaza after Hamas fired rockets at Israel on Thursday.",
       "ISR 190 PSE | PSEREBHMS 190 ISR", {"2020-08-28", "2020-08-27"}},
      {"Israel attacked Gaza on Friday after Hamas fired rockets at Israel on Thursday.",
       "ISR 190 PSE | PSEREBHMS 190 ISR", {"2020-08-28", "2020-08-27"}},
      // No date in the verb's clause: the sentence's first date, then the article's.
      {"On Thursday, Israel attacked Gaza, which criticized Israel.",
       "ISR 190 PSE | PSE 111 ISR", {"2020-08-27", "2020-08-27"}},
      {"Israel attacked Gaza.", "ISR 190 PSE", {"2020-08-30"}},
  };
  for (const Case& k : cases) {
    EXPECT_EQ(k.events, Code(k.text, Date::FromYmd(2020, 8, 30))) << k.text;
    std::vector<std::string> got;
    for (const SentenceCoding& s : coding_.sentences) {
      for (const EventCandidate& ev : s.events) {
        got.push_back(ev.event.date ? ev.event.date->ToString() : "none");
      }
    }
    EXPECT_EQ(k.dates, got) << k.text;
  }
}

TEST_F(EventCoderTest, AgentOnlyActorTakesTheSentencesOnlyCountry) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"The junta attacked a village in Sagaing on Saturday.", "MMRMIL 190 MMR"},
      {"The junta criticized the police in Sagaing.", "MMRMIL 111 MMRCOP"},
      // Two countries: nobody can say whose army it is.
      {"The army attacked a village in Sagaing near Thailand.", ""},
      // A group's country alone is not a place: "the police" stays uncoded.
      {"The police criticized Hamas.", ""},
      // A country that is not a place ("in X") is no evidence either.
      {"Officials criticized Israel.", ""},
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(want, Code(text)) << text << (*coder_)->Explain(doc_, text_, coding_, 0);
}

TEST_F(EventCoderTest, LocalPeopleTakeTheCountryOfTheOnePlaceNearThem) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      // Two countries, one place: the protesters there are its people ...
      {"Israeli forces attacked protesters at a camp in Gaza.", "ISRMIL 190 PSECVL"},
      // ... an army is not (nobody can say whose it is) ...
      {"Israeli forces attacked the army at a camp in Gaza.", "ISRMIL 190 ---MIL"},
      // ... and two places of different countries say nothing.
      {"Israeli forces attacked protesters at a camp in Gaza and in Iraq.", "ISRMIL 190 ---CVL"},
  };
  for (const auto& [text, want] : cases) {
    EXPECT_EQ(want, Code(text)) << text << (*coder_)->Explain(doc_, text_, coding_, 0);
  }
  Code("Israeli forces attacked protesters at a camp in Gaza.");
  EXPECT_EQ("agent+sentence place", coding_.sentences[0].events.at(0).event.target->via);
}

TEST_F(EventCoderTest, AgentOnlyActorTakesAClearlyDominantDocumentCountry) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Iraq criticized the United Nations. Iraq met the United Nations in Iraq. "
       "The army attacked the United Nations.",
       "IRQ 111 IGOUNO | IRQ 040 IGOUNO | IRQMIL 190 IGOUNO"},
      // Two countries in the preceding sentences: no main country.
      {"Israel criticized Gaza. Gaza criticized Israel. The army attacked the United Nations.",
       "ISR 111 PSE | PSE 111 ISR"},
      // Another country named earlier: a place in Gaza does not make "the
      // army" Gaza's.
      {"Israel criticized Hamas. The army attacked a village in Gaza.", "ISR 111 PSEREBHMS"},
  };
  for (const auto& [text, want] : cases) EXPECT_EQ(want, Code(text)) << text;
}

TEST_F(EventCoderTest, ActionAgentQualifiesOnlyANamedActor) {
  // "STRIKE [~MIL] needs-actor": "Israeli strikes" is Israel's military ...
  EXPECT_EQ("ISRMIL 190 PSE", Code("Israeli strikes killed civilians in Gaza."));
  // ... but "the strike" alone names no actor.
  EXPECT_EQ("", Code("The strike killed civilians."));
}

TEST_F(EventCoderTest, PossessivePronounGivesItsAntecedentsCode) {
  // A named group absorbs the roles; a state keeps its country.
  EXPECT_EQ("PSEREBHMS 111 ISR",
            Code("Hamas said on Sunday that its delegation criticized Israel."));
  EXPECT_EQ("ISRMIL 111 PSEREBHMS",
            Code("Israel said its troops criticized Hamas."));
}

TEST_F(EventCoderTest, PossessiveSkipsActionsAndPlaces) {
  // "its leader" is neither the strike's nor the place's.
  EXPECT_EQ("ISRMIL 190 PSEREBHMS",
            Code("Hamas spoke in Gaza after an Israeli strike that targeted its leader."));
}

TEST_F(EventCoderTest, DefiniteOwnerKeepsALocativeFromBeingTheOwner) {
  // "in Egypt" says where the movement's leaders are, not whose they are.
  EXPECT_EQ("PSEREBHMS 040 QAT | PSEREBHMS 111 ISR",
            Code("Hamas met Qatar. The movement's leaders in Egypt criticized Israel."));
}

TEST_F(EventCoderTest, ReportVerbFollowedByThatIntroducesTheRestAfterAnIntroPhrase) {
  EXPECT_EQ("ISR 190 PSE", Code("After the talks, Hamas said that Israel attacked Gaza."));
  const SentenceCoding& s = coding_.sentences[0];
  const EventCandidate& ev = s.events[0];
  ASSERT_GE(ev.clause, 0);
  const Clause& cl = s.clauses[ev.clause];
  EXPECT_EQ(Clause::Kind::kReported, cl.kind);
  ASSERT_GE(cl.speaker, 0);
  EXPECT_EQ("PSEREBHMS", s.mentions[cl.speaker].actor.code);
}

TEST_F(EventCoderTest, ADateAfterSinceBoundsAStretchAndDoesNotDateTheEvent) {
  EXPECT_EQ("ISR 190 PSE", Code("Israel has attacked Gaza since Saturday."));
  ASSERT_TRUE(First().event.date.has_value());
  EXPECT_EQ("2024-07-14", First().event.date->ToString());  // the article date
  EXPECT_EQ("ISR 190 PSE", Code("Israel attacked Gaza on Saturday."));
  EXPECT_EQ("2024-07-13", First().event.date->ToString());
  // "the July 13 massacre" names an event; it does not date this one.
  EXPECT_EQ("ISR 190 PSE", Code("Israel attacked Gaza after the July 13 massacre."));
  EXPECT_EQ("2024-07-14", First().event.date->ToString());
}

TEST_F(EventCoderTest, PerfectInfinitiveTakesTheGoverningVerbsSubject) {
  // "to have targeted" is an infinitive like "to target".
  EXPECT_EQ("ISR 190 PSEREBHMS", Code("Israel claimed to have targeted Hamas."));
}

TEST_F(EventCoderTest, AnAdjectivalAgentWordNamesNobody) {
  // "military developments" is no actor; "police" modifying a noun still is.
  EXPECT_EQ("QAT 111 ---", Code("Qatar criticized military developments."));
  EXPECT_EQ("QAT 111 ---COP", Code("Qatar criticized police raids."));
}

TEST_F(EventCoderTest, NegatedAcceptanceIsARejection) {
  EXPECT_EQ("ISR 120 PSEREBHMS", Code("Israel will not accept Hamas."));
  EXPECT_FALSE(First().negated);
  EXPECT_EQ("test.verbs.txt:71 negated->120", First().event.rule);
  EXPECT_EQ("ISR 050 PSEREBHMS", Code("Israel accepted Hamas."));
}

TEST_F(EventCoderTest, ActionNounOnATargetIsAnEvent) {
  // "event=195" on the agent entry: the strike itself is the event ...
  EXPECT_EQ("ISRMIL 195 PSE", Code("Residents spoke after an Israeli strike on Gaza."));
  EXPECT_EQ("test.agents.txt:", First().event.rule.substr(0, 16));
  // ... unless a verb already codes it with the strike as its source.
  EXPECT_EQ("ISRMIL 190 PSE", Code("Israeli strikes on Gaza killed civilians in Gaza."));
  EXPECT_EQ("", Code("Residents spoke after the strike on Gaza."));  // whose strike?
}

TEST_F(EventCoderTest, AgentlessPassiveOfViolenceTakesTheEarlierAttacker) {
  EXPECT_EQ("ISR 190 PSEREBHMS | ISR 190 PSEREBHMS",
            Code("Israel attacked Ismail Haniyeh on Sunday. Ismail Haniyeh was attacked on "
                 "Monday."));
  const EventCandidate& e = coding_.sentences[1].events.at(0);
  EXPECT_EQ("test.verbs.txt:11 source<-s0", e.event.rule);
  EXPECT_EQ("discourse", e.event.source.via);
  EXPECT_EQ(-1, e.source_mention);
  // Scare quotes do not hide the passive.
  EXPECT_EQ("ISR 190 PSE | ISR 190 PSE",
            Code("Israel attacked Gaza on Sunday. Gaza was \"attacked\" again."));
  // A subject that names nobody: the victim is what the verb is directed at,
  // never a place.
  EXPECT_EQ("ISR 190 PSE | ISR 190 PSE",
            Code("Israel attacked Gaza on Sunday. Rockets were fired at Gaza again."));
  EXPECT_EQ("ISR 190 PSE", Code("Israel attacked Gaza on Sunday. Two people were killed in Gaza."));
  // Nothing earlier says who: no source, no event.
  EXPECT_EQ("ISR 111 PSEREBHMS", Code("Israel criticized Hamas. Gaza was attacked on Sunday."));
  // A one-word name is no person: three sentences back is too far.
  EXPECT_EQ("ISR 190 PSE | EGY 040 QAT | EGY 040 QAT",
            Code("Israel attacked Gaza. Egypt met Qatar. Egypt met Qatar. Gaza was attacked."));
  // Too far back (more than kDiscourseWindow sentences).
  std::string far = "Israel attacked Gaza.";
  for (int i = 0; i < 9; ++i) far += " Egypt met Qatar.";
  far += " Gaza was attacked.";
  std::string got = Code(far);
  EXPECT_EQ(std::string::npos, got.find("ISR 190 PSE | ISR 190 PSE")) << got;
}

TEST_F(EventCoderTest, SurvivalStatementNegatesTheEarlierAttackOnThatPerson) {
  EXPECT_EQ("ISR 190 PSEREBHMS | ISR 190 PSEREBHMS",
            Code("Israel attacked Ismail Haniyeh on Sunday. Hamas said that Ismail Haniyeh was "
                 "still alive."));
  const EventCandidate& e = coding_.sentences[1].events.at(0);
  EXPECT_TRUE(e.negated);
  EXPECT_EQ("survival<-s0 test.verbs.txt:11", e.event.rule);
  EXPECT_EQ("alive", doc_.text.substr(e.event.spans.back().end - 5, 5));
  EXPECT_EQ("ISR 190 PSEREBHMS | ISR 190 PSEREBHMS",
            Code("Israel attacked Ismail Haniyeh. Ismail Haniyeh survived."));
  // No earlier attack on him, or a different person: nothing to deny.
  EXPECT_EQ("", Code("Hamas said that Ismail Haniyeh was still alive."));
  EXPECT_EQ("ISR 190 PSE", Code("Israel attacked Gaza. Ismail Haniyeh is alive."));
  EXPECT_EQ("ISR 190 PSEREBHMS", Code("Israel attacked Ismail Haniyeh. Ismail Haniyeh is not alive."));
  // His sons' deaths are not denied by his survival.
  EXPECT_EQ("ISR 190 PSEREBHMS",
            Code("Israel attacked Ismail Haniyeh's sons. Ismail Haniyeh survived."));
}

TEST_F(EventCoderTest, MediationNounNamesTheMediatorsOfTheClausesParties) {
  // Each mediator -> each party (the subject); the meeting is not with the
  // mediators, so the verb's event loses them as targets, and a compound
  // subject meets among itself.
  EXPECT_EQ("ISR 040 PSEREBHMS | PSEREBHMS 040 ISR | EGYGOV 045 ISR | EGYGOV 045 PSEREBHMS | "
            "QATGOV 045 ISR | QATGOV 045 PSEREBHMS",
            Code("Israel and Hamas met through Egyptian and Qatari mediation."));
  EXPECT_EQ("test.agents.txt:", coding_.sentences[0].events.back().event.rule.substr(0, 16));
  EXPECT_EQ("PSEREBHMS 040 --- | QATGOV 045 PSEREBHMS",
            Code("Hamas met on Sunday under Qatari mediation."));
  // A passive "mediated by X" after a noun that names nobody: X mediates for
  // the parties of the clause.
  EXPECT_EQ("ISR 040 PSEREBHMS | PSEREBHMS 040 ISR | EGY 045 ISR | EGY 045 PSEREBHMS",
            Code("Israel and Hamas met in talks mediated by Egypt."));
  // Four parties: every ordered pair, each with the mediator (the pairs are
  // appended while the events are walked).
  std::string four = Code("Israel, Hamas, Egypt and Iraq met through Qatari mediation.");
  EXPECT_NE(std::string::npos, four.find("IRQ 040 EGY")) << four;
  EXPECT_NE(std::string::npos, four.find("QATGOV 045 IRQ")) << four;
  EXPECT_EQ(std::string::npos, four.find("040 ---")) << four;
  // The parties are those of the verb the phrase hangs on, never a speaker
  // or the subject of another clause.
  EXPECT_EQ(std::string::npos,
            Code("Israel said talks continued through Qatari mediation.").find("045"));
  EXPECT_EQ("ISR 190 PSE", Code("Israel attacked Gaza after talks mediated by Egypt failed."));
  // Co-mediators do not mediate between themselves.
  EXPECT_EQ("", Code("The talks were mediated by Egypt and Qatar."));
  // Not after through/under/via/with: the mediation is what is criticized.
  EXPECT_EQ("ISR 111 QATGOV", Code("Israel criticized Qatari mediation."));
}

TEST_F(EventCoderTest, DemonymGroupNounNamesTheCountrysGroupMentionedLast) {
  // "the Palestinian movement" after Hamas is Hamas, also inside a larger
  // phrase; without a named group of that country it stays the country.
  EXPECT_EQ("PSEREBHMS 111 ISR | PSEREBHMS 111 ISR",
            Code("Hamas criticized Israel. The Palestinian movement criticized Israel again."));
  EXPECT_EQ("coreference", coding_.sentences[1].events.at(0).event.source.via);
  EXPECT_EQ("PSE 111 ISR", Code("The Palestinian movement criticized Israel."));
  EXPECT_EQ("ISR 190 PSE | PSE 111 ISR",
            Code("Israel attacked Gaza. The Palestinian group criticized Israel."));
}

TEST_F(EventCoderTest, DefiniteAgentInAReportTakesTheSpeakersCountryForItsOwnRole) {
  // "Israeli troops said the army attacked Hamas": the speaker's code carries
  // MIL, so "the army" is the speaker's army.
  EXPECT_EQ("ISRMIL 190 PSEREBHMS", Code("Israeli troops said that the army attacked Hamas."));
  EXPECT_EQ("agent+speaker country", coding_.sentences[0].events.at(0).event.source.via);
  // A group's spokesman ("the army" is the other side's) or a role the
  // speaker does not carry leaves the mention agent-only (no event).
  EXPECT_EQ("", Code("A Hamas spokesman said that the army attacked Gaza."));
  EXPECT_EQ("", Code("Israeli officials said that the army attacked Hamas."));
}

}  // namespace
}  // namespace parley
