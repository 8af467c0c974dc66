// Byte sources for ingest: plain files, stdin, gzip (.gz, zlib) and zstd
// (.zst, libzstd streaming) files behind one Read() interface, plus a
// buffered reader that yields lines of bounded length.
//
// [ByteSource -> BufferedReader] -> ArticleReader -> Document -> text
//
// Nothing here loads a whole input: data flows through a fixed-size buffer.
#ifndef PARLEY_INGEST_BYTE_SOURCE_H_
#define PARLEY_INGEST_BYTE_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "parley/status.h"

namespace parley::ingest {

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
    uint64_t length = 0;    // bytes in the line (without '\n')
    std::string head;       // first bytes (<= 4 KiB) of a too_long line
  };
  // Reads the next line (without "\n" or "\r\n") into *out. Returns false at
  // end of input. A line longer than `max_bytes` is not buffered: the reader
  // skips to the next newline and reports too_long with *out cleared.
  StatusOr<bool> NextLine(size_t max_bytes, std::string* out, Line* info);

  // Reads everything that remains, up to `max_bytes`. Sets *truncated when
  // more input remained (it is not read).
  Status ReadAll(size_t max_bytes, std::string* out, bool* truncated);

  // First byte that is not ASCII whitespace, without consuming it; -1 at end.
  StatusOr<int> PeekNonSpace();

 private:
  Status Fill();  // refills buf_ when empty; eof_ set at end

  std::unique_ptr<ByteSource> src_;
  std::string buf_;
  size_t pos_ = 0;
  size_t len_ = 0;
  bool eof_ = false;
};

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_BYTE_SOURCE_H_
