#include "text/explain.h"

#include <cstdio>
#include <string_view>

namespace parley {
namespace {

std::string_view Surface(const Document& doc, uint32_t b, uint32_t e) {
  if (b > e || e > doc.text.size()) return {};
  return std::string_view(doc.text).substr(b, e - b);
}

std::string FormatValue(double v) {
  char buf[64];
  std::snprintf(buf, sizeof(buf), "%.15g", v);
  return buf;
}

void AppendMentions(const Document& doc, const AnalyzedText& text,
                    const Sentence& s, std::string* out) {
  std::string nums, dates;
  for (const NumberMention& n : text.numbers) {
    if (n.first_token < s.first_token || n.first_token >= s.end_token) continue;
    const auto& t = text.tokens;
    nums += " \"" + std::string(Surface(doc, t[n.first_token].start, t[n.end_token - 1].end)) +
            "\"=" + FormatValue(n.value) + (n.vague ? "~" : "");
  }
  for (const DateMention& d : text.dates) {
    if (d.first_token < s.first_token || d.first_token >= s.end_token) continue;
    const auto& t = text.tokens;
    dates += " \"" + std::string(Surface(doc, t[d.first_token].start, t[d.end_token - 1].end)) +
             "\"=" + d.date.ToString();
    if (d.last != d.date) dates += ".." + d.last.ToString();
    if (d.relative) dates += "(rel)";
  }
  if (!nums.empty()) *out += "    numbers:" + nums + "\n";
  if (!dates.empty()) *out += "    dates:" + dates + "\n";
}

}  // namespace

std::string TokenSurfaces(const Document& doc, const AnalyzedText& text,
                          const Sentence& s) {
  std::string out;
  for (uint32_t i = s.first_token; i < s.end_token && i < text.tokens.size(); ++i) {
    if (i > s.first_token) out += '|';
    out += Surface(doc, text.tokens[i].start, text.tokens[i].end);
  }
  return out;
}

std::string ExplainText(const Document& doc, const AnalyzedText& text) {
  std::string out = "text: " + std::to_string(text.sentences.size()) +
                    " sentences, " + std::to_string(text.tokens.size()) +
                    " tokens, doc date " +
                    (doc.date ? doc.date->ToString() : std::string("none")) + "\n";
  for (size_t k = 0; k < text.sentences.size(); ++k) {
    const Sentence& s = text.sentences[k];
    out += "  S" + std::to_string(k) + " [" + std::to_string(s.start) + "," +
           std::to_string(s.end) + ") \"" + std::string(Surface(doc, s.start, s.end)) +
           "\"\n    tokens:";
    for (uint32_t i = s.first_token; i < s.end_token && i < text.tokens.size(); ++i) {
      const Token& t = text.tokens[i];
      out += ' ';
      out += Surface(doc, t.start, t.end);
      if (t.lemma != t.norm) {
        out += '/';
        out += t.lemma;
      }
    }
    out += '\n';
    AppendMentions(doc, text, s, &out);
  }
  return out;
}

}  // namespace parley
