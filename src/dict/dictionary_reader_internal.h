// Internals shared by the dictionary readers (actor_reader.cc,
// agent_reader.cc, verb_reader.cc, discard_reader.cc, issue_reader.cc,
// dictionary_reader.cc): line splitting with PETRARCH comment rules,
// diagnostics with file:line:col, word splitting, dates, English plurals and
// verb inflection.
//
// dict: file bytes -> [these helpers] -> DictionarySet entries
//
// Not part of the public API; tests include it directly.
#ifndef PARLEY_DICT_DICTIONARY_READER_INTERNAL_H_
#define PARLEY_DICT_DICTIONARY_READER_INTERNAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/dictionary.h"

namespace parley::dict_internal {

// One physical line of a dictionary file. `text` is the line with comments
// blanked out (replaced by spaces, so byte offsets into `text` are columns
// into the original line) and trailing blanks removed.
struct Line {
  uint32_t number = 0;  // 1-based
  std::string raw;      // as in the file, without the line terminator
  std::string text;     // comments blanked; may be empty
};

// Splits `contents` into lines (LF or CRLF; a leading UTF-8 BOM is dropped)
// and applies the comment rules of PETRARCH's read_FIN_line, with one fix:
//  * a line whose first non-blank character is '#' is a comment;
//  * a line starting with "<!" is a comment; if it opens "<!--" without a
//    closing "-->", the comment runs to the line containing "-->" (PETRARCH
//    skipped only the first line of such a block);
//  * "<!-- ... -->" inside a line is blanked; an unclosed in-line "<!--"
//    blanks the rest of the line and continues the comment;
//  * on other lines everything from the first '#' on is removed.
// An unterminated block comment at end of file is reported in `diags`.
std::vector<Line> SplitLines(std::string_view contents, const std::string& file,
                             std::vector<Diagnostic>* diags);

// Collects diagnostics for one file.
//
// Error() reports an entry-level defect (bad date, missing code, undefined
// synset...): the entry or restriction is skipped; in a legacy file (see
// ReadOptions) it is reported as a warning, because PETRARCH tolerated it
// and the Phoenix files contain a few. Structural() problems (a verb line
// outside any block, a pattern without '*', an unterminated comment) are
// errors in every mode.
class DiagSink {
 public:
  DiagSink(const std::string& file, std::vector<Diagnostic>* out, bool legacy = false)
      : file_(file), out_(out), legacy_(legacy) {}
  void Error(const Line& line, size_t offset, std::string message,
             std::string text, std::string expected = "");
  void Structural(const Line& line, size_t offset, std::string message,
                  std::string text, std::string expected = "");
  void Warning(const Line& line, size_t offset, std::string message,
               std::string text, std::string expected = "");
  // Column 0 (whole line / file).
  void ErrorAt(uint32_t line, std::string message, std::string text,
               std::string expected = "");
  SourceLoc Loc(const Line& line, size_t offset = std::string::npos) const;
  const std::string& file() const { return file_; }

 private:
  void Add(Diagnostic::Severity severity, const Line& line, size_t offset,
           std::string message, std::string text, std::string expected);
  std::string file_;
  std::vector<Diagnostic>* out_;
  bool legacy_;
};

// ASCII helpers.
std::string ToLower(std::string_view s);
std::string_view Trim(std::string_view s);
bool IsBlank(char c);
// Splits on blanks (space, tab).
std::vector<std::string_view> SplitBlank(std::string_view s);
// Splits a dictionary phrase on '_' and blanks, drops empty pieces, and
// lower-cases: "PORT_ESKEN_" -> {"port","esken"}.
Phrase SplitPhrase(std::string_view s);
std::string JoinPhrase(const Phrase& p, std::string_view sep = " ");
// "benjamin netanyahu" -> "Benjamin Netanyahu".
std::string TitleCase(const Phrase& p);

// Parses a dictionary date: YYMMDD (YY <= 30 -> 20YY, else 19YY) or
// YYYYMMDD. nullopt when malformed or not a calendar date.
std::optional<Date> ParseDictDate(std::string_view s);

// Regular English plural of one (lower-case) word: BOSS -> bosses,
// BUS -> buses, PARTY -> parties, DAY -> days, CHURCH -> churches,
// TROOP -> troops.
std::string PluralOf(std::string_view word);
// The phrase with its last word pluralised.
Phrase PluralPhrase(const Phrase& p);

// Regular verb forms of `verb` (lower-case), excluding the base form: the
// forms PETRARCH2 generates (3sg, past, gerund) plus corrected ones
// (TRY -> tries/tried, STOP -> stopped/stopping, DIE -> dying,
// PUNCH -> punches). No duplicates.
std::vector<std::string> VerbInflections(std::string_view verb);

// True when `code` is a CAMEO event code in the loaded CAMEO table, or
// "---". When the table cannot be loaded every code is accepted.
bool IsKnownEventCode(std::string_view code);

// Kind from a Phoenix-style file name (*framing*.txt, *actors*.txt,
// *agents*.txt, CAMEO*.txt / *verbs*.txt, *discards*.txt, *issue*.txt, case
// insensitive); nullopt for other names.
std::optional<DictionaryKind> KindFromFileName(const std::string& path);

// Per-kind readers, each over already split lines of one file.
void ReadActorLines(const std::vector<Line>& lines, bool framing, DiagSink* diags,
                    DictionarySet* set);
void ReadAgentLines(const std::vector<Line>& lines, DiagSink* diags, DictionarySet* set);
void ReadVerbLines(const std::vector<Line>& lines, DiagSink* diags, DictionarySet* set);
void ReadDiscardLines(const std::vector<Line>& lines, DiagSink* diags,
                      DictionarySet* set);
void ReadIssueLines(const std::vector<Line>& lines, DiagSink* diags, DictionarySet* set);

}  // namespace parley::dict_internal

#endif  // PARLEY_DICT_DICTIONARY_READER_INTERNAL_H_
