// Tokenizer state machine. The main loop dispatches on the class of the code
// point at the cursor; words and numbers are scanned by small helpers that
// return the end of the token. Example of the tricky cases handled here:
//   "Israel’s"            -> "Israel" "’s"(possessive)
//   "Palestinians’ homes" -> "Palestinians" "’"(possessive)
//   "‘unarmed civilians’" -> "‘" "unarmed" "civilians" "’"(quote), because a
//                            single quote is open
//   "U.S.-Mexico"         -> "U.S." "-" "Mexico"
#include "text/tokenizer.h"

#include <emmintrin.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

#include "text/lemmatizer.h"
#include "text/unicode_class.h"

namespace parley::text_internal {
namespace {

// Abbreviations (lower case, without the period). Titles and months never
// end a sentence; the others may.
constexpr std::string_view kNonFinal[] = {
    "adm",  "amb",  "apr",  "aug",   "brig", "capt", "cmdr", "col",
    "cpl",  "cpt",  "dec",  "det",   "dr",   "feb",  "fr",   "gen",
    "gov",  "hon",  "insp", "jan",   "jul",  "jun",  "lt",   "maj",  "mar",
    "messrs", "mr", "mrs",  "ms",    "mt",   "nov",  "oct",  "pres",
    "prof", "pvt",  "rep",  "reps",  "rev",  "sen",  "sens", "sep",
    "sept", "sgt",  "st",   "ste",   "supt"};
constexpr std::string_view kMayEnd[] = {
    "approx", "assn", "ave", "blvd", "bros", "co", "corp", "dept", "est",
    "etc", "govt", "inc", "jr", "ltd", "no", "nos", "sr", "vs"};

// A word of at most 8 bytes packed into an integer (byte i at bits 8i..),
// so the abbreviation lists are searched by integer compares.
constexpr uint64_t Pack(std::string_view w) {
  uint64_t k = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    k |= static_cast<uint64_t>(static_cast<unsigned char>(w[i])) << (8 * i);
  }
  return k;
}

// Both abbreviation lists in one collision-free hash table (a multiplier
// found at compile time), so a lookup is one load and one compare instead
// of binary searches with erratic branches. Entry: the packed word, with its
// list in the top byte (kNonFinalTag or kMayEndTag); 0 = empty.
constexpr uint64_t kNonFinalTag = uint64_t{1} << 56, kMayEndTag = uint64_t{2} << 56;
constexpr int kAbbrevBits = 9;
struct AbbrevTable {
  uint64_t mul = 0;
  std::array<uint64_t, size_t{1} << kAbbrevBits> slots{};
};
constexpr size_t AbbrevSlot(uint64_t key, uint64_t mul) {
  return static_cast<size_t>((key * mul) >> (64 - kAbbrevBits));
}
constexpr AbbrevTable BuildAbbrevTable() {
  for (uint64_t mul = 0x9E3779B97F4A7C15ull;; mul += 0x2545F4914F6CDD1Dull) {
    AbbrevTable t;
    t.mul = mul | 1;
    bool ok = true;
    auto add = [&](std::string_view w, uint64_t tag) {
      uint64_t& slot = t.slots[AbbrevSlot(Pack(w), t.mul)];
      ok = ok && slot == 0;
      slot = Pack(w) | tag;
    };
    for (std::string_view w : kNonFinal) add(w, kNonFinalTag);
    for (std::string_view w : kMayEnd) add(w, kMayEndTag);
    if (ok) return t;
  }
}
constexpr AbbrevTable kAbbrevs = BuildAbbrevTable();

// kNonFinalTag, kMayEndTag, or 0 when `w` (lower case, no period) is in
// neither list.
inline uint64_t AbbrevTag(std::string_view w) {
  if (w.empty() || w.size() > 6) return 0;  // the longest entry has 6 bytes
  const uint64_t key = Pack(w);
  const uint64_t e = kAbbrevs.slots[AbbrevSlot(key, kAbbrevs.mul)];
  return (e & ((uint64_t{1} << 56) - 1)) == key ? e & ~((uint64_t{1} << 56) - 1) : 0;
}

inline bool IsAsciiAlpha(char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

// Bit k of each mask describes byte k of a 64-byte block (FastWords).
struct BlockMasks {
  uint64_t alnum = 0;  // ASCII letter or digit
  uint64_t alpha = 0;  // ASCII letter
  uint64_t upper = 0;  // ASCII upper-case letter
  uint64_t lower = 0;  // ASCII lower-case letter
  uint64_t space = 0;  // ' '
  uint64_t stop = 0;   // '.', '-', '\'' or a non-ASCII byte: a word followed
                       // by one needs the general path
};

// Classifies the 64 bytes at p (SSE2, 16 bytes per step). Bytes at and past
// `valid` (< 64: the end of the tokenized range) get no bits at all.
inline BlockMasks Classify64(const char* p, uint32_t valid) {
  // Range checks as one signed compare each: x in [lo, lo + k) <=>
  // (int8)(x + 0x80 - lo) < -128 + k. Letters are tested on x | 0x20.
  const __m128i bit5 = _mm_set1_epi8(0x20);
  const __m128i alpha_off = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
  const __m128i alpha_lim = _mm_set1_epi8(-128 + 26);
  const __m128i digit_off = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
  const __m128i digit_lim = _mm_set1_epi8(-128 + 10);
  BlockMasks m;
  uint64_t case_bits = 0;
  for (int k = 0; k < 4; ++k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    const __m128i alpha =
        _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, bit5), alpha_off), alpha_lim);
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, digit_off), digit_lim);
    const __m128i stop = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('.')), _mm_cmpeq_epi8(v, _mm_set1_epi8('-'))),
        _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\'')), v));  // sign bit: >= 0x80
    const int shift = 16 * k;
    auto bits = [](__m128i x) {
      return static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(x)));
    };
    m.alpha |= bits(alpha) << shift;
    m.alnum |= bits(_mm_or_si128(alpha, digit)) << shift;
    case_bits |= bits(_mm_slli_epi16(v, 2)) << shift;  // bit 5 of each byte
    m.space |= bits(_mm_cmpeq_epi8(v, bit5)) << shift;
    m.stop |= bits(stop) << shift;
  }
  if (valid < 64) {
    const uint64_t keep = (uint64_t{1} << valid) - 1;
    m.alnum &= keep;
    m.alpha &= keep;
    m.space &= keep;
    m.stop &= keep;
  }
  m.upper = m.alpha & ~case_bits;
  m.lower = m.alpha & case_bits;
  return m;
}

