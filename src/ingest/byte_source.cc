#include "ingest/byte_source.h"

#include <zlib.h>
#include <zstd.h>

#include <cerrno>
#include <cstdio>
#include <algorithm>
#include <cstring>
#include <vector>

namespace parley::ingest {
namespace {

bool EndsWith(const std::string& s, const char* suffix) {
  const size_t n = std::strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

class FileSource : public ByteSource {
 public:
  FileSource(FILE* f, bool owned) : f_(f), owned_(owned) {}
  ~FileSource() override {
    if (owned_) std::fclose(f_);
  }
  StatusOr<size_t> Read(char* buf, size_t n) override {
    size_t got = std::fread(buf, 1, n, f_);
    if (got == 0 && std::ferror(f_)) {
      return DataLossError(std::string("read error: ") + std::strerror(errno));
    }
    return got;
  }

 private:
  FILE* f_;
  bool owned_;
};

class GzipSource : public ByteSource {
 public:
  explicit GzipSource(gzFile f) : f_(f) {}
  ~GzipSource() override { gzclose(f_); }
  StatusOr<size_t> Read(char* buf, size_t n) override {
    if (n > (1u << 30)) n = 1u << 30;
    int got = gzread(f_, buf, static_cast<unsigned>(n));
    if (got < 0) {
      int err = 0;
      const char* msg = gzerror(f_, &err);
      return DataLossError(std::string("gzip data error: ") + (msg ? msg : "?"));
    }
    return static_cast<size_t>(got);
  }

 private:
  gzFile f_;
};

class ZstdSource : public ByteSource {
 public:
  explicit ZstdSource(FILE* f)
      : f_(f), dctx_(ZSTD_createDCtx()), in_buf_(ZSTD_DStreamInSize()) {}
  ~ZstdSource() override {
    ZSTD_freeDCtx(dctx_);
    std::fclose(f_);
  }
  StatusOr<size_t> Read(char* buf, size_t n) override {
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos == 0) {
      if (in_.pos == in_.size) {
        size_t got = std::fread(in_buf_.data(), 1, in_buf_.size(), f_);
        if (got == 0) {
          if (std::ferror(f_)) return DataLossError("read error in zstd file");
          if (!frame_done_) return DataLossError("truncated zstd data");
          return size_t{0};
        }
        in_ = ZSTD_inBuffer{in_buf_.data(), got, 0};
      }
      size_t r = ZSTD_decompressStream(dctx_, &out, &in_);
      if (ZSTD_isError(r)) {
        return DataLossError(std::string("zstd data error: ") + ZSTD_getErrorName(r));
      }
      frame_done_ = r == 0;
    }
    return out.pos;
  }

 private:
  FILE* f_;
  ZSTD_DCtx* dctx_;
  std::vector<char> in_buf_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  bool frame_done_ = true;
};

}  // namespace

StatusOr<std::unique_ptr<ByteSource>> OpenByteSource(const std::string& path) {
  if (path == "-") return std::unique_ptr<ByteSource>(new FileSource(stdin, false));
  if (EndsWith(path, ".gz")) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (f == nullptr) {
      return NotFoundError("cannot open " + path + ": " + std::strerror(errno));
    }
    gzbuffer(f, 1 << 17);
    return std::unique_ptr<ByteSource>(new GzipSource(f));
  }
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    return NotFoundError("cannot open " + path + ": " + std::strerror(errno));
  }
  if (EndsWith(path, ".zst")) return std::unique_ptr<ByteSource>(new ZstdSource(f));
  return std::unique_ptr<ByteSource>(new FileSource(f, true));
}

BufferedReader::BufferedReader(std::unique_ptr<ByteSource> src, size_t block_bytes)
    : src_(std::move(src)) {
  buf_.resize(block_bytes + kLinePadding);
}

Status BufferedReader::Fill() {
  if (pos_ < len_ || eof_) return Status::Ok();
  auto got = src_->Read(buf_.data(), buf_.size() - kLinePadding);
  if (!got.ok()) {
    eof_ = true;
    return got.status();
  }
  pos_ = 0;
  len_ = *got;
  if (len_ == 0) eof_ = true;
  return Status::Ok();
}

StatusOr<bool> BufferedReader::NextLine(size_t max_bytes, std::string_view* out,
                                        Line* info) {
  *out = {};
  *info = Line{};
  PARLEY_RETURN_IF_ERROR(Fill());
  if (pos_ >= len_) return false;
  // Fast path: the line ends inside the current block (padding follows: buf_
  // has kLinePadding spare bytes after the longest block).
  const char* start = buf_.data() + pos_;
  const void* nl = std::memchr(start, '\n', len_ - pos_);
  if (nl == nullptr) return AssembleLine(max_bytes, out, info);
  const size_t take = static_cast<const char*>(nl) - start;
  pos_ += take + 1;
  info->length = take;
  if (take > max_bytes) {
    info->too_long = true;
    info->head.assign(start, std::min<size_t>(take, 4096));
    return true;
  }
  *out = std::string_view(start, take);
  if (!out->empty() && out->back() == '\r') out->remove_suffix(1);
  return true;
}

StatusOr<bool> BufferedReader::AssembleLine(size_t max_bytes, std::string_view* out,
                                            Line* info) {
  std::string* line = &line_;
  line->clear();
  bool any = false;
  while (true) {
    PARLEY_RETURN_IF_ERROR(Fill());
    if (pos_ >= len_) break;  // end of input
    any = true;
    const char* start = buf_.data() + pos_;
    const size_t avail = len_ - pos_;
    const void* nl = std::memchr(start, '\n', avail);
    const size_t take = nl ? static_cast<const char*>(nl) - start : avail;
    info->length += take;
    if (!info->too_long) {
      if (info->length > max_bytes) {
        info->too_long = true;
        line->append(start, std::min<size_t>(take, 4096));
        info->head = line->substr(0, 4096);
        line->clear();
        line->shrink_to_fit();
      } else {
        line->append(start, take);
      }
    }
    pos_ += take;
    if (nl) {
      ++pos_;
      break;
    }
  }
  if (!any) return false;
  if (!line->empty() && line->back() == '\r') line->pop_back();
  line->reserve(line->size() + kLinePadding);
  *out = *line;
  return true;
}

Status BufferedReader::ReadAll(size_t max_bytes, std::string* out, bool* truncated) {
  out->clear();
  *truncated = false;
  while (true) {
    PARLEY_RETURN_IF_ERROR(Fill());
    if (pos_ >= len_) return Status::Ok();
    const size_t avail = len_ - pos_;
    if (out->size() + avail > max_bytes) {
      *truncated = true;
      out->clear();
      return Status::Ok();
    }
    out->append(buf_.data() + pos_, avail);
    pos_ = len_;
  }
}

StatusOr<int> BufferedReader::PeekNonSpace() {
  while (true) {
    PARLEY_RETURN_IF_ERROR(Fill());
    if (pos_ >= len_) return -1;
    for (size_t i = pos_; i < len_; ++i) {
      const char c = buf_[i];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        return static_cast<unsigned char>(c);
      }
    }
    pos_ = len_;  // a whole block of whitespace carries no content
  }
}

}  // namespace parley::ingest
