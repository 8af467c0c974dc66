// The seed articles (../shared/seeds) coded with Parley's own dictionaries
// (dictionaries/parley): the key dyads of shared/eval/seeds/EXPECTED.md must
// appear. Skips when ../shared is absent.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include <gtest/gtest.h>

#include "code/event_coder.h"

namespace parley {
namespace {

std::string SharedDir() {
  if (const char* env = std::getenv("PARLEY_SHARED")) return env;
  return std::string(PARLEY_SOURCE_DIR) + "/../shared";
}

// "SRC CODE TGT" lines of every event of every seed.
std::vector<std::string> CodeSeeds(bool print) {
  std::vector<std::string> out;
  auto set = ReadDictionaryDirectory(std::string(PARLEY_SOURCE_DIR) + "/dictionaries/parley");
  if (!set.ok()) {
    ADD_FAILURE() << set.status().ToString();
    return out;
  }
  auto an = TextAnalyzer::Create("/usr/share/wordnet");
  auto dict = CompiledDictionary::Compile(*set, **an);
  if (!dict.ok()) {
    ADD_FAILURE() << dict.status().ToString();
    return out;
  }
  auto coder = EventCoder::Create(*dict);
  auto scratch = (*coder)->NewScratch();
  const char* seeds[] = {"000_4aea84b43405da5c", "001_8edf7081eaf2e71d", "002_3cabf72616562acd",
                         "003_dfebbdf4d1d064ca", "004_f923b6012288ed4e"};
  for (const char* id : seeds) {
    std::ifstream in(SharedDir() + "/seeds/" + id + ".txt");
    std::stringstream buf;
    buf << in.rdbuf();
    Document doc;
    doc.id = id;
    doc.text = buf.str();
    size_t d = doc.text.find(" date ");
    if (d != std::string::npos && d < 5) doc.date = Date::Parse(doc.text.substr(d + 6, 10));
    doc.body.push_back({0, static_cast<uint32_t>(doc.text.size())});
    AnalyzedText text;
    DocumentCoding coding;
    (*an)->Analyze(doc, &text);
    (*coder)->Code(doc, text, scratch.get(), &coding);
    for (uint32_t i = 0; i < coding.sentences.size(); ++i) {
      for (const EventCandidate& ev : coding.sentences[i].events) {
        const Event& e = ev.event;
        out.push_back(e.source.code + " " + e.code + " " + (e.target ? e.target->code : "---"));
      }
      if (print && !coding.sentences[i].events.empty()) {
        std::cout << id << " " << (*coder)->Explain(doc, text, coding, i);
      }
    }
  }
  return out;
}

bool Has(const std::vector<std::string>& events, const std::string& src, const std::string& root,
         const std::string& tgt) {
  for (const std::string& e : events) {
    std::istringstream in(e);
    std::string s, c, t;
    in >> s >> c >> t;
    if (s.rfind(src, 0) == 0 && c.rfind(root, 0) == 0 && t.rfind(tgt, 0) == 0) return true;
  }
  return false;
}

TEST(SeedsTest, KeyDyadsOfTheSeedArticlesAreCoded) {
  if (!std::ifstream(SharedDir() + "/seeds/000_4aea84b43405da5c.txt")) {
    GTEST_SKIP() << "no " << SharedDir() << "/seeds";
  }
  auto events = CodeSeeds(std::getenv("PARLEY_SEEDS_PRINT") != nullptr);
  EXPECT_TRUE(Has(events, "QAT", "04", "ISR"));
  EXPECT_TRUE(Has(events, "ISRMIL", "19", "PSE"));
  EXPECT_TRUE(Has(events, "PSE", "19", "ISR"));
  EXPECT_TRUE(Has(events, "PSEREBHMS", "11", "USA"));
  EXPECT_TRUE(Has(events, "PSEREBHMS", "16", "ISR"));
}

}  // namespace
}  // namespace parley
