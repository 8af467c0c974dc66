#include "store/document_rows.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace parley::store {
namespace {

// What SpansJson wrote before it was written by hand.
std::string SpansJsonByNlohmann(const std::vector<Span>& spans) {
  nlohmann::json a = nlohmann::json::array();
  for (const Span& s : spans) a.push_back({{"role", s.role}, {"start", s.start}, {"end", s.end}});
  return a.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(SpansJson, MatchesNlohmannForPlainAndEscapedRoles) {
  const std::vector<std::vector<Span>> cases = {
      {},
      {{"verb", 3, 9}},
      {{"source", 0, 14}, {"verb", 15, 22}, {"target", 4294967295u, 0}},
      {{"quote \"x\"", 1, 2}, {"back\\slash", 3, 4}, {"tab\there", 5, 6}},
      {{"caf\xc3\xa9", 7, 8}, {"bad \xff byte", 9, 10}, {std::string("nul\0x", 5), 1, 1}},
  };
  for (const auto& spans : cases) EXPECT_EQ(SpansJson(spans), SpansJsonByNlohmann(spans));
  EXPECT_EQ(SpansJson({{"verb", 3, 9}}), R"([{"end":9,"role":"verb","start":3}])");
}

}  // namespace
}  // namespace parley::store
