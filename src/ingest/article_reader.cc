#include "ingest/article_reader.h"

// XXH_STATIC_LINKING_ONLY: XXH3_state_t on the stack (no malloc per hash).
// xxh_x86dispatch.h: the library's runtime SSE2/AVX2/AVX512 dispatch (same
// hash values as the plain functions, about twice as fast on AVX2).
#define XXH_STATIC_LINKING_ONLY
#include <xxhash.h>
#include <xxh_x86dispatch.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iterator>
#include <system_error>

#include "ingest/byte_source.h"
#include "ingest/json_record.h"
#include "ingest/text_article.h"
#include "ingest/utf8.h"

namespace parley::ingest {
namespace fs = std::filesystem;

namespace {

std::string StripCompression(const std::string& name) {
  for (const char* ext : {".gz", ".zst"}) {
    const size_t n = std::strlen(ext);
    if (name.size() > n && name.compare(name.size() - n, n, ext) == 0) {
      return name.substr(0, name.size() - n);
    }
  }
  return name;
}

std::string Extension(const std::string& name) {
  const size_t slash = name.find_last_of('/');
  const size_t dot = name.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = name.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// Files picked up when a directory is expanded.
bool WantedInDirectory(const fs::path& p) {
  const std::string name = p.filename().string();
  if (name.empty() || name[0] == '.') return false;
  const std::string ext = Extension(StripCompression(name));
  return ext.empty() || ext == ".txt" || ext == ".text" || ext == ".jsonl" ||
         ext == ".ndjson" || ext == ".json";
}

void ExpandDirectory(const std::string& dir, std::vector<std::string>* files,
                     std::vector<std::string>* errors) {
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    errors->push_back(dir + ": cannot read directory: " + ec.message());
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      errors->push_back(dir + ": error while listing: " + ec.message());
      break;
    }
    const std::string name = it->path().filename().string();
    if (it->is_directory(ec) && !name.empty() && name[0] == '.') {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && WantedInDirectory(it->path())) {
      files->push_back(it->path().string());
    }
  }
}

// 16 lower-case hex digits, most significant first, into *out (its
// capacity is reused).
void Hex16Into(uint64_t h, std::string* out) {
  out->assign(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) (*out)[i] = "0123456789abcdef"[h & 15];
}

std::string Hex16(uint64_t h) {
  std::string out;
  Hex16Into(h, &out);
  return out;
}

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return false;
  }
  return true;
}

// Empties *doc for the next item but keeps the capacity of its strings and
// of the body vector, so a caller that reuses one Document does not
// allocate per item for them.
void ResetDocument(Document* doc) {
  std::string* keep[] = {&doc->id,        &doc->origin, &doc->date_source,
                         &doc->extra_json, &doc->text,  &doc->content_hash};
  std::string saved[std::size(keep)];
  for (size_t i = 0; i < std::size(keep); ++i) saved[i] = std::move(*keep[i]);
  std::vector<ByteRange> body = std::move(doc->body);
  *doc = Document();
  for (size_t i = 0; i < std::size(keep); ++i) {
    saved[i].clear();
    *keep[i] = std::move(saved[i]);
  }
  body.clear();
  doc->body = std::move(body);
}

}  // namespace

InputFormat FormatForPath(const std::string& path) {
  const std::string ext = Extension(StripCompression(path));
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json") return InputFormat::kJsonl;
  return InputFormat::kText;
}

std::string IdForPath(const std::string& path) {
  std::string name = fs::path(StripCompression(path)).filename().string();
  const size_t dot = name.find_last_of('.');
  if (dot != std::string::npos && dot > 0) name.resize(dot);
  return name;
}

namespace {

uint64_t ContentHash64(const Document& doc) {
  XXH3_state_t state;
  XXH3_INITSTATE(&state);
  XXH3_state_t* st = &state;
  XXH3_64bits_reset(st);
  const char sep = '\x1f';
  XXH3_64bits_update(st, doc.text.data(), doc.text.size());
  XXH3_64bits_update(st, &sep, 1);
  if (doc.title) XXH3_64bits_update(st, doc.title->data(), doc.title->size());
  XXH3_64bits_update(st, &sep, 1);
  if (doc.date) {
    std::string d = doc.date->ToString();
    XXH3_64bits_update(st, d.data(), d.size());
  }
  XXH3_64bits_update(st, &sep, 1);
  if (doc.outlet) XXH3_64bits_update(st, doc.outlet->data(), doc.outlet->size());
  return XXH3_64bits_digest(st);
}

}  // namespace

std::string ContentHash(const Document& doc) { return Hex16(ContentHash64(doc)); }

