#include "pipeline/json_sink.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

namespace parley {

FdWriter::FdWriter(int fd, std::string name, size_t buffer_bytes)
    : fd_(fd), name_(std::move(name)), buffer_bytes_(buffer_bytes) {
  buffer_.reserve(buffer_bytes_ + (buffer_bytes_ >> 2));
}

StatusOr<std::unique_ptr<FdWriter>> FdWriter::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return NotFoundError(fmt::format("cannot open {} for writing: {}", path, std::strerror(errno)));
  }
  auto w = std::make_unique<FdWriter>(fd, path);
  w->owned_ = true;
  return w;
}

FdWriter::~FdWriter() {
  if (owned_) ::close(fd_);
}

Status FdWriter::Flush() {
  size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
    if (n >= 0) {
      done += static_cast<size_t>(n);
      continue;
    }
    if (errno == EINTR) continue;
    const int err = errno;
    buffer_.clear();
    if (err == EPIPE) return AbortedError(fmt::format("{} was closed by the reader", name_));
    return DataLossError(fmt::format("cannot write to {}: {}", name_, std::strerror(err)));
  }
  buffer_.clear();
  return Status::Ok();
}

JsonLinesSink::JsonLinesSink(FdWriter* out, std::unique_ptr<FdWriter> rejects,
                             JsonSinkOptions options)
    : out_(out), rejects_(std::move(rejects)), options_(options) {}

Status JsonLinesSink::Put(const Document& /*source*/, CodedDocument&& coded) {
  AppendDocumentJson(coded, options_.json, out_->buffer());
  return out_->MaybeFlush();
}

Status JsonLinesSink::Reject(const Rejection& r) {
  ++rejected_;
  if (rejects_) {
    AppendRejectionJson(r, rejects_->buffer());
    return rejects_->MaybeFlush();
  }
  if (rejected_ <= static_cast<uint64_t>(options_.max_stderr_rejections)) {
    std::fprintf(stderr, "parley: rejected %s:%llu%s%s: %s\n", r.origin.c_str(),
                 static_cast<unsigned long long>(r.line), r.doc.empty() ? "" : " doc ",
                 r.doc.c_str(), r.reason.c_str());
  } else if (rejected_ == static_cast<uint64_t>(options_.max_stderr_rejections) + 1) {
    std::fprintf(stderr, "parley: more rejections not shown; list them all with --rejects FILE\n");
  }
  return Status::Ok();
}

Status JsonLinesSink::Flush() {
  PARLEY_RETURN_IF_ERROR(out_->Flush());
  if (rejects_) PARLEY_RETURN_IF_ERROR(rejects_->Flush());
  return Status::Ok();
}

}  // namespace parley
