// ArticleReader: the ingest stage. Streams Documents (or Rejections) out of
// files, directories, stdin, .gz and .zst inputs, in input order.
//
// [ingest: ArticleReader] -> Document -> text -> dict -> code -> claims
//
// Inputs: a file; a directory (recursed, files sorted by path; hidden files
// and files with unknown extensions skipped); "-" for stdin. Format by name:
// *.jsonl, *.ndjson, *.json (also + .gz/.zst) are JSON Lines, one article per
// line; anything else is one plain-text article per file. Stdin is sniffed:
// first non-space byte '{' means JSON Lines.
//
// Streaming: at most one input is open; JSON Lines are read block by block
// and line by line; a line longer than max_line_bytes is skipped to the next
// newline without being buffered. Single-threaded: call Next() from one
// thread (the pipeline's serial input stage).
//
// Bad input never stops the stream: every problem becomes a Rejection naming
// origin, line, doc id (when known) and reason. An unparseable date rejects
// nothing: the document keeps date = null and a warning (a Rejection-shaped
// record with the same fields) goes to ReaderOptions::on_warning, or is
// queued for TakeWarnings() when no callback is set.
#ifndef PARLEY_INGEST_ARTICLE_READER_H_
#define PARLEY_INGEST_ARTICLE_READER_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "parley/document.h"
#include "parley/status.h"

namespace parley::ingest {

enum class InputFormat { kAuto, kText, kJsonl };

struct ReaderOptions {
  uint64_t max_document_bytes = 8ull << 20;  // text of one document
  uint64_t max_line_bytes = 64ull << 20;     // one JSON line
  InputFormat treat_as = InputFormat::kAuto;
  // Leave boilerplate lines (captions, "Reading time: 1 min", ...) out of
  // Document::body. They always stay in Document::text.
  bool strip_boilerplate = true;
  // Receives warnings (unparseable dates). Called from Next()'s thread.
  std::function<void(const Rejection&)> on_warning;
};

struct ReaderStats {
  uint64_t documents = 0;
  uint64_t rejections = 0;
  uint64_t warnings = 0;
  uint64_t bytes = 0;  // uncompressed bytes of accepted document texts
};

class InputReader;  // one open input (internal)

class ArticleReader {
 public:
  // Expands directories now (paths only; nothing is read). Fails only when
  // `inputs` is empty; unreadable inputs become Rejections in the stream.
  static StatusOr<std::unique_ptr<ArticleReader>> Open(
      std::vector<std::string> inputs, ReaderOptions options = {});
  ~ArticleReader();

  // Produces the next item in input order: either *doc (is_rejection =
  // false) or *rej (true). Returns false at the end of all inputs.
  bool Next(Document* doc, Rejection* rej, bool* is_rejection);

  // Warnings collected since the last call (when no on_warning is set).
  std::vector<Rejection> TakeWarnings();
  const ReaderStats& stats() const { return stats_; }

 private:
  struct Item {
    std::string path;
    std::string error;  // non-empty: cannot be read (becomes a Rejection)
  };
  explicit ArticleReader(ReaderOptions options);
  void Warn(Rejection w);
  bool OpenNext(Rejection* rej);

  ReaderOptions options_;
  std::vector<Item> items_;
  size_t next_item_ = 0;
  std::unique_ptr<InputReader> current_;
  uint64_t ordinal_ = 0;
  ReaderStats stats_;
  std::vector<Rejection> warnings_;

  friend class InputReader;
};

// Format of `path` by its name (".gz"/".zst" stripped first).
InputFormat FormatForPath(const std::string& path);
// Document id for a plain-text file: base name without extensions.
std::string IdForPath(const std::string& path);
// XXH3-64 of text, title, date and outlet, as 16 hex digits.
std::string ContentHash(const Document& doc);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_ARTICLE_READER_H_
