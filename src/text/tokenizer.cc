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
#include <cstring>

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

template <size_t N>
constexpr std::array<uint64_t, N> PackSorted(const std::string_view (&list)[N]) {
  std::array<uint64_t, N> keys{};
  for (size_t i = 0; i < N; ++i) keys[i] = Pack(list[i]);
  std::sort(keys.begin(), keys.end());
  return keys;
}
constexpr auto kNonFinalKeys = PackSorted(kNonFinal);
constexpr auto kMayEndKeys = PackSorted(kMayEnd);

template <size_t N>
bool InSorted(const std::array<uint64_t, N>& keys, std::string_view w) {
  return w.size() <= 8 && std::binary_search(keys.begin(), keys.end(), Pack(w));
}

inline bool IsAsciiAlpha(char c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }

class TokenizerImpl {
 public:
  TokenizerImpl(std::string_view text, uint32_t end, std::vector<Token>* out,
                WordSink* sink)
      : t_(text.data()),
        end_(end),
        readable_(static_cast<uint32_t>(text.size())),
        out_(out),
        sink_(sink) {}

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
  uint32_t Quote(uint32_t i, int len, CharClass c);
  void Emit(uint32_t s, uint32_t e, uint16_t flags) {
    if (sink_ != nullptr && sink_->others != nullptr) {
      sink_->others->push_back(static_cast<uint32_t>(out_->size()));
    }
    Token tok;
    tok.start = s;
    tok.end = e;
    tok.flags = flags;
    out_->push_back(tok);
  }

  const char* t_;
  uint32_t end_;
  uint32_t readable_;  // bytes of t_ that may be read (>= end_)
  std::vector<Token>* out_;
  WordSink* sink_;
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
  if (InSorted(kNonFinalKeys, w)) return j + 1;
  if (!InSorted(kMayEndKeys, w)) return 0;
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
  QueuedWord q;
  q.token = static_cast<uint32_t>(out_->size());
  q.size = n;
  q.key[0] = static_cast<uint64_t>(_mm_cvtsi128_si64(low));
  q.key[1] = static_cast<uint64_t>(_mm_cvtsi128_si64(_mm_unpackhi_epi64(low, low)));
  q.hash = HashWords(q.key[0], q.key[1], n);
  sink_->words->push_back(q);
  Token tok;
  tok.start = s;
  tok.end = e;
  tok.flags = flags;
  tok.norm = std::string_view(d, n);
  tok.lemma = tok.norm;
  out_->push_back(tok);
}

// After a word ending at j: splits off "'s" or a plural-possessive "'".
uint32_t TokenizerImpl::Possessive(uint32_t j) {
  if (j >= end_) return j;
  const unsigned char c0 = static_cast<unsigned char>(t_[j]);
  if (c0 != '\'' && c0 != 0xE2) return j;  // ' or the lead byte of ’
  int len;
  if (ClassAt(j, &len) != kApostrophe) return j;
  if (j + len < end_ && (t_[j + len] == 's' || t_[j + len] == 'S') &&
      !IsAlnumAt(j + len + 1)) {
    Emit(j, j + len + 1, kTokPossessive);
    return j + len + 1;
  }
  const char last = t_[j - 1];
  if ((last == 's' || last == 'S') && !IsAlnumAt(j + len) && !single_open_) {
    Emit(j, j + len, kTokPossessive);
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

uint32_t TokenizerImpl::Quote(uint32_t i, int len, CharClass c) {
  const char prev = i == 0 ? ' ' : t_[i - 1];
  const bool after_space = prev == ' ' || prev == '\n' || prev == '\t' ||
                           prev == '\r' || prev == '(' || prev == '[';
  if (c == kOpenSingle || (c == kApostrophe && after_space)) {
    single_open_ = true;
  } else if (c == kApostrophe) {
    single_open_ = false;
  }
  Emit(i, i + len, kTokPunct | kTokQuote);
  return i + len;
}

void TokenizerImpl::Run(uint32_t i) {
  while (i < end_) {
    if (t_[i] == ' ') {
      ++i;
      continue;
    }
    if (IsAsciiAlpha(t_[i])) {
      const uint32_t e = AsciiWord(i);
      if (e != 0) {
        i = e;
        continue;
      }
    }
    int len;
    CharClass c = ClassAt(i, &len);
    switch (c) {
      case kNewline:
        single_open_ = false;
        [[fallthrough]];
      case kSpace:
        i += len;
        break;
      case kLetter:
        upper_ = lower_ = 0;
        first_seen_ = first_upper_ = false;
        i = Word(i, i);
        break;
      case kDigit:
        i = Number(i);
        break;
      case kApostrophe:
      case kOpenSingle:
      case kDoubleQuote:
      case kOpenQuote:
      case kCloseQuote:
        i = Quote(i, len, c);
        break;
      case kPeriod:
      case kHyphen: {
        uint32_t j = i + len;
        if (len == 1) {
          while (j < end_ && t_[j] == t_[i]) ++j;  // "...", "--"
        }
        Emit(i, j, kTokPunct);
        i = j;
        break;
      }
      default:
        Emit(i, i + len, kTokPunct);
        i += len;
        break;
    }
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
  return InSorted(kNonFinalKeys, w);
}

}  // namespace parley::text_internal
