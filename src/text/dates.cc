// Date mentions, resolved against the document date (doc.date).
//
// Absolute (no document date needed; relative = false):
//   "2024-07-14"; "July 14, 2024"; "Sunday, July 14, 2024"; "14 July 2024";
//   "3 JAN 90" (two-digit year within a year of the document date);
//   "October 2023" / "October of 2023" (month range); "in 2023" (year range,
//   after in/since/during/until/by/from/of/early/late/mid/before/after).
// Relative (need doc.date; skipped without one; relative = true):
//   "July 14", "14 July", "on July 2": the year of the document date, moved
//     one year back when that lands more than kFutureWindowDays after the
//     document date ("October 7" in a July 2024 article -> 2023-10-07) and one
//     year forward when the next occurrence is within the window (a December
//     article's "January 5").
//   weekdays ("Saturday", "Thursday night", "Saturday evening"): the most
//     recent such day strictly before the document date, or the document date
//     itself when it falls on that weekday; "last Saturday" is always
//     strictly before; "next Saturday" and a weekday in a sentence with "will"
//     before it are the next occurrence after the document date.
//   "yesterday", "last night" = doc - 1; "today", "tonight", "this morning"
//     (afternoon/evening) = doc; "tomorrow" = doc + 1.
//   "last/this/next week" = Monday..Sunday ranges; "last/this/next month",
//   "last/this/next year" = calendar ranges; "earlier this week/month/year"
//     = the "this" range.
//   month names without a year ("in October", "last October",
//     "October of last year", "October of this year") = month ranges.
//   "two days ago", "3 weeks ago", "a month ago", "a year ago": N days or
//     weeks back = that day; months or years back = that calendar month or
//     year (found at "ago", a date word).
#include <array>
#include <cstdlib>

#include "text/keywords.h"
#include "text/mentions.h"

namespace parley::text_internal {
namespace {

constexpr int kFutureWindowDays = 60;

constexpr std::string_view kMonths[] = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};
constexpr std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday",
                                          "thursday", "friday", "saturday",
                                          "sunday"};
constexpr std::string_view kDayParts[] = {"morning", "afternoon", "evening",
                                          "night"};
constexpr std::string_view kYearCues[] = {
    "in", "since", "during", "until", "by", "from", "of", "early", "late",
    "mid", "before", "after", "through", "throughout"};

