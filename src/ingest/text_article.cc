#include "ingest/text_article.h"

#include <emmintrin.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cctype>
#include <cstring>
#include <tuple>

#include "ingest/ascii_search.h"
#include "ingest/dateline.h"

namespace parley::ingest {
namespace {

enum class Match { kExact, kPrefix, kContains, kSuffix, kCaption, kDigitsOnly };

struct BoilerplateRuleDef {
  const char* name;
  Match match;
  std::string_view pattern;  // compared ASCII-case-insensitively
  size_t max_line_bytes;     // longer lines are never boilerplate
  bool needs_digit = false;  // the line must contain a digit ("Updated 3h ago")
};

// The boilerplate table. A line (trimmed) matching any row is kept out of
// Document::body. Rows are deliberately conservative: each has a length cap
// so a real paragraph that happens to start with "By" survives.
constexpr BoilerplateRuleDef kBoilerplateRules[] = {
    {"published", Match::kExact, "published", 12},
    {"published", Match::kPrefix, "published ", 60, true},
    {"updated", Match::kExact, "updated", 10},
    {"updated", Match::kPrefix, "updated ", 60, true},
    {"share", Match::kExact, "share", 8},
    {"share", Match::kPrefix, "share this", 40},
    {"advertisement", Match::kExact, "advertisement", 16},
    {"read-more", Match::kExact, "read more", 12},
    {"read-more", Match::kPrefix, "read more:", 300},
    {"read-next", Match::kPrefix, "read next:", 300},
    {"also-read", Match::kPrefix, "also read:", 300},
    {"reading-time", Match::kPrefix, "reading time", 40},
    {"read-time", Match::kContains, "read time", 80},
    {"min-read", Match::kSuffix, "min read", 40},
    {"source-site", Match::kPrefix, "source site-", 40},
    {"byline", Match::kPrefix, "by ", 60},
    {"photo-credit", Match::kPrefix, "photo:", 300},
    {"photo-credit", Match::kPrefix, "image:", 300},
    {"photo-credit", Match::kPrefix, "credit:", 120},
    {"contributed", Match::kSuffix, "contributed to this report.", 200},
    {"contributed", Match::kSuffix, "contributed reporting.", 200},
    {"caption", Match::kContains, "toggle caption", 300},
    {"caption", Match::kPrefix, "image caption", 300},
    {"photo-credit", Match::kPrefix, "image copyright", 200},
    {"photo-credit", Match::kSuffix, "getty images", 200},
    {"caption", Match::kCaption, "", 500},
    // Embed/player remnants of scraped pages: a word alone on its line.
    {"embed", Match::kExact, "photo", 8},
    {"embed", Match::kExact, "video", 8},
    {"embed", Match::kExact, "close", 8},
    {"embed", Match::kExact, "watch", 8},
    {"embed", Match::kExact, "listen", 8},
    {"embed", Match::kExact, "youtube", 8},
    {"embed", Match::kExact, "comments", 10},
    {"embed", Match::kExact, "ad", 4},
    {"embed", Match::kExact, "skip advertisement", 20},
    {"embed", Match::kPrefix, "continue reading", 40},
    {"embed", Match::kPrefix, "just watched", 400},  // video carousel text
    {"embed", Match::kExact, "story continues below advertisement", 40},
    // Video durations ("06:22") and numeric ids alone on a line.
    {"digits-only", Match::kDigitsOnly, "", 24},
};

// Every "contains" pattern can use the SIMD search.
constexpr bool ContainsPatternsValid() {
  for (const BoilerplateRuleDef& r : kBoilerplateRules) {
    if (r.match == Match::kContains && !ValidContainsNeedle(r.pattern)) return false;
  }
  return true;
}
static_assert(ContainsPatternsValid(), "contains patterns: lower case, letter at both ends");

// `b` is lower case.
bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && EqualsLowerAt(a.data(), b);
}

// A photo caption ends with a parenthesized credit: "(NAME / AGENCY / AFP)",
// "(Reuters)", "(Photo: ...)", "(AP Photo/...)".
bool IsCaption(std::string_view line) {
  if (line.empty() || line.back() != ')') return false;
  const size_t open = line.rfind('(');
  if (open == std::string_view::npos) return false;
  std::string_view group = line.substr(open + 1, line.size() - open - 2);
  if (group.size() < 3) return false;
  if (ContainsIgnoreCase(group, "photo") || ContainsIgnoreCase(group, "getty images")) {
    return true;
  }
  return group.find(" / ") != std::string_view::npos ||
         group.find("/ Reuters") != std::string_view::npos;
}

bool RuleMatches(const BoilerplateRuleDef& r, std::string_view line) {
  if (line.size() > r.max_line_bytes) return false;
  if (r.needs_digit && line.find_first_of("0123456789") == std::string_view::npos) {
    return false;
  }
  switch (r.match) {
    case Match::kExact:
      return EqualsIgnoreCase(line, r.pattern);
    case Match::kPrefix:
      return line.size() >= r.pattern.size() &&
             EqualsIgnoreCase(line.substr(0, r.pattern.size()), r.pattern);
    case Match::kSuffix:
      return line.size() >= r.pattern.size() &&
             EqualsIgnoreCase(line.substr(line.size() - r.pattern.size()), r.pattern);
    case Match::kContains:
      return ContainsIgnoreCase(line, r.pattern);
    case Match::kCaption:
      return IsCaption(line);
    case Match::kDigitsOnly:
      return line.find_first_not_of("0123456789:") == std::string_view::npos;
  }
  return false;
}

// Longest line any rule can match (the largest max_line_bytes).
constexpr size_t MaxRuleBytes() {
  size_t m = 0;
  for (const BoilerplateRuleDef& r : kBoilerplateRules) m = std::max(m, r.max_line_bytes);
  return m;
}
constexpr size_t kMaxRuleBytes = MaxRuleBytes();

// Cheap necessary conditions for RuleMatches, as bit masks over the rows of
// kBoilerplateRules (bit i = row i): by the lower-cased first and second
// bytes (exact and prefix patterns, digits-only), by the lower-cased last and
// second-to-last bytes (exact and suffix patterns, captions, digits-only)
// and by the line length (length caps, exact lengths, needle lengths). A
// line is tried only against the rows in all of them.
constexpr size_t kNumRules = std::size(kBoilerplateRules);
static_assert(kNumRules <= 64, "one bit per boilerplate rule");
using RuleMask = uint64_t;

// Whether row `r` allows lower-cased byte `c` at offset `k` from the start
// (from_end = false) or from the end (true) of a line that is long enough
// for the row's pattern.
constexpr bool AllowsByte(const BoilerplateRuleDef& r, int c, size_t k, bool from_end) {
  if (r.match == Match::kDigitsOnly) return (c >= '0' && c <= '9') || c == ':';
  if (r.match == Match::kCaption) return !from_end || k != 0 || c == ')';
  const bool anchored = r.match == Match::kExact ||
                        (r.match == Match::kPrefix && !from_end) ||
                        (r.match == Match::kSuffix && from_end);
  if (!anchored || k >= r.pattern.size()) return true;
  const char p = from_end ? r.pattern[r.pattern.size() - 1 - k] : r.pattern[k];
  return static_cast<unsigned char>(p) == c;
}

constexpr std::array<RuleMask, 256> ByteMasks(size_t k, bool from_end) {
  std::array<RuleMask, 256> t{};
  for (int c = 0; c < 256; ++c) {
    for (size_t i = 0; i < kNumRules; ++i) {
      if (AllowsByte(kBoilerplateRules[i], c, k, from_end)) t[c] |= RuleMask{1} << i;
    }
  }
  return t;
}
constexpr std::array<RuleMask, kMaxRuleBytes + 1> LengthMasks() {
  std::array<RuleMask, kMaxRuleBytes + 1> t{};
  for (size_t n = 0; n <= kMaxRuleBytes; ++n) {
    for (size_t i = 0; i < kNumRules; ++i) {
      const BoilerplateRuleDef& r = kBoilerplateRules[i];
      bool ok = n <= r.max_line_bytes;
      if (r.match == Match::kExact) ok = ok && n == r.pattern.size();
      if (r.match != Match::kCaption && r.match != Match::kDigitsOnly) {
        ok = ok && n >= r.pattern.size();
      }
      if (ok) t[n] |= RuleMask{1} << i;
    }
  }
  return t;
}
constexpr auto kFirstByteMasks = ByteMasks(0, false);
constexpr auto kSecondByteMasks = ByteMasks(1, false);
constexpr auto kLastByteMasks = ByteMasks(0, true);
constexpr auto kPenultByteMasks = ByteMasks(1, true);
constexpr auto kLengthMasks = LengthMasks();

inline bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

// [b, e) trimmed of ASCII whitespace and a UTF-8 BOM / NBSP at the edges.
std::pair<size_t, size_t> TrimSlow(std::string_view t, size_t b, size_t e) {
  while (true) {
    if (b < e && IsSpace(t[b])) { ++b; continue; }
    if (b + 3 <= e && t.substr(b, 3) == "\xEF\xBB\xBF") { b += 3; continue; }
    if (b + 2 <= e && t.substr(b, 2) == "\xC2\xA0") { b += 2; continue; }
    break;
  }
  while (true) {
    if (e > b && IsSpace(t[e - 1])) { --e; continue; }
    if (e >= b + 2 && t.substr(e - 2, 2) == "\xC2\xA0") { e -= 2; continue; }
    break;
  }
  return {b, e};
}

// The same, inline for the common cases: an empty line, or edges that are
// neither whitespace nor the first byte of a BOM / NBSP (0xEF, 0xC2) and no
// NBSP at the end.
inline std::pair<size_t, size_t> Trim(std::string_view t, size_t b, size_t e) {
  if (b >= e) return {b, e};
  if (!IsSpace(t[b]) && !IsSpace(t[e - 1]) && t[b] != '\xEF' && t[b] != '\xC2' &&
      t[e - 1] != '\xA0') {
    return {b, e};
  }
  return TrimSlow(t, b, e);
}

// A byline must look like a name list: "By Jane Doe and John Roe", no
// sentence punctuation at the end.
bool PlausibleByline(std::string_view line) {
  const char last = line.back();
  return last != '.' && last != ',' && last != ';' && line.size() > 3 &&
         std::isupper(static_cast<unsigned char>(line[3]));
}

// Title heuristic: a short line that does not end like a sentence.
bool LooksLikeTitle(std::string_view line) {
  if (line.empty() || line.size() > 300) return false;
  size_t e = line.size();
  const char last = line[e - 1];
  return last != '.' && last != '!' && last != '?' && last != ':' && last != ',';
}

size_t ParseDateMarker(std::string_view text, Layout* out) {
  size_t i = 0;
  while (i < text.size() && IsSpace(text[i])) ++i;
  if (text.substr(i, 5) != "date " && text.substr(i, 5) != "date\t") return 0;
  i += 5;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  size_t j = i;
  while (j < text.size() && !IsSpace(text[j])) ++j;
  std::string_view tok = text.substr(i, j - i);
  if (tok.empty() || !std::isdigit(static_cast<unsigned char>(tok[0]))) return 0;
  out->date = Date::Parse(tok);
  if (!out->date) out->bad_date = std::string(tok.substr(0, 40));
  return j;
}

// A scraped photo gallery: "Photos: <gallery title> <caption> Hide Caption 1
// of 22 Photos: <gallery title> <caption> Hide Caption 2 of 22 ...", one
// paragraph of any length (the same gallery recurs across a site's articles).
bool PhotoGallery(std::string_view line) {
  if (!line.starts_with("Photos:") && !line.starts_with("Hide Caption ")) return false;
  size_t at = line.find("Hide Caption ");
  return at != std::string_view::npos && at + 13 < line.size() &&
         line[at + 13] >= '0' && line[at + 13] <= '9';
}

// Finds the newlines of one text in order, 64 bytes per SSE2 step (a
// per-line memchr call costs more than the scan on short lines).
class NewlineScanner {
 public:
  explicit NewlineScanner(std::string_view text) : text_(text) {}

