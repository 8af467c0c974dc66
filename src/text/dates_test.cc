#include <gtest/gtest.h>

#include <string>

#include "text/mentions.h"
#include "text/text_test_util.h"

namespace parley {
namespace {

using testing_util::AnalyzeString;

// "surface=date[..last][r]" for every date mention.
std::string Dates(const std::string& text, std::optional<std::string> date) {
  auto a = AnalyzeString(text, date);
  std::string out;
  for (const DateMention& d : a->text.dates) {
    if (!out.empty()) out += ' ';
    out += a->Surface(d.first_token, d.end_token) + "=" + d.date.ToString();
    if (d.last != d.date) out += ".." + d.last.ToString();
    if (d.relative) out += "r";
    EXPECT_EQ(static_cast<int32_t>(&d - a->text.dates.data()),
              a->text.tokens[d.first_token].date);
  }
  return out;
}

struct DateCase {
  const char* name;
  const char* doc_date;  // nullptr: no document date
  const char* text;
  const char* want;
};

TEST(DatesTest, TableOfResolutionRules) {
  const DateCase cases[] = {
      // Absolute dates.
      {"FullDate", "2024-07-20", "It happened on July 14, 2024.", "July 14, 2024=2024-07-14"},
      {"FullDateNoDocDate", nullptr, "It happened on July 14, 2024.", "July 14, 2024=2024-07-14"},
      {"WeekdayFullDate", "2024-07-20", "Sunday, July 14, 2024 was hot.",
       "Sunday, July 14, 2024=2024-07-14"},
      {"DayMonthYear", "2024-07-20", "On 14 July 2024 talks ended.", "14 July 2024=2024-07-14"},
      {"Iso", nullptr, "Filed 2024-07-14 by staff.", "2024-07-14=2024-07-14"},
      {"MonthYear", nullptr, "In October 2023 war began.",
       "October 2023=2023-10-01..2023-10-31"},
      {"InYear", nullptr, "Elections were held in 2023.", "2023=2023-01-01..2023-12-31"},
      {"InYearAtSentenceStart", nullptr, "Talks failed. In 2023, war began.",
       "2023=2023-01-01..2023-12-31"},
      {"YearCueNotAcrossSentences", nullptr, "He came in. 2023 was hard.", ""},
      // Month-day without a year.
      {"MonthDaySameYear", "2024-08-22", "They met on August 21 in Doha.", "August 21=2024-08-21r"},
      {"OnJuly2", "2024-08-22", "On July 2, Hamas agreed.", "July 2=2024-07-02r"},
      {"DayMonth", "2024-07-20", "On 14 July they met.", "14 July=2024-07-14r"},
      {"MonthDayFarFutureMeansLastYear", "2024-07-14", "since October 7, hostages",
       "October 7=2023-10-07r"},
      {"MonthDayNearFutureStays", "2024-08-10", "Talks resume on August 21.",
       "August 21=2024-08-21r"},
      {"DecemberArticleJanuary", "2024-12-20", "Talks resume on January 5.",
       "January 5=2025-01-05r"},
      {"MonthDayNeedsDocDate", nullptr, "They met on August 21 in Doha.", ""},
      // "N units ago": days and weeks give the day, months and years ranges.
      {"DaysAgo", "2025-06-12", "It was struck two days ago.", "two days ago=2025-06-10r"},
      {"WeeksAgoDigits", "2025-06-12", "It was struck 3 weeks ago.", "3 weeks ago=2025-05-22r"},
      {"AMonthAgo", "2025-03-15", "Talks failed a month ago.",
       "a month ago=2025-02-01..2025-02-28r"},
      {"YearsAgoAcrossNewYear", "2025-01-10", "It began two years ago.",
       "two years ago=2023-01-01..2023-12-31r"},
      {"AgoWithoutACountIsNoDate", "2025-06-12", "Long ago they met.", ""},
      {"AgoNeedsDocDate", nullptr, "It was struck two days ago.", ""},
      // Weekdays; 2020-08-30 is a Sunday.
      {"Saturday", "2020-08-30", "The envoy met Saturday with officials.", "Saturday=2020-08-29r"},
      {"Friday", "2020-08-30", "On Friday, jets struck.", "Friday=2020-08-28r"},
      {"ThursdayNight", "2020-08-30", "rockets on Thursday night.", "Thursday night=2020-08-27r"},
      {"SaturdayEvening", "2020-08-30", "spoke on Saturday evening.", "Saturday evening=2020-08-29r"},
      {"SameWeekdayIsDocDate", "2020-08-29", "on Saturday balloons flew.", "Saturday=2020-08-29r"},
      {"LastSaturdaySameDay", "2020-08-29", "last Saturday balloons flew.",
       "last Saturday=2020-08-22r"},
      {"NextMonday", "2020-08-30", "They meet next Monday.", "next Monday=2020-08-31r"},
      {"WillMonday", "2020-08-30", "They will meet on Wednesday.", "Wednesday=2020-09-02r"},
      {"WeekdayNeedsDocDate", nullptr, "On Saturday they met.", ""},
      // Relative words.
      {"Yesterday", "2020-08-30", "Yesterday they met.", "Yesterday=2020-08-29r"},
      {"YesterdayAfternoon", "2020-08-30", "clashes yesterday afternoon near",
       "yesterday afternoon=2020-08-29r"},
      {"WireDatelineTwoDigitYear", "1990-01-03", "SAN SALVADOR, 3 JAN 90 -- [TEXT]",
       "3 JAN 90=1990-01-03"},
      {"TwoDigitCountIsNoYear", "2024-07-20", "On 14 July 90 people died.", "14 July=2024-07-14r"},
      {"Today", "2020-08-30", "talks began today.", "today=2020-08-30r"},
      {"Tonight", "2020-08-30", "leave Cairo tonight.", "tonight=2020-08-30r"},
      {"Tomorrow", "2020-08-30", "talks end tomorrow.", "tomorrow=2020-08-31r"},
      {"ThisMorning", "2020-08-30", "this morning rockets fell.", "this morning=2020-08-30r"},
      {"LastNight", "2020-08-30", "last night rockets fell.", "last night=2020-08-29r"},
      {"LastWeek", "2020-08-30", "entered the Strip last week to talk.",
       "last week=2020-08-17..2020-08-23r"},
      {"NextWeek", "2020-08-30", "talks next week.", "next week=2020-08-31..2020-09-06r"},
      {"LastMonth", "2024-03-10", "talks last month.", "last month=2024-02-01..2024-02-29r"},
      {"LastMonthJanuary", "2024-01-10", "talks last month.", "last month=2023-12-01..2023-12-31r"},
      {"LastYear", "2024-03-10", "talks last year.", "last year=2023-01-01..2023-12-31r"},
      {"EarlierThisWeek", "2020-08-30", "earlier this week they met.",
       "earlier this week=2020-08-24..2020-08-30r"},
      {"SinceOctoberOfLastYear", "2024-08-22", "Since October of last year, war.",
       "October of last year=2023-10-01..2023-10-31r"},
      {"InOctober", "2024-07-22", "It began in October.", "October=2023-10-01..2023-10-31r"},
      {"InOctoberSoon", "2024-08-22", "Polls open in October.", "October=2024-10-01..2024-10-31r"},
      {"LastOctober", "2024-11-22", "It began last October.", "last October=2024-10-01..2024-10-31r"},
      {"LastOctoberInOctober", "2024-10-15", "It began last October.",
       "last October=2023-10-01..2023-10-31r"},
      {"MayAsModalIsNoDate", "2024-08-22", "They may 5 times try.", ""},
  };
  for (const DateCase& c : cases) {
    std::optional<std::string> d;
    if (c.doc_date) d = c.doc_date;
    EXPECT_EQ(c.want, Dates(c.text, d)) << c.name;
  }
}

TEST(DatesTest, MonthAndWeekdayNames) {
  EXPECT_EQ(9, text_internal::MonthNumber("sept."));
  EXPECT_EQ(1, text_internal::MonthNumber("jan"));
  EXPECT_EQ(0, text_internal::MonthNumber("ja"));
  EXPECT_EQ(5, text_internal::WeekdayNumber("saturday"));
  EXPECT_EQ(-1, text_internal::WeekdayNumber("someday"));
}

}  // namespace
}  // namespace parley