// One open input: reads either one text article or JSON Lines from it.
class InputReader {
 public:
  InputReader(ArticleReader* owner, std::string origin, std::string path,
              std::unique_ptr<BufferedReader> in, InputFormat format)
      : owner_(owner), origin_(std::move(origin)), path_(std::move(path)),
        in_(std::move(in)), format_(format) {}

  // Same contract as ArticleReader::Next for this input alone.
  bool Next(Document* doc, Rejection* rej, bool* is_rejection);

 private:
  bool NextText(Document* doc, Rejection* rej, bool* is_rejection);
  bool NextJson(Document* doc, Rejection* rej, bool* is_rejection);
  void Reject(Rejection* rej, uint64_t line, std::string id, std::string reason) {
    rej->origin = origin_;
    rej->line = line;
    rej->doc = std::move(id);
    rej->reason = std::move(reason);
  }
  // Checks text contents shared by both formats; returns a reason or "".
  std::string CheckText(const std::string& text) const;
  void Finish(Document* doc, uint64_t line);

  ArticleReader* owner_;
  std::string origin_;
  std::string path_;
  std::unique_ptr<BufferedReader> in_;
  InputFormat format_;
  bool done_ = false;
  uint64_t line_no_ = 0;
  JsonRecordParser json_;
};

std::string InputReader::CheckText(const std::string& text) const {
  const uint64_t limit = owner_->options_.max_document_bytes;
  if (text.size() > limit) {
    return "document is " + std::to_string(text.size()) + " bytes, over the limit of " +
           std::to_string(limit);
  }
  if (IsBlank(text)) return "empty text";
  if (const void* nul = std::memchr(text.data(), 0, text.size())) {
    return "NUL byte at byte " + std::to_string(static_cast<const char*>(nul) - text.data()) +
           " of the text";
  }
  return {};
}

void InputReader::Finish(Document* doc, uint64_t line) {
  doc->origin = origin_;
  doc->line = line;
  Hex16Into(ContentHash64(*doc), &doc->content_hash);
}

bool InputReader::NextText(Document* doc, Rejection* rej, bool* is_rejection) {
  done_ = true;
  const std::string id = path_ == "-" ? "stdin" : IdForPath(path_);
  bool truncated = false;
  Status s = in_->ReadAll(owner_->options_.max_document_bytes, &doc->text, &truncated);
  // Empty or blank stdin is an empty stream (an empty Spark/Hadoop partition),
  // not a document: nothing to code, nothing to reject. A named empty file is
  // still rejected below.
  if (s.ok() && !truncated && path_ == "-" && IsBlank(doc->text)) return false;
  *is_rejection = true;
  if (!s.ok()) {
    Reject(rej, 0, id, s.message());
  } else if (truncated) {
    Reject(rej, 0, id, "document is over the limit of " +
                           std::to_string(owner_->options_.max_document_bytes) + " bytes");
  } else if (doc->text.empty()) {
    Reject(rej, 0, id, "empty document");
  } else if (size_t bad = FindInvalidUtf8(doc->text); bad != kUtf8Valid) {
    Reject(rej, 0, id, "invalid UTF-8 at byte " + std::to_string(bad));
  } else if (std::string why = CheckText(doc->text); !why.empty()) {
    Reject(rej, 0, id, why);
  } else {
    *is_rejection = false;
    doc->id = id;
    Layout layout = LayOutTextArticle(doc->text, owner_->options_.strip_boilerplate);
    doc->date = layout.date;
    doc->date_source = !layout.date ? "" : layout.date_inferred ? "inferred" : "marker";
    doc->body = std::move(layout.body);
    doc->title_range = layout.title_range;
    if (layout.title_range.size() > 0) {
      doc->title = doc->text.substr(layout.title_range.start, layout.title_range.size());
    }
    if (!layout.bad_date.empty()) {
      owner_->Warn(Rejection{origin_, 0, id, 0,
                             "date '" + layout.bad_date +
                                 "' is not YYYY-MM-DD; document coded with date null"});
    }
    Finish(doc, 0);
  }
  return true;
}

