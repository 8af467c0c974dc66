// Verb file reader: blocks, verb forms, synsets, both pattern syntaxes and
// transformations.
#include <gtest/gtest.h>

#include <algorithm>

#include "dict/dictionary_test_util.h"
#include "parley/dictionary.h"

namespace parley {
namespace {

using testing_util::ReadSnippet;
using Kind = PatternElement::Kind;

// Compact rendering of a pattern for table tests:
//   word "w", noun phrase "{a b}", prep "(p obj...)", synset "&s", "$" "+" "%"
//   "^"; adjacency as "_" on the side towards the verb.
std::string Render(const PatternElement& e);
std::string RenderList(const std::vector<PatternElement>& v, bool pre) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out += " ";
    if (!pre && v[i].adjacent) out += "_";
    out += Render(v[i]);
    if (pre && v[i].adjacent) out += "_";
  }
  return out;
}
std::string Render(const PatternElement& e) {
  std::string words;
  for (size_t i = 0; i < e.words.size(); ++i) words += (i ? " " : "") + e.words[i];
  switch (e.kind) {
    case Kind::kWord: return words;
    case Kind::kNounPhrase: return "{" + words + "}";
    case Kind::kPrep: {
      std::string obj = RenderList(e.object, false);
      return "(" + words + (obj.empty() ? "" : " " + obj) + ")";
    }
    case Kind::kSynset: return "&" + words;
    case Kind::kSource: return "$";
    case Kind::kTarget: return "+";
    case Kind::kSkip: return "^";
    case Kind::kCompound: return "%";
  }
  return "?";
}
std::string Render(const VerbPattern& p) {
  std::string out = RenderList(p.pre, true);
  out += out.empty() ? "*" : " *";
  std::string post = RenderList(p.post, false);
  if (!post.empty()) out += " " + post;
  out += " [" + p.code + (p.passive_code.empty() ? "" : ":" + p.passive_code) + "]";
  return out;
}

struct PatternCase {
  const char* syntax;
  const char* line;
  const char* rendered;
};

class PatternTest : public ::testing::TestWithParam<PatternCase> {};

TEST_P(PatternTest, ParsesToElements) {
  const PatternCase& c = GetParam();
  std::string file = std::string("# syntax: ") + c.syntax +
                     "\n&VESSEL\n+SHIP\n+PATROL_BOAT\n\n--- SEIZE [171] ---\nSEIZE\n" + c.line +
                     "\n";
  DictionarySet set = ReadSnippet(DictionaryKind::kVerbs, file);
  EXPECT_TRUE(set.diagnostics.empty()) << testing_util::DiagStrings(set)[0];
  ASSERT_EQ(set.verb_blocks.size(), 1u);
  ASSERT_EQ(set.verb_blocks[0].patterns.size(), 1u);
  EXPECT_EQ(Render(set.verb_blocks[0].patterns[0]), c.rendered);
}

INSTANTIATE_TEST_SUITE_P(
    Both, PatternTest,
    ::testing::Values(
        PatternCase{"petrarch2", "- * &VESSEL  [1711]   # seized a ship", "* &vessel [1711]"},
        PatternCase{"petrarch2", "- * {FISHING BOAT} (OFF COAST) [1711]",
                    "* {fishing boat} (off coast) [1711]"},
        PatternCase{"petrarch2", "- {COAST GUARD} * (FROM ^) [1711]",
                    "{coast guard} * (from ^) [1711]"},
        PatternCase{"petrarch2", "- * CARGO (AT PORT) [:172]", "* cargo (at port) [:172]"},
        PatternCase{"petrarch2", "- * (FOR {FINANCIAL AID}) [042:043]",
                    "* (for {financial aid}) [042:043]"},
        PatternCase{"petrarch2", "- * TROOP (INTO +) [192]", "* troop (into +) [192]"},
        PatternCase{"petrarch2", "- * COAST_GUARD [1711]", "* {coast guard} [1711]"},
        PatternCase{"petrarch2", "- * (OVER {&VESSEL ATTACK}) [151]",
                    "* (over {&vessel attack}) [151]"},
        PatternCase{"tabari", "- * INVITATION TO + [036]", "* invitation to + [036]"},
        PatternCase{"tabari", "- * % MUTUAL_DEFENSE_PACT [057]",
                    "* % mutual _defense _pact [057]"},
        PatternCase{"tabari", "- WILL_* CREDIT_LINE TO + [061]",
                    "will_ * credit _line to + [061]"},
        PatternCase{"tabari", "- IN_*  [075]", "in_ * [075]"},
        PatternCase{"tabari", "- IN_ *  [075]", "in * [075]"},
        PatternCase{"tabari", "- *_OUT [074]", "* _out [074]"},
        PatternCase{"tabari", "- SO IN_AND_*_OUT_AGAIN NOW [074]",
                    "so in_ and_ * _out _again now [074]"},
        PatternCase{"tabari", "- + KNOWN_ * IN_ $  [075]", "+ known * in $ [075]"},
        PatternCase{"tabari", "- * NEW_&VESSEL_RELATIONS [057]",
                    "* new _&vessel _relations [057]"},
        PatternCase{"tabari", "- $ NOT * ^ TO_ +  [124]", "$ not * ^ to + [124]"},
        PatternCase{"tabari", "- * DIPLXMATIC  [---]", "* diplxmatic [---]"}));

