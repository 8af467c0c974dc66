#include "corpus/round_place.h"

#include <algorithm>
#include <array>
#include <regex>
#include <string_view>

namespace parley::corpus {
namespace {

bool IsWordChar(char c) {  // \w
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}
bool IsSpace(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }  // \s
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsNameChar(char c) { return IsWordChar(c) || c == '\'' || c == '-'; }  // [\w'-]

bool IsCalendarWord(std::string_view name) {
  static constexpr std::array<std::string_view, 19> kWords = {
      "January", "February", "March",  "April",    "May",       "June",     "July",
      "August",  "September", "October", "November", "December", "Monday",   "Tuesday",
      "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  std::string_view first = name.substr(0, name.find(' '));
  return std::find(kWords.begin(), kWords.end(), first) != kWords.end();
}

// End of [A-Z][\w'-]+ starting at `i`, or npos.
size_t NameWordEnd(std::string_view s, size_t i) {
  if (i >= s.size() || !IsUpper(s[i])) return std::string_view::npos;
  size_t j = i + 1;
  while (j < s.size() && IsNameChar(s[j])) ++j;
  return j > i + 1 ? j : std::string_view::npos;
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && IsSpace(s[i])) ++i;
  return i;
}

struct InMatch {
  size_t start = 0, end = 0;  // the whole match
  std::string_view name;
};

// \b(in|at)\s+(?:the\s+)?([A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?) at position i.
bool MatchInAt(std::string_view s, size_t i, InMatch* m) {
  std::string_view w = s.substr(i, 2);
  if ((w != "in" && w != "at") || (i > 0 && IsWordChar(s[i - 1]))) return false;
  size_t j = SkipSpaces(s, i + 2);
  if (j == i + 2) return false;
  if (s.substr(j, 3) == "the" && j + 3 < s.size() && IsSpace(s[j + 3])) {
    j = SkipSpaces(s, j + 3);  // "the" is taken only when a name follows
  }
  size_t end = NameWordEnd(s, j);
  if (end == std::string_view::npos) return false;
  if (end < s.size() && IsSpace(s[end])) {
    size_t second = NameWordEnd(s, end + 1);
    if (second != std::string_view::npos) end = second;
  }
  *m = {i, end, s.substr(j, end - j)};
  return true;
}

// \b(talks|negotiations|round|meeting|summit|consultations)\b, ignoring case.
bool HasTalkNoun(std::string_view s) {
  static constexpr std::array<std::string_view, 6> kNouns = {
      "talks", "negotiations", "round", "meeting", "summit", "consultations"};
  for (size_t p = 0; p < s.size(); ++p) {
    if (p > 0 && IsWordChar(s[p - 1])) continue;
    for (std::string_view noun : kNouns) {
      if (p + noun.size() > s.size()) continue;
      bool same = true;
      for (size_t k = 0; k < noun.size() && same; ++k) {
        char c = s[p + k];
        same = (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) == noun[k];
      }
      if (same && (p + noun.size() == s.size() || !IsWordChar(s[p + noun.size()]))) return true;
    }
  }
  return false;
}

bool Known(const std::unordered_set<std::string>& places, std::string_view name) {
  return places.count(std::string(name)) > 0;
}

}  // namespace

std::string FindPlace(const std::string& sentence, const std::unordered_set<std::string>& places) {
  std::string_view s = sentence;
  for (size_t i = 0; i + 1 < s.size();) {
    InMatch m;
    if (!MatchInAt(s, i, &m)) {
      ++i;
      continue;
    }
    i = m.end;
    if (IsCalendarWord(m.name)) continue;
    std::string_view before = s.substr(0, m.start);
    if (before.size() > 60) before = before.substr(before.size() - 60);
    if (Known(places, m.name) || Known(places, m.name.substr(0, m.name.find(' '))) ||
        HasTalkNoun(before)) {
      return std::string(m.name);
    }
  }
  // Rare: only sentences with one of the nouns reach the regular expression.
  static constexpr std::array<std::string_view, 4> kNouns = {"talks", "negotiations", "summit",
                                                             "meeting"};
  if (std::none_of(kNouns.begin(), kNouns.end(),
                   [&](std::string_view n) { return s.find(n) != std::string_view::npos; })) {
    return "";
  }
  static const std::regex kAttrib(
      R"(\b(?:the\s+)?([A-Z][\w'-]+)\s+(?:talks|negotiations|summit|meeting)\b)");
  std::smatch m;
  if (std::regex_search(sentence, m, kAttrib) && places.count(m[1].str())) return m[1].str();
  return "";
}

}  // namespace parley::corpus
