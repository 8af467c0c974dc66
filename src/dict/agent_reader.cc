// Agent file reader: "PHRASE [~CODE]", "PHRASE {PLURAL} [~CODE]",
// "PHRASE {} [~CODE]", prefix codes "[IGO~]" and "!MARKER! = A, B" sets
// (docs/dictionary_format.md).
//
// Fixes over PETRARCH2: "XYZ~" prefix codes are read (prefix=true) instead of
// being taken for actor codes; several markers on one line are expanded;
// regular plurals follow English rules (BUS -> BUSES, DAY -> DAYS).
#include <map>

#include "dict/dictionary_reader_internal.h"

namespace parley::dict_internal {
namespace {

constexpr size_t kMaxMarkerExpansions = 4096;

bool IsCameoDigits(std::string_view s) {
  if (s.size() < 2 || s.size() > 4) return false;
  for (char ch : s) {
    if (ch < '0' || ch > '9') return false;
  }
  return true;
}

class AgentFileReader {
 public:
  AgentFileReader(DiagSink* diags, DictionarySet* set) : diags_(diags), set_(set) {}

  void ReadLine(const Line& line) {
    std::string_view body = Trim(line.text);
    if (body.empty()) return;
    size_t start = line.text.find_first_not_of(" \t");
    size_t eq = line.text.find('=');
    if (body[0] == '!' && eq != std::string::npos) return MarkerSet(line, start, eq);
    Entry(line, start);
  }

