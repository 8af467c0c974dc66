// Fuzz target: arbitrary bytes as a dictionary file of every kind (actors,
// framing, agents, verbs, discards, issues). Invariants: no crash, no hang;
// a set read without errors compiles.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "dict/compiled_dictionary.h"
#include "parley/dictionary.h"
#include "parley/text.h"

namespace {

const parley::TextAnalyzer& SharedText() {
  static std::shared_ptr<const parley::TextAnalyzer> text = [] {
    auto t = parley::TextAnalyzer::Create("/usr/share/wordnet");
    if (!t.ok()) {
      std::fprintf(stderr, "dictionary_fuzz: %s\n", t.status().ToString().c_str());
      std::abort();
    }
    return *t;
  }();
  return *text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::string path = "/tmp/parley_dict_fuzz_" + std::to_string(getpid()) + ".txt";
  FILE* f = std::fopen(path.c_str(), "wb");
  if (f == nullptr) return 0;
  std::fwrite(data, 1, size, f);
  std::fclose(f);
  using K = parley::DictionaryKind;
  for (K kind : {K::kActors, K::kFraming, K::kAgents, K::kVerbs, K::kDiscards, K::kIssues}) {
    parley::DictionarySet set;
    if (!parley::ReadDictionaryFile(path, kind, &set).ok()) continue;
    if (!set.has_errors()) {
      auto compiled = parley::CompiledDictionary::Compile(set, SharedText());
      (void)compiled;
    }
  }
  return 0;
}
