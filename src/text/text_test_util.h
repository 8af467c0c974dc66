// Test helpers for the text stage (tests only): one shared TextAnalyzer and
// a one-call Analyze of a string.
#ifndef PARLEY_TEXT_TEXT_TEST_UTIL_H_
#define PARLEY_TEXT_TEXT_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "parley/text.h"

namespace parley::testing_util {

inline const TextAnalyzer& Analyzer() {
  static std::shared_ptr<const TextAnalyzer> a = [] {
    auto r = TextAnalyzer::Create("/usr/share/wordnet");
    if (!r.ok()) {
      ADD_FAILURE() << r.status().ToString();
      std::abort();
    }
    return std::move(r).value();
  }();
  return *a;
}

struct Analyzed {
  Document doc;
  AnalyzedText text;
  std::string Surface(uint32_t b, uint32_t e) const {
    return doc.text.substr(text.tokens[b].start, text.tokens[e - 1].end - text.tokens[b].start);
  }
};

inline std::unique_ptr<Analyzed> AnalyzeString(const std::string& s,
                                               std::optional<std::string> date = {}) {
  auto a = std::make_unique<Analyzed>();
  a->doc.text = s;
  a->doc.body.push_back(ByteRange{0, static_cast<uint32_t>(s.size())});
  if (date) a->doc.date = Date::Parse(*date);
  Analyzer().Analyze(a->doc, &a->text);
  return a;
}

}  // namespace parley::testing_util

#endif  // PARLEY_TEXT_TEXT_TEST_UTIL_H_
