// Civil (proleptic Gregorian) dates as used throughout Parley: article dates,
// resolved event dates, dated dictionary roles. A Date is a day number so that
// comparisons and arithmetic are trivial; formatting is ISO 8601.
#ifndef PARLEY_DATE_H_
#define PARLEY_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley {

class Date {
 public:
  Date() = default;  // 1970-01-01
  // REQUIRES: a valid calendar date (see IsValidYmd).
  static Date FromYmd(int year, int month, int day);
  static Date FromDays(int32_t days_since_epoch) { return Date(days_since_epoch); }
  // Parses "YYYY-MM-DD" (also "YYYYMMDD"); nullopt on anything else or an
  // impossible date such as 2024-02-30.
  static std::optional<Date> Parse(std::string_view text);
  static bool IsValidYmd(int year, int month, int day);

  int32_t days() const { return days_; }
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  // 0 = Monday ... 6 = Sunday (ISO order).
  int weekday() const;
  Date AddDays(int32_t n) const { return Date(days_ + n); }
  std::string ToString() const;  // "YYYY-MM-DD"

  friend auto operator<=>(const Date&, const Date&) = default;

 private:
  explicit Date(int32_t d) : days_(d) {}
  int32_t days_ = 0;
};

}  // namespace parley

#endif  // PARLEY_DATE_H_