TEST(VerbReaderTest, SyntaxIsPetrarch2WhenTheFileHasThePatternHeader) {
  DictionarySet set = ReadSnippet(DictionaryKind::kVerbs,
                                  "####### VERB PATTERNS #######\n--- X [010] ---\nSAY\n"
                                  "- * {A B} [010]\n");
  ASSERT_EQ(set.verb_blocks[0].patterns.size(), 1u);
  EXPECT_EQ(set.verb_blocks[0].patterns[0].syntax, VerbPattern::Syntax::kPetrarch2);
  DictionarySet tabari = ReadSnippet(DictionaryKind::kVerbs, "--- X [010] ---\nSAY\n- * A [010]\n");
  EXPECT_EQ(tabari.verb_blocks[0].patterns[0].syntax, VerbPattern::Syntax::kTabari);
}

TEST(VerbReaderTest, CommentLinesDoNotTurnOffLaterPatterns) {
  DictionarySet set = ReadSnippet(DictionaryKind::kVerbs,
                                  "--- SEIZE [171] ---\nSEIZE\n<!-- note -->\n- * SHIP [1711]\n");
  EXPECT_EQ(set.verb_blocks[0].patterns.size(), 1u);
}

TEST(VerbReaderTest, BlocksVerbsAndForms) {
  DictionarySet set = ReadSnippet(
      DictionaryKind::kVerbs,
      "---  SEIZE_VESSEL   [---]  ---\nSEIZE\nBREAK { BROKE BROKEN  }\nHALT {}\n"
      "+HOLD_UP {+HOLDS_UP +HELD_UP +HOLDING_UP} [172]\nWIRE_+TAP\nLASH OUT\nTRY  # c\n"
      "--- TROUBLED  [---] # NOUN ---\n");
  ASSERT_EQ(set.verb_blocks.size(), 2u);
  const VerbBlock& b = set.verb_blocks[0];
  EXPECT_EQ(b.name, "SEIZE_VESSEL");
  EXPECT_EQ(b.code, "---");
  EXPECT_EQ(set.verb_blocks[1].name, "TROUBLED");
  ASSERT_EQ(b.verbs.size(), 7u);
  EXPECT_EQ(b.verbs[0].base, "seize");
  EXPECT_EQ(b.verbs[0].forms.size(), 4u);
  ASSERT_EQ(b.verbs[1].forms.size(), 3u);
  EXPECT_EQ(b.verbs[1].forms[2].words, (Phrase{"broken"}));
  EXPECT_EQ(b.verbs[2].forms.size(), 1u);
  const VerbEntry& hold = b.verbs[3];
  EXPECT_EQ(hold.base, "hold up");
  EXPECT_EQ(hold.code, "172");
  ASSERT_EQ(hold.forms.size(), 4u);
  EXPECT_EQ(hold.forms[2].words, (Phrase{"held", "up"}));
  EXPECT_EQ(hold.forms[2].verb_index, 0u);
  const VerbEntry& tap = b.verbs[4];
  EXPECT_EQ(tap.forms[0].words, (Phrase{"wire", "tap"}));
  EXPECT_EQ(tap.forms[0].verb_index, 1u);
  auto has = [&](const VerbEntry& v, const Phrase& p) {
    return std::any_of(v.forms.begin(), v.forms.end(),
                       [&](const VerbForm& f) { return f.words == p; });
  };
  EXPECT_TRUE(has(tap, {"wire", "tapped"}));
  EXPECT_EQ(b.verbs[5].base, "lash out");
  EXPECT_TRUE(has(b.verbs[5], {"lashed", "out"}));
  EXPECT_TRUE(has(b.verbs[6], {"tried"}));
  EXPECT_TRUE(has(b.verbs[6], {"tries"}));
}

