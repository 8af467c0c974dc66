// Issue file reader (Phoenix.IssueCoding.txt): "phrase [CODE]" lines with
// n: (noun + plural), v: (verb forms) and '+' (space or hyphen) prefixes;
// '~phrase' ignores issues for the sentence, '~~phrase' for the story;
// "<ISSUE ...>" / "</ISSUE>" grouping lines are skipped
// (docs/dictionary_format.md).
#include "dict/dictionary_reader_internal.h"

namespace parley::dict_internal {
namespace {

constexpr size_t kMaxIssueForms = 1024;

// Alternatives for one token: "n:piracy" -> {piracy, piracies};
// "sea+lane" -> {"sea lane", "sea-lane"}.
std::vector<Phrase> TokenAlternatives(std::string_view tok) {
  std::string lower = ToLower(tok);
  std::vector<Phrase> out;
  if (lower.rfind("n:", 0) == 0 && lower.size() > 2) {
    std::string w = lower.substr(2);
    out.push_back({w});
    out.push_back({PluralOf(w)});
  } else if (lower.rfind("v:", 0) == 0 && lower.size() > 2) {
    std::string w = lower.substr(2);
    out.push_back({w});
    for (std::string& f : VerbInflections(w)) out.push_back({std::move(f)});
  } else if (lower.find('+') != std::string::npos) {
    Phrase spaced;
    std::string hyphen;
    for (char c : lower) hyphen.push_back(c == '+' ? '-' : c);
    size_t start = 0;
    while (start <= lower.size()) {
      size_t plus = lower.find('+', start);
      if (plus == std::string::npos) plus = lower.size();
      if (plus > start) spaced.push_back(lower.substr(start, plus - start));
      start = plus + 1;
    }
    out.push_back(std::move(spaced));
    out.push_back({hyphen});
  } else {
    out.push_back({lower});
  }
  return out;
}

}  // namespace

void ReadIssueLines(const std::vector<Line>& lines, DiagSink* diags, DictionarySet* set) {
  for (const Line& line : lines) {
    std::string_view body = Trim(line.text);
    if (body.empty() || body[0] == '<') continue;
    size_t start = line.text.find_first_not_of(" \t");
    IssueEntry e;
    e.loc = diags->Loc(line, start);
    if (body.substr(0, 2) == "~~") {
      e.kind = IssueEntry::Kind::kIgnoreStory;
      body.remove_prefix(2);
    } else if (body[0] == '~') {
      e.kind = IssueEntry::Kind::kIgnoreSentence;
      body.remove_prefix(1);
    }
    size_t open = body.find('[');
    if (open != std::string_view::npos) {
      size_t close = body.find(']', open);
      if (close == std::string_view::npos) {
        diags->Error(line, start, "unclosed bracket", std::string(body.substr(open)), "']'");
        continue;
      }
      e.code = std::string(Trim(body.substr(open + 1, close - open - 1)));
      body = body.substr(0, open);
    }
    if (e.kind == IssueEntry::Kind::kIssue && e.code.empty()) {
      diags->Error(line, start, "code missing", std::string(Trim(line.text)),
                   "'phrase [CODE]', '~phrase' or '~~phrase'");
      continue;
    }
    std::vector<Phrase> forms = {{}};
    for (std::string_view tok : SplitBlank(body)) {
      std::vector<Phrase> alts = TokenAlternatives(tok);
      std::vector<Phrase> next;
      for (const Phrase& f : forms) {
        for (const Phrase& a : alts) {
          Phrase p = f;
          p.insert(p.end(), a.begin(), a.end());
          next.push_back(std::move(p));
        }
      }
      forms = std::move(next);
      if (forms.size() > kMaxIssueForms) break;
    }
    if (forms.size() > kMaxIssueForms) {
      diags->Error(line, start, "too many expanded forms", std::string(body),
                   "at most " + std::to_string(kMaxIssueForms) + " forms per line");
      continue;
    }
    if (forms[0].empty()) {
      diags->Error(line, start, "empty phrase", std::string(Trim(line.text)), "a phrase");
      continue;
    }
    e.forms = std::move(forms);
    set->issues.push_back(std::move(e));
  }
}

}  // namespace parley::dict_internal