class TokenizerImpl {
 public:
  TokenizerImpl(std::string_view text, uint32_t end, std::vector<Token>* out,
                WordSink* sink)
      : t_(text.data()),
        end_(end),
        readable_(static_cast<uint32_t>(text.size())),
        out_(out),
        sink_(sink),
        tok_used_(sink != nullptr ? sink->tokens_written : out->size()),
        q_used_(sink != nullptr ? sink->words_written : 0),
        fast_(sink != nullptr && sink->arena != nullptr && sink->words != nullptr),
        tok_cap_(out->size()),
        q_cap_(fast_ ? sink->words->size() : SIZE_MAX) {}

  // Tokenizes [i, end_); then trims the output vectors to what was written.
  void Run(uint32_t i);

 private:
  CharClass ClassAt(uint32_t i, int* len) const {
    const unsigned char c = static_cast<unsigned char>(t_[i]);
    if (c < 0x80) {
      *len = 1;
      return AsciiClass(c);
    }
    uint32_t cp = DecodeUtf8(t_ + i, t_ + end_, len);
    return UnicodeClass(cp);
  }
  bool IsAlnumAt(uint32_t i) const {
    if (i >= end_) return false;
    int len;
    CharClass c = ClassAt(i, &len);
    return c == kLetter || c == kDigit;
  }
  uint32_t ScanAlnum(uint32_t j);
  uint32_t Word(uint32_t s, uint32_t j);
  uint32_t AsciiWord(uint32_t s);
  void EmitNormalized(uint32_t s, uint32_t e, uint16_t flags, __m128i v, __m128i alpha);
  uint32_t Number(uint32_t s);
  uint32_t Abbreviation(uint32_t s, uint32_t j) const;
  uint32_t Possessive(uint32_t j);
  uint32_t Quote(uint32_t i, int len, CharClass c, std::string_view norm = {});
  uint32_t Typographic(uint32_t i);
  uint32_t Step(uint32_t i);
  uint32_t FastWords(uint32_t i);
  uint32_t InlinePunct(uint32_t i, Token* tok, bool* emitted);
  // Makes room for `n` more tokens (and queued words): the vectors are
  // resized ahead (128 spare elements at a time), the writers then
  // set every field of the next element; see WordSink.
  // Inline: the capacities are cached in members (no vector size division).
  void Room(size_t n) {
    if (tok_used_ + n > tok_cap_ || q_used_ + n > q_cap_) Grow(n);
  }
  void Grow(size_t n);
  // Emits [s, e). With a sink and a non-empty static `norm` (the token's
  // normalized form), the token gets it as norm and lemma and is not listed
  // in sink_->others.
  void Emit(uint32_t s, uint32_t e, uint16_t flags, std::string_view norm = {}) {
    const bool normalized = sink_ != nullptr && !norm.empty();
    if (!normalized && sink_ != nullptr && sink_->others != nullptr) {
      sink_->others->push_back(static_cast<uint32_t>(tok_used_));
    }
    Room(1);
    Token& tok = (*out_)[tok_used_++];
    SetToken(&tok, s, e, flags);
    if (normalized) {
      tok.norm = norm;
      tok.lemma = norm;
    }
  }
  static void SetToken(Token* tok, uint32_t s, uint32_t e, uint16_t flags) {
    tok->start = s;
    tok->end = e;
    tok->norm = {};
    tok->lemma = {};
    tok->flags = flags;
    tok->number = -1;
    tok->date = -1;
  }

