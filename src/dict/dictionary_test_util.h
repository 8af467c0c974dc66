// Test helpers for the dictionary reader tests: write a snippet to a
// temporary file and read it as one dictionary kind.
#ifndef PARLEY_DICT_DICTIONARY_TEST_UTIL_H_
#define PARLEY_DICT_DICTIONARY_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "parley/dictionary.h"

namespace parley::testing_util {

// A fresh directory under the system temp dir, removed on destruction.
class TempDir {
 public:
  TempDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("parley_dict_test_" + std::to_string(::getpid()) + "_" +
             std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& contents) const {
    std::string p = (path_ / name).string();
    std::ofstream(p, std::ios::binary) << contents;
    return p;
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

// Reads `contents` (written as file `name`) in strict mode.
inline DictionarySet ReadSnippet(DictionaryKind kind, const std::string& contents,
                                 const std::string& name = "snippet.txt",
                                 ReadOptions::Strictness strictness =
                                     ReadOptions::Strictness::kStrict) {
  TempDir dir;
  DictionarySet set;
  Status s = ReadDictionaryFile(dir.Write(name, contents), kind, &set, ReadOptions{strictness});
  EXPECT_TRUE(s.ok()) << s.ToString();
  // Make file names stable for comparisons.
  for (Diagnostic& d : set.diagnostics) d.loc.file = name;
  return set;
}

inline std::vector<std::string> DiagStrings(const DictionarySet& set) {
  std::vector<std::string> out;
  for (const Diagnostic& d : set.diagnostics) out.push_back(d.ToString());
  return out;
}

// $PARLEY_SHARED, else <source>/../shared; empty when absent.
inline std::string SharedDir() {
  if (const char* env = std::getenv("PARLEY_SHARED"); env != nullptr && *env != '\0') {
    return env;
  }
#ifdef PARLEY_SOURCE_DIR
  std::string p = std::string(PARLEY_SOURCE_DIR) + "/../shared";
  if (std::filesystem::is_directory(p)) return p;
#endif
  return "";
}

}  // namespace parley::testing_util

#endif  // PARLEY_DICT_DICTIONARY_TEST_UTIL_H_
