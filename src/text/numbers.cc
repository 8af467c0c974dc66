// Number mentions. Three shapes, tried in this order at each token:
//   digits      "40,223", "1.2", "6", optionally followed by a scale word:
//               "1.2 million", "3 million"; glued scales "600m", "1.13bn"
//   vague       "dozens" (24), "scores of" (40), "hundreds" (200),
//               "thousands" (2000), "millions", "tens of thousands"
//               (20000), "hundreds of thousands" (200000), "several" (3),
//               "a few" (2), "a number of" (2): value = conventional lower
//               bound, vague = true
//   words       "six", "ninety-two", "twenty five", "two hundred",
//               "a dozen" (12), "a hundred", "half a million" (500000)
// Not numbers: tokens inside a date mention, times ("10:30", "3 p.m."),
// ordinals ("7th"), decades ("1990s").
#include <cmath>
#include <cstdlib>
#include <string>

#include "text/keywords.h"
#include "text/mentions.h"

namespace parley::text_internal {
namespace {

struct NamedValue {
  std::string_view name;
  double value;
};

constexpr NamedValue kUnits[] = {
    {"zero", 0},     {"one", 1},       {"two", 2},        {"three", 3},
    {"four", 4},     {"five", 5},      {"six", 6},        {"seven", 7},
    {"eight", 8},    {"nine", 9},      {"ten", 10},       {"eleven", 11},
    {"twelve", 12},  {"thirteen", 13}, {"fourteen", 14},  {"fifteen", 15},
    {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}};
constexpr NamedValue kTens[] = {{"twenty", 20}, {"thirty", 30}, {"forty", 40},
                                {"fifty", 50},  {"sixty", 60},  {"seventy", 70},
                                {"eighty", 80}, {"ninety", 90}};
constexpr NamedValue kScales[] = {{"hundred", 100},   {"thousand", 1e3},
                                  {"million", 1e6},   {"billion", 1e9},
                                  {"trillion", 1e12}, {"mln", 1e6},
                                  {"bln", 1e9},       {"bn", 1e9}};
constexpr NamedValue kVague[] = {{"dozens", 24},    {"hundreds", 200},
                                 {"thousands", 2000}, {"millions", 2e6},
                                 {"billions", 2e9}, {"several", 3}};

template <size_t N>
std::optional<double> Find(const NamedValue (&t)[N], std::string_view w) {
  for (const NamedValue& nv : t) {
    if (nv.name == w) return nv.value;
  }
  return std::nullopt;
}

std::optional<double> ScaleOf(std::string_view w) { return Find(kScales, w); }

// "40,223" -> 40223; nullopt for "10:30" or "2024-07-14".
std::optional<double> ParseDigits(std::string_view s) {
  char buf[64];
  size_t n = 0;
  for (char c : s) {
    if (c == ',') continue;
    if ((c < '0' || c > '9') && c != '.') return std::nullopt;
    if (n + 1 >= sizeof(buf)) return std::nullopt;
    buf[n++] = c;
  }
  if (n == 0) return std::nullopt;
  buf[n] = 0;
  return std::strtod(buf, nullptr);
}

// "600m" -> 6e8, "1.13bn" -> 1.13e9, "5k" -> 5000.
std::optional<double> ParseGluedScale(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == ',')) ++i;
  if (i == 0 || i == s.size()) return std::nullopt;
  std::string_view suffix = s.substr(i);
  double scale = 0;
  if (suffix == "m" || suffix == "mn" || suffix == "mln") scale = 1e6;
  else if (suffix == "bn" || suffix == "b" || suffix == "bln") scale = 1e9;
  else if (suffix == "k") scale = 1e3;
  else return std::nullopt;
  auto v = ParseDigits(s.substr(0, i));
  if (!v) return std::nullopt;
  return *v * scale;
}

class NumberFinder {
 public:
  NumberFinder(const uint8_t* kw, AnalyzedText* out)
      : kw_(kw), out_(out), toks_(out->tokens) {}
  void Run(const std::vector<uint32_t>& candidates);

 private:
  std::string_view Norm(uint32_t i) const {
    return i < toks_.size() ? toks_[i].norm : std::string_view();
  }
  bool SameSentence(uint32_t i) const {
    return i < toks_.size() && !toks_[i].has(kTokSentenceStart);
  }
  // False when token i is only a number cue ("a", "an", "half") and the next
  // token cannot continue a number phrase ("a few", "a number of", "a
  // dozen", "a million", "half a million"), so Vague() and Words() would
  // find nothing.
  bool CanStartNumber(uint32_t i) const {
    if (KeywordById(kw_[i]).kinds != kKwNumberCue) return true;
    const std::string_view next = Norm(i + 1);
    return next == "number" || next == "few" || next == "a" || next == "dozen" ||
           ScaleOf(next).has_value();
  }
  uint32_t Digits(uint32_t i);
  uint32_t Vague(uint32_t i);
  uint32_t Words(uint32_t i);
  void Add(uint32_t b, uint32_t e, double v, bool vague) {
    NumberMention m;
    m.first_token = b;
    m.end_token = e;
    m.value = v;
    m.vague = vague;
    toks_[b].number = static_cast<int32_t>(out_->numbers.size());
    out_->numbers.push_back(m);
  }

  const uint8_t* kw_;
  AnalyzedText* out_;
  std::vector<Token>& toks_;
};