  const char* t_;
  uint32_t end_;
  uint32_t readable_;  // bytes of t_ that may be read (>= end_)
  std::vector<Token>* out_;
  WordSink* sink_;
  size_t tok_used_;    // tokens written to *out_ (its size may be larger)
  size_t q_used_ = 0;  // words written to *sink_->words
  bool fast_;          // a sink with arena and word queue: FastWords runs
  size_t tok_cap_;     // out_->size()
  size_t q_cap_;       // sink_->words->size() (SIZE_MAX without the queue)
  // FastWords' classification of the 64 bytes at blk_base_ (valid when
  // blk_valid_): bit k describes byte blk_base_ + k.
  bool blk_valid_ = false;
  uint32_t blk_base_ = 0;
  BlockMasks blk_;
  int upper_ = 0;  // letters seen in the current word
  int lower_ = 0;
  bool first_upper_ = false;
  bool first_seen_ = false;
  bool single_open_ = false;
};

// ASCII fast path: one table lookup per byte, counters in registers.
constexpr uint8_t kAlnumBit = 1, kUpperBit = 2, kLowerBit = 4, kHighBit = 8;
constexpr std::array<uint8_t, 256> BuildAlnumBits() {
  std::array<uint8_t, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = kAlnumBit;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kAlnumBit | kUpperBit;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kAlnumBit | kLowerBit;
  for (int c = 0x80; c < 256; ++c) t[c] = kHighBit;
  return t;
}
constexpr std::array<uint8_t, 256> kAlnumBits = BuildAlnumBits();

uint32_t TokenizerImpl::ScanAlnum(uint32_t j) {
  int up = upper_, lo = lower_;
  bool seen = first_seen_, first_up = first_upper_;
  while (j < end_) {
    const uint8_t bits = kAlnumBits[static_cast<unsigned char>(t_[j])];
    bool upper, lower;
    int len = 1;
    if (bits & kAlnumBit) {
      upper = bits & kUpperBit;
      lower = bits & kLowerBit;
    } else if (bits & kHighBit) {
      const uint32_t cp = DecodeUtf8(t_ + j, t_ + end_, &len);
      const CharClass k = UnicodeClass(cp);
      if (k != kLetter && k != kDigit) break;
      upper = k == kLetter && IsUpperCodePoint(cp);
      lower = k == kLetter && IsLowerCodePoint(cp);
    } else {
      break;
    }
    if (!seen) {
      seen = true;
      first_up = upper;
    }
    up += upper;
    lo += lower;
    j += len;
  }
  upper_ = up;
  lower_ = lo;
  first_seen_ = seen;
  first_upper_ = first_up;
  return j;
}

// Returns the end of an abbreviation starting at s whose first alphanumeric
// run ends at j (t_[j] == '.'), or 0 when it is not one.
uint32_t TokenizerImpl::Abbreviation(uint32_t s, uint32_t j) const {
  const uint32_t n = j - s;
  if (n == 1 && IsAsciiAlpha(t_[s])) {
    uint32_t k = j + 1;
    int letters = 1;
    while (k + 1 < end_ && IsAsciiAlpha(t_[k]) && t_[k + 1] == '.') {
      k += 2;
      ++letters;
    }
    if (letters >= 2) return k;                         // "U.S.", "a.m."
    if (t_[s] >= 'A' && t_[s] <= 'Z') return j + 1;     // initial "W."
    return 0;
  }
  if (n > 6) return 0;
  char buf[8];
  for (uint32_t i = 0; i < n; ++i) {
    if (!IsAsciiAlpha(t_[s + i])) return 0;
    buf[i] = static_cast<char>(t_[s + i] | 0x20);
  }
  std::string_view w(buf, n);
  const uint64_t tag = AbbrevTag(w);
  if (tag == kNonFinalTag) return j + 1;
  if (tag != kMayEndTag) return 0;
  if (w == "no" || w == "nos") {  // "No. 10", not "said no."
    uint32_t k = j + 1;
    while (k < end_ && t_[k] == ' ') ++k;
    if (k >= end_ || !IsAsciiDigit(t_[k])) return 0;
  }
  return j + 1;
}

