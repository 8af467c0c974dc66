// JSON Lines output of `parley code`: one CodedDocument -> one line, and one
// Rejection -> one line of the --rejects file. The field contract is
// documented in docs/output.md; fields may be added, never renamed.
//
// pipeline: Engine [CodedDocument] -> (this file) -> stdout / DocumentSink
//
// The writer is hand written for speed: it appends into a caller-owned
// std::string that is reused across documents, never builds a DOM, and is
// deterministic (same CodedDocument -> same bytes), which is what makes the
// output byte-identical across runs and thread counts.
#ifndef PARLEY_PIPELINE_JSON_OUTPUT_H_
#define PARLEY_PIPELINE_JSON_OUTPUT_H_

#include <string>
#include <string_view>

#include "parley/document.h"
#include "parley/event.h"

namespace parley {

struct JsonOutputOptions {
  // Emit the "sentences" array (CodedDocument::sentences as is). The Engine
  // fills every sentence only with EngineOptions::emit_sentences; set both.
  bool sentences = false;
};

// Appends `doc` as one JSON object followed by '\n' to *out (which is not
// cleared). Event/figure/position "text" is the text of the sentence they
// come from, looked up by index in doc.sentences (empty when absent).
void AppendDocumentJson(const CodedDocument& doc, const JsonOutputOptions& options,
                        std::string* out);

// Appends {"origin":..,"line":..,"doc":..,"reason":..} and '\n' to *out.
void AppendRejectionJson(const Rejection& rejection, std::string* out);

// Appends `s` as a JSON string literal (with quotes). Quotes, backslashes and
// control characters are escaped; bytes that are not valid UTF-8 (which
// ingest never lets through) become \ufffd, so the output is always valid
// JSON and valid UTF-8.
void AppendJsonString(std::string_view s, std::string* out);

// Appends a JSON number: integral values within +-2^53 without a fraction
// ("40200", "-10"), others in the shortest form that round-trips ("2.8");
// NaN and infinities (not representable in JSON) as null.
void AppendJsonNumber(double value, std::string* out);

}  // namespace parley

#endif  // PARLEY_PIPELINE_JSON_OUTPUT_H_
