// CheckDictionaries (`parley dict check`): report contents and failure
// decision.
#include "dict/dict_check.h"

#include <gtest/gtest.h>

#include <sstream>

#include "dict/dictionary_test_util.h"

namespace parley {
namespace {

using testing_util::TempDir;

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(DictCheckTest, CleanDirectoryPassesAndPrintsCounts) {
  TempDir dir;
  dir.Write("parley.dict", "[dictionaries]\nactors = a.txt\nverbs = v.txt\n");
  dir.Write("a.txt", "VALDORIA_ [VLD]\n+VALDORIAN_\n");
  dir.Write("v.txt", "&VESSEL\n+SHIP\n--- SEIZE [171] ---\nSEIZE\n- * &VESSEL [1711]\n");
  std::ostringstream out;
  StatusOr<DictCheckResult> r = CheckDictionaries({dir.path()}, {}, out);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->failed);
  EXPECT_TRUE(Contains(out.str(), "actors: 1 records, 2 phrases")) << out.str();
  EXPECT_TRUE(Contains(out.str(), "verbs: 1 blocks, 1 verbs, 4 forms, 1 patterns")) << out.str();
  EXPECT_TRUE(Contains(out.str(), "synsets: 1 (2 members)")) << out.str();
  EXPECT_TRUE(Contains(out.str(), "diagnostics: 0 errors, 0 warnings")) << out.str();
  EXPECT_TRUE(Contains(out.str(), "MiB RSS delta")) << out.str();
}

TEST(DictCheckTest, ErrorsFailAndArePrintedWithLocation) {
  TempDir dir;
  std::string file = dir.Write("x.actors.txt", "# parley test\nVALDORIA_ [VLD\n");
  std::ostringstream out;
  StatusOr<DictCheckResult> r = CheckDictionaries({file}, {}, out);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->failed);
  EXPECT_EQ(r->errors, 1u);
  EXPECT_TRUE(Contains(out.str(), file + ":2:11: error: unclosed bracket")) << out.str();
  EXPECT_TRUE(Contains(out.str(), "1 x error: unclosed bracket")) << out.str();
}

TEST(DictCheckTest, WarningsFailOnlyWhenStrict) {
  TempDir dir;
  std::string file = dir.Write("x.actors.txt", "VALDORIA_\n");
  std::ostringstream out;
  DictCheckOptions lenient;
  EXPECT_FALSE(CheckDictionaries({file}, lenient, out)->failed);
  DictCheckOptions strict;
  strict.warnings_are_failures = true;
  EXPECT_TRUE(CheckDictionaries({file}, strict, out)->failed);
}

TEST(DictCheckTest, KindPrefixAndUnknownKinds) {
  TempDir dir;
  std::string file = dir.Write("people.txt", "MARA_OKONJO_ [VLDGOV]\n");
  std::ostringstream out;
  StatusOr<DictCheckResult> r = CheckDictionaries({"actors:" + file}, {}, out);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->set.actors.size(), 1u);
  StatusOr<DictCheckResult> unknown = CheckDictionaries({file}, {}, out);
  EXPECT_EQ(unknown.status().code(), StatusCode::kInvalidArgument);
  StatusOr<DictCheckResult> missing =
      CheckDictionaries({dir.path() + "/none.actors.txt"}, {}, out);
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

TEST(DictCheckTest, MaxPrintedLimitsOutputNotCounts) {
  TempDir dir;
  std::string file = dir.Write("x.actors.txt", "A_\nB_\nC_\n");
  std::ostringstream out;
  DictCheckOptions options;
  options.max_printed = 1;
  StatusOr<DictCheckResult> r = CheckDictionaries({file}, options, out);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->warnings, 3u);
  EXPECT_TRUE(Contains(out.str(), "... 2 more diagnostics not shown")) << out.str();
}

}  // namespace
}  // namespace parley
