// Fuzz target: arbitrary bytes as an input file, read both as a plain-text
// article and as JSON Lines, and every resulting Document coded by the full
// engine (text -> coder -> claims) with Parley's bundled dictionaries.
// Invariants: no crash, no hang, every byte offset inside the document text.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "ingest/article_reader.h"
#include "pipeline/engine_internal.h"
#include "parley/pipeline.h"

namespace {

const parley::Engine& SharedEngine() {
  static std::unique_ptr<parley::Engine> engine = [] {
    auto e = parley::Engine::Create(parley::EngineOptions{});
    if (!e.ok()) {
      std::fprintf(stderr, "article_fuzz: %s\n", e.status().ToString().c_str());
      std::abort();
    }
    return std::move(e).value();
  }();
  return *engine;
}

std::string TempPath(const char* suffix) {
  return "/tmp/parley_fuzz_" + std::to_string(getpid()) + suffix;
}

void CheckOffsets(const parley::Document& doc, const parley::CodedDocument& out) {
  const size_t n = doc.text.size();
  for (const auto& e : out.events) {
    if (e.source.end > n || e.source.start > e.source.end) std::abort();
    for (const auto& s : e.spans) {
      if (s.end > n || s.start > s.end) std::abort();
    }
  }
}

void ReadAndCode(const std::string& path, parley::ingest::InputFormat format) {
  parley::ingest::ReaderOptions options;
  options.treat_as = format;
  options.max_document_bytes = 1 << 16;
  auto reader = parley::ingest::ArticleReader::Open({path}, options);
  if (!reader.ok()) return;
  const parley::Engine& engine = SharedEngine();
  static std::unique_ptr<parley::EngineScratch> scratch = engine.NewScratch();
  parley::Document doc;
  parley::Rejection rej;
  bool is_rejection = false;
  while ((*reader)->Next(&doc, &rej, &is_rejection)) {
    if (is_rejection) continue;
    parley::CodedDocument out;
    engine.Code(doc, scratch.get(), &out);
    CheckOffsets(doc, out);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = TempPath(".input");
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  ReadAndCode(path, parley::ingest::InputFormat::kText);
  ReadAndCode(path, parley::ingest::InputFormat::kJsonl);
  return 0;
}
