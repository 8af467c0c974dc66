#include "parley/date.h"


namespace parley {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
int32_t DaysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void CivilFromDays(int32_t z, int* y, int* m, int* d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int yy = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = yy + (*m <= 2);
}

int ParseDigits(std::string_view s) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return -1;
    v = v * 10 + (c - '0');
  }
  return v;
}

}  // namespace

bool Date::IsValidYmd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = kDays[month - 1];
  if (month == 2 && (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))) max = 29;
  return day <= max;
}

Date Date::FromYmd(int year, int month, int day) {
  return Date(DaysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

std::optional<Date> Date::Parse(std::string_view t) {
  int y, m, d;
  if (t.size() == 10 && t[4] == '-' && t[7] == '-') {
    y = ParseDigits(t.substr(0, 4));
    m = ParseDigits(t.substr(5, 2));
    d = ParseDigits(t.substr(8, 2));
  } else if (t.size() == 8) {
    y = ParseDigits(t.substr(0, 4));
    m = ParseDigits(t.substr(4, 2));
    d = ParseDigits(t.substr(6, 2));
  } else {
    return std::nullopt;
  }
  if (!IsValidYmd(y, m, d)) return std::nullopt;
  return FromYmd(y, m, d);
}

int Date::year() const {
  int y, m, d;
  CivilFromDays(days_, &y, &m, &d);
  return y;
}
int Date::month() const {
  int y, m, d;
  CivilFromDays(days_, &y, &m, &d);
  return m;
}
int Date::day() const {
  int y, m, d;
  CivilFromDays(days_, &y, &m, &d);
  return d;
}
int Date::weekday() const {
  // 1970-01-01 was a Thursday (3 in Monday=0 numbering).
  int w = (days_ + 3) % 7;
  return w < 0 ? w + 7 : w;
}

std::string Date::ToString() const {
  int y, m, d;
  CivilFromDays(days_, &y, &m, &d);
  // Years are 1..9999 for every Date built from valid input.
  std::string s(10, '0');
  unsigned uy = static_cast<unsigned>(y) % 10000u;
  for (int i = 3; i >= 0; --i, uy /= 10) s[i] = static_cast<char>('0' + uy % 10);
  s[4] = '-';
  s[5] = static_cast<char>('0' + m / 10);
  s[6] = static_cast<char>('0' + m % 10);
  s[7] = '-';
  s[8] = static_cast<char>('0' + d / 10);
  s[9] = static_cast<char>('0' + d % 10);
  return s;
}

}  // namespace parley
