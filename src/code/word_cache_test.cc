// WordCache agrees with WordTable::Find + WordClasses::Of for every word,
// on misses, hits, evictions and a change of dictionary.
#include "code/word_cache.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "parley/dictionary.h"
#include "parley/text.h"

namespace parley {
namespace {

std::shared_ptr<const CompiledDictionary> Compile(const std::vector<std::string>& names) {
  static auto* analyzer = new std::shared_ptr<const TextAnalyzer>(
      *TextAnalyzer::Create("/usr/share/wordnet"));
  DictionarySet set;
  for (size_t i = 0; i < names.size(); ++i) {
    ActorEntry e;
    Phrase p;
    size_t start = 0;
    while (start <= names[i].size()) {
      size_t sp = names[i].find(' ', start);
      if (sp == std::string::npos) sp = names[i].size();
      p.push_back(names[i].substr(start, sp - start));
      start = sp + 1;
    }
    e.phrases.push_back(p);
    e.codes.push_back({"GON", std::nullopt, std::nullopt});
    e.name = names[i];
    e.loc = {"test.actors.txt", static_cast<uint32_t>(i + 1), 0};
    set.actors.push_back(std::move(e));
  }
  auto dict = CompiledDictionary::Compile(set, **analyzer);
  EXPECT_TRUE(dict.ok()) << dict.status().ToString();
  return *dict;
}

const std::vector<std::string> kNames = {
    "gondor", "minas tirith", "u.s.", "a", "ab", "abc", "abcd", "abcdefg", "abcdefgh",
    "abcdefghijklmnop",      // 16 bytes: the longest cached word
    "abcdefghijklmnopq",     // 17 bytes: bypasses the cache
    "ministry of defence", "the"};

// Words with the same length and shared prefixes / suffixes, closed-class
// words, unknown words, empty and long strings.
const std::vector<std::string> kProbes = {
    "gondor", "gondoR", "rondog", "minas", "tirith", "u.s.", "u.s", "a", "b", "ab", "ba", "abc",
    "acb", "cba", "abcd", "abce", "abcde", "abcdefg", "abcdefh", "abcdefgh", "abcdefgi",
    "bbcdefgh", "abcdefghijklmnop", "abcdefghijklmnoq", "bbcdefghijklmnop",
    "abcdefghijklmnopq", "abcdefghijklmnopr", "ministry", "of", "defence", "the", "and", "said",
    "would", ",", ".", "", "x", std::string("a\0b", 3), std::string("\0\0\0", 3)};

void ExpectAgrees(WordCache* cache, const CompiledDictionaryImpl& d, const WordClasses& wc,
                  const std::string& w) {
  uint32_t cls = 12345;
  uint32_t id = cache->Find(d, wc, w, &cls);
  EXPECT_EQ(id, d.words.Find(w)) << "'" << w << "'";
  EXPECT_EQ(cls, wc.Of(w)) << "'" << w << "'";
}

TEST(WordCacheTest, AgreesWithWordTableOnMissesAndHits) {
  auto dict = Compile(kNames);
  const auto& d = dynamic_cast<const CompiledDictionaryImpl&>(*dict);
  WordClasses wc;
  WordCache cache;
  for (int round = 0; round < 3; ++round) {
    for (const std::string& w : kProbes) ExpectAgrees(&cache, d, wc, w);
  }
  EXPECT_NE(d.words.Find("gondor"), kNoWord);
  EXPECT_EQ(d.words.Find("rondog"), kNoWord);
}

TEST(WordCacheTest, TinyCacheEvictsWithoutWrongAnswers) {
  auto dict = Compile(kNames);
  const auto& d = dynamic_cast<const CompiledDictionaryImpl&>(*dict);
  WordClasses wc;
  WordCache cache(2);
  for (int round = 0; round < 3; ++round) {
    for (const std::string& w : kProbes) ExpectAgrees(&cache, d, wc, w);
    for (size_t k = kProbes.size(); k-- > 0;) ExpectAgrees(&cache, d, wc, kProbes[k]);
  }
}

TEST(WordCacheTest, AnotherDictionaryClearsTheCache) {
  auto first = Compile(kNames);
  auto second = Compile({"rohan", "gondor of old"});
  const auto& d1 = dynamic_cast<const CompiledDictionaryImpl&>(*first);
  const auto& d2 = dynamic_cast<const CompiledDictionaryImpl&>(*second);
  WordClasses wc;
  WordCache cache;
  for (int round = 0; round < 2; ++round) {
    for (const std::string& w : kProbes) ExpectAgrees(&cache, d1, wc, w);
    ExpectAgrees(&cache, d2, wc, "rohan");
    for (const std::string& w : kProbes) ExpectAgrees(&cache, d2, wc, w);
  }
}

TEST(WordCacheTest, PackIdentifiesEveryShortWord) {
  // Distinct words of equal length pack differently (the length is part of
  // the key, so only equal lengths need distinct packs).
  const std::vector<std::string> words = {"a", "b", "ab", "ba", "aa", "abc", "abd", "bbc",
                                          "abcd", "abce", "abcdx", "abcdy", "xbcdy",
                                          "abcdefgh", "abcdefgx", "xbcdefgh", "abcdefghi",
                                          "abcdxfghi", "abcdefghijklmnop", "abcdefghxjklmnop"};
  for (size_t i = 0; i < words.size(); ++i) {
    for (size_t j = 0; j < words.size(); ++j) {
      if (i == j || words[i].size() != words[j].size()) continue;
      uint64_t a1, b1, a2, b2;
      WordCache::Pack(words[i], &a1, &b1);
      WordCache::Pack(words[j], &a2, &b2);
      EXPECT_FALSE(a1 == a2 && b1 == b2) << words[i] << " vs " << words[j];
    }
  }
}

}  // namespace
}  // namespace parley
