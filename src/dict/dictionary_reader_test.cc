// Behaviour of the actor, agent, discard and issue readers and of the
// directory / manifest reader (verbs: verb_reader_test.cc).
#include <gtest/gtest.h>

#include <algorithm>

#include "dict/dictionary_reader_internal.h"
#include "dict/dictionary_test_util.h"
#include "parley/dictionary.h"

namespace parley {
namespace {

using testing_util::ReadSnippet;
using testing_util::TempDir;

std::optional<Date> D(int y, int m, int d) { return Date::FromYmd(y, m, d); }

TEST(ActorReaderTest, LastRecordOfTheFileIsKept) {
  DictionarySet set =
      ReadSnippet(DictionaryKind::kActors, "VALDORIA_ [VLD]\n+VALDORIAN_\nMARA_OKONJO_ [VLDGOV]");
  ASSERT_EQ(set.actors.size(), 2u);
  EXPECT_EQ(set.actors[1].phrases[0], (Phrase{"mara", "okonjo"}));
  EXPECT_TRUE(set.diagnostics.empty());
}

TEST(ActorReaderTest, SynonymsUnderscoresAndSpacesSeparateWordsLowerCase) {
  DictionarySet set = ReadSnippet(DictionaryKind::kActors,
                                  "PORT_ESKEN_  [VLD]   # capital\n+PORT ESKEN CITY\n");
  ASSERT_EQ(set.actors.size(), 1u);
  const ActorEntry& a = set.actors[0];
  EXPECT_EQ(a.phrases[0], (Phrase{"port", "esken"}));
  EXPECT_EQ(a.phrases[1], (Phrase{"port", "esken", "city"}));
  EXPECT_EQ(a.name, "Port Esken");
  EXPECT_EQ(a.loc.line, 1u);
  EXPECT_FALSE(a.framing);
}

TEST(ActorReaderTest, RestrictionDatesFollowPetrarchForms) {
  DictionarySet set = ReadSnippet(DictionaryKind::kActors,
                                  "GOLLUM\n\t[HOB <950601]\n\t[HOBGOV 19950601 - 19990815]\n"
                                  "\t[HOBREB >990816]\n");
  ASSERT_EQ(set.actors.size(), 1u);
  const ActorEntry& a = set.actors[0];
  ASSERT_EQ(a.codes.size(), 3u);
  EXPECT_EQ(a.codes[0].until, D(1995, 6, 1));
  EXPECT_EQ(a.codes[1].from, D(1995, 6, 1));
  EXPECT_EQ(a.codes[1].until, D(1999, 8, 15));
  EXPECT_EQ(a.codes[2].from, D(1999, 8, 16));
  struct {
    std::optional<Date> date;
    const char* code;
  } cases[] = {{D(1995, 5, 31), "HOB"},
               {D(1995, 6, 1), "HOBGOV"},
               {D(1999, 8, 15), nullptr},  // end date exclusive: a gap, as in PETRARCH
               {D(1999, 8, 16), "HOBREB"}};
  for (const auto& c : cases) {
    const DatedCode* got = a.CodeOn(c.date);
    if (c.code != nullptr) {
      ASSERT_NE(got, nullptr) << c.date->ToString();
      EXPECT_EQ(got->code, c.code);
    } else {
      EXPECT_EQ(got, nullptr) << c.date->ToString();
    }
  }
}

TEST(ActorReaderTest, TwoDigitYearsUpTo30AreThisCentury) {
  DictionarySet set = ReadSnippet(DictionaryKind::kActors, "X_\n\t[AAA 730717-070723]\n");
  ASSERT_EQ(set.actors[0].codes.size(), 1u);
  EXPECT_EQ(set.actors[0].codes[0].from, D(1973, 7, 17));
  EXPECT_EQ(set.actors[0].codes[0].until, D(2007, 7, 23));
}

TEST(ActorReaderTest, DatedCodeThatAppliesWinsOverEarlierUndatedCode) {
  // PETRARCH returned VLDELI for every date because the undated primary-line
  // code comes first; Parley uses it only as the fallback.
  DictionarySet set = ReadSnippet(DictionaryKind::kActors,
                                  "MARA_OKONJO_ [VLDELI]\n\t[VLDGOV 120615-190301]\n");
  const ActorEntry& a = set.actors[0];
  ASSERT_EQ(a.codes.size(), 2u);
  EXPECT_EQ(a.CodeOn(D(2015, 1, 1))->code, "VLDGOV");
  EXPECT_EQ(a.CodeOn(D(2020, 1, 1))->code, "VLDELI");
  EXPECT_EQ(a.CodeOn(std::nullopt)->code, "VLDELI");
}

TEST(ActorReaderTest, SeveralCodeGroupsOnThePrimaryLine) {
  DictionarySet set = ReadSnippet(
      DictionaryKind::kActors, "ANN_VENEMAN_\t[USAGOV 010120-050120] [IGOUNOKID  >050501]\n");
  const ActorEntry& a = set.actors[0];
  ASSERT_EQ(a.codes.size(), 2u);
  EXPECT_EQ(a.codes[1].code, "IGOUNOKID");
  EXPECT_EQ(a.codes[1].from, D(2005, 5, 1));
  EXPECT_EQ(a.CodeOn(std::nullopt)->code, "IGOUNOKID");  // most recent validity
}

TEST(ActorReaderTest, FramingFileEntriesAreMarked) {
  DictionarySet set = ReadSnippet(DictionaryKind::kFraming, "FREEDOM_FIGHTERS [---]\n");
  ASSERT_EQ(set.actors.size(), 1u);
  EXPECT_TRUE(set.actors[0].framing);
}

TEST(ActorReaderTest, MultiLineHtmlCommentIsSkippedEntirely) {
  DictionarySet set =
      ReadSnippet(DictionaryKind::kActors, "<!-- a comment\nNOT_AN_ACTOR [XXX]\n-->\nREAL [RRR]\n");
  ASSERT_EQ(set.actors.size(), 1u);
  EXPECT_EQ(set.actors[0].phrases[0], (Phrase{"real"}));
}

TEST(AgentReaderTest, PluralsCodesAndPrefixForm) {
  DictionarySet set = ReadSnippet(DictionaryKind::kAgents,
                                  "HARBOUR_MASTER  [~GOV]\nFERRY {FERRIES} [ ~BUS]\n"
                                  "COAST_GUARD {}  [~MIL]\nBOSS [~CRM]\nBUS [~BUS]\n"
                                  "DEPUTY [~GOV]\nENVOY [~GOV]\nPEACEKEEPING_TROOPS {} [IGO~]\n");
  ASSERT_EQ(set.agents.size(), 8u);
  EXPECT_EQ(set.agents[0].forms[1], (Phrase{"harbour", "masters"}));
  EXPECT_EQ(set.agents[0].code, "GOV");
  EXPECT_FALSE(set.agents[0].prefix);
  EXPECT_EQ(set.agents[1].forms[1], (Phrase{"ferries"}));
  EXPECT_EQ(set.agents[1].code, "BUS");
  EXPECT_EQ(set.agents[2].forms.size(), 1u);
  EXPECT_EQ(set.agents[3].forms[1], (Phrase{"bosses"}));
  EXPECT_EQ(set.agents[4].forms[1], (Phrase{"buses"}));
  EXPECT_EQ(set.agents[5].forms[1], (Phrase{"deputies"}));
  EXPECT_EQ(set.agents[6].forms[1], (Phrase{"envoys"}));
  EXPECT_EQ(set.agents[7].code, "IGO");
  EXPECT_TRUE(set.agents[7].prefix);
  EXPECT_TRUE(set.diagnostics.empty());
}

TEST(AgentReaderTest, NeedsActorKeywordMarksActionAgents) {
  DictionarySet set = ReadSnippet(DictionaryKind::kAgents,
                                  "AIRSTRIKE [~MIL] needs-actor\nARMY [~MIL]\nRAID [~MIL] maybe\n");
  ASSERT_EQ(set.agents.size(), 3u);
  EXPECT_TRUE(set.agents[0].needs_actor);
  EXPECT_FALSE(set.agents[1].needs_actor);
  EXPECT_FALSE(set.agents[2].needs_actor);
  ASSERT_EQ(set.diagnostics.size(), 1u);  // "maybe": text after the code ignored
  EXPECT_EQ(set.diagnostics[0].loc.line, 3u);
}

TEST(AgentReaderTest, EventCodeKeywordGivesTheActionsCode) {
  DictionarySet set = ReadSnippet(DictionaryKind::kAgents,
                                  "AIRSTRIKE [~MIL] needs-actor event=195\n"
                                  "SHELLING {} [~MIL] event=194 needs-actor\n"
                                  "RAID [~MIL] needs-actor event=19x\n");
  ASSERT_EQ(set.agents.size(), 3u);
  EXPECT_EQ("195", set.agents[0].event_code);
  EXPECT_TRUE(set.agents[1].needs_actor);
  EXPECT_EQ("194", set.agents[1].event_code);
  EXPECT_EQ("", set.agents[2].event_code);  // not digits: a warning
  ASSERT_EQ(set.diagnostics.size(), 1u);
  EXPECT_EQ(set.diagnostics[0].loc.line, 3u);
}

TEST(AgentReaderTest, SubstitutionMarkersExpandLiterally) {
  DictionarySet set = ReadSnippet(DictionaryKind::kAgents,
                                  "!OFFICER! = OFFICER, OFFICIALS\nCUSTOMS_!OFFICER!  [~GOVCUS]\n"
                                  "CONGRESS!OFFICER! [~LEG]\n");
  ASSERT_EQ(set.agents.size(), 2u);
  EXPECT_EQ(set.agents[0].forms,
            (std::vector<Phrase>{{"customs", "officer"}, {"customs", "officials"}}));
  EXPECT_EQ(set.agents[1].forms,
            (std::vector<Phrase>{{"congressofficer"}, {"congressofficials"}}));
}

TEST(DiscardReaderTest, StoryAndSentenceLevel) {
  DictionarySet set = ReadSnippet(DictionaryKind::kDiscards,
                                  "MONTHS LATER\n+World Golf Championships   # c\nGROUP_A_\n");
  ASSERT_EQ(set.discards.size(), 3u);
  EXPECT_FALSE(set.discards[0].story);
  EXPECT_EQ(set.discards[0].words, (Phrase{"months", "later"}));
  EXPECT_TRUE(set.discards[1].story);
  EXPECT_EQ(set.discards[1].words, (Phrase{"world", "golf", "championships"}));
  EXPECT_EQ(set.discards[2].words, (Phrase{"group", "a"}));
}

TEST(IssueReaderTest, PrefixesExpandToSurfaceForms) {
  DictionarySet set = ReadSnippet(DictionaryKind::kIssues,
                                  "<ISSUE CATEGORY=\"MARITIME\" TYPE=\"ALL\">\n"
                                  "n:piracy [MARITIME_SECURITY]\n"
                                  "v:hijack n:tanker [MARITIME_SECURITY]\n"
                                  "sea+lane [MARITIME_TRADE]\n~pirate radio\n~~pirates of the "
                                  "caribbean\n</ISSUE>\n");
  ASSERT_EQ(set.issues.size(), 5u);
  EXPECT_EQ(set.issues[0].forms, (std::vector<Phrase>{{"piracy"}, {"piracies"}}));
  EXPECT_EQ(set.issues[0].code, "MARITIME_SECURITY");
  const auto& hijack = set.issues[1].forms;
  EXPECT_NE(std::find(hijack.begin(), hijack.end(), Phrase{"hijacked", "tankers"}),
            hijack.end());
  EXPECT_NE(std::find(hijack.begin(), hijack.end(), Phrase{"hijacks", "tanker"}), hijack.end());
  EXPECT_NE(std::find(hijack.begin(), hijack.end(), Phrase{"hijacking", "tanker"}),
            hijack.end());
  EXPECT_EQ(set.issues[2].forms, (std::vector<Phrase>{{"sea", "lane"}, {"sea-lane"}}));
  EXPECT_EQ(set.issues[3].kind, IssueEntry::Kind::kIgnoreSentence);
  EXPECT_EQ(set.issues[4].kind, IssueEntry::Kind::kIgnoreStory);
  EXPECT_TRUE(set.issues[4].code.empty());
}

TEST(InflectionTest, PluralsFollowEnglishRules) {
  struct {
    const char* word;
    const char* plural;
  } cases[] = {{"boss", "bosses"}, {"bus", "buses"},     {"party", "parties"},
               {"day", "days"},    {"church", "churches"}, {"troop", "troops"},
               {"box", "boxes"}};
  for (const auto& c : cases) EXPECT_EQ(dict_internal::PluralOf(c.word), c.plural) << c.word;
}

TEST(InflectionTest, VerbFormsIncludePetrarchAndCorrectedForms) {
  using V = std::vector<std::string>;
  EXPECT_EQ(dict_internal::VerbInflections("attack"), (V{"attacks", "attacked", "attacking"}));
  EXPECT_EQ(dict_internal::VerbInflections("seize"), (V{"seizes", "seized", "seizing"}));
  EXPECT_EQ(dict_internal::VerbInflections("try"), (V{"tries", "tryed", "trying", "tried"}));
  EXPECT_EQ(dict_internal::VerbInflections("stop"),
            (V{"stops", "stoped", "stoping", "stopped", "stopping"}));
  EXPECT_EQ(dict_internal::VerbInflections("punch"),
            (V{"punchs", "punched", "punching", "punches"}));
  EXPECT_EQ(dict_internal::VerbInflections("play"),
            (V{"plaies", "played", "playing", "plays"}));
  EXPECT_EQ(dict_internal::VerbInflections("die"), (V{"dies", "died", "dieing", "dying"}));
  // Two syllables: no doubling (VISIT -> visited, not visitted).
  EXPECT_EQ(dict_internal::VerbInflections("visit"), (V{"visits", "visited", "visiting"}));
}

TEST(DirectoryReaderTest, ManifestListsFilesAndKinds) {
  TempDir dir;
  dir.Write("parley.dict",
            "# Parley dictionary set manifest\n[dictionaries]\nverbs = v.txt\n"
            "actors = a1.txt, a2.txt\nframing = f.txt\n[claims]\nanything = goes\n");
  dir.Write("v.txt", "# syntax: tabari\n--- SEIZE [171] ---\nSEIZE\n- * SHIP [1711]\n");
  dir.Write("a1.txt", "VALDORIA_ [VLD]\n");
  dir.Write("a2.txt", "MARA_ [VLDGOV]\n");
  dir.Write("f.txt", "FREEDOM_FIGHTERS [---]\n");
  StatusOr<DictionarySet> set = ReadDictionaryDirectory(dir.path());
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_TRUE(set->diagnostics.empty()) << set->diagnostics[0].ToString();
  EXPECT_EQ(set->actors.size(), 3u);
  EXPECT_TRUE(set->actors[2].framing);
  EXPECT_EQ(set->verb_blocks.size(), 1u);
  EXPECT_EQ(set->files.size(), 5u);
}

TEST(DirectoryReaderTest, ManifestErrorsNameTheManifestLine) {
  TempDir dir;
  dir.Write("parley.dict", "[dictionaries]\nactors = missing.txt\nverbz = v.txt\n");
  StatusOr<DictionarySet> set = ReadDictionaryDirectory(dir.path());
  ASSERT_TRUE(set.ok());
  std::vector<std::string> d = testing_util::DiagStrings(*set);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_NE(d[0].find("parley.dict:3:1: error: unknown key: 'verbz'"), std::string::npos) << d[0];
  EXPECT_NE(d[1].find("parley.dict:2: error: dictionary file listed in the manifest cannot be "
                      "read"),
            std::string::npos)
      << d[1];
}

TEST(DirectoryReaderTest, WithoutManifestKindsComeFromNames) {
  TempDir dir;
  dir.Write("X.Countries.actors.txt", "VALDORIA_ [VLD]\n");
  dir.Write("X.agents.txt", "ENVOY [~GOV]\n");
  dir.Write("CAMEO.9.txt", "--- SEIZE [171] ---\nSEIZE\n");
  dir.Write("X.discards.txt", "BASEBALL\n");
  dir.Write("X.IssueCoding.txt", "piracy [MARITIME]\n");
  dir.Write("README.md", "not a dictionary\n");
  StatusOr<DictionarySet> set = ReadDictionaryDirectory(dir.path());
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->actors.size(), 1u);
  EXPECT_EQ(set->agents.size(), 1u);
  EXPECT_EQ(set->verb_blocks.size(), 1u);
  EXPECT_EQ(set->discards.size(), 1u);
  EXPECT_EQ(set->issues.size(), 1u);
}

TEST(DirectoryReaderTest, EmptyOrMissingDirectoryFails) {
  TempDir dir;
  EXPECT_EQ(ReadDictionaryDirectory(dir.path()).status().code(), StatusCode::kNotFound);
  EXPECT_EQ(ReadDictionaryDirectory(dir.path() + "/nope").status().code(),
            StatusCode::kNotFound);
}

TEST(DirectoryReaderTest, ValdoriaFixtureLoadsCleanly) {
  std::string dir = std::string(PARLEY_SOURCE_DIR) + "/testdata/dictionaries/valdoria";
  StatusOr<DictionarySet> set = ReadDictionaryDirectory(dir);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_TRUE(set->diagnostics.empty()) << set->diagnostics[0].ToString();
  EXPECT_EQ(set->files.size(), 9u);  // manifest + 8 files
  EXPECT_EQ(set->actors.size(), 10u);
  EXPECT_EQ(std::count_if(set->actors.begin(), set->actors.end(),
                          [](const ActorEntry& a) { return a.framing; }),
            2);
  EXPECT_EQ(set->verb_blocks.size(), 3u);
  EXPECT_EQ(set->verb_blocks[0].patterns.size(), 3u);
  ASSERT_EQ(set->verb_blocks[1].patterns.size(), 3u);  // the "<!--" line did not stop them
  EXPECT_EQ(set->verb_blocks[1].patterns[2].code, "0871");
  EXPECT_EQ(set->verb_blocks[2].patterns[0].syntax, VerbPattern::Syntax::kPetrarch2);
  EXPECT_EQ(set->transformations.size(), 1u);
  auto ilya = std::find_if(set->actors.begin(), set->actors.end(), [](const ActorEntry& a) {
    return a.phrases[0] == Phrase{"ilya", "dorn"};
  });
  ASSERT_NE(ilya, set->actors.end());
  EXPECT_EQ(ilya->CodeOn(D(2022, 1, 1))->code, "KSTGOV");
  EXPECT_EQ(ilya->CodeOn(D(2025, 1, 1))->code, "KSTELI");
}

TEST(SourceLocTest, RuleIdUsesTheBaseName) {
  SourceLoc loc{"/x/y/Parley.verbs.txt", 812, 3};
  EXPECT_EQ(loc.RuleId(), "Parley.verbs.txt:812");
}

}  // namespace
}  // namespace parley