  // Offset of the first '\n' at or after `pos`, or text.size() when none.
  // Calls must come with non-decreasing `pos`.
  size_t Next(size_t pos) {
    size_t block = pos & ~size_t{63};
    if (block != block_) Load(block);
    uint64_t m = mask_ & (~uint64_t{0} << (pos - block));
    while (m == 0) {
      block += 64;
      if (block >= text_.size()) return text_.size();
      Load(block);
      m = mask_;
    }
    return block + static_cast<size_t>(__builtin_ctzll(m));
  }

 private:
  void Load(size_t block) {
    block_ = block;
    const char* p = text_.data() + block;
    char tail[64] = {};
    if (block + 64 > text_.size()) {  // the last, partial block
      std::memcpy(tail, p, text_.size() - block);
      p = tail;
    }
    const __m128i nl = _mm_set1_epi8('\n');
    mask_ = 0;
    for (int k = 0; k < 4; ++k) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
      mask_ |= static_cast<uint64_t>(static_cast<uint32_t>(
                   _mm_movemask_epi8(_mm_cmpeq_epi8(v, nl))))
               << (16 * k);
    }
  }

  std::string_view text_;
  size_t block_ = static_cast<size_t>(-1);
  uint64_t mask_ = 0;
};

}  // namespace

const char* BoilerplateRule(std::string_view line, std::string_view title) {
  if (line.empty()) return nullptr;
  if (!title.empty() && line == title) return "duplicate-title";
  if (PhotoGallery(line)) return "photo-gallery";
  if (line.size() > kMaxRuleBytes) return nullptr;  // no rule accepts it
  auto lower = [&](size_t i) { return static_cast<unsigned char>(AsciiLower(line[i])); };
  RuleMask m = kLengthMasks[line.size()] & kFirstByteMasks[lower(0)] &
               kLastByteMasks[lower(line.size() - 1)];
  if (m != 0 && line.size() >= 2) {
    m &= kSecondByteMasks[lower(1)] & kPenultByteMasks[lower(line.size() - 2)];
  }
  // Rows in table order (lowest bit first), so the first match still wins.
  for (; m != 0; m &= m - 1) {
    const BoilerplateRuleDef& r = kBoilerplateRules[__builtin_ctzll(m)];
    if (!RuleMatches(r, line)) continue;
    if (std::string_view(r.name) == "byline" && !PlausibleByline(line)) continue;
    return r.name;
  }
  return nullptr;
}