TEST(VerbReaderTest, SynsetsMembersPluralsAndNesting) {
  DictionarySet set = ReadSnippet(DictionaryKind::kVerbs,
                                  "&VESSEL   # boats\n+SHIP\n+BUS\n+PATROL_BOAT\n+TANKER_\n"
                                  "+WEAPON_OF_MASS_DESTRUCTION_\n&AUX_\n+WILL\n&ALL\n+&VESSEL\n"
                                  "+CAR\n");
  ASSERT_EQ(set.synsets.size(), 3u);
  const Synset& v = set.synsets[0];
  EXPECT_EQ(v.label, "vessel");
  EXPECT_EQ(v.members, (std::vector<Phrase>{{"ship"},
                                            {"ships"},
                                            {"bus"},
                                            {"buses"},
                                            {"patrol", "boat"},
                                            {"tanker"},
                                            {"weapon", "of", "mass", "destruction"}}));
  EXPECT_EQ(set.synsets[1].label, "aux");
  EXPECT_EQ(set.synsets[1].members, (std::vector<Phrase>{{"will"}}));
  EXPECT_EQ(set.synsets[2].members.size(), 9u);  // car, cars + the 7 of VESSEL
  EXPECT_TRUE(set.diagnostics.empty());
}

TEST(VerbReaderTest, SynsetMayBeDefinedAfterItsUseAndWithTrailingUnderscore) {
  DictionarySet set = ReadSnippet(DictionaryKind::kVerbs,
                                  "--- X [010] ---\nSAY\n- &AUX_ * [010]\n&AUX_\n+WILL\n");
  EXPECT_TRUE(set.diagnostics.empty());
  ASSERT_EQ(set.verb_blocks[0].patterns.size(), 1u);
  EXPECT_EQ(set.verb_blocks[0].patterns[0].pre[0].words[0], "aux");
}

TEST(VerbReaderTest, TransformationsAreKeptAsWritten) {
  DictionarySet set =
      ReadSnippet(DictionaryKind::kVerbs, "~ a (a b ATTACK) SAY = a b 015   # claim\n");
  ASSERT_EQ(set.transformations.size(), 1u);
  EXPECT_EQ(set.transformations[0].lhs, "a (a b ATTACK) SAY");
  EXPECT_EQ(set.transformations[0].rhs, "a b 015");
}

TEST(VerbReaderTest, TabariDiscardCodeIsNotAComment) {
  DictionarySet set = ReadSnippet(DictionaryKind::kVerbs,
                                  "--- X [010] ---\nSAY\n- * DIPLXMATIC  [###]  # c\n");
  ASSERT_EQ(set.verb_blocks[0].patterns.size(), 1u);
  EXPECT_EQ(set.verb_blocks[0].patterns[0].code, "###");
  ASSERT_EQ(set.diagnostics.size(), 1u);
  EXPECT_EQ(set.diagnostics[0].severity, Diagnostic::Severity::kWarning);
}

TEST(VerbReaderTest, PatternKeepsSourceLocationAndText) {
  DictionarySet set = ReadSnippet(DictionaryKind::kVerbs,
                                  "--- X [010] ---\nSAY\n  - * A [010]  # note\n", "v.txt");
  const VerbPattern& p = set.verb_blocks[0].patterns[0];
  EXPECT_EQ(p.loc.line, 3u);
  EXPECT_EQ(p.loc.column, 3u);
  EXPECT_EQ(p.text, "- * A [010]");
}

}  // namespace
}  // namespace parley
