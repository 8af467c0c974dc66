// CompiledDictionary: differential test of the trie against the brute-force
// ReferenceMatcher, dated actor resolution, Lookup, errors.
#include "dict/compiled_dictionary.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <random>

#include "dict/compiled_tables.h"
#include "dict/reference_matcher.h"

namespace parley {
namespace {

std::shared_ptr<const TextAnalyzer> Analyzer() {
  static auto* an = new std::shared_ptr<const TextAnalyzer>(
      *TextAnalyzer::Create("/usr/share/wordnet"));
  return *an;
}

const CompiledDictionaryImpl& Impl(const std::shared_ptr<const CompiledDictionary>& d) {
  return dynamic_cast<const CompiledDictionaryImpl&>(*d);
}

DictionarySet RandomSet(std::mt19937* rng, const std::vector<std::string>& vocab) {
  DictionarySet set;
  auto phrase = [&] {
    Phrase p;
    size_t n = 1 + (*rng)() % 4;
    for (size_t i = 0; i < n; ++i) p.push_back(vocab[(*rng)() % vocab.size()]);
    return p;
  };
  for (int i = 0; i < 300; ++i) {
    ActorEntry a;
    a.phrases = {phrase(), phrase()};
    a.codes = {{"A" + std::to_string(i), {}, {}}};
    set.actors.push_back(a);
  }
  for (int i = 0; i < 100; ++i) {
    AgentEntry a;
    a.forms = {phrase()};
    a.code = "G";
    set.agents.push_back(std::move(a));
  }
  VerbBlock b;
  b.name = "B";
  b.code = "010";
  for (int i = 0; i < 100; ++i) b.verbs.push_back({"v", {{phrase(), 0}}, "", {}});
  set.verb_blocks.push_back(b);
  for (int i = 0; i < 30; ++i) set.discards.push_back({phrase(), false, {}});
  return set;
}

void Differential(const DictionarySet& set, const std::vector<std::string>& vocab,
                  std::mt19937* rng, int sequences) {
  auto dict = CompiledDictionary::Compile(set, *Analyzer());
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  const CompiledDictionaryImpl& d = Impl(*dict);
  ReferenceMatcher ref(set);
  for (int s = 0; s < sequences; ++s) {
    std::vector<std::string> words;
    std::vector<uint32_t> ids;
    for (int i = 0; i < 30; ++i) {
      std::string w = (*rng)() % 10 == 0 ? "noise" + std::to_string((*rng)() % 5)
                                         : vocab[(*rng)() % vocab.size()];
      ids.push_back(d.words.Find(w));
      words.push_back(std::move(w));
    }
    for (size_t pos = 0; pos < words.size(); ++pos) {
      MatchLengths a = d.LongestAt(ids, pos), b = ref.LongestAt(words, pos);
      ASSERT_EQ(b.actor, a.actor) << "sequence " << s << " pos " << pos;
      ASSERT_EQ(b.agent, a.agent);
      ASSERT_EQ(b.verb, a.verb);
      ASSERT_EQ(b.discard, a.discard);
    }
  }
}

TEST(CompiledDictionaryTest, TrieAgreesWithBruteForceOnRandomDictionaries) {
  std::mt19937 rng(42);
  std::vector<std::string> vocab;
  for (int i = 0; i < 25; ++i) vocab.push_back("w" + std::to_string(i));
  for (int round = 0; round < 5; ++round) {
    DictionarySet set = RandomSet(&rng, vocab);
    Differential(set, vocab, &rng, 200);
  }
}

TEST(CompiledDictionaryTest, TrieAgreesWithBruteForceOnPhoenix) {
  std::string dir = std::string(PARLEY_SOURCE_DIR) + "/../shared/dictionaries/phoenix";
  if (const char* env = std::getenv("PARLEY_SHARED")) dir = std::string(env) + "/dictionaries/phoenix";
  if (!std::ifstream(dir + "/Phoenix.agents.txt")) GTEST_SKIP() << "no " << dir;
  auto set = ReadDictionaryDirectory(dir);
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  std::vector<std::string> vocab;
  for (size_t i = 0; i < set->actors.size(); i += 7) {
    for (const std::string& w : set->actors[i].phrases[0]) vocab.push_back(w);
  }
  for (const AgentEntry& a : set->agents) vocab.push_back(a.forms[0][0]);
  std::mt19937 rng(7);
  Differential(*set, vocab, &rng, 100);
}

TEST(CompiledDictionaryTest, DatedCodesWinOverTheUndatedDefault) {
  DictionarySet set;
  ActorEntry a;
  a.phrases = {{"sam", "gamgee"}};
  a.codes = {{"HOB", {}, {}},
             {"ORCHOB", Date::FromYmd(2010, 1, 9), Date::FromYmd(2010, 1, 12)},
             {"HOBMIL", Date::FromYmd(2008, 1, 20), Date::FromYmd(2012, 11, 9)}};
  a.name = "Sam Gamgee";
  a.loc = {"t.txt", 3, 0};
  set.actors.push_back(a);
  auto dict = CompiledDictionary::Compile(set, *Analyzer());
  ASSERT_TRUE(dict.ok());
  auto code = [&](Date d) { return (*dict)->Lookup("Sam Gamgee", d).at(0).code; };
  EXPECT_EQ("HOB", code(Date::FromYmd(1995, 1, 1)));
  EXPECT_EQ("ORCHOB", code(Date::FromYmd(2010, 1, 9)));
  EXPECT_EQ("ORCHOB", code(Date::FromYmd(2010, 1, 12)));  // range end included
  EXPECT_EQ("HOBMIL", code(Date::FromYmd(2010, 1, 13)));
  auto r = (*dict)->Lookup("sam_gamgee", Date::FromYmd(2010, 1, 13));
  EXPECT_EQ("t.txt:3", r.at(0).rule);
  EXPECT_NE(std::string::npos, r.at(0).explanation.find("<- applied"));
}

TEST(CompiledDictionaryTest, SlashCodesAndUnknownPhrases) {
  DictionarySet set;
  ActorEntry a;
  a.phrases = {{"the", "shire"}};
  a.codes = {{"FRO/BIL/SAM", {}, {}}};
  set.actors.push_back(a);
  auto dict = CompiledDictionary::Compile(set, *Analyzer());
  ASSERT_TRUE(dict.ok());
  EXPECT_EQ("FRO/BIL/SAM", (*dict)->Lookup("The Shire", std::nullopt).at(0).code);
  EXPECT_TRUE((*dict)->Lookup("the shire folk", std::nullopt).empty());
  EXPECT_EQ(1u, (*dict)->num_actor_phrases());
}

TEST(CompiledDictionaryTest, MaxEntriesIsEnforced) {
  DictionarySet set;
  for (int i = 0; i < 10; ++i) {
    AgentEntry a;
    a.forms = {{"w" + std::to_string(i)}};
    a.code = "G";
    set.agents.push_back(std::move(a));
  }
  CompileOptions o;
  o.max_entries = 5;
  auto dict = CompiledDictionary::Compile(set, *Analyzer(), o);
  ASSERT_FALSE(dict.ok());
  EXPECT_EQ(StatusCode::kResourceExhausted, dict.status().code());
}

TEST(CompiledDictionaryTest, EventCodesAreDigitsWithAnOptionalLetter) {
  EXPECT_TRUE(IsEventCode("195"));
  EXPECT_TRUE(IsEventCode("0874"));
  EXPECT_TRUE(IsEventCode("174K"));
  EXPECT_FALSE(IsEventCode("---"));
  EXPECT_FALSE(IsEventCode("+++"));
  EXPECT_FALSE(IsEventCode("025?"));
  EXPECT_FALSE(IsEventCode(""));
}

}  // namespace
}  // namespace parley
