// Actor (and framing) file reader: records of a primary line, '+' synonym
// lines and '[CODE dates]' restriction lines (docs/dictionary_format.md).
//
// Fixes over PETRARCH2's reader: the last record of a file is kept; dates on
// the primary line may contain blanks like on restriction lines; a bare
// single date "[CODE 950601]" is an error instead of a silently shifted '>'
// date; precedence of dated over undated codes is applied by
// ActorEntry::CodeOn, not by file order.
#include "dict/dictionary_reader_internal.h"

namespace parley::dict_internal {
namespace {

constexpr const char* kDateForms =
    "'[CODE]', '[CODE <YYMMDD]', '[CODE >YYMMDD]' or '[CODE YYMMDD-YYMMDD]'";

// Parses one date of a restriction at `offset` of `line`.
std::optional<Date> DateAt(const Line& line, size_t offset, std::string_view text,
                           DiagSink* diags) {
  std::optional<Date> d = ParseDictDate(text);
  if (!d) {
    diags->Error(line, offset, "date not parseable", std::string(text),
                 "YYMMDD or YYYYMMDD (YY <= 30 means 20YY)");
  }
  return d;
}

// Parses the date part of "[CODE dates]" (blanks already removed).
bool ParseDates(const Line& line, size_t offset, const std::string& dates, DatedCode* code,
                DiagSink* diags) {
  if (dates.empty()) return true;
  if (dates[0] == '<' || dates[0] == '>') {
    std::optional<Date> d = DateAt(line, offset, std::string_view(dates).substr(1), diags);
    if (!d) return false;
    (dates[0] == '<' ? code->until : code->from) = d;
    return true;
  }
  size_t dash = dates.find('-');
  if (dash == std::string::npos) {
    diags->Error(line, offset, "a single date needs '<' or '>'", dates,
                 std::string(kDateForms) + "; '[CODE " + dates + "]' is ambiguous");
    return false;
  }
  std::optional<Date> from =
      DateAt(line, offset, std::string_view(dates).substr(0, dash), diags);
  std::optional<Date> until =
      DateAt(line, offset, std::string_view(dates).substr(dash + 1), diags);
  if (!from || !until) return false;
  if (!(*from < *until)) {
    diags->Error(line, offset, "empty date range (the end date is exclusive)", dates,
                 "a start date before the end date");
    return false;
  }
  code->from = from;
  code->until = until;
  return true;
}

// Parses "[A]" / "[A dates]" groups starting at `pos` of line.text and
// appends them to `codes` (defective groups are reported and skipped).
void ParseCodeGroups(const Line& line, size_t pos, std::vector<DatedCode>* codes,
                     DiagSink* diags) {
  const std::string& t = line.text;
  while (pos < t.size()) {
    if (IsBlank(t[pos])) {
      ++pos;
      continue;
    }
    if (t[pos] != '[') {
      diags->Error(line, pos, "unexpected text after the code", std::string(Trim(t.substr(pos))),
                   "only '[CODE ...]' groups after the phrase");
      return;
    }
    size_t close = t.find(']', pos);
    if (close == std::string::npos) {
      diags->Error(line, pos, "unclosed bracket", t.substr(pos), "']'");
      return;
    }
    std::vector<std::string_view> tokens =
        SplitBlank(std::string_view(t).substr(pos + 1, close - pos - 1));
    if (tokens.empty()) {
      diags->Error(line, pos, "code missing", t.substr(pos, close - pos + 1), kDateForms);
    } else {
      DatedCode code;
      code.code = std::string(tokens[0]);
      std::string dates;
      for (size_t i = 1; i < tokens.size(); ++i) dates += tokens[i];
      if (ParseDates(line, pos, dates, &code, diags)) codes->push_back(std::move(code));
    }
    pos = close + 1;
  }
}

class ActorFileReader {
 public:
  ActorFileReader(bool framing, DiagSink* diags, DictionarySet* set)
      : framing_(framing), diags_(diags), set_(set) {}

  void ReadLine(const Line& line) {
    std::string_view body = Trim(line.text);
    if (body.empty()) return;
    size_t start = line.text.find_first_not_of(" \t");
    if (body[0] == '+') return Synonym(line, start);
    if (body[0] == '[') return Restriction(line, start);
    Primary(line, start);
  }

  void Finish() { Flush(); }  // PETRARCH lost the last record here.

 private:
  void Primary(const Line& line, size_t start) {
    Flush();
    size_t bracket = line.text.find('[', start);
    std::string_view phrase_text = std::string_view(line.text).substr(
        start, bracket == std::string::npos ? std::string::npos : bracket - start);
    current_ = ActorEntry{};
    saw_code_ = false;
    current_->loc = diags_->Loc(line, start);
    current_->framing = framing_;
    Phrase phrase = SplitPhrase(phrase_text);
    if (phrase.empty()) {
      diags_->Error(line, start, "empty phrase", line.raw, "a phrase before '['");
      current_.reset();
      return;
    }
    current_->name = TitleCase(phrase);
    current_->phrases.push_back(std::move(phrase));
    if (bracket != std::string::npos) {
      saw_code_ = true;
      ParseCodeGroups(line, bracket, &current_->codes, diags_);
    }
  }

  void Synonym(const Line& line, size_t start) {
    if (!current_) {
      diags_->Structural(line, start, "synonym line before any primary line",
                    std::string(Trim(line.text)),
                    "a primary line 'PHRASE [CODE]' first");
      return;
    }
    size_t bracket = line.text.find('[', start);
    if (bracket != std::string::npos) {
      diags_->Error(line, bracket, "a synonym line cannot carry a code",
                    line.text.substr(bracket),
                    "the code on the primary line or on a restriction line");
    }
    Phrase phrase = SplitPhrase(std::string_view(line.text).substr(
        start + 1, bracket == std::string::npos ? std::string::npos : bracket - start - 1));
    if (phrase.empty()) {
      diags_->Error(line, start, "empty phrase", line.raw, "'+PHRASE'");
      return;
    }
    current_->phrases.push_back(std::move(phrase));
  }

  void Restriction(const Line& line, size_t start) {
    if (!current_) {
      diags_->Structural(line, start, "restriction line before any primary line",
                    std::string(Trim(line.text)), "a primary line 'PHRASE' first");
      return;
    }
    saw_code_ = true;
    ParseCodeGroups(line, start, &current_->codes, diags_);
  }

  void Flush() {
    if (!current_) return;
    // A record whose code groups were all defective was reported already.
    if (current_->codes.empty() && !saw_code_) {
      Line l;
      l.number = current_->loc.line;
      diags_->Warning(l, current_->loc.column - 1, "actor record without a code",
                      JoinPhrase(current_->phrases[0], "_"),
                      "'PHRASE [CODE]' or a '[CODE]' restriction line");
    }
    set_->actors.push_back(std::move(*current_));
    current_.reset();
  }

  bool framing_;
  DiagSink* diags_;
  DictionarySet* set_;
  std::optional<ActorEntry> current_;
  bool saw_code_ = false;  // the current record has '[...]' groups
};

}  // namespace

void ReadActorLines(const std::vector<Line>& lines, bool framing, DiagSink* diags,
                    DictionarySet* set) {
  ActorFileReader reader(framing, diags, set);
  for (const Line& line : lines) reader.ReadLine(line);
  reader.Finish();
}

}  // namespace parley::dict_internal