void LayOutBody(std::string_view text, size_t from, std::string_view title,
                bool strip_boilerplate, std::vector<ByteRange>* body) {
  size_t run_b = 0, run_e = 0;
  bool in_run = false;
  auto flush = [&] {
    if (in_run) body->push_back(ByteRange{static_cast<uint32_t>(run_b), static_cast<uint32_t>(run_e)});
    in_run = false;
  };
  NewlineScanner newlines(text);
  size_t pos = from;
  while (pos < text.size()) {
    const size_t line_end = newlines.Next(pos);
    auto [b, e] = Trim(text, pos, line_end);
    pos = line_end + 1;
    if (b >= e) continue;
    std::string_view line = text.substr(b, e - b);
    if (strip_boilerplate && BoilerplateRule(line, title) != nullptr) {
      flush();
      continue;
    }
    if (!in_run) run_b = b;
    in_run = true;
    run_e = e;
  }
  flush();
}

Layout LayOutTextArticle(std::string_view text, bool strip_boilerplate) {
  Layout out;
  size_t pos = ParseDateMarker(text, &out);
  const size_t after_marker = pos;
  // First non-empty line after the marker.
  size_t nl = text.find('\n', pos);
  size_t line_end = nl == std::string_view::npos ? text.size() : nl;
  auto [b, e] = Trim(text, pos, line_end);
  while (b >= e && line_end < text.size()) {
    pos = line_end + 1;
    nl = text.find('\n', pos);
    line_end = nl == std::string_view::npos ? text.size() : nl;
    std::tie(b, e) = Trim(text, pos, line_end);
  }
  std::string_view first = text.substr(b, e - b);
  std::string_view title;
  if (b < e && line_end < text.size() && LooksLikeTitle(first) &&
      BoilerplateRule(first, {}) == nullptr) {
    out.title_range = ByteRange{static_cast<uint32_t>(b), static_cast<uint32_t>(e)};
    out.body.push_back(out.title_range);
    title = first;
    pos = line_end;
  }
  LayOutBody(text, pos, title, strip_boilerplate, &out.body);
  if (!out.date && out.bad_date.empty() && after_marker == 0) {
    out.date = InferArticleDate(text, after_marker, out.title_range);
    out.date_inferred = out.date.has_value();
  }
  return out;
}

}  // namespace parley::ingest
