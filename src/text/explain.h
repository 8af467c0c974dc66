// Human-readable dump of the text stage's output for one document; used by
// `parley code --explain` and by tests.
//
// ingest -> text [ExplainText] -> dict -> code
#ifndef PARLEY_TEXT_EXPLAIN_H_
#define PARLEY_TEXT_EXPLAIN_H_

#include <string>

#include "parley/document.h"
#include "parley/text.h"

namespace parley {

// One block per sentence:
//   S3 [120,188) "On Saturday evening, Netanyahu said ..."
//     tokens: On/on Saturday/saturday ... said/say(said) ...
//     numbers: "92"=92 "dozens"=24~
//     dates: "Saturday evening"=2020-08-29 (relative)
// Tokens print as surface, then "/lemma" when lemma != surface lower-case.
std::string ExplainText(const Document& doc, const AnalyzedText& text);

// Compact form of a single sentence's tokens: "surface|surface|..." (tests).
std::string TokenSurfaces(const Document& doc, const AnalyzedText& text,
                          const Sentence& s);

}  // namespace parley

#endif  // PARLEY_TEXT_EXPLAIN_H_