bool InputReader::NextJson(Document* doc, Rejection* rej, bool* is_rejection) {
  const ReaderOptions& opt = owner_->options_;
  while (true) {
    BufferedReader::Line info;
    std::string_view line;
    auto more = in_->NextLine(opt.max_line_bytes, &line, &info);
    ++line_no_;
    *is_rejection = true;
    if (!more.ok()) {
      done_ = true;
      Reject(rej, line_no_, "", more.status().message());
      return true;
    }
    if (!*more) {
      done_ = true;
      return false;
    }
    if (info.too_long) {
      Reject(rej, line_no_, SniffId(info.head), "line is " + std::to_string(info.length) +
                                    " bytes, over the limit of " +
                                    std::to_string(opt.max_line_bytes));
      return true;
    }
    if (IsBlank(line)) continue;
    std::string id, warning;
    std::string why = json_.Parse(line, doc, &id, &warning);
    if (why.empty()) why = CheckText(doc->text);
    if (!why.empty()) {
      Reject(rej, line_no_, id, why);
      return true;
    }
    *is_rejection = false;
    if (doc->id.empty()) {
      doc->id = "h:" + Hex16(XXH3_64bits(doc->text.data(), doc->text.size()));
    }
    if (!warning.empty()) owner_->Warn(Rejection{origin_, line_no_, doc->id, 0, warning});
    LayOutBody(doc->text, 0, doc->title ? std::string_view(*doc->title) : std::string_view(),
               opt.strip_boilerplate, &doc->body);
    Finish(doc, line_no_);
    return true;
  }
}

bool InputReader::Next(Document* doc, Rejection* rej, bool* is_rejection) {
  if (done_) return false;
  if (format_ == InputFormat::kAuto) {
    auto c = in_->PeekNonSpace();
    format_ = c.ok() && *c == '{' ? InputFormat::kJsonl : InputFormat::kText;
  }
  return format_ == InputFormat::kJsonl ? NextJson(doc, rej, is_rejection)
                                        : NextText(doc, rej, is_rejection);
}

StatusOr<std::unique_ptr<ArticleReader>> ArticleReader::Open(
    std::vector<std::string> inputs, ReaderOptions options) {
  if (inputs.empty()) return InvalidArgumentError("no inputs given");
  auto reader = std::unique_ptr<ArticleReader>(new ArticleReader(std::move(options)));
  for (const std::string& in : inputs) {
    std::error_code ec;
    if (in == "-") {
      reader->items_.push_back({in, ""});
    } else if (fs::is_directory(in, ec)) {
      std::vector<std::string> files, errors;
      ExpandDirectory(in, &files, &errors);
      std::sort(files.begin(), files.end());
      for (auto& f : files) reader->items_.push_back({std::move(f), ""});
      for (auto& e : errors) reader->items_.push_back({in, std::move(e)});
    } else if (!fs::exists(in, ec)) {
      reader->items_.push_back({in, "no such file or directory"});
    } else {
      reader->items_.push_back({in, ""});
    }
  }
  return reader;
}

ArticleReader::ArticleReader(ReaderOptions options) : options_(std::move(options)) {}
ArticleReader::~ArticleReader() = default;

void ArticleReader::Warn(Rejection w) {
  w.ordinal = ordinal_;
  ++stats_.warnings;
  if (options_.on_warning) {
    options_.on_warning(w);
  } else if (warnings_.size() < 100000) {
    warnings_.push_back(std::move(w));
  }
}

std::vector<Rejection> ArticleReader::TakeWarnings() {
  std::vector<Rejection> out;
  out.swap(warnings_);
  return out;
}

// Opens items_[next_item_]; on failure fills *rej and returns false.
bool ArticleReader::OpenNext(Rejection* rej) {
  const Item& item = items_[next_item_++];
  const std::string origin = item.path == "-" ? "<stdin>" : item.path;
  std::string error = item.error;
  if (error.empty()) {
    auto src = OpenByteSource(item.path);
    if (src.ok()) {
      InputFormat format = options_.treat_as;
      if (format == InputFormat::kAuto && item.path != "-") format = FormatForPath(item.path);
      current_ = std::make_unique<InputReader>(
          this, origin, item.path, std::make_unique<BufferedReader>(std::move(src).value()),
          format);
      return true;
    }
    error = src.status().message();
  }
  *rej = Rejection{origin, 0, "", 0, "unreadable input: " + error};
  return false;
}

bool ArticleReader::Next(Document* doc, Rejection* rej, bool* is_rejection) {
  while (true) {
    if (!current_) {
      if (next_item_ >= items_.size()) return false;
      if (!OpenNext(rej)) {
        *is_rejection = true;
        rej->ordinal = ordinal_++;
        ++stats_.rejections;
        return true;
      }
    }
    ResetDocument(doc);
    *rej = Rejection();
    if (current_->Next(doc, rej, is_rejection)) {
      if (*is_rejection) {
        rej->ordinal = ordinal_++;
        ++stats_.rejections;
      } else {
        doc->ordinal = ordinal_++;
        ++stats_.documents;
        stats_.bytes += doc->text.size();
      }
      return true;
    }
    current_.reset();
  }
}

}  // namespace parley::ingest
