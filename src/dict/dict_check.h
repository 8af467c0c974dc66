// CheckDictionaries: the library side of `parley dict check DIR|FILE...`:
// reads dictionary directories and files, prints every diagnostic
// (file:line:col), a summary of entry counts, the diagnostic categories,
// reading time and memory (RSS delta).
//
// dict: paths -> [ReadDictionaryDirectory / ReadDictionaryFile] -> report
#ifndef PARLEY_DICT_DICT_CHECK_H_
#define PARLEY_DICT_DICT_CHECK_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "parley/dictionary.h"
#include "parley/status.h"

namespace parley {

struct DictCheckOptions {
  // Passed to the readers; kStrict makes entry defects errors everywhere.
  ReadOptions read;
  // Count warnings as failures (--strict also sets read.strictness).
  bool warnings_are_failures = false;
  // Print at most this many diagnostics (0 = all); counts are always exact.
  size_t max_printed = 0;
};

struct DictCheckResult {
  DictionarySet set;
  size_t errors = 0;
  size_t warnings = 0;
  double read_seconds = 0.0;    // wall clock
  double cpu_seconds = 0.0;     // process CPU time (stable on a loaded machine)
  int64_t rss_delta_bytes = 0;  // resident set growth while reading (Linux)
  bool failed = false;          // errors, or warnings with warnings_are_failures
};

// Reads `paths`: a directory (with or without parley.dict), a file whose
// kind follows from its name (*actors*.txt ...), or "KIND:PATH" with KIND
// one of actors, framing, agents, verbs, discards, issues. Several paths are
// merged into one set. Writes the report to `out`. Returns non-OK only when
// a path cannot be read at all or its kind cannot be inferred.
StatusOr<DictCheckResult> CheckDictionaries(const std::vector<std::string>& paths,
                                            const DictCheckOptions& options,
                                            std::ostream& out);

// Current resident set size in bytes (0 when unavailable).
int64_t CurrentRssBytes();

// Appends everything in `from` to `to` (entries, files, diagnostics).
void MergeDictionarySet(DictionarySet from, DictionarySet* to);

}  // namespace parley

#endif  // PARLEY_DICT_DICT_CHECK_H_