 private:
  void MarkerSet(const Line& line, size_t start, size_t eq) {
    size_t close = line.text.find('!', start + 1);
    if (close == std::string::npos || close > eq) {
      diags_->Error(line, start, "unterminated substitution marker",
                    line.text.substr(start, eq - start), "'!NAME! = ITEM, ITEM'");
      return;
    }
    std::string name = ToLower(Trim(std::string_view(line.text).substr(start + 1,
                                                                        close - start - 1)));
    std::vector<std::string> items;
    std::string_view rest = std::string_view(line.text).substr(eq + 1);
    while (!rest.empty()) {
      size_t comma = rest.find(',');
      std::string_view item = Trim(rest.substr(0, comma));
      if (!item.empty()) items.push_back(std::string(item));
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
    if (name.empty() || items.empty()) {
      diags_->Error(line, start, "empty substitution set", std::string(Trim(line.text)),
                    "'!NAME! = ITEM, ITEM'");
      return;
    }
    markers_[name] = std::move(items);
  }

  // Splits the code in "[~GOV]" / "[IGO~]".
  bool ParseCode(const Line& line, size_t open, AgentEntry* entry) {
    size_t close = line.text.find(']', open);
    if (close == std::string::npos) {
      diags_->Error(line, open, "unclosed bracket", line.text.substr(open), "']'");
      return false;
    }
    std::string code(Trim(std::string_view(line.text).substr(open + 1, close - open - 1)));
    std::string_view after = Trim(std::string_view(line.text).substr(close + 1));
    while (!after.empty()) {
      size_t sp = after.find_first_of(" \t");
      std::string_view word = after.substr(0, sp);
      after = sp == std::string_view::npos ? std::string_view() : Trim(after.substr(sp));
      if (word == "needs-actor") {
        entry->needs_actor = true;
      } else if (word.starts_with("event=") && IsCameoDigits(word.substr(6))) {
        entry->event_code = std::string(word.substr(6));
      } else {
        diags_->Warning(line, close + 1, "text after the agent code ignored", std::string(word),
                        "'needs-actor' or 'event=CODE' (2-4 digits)");
      }
    }
    if (code.size() >= 2 && code.front() == '~' && code.find('~', 1) == std::string::npos) {
      entry->code = code.substr(1);
    } else if (code.size() >= 2 && code.back() == '~' && code.find('~') == code.size() - 1) {
      entry->code = code.substr(0, code.size() - 1);
      entry->prefix = true;
    } else {
      diags_->Error(line, open, code.empty() ? "code missing" : "agent code needs one '~'",
                    "[" + code + "]", "'[~CODE]' (appended) or '[CODE~]' (prepended)");
      return false;
    }
    return true;
  }

  void Entry(const Line& line, size_t start) {
    size_t open = line.text.find('[', start);
    if (open == std::string::npos) {
      diags_->Error(line, start, "code missing", std::string(Trim(line.text)),
                    "'PHRASE [~CODE]'");
      return;
    }
    AgentEntry entry;
    entry.loc = diags_->Loc(line, start);
    if (!ParseCode(line, open, &entry)) return;
    std::string_view head = std::string_view(line.text).substr(start, open - start);
    std::optional<std::string_view> plural;
    size_t brace = head.find('{');
    if (brace != std::string_view::npos) {
      size_t close = head.find('}', brace);
      if (close == std::string_view::npos) {
        diags_->Error(line, start + brace, "unterminated '{'", std::string(head.substr(brace)),
                      "'{PLURAL}' or '{}'");
        return;
      }
      plural = head.substr(brace + 1, close - brace - 1);
      head = head.substr(0, brace);
    }
    if (head.find('!') != std::string_view::npos) {
      return ExpandMarkers(line, start, std::string(head), &entry);
    }
    Phrase phrase = SplitPhrase(head);
    if (phrase.empty()) {
      diags_->Error(line, start, "empty phrase", std::string(Trim(line.text)),
                    "'PHRASE [~CODE]'");
      return;
    }
    entry.forms.push_back(phrase);
    if (!plural) {
      entry.forms.push_back(PluralPhrase(phrase));
    } else if (Phrase p = SplitPhrase(*plural); !p.empty()) {
      entry.forms.push_back(std::move(p));
    }
    set_->agents.push_back(std::move(entry));
  }

  // "CUSTOMS_!OFFICER!" -> one form per item (no generated plurals, as in
  // PETRARCH: the sets list plurals explicitly).
  void ExpandMarkers(const Line& line, size_t start, const std::string& head,
                     AgentEntry* entry) {
    std::vector<std::string> todo = {head};
    std::vector<std::string> done;
    while (!todo.empty()) {
      std::string s = std::move(todo.back());
      todo.pop_back();
      size_t a = s.find('!');
      if (a == std::string::npos) {
        done.push_back(std::move(s));
        continue;
      }
      size_t b = s.find('!', a + 1);
      if (b == std::string::npos) {
        diags_->Error(line, start, "unterminated substitution marker", head, "'!NAME!'");
        return;
      }
      std::string raw_name = s.substr(a + 1, b - a - 1);
      auto it = markers_.find(ToLower(raw_name));
      if (it == markers_.end()) {
        std::string marker = "!";
        marker.append(raw_name).push_back('!');
        diags_->Error(line, start + head.find('!'), "undefined substitution marker", marker,
                      "a '!NAME! = ITEM, ...' line before its use");
        return;
      }
      if (done.size() + todo.size() + it->second.size() > kMaxMarkerExpansions) {
        diags_->Error(line, start, "too many marker expansions", head,
                      "at most " + std::to_string(kMaxMarkerExpansions));
        return;
      }
      for (const std::string& item : it->second) {
        std::string expanded(s, 0, a);
        expanded.append(item);
        expanded.append(s, b + 1, std::string::npos);
        todo.push_back(std::move(expanded));
      }
    }
    for (auto it = done.rbegin(); it != done.rend(); ++it) {
      Phrase p = SplitPhrase(*it);
      if (!p.empty()) entry->forms.push_back(std::move(p));
    }
    if (entry->forms.empty()) {
      diags_->Error(line, start, "empty phrase", head, "'PHRASE [~CODE]'");
      return;
    }
    set_->agents.push_back(std::move(*entry));
  }

  DiagSink* diags_;
  DictionarySet* set_;
  std::map<std::string, std::vector<std::string>> markers_;
};

}  // namespace

void ReadAgentLines(const std::vector<Line>& lines, DiagSink* diags, DictionarySet* set) {
  AgentFileReader reader(diags, set);
  for (const Line& line : lines) reader.ReadLine(line);
}

}  // namespace parley::dict_internal
