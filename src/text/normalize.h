// Token normalization (text stage): NFKC + case folding, typographic quotes
// and dashes mapped to ASCII. Produces Token::norm.
//
// ingest -> text [tokenize -> Normalize] -> dict
//
// Pure-ASCII tokens take a fast path (byte-wise lower-casing, no ICU). Other
// tokens first get ‘’‚‛ -> ', “”„«»‹› -> ", ‐‑‒–—―− -> -, … -> ..., and then,
// if still non-ASCII, ICU's NFKC_Casefold normalizer.
#ifndef PARLEY_TEXT_NORMALIZE_H_
#define PARLEY_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

#include "parley/text.h"

namespace parley::text_internal {

// Normalizes `raw` and stores the result in out->arena (or out->overflow
// when the arena's reserved capacity would be exceeded, so earlier views stay
// valid). Returns a view of the stored form; never empty (falls back to raw).
// `scratch` is caller-owned temporary storage reused across calls.
std::string_view NormalizeToken(std::string_view raw, AnalyzedText* out,
                                std::string* scratch);

// The same normalization into a std::string (for tests and dictionaries).
std::string NormalizeString(std::string_view raw);

// Static norm for a punctuation token made of ASCII bytes, e.g. "." or "...";
// empty when `raw` needs the general path.
std::string_view StaticPunctNorm(std::string_view raw);

}  // namespace parley::text_internal

#endif  // PARLEY_TEXT_NORMALIZE_H_
