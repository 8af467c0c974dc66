// Robustness over the shared real-news corpus: every JSONL file must go
// through the reader without a crash or hang. Skips when the corpus is absent
// ($PARLEY_SHARED or <source>/../shared).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>

#include "ingest/article_reader.h"

namespace parley::ingest {
namespace {

std::string SharedDir() {
  if (const char* env = std::getenv("PARLEY_SHARED")) return env;
  return std::string(PARLEY_SOURCE_DIR) + "/../shared";
}

TEST(CorpusTest, EveryCorpusFileReadsWithoutCrash) {
  const std::string corpus = SharedDir() + "/corpus";
  if (!std::filesystem::is_directory(corpus)) {
    GTEST_SKIP() << "corpus not found at " << corpus << " (set PARLEY_SHARED)";
  }
  auto reader = ArticleReader::Open({corpus});
  ASSERT_TRUE(reader.ok());
  Document doc;
  Rejection rej;
  bool rejected = false;
  std::map<std::string, int> reasons;
  uint64_t expected_ordinal = 0;
  while ((*reader)->Next(&doc, &rej, &rejected)) {
    EXPECT_EQ(expected_ordinal++, rejected ? rej.ordinal : doc.ordinal);
    if (rejected) {
      reasons[rej.reason.substr(0, rej.reason.find_first_of("0123456789'"))]++;
      continue;
    }
    ASSERT_FALSE(doc.id.empty());
    for (const ByteRange& r : doc.body) ASSERT_LE(r.end, doc.text.size());
  }
  const ReaderStats& st = (*reader)->stats();
  std::cout << "corpus: " << st.documents << " documents, " << st.rejections
            << " rejections, " << st.warnings << " warnings, " << st.bytes << " text bytes\n";
  for (const auto& [reason, n] : reasons) std::cout << "  " << n << " x " << reason << "\n";
  EXPECT_GT(st.documents, 0u);
}

}  // namespace
}  // namespace parley::ingest
