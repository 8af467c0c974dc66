// CAMEO code table: the shipped TSV and the loader's fallbacks and errors.
#include "dict/cameo_table.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

const CameoTable& Table() {
  const CameoTable& t = CameoTable::Default();
  EXPECT_FALSE(t.empty()) << CameoTable::DefaultStatus().ToString();
  return t;
}

struct CodeCase {
  const char* code;
  const char* resolved;
  const char* root;
  int quad;
  double goldstein;
  const char* plover;
};

class CameoLookupTest : public ::testing::TestWithParam<CodeCase> {};

TEST_P(CameoLookupTest, ResolvesRootQuadGoldsteinPlover) {
  const CodeCase& c = GetParam();
  const CameoCode* got = Table().Lookup(c.code);
  ASSERT_NE(got, nullptr) << c.code;
  EXPECT_EQ(got->code, c.resolved);
  EXPECT_EQ(got->root, c.root);
  EXPECT_EQ(got->quad, c.quad);
  EXPECT_DOUBLE_EQ(got->goldstein, c.goldstein);
  EXPECT_EQ(got->plover, c.plover);
}

INSTANTIATE_TEST_SUITE_P(
    Shipped, CameoLookupTest,
    ::testing::Values(CodeCase{"195", "195", "19", 4, -10.0, "ASSAULT"},
                      CodeCase{"0874", "0874", "08", 2, 10.0, "RETREAT"},
                      CodeCase{"046", "046", "04", 1, 7.0, "CONSULT"},
                      CodeCase{"012", "012", "01", 1, -0.4, "-"},
                      CodeCase{"130", "130", "13", 3, -4.4, "THREATEN"},
                      CodeCase{"0313", "0313", "03", 1, 4.0, "AGREE"},  // absent: root value
                      CodeCase{"1712", "1712", "17", 4, -9.2, "ASSAULT"},
                      CodeCase{"201", "201", "20", 4, -9.5, "ASSAULT"},
                      CodeCase{"1959", "195", "19", 4, -10.0, "ASSAULT"},  // unknown sub-code
                      CodeCase{"0319", "031", "03", 1, 5.2, "AGREE"}));

TEST(CameoTableTest, HasEveryRootAndAllCameoCodes) {
  const CameoTable& t = Table();
  for (int r = 1; r <= 20; ++r) {
    char buf[3];
    std::snprintf(buf, sizeof buf, "%02d", r);
    EXPECT_TRUE(t.Contains(buf)) << buf;
  }
  EXPECT_GE(t.size(), 300u);
  for (const char* c : {"0211", "0256", "1385", "1454", "1663", "1724", "1833", "2042", "176"}) {
    EXPECT_TRUE(t.Contains(c)) << c;
  }
  EXPECT_FALSE(t.Contains("141x"));
  EXPECT_EQ(t.Lookup("---"), nullptr);
  EXPECT_EQ(t.Lookup("21"), nullptr);
  EXPECT_EQ(t.Lookup(""), nullptr);
}

TEST(CameoTableTest, QuadClassesFollowRoots) {
  for (const CameoCode& c : Table().codes()) {
    int root = std::stoi(c.root);
    int quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    EXPECT_EQ(c.quad, quad) << c.code;
  }
}

TEST(CameoTableTest, ParseRejectsMalformedRows) {
  struct {
    const char* tsv;
    const char* error;
  } cases[] = {
      {"01\tx\t1\t0.0\n", "expected 5 tab-separated columns"},
      {"01\tx\t5\t0.0\t-\n", "quad class must be 1..4"},
      {"01\tx\t1\tabc\t-\n", "Goldstein value must be in [-10, 10]"},
      {"01\tx\t1\t0\t-\n01\ty\t1\t0\t-\n", "duplicate code '01'"},
      {"011\tx\t1\t0\t-\n", "before its root row '01'"},
      {"A1\tx\t1\t0\t-\n", "bad CAMEO code 'A1'"},
      {"# only a comment\n", "no CAMEO codes"},
  };
  for (const auto& c : cases) {
    StatusOr<CameoTable> t = CameoTable::Parse(c.tsv, "t.tsv");
    ASSERT_FALSE(t.ok()) << c.tsv;
    EXPECT_NE(t.status().message().find(c.error), std::string::npos) << t.status().message();
  }
}

TEST(CameoTableTest, LoadOfMissingFileIsNotFound) {
  EXPECT_EQ(CameoTable::Load("/nonexistent/cameo.tsv").status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace parley