int ParseSmallInt(std::string_view s, int max_digits) {
  if (s.empty() || static_cast<int>(s.size()) > max_digits) return -1;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

// "14", "14th", "1st", "22nd" -> day of month; -1 otherwise.
int DayOfMonth(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
  std::string_view suf = s.substr(i);
  if (!(suf.empty() || suf == "st" || suf == "nd" || suf == "rd" || suf == "th")) {
    return -1;
  }
  int d = ParseSmallInt(s.substr(0, i), 2);
  return d >= 1 && d <= 31 ? d : -1;
}

int YearValue(std::string_view s) {
  int y = ParseSmallInt(s, 4);
  return s.size() == 4 && y >= 1800 && y <= 2200 ? y : -1;
}

Date LastDayOfMonth(int y, int m) {
  return m == 12 ? Date::FromYmd(y, 12, 31) : Date::FromYmd(y, m + 1, 1).AddDays(-1);
}

template <size_t N>
bool In(const std::string_view (&list)[N], std::string_view w) {
  for (std::string_view x : list) {
    if (x == w) return true;
  }
  return false;
}

class DateFinder {
 public:
  DateFinder(const Document& doc, uint8_t* kw, AnalyzedText* out)
      : doc_date_(doc.date), kw_(kw), out_(out), toks_(out->tokens) {}
  void Run(const std::vector<uint32_t>& candidates);

 private:
  // The norm of token i when it is in the current sentence, else "".
  std::string_view Norm(uint32_t i) const {
    if (i >= toks_.size() || i < sentence_start_) return {};
    if (i > cur_ && toks_[i].has(kTokSentenceStart)) return {};
    return toks_[i].norm;
  }
  bool Cap(uint32_t i) const { return i < toks_.size() && toks_[i].has(kTokCapitalized); }
  int Month(uint32_t i) const;
  uint32_t TryAt(uint32_t i);
  uint32_t MonthDay(uint32_t i, uint32_t first);
  uint32_t DayMonth(uint32_t i, uint32_t first);
  int TwoDigitYear(std::string_view s) const;
  uint32_t MonthOnly(uint32_t i);
  uint32_t Weekday(uint32_t i);
  uint32_t Relative(uint32_t i);
  uint32_t Ago(uint32_t i);
  uint32_t Year(uint32_t i);
  bool FutureCue(uint32_t i) const;
  Date ResolveMonthDay(int m, int d) const;
  // A date that needs the (missing) document date: no mention, but its
  // tokens are marked so that "May 5" does not become the count 5.
  uint32_t MarkUnresolved(uint32_t b, uint32_t e) {
    for (uint32_t k = b; k < e; ++k) kw_[k] = kKeywordInUnresolvedDate;
    return e;
  }
  uint32_t Add(uint32_t b, uint32_t e, Date first, Date last, bool relative) {
    DateMention m;
    m.first_token = b;
    m.end_token = e;
    m.date = first;
    m.last = last;
    m.relative = relative;
    toks_[b].date = static_cast<int32_t>(out_->dates.size());
    out_->dates.push_back(m);
    return e;
  }

  const KeywordDef* Kw(uint32_t i) const {
    return i < toks_.size() && kw_[i] != 0 && kw_[i] != kKeywordInUnresolvedDate &&
                   !Norm(i).empty()
               ? &KeywordById(kw_[i])
               : nullptr;
  }

  std::optional<Date> doc_date_;
  uint8_t* kw_;
  AnalyzedText* out_;
  std::vector<Token>& toks_;
  uint32_t cur_ = 0;
  uint32_t sentence_start_ = 0;
};

int DateFinder::Month(uint32_t i) const {
  const KeywordDef* k = Kw(i);
  if (k == nullptr || !(k->kinds & kKwMonth)) return 0;
  const int m = k->month;
  // "may" and "march" are also common lower-case words.
  if ((m == 5 || m == 3) && !Cap(i)) return 0;
  return m;
}

Date DateFinder::ResolveMonthDay(int m, int d) const {
  const int y = doc_date_->year();
  auto make = [&](int year) {
    return Date::IsValidYmd(year, m, d) ? Date::FromYmd(year, m, d)
                                        : Date::FromYmd(year, m, 28);
  };
  Date same = make(y);
  if (same > *doc_date_) {
    if (same.days() - doc_date_->days() <= kFutureWindowDays) return same;
    return make(y - 1);
  }
  Date next = make(y + 1);
  if (next.days() - doc_date_->days() <= kFutureWindowDays) return next;
  return same;
}

// Month Day [,] [Year]: "July 14, 2024", "July 14", "Aug. 21st".
uint32_t DateFinder::MonthDay(uint32_t i, uint32_t first) {
  const int m = Month(i);
  if (m == 0) return 0;
  const int d = DayOfMonth(Norm(i + 1));
  if (d < 0) return 0;
  uint32_t e = i + 2;
  int y = -1;
  if (Norm(e) == "," && YearValue(Norm(e + 1)) > 0) {
    y = YearValue(Norm(e + 1));
    e += 2;
  } else if (YearValue(Norm(e)) > 0) {
    y = YearValue(Norm(e));
    e += 1;
  }
  if (y > 0) {
    if (!Date::IsValidYmd(y, m, d)) return 0;
    Date dt = Date::FromYmd(y, m, d);
    return Add(first, e, dt, dt, false);
  }
  if (!doc_date_) return MarkUnresolved(first, e);
  Date dt = ResolveMonthDay(m, d);
  return Add(first, e, dt, dt, true);
}

// Wire datelines write "3 JAN 90": a two-digit year is accepted only when
// it is within a year of the document date's year (so "14 July 90 people"
// stays a count).
int DateFinder::TwoDigitYear(std::string_view s) const {
  if (!doc_date_ || s.size() != 2) return -1;
  const int yy = ParseSmallInt(s, 2);
  if (yy < 0) return -1;
  const int dy = doc_date_->year();
  for (int y : {dy - 1, dy, dy + 1}) {
    if (y % 100 == yy) return y;
  }
  return -1;
}

// Day Month [Year]: "14 July 2024", "14 July", "3 JAN 90".
uint32_t DateFinder::DayMonth(uint32_t i, uint32_t first) {
  const int d = DayOfMonth(Norm(i));
  if (d < 0) return 0;
  uint32_t j = i + 1;
  if (Norm(j) == "of") ++j;
  const int m = Month(j);
  if (m == 0) return 0;
  uint32_t e = j + 1;
  int y = YearValue(Norm(e));
  if (y < 0) y = TwoDigitYear(Norm(e));
  if (y > 0) {
    if (!Date::IsValidYmd(y, m, d)) return 0;
    Date dt = Date::FromYmd(y, m, d);
    return Add(first, e + 1, dt, dt, false);
  }
  if (!doc_date_) return MarkUnresolved(first, e);
  Date dt = ResolveMonthDay(m, d);
  return Add(first, e, dt, dt, true);
}

// "October 2023", "October of 2023", "October of last year", "last
// October", "in October".
uint32_t DateFinder::MonthOnly(uint32_t i) {
  uint32_t first = i;
  const bool last_cue = Norm(i) == "last";
  if (last_cue) ++i;
  const int m = Month(i);
  if (m == 0) return 0;
  uint32_t j = i + 1;
  if (Norm(j) == "of") ++j;
  int y = YearValue(Norm(j));
  uint32_t e = j + 1;
  bool relative = false;
  if (y < 0) {
    if (!doc_date_) return 0;
    relative = true;
    const int dy = doc_date_->year();
    if ((Norm(j) == "last" || Norm(j) == "this" || Norm(j) == "next") &&
        Norm(j + 1) == "year") {
      y = Norm(j) == "last" ? dy - 1 : Norm(j) == "next" ? dy + 1 : dy;
      e = j + 2;
    } else {
      const bool cue = last_cue || (i > 0 && In(kYearCues, Norm(i - 1)) && i - 1 >= sentence_start_);
      if (!cue || !Cap(i)) return 0;
      e = i + 1;
      Date start = ResolveMonthDay(m, 1);
      y = start.year();
      if (last_cue && start >= Date::FromYmd(dy, doc_date_->month(), 1)) --y;
    }
  }
  return Add(first, e, Date::FromYmd(y, m, 1), LastDayOfMonth(y, m), relative);
}

bool DateFinder::FutureCue(uint32_t i) const {
  for (uint32_t k = sentence_start_; k < i; ++k) {
    if (toks_[k].norm == "will" || toks_[k].norm == "'ll") return true;
  }
  return false;
}

// [last|next|this] Weekday [morning|afternoon|evening|night], or a weekday
// heading a full date ("Sunday, July 14, 2024").
uint32_t DateFinder::Weekday(uint32_t i) {
  uint32_t first = i;
  std::string_view mod = Norm(i);
  if (mod == "last" || mod == "next" || mod == "this") ++i;
  else mod = {};
  const KeywordDef* k = Kw(i);
  if (k == nullptr || !(k->kinds & kKwWeekday)) return 0;
  const int wd = k->weekday;
  if (mod.empty()) {
    uint32_t j = Norm(i + 1) == "," ? i + 2 : i + 1;
    if (uint32_t e = MonthDay(j, first)) return e;
    if (uint32_t e = DayMonth(j, first)) return e;
  }
  if (!doc_date_) return 0;
  uint32_t e = i + 1;
  if (In(kDayParts, Norm(e))) ++e;
  const int dw = doc_date_->weekday();
  int back = (dw - wd + 7) % 7;
  Date dt = doc_date_->AddDays(-back);
  if (mod == "last" && back == 0) dt = doc_date_->AddDays(-7);
  if (mod == "next" || (mod.empty() && back != 0 && FutureCue(first))) {
    int fwd = (wd - dw + 7) % 7;
    dt = doc_date_->AddDays(fwd == 0 ? 7 : fwd);
  }
  return Add(first, e, dt, dt, true);
}

// "two days ago", "3 weeks ago", "a month ago", "a year ago", found at
// "ago" and starting two tokens before it: days and weeks give the day,
// months and years the calendar month or year.
uint32_t DateFinder::Ago(uint32_t i) {
  if (i < 2 || i - 2 < sentence_start_) return 0;
  if (!out_->dates.empty() && out_->dates.back().end_token > i - 2) return 0;  // overlap
  std::string_view n = Norm(i - 2), unit = Norm(i - 1);
  if (!unit.empty() && unit.back() == 's') unit.remove_suffix(1);
  if (unit != "day" && unit != "week" && unit != "month" && unit != "year") return 0;
  int count = 0;
  if (n == "a" || n == "an" || n == "one") {
    count = 1;
  } else if (toks_[i - 2].has(kTokNumber)) {
    count = ParseSmallInt(n, 3);
  } else if (std::optional<double> v = NumberWordValue(n); v && *v >= 1 && *v < 1000) {
    count = static_cast<int>(*v);
  }
  if (count <= 0) return 0;
  const Date doc = *doc_date_;
  if (unit == "day" || unit == "week") {
    const Date d = doc.AddDays(-count * (unit == "day" ? 1 : 7));
    return Add(i - 2, i + 1, d, d, true);
  }
  if (unit == "month") {
    int months = doc.year() * 12 + (doc.month() - 1) - count;
    const int y = months / 12, m = months % 12 + 1;
    return Add(i - 2, i + 1, Date::FromYmd(y, m, 1), LastDayOfMonth(y, m), true);
  }
  const int y = doc.year() - count;
  return Add(i - 2, i + 1, Date::FromYmd(y, 1, 1), Date::FromYmd(y, 12, 31), true);
}

// yesterday, today, tonight, tomorrow, last night, this morning, last week,
// this month, next year, earlier this week ...
uint32_t DateFinder::Relative(uint32_t i) {
  if (!doc_date_) return 0;
  const Date doc = *doc_date_;
  std::string_view w = Norm(i);
  if (w == "ago") return Ago(i);
  if (w == "yesterday" || w == "today" || w == "tonight" || w == "tomorrow") {
    // "yesterday afternoon", "tomorrow morning" include the part of day.
    const uint32_t e = In(kDayParts, Norm(i + 1)) && w != "tonight" ? i + 2 : i + 1;
    const Date d = w == "yesterday" ? doc.AddDays(-1) : w == "tomorrow" ? doc.AddDays(1) : doc;
    return Add(i, e, d, d, true);
  }
  uint32_t first = i;
  if (w == "earlier" || w == "later") {
    if (Norm(i + 1) != "this") return 0;
    w = Norm(++i);
  }
  if (w != "last" && w != "this" && w != "next") return 0;
  const std::string_view unit = Norm(i + 1);
  const int sign = w == "last" ? -1 : w == "next" ? 1 : 0;
  if (unit == "night" && sign <= 0) {
    Date d = sign < 0 ? doc.AddDays(-1) : doc;
    return Add(first, i + 2, d, d, true);
  }
  if (In(kDayParts, unit) && sign == 0) return Add(first, i + 2, doc, doc, true);
  if (unit == "week") {
    Date monday = doc.AddDays(-doc.weekday() + 7 * sign);
    return Add(first, i + 2, monday, monday.AddDays(6), true);
  }
  if (unit == "month") {
    int y = doc.year(), m = doc.month() + sign;
    if (m == 0) { m = 12; --y; }
    if (m == 13) { m = 1; ++y; }
    return Add(first, i + 2, Date::FromYmd(y, m, 1), LastDayOfMonth(y, m), true);
  }
  if (unit == "year") {
    int y = doc.year() + sign;
    return Add(first, i + 2, Date::FromYmd(y, 1, 1), Date::FromYmd(y, 12, 31), true);
  }
  return 0;
}

// "in 2023", "since 2019", "early 2020".
uint32_t DateFinder::Year(uint32_t i) {
  const int y = YearValue(Norm(i));
  if (y < 0 || i == 0 || i - 1 < sentence_start_ || !In(kYearCues, Norm(i - 1))) return 0;
  if (toks_[i].norm.find(',') != std::string_view::npos) return 0;
  return Add(i, i + 1, Date::FromYmd(y, 1, 1), Date::FromYmd(y, 12, 31), false);
}

uint32_t DateFinder::TryAt(uint32_t i) {
  const Token& t = toks_[i];
  if (t.has(kTokNumber) && t.norm.size() == 10 && t.norm[4] == '-') {
    if (auto d = Date::Parse(t.norm)) return Add(i, i + 1, *d, *d, false);
    return 0;
  }
  if (t.has(kTokPunct)) return 0;
  if (uint32_t e = Weekday(i)) return e;
  if (uint32_t e = MonthDay(i, i)) return e;
  if (uint32_t e = DayMonth(i, i)) return e;
  if (uint32_t e = MonthOnly(i)) return e;
  if (uint32_t e = Relative(i)) return e;
  return Year(i);
}

// Visits only candidate tokens; the others cannot start a date. The
// current sentence is found by walking the sentence list alongside.
void DateFinder::Run(const std::vector<uint32_t>& candidates) {
  const std::vector<Sentence>& sentences = out_->sentences;
  size_t s = 0;
  uint32_t next = 0;  // tokens before `next` belong to a mention already
  for (const uint32_t i : candidates) {
    if (i < next) continue;
    const Token& t = toks_[i];
    const bool digits = t.norm[0] >= '0' && t.norm[0] <= '9';
    if (!digits && (kw_[i] == 0 || kw_[i] == kKeywordInUnresolvedDate ||
                    !(KeywordById(kw_[i]).kinds & kDateStartKinds))) {
      continue;
    }
    // Only for the candidates that can start a date (the walk's exit branch
    // is erratic; i only grows, so skipped candidates change nothing).
    while (s + 1 < sentences.size() && sentences[s + 1].first_token <= i) ++s;
    if (s < sentences.size() && sentences[s].first_token <= i) {
      sentence_start_ = sentences[s].first_token;
    }
    cur_ = i;
    const uint32_t e = TryAt(i);
    next = e > i ? e : i + 1;
  }
}

}  // namespace

int MonthNumber(std::string_view norm) {
  if (!norm.empty() && norm.back() == '.') norm.remove_suffix(1);
  if (norm.size() < 3) return 0;
  if (norm == "sept") return 9;
  for (int m = 0; m < 12; ++m) {
    if (norm == kMonths[m]) return m + 1;
    if (norm.size() == 3 && kMonths[m].substr(0, 3) == norm) return m + 1;
  }
  return 0;
}

int WeekdayNumber(std::string_view norm) {
  for (int d = 0; d < 7; ++d) {
    if (norm == kWeekdays[d]) return d;
  }
  return -1;
}

void FindDates(const Document& doc, uint8_t* keywords,
               const std::vector<uint32_t>& candidates, AnalyzedText* out) {
  DateFinder finder(doc, keywords, out);
  finder.Run(candidates);
}

}  // namespace parley::text_internal
