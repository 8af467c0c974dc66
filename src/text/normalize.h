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
// valid): it only grows it, so the bytes are not zero-filled again for
// every document; bytes past `used` are scratch. Norms that do not fit go to
// AnalyzedText::overflow.
struct NormArena {
  void Begin(AnalyzedText* o, size_t bytes) {
    out = o;
    if (o->arena.size() < bytes) o->arena.resize(bytes);
    base = o->arena.data();
    cap = bytes;
    used = 0;
  }
  void End() {}

  AnalyzedText* out = nullptr;
  char* base = nullptr;
  size_t used = 0;
  size_t cap = 0;
};

// Normalizes `raw` into the arena. Returns a view of the stored form; never
// empty (falls back to raw). `scratch` is caller-owned temporary storage.
std::string_view NormalizeToken(std::string_view raw, NormArena* arena,
                                std::string* scratch);

// ASCII lower-casing of 8 bytes at once: 'A'..'Z' get the 0x20 bit, every
// other byte is unchanged.
inline uint64_t LowerAscii8(uint64_t w) {
  const uint64_t h7 = w & 0x7f7f7f7f7f7f7f7full;
  const uint64_t ge_a = h7 + 0x3f3f3f3f3f3f3f3full;  // high bit: byte >= 'A'
  const uint64_t gt_z = h7 + 0x2525252525252525ull;  // high bit: byte > 'Z'
  const uint64_t upper = ge_a & ~gt_z & ~w & 0x8080808080808080ull;
  return w | (upper >> 2);
}

// NormalizeToken with an 8-bytes-at-a-time ASCII path. `readable_end` is
// the end of the buffer `raw` lies in: the fast path may read (not use) up
// to 7 bytes past `raw` when they are inside it, and writes up to 7 bytes of
// scratch past the norm when they fit in the arena. Same result as
// NormalizeToken (which it falls back to; that starts with a byte-wise
// ASCII path of its own).
inline std::string_view NormalizeTokenWide(std::string_view raw, const char* readable_end,
                                           NormArena* arena, std::string* scratch) {
  const size_t n = raw.size();
  const size_t blocks = (n + 7) / 8;
  if (n > 0 && raw.data() + blocks * 8 <= readable_end &&
      arena->used + blocks * 8 <= arena->cap) {
    char* d = arena->base + arena->used;
    uint64_t acc = 0;
    for (size_t i = 0; i < blocks; ++i) {
      uint64_t w;
      __builtin_memcpy(&w, raw.data() + i * 8, 8);
      if (i + 1 == blocks && (n & 7) != 0) w &= (uint64_t{1} << (8 * (n & 7))) - 1;
      acc |= w;
      w = LowerAscii8(w);
      __builtin_memcpy(d + i * 8, &w, 8);
    }
    if ((acc & 0x8080808080808080ull) == 0) {
      arena->used += n;
      return std::string_view(d, n);
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
