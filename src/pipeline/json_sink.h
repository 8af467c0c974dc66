// JsonLinesSink: the DocumentSink of `parley code`. Writes each coded
// document as one JSON line (json_output.h) to a file descriptor (stdout),
// and each rejection as one JSON line to the --rejects file, or as a short
// message on stderr when there is no rejects file.
//
// runner [ordered CodedDocuments] -> JsonLinesSink -> stdout / rejects file
//
// Output goes through a reused buffer written with write(2) when it passes
// `buffer_bytes` and on every Flush() (the runner flushes at least every
// 0.2 s while output is pending, and at the end), so a consumer reading a pipe sees documents promptly
// and the output is complete when the command exits. A closed pipe (EPIPE;
// the CLI ignores SIGPIPE) returns AbortedError, which stops the run cleanly.
#ifndef PARLEY_PIPELINE_JSON_SINK_H_
#define PARLEY_PIPELINE_JSON_SINK_H_

#include <cstdint>
#include <memory>
#include <string>

#include "pipeline/json_output.h"
#include "pipeline/runner.h"

namespace parley {

// Buffered writer over a file descriptor. Not thread-safe.
class FdWriter {
 public:
  // Borrows `fd`; `name` is used in error messages ("<stdout>", a path).
  FdWriter(int fd, std::string name, size_t buffer_bytes = 1 << 16);
  // Opens (creates/truncates) `path` for writing; closes it on destruction.
  static StatusOr<std::unique_ptr<FdWriter>> Open(const std::string& path);
  ~FdWriter();
  FdWriter(const FdWriter&) = delete;
  FdWriter& operator=(const FdWriter&) = delete;

  // The buffer to append to; call MaybeFlush() after appending.
  std::string* buffer() { return &buffer_; }
  Status MaybeFlush() { return buffer_.size() >= buffer_bytes_ ? Flush() : Status::Ok(); }
  // Writes everything buffered. AbortedError on EPIPE, DataLossError on other
  // write errors (disk full ...).
  Status Flush();

 private:
  int fd_;
  bool owned_ = false;
  std::string name_;
  size_t buffer_bytes_;
  std::string buffer_;
};

struct JsonSinkOptions {
  JsonOutputOptions json;
  // Without a rejects file, at most this many rejections are described on
  // stderr (then one line saying how to see all of them).
  int max_stderr_rejections = 10;
};

class JsonLinesSink : public DocumentSink {
 public:
  // `out` receives the documents (borrowed); `rejects` may be null.
  JsonLinesSink(FdWriter* out, std::unique_ptr<FdWriter> rejects, JsonSinkOptions options);

  Status Put(const Document& source, CodedDocument&& coded) override;
  Status Reject(const Rejection& rejection) override;
  Status Flush() override;

 private:
  FdWriter* out_;
  std::unique_ptr<FdWriter> rejects_;
  JsonSinkOptions options_;
  uint64_t rejected_ = 0;
};

}  // namespace parley

#endif  // PARLEY_PIPELINE_JSON_SINK_H_
