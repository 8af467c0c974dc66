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

// Wars whose day counts date articles: the first day and the words that
// name the war. Edit with docs/ingest_and_text.md ("Date inference").
struct WarEpoch {
  int year, month, day;
  std::array<std::string_view, 8> cues;
};
constexpr WarEpoch kWarEpochs[] = {
    {2023, 10, 7, {"gaza", "israeli", "israel", "zionist", "occupation", "palestinian",
                   "palestinians", "hamas"}},
    {2022, 2, 24, {"ukraine", "ukrainian", "russia", "russian", "kyiv", "moscow", "putin", ""}},
    {2023, 4, 15, {"sudan", "sudanese", "rsf", "khartoum", "darfur", "", "", ""}},
};
constexpr std::string_view kWarWords[] = {"war",     "aggression", "invasion",  "genocide",
                                          "conflict", "fighting",   "offensive", "assault",
                                          "bombardment", "siege",   "hostilities"};
constexpr size_t kWarWindowWords = 7;

// The epoch the words [from, to) name, or -1 (none, or more than one).
int WarIn(const std::vector<std::string>& w, size_t from, size_t to) {
  bool war = false;
  int epoch = -1;
  for (size_t i = from; i < to && i < w.size(); ++i) {
    for (std::string_view ww : kWarWords) war |= w[i] == ww;
    for (int e = 0; e < static_cast<int>(std::size(kWarEpochs)); ++e) {
      for (std::string_view cue : kWarEpochs[e].cues) {
        if (cue.empty() || w[i] != cue) continue;
        if (epoch >= 0 && epoch != e) return -1;
        epoch = e;
      }
    }
  }
  return war ? epoch : -1;
}

// Lower-case words; digit groups joined across single commas ("1,000").
std::vector<std::string> CountWords(std::string_view text) {
  std::vector<std::string> out;
  size_t prev_end = std::string_view::npos;
  for (const Word& w : Words(text)) {
    std::string word = LowerWord(text.substr(w.b, w.e - w.b));
    bool joins = !out.empty() && prev_end + 1 == w.b && text[prev_end] == ',' &&
                 w.e - w.b == 3 && IsDigit(word[0]) && IsDigit(out.back().back());
    if (joins) out.back() += word;
    else out.push_back(std::move(word));
    prev_end = w.e;
  }
  return out;
}

int Count(const std::string& w) {
  if (w.empty() || w.size() > 4) return 0;
  for (char c : w) {
    if (!IsDigit(c)) return 0;
  }
  return std::stoi(w);
}

}  // namespace

std::optional<Date> DateFromWarDayCount(std::string_view text) {
  const std::vector<std::string> w = CountWords(text);
  for (size_t i = 1; i + 1 < w.size(); ++i) {
    int n = 0;
    size_t after = 0;
    if (w[i] == "days" && (w[i + 1] == "of" || w[i + 1] == "into")) {
      n = Count(w[i - 1]);  // "212 days of Israeli aggression"
      after = i + 2;
    } else if (w[i - 1] == "day" && i + 1 < w.size() && w[i + 1] == "of") {
      n = Count(w[i]);  // "day 500 of the war"
      after = i + 2;
    }
    if (n < 1 || n > 3650) continue;
    int e = WarIn(w, after, after + kWarWindowWords);
    if (e < 0) continue;
    const WarEpoch& ep = kWarEpochs[e];
    return Date::FromYmd(ep.year, ep.month, ep.day).AddDays(n - 1);
  }
  return std::nullopt;
}

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
  return DateFromWarDayCount(text.substr(from));
}

}  // namespace parley::ingest