// Scans a word whose start is s and whose first alnum run was not scanned
// yet past j.
uint32_t TokenizerImpl::Word(uint32_t s, uint32_t j) {
  uint16_t flags = kTokWord;
  bool first_run = true;
  while (true) {
    j = ScanAlnum(j);
    if (j >= end_) break;
    int len;
    CharClass c = ClassAt(j, &len);
    if (c == kPeriod && first_run && flags == kTokWord) {
      uint32_t e = Abbreviation(s, j);
      if (e != 0) {
        flags |= kTokAbbreviation;
        j = e;
      }
      break;
    }
    if (c == kHyphen && IsAlnumAt(j + len)) {
      flags |= kTokHyphenated;
      j += len;
      first_run = false;
      continue;
    }
    if (c == kApostrophe && j + len < end_) {
      char n = t_[j + len];
      if ((n == 's' || n == 'S') && !IsAlnumAt(j + len + 1)) break;
      if (IsAlnumAt(j + len)) {
        j += len;
        first_run = false;
        continue;
      }
    }
    break;
  }
  if (first_upper_) flags |= kTokCapitalized;
  if (upper_ >= 2 && lower_ == 0) flags |= kTokAllCaps;
  Emit(s, j, flags);
  return Possessive(j);
}

// What may follow the letters of a word on the fast path: the word simply
// ends, a period (abbreviation check), or a byte that needs the general path
// (hyphen, apostrophe, any non-ASCII byte).
constexpr uint8_t kAfterEnd = 0, kAfterPeriod = 1, kAfterGeneral = 2;
constexpr std::array<uint8_t, 256> BuildAfterAsciiWord() {
  std::array<uint8_t, 256> t{};
  t['.'] = kAfterPeriod;
  t['-'] = kAfterGeneral;
  t['\''] = kAfterGeneral;
  for (int c = 0x80; c < 256; ++c) t[c] = kAfterGeneral;
  return t;
}
constexpr std::array<uint8_t, 256> kAfterAsciiWord = BuildAfterAsciiWord();

// Fast path for a word that starts with an ASCII letter at s: scans 16
// bytes at a time (SSE2). Handles plain ASCII words and a following period
// (abbreviation check) exactly like Word(); returns 0 without emitting
// anything when a hyphen, apostrophe or non-ASCII byte follows the letters
// (the caller then takes the general path) or when fewer than 16 bytes are
// left to read.
uint32_t TokenizerImpl::AsciiWord(uint32_t s) {
  // Range checks as one signed compare each: x in [lo, lo + k) <=>
  // (int8)(x + 0x80 - lo) < -128 + k. Letters are tested on x | 0x20.
  const __m128i bit5 = _mm_set1_epi8(0x20);
  const __m128i alpha_off = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
  const __m128i alpha_lim = _mm_set1_epi8(-128 + 26);
  const __m128i digit_off = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
  const __m128i digit_lim = _mm_set1_epi8(-128 + 10);
  uint32_t j = s;
  int upper = 0;  // capped count: 0, 1 or 2 (= two or more)
  bool lower = false;
  __m128i first_v = _mm_setzero_si128(), first_alpha = _mm_setzero_si128();
  while (true) {
    if (j + 16 > readable_) return 0;
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t_ + j));
    const __m128i alpha =
        _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, bit5), alpha_off), alpha_lim);
    const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, digit_off), digit_lim);
    const uint32_t alnum = static_cast<uint32_t>(_mm_movemask_epi8(_mm_or_si128(alpha, digit)));
    uint32_t n = static_cast<uint32_t>(__builtin_ctz(~alnum | 0x10000u));
    if (j + n > end_) n = end_ - j;
    const uint32_t in = (1u << n) - 1;
    const uint32_t alpha_bits = static_cast<uint32_t>(_mm_movemask_epi8(alpha)) & in;
    // Bit 5 (0x20, set for lower-case letters) of every byte, as a mask.
    const uint32_t case_bits = static_cast<uint32_t>(_mm_movemask_epi8(_mm_slli_epi16(v, 2)));
    const uint32_t up_bits = alpha_bits & ~case_bits;
    if (up_bits != 0) upper += (up_bits & (up_bits - 1)) != 0 ? 2 : 1;
    lower |= (alpha_bits & case_bits) != 0;
    if (j == s) {
      first_v = v;
      first_alpha = alpha;
    }
    j += n;
    if (n < 16 || j >= end_) break;
  }
  uint16_t flags = kTokWord;
  if (j < end_) {
    const uint8_t next = kAfterAsciiWord[static_cast<unsigned char>(t_[j])];
    if (next == kAfterGeneral) return 0;
    if (next == kAfterPeriod) {
      const uint32_t e = Abbreviation(s, j);
      if (e != 0) {
        flags |= kTokAbbreviation;
        j = e;
      }
    }
  }
  if (t_[s] >= 'A' && t_[s] <= 'Z') flags |= kTokCapitalized;
  if (upper >= 2 && !lower) flags |= kTokAllCaps;
  EmitNormalized(s, j, flags, first_v, first_alpha);
  // Only an abbreviation moves j onto a byte that may start a possessive
  // (the other quote/apostrophe bytes took the general path above).
  if ((flags & kTokAbbreviation) && j < end_ &&
      (t_[j] == '\'' || static_cast<unsigned char>(t_[j]) == 0xE2)) {
    return Possessive(j);
  }
  return j;
}

