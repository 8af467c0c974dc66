// Internals of the Engine (include/parley/pipeline.h) shared by engine.cc,
// the runner's Engine adapter and `parley bench`: the loaded stages and the
// per-thread scratch.
//
// pipeline: [TextAnalyzer -> EventCoder -> ClaimsExtractor] = Engine
//
// Not part of the public API.
#ifndef PARLEY_PIPELINE_ENGINE_INTERNAL_H_
#define PARLEY_PIPELINE_ENGINE_INTERNAL_H_

#include <memory>
#include <string>
#include <vector>

#include "claims/claims.h"
#include "code/event_coder.h"
#include "code/sentence_coding.h"
#include "dict/compiled_dictionary.h"
#include "parley/pipeline.h"
#include "parley/text.h"

namespace parley {

struct Engine::Impl {
  EngineOptions options;
  std::vector<std::string> dictionary_dirs;  // as resolved and read, in order
  std::string claims_dir;
  size_t dictionary_warnings = 0;  // lenient-mode defects skipped while reading
  std::shared_ptr<const TextAnalyzer> text;
  std::shared_ptr<const CompiledDictionary> dictionary;
  std::shared_ptr<const EventCoder> coder;
  std::shared_ptr<const ClaimsExtractor> claims;
};

// Per-thread state: every buffer is reused across documents.
class EngineScratch {
 public:
  AnalyzedText text;
  DocumentCoding coding;
  std::unique_ptr<CoderScratch> coder;
};

}  // namespace parley

#endif  // PARLEY_PIPELINE_ENGINE_INTERNAL_H_
