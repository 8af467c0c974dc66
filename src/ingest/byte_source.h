// Byte sources for ingest: plain files, stdin, gzip (.gz, zlib) and zstd
// (.zst, libzstd streaming) files behind one Read() interface, plus a
// buffered reader that yields lines of bounded length.
//
// [ByteSource -> BufferedReader] -> ArticleReader -> Document -> text
//
// Nothing here loads a whole input: data flows through a fixed-size buffer,
// and a line that lies inside one block is handed out as a view into it,
// without a copy. (Memory-mapping regular files was measured: 1-2% faster on
// 30 MB of JSONL, not worth the SIGBUS a file truncated while mapped would
// raise.)
#ifndef PARLEY_INGEST_BYTE_SOURCE_H_
#define PARLEY_INGEST_BYTE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "parley/status.h"

namespace parley::ingest {

// Readable bytes guaranteed after the end of every line view returned by
// BufferedReader::NextLine (their values are unspecified). simdjson needs
// SIMDJSON_PADDING (64) such bytes; json_record.cc checks the two agree.
inline constexpr size_t kLinePadding = 64;

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`. Returns the count (0 at end of input)
  // or an error (corrupt compressed data, I/O error).
  virtual StatusOr<size_t> Read(char* buf, size_t n) = 0;
};

// Opens `path` ("-" = stdin). Decompresses by extension: ".gz" with zlib,
// ".zst" with zstd; anything else is read as is.
StatusOr<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path);

// Buffered line/blob reader over a ByteSource.
class BufferedReader {
 public:
  explicit BufferedReader(std::unique_ptr<ByteSource> src,
                          size_t block_bytes = 1 << 20);

  struct Line {
    bool too_long = false;  // longer than max_bytes; content discarded
    uint64_t length = 0;    // bytes in the line (without '\n', with '\r')
    std::string head;       // first bytes (<= 4 KiB) of a too_long line
  };
  // Reads the next line (without "\n" or "\r\n") into *out, a view that stays
  // valid until the next call and is followed by kLinePadding readable bytes.
  // Returns false at end of input. A line longer than `max_bytes` is not
  // buffered: the reader skips to the next newline and reports too_long with
  // *out empty.
  StatusOr<bool> NextLine(size_t max_bytes, std::string_view* out, Line* info);

  // Reads everything that remains, up to `max_bytes`. Sets *truncated when
  // more input remained (it is not read).
  Status ReadAll(size_t max_bytes, std::string* out, bool* truncated);

  // First byte that is not ASCII whitespace, without consuming it; -1 at end.
  StatusOr<int> PeekNonSpace();

 private:
  Status Fill();  // makes a block available when the current one is used up
  // A line that crosses blocks (or ends the input without a newline) is
  // assembled in line_.
  StatusOr<bool> AssembleLine(size_t max_bytes, std::string_view* out, Line* info);

  std::unique_ptr<ByteSource> src_;
  std::string buf_;  // block_bytes + kLinePadding; blocks are read into the front
  size_t pos_ = 0;
  size_t len_ = 0;
  bool eof_ = false;
  std::string line_;
};

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_BYTE_SOURCE_H_