// Emits the ASCII word [s, e) whose first 16 bytes are `v` (`alpha`: 0xff
// at its letters). With a sink and e - s <= 16, also writes its lower-case
// norm and queues it for the lexicon probe.
void TokenizerImpl::EmitNormalized(uint32_t s, uint32_t e, uint16_t flags, __m128i v,
                                   __m128i alpha) {
  const uint32_t n = e - s;
  if (sink_ == nullptr || n > 16 || sink_->arena->used + 16 > sink_->arena->cap) {
    Emit(s, e, flags);
    return;
  }
  const __m128i iota = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const __m128i keep = _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(n)), iota);
  const __m128i low =
      _mm_and_si128(_mm_or_si128(v, _mm_and_si128(alpha, _mm_set1_epi8(0x20))), keep);
  NormArena& arena = *sink_->arena;
  char* d = arena.base + arena.used;
  _mm_storeu_si128(reinterpret_cast<__m128i*>(d), low);
  arena.used += n;
  Room(1);
  QueuedWord& q = (*sink_->words)[q_used_++];
  q.token = static_cast<uint32_t>(tok_used_);
  q.size = n;
  q.key[0] = static_cast<uint64_t>(_mm_cvtsi128_si64(low));
  q.key[1] = static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(low, low)));
  q.hash = HashWords(q.key[0], q.key[1], n);
  Token& tok = (*out_)[tok_used_++];
  SetToken(&tok, s, e, flags);
  // Both views from registers: copying tok.norm back from memory makes the
  // compiler reload it as one 16-byte load over two 8-byte stores, which
  // cannot be store-forwarded (a stall of ~a dozen cycles per word).
  const std::string_view norm(d, n);
  tok.norm = norm;
  tok.lemma = norm;
}

// Default tokens that Grow copies in: copying a block of them compiles to
// 16-byte moves (Token is trivially copyable), where value-initializing
// (resize) stores every field of every element separately.
constexpr size_t kGrowStep = 128;
constexpr std::array<Token, kGrowStep + 72> kDefaultTokens{};
static_assert(std::is_trivially_copyable_v<Token>);

void TokenizerImpl::Grow(size_t n) {
  // Small steps: the spare elements are written here and again by the
  // writers, so few spares means less memory traffic; the vectors'
  // capacities still grow geometrically.
  if (tok_cap_ < tok_used_ + n) {
    size_t add = tok_used_ + n + kGrowStep - tok_cap_;
    while (add > 0) {
      const size_t k = std::min(add, kDefaultTokens.size());
      out_->insert(out_->end(), kDefaultTokens.begin(), kDefaultTokens.begin() + k);
      add -= k;
    }
    tok_cap_ = out_->size();
  }
  if (q_cap_ < q_used_ + n) {
    sink_->words->resize(q_used_ + n + kGrowStep);
    q_cap_ = sink_->words->size();
  }
}

// After a word ending at j: splits off "'s" or a plural-possessive "'".
uint32_t TokenizerImpl::Possessive(uint32_t j) {
  if (j >= end_) return j;
  const unsigned char c0 = static_cast<unsigned char>(t_[j]);
  if (c0 != '\'' && c0 != 0xE2) return j;  // ' or the lead byte of ’
  int len;
  if (ClassAt(j, &len) != kApostrophe) return j;
  // ' and ’ (E2 80 99) normalize to ', so their norms are "'s" and "'".
  const bool plain = c0 == '\'' || (static_cast<unsigned char>(t_[j + 1]) == 0x80 &&
                                    static_cast<unsigned char>(t_[j + 2]) == 0x99);
  if (j + len < end_ && (t_[j + len] == 's' || t_[j + len] == 'S') &&
      !IsAlnumAt(j + len + 1)) {
    Emit(j, j + len + 1, kTokPossessive, plain ? "'s" : "");
    return j + len + 1;
  }
  const char last = t_[j - 1];
  if ((last == 's' || last == 'S') && !IsAlnumAt(j + len) && !single_open_) {
    Emit(j, j + len, kTokPossessive, plain ? "'" : "");
    return j + len;
  }
  return j;
}

