// The engine: everything needed to turn a Document into a CodedDocument,
// compiled once and shared by all threads.
//
// ingest -> [text -> code -> claims]  (this header) -> corpus -> store
#ifndef PARLEY_PIPELINE_H_
#define PARLEY_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "parley/document.h"
#include "parley/event.h"
#include "parley/status.h"

namespace parley {

struct EngineOptions {
  // Dictionary directories, layered in order (later ones add to earlier).
  // Empty = Parley's bundled dictionaries (dictionaries/parley).
  std::vector<std::string> dictionary_dirs;
  // WordNet data (Debian wordnet-base).
  std::string wordnet_dir = "/usr/share/wordnet";
  // Fill CodedDocument::sentences.
  bool emit_sentences = false;
};

// Per-thread mutable state, reused across documents. Opaque.
class EngineScratch;

class Engine {
 public:
  static StatusOr<std::unique_ptr<Engine>> Create(const EngineOptions& options);
  ~Engine();

  std::unique_ptr<EngineScratch> NewScratch() const;

  // Codes one document. Thread-safe with one scratch per thread. Never
  // fails: problems inside a document are recorded, not thrown.
  void Code(const Document& doc, EngineScratch* scratch, CodedDocument* out) const;

  // Human-readable trace of every stage for one document (--explain).
  std::string Explain(const Document& doc, EngineScratch* scratch) const;

  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit Engine(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Resolves Parley's data directory (bundled dictionaries, lexicons):
// $PARLEY_DATA_DIR, else the source tree the binary was built from, else
// the install prefix's share/parley.
std::string DataDirectory();

}  // namespace parley

#endif  // PARLEY_PIPELINE_H_
