// Publication-date inference for plain-text articles without a date marker
// (ingest).
//
// ArticleReader -> LayOutTextArticle -> [InferArticleDate] -> Document.date
//
// Scraped articles often carry their publication date in a dateline near the
// top instead of the " date YYYY-MM-DD " marker: "Thursday, August 22, 2024
// Read time2 min", "Published: 14 July 2024", a photo caption "..., July 14,
// 2024. (NAME / AGENCY / AFP)" or a wire dateline "GAZA, Aug. 22, 2024
// (Reuters) - ...". The rule (docs/ingest_and_text.md, "Date inference"):
// only complete dates (day, month and year) count, and only in the header
// region; dates inside ordinary body sentences are never used.
#ifndef PARLEY_INGEST_DATELINE_H_
#define PARLEY_INGEST_DATELINE_H_

#include <optional>
#include <string_view>
#include <vector>

#include "parley/date.h"
#include "parley/document.h"

namespace parley::ingest {

// A complete calendar date found in a line, with its byte span in the line.
struct DateMatch {
  Date date;
  size_t begin = 0;
  size_t end = 0;
};

// The first complete date in `line`: "August 22, 2024", "Aug. 22 2024",
// "August 22nd, 2024", "22 August 2024", "22nd of Aug. 2024", "2024-08-22",
// "2024/08/22". Years 1900..2099; impossible dates (Feb 30) are skipped.
// Purely numeric day/month orders other than ISO are ambiguous and ignored.
std::optional<DateMatch> FindCompleteDate(std::string_view line);

// The date a war's day count gives: "212 days of Israeli aggression" (day 1
// = the war's first day, 2023-10-07 -> 2024-05-05), "day 500 of Russia's
// full-scale invasion". The words after "of"/"into" must name a war ("war",
// "aggression", "invasion", ...) and cue exactly one of the wars in the
// table in dateline.cc (Gaza 2023, Ukraine 2022, Sudan 2023); counts 1..3650.
// The first such count in `text` wins; nullopt when there is none.
std::optional<Date> DateFromWarDayCount(std::string_view text);

// The inferred publication date of a plain-text article, or nullopt.
// `from` is where the text starts after any date marker, `title` the title
// range (empty when none). Lines are classified with BoilerplateRule, so the
// result does not depend on ReaderOptions::strip_boilerplate. Without a
// dateline, a war day count anywhere in the text (related-article headlines
// included) dates the article: DateFromWarDayCount.
std::optional<Date> InferArticleDate(std::string_view text, size_t from, ByteRange title);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_DATELINE_H_