uint32_t TokenizerImpl::Number(uint32_t s) {
  uint32_t j = s;
  while (j < end_ && IsAsciiDigit(t_[j])) ++j;
  if (j == s) {  // a non-ASCII digit: treat as a word
    upper_ = lower_ = 0;
    first_seen_ = first_upper_ = false;
    return Word(s, s);
  }
  // ISO date "2024-07-14".
  if (j - s == 4 && j + 6 <= end_ && t_[j] == '-' && IsAsciiDigit(t_[j + 1]) &&
      IsAsciiDigit(t_[j + 2]) && t_[j + 3] == '-' && IsAsciiDigit(t_[j + 4]) &&
      IsAsciiDigit(t_[j + 5]) && !IsAlnumAt(j + 6)) {
    Emit(s, j + 6, kTokNumber);
    return j + 6;
  }
  while (j + 1 < end_) {
    const char c = t_[j];
    if (c == ',' && j + 3 < end_ && IsAsciiDigit(t_[j + 1]) &&
        IsAsciiDigit(t_[j + 2]) && IsAsciiDigit(t_[j + 3]) &&
        (j + 4 >= end_ || !IsAsciiDigit(t_[j + 4]))) {
      j += 4;
    } else if (c == '.' && IsAsciiDigit(t_[j + 1])) {
      j += 2;
      while (j < end_ && IsAsciiDigit(t_[j])) ++j;
    } else if (c == ':' && j + 2 < end_ && IsAsciiDigit(t_[j + 1]) &&
               IsAsciiDigit(t_[j + 2]) && !IsAlnumAt(j + 3)) {
      j += 3;
    } else {
      break;
    }
  }
  int len;
  if (j < end_ && (ClassAt(j, &len) == kLetter ||
                   (t_[j] == '-' && j + 1 < end_ && IsAsciiAlpha(t_[j + 1])))) {
    upper_ = lower_ = 0;
    first_seen_ = true;  // starts with a digit: never Capitalized
    first_upper_ = false;
    return Word(s, j);
  }
  Emit(s, j, kTokNumber);
  return Possessive(j);
}

uint32_t TokenizerImpl::Quote(uint32_t i, int len, CharClass c, std::string_view norm) {
  const char prev = i == 0 ? ' ' : t_[i - 1];
  const bool after_space = prev == ' ' || prev == '\n' || prev == '\t' ||
                           prev == '\r' || prev == '(' || prev == '[';
  if (c == kOpenSingle || (c == kApostrophe && after_space)) {
    single_open_ = true;
  } else if (c == kApostrophe) {
    single_open_ = false;
  }
  Emit(i, i + len, kTokPunct | kTokQuote, norm);
  return i + len;
}

// The commonest typographic punctuation, E2 80 xx in UTF-8, without
// decoding or classifying it (tokenizer_test checks the classes and norms
// against UnicodeClass and the normalizer): curly quotes, dashes and the
// ellipsis. Returns the position after the token, or 0 for other bytes.
uint32_t TokenizerImpl::Typographic(uint32_t i) {
  if (i + 3 > end_ || static_cast<unsigned char>(t_[i + 1]) != 0x80) return 0;
  switch (static_cast<unsigned char>(t_[i + 2])) {
    case 0x98:  // ‘
      return Quote(i, 3, kOpenSingle, "'");
    case 0x99:  // ’
      return Quote(i, 3, kApostrophe, "'");
    case 0x9C:  // “
      return Quote(i, 3, kOpenQuote, "\"");
    case 0x9D:  // ”
      return Quote(i, 3, kCloseQuote, "\"");
    case 0x93:  // –
    case 0x94:  // —
      Emit(i, i + 3, kTokPunct, "-");
      return i + 3;
    case 0xA6:  // …
      Emit(i, i + 3, kTokPunct, "...");
      return i + 3;
    default:
      return 0;
  }
}

// One step of the general path at i: skips one space or emits one token
// (and a possessive after it). Returns the position after it.
uint32_t TokenizerImpl::Step(uint32_t i) {
  if (t_[i] == ' ') return i + 1;
  if (static_cast<unsigned char>(t_[i]) == 0xE2) {
    const uint32_t e = Typographic(i);
    if (e != 0) return e;
  }
  if (IsAsciiAlpha(t_[i])) {
    const uint32_t e = AsciiWord(i);
    if (e != 0) return e;
  }
  int len;
  CharClass c = ClassAt(i, &len);
  switch (c) {
    case kNewline:
      single_open_ = false;
      return i + len;
    case kSpace:
      return i + len;
    case kLetter:
      upper_ = lower_ = 0;
      first_seen_ = first_upper_ = false;
      return Word(i, i);
    case kDigit:
      return Number(i);
    case kApostrophe:
    case kOpenSingle:
    case kDoubleQuote:
    case kOpenQuote:
    case kCloseQuote:
      return Quote(i, len, c);
    case kPeriod:
    case kHyphen: {
      uint32_t j = i + len;
      if (len == 1) {
        while (j < end_ && t_[j] == t_[i]) ++j;  // "...", "--"
      }
      Emit(i, j, kTokPunct);
      return j;
    }
    default:
      Emit(i, i + len, kTokPunct);
      return i + len;
  }
}

