#include "ingest/byte_source.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <ostream>
#include <random>
#include <string>
#include <vector>

namespace parley::ingest {
namespace {

// A ByteSource over a string that hands out at most `chunk` bytes per Read.
class StringSource : public ByteSource {
 public:
  StringSource(std::string data, size_t chunk) : data_(std::move(data)), chunk_(chunk) {}
  StatusOr<size_t> Read(char* buf, size_t n) override {
    n = std::min({n, chunk_, data_.size() - pos_});
    std::copy_n(data_.data() + pos_, n, buf);
    pos_ += n;
    return n;
  }

 private:
  std::string data_;
  size_t chunk_;
  size_t pos_ = 0;
};

// One line as read: its text, or "TOO LONG <length>" plus the head. The
// head of a too-long line is compared as a prefix only: a line assembled
// across blocks keeps the bytes read up to the block where it went over the
// limit (at least max_bytes + 1 of them, at most 4096).
struct Got {
  std::string text;
  std::string head;
  bool operator==(const Got& o) const {
    if (text != o.text) return false;
    const std::string& a = head.size() < o.head.size() ? head : o.head;
    const std::string& b = head.size() < o.head.size() ? o.head : head;
    return b.compare(0, a.size(), a) == 0;
  }
};
std::ostream& operator<<(std::ostream& os, const Got& g) { return os << g.text; }

std::vector<Got> Lines(const std::string& data, size_t block, size_t chunk, size_t max_bytes) {
  BufferedReader reader(std::make_unique<StringSource>(data, chunk), block);
  std::vector<Got> out;
  std::string_view line;
  BufferedReader::Line info;
  while (true) {
    auto more = reader.NextLine(max_bytes, &line, &info);
    EXPECT_TRUE(more.ok());
    if (!more.ok() || !*more) break;
    if (info.too_long) {
      EXPECT_TRUE(line.empty());
      EXPECT_GE(info.head.size(), std::min<size_t>(max_bytes + 1, 4096));
      EXPECT_LE(info.head.size(), 4096u);
      out.push_back({"TOO LONG " + std::to_string(info.length), info.head});
    } else {
      out.push_back({std::string(line), ""});
    }
  }
  return out;
}

// The line contract written out plainly: split at '\n', drop one trailing
// '\r', no line after a final '\n', too long when the bytes before '\n'
// (with '\r') exceed max_bytes.
std::vector<Got> Reference(const std::string& data, size_t max_bytes) {
  std::vector<Got> out;
  size_t pos = 0;
  while (pos < data.size()) {
    size_t nl = data.find('\n', pos);
    if (nl == std::string::npos) nl = data.size();
    std::string line = data.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.size() > max_bytes) {
      out.push_back({"TOO LONG " + std::to_string(line.size()), line.substr(0, 4096)});
      continue;
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back({line, ""});
  }
  return out;
}

TEST(BufferedReaderTest, LinesMatchThePlainSplitForEveryBlockSize) {
  const std::string data =
      "{\"id\":1}\n\r\n\nshort\r\nno-cr\n" + std::string(100, 'x') + "\n" +
      std::string(5000, 'y') + "\r\nlast line without newline";
  for (size_t block : {1, 2, 3, 7, 16, 64, 100, 4097, 1 << 20}) {
    for (size_t chunk : {1, 5, 1 << 20}) {
      for (size_t max : {3, 100, 101, 5000, 5001, 1 << 20}) {
        EXPECT_EQ(Reference(data, max), Lines(data, block, chunk, max))
            << "block " << block << " chunk " << chunk << " max " << max;
      }
    }
  }
}

TEST(BufferedReaderTest, RandomLinesCrossingBlockBoundariesMatchThePlainSplit) {
  std::mt19937 rng(11);
  std::string data;
  while (data.size() < 200000) {
    const size_t len = rng() % 3 == 0 ? rng() % 9000 : rng() % 200;
    for (size_t i = 0; i < len; ++i) data += static_cast<char>('a' + rng() % 26);
    if (rng() % 5 == 0) data += '\r';
    data += '\n';
  }
  data.pop_back();  // truncated last line
  for (size_t block : {4096, 65536}) {
    EXPECT_EQ(Reference(data, 8000), Lines(data, block, 1 << 20, 8000)) << block;
  }
}

// Lines inside a block and lines assembled across blocks (the block is 16
// bytes) both leave kLinePadding readable bytes after the view: all of them
// are read here, which the ASan build checks.
TEST(BufferedReaderTest, LineViewsAreFollowedByPaddingBytes) {
  const std::string data = std::string(10, 'a') + "\n" + std::string(30, 'b') + "\nc";
  BufferedReader reader(std::make_unique<StringSource>(data, 1 << 20), 16);
  std::string_view line;
  BufferedReader::Line info;
  std::vector<std::string> got;
  volatile unsigned char sink = 0;
  while (*reader.NextLine(1 << 20, &line, &info)) {
    for (size_t i = 0; i < line.size() + kLinePadding; ++i) {
      sink = sink ^ static_cast<unsigned char>(line.data()[i]);
    }
    got.emplace_back(line);
  }
  const std::vector<std::string> want = {std::string(10, 'a'), std::string(30, 'b'), "c"};
  EXPECT_EQ(want, got);
}

TEST(BufferedReaderTest, EmptyInputHasNoLines) {
  EXPECT_TRUE(Lines("", 16, 16, 100).empty());
  const std::vector<Got> one_empty_line = {{"", ""}};
  EXPECT_EQ(one_empty_line, Lines("\n", 16, 16, 100));
}

}  // namespace
}  // namespace parley::ingest
