#include "ingest/utf8.h"

#include <gtest/gtest.h>

namespace parley::ingest {
namespace {

TEST(Utf8Test, FindsFirstInvalidByte) {
  const std::pair<std::string, size_t> cases[] = {
      {"plain ascii text, long enough to use the 8-byte path", kUtf8Valid},
      {"caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80", kUtf8Valid},
      {"abc\xFF", 3},
      {"abcdefghij\xC3", 10},             // truncated sequence
      {"\xC0\xAF", 0},                    // overlong
      {"ok \xED\xA0\x80", 3},             // surrogate
      {"x\xF4\x90\x80\x80", 1},           // above U+10FFFF
      {"12345678\x80", 8},                // stray continuation byte
  };
  for (const auto& [s, want] : cases) EXPECT_EQ(want, FindInvalidUtf8(s)) << s;
}

}  // namespace
}  // namespace parley::ingest
