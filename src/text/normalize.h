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

// Write cursor over AnalyzedText::arena for one Analyze() call. Begin()
// sizes the arena once (it never reallocates afterwards, so views stay
// valid); End() trims it to the bytes used. Norms that do not fit go to
// AnalyzedText::overflow.
struct NormArena {
  void Begin(AnalyzedText* o, size_t bytes) {
    out = o;
    o->arena.resize(bytes);
    base = o->arena.data();
    cap = bytes;
    used = 0;
  }
  void End() { out->arena.resize(used); }

  AnalyzedText* out = nullptr;
  char* base = nullptr;
  size_t used = 0;
  size_t cap = 0;
};

// Normalizes `raw` into the arena. Returns a view of the stored form; never
// empty (falls back to raw). `scratch` is caller-owned temporary storage.
std::string_view NormalizeToken(std::string_view raw, NormArena* arena,
                                std::string* scratch);

// Inline fast path for pure-ASCII tokens (the vast majority): lower-cases
// straight into the arena. Falls back to NormalizeToken otherwise.
inline std::string_view NormalizeTokenFast(std::string_view raw, NormArena* arena,
                                           std::string* scratch) {
  if (arena->used + raw.size() <= arena->cap) {
    char* d = arena->base + arena->used;
    unsigned char acc = 0;
    for (size_t i = 0; i < raw.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(raw[i]);
      acc |= c;
      d[i] = static_cast<char>(static_cast<unsigned>(c - 'A') < 26u ? c + 32 : c);
    }
    if (acc < 0x80) {
      arena->used += raw.size();
      return std::string_view(d, raw.size());
    }
  }
  return NormalizeToken(raw, arena, scratch);
}

// The same normalization into a std::string (for tests and dictionaries).
std::string NormalizeString(std::string_view raw);

// Static norm for a punctuation token made of ASCII bytes, e.g. "." or "...";
// empty when `raw` needs the general path.
std::string_view StaticPunctNorm(std::string_view raw);

}  // namespace parley::text_internal

#endif  // PARLEY_TEXT_NORMALIZE_H_
