#include "ingest/text_article.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

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


// LayOutBody's contract written out plainly (one line at a time, found with
// find): trim each line of ASCII whitespace, a leading BOM and NBSPs at both
// edges; skip empty lines; boilerplate lines end a run of content lines.
std::vector<ByteRange> ReferenceBody(std::string_view text, size_t from, std::string_view title) {
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  std::vector<ByteRange> body;
  bool in_run = false;
  size_t pos = from;
  while (pos < text.size()) {
    size_t end = std::min(text.find('\n', pos), text.size());
    size_t b = pos, e = end;
    pos = end + 1;
    for (bool more = true; more;) {
      more = false;
      if (b < e && space(text[b])) ++b, more = true;
      else if (text.substr(b, std::min<size_t>(3, e - b)) == "\xEF\xBB\xBF") b += 3, more = true;
      else if (text.substr(b, std::min<size_t>(2, e - b)) == "\xC2\xA0") b += 2, more = true;
    }
    for (bool more = true; more;) {
      more = false;
      if (e > b && space(text[e - 1])) --e, more = true;
      else if (e >= b + 2 && text.substr(e - 2, 2) == "\xC2\xA0") e -= 2, more = true;
    }
    if (b >= e) continue;
    if (BoilerplateRule(text.substr(b, e - b), title) != nullptr) {
      in_run = false;
      continue;
    }
    if (!in_run) body.push_back(ByteRange{static_cast<uint32_t>(b), 0});
    in_run = true;
    body.back().end = static_cast<uint32_t>(e);
  }
  return body;
}

// Random texts of 0 to 400 bytes built from lines, blank lines, NBSP, BOM,
// CRLF and boilerplate, so that newlines fall on and around the 64-byte
// blocks of the newline scanner and the text ends with or without one.
TEST(TextArticleTest, LayOutBodyMatchesTheLineByLineReference) {
  const std::vector<std::string> pieces = {
      "\n", "\n\n", "\r\n", " ", "\xC2\xA0", "\xEF\xBB\xBF", "Advertisement\n",
      "By Jane Roe\n", "Talks resume\n", "Body text goes on. ", std::string(63, 'x'),
      "Read time 3 min\n", "word", "06:22\n"};
  std::mt19937 rng(3);
  for (int trial = 0; trial < 3000; ++trial) {
    std::string text;
    const size_t target = rng() % 400;
    while (text.size() < target) text += pieces[rng() % pieces.size()];
    const size_t from = text.empty() ? 0 : rng() % 3 == 0 ? rng() % text.size() : 0;
    const std::string_view title = trial % 2 ? "Talks resume" : "";
    std::vector<ByteRange> got;
    LayOutBody(text, from, title, true, &got);
    EXPECT_EQ(ReferenceBody(text, from, title), got) << "text '" << text << "' from " << from;
  }
}

}  // namespace
}  // namespace parley::ingest
