#include "parley/date.h"

#include <gtest/gtest.h>

namespace parley {
namespace {

TEST(DateTest, RoundTripsIsoStrings) {
  for (const char* s : {"2020-08-30", "2024-02-29", "1987-10-20", "2000-01-01"}) {
    auto d = Date::Parse(s);
    ASSERT_TRUE(d.has_value()) << s;
    EXPECT_EQ(s, d->ToString());
  }
}

TEST(DateTest, RejectsImpossibleDates) {
  EXPECT_FALSE(Date::Parse("2024-02-30").has_value());
  EXPECT_FALSE(Date::Parse("2023-02-29").has_value());
  EXPECT_FALSE(Date::Parse("2024-13-01").has_value());
  EXPECT_FALSE(Date::Parse("24-01-01").has_value());
  EXPECT_FALSE(Date::Parse("2024-01-0x").has_value());
}

TEST(DateTest, WeekdayIsIsoOrdered) {
  EXPECT_EQ(6, Date::Parse("2020-08-30")->weekday());  // Sunday
  EXPECT_EQ(5, Date::Parse("2020-08-29")->weekday());  // Saturday
  EXPECT_EQ(0, Date::Parse("2024-07-15")->weekday());  // Monday
}

TEST(DateTest, ArithmeticCrossesMonthAndYear) {
  EXPECT_EQ("2024-03-01", Date::Parse("2024-02-29")->AddDays(1).ToString());
  EXPECT_EQ("2023-12-31", Date::Parse("2024-01-01")->AddDays(-1).ToString());
  EXPECT_EQ(Date::Parse("20240101"), Date::Parse("2024-01-01"));
}

}  // namespace
}  // namespace parley
