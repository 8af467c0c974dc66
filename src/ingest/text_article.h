// Plain-text article layout and boilerplate detection (ingest).
//
// ArticleReader -> [LayOutTextArticle / LayOutBody] -> Document.body
//
// Web-scraped articles look like this (see testdata/articles/):
//    date 2024-07-14 First paragraph ...        <- optional date marker
//   Title line                                   <- first non-empty line,
//                                                   when it looks like a title
//   Reading time: 1 min                          <- boilerplate
//   Caption, July 14. (NAME / AGENCY / AFP)      <- photo caption
//   Body paragraph ...
//   source site-29                               <- boilerplate
// Boilerplate lines stay in Document::text (offsets are never shifted) but
// are left out of Document::body. The rules are the table kBoilerplateRules
// in text_article.cc; docs/ingest_and_text.md lists them.
#ifndef PARLEY_INGEST_TEXT_ARTICLE_H_
#define PARLEY_INGEST_TEXT_ARTICLE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/document.h"

namespace parley::ingest {

// The name of the boilerplate rule matching `line` (already trimmed), or
// nullptr when the line is content. `title` is the document title, if any: a
// later line repeating it is boilerplate ("duplicate-title").
const char* BoilerplateRule(std::string_view line, std::string_view title);

struct Layout {
  std::optional<Date> date;         // from the " date YYYY-MM-DD " marker, or
                                    // inferred from a dateline (dateline.h)
  bool date_inferred = false;       // date came from InferArticleDate
  std::string bad_date;             // marker present but not a valid date
  ByteRange title_range;            // empty when no title line
  std::vector<ByteRange> body;      // title + content lines
};

// Full plain-text layout: date marker (else inferred dateline), title,
// boilerplate.
Layout LayOutTextArticle(std::string_view text, bool strip_boilerplate);

// Body ranges of `text` from `from` on: content lines grouped into ranges,
// boilerplate lines (when strip_boilerplate) excluded, edges trimmed.
void LayOutBody(std::string_view text, size_t from, std::string_view title,
                bool strip_boilerplate, std::vector<ByteRange>* body);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_TEXT_ARTICLE_H_
