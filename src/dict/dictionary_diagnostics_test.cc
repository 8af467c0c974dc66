// Broken dictionary snippets -> the exact diagnostics they produce.
#include <gtest/gtest.h>

#include "dict/dictionary_test_util.h"
#include "parley/dictionary.h"

namespace parley {
namespace {

using testing_util::DiagStrings;
using testing_util::ReadSnippet;

struct DiagCase {
  const char* name;
  DictionaryKind kind;
  const char* snippet;
  std::vector<std::string> expected;
};

class DiagnosticsTest : public ::testing::TestWithParam<DiagCase> {};

TEST_P(DiagnosticsTest, ReportsFileLineColumnMessageTextAndFix) {
  const DiagCase& c = GetParam();
  DictionarySet set = ReadSnippet(c.kind, c.snippet, "t.txt");
  EXPECT_EQ(DiagStrings(set), c.expected);
}

const DiagCase kCases[] = {
    {"UnclosedBracketInActorCode", DictionaryKind::kActors, "VALDORIA_ [VLD\n",
     {"t.txt:1:11: error: unclosed bracket: '[VLD' (expected ']')"}},
    {"EmptyActorCode", DictionaryKind::kActors, "VALDORIA_ []\n",
     {"t.txt:1:11: error: code missing: '[]' (expected '[CODE]', '[CODE <YYMMDD]', "
      "'[CODE >YYMMDD]' or '[CODE YYMMDD-YYMMDD]')"}},
    {"UnparseableDate", DictionaryKind::kActors, "MARA_OKONJO_\n\t[VLDGOV 120615-19031]\n",
     {"t.txt:2:2: error: date not parseable: '19031' (expected YYMMDD or YYYYMMDD "
      "(YY <= 30 means 20YY))"}},
    {"ImpossibleCalendarDate", DictionaryKind::kActors, "MARA_OKONJO_\n\t[VLDGOV >120230]\n",
     {"t.txt:2:2: error: date not parseable: '120230' (expected YYMMDD or YYYYMMDD "
      "(YY <= 30 means 20YY))"}},
    {"BareSingleDateNeedsDirection", DictionaryKind::kActors, "MARA_OKONJO_\n\t[VLDGOV 950601]\n",
     {"t.txt:2:2: error: a single date needs '<' or '>': '950601' (expected '[CODE]', "
      "'[CODE <YYMMDD]', '[CODE >YYMMDD]' or '[CODE YYMMDD-YYMMDD]'; '[CODE 950601]' is "
      "ambiguous)"}},
    {"EmptyDateRange", DictionaryKind::kActors, "MARA_OKONJO_\n\t[VLDGOV 120615-120615]\n",
     {"t.txt:2:2: error: empty date range (the end date is exclusive): '120615-120615' "
      "(expected a start date before the end date)"}},
    {"SynonymBeforePrimary", DictionaryKind::kActors, "+VALDORIAN_\n",
     {"t.txt:1:1: error: synonym line before any primary line: '+VALDORIAN_' (expected a "
      "primary line 'PHRASE [CODE]' first)"}},
    {"SynonymWithCode", DictionaryKind::kActors, "VALDORIA_ [VLD]\n+VALDORIAN_ [VLD]\n",
     {"t.txt:2:13: error: a synonym line cannot carry a code: '[VLD]' (expected the code on "
      "the primary line or on a restriction line)"}},
    {"TextAfterActorCode", DictionaryKind::kActors, "VALDORIA_ [VLD] extra\n",
     {"t.txt:1:17: error: unexpected text after the code: 'extra' (expected only "
      "'[CODE ...]' groups after the phrase)"}},
    {"ActorWithoutCodeIsAWarning", DictionaryKind::kActors, "VALDORIA_\n",
     {"t.txt:1:1: warning: actor record without a code: 'valdoria' (expected 'PHRASE [CODE]' "
      "or a '[CODE]' restriction line)"}},
    {"UnterminatedBlockComment", DictionaryKind::kActors, "<!-- start\nVALDORIA_ [VLD]\n",
     {"t.txt:1: error: unterminated '<!--' comment: '<!--' (expected '-->' before the end "
      "of the file)"}},
    {"AgentWithoutCode", DictionaryKind::kAgents, "HARBOUR_MASTER\n",
     {"t.txt:1:1: error: code missing: 'HARBOUR_MASTER' (expected 'PHRASE [~CODE]')"}},
    {"AgentCodeWithoutTilde", DictionaryKind::kAgents, "HARBOUR_MASTER [GOV]\n",
     {"t.txt:1:16: error: agent code needs one '~': '[GOV]' (expected '[~CODE]' (appended) "
      "or '[CODE~]' (prepended))"}},
    {"AgentUnclosedBracket", DictionaryKind::kAgents, "DEPARTMENT_OF_ENVIRONMENT [~ENV}\n",
     {"t.txt:1:27: error: unclosed bracket: '[~ENV}' (expected ']')"}},
    {"AgentUnterminatedPluralBrace", DictionaryKind::kAgents, "FERRY {FERRIES [~BUS]\n",
     {"t.txt:1:7: error: unterminated '{': '{FERRIES ' (expected '{PLURAL}' or '{}')"}},
    {"AgentUndefinedMarker", DictionaryKind::kAgents, "CUSTOMS_!OFFICER! [~GOV]\n",
     {"t.txt:1:9: error: undefined substitution marker: '!OFFICER!' (expected a "
      "'!NAME! = ITEM, ...' line before its use)"}},
    {"PatternWithoutStar", DictionaryKind::kVerbs,
     "--- SEIZE [171] ---\nSEIZE\n- SHIP [1711]\n",
     {"t.txt:3:1: error: pattern without '*': '- SHIP [1711]' (expected '*' where the verb "
      "stands, e.g. '- * WORD [CODE]')"}},
    {"PatternWithoutCode", DictionaryKind::kVerbs, "--- SEIZE [171] ---\nSEIZE\n- * SHIP\n",
     {"t.txt:3:1: error: code missing: '- * SHIP' (expected '[CODE]' at the end of the "
      "pattern)"}},
    {"PatternBeforeAnyBlock", DictionaryKind::kVerbs, "- * SHIP [1711]\n",
     {"t.txt:1:1: error: pattern outside a verb block: '- * SHIP [1711]' (expected a "
      "'--- NAME [CODE] ---' line before it)"}},
    {"VerbLineBeforeAnyBlock", DictionaryKind::kVerbs, "SEIZE\n",
     {"t.txt:1:1: error: verb line outside a verb block: 'SEIZE' (expected a "
      "'--- NAME [CODE] ---' line before it)"}},
    {"UndefinedSynsetReportedAtPatternLine", DictionaryKind::kVerbs,
     "--- SEIZE [171] ---\nSEIZE\n- * &VESSEL [1711]\n",
     {"t.txt:3:5: error: undefined synset; pattern dropped: '&vessel' (expected an '&vessel' "
      "definition with '+' members in a verb file)"}},
    {"UnknownCameoCodeIsAWarning", DictionaryKind::kVerbs,
     "--- SEIZE [171] ---\nSEIZE\n- * SHIP [1719]\n",
     {"t.txt:3:10: warning: unknown CAMEO code: '1719' (expected a code of "
      "dictionaries/cameo/cameo_codes.tsv or '---')"}},
    {"UnterminatedNounPhrase", DictionaryKind::kVerbs,
     "# syntax: petrarch2\n--- SEIZE [171] ---\nSEIZE\n- * {FISHING BOAT [1711]\n",
     {"t.txt:4:5: error: unterminated '{': '{FISHING BOAT ' (expected '}')"}},
    {"UnmatchedParenthesis", DictionaryKind::kVerbs,
     "# syntax: petrarch2\n--- SEIZE [171] ---\nSEIZE\n- * CARGO PORT) [1711]\n",
     {"t.txt:4:15: error: unmatched ')': ')' (expected '(' before it)"}},
    {"BlockHeaderWithoutCode", DictionaryKind::kVerbs, "--- SEIZE ---\n",
     {"t.txt:1:1: error: block header without code: '--- SEIZE ---' (expected "
      "'--- NAME [CODE] ---')"}},
    {"MalformedTransformation", DictionaryKind::kVerbs, "~ a (a b ATTACK) SAY\n",
     {"t.txt:1:1: error: malformed transformation: '~ a (a b ATTACK) SAY' (expected "
      "'~ a (a b VERB2) VERB1 = a b CODE')"}},
    {"IssueWithoutCode", DictionaryKind::kIssues, "european central bank\n",
     {"t.txt:1:1: error: code missing: 'european central bank' (expected 'phrase [CODE]', "
      "'~phrase' or '~~phrase')"}},
    {"EmptyDiscardPhrase", DictionaryKind::kDiscards, "+\n",
     {"t.txt:1:1: error: empty phrase: '+' (expected 'PHRASE' or '+PHRASE')"}},
};

INSTANTIATE_TEST_SUITE_P(Snippets, DiagnosticsTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<DiagCase>& info) {
                           return std::string(info.param.name);
                         });

TEST(DiagnosticsTest, ReadingContinuesAfterErrorsAndCollectsAll) {
  DictionarySet set = ReadSnippet(DictionaryKind::kActors,
                                  "A_ [AAA\nB_ [BBB]\nC_ []\nD_ [DDD]\n", "t.txt");
  EXPECT_EQ(set.diagnostics.size(), 2u);
  ASSERT_EQ(set.actors.size(), 4u);
  EXPECT_EQ(set.actors[1].codes[0].code, "BBB");
  EXPECT_EQ(set.actors[3].codes[0].code, "DDD");
  EXPECT_TRUE(set.has_errors());
}

TEST(DiagnosticsTest, LegacyFilesReportEntryDefectsAsWarnings) {
  DictionarySet set = ReadSnippet(DictionaryKind::kActors, "MARA_\n\t[VLDGOV 950601]\n",
                                  "t.txt", ReadOptions::Strictness::kLegacy);
  ASSERT_EQ(set.diagnostics.size(), 1u);
  EXPECT_EQ(set.diagnostics[0].severity, Diagnostic::Severity::kWarning);
  EXPECT_FALSE(set.has_errors());
}

TEST(DiagnosticsTest, LegacyFilesKeepStructuralErrors) {
  DictionarySet set = ReadSnippet(DictionaryKind::kVerbs, "--- SEIZE [171] ---\n- SHIP [171]\n",
                                  "t.txt", ReadOptions::Strictness::kLegacy);
  EXPECT_TRUE(set.has_errors());
}

TEST(DiagnosticsTest, AutoStrictnessIsStrictForFilesWithParleyHeader) {
  testing_util::TempDir dir;
  DictionarySet legacy, strict;
  ASSERT_TRUE(ReadDictionaryFile(dir.Write("a.txt", "X_ []\n"), DictionaryKind::kActors, &legacy)
                  .ok());
  ASSERT_TRUE(ReadDictionaryFile(dir.Write("b.txt", "# Parley actors\nX_ []\n"),
                                 DictionaryKind::kActors, &strict)
                  .ok());
  EXPECT_FALSE(legacy.has_errors());
  EXPECT_TRUE(strict.has_errors());
}

TEST(DiagnosticsTest, MissingFileIsNotFound) {
  DictionarySet set;
  Status s = ReadDictionaryFile("/nonexistent/x.actors.txt", DictionaryKind::kActors, &set);
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
}

TEST(DiagnosticsTest, ToStringOmitsEmptyParts) {
  Diagnostic d;
  d.loc.file = "f.txt";
  d.loc.line = 3;
  d.message = "something";
  EXPECT_EQ(d.ToString(), "f.txt:3: error: something");
  d.severity = Diagnostic::Severity::kWarning;
  d.loc.column = 7;
  d.text = "x";
  EXPECT_EQ(d.ToString(), "f.txt:3:7: warning: something: 'x'");
}

}  // namespace
}  // namespace parley
