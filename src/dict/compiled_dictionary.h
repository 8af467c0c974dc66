// CompiledDictionary: a DictionarySet compiled once into an immutable,
// thread-safe structure for longest-match lookup over token / lemma ids
// (actors with dated codes, agents, verbs with particles and patterns,
// synsets, discards, issues, framing terms).
//
// dict [DictionarySet] -> Compile -> [CompiledDictionary] -> code
//
// Held by std::shared_ptr<const CompiledDictionary>; hot reload swaps the
// pointer. The member API beyond what is declared here belongs to the coder
// (src/code) and may grow.
#ifndef PARLEY_DICT_COMPILED_DICTIONARY_H_
#define PARLEY_DICT_COMPILED_DICTIONARY_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/date.h"
#include "parley/dictionary.h"
#include "parley/status.h"
#include "parley/text.h"

namespace parley {

struct CompileOptions {
  // Upper bound on stored phrases (actors + agents + verb forms + patterns);
  // a dictionary beyond it is refused instead of exhausting memory.
  size_t max_entries = 5'000'000;
};

// How one phrase resolves (for `parley dict lookup` and --explain).
struct LookupResult {
  std::string kind;      // "actor", "agent", "verb", "framing", "discard", "issue"
  std::string code;      // resolved for the given date
  std::string name;
  std::string rule;      // file:line
  std::string explanation;  // which dated code applied and why
};

class CompiledDictionary {
 public:
  // Compiles `set` (which must have no errors). `text` supplies lemmas so
  // that entries can match inflected forms.
  static StatusOr<std::shared_ptr<const CompiledDictionary>> Compile(
      const DictionarySet& set, const TextAnalyzer& text, CompileOptions options = {});
  virtual ~CompiledDictionary() = default;

  // Every reading of `phrase` (a plain string, tokenized like article text)
  // on `date`.
  virtual std::vector<LookupResult> Lookup(std::string_view phrase,
                                           const std::optional<Date>& date) const = 0;

  // Sizes for `parley dict check` / benchmarks.
  virtual size_t num_actor_phrases() const = 0;
  virtual size_t num_agent_phrases() const = 0;
  virtual size_t num_verb_forms() const = 0;
  virtual size_t num_patterns() const = 0;
  virtual size_t memory_bytes() const = 0;
};

}  // namespace parley

#endif  // PARLEY_DICT_COMPILED_DICTIONARY_H_
