// PETRARCH validation files (PETR.UnitTest.*.xml) and the validation run
// behind `parley validate`: read the records and their dictionaries, code
// each record's text with the record's date, compare the produced
// (source, target, code) set with the expected one exactly.
//
// validation XML -> [ValidationFile] -> text -> dict -> code -> report
#ifndef PARLEY_CODE_VALIDATION_H_
#define PARLEY_CODE_VALIDATION_H_

#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "parley/date.h"
#include "parley/status.h"

namespace parley {

struct ExpectedEvent {
  std::string source, target, code;
  friend auto operator<=>(const ExpectedEvent&, const ExpectedEvent&) = default;
};

struct ValidationRecord {
  std::string id;
  std::string category;
  std::optional<Date> date;
  std::string text;
  std::vector<ExpectedEvent> events;
  bool noevents = false;
  std::string error;  // "storydiscard", "sentencediscard", "dateline", ...
  uint32_t line = 0;  // 1-based line of <Sentence>
  // The record's <Parse> is present but its brackets do not balance: bad
  // input that PETRARCH rejects (Parley codes from the text alone).
  bool bad_parse = false;
};

struct ValidationFile {
  std::string verbfile;
  std::vector<std::string> actorfiles;
  std::string agentfile;
  std::string discardfile;
  std::vector<ValidationRecord> records;
};

// Parses the XML text. Comments, <Parse> and unknown elements are ignored;
// attribute values may use " or '; entities &amp; &lt; &gt; &quot; &apos;
// &#N; are decoded. Errors name `path` and the line.
StatusOr<ValidationFile> ParseValidationXml(std::string_view xml, const std::string& path);

struct ValidationOptions {
  // Dictionary directory replacing the files named in <Environment>.
  std::string dictionaries;
  std::string wordnet_dir = "/usr/share/wordnet";
  bool verbose = false;  // print passing records too
  bool explain = false;  // print the coder's Explain() for printed records
};

struct ValidationSummary {
  int passed = 0;
  int failed = 0;
  std::map<std::string, std::pair<int, int>> by_category;  // passed, failed
};

// Runs the file; prints each failing record (expected vs produced), a
// per-category table and a final line "N passed, M failed".
Status RunValidation(const std::string& path, const ValidationOptions& options,
                     std::ostream& out, ValidationSummary* summary);

}  // namespace parley

#endif  // PARLEY_CODE_VALIDATION_H_