// FastWords' emission of the plain ASCII word [s, e) (1 to 16 bytes, 16
// bytes readable at s): the norm is written at d, the token and the queue
// entry at toks[*nt] / qs[*nq] (both advanced), as EmitNormalized would.
inline void EmitFast(const char* text, uint32_t s, uint32_t e, char* d, Token* toks,
                     QueuedWord* qs, uint32_t* nt, uint32_t* nq) {
  const uint32_t n = e - s;
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text + s));
  const __m128i bit5 = _mm_set1_epi8(0x20);
  const __m128i is_alpha = _mm_cmplt_epi8(
      _mm_add_epi8(_mm_or_si128(v, bit5), _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
      _mm_set1_epi8(-128 + 26));
  const __m128i iota = _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const __m128i keep = _mm_cmpgt_epi8(_mm_set1_epi8(static_cast<char>(n)), iota);
  const __m128i low = _mm_and_si128(_mm_or_si128(v, _mm_and_si128(is_alpha, bit5)), keep);
  _mm_storeu_si128(reinterpret_cast<__m128i*>(d), low);
  // Letters of the word, and bit 5 (set for lower case) of every byte.
  const uint32_t letters = static_cast<uint32_t>(_mm_movemask_epi8(_mm_and_si128(is_alpha, keep)));
  const uint32_t case_bits = static_cast<uint32_t>(_mm_movemask_epi8(_mm_slli_epi16(v, 2)));
  const uint32_t up = letters & ~case_bits;
  uint16_t flags = kTokWord | ((up & 1) ? kTokCapitalized : 0);
  if ((up & (up - 1)) != 0 && (letters & case_bits) == 0) flags |= kTokAllCaps;
  const uint64_t k0 = static_cast<uint64_t>(_mm_cvtsi128_si64(low));
  const uint64_t k1 = static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(low, low)));
  QueuedWord& q = qs[(*nq)++];
  q.token = *nt;
  q.size = n;
  q.hash = HashWords(k0, k1, n);
  q.key[0] = k0;
  q.key[1] = k1;
  Token& tok = toks[(*nt)++];
  tok.start = s;
  tok.end = e;
  const std::string_view norm(d, n);  // both views from registers (EmitNormalized)
  tok.norm = norm;
  tok.lemma = norm;
  tok.flags = flags;
  tok.number = -1;
  tok.date = -1;
}

// FastWords' handling of the byte at i (< end_) that is neither a space
// nor alnum, when it is one of the commonest: a newline is skipped; ',',
// '"' and a run of periods become a token in *tok (*emitted set) with its
// static norm ("," "\"" "." "...": nothing left to normalize), as Step()
// would emit them. Returns the position after it, or 0 for other bytes.
inline uint32_t TokenizerImpl::InlinePunct(uint32_t i, Token* tok, bool* emitted) {
  const char c = t_[i];
  uint32_t j = i + 1;
  if (c == '\n') {
    single_open_ = false;
    return j;
  }
  if (c != ',' && c != '"' && c != '.') return 0;
  if (c == '.') {
    while (j < end_ && t_[j] == '.') ++j;  // "..."
  }
  SetToken(tok, i, j, c == '"' ? kTokPunct | kTokQuote : kTokPunct);
  // StaticPunctNorm's result, without the call: the byte itself, or "..."
  // for a run of periods.
  static constexpr char kOne[] = ",\".";
  const char* const one = c == ',' ? kOne : (c == '"' ? kOne + 1 : kOne + 2);
  const std::string_view norm = j - i == 1 ? std::string_view(one, 1) : std::string_view("...");
  tok->norm = norm;
  tok->lemma = norm;
  *emitted = true;
  return j;
}

