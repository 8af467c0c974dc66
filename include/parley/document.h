// Document: one input article as ingest hands it to the text stage, and
// Rejection: an input that could not become a Document, with the reason.
//
// ingest -> [Document] -> text -> dict -> code -> claims -> corpus -> store
#ifndef PARLEY_DOCUMENT_H_
#define PARLEY_DOCUMENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/date.h"

namespace parley {

// A half-open byte range [start, end) into Document::text.
struct ByteRange {
  uint32_t start = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - start; }
  friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

struct Document {
  // Stable id: the file's base name without extension for text files, the
  // JSONL "id" field, or "sha1:<hex>" style content hash when absent.
  std::string id;
  // Where it came from: a path, "<stdin>", plus the 1-based JSONL line (0 for
  // a whole-file document). Used in every diagnostic about this document.
  std::string origin;
  uint64_t line = 0;
  // 0-based position in the input stream; output keeps this order.
  uint64_t ordinal = 0;

  std::optional<Date> date;
  // Where `date` came from: "marker" (plain-text " date YYYY-MM-DD "),
  // "field" (JSONL date/published), "inferred" (a dateline in the article
  // header, see docs/ingest_and_text.md), "" when there is no date.
  std::string date_source;
  std::optional<std::string> title;
  std::optional<std::string> outlet;
  std::optional<std::string> url;
  std::optional<std::string> language;
  // JSON object members of the input record that Parley does not interpret,
  // serialized as `"key":value,...` (no braces), carried through to output.
  std::string extra_json;

  // The original text exactly as read (after UTF-8 validation). All offsets
  // anywhere in Parley are byte offsets into this string.
  std::string text;
  // The parts of `text` that are article content (title and body), in order.
  // Boilerplate ("Reading time: 1 min", photo captions, "source site-29",
  // the leading " date YYYY-MM-DD " marker) lies outside these ranges.
  std::vector<ByteRange> body;
  // Range of the title inside `text`, when the title is part of the text
  // (plain-text articles); empty otherwise.
  ByteRange title_range;

  // 64-bit content hash (XXH3) of `text` and the metadata, hex; used by the
  // store to detect unchanged re-ingests.
  std::string content_hash;
};

struct Rejection {
  std::string origin;       // file path or "<stdin>"
  uint64_t line = 0;        // 1-based line for JSONL, 0 when not applicable
  std::string doc;          // document id when known, else empty
  uint64_t ordinal = 0;     // position in the input stream
  std::string reason;       // human-readable, e.g. "invalid UTF-8 at byte 1043"
};

}  // namespace parley

#endif  // PARLEY_DOCUMENT_H_
