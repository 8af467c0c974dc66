// One JSON Lines record -> Document fields (ingest).
//
// ArticleReader -> [JsonRecordParser] -> Document
//
// Recognized members: id (string or number), date (or "published" when
// date is absent; "YYYY-MM-DD", optionally followed by a time), title, text,
// url, outlet, language. Every other member is carried verbatim (minified)
// in Document::extra_json. A missing id becomes "h:" + 16 hex digits of the
// XXH3 of the text.
#ifndef PARLEY_INGEST_JSON_RECORD_H_
#define PARLEY_INGEST_JSON_RECORD_H_

#include <string>
#include <string_view>

#include <simdjson.h>

#include "parley/document.h"

namespace parley::ingest {

class JsonRecordParser {
 public:
  // Parses `line`, which must be followed by kLinePadding readable bytes
  // (byte_source.h; BufferedReader::NextLine guarantees it). On success
  // fills doc->id/date/title/url/outlet/language/extra_json/text and returns
  // an empty string; otherwise returns the rejection reason and sets
  // *id_out to the id when it could be read. *warning is set for a date that
  // is not YYYY-MM-DD (the document keeps date = null).
  std::string Parse(std::string_view line, Document* doc, std::string* id_out,
                    std::string* warning);

 private:
  simdjson::dom::parser parser_;
};

// Best-effort id of a record that failed to parse: the string after the
// first "id": in the raw line; empty when not found.
std::string SniffId(std::string_view line);

// Appends `s` to *out as a JSON string literal with quotes.
void AppendJsonQuoted(std::string_view s, std::string* out);

}  // namespace parley::ingest

#endif  // PARLEY_INGEST_JSON_RECORD_H_
