// The Engine as the runner's DocumentProcessor (see runner.h).
#include "pipeline/engine_internal.h"
#include "pipeline/runner.h"

namespace parley {
namespace {

class EngineProcessorScratch : public ProcessorScratch {
 public:
  explicit EngineProcessorScratch(std::unique_ptr<EngineScratch> s) : scratch(std::move(s)) {}
  std::unique_ptr<EngineScratch> scratch;
};

class EngineProcessor : public DocumentProcessor {
 public:
  explicit EngineProcessor(const Engine& engine) : engine_(engine) {}
  std::unique_ptr<ProcessorScratch> NewScratch() const override {
    return std::make_unique<EngineProcessorScratch>(engine_.NewScratch());
  }
  uint32_t Process(const Document& doc, ProcessorScratch* scratch,
                   CodedDocument* out) const override {
    EngineScratch* s = static_cast<EngineProcessorScratch*>(scratch)->scratch.get();
    engine_.Code(doc, s, out);
    return static_cast<uint32_t>(s->text.sentences.size());
  }

 private:
  const Engine& engine_;
};

}  // namespace

std::unique_ptr<DocumentProcessor> NewEngineProcessor(const Engine& engine) {
  return std::make_unique<EngineProcessor>(engine);
}

}  // namespace parley
