#include "ingest/dateline.h"

#include <array>
#include <string>

#include "ingest/text_article.h"

namespace parley::ingest {
namespace {

// Bytes of body content (after the title) searched for a dateline.
constexpr size_t kHeaderContentBytes = 600;
// A stand-alone date line ("Published: 14 July 2024 at 10:32 GMT") is short.
constexpr size_t kMaxDateLineBytes = 100;
// A wire dateline's date starts within this many bytes of the first paragraph.
constexpr size_t kMaxWirePrefixBytes = 60;
// Bytes of the first paragraph searched for a wire dateline (prefix, date and
// the dash or parenthesis after it).
constexpr size_t kMaxWireLineBytes = 120;

struct Word {
  size_t b = 0, e = 0;
};

bool IsAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::string LowerWord(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = Lower(c);
  return out;
}

std::vector<Word> Words(std::string_view s) {
  std::vector<Word> out;
  for (size_t i = 0; i < s.size();) {
    if (!IsAlnum(s[i])) { ++i; continue; }
    size_t j = i;
    while (j < s.size() && IsAlnum(s[j])) ++j;
    out.push_back({i, j});
    i = j;
  }
  return out;
}

// 1..12 for a month name or abbreviation, else 0.
int MonthOf(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  const std::string l = LowerWord(w);
  if (l == "sept") return 9;
  for (int m = 0; m < 12; ++m) {
    if (l == kFull[m] || (l.size() == 3 && kFull[m].substr(0, 3) == l)) return m + 1;
  }
  return 0;
}

// 1..31 for "22", "22nd", "1st", else 0.
int DayOf(std::string_view w) {
  size_t n = 0;
  while (n < w.size() && IsDigit(w[n])) ++n;
  if (n == 0 || n > 2) return 0;
  const std::string suffix = LowerWord(w.substr(n));
  if (!suffix.empty() && suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") {
    return 0;
  }
  const int d = n == 1 ? w[0] - '0' : (w[0] - '0') * 10 + (w[1] - '0');
  return d >= 1 && d <= 31 ? d : 0;
}

int YearOf(std::string_view w) {
  if (w.size() != 4 || !IsDigit(w[0]) || !IsDigit(w[1]) || !IsDigit(w[2]) || !IsDigit(w[3])) {
    return 0;
  }
  const int y = std::stoi(std::string(w));
  return y >= 1900 && y <= 2099 ? y : 0;
}

// Separator between two parts of a written date: spaces, commas, periods.
bool SoftSeparator(std::string_view s) {
  if (s.empty() || s.size() > 4) return false;
  for (char c : s) {
    if (c != ' ' && c != ',' && c != '.' && c != '\t') return false;
  }
  return true;
}

struct Cursor {
  std::string_view line;
  const std::vector<Word>& w;
  std::string_view Text(size_t i) const { return line.substr(w[i].b, w[i].e - w[i].b); }
  std::string_view Between(size_t i) const {  // bytes between word i and i+1
    return line.substr(w[i].e, w[i + 1].b - w[i].e);
  }
};

std::optional<DateMatch> Make(const Cursor& c, size_t first, size_t last, int y, int m, int d) {
  if (!Date::IsValidYmd(y, m, d)) return std::nullopt;
  return DateMatch{Date::FromYmd(y, m, d), c.w[first].b, c.w[last].e};
}

// "August 22, 2024" / "Aug. 22nd 2024" starting at word i.
std::optional<DateMatch> MonthDayYear(const Cursor& c, size_t i) {
  if (i + 2 >= c.w.size()) return std::nullopt;
  const int m = MonthOf(c.Text(i));
  if (m == 0 || !SoftSeparator(c.Between(i))) return std::nullopt;
  const int d = DayOf(c.Text(i + 1));
  if (d == 0 || !SoftSeparator(c.Between(i + 1))) return std::nullopt;
  const int y = YearOf(c.Text(i + 2));
  if (y == 0) return std::nullopt;
  return Make(c, i, i + 2, y, m, d);
}

// "22 August 2024" / "22nd of Aug. 2024" starting at word i.
std::optional<DateMatch> DayMonthYear(const Cursor& c, size_t i) {
  const int d = DayOf(c.Text(i));
  if (d == 0) return std::nullopt;
  size_t j = i + 1;
  if (j < c.w.size() && LowerWord(c.Text(j)) == "of" && SoftSeparator(c.Between(i))) ++j;
  if (j + 1 >= c.w.size() || !SoftSeparator(c.Between(j - 1))) return std::nullopt;
  const int m = MonthOf(c.Text(j));
  if (m == 0 || !SoftSeparator(c.Between(j))) return std::nullopt;
  const int y = YearOf(c.Text(j + 1));
  if (y == 0) return std::nullopt;
  return Make(c, i, j + 1, y, m, d);
}

// "2024-08-22" / "2024/08/22" starting at word i.
std::optional<DateMatch> IsoDate(const Cursor& c, size_t i) {
  if (i + 2 >= c.w.size()) return std::nullopt;
  const int y = YearOf(c.Text(i));
  const std::string_view s1 = c.Between(i), s2 = c.Between(i + 1);
  if (y == 0 || (s1 != "-" && s1 != "/") || s2 != s1) return std::nullopt;
  const std::string_view ms = c.Text(i + 1);
  std::string_view ds = c.Text(i + 2);
  // An ISO timestamp glues the time on: "2024-08-22T10:00".
  if (ds.size() > 2 && (ds[2] == 'T' || ds[2] == 't')) ds = ds.substr(0, 2);
  if (ms.size() > 2 || ds.size() > 2) return std::nullopt;
  for (char ch : std::string(ms) + std::string(ds)) {
    if (!IsDigit(ch)) return std::nullopt;
  }
  auto m = Make(c, i, i + 2, y, std::stoi(std::string(ms)), std::stoi(std::string(ds)));
  if (m) m->end = c.w[i + 2].b + ds.size();
  return m;
}

}  // namespace

std::optional<DateMatch> FindCompleteDate(std::string_view line) {
  const std::vector<Word> words = Words(line);
  const Cursor c{line, words};
  for (size_t i = 0; i < words.size(); ++i) {
    if (auto m = MonthDayYear(c, i)) return m;
    if (auto m = DayMonthYear(c, i)) return m;
    if (auto m = IsoDate(c, i)) return m;
  }
  return std::nullopt;
}

namespace {

bool IsDigitWord(std::string_view w) {
  for (char ch : w) {
    if (!IsDigit(ch)) return false;
  }
  return true;
}

// Words a stand-alone date line may carry besides the date, capitalized
// names (outlet, place) and numbers (clock times).
bool DateLineWord(const std::string& l) {
  static constexpr std::string_view kWords[] = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
      "published", "updated", "posted", "last", "modified", "first", "date", "on", "at",
      "am", "pm", "a", "m", "p", "gmt", "utc", "et", "est", "edt", "bst", "cet", "cest",
      "ist", "read", "reading", "time", "min", "mins", "minute", "minutes", "by", "and"};
  for (std::string_view w : kWords) {
    if (l == w) return true;
  }
  return false;
}

// "Published: 14 July 2024 at 10:32 GMT", "Thursday, August 22, 2024",
// "Jerusalem, 22 August 2024": short, and every other word is a date-line
// word, a number, or one of at most four capitalized names.
bool IsDateLine(std::string_view line, const DateMatch& m) {
  if (line.size() > kMaxDateLineBytes) return false;
  int names = 0;
  for (const Word& w : Words(line)) {
    if (w.b >= m.begin && w.e <= m.end) continue;
    const std::string_view t = line.substr(w.b, w.e - w.b);
    if (IsDigitWord(t) || DateLineWord(LowerWord(t))) continue;
    if (t[0] >= 'A' && t[0] <= 'Z' && ++names <= 4) continue;
    return false;
  }
  return true;
}

// Wire dateline at the start of the first paragraph: "GAZA CITY, Aug. 22,
// 2024 (Reuters) - ...", "Beirut, 22 August 2024 — ...": only capitalized
// words before the date, and a dash or parenthesis right after it.
bool IsWireDateline(std::string_view line, const DateMatch& m) {
  if (m.begin > kMaxWirePrefixBytes) return false;
  for (const Word& w : Words(line.substr(0, m.begin))) {
    if (!(line[w.b] >= 'A' && line[w.b] <= 'Z')) return false;
  }
  size_t i = m.end;
  while (i < line.size() && (line[i] == ' ' || line[i] == ',' || line[i] == '.')) ++i;
  const std::string_view rest = line.substr(i);
  return rest.starts_with("-") || rest.starts_with("(") || rest.starts_with("\u2013") ||
         rest.starts_with("\u2014") || rest.starts_with("/");
}

std::string_view TrimLine(std::string_view s) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  return s;
}

}  // namespace

