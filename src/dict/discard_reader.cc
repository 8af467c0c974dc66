// Discard file reader: one phrase per line, '+' = discard the whole story
// (docs/dictionary_format.md). Unlike PETRARCH2 (whitespace tokens only, so
// "GROUP A_" kept a literal '_'), '_' separates words as in actor phrases.
#include "dict/dictionary_reader_internal.h"

namespace parley::dict_internal {

void ReadDiscardLines(const std::vector<Line>& lines, DiagSink* diags, DictionarySet* set) {
  for (const Line& line : lines) {
    std::string_view body = Trim(line.text);
    if (body.empty()) continue;
    size_t start = line.text.find_first_not_of(" \t");
    DiscardEntry e;
    e.story = body[0] == '+';
    if (e.story) body.remove_prefix(1);
    if (body.find('[') != std::string_view::npos) {
      diags->Warning(line, start, "'[' in a discard phrase is taken literally",
                     std::string(body), "a plain phrase; discards carry no code");
    }
    e.words = SplitPhrase(body);
    if (e.words.empty()) {
      diags->Error(line, start, "empty phrase", std::string(Trim(line.text)),
                   "'PHRASE' or '+PHRASE'");
      continue;
    }
    e.loc = diags->Loc(line, start);
    set->discards.push_back(std::move(e));
  }
}

}  // namespace parley::dict_internal
