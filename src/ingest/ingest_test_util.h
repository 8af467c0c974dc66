// Test helpers for ingest (tests only): a scratch directory and a reader
// drain that renders items as compact strings.
#ifndef PARLEY_INGEST_INGEST_TEST_UTIL_H_
#define PARLEY_INGEST_INGEST_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/article_reader.h"

namespace parley::ingest::testing_util {

class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("parley_ingest_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string Write(const std::string& rel, const std::string& bytes) const {
    const auto p = path_ / rel;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p.string();
  }
  std::string path() const { return path_.string(); }
  std::string Path(const std::string& rel) const { return (path_ / rel).string(); }

 private:
  std::filesystem::path path_;
};

struct Item {
  bool rejected = false;
  Document doc;
  Rejection rej;
};

inline std::vector<Item> ReadAll(std::vector<std::string> inputs, ReaderOptions opt = {}) {
  auto r = ArticleReader::Open(std::move(inputs), std::move(opt));
  EXPECT_TRUE(r.ok());
  std::vector<Item> out;
  if (!r.ok()) return out;
  Item it;
  while ((*r)->Next(&it.doc, &it.rej, &it.rejected)) out.push_back(it);
  return out;
}

}  // namespace parley::ingest::testing_util

#endif  // PARLEY_INGEST_INGEST_TEST_UTIL_H_
