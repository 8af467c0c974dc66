// Shared helpers of the dictionary readers; see dictionary_reader_internal.h.
#include <algorithm>
#include <cctype>

#include "dict/cameo_table.h"
#include "dict/dictionary_reader_internal.h"

namespace parley::dict_internal {
namespace {

// Blanks [from, to) of `s` with spaces so that columns stay valid.
void Blank(std::string* s, size_t from, size_t to) {
  for (size_t i = from; i < to && i < s->size(); ++i) (*s)[i] = ' ';
}

// First '#' at or after `pos` that is not inside "[...]" (TABARI's discard
// code "[###]" is a code, not a comment).
size_t FindCommentHash(const std::string& t, size_t pos) {
  size_t hash = t.find('#', pos);
  while (hash != std::string::npos) {
    size_t open = t.rfind('[', hash);
    size_t close_before = t.rfind(']', hash);
    bool in_bracket = open != std::string::npos &&
                      (close_before == std::string::npos || close_before < open) &&
                      t.find(']', hash) != std::string::npos;
    if (!in_bracket) return hash;
    hash = t.find('#', hash + 1);
  }
  return hash;
}

// Applies in-line comment rules to one line; `in_block` carries an open
// "<!--" across lines.
void StripComments(std::string* text, bool* in_block) {
  size_t pos = 0;
  if (*in_block) {
    size_t close = text->find("-->");
    if (close == std::string::npos) {
      Blank(text, 0, text->size());
      return;
    }
    Blank(text, 0, close + 3);
    *in_block = false;
    pos = close + 3;
  }
  while (true) {
    size_t open = text->find("<!--", pos);
    size_t hash = FindCommentHash(*text, pos);
    if (hash != std::string::npos && (open == std::string::npos || hash < open)) {
      text->resize(hash);
      break;
    }
    if (open == std::string::npos) break;
    size_t close = text->find("-->", open + 4);
    if (close == std::string::npos) {
      Blank(text, open, text->size());
      *in_block = true;
      break;
    }
    Blank(text, open, close + 3);
    pos = close + 3;
  }
  while (!text->empty() && (IsBlank(text->back()) || text->back() == '\r')) text->pop_back();
}

}  // namespace

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

std::string ToLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string_view> SplitBlank(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsBlank(s[i])) ++i;
    size_t start = i;
    while (i < s.size() && !IsBlank(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

Phrase SplitPhrase(std::string_view s) {
  Phrase out;
  std::string word;
  for (char c : s) {
    if (c == '_' || IsBlank(c)) {
      if (!word.empty()) out.push_back(ToLower(word));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) out.push_back(ToLower(word));
  return out;
}

std::string JoinPhrase(const Phrase& p, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < p.size(); ++i) {
    if (i > 0) out += sep;
    out += p[i];
  }
  return out;
}

std::string TitleCase(const Phrase& p) {
  std::string out = JoinPhrase(p);
  bool start = true;
  for (char& c : out) {
    if (start) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    start = (c == ' ' || c == '-');
  }
  return out;
}

std::vector<Line> SplitLines(std::string_view contents, const std::string& file,
                             std::vector<Diagnostic>* diags) {
  if (contents.substr(0, 3) == "\xEF\xBB\xBF") contents.remove_prefix(3);
  std::vector<Line> lines;
  bool in_block = false;
  uint32_t block_start = 0;
  size_t pos = 0;
  uint32_t number = 0;
  while (pos < contents.size()) {
    size_t end = contents.find('\n', pos);
    if (end == std::string_view::npos) end = contents.size();
    Line line;
    line.number = ++number;
    line.raw = std::string(contents.substr(pos, end - pos));
    if (!line.raw.empty() && line.raw.back() == '\r') line.raw.pop_back();
    pos = end + 1;
    line.text = line.raw;
    std::string_view lead = Trim(line.text);
    if (!in_block && !lead.empty() && lead.front() == '#') {
      line.text.clear();
    } else if (!in_block && lead.substr(0, 2) == "<!") {
      size_t open = line.text.find("<!--");
      in_block = open != std::string::npos &&
                 line.text.find("-->", open + 4) == std::string::npos;
      if (in_block) block_start = line.number;
      line.text.clear();
    } else {
      bool was_open = in_block;
      StripComments(&line.text, &in_block);
      if (!was_open && in_block) block_start = line.number;
    }
    lines.push_back(std::move(line));
  }
  if (in_block) {
    DiagSink sink(file, diags);
    sink.ErrorAt(block_start, "unterminated '<!--' comment", "<!--",
                 "'-->' before the end of the file");
  }
  return lines;
}

SourceLoc DiagSink::Loc(const Line& line, size_t offset) const {
  SourceLoc loc;
  loc.file = file_;
  loc.line = line.number;
  loc.column = offset == std::string::npos ? 0 : static_cast<uint32_t>(offset + 1);
  return loc;
}

void DiagSink::Add(Diagnostic::Severity severity, const Line& line, size_t offset,
                   std::string message, std::string text, std::string expected) {
  Diagnostic d;
  d.severity = severity;
  d.loc = Loc(line, offset);
  d.message = std::move(message);
  d.text = std::move(text);
  d.expected = std::move(expected);
  out_->push_back(std::move(d));
}

void DiagSink::Error(const Line& line, size_t offset, std::string message,
                     std::string text, std::string expected) {
  Add(legacy_ ? Diagnostic::Severity::kWarning : Diagnostic::Severity::kError, line, offset,
      std::move(message), std::move(text), std::move(expected));
}

void DiagSink::Structural(const Line& line, size_t offset, std::string message,
                          std::string text, std::string expected) {
  Add(Diagnostic::Severity::kError, line, offset, std::move(message), std::move(text),
      std::move(expected));
}

void DiagSink::Warning(const Line& line, size_t offset, std::string message,
                       std::string text, std::string expected) {
  Add(Diagnostic::Severity::kWarning, line, offset, std::move(message), std::move(text),
      std::move(expected));
}

void DiagSink::ErrorAt(uint32_t line, std::string message, std::string text,
                       std::string expected) {
  Line l;
  l.number = line;
  Structural(l, std::string::npos, std::move(message), std::move(text), std::move(expected));
}

std::optional<Date> ParseDictDate(std::string_view s) {
  if (s.size() != 6 && s.size() != 8) return std::nullopt;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  auto num = [&](size_t from, size_t n) {
    int v = 0;
    for (size_t i = from; i < from + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  int year = 0;
  size_t rest = 0;
  if (s.size() == 6) {
    int yy = num(0, 2);
    year = yy <= 30 ? 2000 + yy : 1900 + yy;
    rest = 2;
  } else {
    year = num(0, 4);
    rest = 4;
  }
  int month = num(rest, 2);
  int day = num(rest + 2, 2);
  if (!Date::IsValidYmd(year, month, day)) return std::nullopt;
  return Date::FromYmd(year, month, day);
}

namespace {

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// One syllable ending consonant-vowel-consonant (not w, x, y): STOP, BAN, STAB.
bool DoublesFinalConsonant(std::string_view w) {
  if (w.size() < 3) return false;
  char last = w.back();
  if (IsVowel(last) || last == 'w' || last == 'x' || last == 'y') return false;
  if (!IsVowel(w[w.size() - 2]) || IsVowel(w[w.size() - 3])) return false;
  int vowel_groups = 0;
  bool prev = false;
  for (char c : w) {
    bool v = IsVowel(c);
    if (v && !prev) ++vowel_groups;
    prev = v;
  }
  return vowel_groups == 1;
}

}  // namespace

std::string PluralOf(std::string_view word) {
  std::string w(word);
  if (w.empty()) return w;
  if (EndsWith(w, "s") || EndsWith(w, "x") || EndsWith(w, "z") || EndsWith(w, "ch") ||
      EndsWith(w, "sh")) {
    return w + "es";
  }
  if (w.size() >= 2 && w.back() == 'y' && !IsVowel(w[w.size() - 2])) {
    return w.substr(0, w.size() - 1) + "ies";
  }
  return w + "s";
}

Phrase PluralPhrase(const Phrase& p) {
  Phrase out = p;
  if (!out.empty()) out.back() = PluralOf(out.back());
  return out;
}

std::vector<std::string> VerbInflections(std::string_view verb) {
  std::string v(verb);
  std::vector<std::string> out;
  auto add = [&](std::string f) {
    if (f != v && std::find(out.begin(), out.end(), f) == out.end()) out.push_back(std::move(f));
  };
  if (v.empty()) return out;
  std::string stem_y = v.substr(0, v.size() - 1);
  bool ends_y = v.back() == 'y';
  bool consonant_y = ends_y && v.size() >= 2 && !IsVowel(v[v.size() - 2]);
  // PETRARCH2 forms.
  if (EndsWith(v, "s") || EndsWith(v, "x") || EndsWith(v, "z")) add(v + "es");
  else if (ends_y) add(stem_y + "ies");
  else add(v + "s");
  add(v.back() == 'e' ? v + "d" : v + "ed");
  if (v.back() == 'e' && v.size() >= 2 && !IsVowel(v[v.size() - 2])) add(stem_y + "ing");
  else add(v + "ing");
  // Corrected forms.
  add(PluralOf(v));  // PUNCH -> punches, PLAY -> plays
  if (consonant_y) add(stem_y + "ied");
  if (EndsWith(v, "ie")) add(v.substr(0, v.size() - 2) + "ying");
  if (DoublesFinalConsonant(v)) {
    add(v + v.back() + "ed");
    add(v + v.back() + "ing");
  }
  return out;
}

bool IsKnownEventCode(std::string_view code) {
  if (code == "---") return true;
  const CameoTable& table = CameoTable::Default();
  if (table.empty()) return true;
  return table.Contains(code);
}

}  // namespace parley::dict_internal
