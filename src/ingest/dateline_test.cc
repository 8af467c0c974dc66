#include "ingest/dateline.h"

#include <gtest/gtest.h>

#include <string>

#include "ingest/text_article.h"

namespace parley::ingest {
namespace {

std::string Found(std::string_view line) {
  auto m = FindCompleteDate(line);
  return m ? m->date.ToString() + "@" + std::to_string(m->begin) : "none";
}

TEST(DatelineTest, CompleteDatesInCommonFormatsAreFound) {
  const struct {
    const char* line;
    const char* want;
  } kCases[] = {
      {"Thursday, August 22, 2024  Read time2 min", "2024-08-22@10"},
      {"Published: 14 July 2024", "2024-07-14@11"},
      {"Aug. 22, 2024", "2024-08-22@0"},
      {"Sept 3 2023", "2023-09-03@0"},
      {"the 22nd of August, 2024", "2024-08-22@4"},
      {"August 22nd, 2024", "2024-08-22@0"},
      {"posted 2024-08-22T10:00", "2024-08-22@7"},
      {"2024/08/22", "2024-08-22@0"},
      {"The camp near the city, July 14, 2024. (NAME / AGENCY / AFP)", "2024-07-14@24"},
      {"on August 21 to discuss", "none"},        // no year
      {"in July 2024", "none"},                   // no day
      {"February 30, 2024", "none"},              // impossible
      {"22/08/2024", "none"},                     // ambiguous numeric order
      {"May 2024 saw 5, 2024 ...", "none"},
      {"2024-13-01", "none"},
  };
  for (const auto& c : kCases) EXPECT_EQ(c.want, Found(c.line)) << c.line;
}

std::string Inferred(const std::string& text) {
  Layout l = LayOutTextArticle(text, true);
  if (!l.date) return "null";
  return l.date->ToString() + (l.date_inferred ? " inferred" : " marker");
}

TEST(DatelineTest, HeaderDatelinesSetTheArticleDate) {
  const struct {
    const char* name;
    std::string text;
    const char* want;
  } kCases[] = {
      {"dateline line", "A title here\n\nThursday, August 22, 2024  Read time2 min\n\nBody text.\n",
       "2024-08-22 inferred"},
      {"published line", "A title\nPublished: 14 July 2024 at 10:32 GMT\nBody text.\n",
       "2024-07-14 inferred"},
      {"caption after a standfirst",
       "Title\n\nThe standfirst sums up the story in one sentence.\n\nPublished\n\n"
       "The camp near the city, July 14, 2024. (NAME / AGENCY / AFP)\n\nBody text.\n",
       "2024-07-14 inferred"},
      {"wire dateline", "Title\nGAZA CITY, Aug. 22, 2024 (Reuters) - Talks resumed.\n",
       "2024-08-22 inferred"},
      {"wire dateline opening a long paragraph",
       "Title\nBEIRUT, 22 August 2024 \u2014 Mediators met again on Thursday in the capital, "
       "officials said, as talks over a ceasefire entered a third week with no agreement in sight "
       "and pressure mounted.\n",
       "2024-08-22 inferred"},
      {"date late in a long first paragraph",
       "Title\nMediators met again on Thursday in the capital, officials said, as talks over a "
       "ceasefire that began on August 1, 2024 entered a third week.\n",
       "null"},
      {"no date at all", "Title\nTalks resumed on Sunday in Doha.\n", "null"},
      {"marker wins", " date 2020-08-30 Title\nThursday, August 22, 2024\nBody.\n",
       "2020-08-30 marker"},
      {"date in an ordinary body sentence",
       "Title\nIsrael marks one year since October 7, 2023\nOn October 7, 2023, fighters "
       "crossed the fence.\n",
       "null"},
      {"date in the title", "Attack of October 7, 2023: a year later\nBody text.\n", "null"},
  };
  for (const auto& c : kCases) EXPECT_EQ(c.want, Inferred(c.text)) << c.name;
}

TEST(DatelineTest, DateDeepInTheBodyIsNeverUsed) {
  std::string text = "Title\n";
  for (int i = 0; i < 12; ++i) text += "A long paragraph of ordinary reporting with no date in it at all.\n";
  text += "Published: 14 July 2024\n";
  EXPECT_EQ("null", Inferred(text));
}

TEST(DatelineTest, WarDayCountsDateTheArticle) {
  const struct {
    const char* text;
    const char* want;
  } kCases[] = {
      {"Read next: 212 days of Israeli aggression: 34,683 killed", "2024-05-05"},
      {"On day 1,000 of Russia's full-scale invasion of Ukraine, Kyiv said", "2024-11-19"},
      {"after 100 days of war in Sudan, aid groups", "2023-07-23"},
      {"the 1 days of the war on Gaza", "2023-10-07"},
      {"after 18 days of intense negotiations in Doha", "none"},   // no war word
      {"12 days of war between Israel and Iran and Russia", "none"},  // two wars cued
      {"after 500 days of war, the city", "none"},                // which war?
      {"Day 6 of strike at the port", "none"},
      {"99999 days of Israeli aggression", "none"},                // out of range
  };
  for (const auto& c : kCases) {
    auto d = DateFromWarDayCount(c.text);
    EXPECT_EQ(c.want, d ? d->ToString() : std::string("none")) << c.text;
  }
}

}  // namespace
}  // namespace parley::ingest