std::optional<Date> InferArticleDate(std::string_view text, size_t from, ByteRange title) {
  const std::string_view title_text = text.substr(title.start, title.size());
  size_t content_bytes = 0;
  bool first_content = true;
  for (size_t pos = from; pos < text.size() && content_bytes < kHeaderContentBytes;) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const size_t line_start = pos;
    pos = nl + 1;
    if (title.size() > 0 && line_start <= title.start && title.start < nl) continue;
    std::string_view line = TrimLine(text.substr(line_start, nl - line_start));
    if (line.empty()) continue;
    const bool boilerplate = BoilerplateRule(line, title_text) != nullptr;
    if (!boilerplate) content_bytes += line.size();
    // Only the start of a long content line can hold a (wire) dateline.
    const bool wire = !boilerplate && first_content;
    first_content = first_content && boilerplate;
    if (!boilerplate && !wire && line.size() > kMaxDateLineBytes) continue;
    if (!boilerplate && line.size() > kMaxDateLineBytes) line = line.substr(0, kMaxWireLineBytes);
    std::optional<DateMatch> m = FindCompleteDate(line);
    if (m && (boilerplate || IsDateLine(line, *m) || (wire && IsWireDateline(line, *m)))) {
      return m->date;
    }
  }
  return std::nullopt;
}

}  // namespace parley::ingest
