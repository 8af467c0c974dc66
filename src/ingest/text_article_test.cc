#include "ingest/text_article.h"

#include <gtest/gtest.h>

#include <string>

namespace parley::ingest {
namespace {

TEST(BoilerplateTest, TableOfLines) {
  const std::pair<const char*, const char*> cases[] = {
      {"Published", "published"},
      {"Updated 3 hours ago", "updated"},
      {"Reading time: 1 min", "reading-time"},
      {"Thursday, August 22, 2024 \u00b7 Read time2 min", "read-time"},
      {"4 min read", "min-read"},
      {"Read next: 212 days of war", "read-next"},
      {"Read more", "read-more"},
      {"Share", "share"},
      {"Advertisement", "advertisement"},
      {"source site-29", "source-site"},
      {"By Jane Roe and John Doe", "byline"},
      {"A camp in Gaza, July 14, 2024. (ABED RAHIM / ANADOLU / AFP)", "caption"},
      {"Smoke rises over the city (Photo: Jane Roe)", "caption"},
      {"Jane Roe contributed to this report.", "contributed"},
      {"Enlarge this image toggle caption Jane Roe/AFP/Getty Images", "caption"},
      {"Image copyright Reuters", "photo-credit"},
      {"Photos: Terror attacks in Brussels An injured woman leaves the airport. Hide Caption 1 "
       "of 22 Photos: Terror attacks in Brussels Windows are blown out. Hide Caption 2 of 22",
       "photo-gallery"},
      {"Hide Caption 7 of 21 Photos: Obama in Europe Obama speaks at a news conference.",
       "photo-gallery"},
      {"Jane Roe/AFP via Getty Images", "photo-credit"},
      {"Video", "embed"},
      {"CLOSE", "embed"},
      {"Continue reading the main story", "embed"},
      {"06:22", "digits-only"},
      {"JUST WATCHED Talks stall Replay More Videos ... MUST WATCH Talks stall 02:10", "embed"},
      {"191129145046395", "digits-only"},
  };
  for (const auto& [line, rule] : cases) {
    const char* got = BoilerplateRule(line, "");
    ASSERT_NE(nullptr, got) << line;
    EXPECT_STREQ(rule, got) << line;
  }
}

TEST(BoilerplateTest, ContentLinesAreKept) {
  const char* content[] = {
      "By sunset the shelling had stopped, residents said.",
      "Published reports say 20 people died in the attack on the camp near the border.",
      "Hamas said it would share its response with mediators (Qatar and Egypt).",
      "The talks (held in Cairo / Doha) resumed.",  // not at line end
      "Sharing intelligence was key.",
      "Video footage showed the strike.",
      "Photos: the army released images of the site.",  // no gallery marker
      "Hide Caption is what the button said.",
      "1,200",
  };
  for (const char* line : content) EXPECT_EQ(nullptr, BoilerplateRule(line, "")) << line;
  EXPECT_STREQ("duplicate-title", BoilerplateRule("Talks resume", "Talks resume"));
}

TEST(TextArticleTest, DateMarkerTitleAndBoilerplate) {
  const std::string text =
      "Talks resume in Doha\n\nPublished\n\nReading time: 1 min\n\n"
      "First paragraph here.\nSecond line.\n\nsource site-3\n";
  Layout l = LayOutTextArticle(text, true);
  EXPECT_FALSE(l.date.has_value());
  EXPECT_EQ("Talks resume in Doha", text.substr(l.title_range.start, l.title_range.size()));
  ASSERT_EQ(2u, l.body.size());
  EXPECT_EQ(l.title_range, l.body[0]);
  EXPECT_EQ("First paragraph here.\nSecond line.",
            text.substr(l.body[1].start, l.body[1].size()));
}

TEST(TextArticleTest, DateMarkerIsNotBodyAndFirstParagraphIsNoTitle) {
  const std::string text = " date 2020-08-30 Long first paragraph that ends like a sentence.\n\nMore.";
  Layout l = LayOutTextArticle(text, true);
  ASSERT_TRUE(l.date.has_value());
  EXPECT_EQ("2020-08-30", l.date->ToString());
  EXPECT_EQ(0u, l.title_range.size());
  ASSERT_EQ(1u, l.body.size());
  EXPECT_EQ(text.find("Long"), l.body[0].start);
  EXPECT_EQ(text.size(), l.body[0].end);
}

TEST(TextArticleTest, BadDateMarkerIsReported) {
  Layout l = LayOutTextArticle(" date 2024-02-30 Text.\n", true);
  EXPECT_FALSE(l.date.has_value());
  EXPECT_EQ("2024-02-30", l.bad_date);
}

TEST(TextArticleTest, BoilerplateKeptWhenStrippingIsOff) {
  const std::string text = "Title line\nPublished\nBody.";
  Layout l = LayOutTextArticle(text, false);
  ASSERT_EQ(2u, l.body.size());
  EXPECT_EQ("Published\nBody.", text.substr(l.body[1].start, l.body[1].size()));
}

}  // namespace
}  // namespace parley::ingest