// Returns the end token of a digit mention at i, or i when none.
uint32_t NumberFinder::Digits(uint32_t i) {
  const Token& t = toks_[i];
  if (t.has(kTokWord)) {
    auto g = ParseGluedScale(t.norm);
    if (!g) return i;
    Add(i, i + 1, *g, false);
    return i + 1;
  }
  auto v = ParseDigits(t.norm);
  if (!v) return i;
  std::string_view next = Norm(i + 1);
  if (SameSentence(i + 1) && (next == "a.m." || next == "p.m." || next == "am" ||
                              next == "pm" || next == "gmt")) {
    return i + 2;  // a time, not a count
  }
  if (SameSentence(i + 1)) {
    if (auto s = ScaleOf(next)) {
      Add(i, i + 2, *v * *s, false);
      return i + 2;
    }
  }
  Add(i, i + 1, *v, false);
  return i + 1;
}

uint32_t NumberFinder::Vague(uint32_t i) {
  std::string_view w = Norm(i);
  // "tens of thousands", "hundreds of thousands", "scores of"
  if ((w == "tens" || w == "hundreds") && Norm(i + 1) == "of" &&
      (Norm(i + 2) == "thousands" || Norm(i + 2) == "millions")) {
    double base = w == "tens" ? 20 : 200;
    Add(i, i + 3, base * (Norm(i + 2) == "thousands" ? 1e3 : 1e6), true);
    return i + 3;
  }
  if (w == "scores" && Norm(i + 1) == "of") {
    Add(i, i + 1, 40, true);
    return i + 1;
  }
  if (w == "a" && Norm(i + 1) == "number" && Norm(i + 2) == "of") {
    Add(i, i + 3, 2, true);
    return i + 3;
  }
  if (w == "a" && Norm(i + 1) == "few") {
    Add(i, i + 2, 2, true);
    return i + 2;
  }
  if (auto v = Find(kVague, w)) {
    Add(i, i + 1, *v, true);
    return i + 1;
  }
  return i;
}

// Cardinal words: "twenty five", "two hundred and ten", "a dozen",
// "half a million", "ninety-two".
uint32_t NumberFinder::Words(uint32_t i) {
  uint32_t j = i;
  double total = 0, current = 0, factor = 1;
  bool any = false;
  if (Norm(j) == "half" && Norm(j + 1) == "a" && ScaleOf(Norm(j + 2))) {
    factor = 0.5;
    j += 1;
  }
  if ((Norm(j) == "a" || Norm(j) == "an") &&
      (ScaleOf(Norm(j + 1)) || Norm(j + 1) == "dozen")) {
    current = 1;
    ++j;
  }
  bool last_was_unit = false;
  for (; j < toks_.size() && (j == i || SameSentence(j)); ++j) {
    std::string_view w = Norm(j);
    if (auto u = NumberWordValue(w)) {
      if (last_was_unit && !(*u < 10 && std::fmod(current, 100) >= 20 &&
                             std::fmod(current, 10) == 0)) {
        break;  // "two three" is two numbers; "twenty five" is one
      }
      current += *u;
      any = true;
      last_was_unit = true;
    } else if (w == "dozen" && (any || current == 1)) {
      current = (current == 0 ? 1 : current) * 12;
      any = true;
      last_was_unit = false;
    } else if (auto s = ScaleOf(w); s && (any || current == 1) && *s >= 100) {
      if (*s == 100) {
        current = (current == 0 ? 1 : current) * 100;
      } else {
        total += (current == 0 ? 1 : current) * *s;
        current = 0;
      }
      any = true;
      last_was_unit = false;
    } else if (w == "and" && any && NumberWordValue(Norm(j + 1)) &&
               std::fmod(current, 100) == 0 && current + total >= 100) {
      last_was_unit = false;
    } else {
      break;
    }
  }
  if (!any) return i;
  Add(i, j, (total + current) * factor, false);
  return j;
}

// Visits only candidate tokens (a keyword or a leading digit); no other
// token can start a number.
void NumberFinder::Run(const std::vector<uint32_t>& candidates) {
  const auto& dates = out_->dates;
  size_t d = 0;
  uint32_t next = 0;  // tokens before `next` are consumed
  for (const uint32_t i : candidates) {
    if (i < next) continue;
    while (d < dates.size() && dates[d].end_token <= i) ++d;
    if (d < dates.size() && dates[d].first_token <= i) {
      next = dates[d].end_token;
      continue;
    }
    const Token& t = toks_[i];
    if (kw_[i] == kKeywordInUnresolvedDate) continue;
    uint32_t e = i;
    if (t.has(kTokNumber) || (t.has(kTokWord) && t.norm[0] >= '0' && t.norm[0] <= '9')) {
      e = Digits(i);
    } else if (kw_[i] != 0 && (KeywordById(kw_[i]).kinds & kNumberStartKinds)) {
      if (CanStartNumber(i)) {
        e = Vague(i);
        if (e == i) e = Words(i);
      }
    }
    next = e > i ? e : i + 1;
  }
}

}  // namespace

std::optional<double> NumberWordValue(std::string_view norm) {
  if (auto u = Find(kUnits, norm)) return u;
  if (auto t = Find(kTens, norm)) return t;
  size_t dash = norm.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  auto tens = Find(kTens, norm.substr(0, dash));
  auto unit = Find(kUnits, norm.substr(dash + 1));
  if (tens && unit && *unit >= 1 && *unit <= 9) return *tens + *unit;
  return std::nullopt;
}

void FindNumbers(const uint8_t* keywords, const std::vector<uint32_t>& candidates,
                 AnalyzedText* out) {
  NumberFinder finder(keywords, out);
  finder.Run(candidates);
}

}  // namespace parley::text_internal
