// ClaimsExtractor: turns the coder's candidates into attributed events and
// adds figures and negotiating positions.
//   - said_by: reporting verbs, "according to X", quotations, nested reports
//   - fact: asserted | negated | hypothetical
//   - figures: killed, injured, ... with qualifier, victims, claimant
//   - positions: demand | accept | reject | offer | concede + normalized item
//
// code [DocumentCoding] -> claims -> [CodedDocument events/figures/positions]
#ifndef PARLEY_CLAIMS_CLAIMS_H_
#define PARLEY_CLAIMS_CLAIMS_H_

#include <memory>
#include <string>

#include "code/sentence_coding.h"
#include "dict/compiled_dictionary.h"
#include "parley/document.h"
#include "parley/event.h"
#include "parley/status.h"
#include "parley/text.h"

namespace parley {

class ClaimsExtractor {
 public:
  // Loads the claims lexicons (reporting verbs, hedges, factuality cues,
  // figure kinds, negotiation issues) from `lexicon_dir`
  // (dictionaries/parley/claims by default). Errors carry file:line.
  static StatusOr<std::shared_ptr<const ClaimsExtractor>> Create(
      const std::string& lexicon_dir, std::shared_ptr<const CompiledDictionary> dictionary);
  virtual ~ClaimsExtractor() = default;

  // Appends to out->events, out->figures and out->positions. Thread-safe.
  virtual void Extract(const Document& doc, const AnalyzedText& text,
                       const DocumentCoding& coding, CodedDocument* out) const = 0;

  // Human-readable account for --explain: which words gave each claimant,
  // factuality and item.
  virtual std::string Explain(const Document& doc, const AnalyzedText& text,
                              const DocumentCoding& coding, const CodedDocument& coded) const = 0;
};

}  // namespace parley

#endif  // PARLEY_CLAIMS_CLAIMS_H_
