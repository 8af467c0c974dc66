// The ingest stage (ingest::ArticleReader) as the runner's DocumentSource:
// files, directories, "-" for stdin, .gz/.zst, JSON Lines or plain text.
//
// ingest [ArticleReader] -> (this adapter) -> runner -> Engine -> sink
#ifndef PARLEY_PIPELINE_READER_SOURCE_H_
#define PARLEY_PIPELINE_READER_SOURCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/runner.h"

namespace parley {

struct InputOptions {
  // Documents whose text is longer become rejections; 0 = the reader's
  // default (8 MiB).
  uint64_t max_doc_bytes = 0;
  // Reader warnings (e.g. an unparseable date: the document is kept with
  // date null) printed on stderr, at most this many; 0 = none.
  int max_warnings_shown = 10;
};

// Opens `inputs` in order. Fails only when `inputs` is empty; unreadable
// inputs become rejections in the stream. The source must be used from one
// thread at a time.
StatusOr<std::unique_ptr<DocumentSource>> OpenInputs(const std::vector<std::string>& inputs,
                                                     const InputOptions& options);

}  // namespace parley

#endif  // PARLEY_PIPELINE_READER_SOURCE_H_
