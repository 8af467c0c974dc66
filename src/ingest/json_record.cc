#include "ingest/json_record.h"

#include <cstdio>
#include <cstring>

#include "ingest/byte_source.h"
#include "ingest/utf8.h"

namespace parley::ingest {
namespace {

static_assert(kLinePadding >= simdjson::SIMDJSON_PADDING,
              "line views must carry the padding simdjson reads past the end");

using simdjson::dom::element;
using simdjson::dom::element_type;

const char* TypeName(element_type t) {
  switch (t) {
    case element_type::ARRAY: return "an array";
    case element_type::OBJECT: return "an object";
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE: return "a number";
    case element_type::STRING: return "a string";
    case element_type::BOOL: return "a boolean";
    case element_type::NULL_VALUE: return "null";
  }
  return "?";
}

// Optional string member: null -> unset; a non-string is an error.
std::string OptionalString(element v, const char* key, std::optional<std::string>* out) {
  if (v.is_null()) return {};
  std::string_view s;
  if (v.get(s) != simdjson::SUCCESS) {
    return std::string("field '") + key + "' is " + TypeName(v.type()) + ", not a string";
  }
  *out = std::string(s);
  return {};
}

// "2024-07-14", "2024-07-14T10:00:00Z", "2024-07-14 10:00".
std::optional<Date> ParseDateField(std::string_view s) {
  if (s.size() > 10 && (s[10] == 'T' || s[10] == ' ')) s = s.substr(0, 10);
  return Date::Parse(s);
}

std::string ParseError(std::string_view line, simdjson::error_code err) {
  if (err == simdjson::UTF8_ERROR) {
    size_t at = FindInvalidUtf8(line);
    if (at != kUtf8Valid) return "invalid UTF-8 at byte " + std::to_string(at) + " of the line";
    return "invalid UTF-8 in the line";
  }
  if (err == simdjson::TAPE_ERROR || err == simdjson::INCOMPLETE_ARRAY_OR_OBJECT ||
      err == simdjson::UNCLOSED_STRING) {
    return std::string("malformed or truncated JSON: ") + simdjson::error_message(err);
  }
  return std::string("malformed JSON: ") + simdjson::error_message(err);
}

}  // namespace

std::string SniffId(std::string_view line) {
  size_t k = line.find("\"id\"");
  if (k == std::string_view::npos) return {};
  k += 4;
  while (k < line.size() && (line[k] == ' ' || line[k] == ':' || line[k] == '\t')) ++k;
  if (k >= line.size() || line[k] != '"') return {};
  const size_t end = line.find('"', k + 1);
  if (end == std::string_view::npos || end - k - 1 > 200) return {};
  std::string id(line.substr(k + 1, end - k - 1));
  if (id.find('\\') != std::string::npos) return {};
  return id;
}

void AppendJsonQuoted(std::string_view s, std::string* out) {
  *out += '"';
  for (char c : s) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      *out += '\\';
      *out += c;
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof(buf), "\\u%04x", u);
      *out += buf;
    } else {
      *out += c;
    }
  }
  *out += '"';
}

std::string JsonRecordParser::Parse(std::string_view line, Document* doc,
                                    std::string* id_out, std::string* warning) {
  if (const void* nul = std::memchr(line.data(), 0, line.size())) {
    *id_out = SniffId(line);
    return "NUL byte at byte " +
           std::to_string(static_cast<const char*>(nul) - line.data()) + " of the line";
  }
  element root;
  auto err = parser_.parse(line.data(), line.size(), false).get(root);
  if (err) {
    *id_out = SniffId(line);
    return ParseError(line, err);
  }
  simdjson::dom::object obj;
  if (root.get(obj) != simdjson::SUCCESS) {
    return std::string("JSON line is ") + TypeName(root.type()) + ", not an object";
  }
  bool has_text = false, has_date = false;
  std::optional<std::string> published;
  std::string problem;
  for (auto field : obj) {
    const std::string_view key = field.key;
    element v = field.value;
    if (key == "id") {
      std::string_view s;
      if (v.get(s) == simdjson::SUCCESS) doc->id = std::string(s);
      else if (!v.is_null()) doc->id = simdjson::minify(v);
      *id_out = doc->id;
    } else if (key == "text") {
      std::string_view s;
      if (v.get(s) != simdjson::SUCCESS) {
        problem = std::string("field 'text' is ") + TypeName(v.type()) + ", not a string";
      } else {
        doc->text.assign(s);
      }
      has_text = true;
    } else if (key == "date" || key == "published") {
      std::optional<std::string> d;
      std::string e = OptionalString(v, key == "date" ? "date" : "published", &d);
      if (!e.empty()) {
        *warning = e + "; document coded with date null";
      } else if (key == "date") {
        has_date = true;
        if (d) published = d;
      } else if (!has_date) {
        published = d;
      }
    } else if (key == "title") {
      problem = problem.empty() ? OptionalString(v, "title", &doc->title) : problem;
    } else if (key == "url") {
      problem = problem.empty() ? OptionalString(v, "url", &doc->url) : problem;
    } else if (key == "outlet") {
      problem = problem.empty() ? OptionalString(v, "outlet", &doc->outlet) : problem;
    } else if (key == "language") {
      problem = problem.empty() ? OptionalString(v, "language", &doc->language) : problem;
    } else {
      if (!doc->extra_json.empty()) doc->extra_json += ',';
      AppendJsonQuoted(key, &doc->extra_json);
      doc->extra_json += ':';
      doc->extra_json += simdjson::minify(v);
    }
  }
  if (!problem.empty()) return problem;
  if (!has_text) return "field 'text' is missing";
  if (published) {
    doc->date = ParseDateField(*published);
    if (doc->date) doc->date_source = "field";
    if (!doc->date) {
      *warning = "date '" + published->substr(0, 40) +
                 "' is not YYYY-MM-DD; document coded with date null";
    }
  }
  return {};
}

}  // namespace parley::ingest
