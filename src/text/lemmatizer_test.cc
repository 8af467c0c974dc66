#include "text/lemmatizer.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "text/text_test_util.h"

namespace parley {
namespace {

using testing_util::Analyzer;

TEST(LemmatizerTest, TableOfLemmas) {
  const std::pair<const char*, const char*> cases[] = {
      {"said", "say"},          {"struck", "strike"},   {"killed", "kill"},
      {"fled", "flee"},         {"children", "child"},  {"talks", "talk"},
      {"women", "woman"},       {"was", "be"},          {"is", "be"},
      {"has", "have"},          {"left", "leave"},      {"met", "meet"},
      {"held", "hold"},         {"officials", "official"}, {"hostages", "hostage"},
      {"operations", "operation"}, {"larger", "large"}, {"bombing", "bomb"},
      {"negotiations", "negotiation"}, {"announced", "announce"},
      {"denouncing", "denounce"}, {"us", "us"},         {"news", "news"},
      {"hamas", "hamas"},       {"evening", "evening"}, {"gaza", "gaza"},
      {"the", "the"},           {"gas", "gas"},         {"media", "media"},
  };
  for (const auto& [form, lemma] : cases) {
    EXPECT_EQ(lemma, Analyzer().Lemma(form)) << form;
  }
}

TEST(LemmatizerTest, AnalyzeFillsLemmasForWordsOnly) {
  auto a = testing_util::AnalyzeString("Israeli jets struck 40 targets.");
  const auto& t = a->text.tokens;
  ASSERT_EQ(6u, t.size());
  EXPECT_EQ("israeli", t[0].lemma);
  EXPECT_EQ("jet", t[1].lemma);
  EXPECT_EQ("strike", t[2].lemma);
  EXPECT_EQ("40", t[3].lemma);
  EXPECT_EQ("target", t[4].lemma);
  EXPECT_EQ(".", t[5].lemma);
}

TEST(LemmatizerTest, HashWordsEqualsHashBytesForEveryShortLength) {
  const std::string word = "abcdefghijklmnopq";
  for (size_t n = 1; n <= 16; ++n) {
    uint64_t w[2] = {0, 0};
    std::memcpy(w, word.data(), n);
    EXPECT_EQ(text_internal::HashBytes(std::string_view(word).substr(0, n)),
              text_internal::HashWords(w[0], w[1], n))
        << n;
  }
}

// A tiny WordNet directory written to a temporary folder.
class TinyWordNet {
 public:
  TinyWordNet() {
    dir_ = std::filesystem::temp_directory_path() /
           ("parley_tiny_wordnet_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
    // License header lines start with a space; "a_b" entries are multi-word.
    Write("index.noun", "  1 license text\noperation n 1\noperations n 1\nga n 1\ngas n 1\n"
                        "leaf n 1\nfiner n 1\nbus_stop n 1\nwatch n 1");  // no final newline
    Write("index.verb", "kill v 1\nleave v 1\nwatch v 1\n");
    Write("index.adj", "big a 1\nfine a 1\nlarge a 1\n");
    Write("index.adv", "");
    Write("verb.exc", "fled flee\nleft leave\nbus_stopped bus_stop\n");
    Write("noun.exc", "leaves leaf\nchildren child\n");
    Write("adj.exc", "bigger big\n");
    Write("adv.exc", "best well\n");
  }
  ~TinyWordNet() { std::filesystem::remove_all(dir_); }
  std::string dir() const { return dir_.string(); }

 private:
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
  }
  std::filesystem::path dir_;
};

TEST(LemmatizerTest, LoadAppliesTheDocumentedPrecedence) {
  TinyWordNet wn;
  auto lem = text_internal::Lemmatizer::Load(wn.dir());
  ASSERT_TRUE(lem.ok()) << lem.status().message();
  const std::pair<const char*, const char*> cases[] = {
      {"fled", "flee"},            // verb exception
      {"killed", "kill"},          // verb rules
      {"kills", "kill"},
      {"killing", "kill"},
      {"leaves", "leave"},         // a verb rule wins over the noun exception
      {"children", "child"},       // noun exception
      {"operations", "operation"}, // a noun itself, but the base is long enough
      {"gas", ""},                 // a noun itself with a short base: stays
      {"watches", "watch"},        // verb and noun rules agree
      {"bigger", "big"},           // adjective exception
      {"larger", "large"},         // adjective rule ("er", "e")
      {"finer", ""},               // an adjective form that is a noun: stays
      {"best", "well"},            // adverb exception
      {"is", "be"},                // fixed list
      {"us", ""},                  // fixed as itself: no rule makes it "u"
      {"bus_stops", ""},           // multi-word entries are left out
      {"license", ""},
  };
  for (const auto& [form, lemma] : cases) {
    EXPECT_EQ(lemma, (*lem)->Lookup(form)) << form;
  }
  // Keywords share the table, with or without a lemma.
  EXPECT_NE(0, (*lem)->Find("july").keyword);
  EXPECT_EQ("", (*lem)->Find("july").lemma);
}

TEST(LemmatizerTest, MissingWordNetFileIsNamed) {
  TinyWordNet wn;
  std::filesystem::remove(std::filesystem::path(wn.dir()) / "adj.exc");
  auto lem = text_internal::Lemmatizer::Load(wn.dir());
  ASSERT_FALSE(lem.ok());
  EXPECT_NE(std::string::npos, lem.status().message().find("adj.exc"));
}

TEST(LemmatizerTest, MissingWordNetIsAnError) {
  auto r = TextAnalyzer::Create("/nonexistent/wordnet");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(std::string::npos, r.status().message().find("/nonexistent/wordnet"));
}

}  // namespace
}  // namespace parley