// Fast path over spaces and plain ASCII words, the bulk of news text.
// Classifies 64 bytes at a time into bit masks (Classify64) and emits every
// word that starts with an ASCII letter, is made of ASCII letters and digits
// and is followed by a byte that is not '.', '-', '\'' or non-ASCII: exactly
// the words AsciiWord() would emit without looking further, with the same
// flags, norm and queue entry (EmitNormalized). Stops at the first byte it
// does not handle (Step() takes that one; the masks stay cached for the
// next call) and near the end of the text (a block is classified only when
// 16 more bytes are readable, so every word's 16-byte load is in bounds).
// Everything lives in locals, so the norm stores force no reloads.
uint32_t TokenizerImpl::FastWords(uint32_t i) {
  if (!fast_) return i;
  uint32_t b = blk_base_;
  bool have = blk_valid_ && i >= b && i - b < 64;  // the cached masks cover i
  uint64_t space = blk_.space, alpha = blk_.alpha, alnum = blk_.alnum, stop = blk_.stop;
  const char* const t = t_;
  const uint32_t end = end_;
  NormArena& arena = *sink_->arena;
  char* d = arena.base + arena.used;             // norm write cursor
  char* const d_limit = arena.base + arena.cap;  // 16-byte stores end here
  // The words of one block write at most 64 norm bytes, the last 16-byte
  // store ending before byte 80: the arena is checked once per block (here
  // for the cached block, below for each new one), not per word.
  constexpr ptrdiff_t kBlockNormBytes = 64 + 16;
  if (d_limit - d < kBlockNormBytes) return i;
  Room(65);  // a block holds at most 64 tokens
  Token* toks = out_->data();
  QueuedWord* qs = sink_->words->data();
  uint32_t nt = static_cast<uint32_t>(tok_used_);
  uint32_t nq = static_cast<uint32_t>(q_used_);
  bool leave = false;
  while (!leave) {
    if (!have) {
      if (i >= end || i + 64 + 16 > readable_ || d_limit - d < kBlockNormBytes) break;
      b = i;
      const BlockMasks m = Classify64(t + b, end - b < 64 ? end - b : 64);
      space = m.space;
      alpha = m.alpha;
      alnum = m.alnum;
      stop = m.stop;
      if (tok_cap_ - nt < 65 || q_cap_ - nq < 65) {
        tok_used_ = nt;
        q_used_ = nq;
        Grow(65);
        toks = out_->data();
        qs = sink_->words->data();
      }
    }
    have = false;
    while (true) {  // the words of block b
      uint32_t p = i - b;
      const uint64_t not_space = ~space >> p;
      if (not_space == 0) {  // spaces up to the block's end
        i = b + 64;
        break;
      }
      p += static_cast<uint32_t>(__builtin_ctzll(not_space));
      i = b + p;
      if (((alpha >> p) & 1) == 0) {
        // Bytes past the range's end have no bits: the loop stops there.
        if (i >= end) {
          leave = true;
          break;
        }
        // The commonest other bytes are handled here as Step() would.
        bool emitted = false;
        const uint32_t j = InlinePunct(i, &toks[nt], &emitted);
        if (j == 0) {
          leave = true;
          break;
        }
        nt += emitted;
        i = j;
        if (i - b >= 64) break;  // classify again from i
        continue;
      }
      const uint64_t not_alnum = ~alnum >> p;
      if (not_alnum == 0) {  // the word runs past the block: classify again
        leave = p == 0;      // from its start; 64 letters or more: general path
        break;
      }
      const uint32_t e = p + static_cast<uint32_t>(__builtin_ctzll(not_alnum));
      const uint32_t n = e - p;
      // Hyphen, apostrophe or UTF-8 after the letters, an abbreviation or a
      // word longer than 16 bytes: AsciiWord() takes it.
      if (n > 16 ||
          (((stop >> e) & 1) != 0 && (t[b + e] != '.' || Abbreviation(i, b + e) != 0))) {
        leave = true;
        break;
      }
      EmitFast(t, i, b + e, d, toks, qs, &nt, &nq);
      d += n;
      i = b + e;
    }
  }
  tok_used_ = nt;
  q_used_ = nq;
  arena.used = static_cast<size_t>(d - arena.base);
  blk_.space = space;
  blk_.alpha = alpha;
  blk_.alnum = alnum;
  blk_.stop = stop;
  blk_base_ = b;
  blk_valid_ = leave;  // left inside block b: it still covers i
  return i;
}

void TokenizerImpl::Run(uint32_t i) {
  while (i < end_) {
    i = FastWords(i);
    if (i < end_) i = Step(i);
  }
  if (sink_ != nullptr) {
    sink_->tokens_written = tok_used_;
    sink_->words_written = q_used_;
  } else {
    out_->resize(tok_used_);
  }
}

}  // namespace

void Tokenize(std::string_view text, uint32_t begin, uint32_t end,
              std::vector<Token>* tokens, WordSink* sink) {
  if (end > text.size()) end = static_cast<uint32_t>(text.size());
  TokenizerImpl impl(text, end, tokens, sink);
  impl.Run(begin);
}

bool IsNonFinalAbbreviation(std::string_view lower) {
  if (lower.size() < 2 || lower.back() != '.') return false;
  if (lower.size() == 2) return true;  // initial "w."
  std::string_view w = lower.substr(0, lower.size() - 1);
  return AbbrevTag(w) == kNonFinalTag;
}

}  // namespace parley::text_internal
