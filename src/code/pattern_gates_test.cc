// PatternGates: which patterns of a verb block are tried for a sentence.
// A small dictionary written here; sentences given as word ids directly.
#include "code/pattern_gates.h"

#include <gtest/gtest.h>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "parley/text.h"

namespace parley::coder_internal {
namespace {

Phrase Words(const std::string& s) {
  Phrase p;
  std::istringstream in(s);
  for (std::string w; in >> w;) p.push_back(w);
  return p;
}

PatternElement Elem(const std::string& w) {
  PatternElement e;
  if (w == "+") e.kind = PatternElement::Kind::kTarget;
  else e.words = {w};
  return e;
}

void AddPattern(VerbBlock* b, const std::string& post, const std::string& code) {
  VerbPattern p;
  for (const std::string& w : Words(post)) p.post.push_back(Elem(w));
  p.code = code;
  p.loc = {"test.verbs.txt", static_cast<uint32_t>(b->patterns.size() + 1), 0};
  b->patterns.push_back(std::move(p));
}

DictionarySet GateDictionary() {
  DictionarySet set;
  set.synsets.push_back({"weapon", {Words("missile"), Words("cruise missile")}, {}});
  VerbBlock b;
  b.name = "FIRE";
  b.code = "190";
  VerbEntry v;
  v.base = "fire";
  v.forms.push_back({Words("fired"), 0});
  b.verbs.push_back(v);
  AddPattern(&b, "rockets at +", "194");  // key: rockets (rare word)
  AddPattern(&b, "at +", "193");          // key: at (closed class, bloom)
  AddPattern(&b, "&weapon at +", "195");  // key: the synset
  AddPattern(&b, "+", "190");             // no key: always
  AddPattern(&b, "shots", "+++");         // not an event code: never tried
  set.verb_blocks.push_back(std::move(b));
  return set;
}

class PatternGatesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto an = TextAnalyzer::Create("/usr/share/wordnet");
    ASSERT_TRUE(an.ok()) << an.status().ToString();
    auto dict = CompiledDictionary::Compile(GateDictionary(), **an);
    ASSERT_TRUE(dict.ok()) << dict.status().ToString();
    dict_ = new std::shared_ptr<const CompiledDictionary>(*dict);
  }
  static void TearDownTestSuite() { delete dict_; }

  // Codes of the candidate patterns for `sentence`, in the order tried.
  static std::string Candidates(const std::string& sentence) {
    const auto& d = dynamic_cast<const CompiledDictionaryImpl&>(**dict_);
    WordClasses classes;
    PatternGates gates(d, classes);
    Scratch s;
    for (const std::string& w : Words(sentence)) {
      TokInfo t;
      t.word = t.lemma = d.words.Find(w);
      if (t.word != kNoWord) s.BloomAdd(t.word);
      s.toks.push_back(t);
    }
    SentenceCtx c;
    c.dict = &d;
    c.s = &s;
    c.end = static_cast<uint32_t>(s.toks.size());
    std::vector<uint32_t> out;
    gates.Candidates(c, 0, &out);
    std::string codes;
    for (uint32_t pi : out) codes += (codes.empty() ? "" : " ") + d.patterns[pi].code;
    return codes;
  }

  static std::shared_ptr<const CompiledDictionary>* dict_;
};
std::shared_ptr<const CompiledDictionary>* PatternGatesTest::dict_ = nullptr;

TEST_F(PatternGatesTest, OnlyPatternsWhoseKeyIsInTheSentenceAreTried) {
  struct Case {
    std::string sentence, codes;
  } cases[] = {
      {"hamas fired rockets at israel", "194 193 190"},
      {"hamas fired at israel", "193 190"},
      {"hamas fired a missile at israel", "195 193 190"},
      {"hamas fired a cruise missile at israel", "195 193 190"},
      {"hamas fired rockets and a missile at israel", "194 195 193 190"},
      {"hamas fired shots", "190"},
      {"hamas fired", "190"},
  };
  for (const Case& k : cases) EXPECT_EQ(Candidates(k.sentence), k.codes) << k.sentence;
}

TEST_F(PatternGatesTest, RepeatedKeyWordsGiveEachPatternOnce) {
  EXPECT_EQ(Candidates("rockets fired rockets at rockets at israel"), "194 193 190");
}

}  // namespace
}  // namespace parley::coder_internal
