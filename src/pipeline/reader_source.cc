#include "pipeline/reader_source.h"

#include <cstdio>

#include "ingest/article_reader.h"

namespace parley {
namespace {

class ReaderSource : public DocumentSource {
 public:
  explicit ReaderSource(std::unique_ptr<ingest::ArticleReader> reader)
      : reader_(std::move(reader)) {}

  StatusOr<bool> Next(InputItem* item) override {
    return reader_->Next(&item->doc, &item->rejection, &item->rejected);
  }
  uint64_t bytes_read() const override { return reader_->stats().bytes; }

 private:
  std::unique_ptr<ingest::ArticleReader> reader_;
};

// Prints the first `limit` warnings on stderr, then one line saying more
// were suppressed.
std::function<void(const Rejection&)> WarningPrinter(int limit) {
  auto shown = std::make_shared<int>(0);
  return [shown, limit](const Rejection& w) {
    if (*shown < limit) {
      std::fprintf(stderr, "parley: warning: %s:%llu%s%s: %s\n", w.origin.c_str(),
                   static_cast<unsigned long long>(w.line), w.doc.empty() ? "" : " doc ",
                   w.doc.c_str(), w.reason.c_str());
    } else if (*shown == limit) {
      std::fprintf(stderr, "parley: warning: more warnings not shown\n");
    }
    ++*shown;
  };
}

}  // namespace

StatusOr<std::unique_ptr<DocumentSource>> OpenInputs(const std::vector<std::string>& inputs,
                                                     const InputOptions& options) {
  ingest::ReaderOptions reader_options;
  if (options.max_doc_bytes > 0) reader_options.max_document_bytes = options.max_doc_bytes;
  reader_options.on_warning = options.max_warnings_shown > 0
                                  ? WarningPrinter(options.max_warnings_shown)
                                  : [](const Rejection&) {};
  StatusOr<std::unique_ptr<ingest::ArticleReader>> reader =
      ingest::ArticleReader::Open(inputs, std::move(reader_options));
  if (!reader.ok()) return reader.status();
  return std::unique_ptr<DocumentSource>(new ReaderSource(std::move(reader).value()));
}

}  // namespace parley
