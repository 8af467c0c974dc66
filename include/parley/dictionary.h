// Dictionaries as data: the parsed, not yet compiled, contents of actor,
// agent, verb, discard and issue files in the PETRARCH/TABARI formats (see
// docs/dictionary_format.md), plus Parley's framing files.
//
// ingest -> text -> dict [DictionarySet -> CompiledDictionary] -> code
//
// Words are stored lower-case, one std::string per word ("benjamin",
// "netanyahu"); '_' and spaces in the files both separate words. Every entry
// keeps its SourceLoc so that every emitted code can name the rule (file:line)
// that produced it.
#ifndef PARLEY_DICTIONARY_H_
#define PARLEY_DICTIONARY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/date.h"
#include "parley/status.h"

namespace parley {

struct SourceLoc {
  std::string file;   // path as given (or base name for bundled files)
  uint32_t line = 0;  // 1-based
  uint32_t column = 0;  // 1-based, 0 when not meaningful
  // "Parley.verbs.txt:812" — the rule id form used in output.
  std::string RuleId() const;
};

struct Diagnostic {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  SourceLoc loc;
  std::string message;   // what is wrong: "unterminated '{'"
  std::string text;      // the offending text
  std::string expected;  // what was expected / a suggested fix
  // "file:line:col: error: message: 'text' (expected ...)"
  std::string ToString() const;
};

using Phrase = std::vector<std::string>;  // lower-case words

// A code with an optional validity interval: applies when
// from <= date < until (PETRARCH semantics: end exclusive).
struct DatedCode {
  std::string code;
  std::optional<Date> from;
  std::optional<Date> until;
  bool AppliesOn(const std::optional<Date>& date) const;
};

struct ActorEntry {
  std::vector<Phrase> phrases;   // phrases[0] is the primary phrase
  std::vector<DatedCode> codes;  // file order; the first that applies wins
  std::string name;              // display name: primary phrase in title case
  // True for entries from a framing file: every phrase is a loaded term that
  // resolves to the neutral code and is recorded as ActorRef::framing.
  bool framing = false;
  SourceLoc loc;
  // The code that applies on `date` (Parley semantics, fixing PETRARCH's
  // file-order precedence): the first DATED code (file order) that applies;
  // otherwise the first undated code; otherwise nullptr. With no date,
  // undated codes win, else the dated code valid most recently (open end or
  // latest end date). Returned pointer is valid while `codes` is unchanged.
  const DatedCode* CodeOn(const std::optional<Date>& date) const;
};

struct AgentEntry {
  std::vector<Phrase> forms;  // singular first, then plural(s)
  std::string code;           // without '~': "GOV", "MIL", "REBHMS"
  bool prefix = false;        // "IGO~" form (prepended) instead of "~GOV"
  SourceLoc loc;
  // "STRIKE [~MIL] needs-actor": the role only qualifies an actor named in
  // the same noun phrase ("Israeli strikes" -> ISRMIL); alone ("the strike")
  // the phrase is not an actor.
  bool needs_actor = false;
  // "AIRSTRIKE [~MIL] needs-actor event=195": the phrase names an action;
  // "an Israeli airstrike on X" is an event with this CAMEO code.
  std::string event_code = "";
};

// One element of a verb pattern. Both syntaxes map onto these kinds.
struct PatternElement {
  enum class Kind {
    kWord,        // a literal word (TABARI) or NP head noun (PETRARCH-2)
    kNounPhrase,  // PETRARCH-2 "{MOD MOD HEAD}": words, head last
    kPrep,        // PETRARCH-2 "(PREP obj...)": words[0] = preposition
    kSynset,      // "&LABEL": words[0] = label (lower-case, without '&')
    kSource,      // TABARI "$": the source actor is here
    kTarget,      // TABARI "+": the target actor is here
    kSkip,        // "^": skip an actor phrase without coding it
    kCompound,    // TABARI "%": compound actor gives source and target
  };
  Kind kind = Kind::kWord;
  std::vector<std::string> words;
  // Sub-elements of a kPrep object (PETRARCH-2 "(FOR {FINANCIAL AID})").
  std::vector<PatternElement> object;
  // TABARI '_': must be immediately adjacent to the previous element (or to
  // the verb for the first post-verb / last pre-verb element).
  // Precisely (so that "IN_AND_*" is expressible): in `post`, adjacent means
  // "immediately after the previous element (the verb for post[0])"; in
  // `pre`, it means "immediately before the NEXT element (the verb for the
  // last one)" -- i.e. always the neighbour on the verb's side.
  bool adjacent = false;
};

struct VerbPattern {
  enum class Syntax { kPetrarch2, kTabari };
  Syntax syntax = Syntax::kTabari;
  std::vector<PatternElement> pre;   // before the verb, in text order
  std::vector<PatternElement> post;  // after the verb, in text order
  std::string code;          // active code; "---" = no event
  std::string passive_code;  // from "[A:B]" / "[:B]"; empty if none
  SourceLoc loc;
  std::string text;          // the pattern line as written (for --explain)
};

struct VerbForm {
  Phrase words;          // surface words, e.g. {"pulled","out"}
  uint32_t verb_index = 0;  // which word is the verb ("+" word in compounds)
};

struct VerbEntry {
  std::string base;              // "pull out"
  std::vector<VerbForm> forms;   // base + generated/listed inflections
  std::string code;              // verb-specific code, or empty = block code
  SourceLoc loc;
};

struct VerbBlock {
  std::string name;   // "PULL_OUT" (keys the pattern table)
  std::string code;   // block code; "---" = none
  std::vector<VerbEntry> verbs;
  std::vector<VerbPattern> patterns;
  SourceLoc loc;
};

struct Synset {
  std::string label;                 // lower-case, without '&'
  std::vector<Phrase> members;       // including generated plurals
  SourceLoc loc;
};

struct Transformation {
  std::string lhs;  // "s (s t VERB2) VERB1" as written
  std::string rhs;  // "s t CODE"
  SourceLoc loc;
};

struct DiscardEntry {
  Phrase words;
  bool story = false;  // '+' prefix: discard the whole story
  SourceLoc loc;
};

struct IssueEntry {
  std::vector<Phrase> forms;  // expanded surface forms
  std::string code;           // empty for ignore entries
  enum class Kind { kIssue, kIgnoreSentence, kIgnoreStory };
  Kind kind = Kind::kIssue;
  SourceLoc loc;
};

// Everything read from one dictionary set (a directory or a list of files).
struct DictionarySet {
  std::vector<ActorEntry> actors;  // actor and framing files, in load order
  std::vector<AgentEntry> agents;
  std::vector<Synset> synsets;
  std::vector<VerbBlock> verb_blocks;
  std::vector<Transformation> transformations;
  std::vector<DiscardEntry> discards;
  std::vector<IssueEntry> issues;
  std::vector<std::string> files;  // every file read, in order
  std::vector<Diagnostic> diagnostics;

  bool has_errors() const;
};

enum class DictionaryKind { kActors, kFraming, kAgents, kVerbs, kDiscards, kIssues };

// How strictly entry-level defects are reported (additive; see
// docs/dictionary_format.md "Strict and legacy files").
//  * kStrict: every defect (bad date, missing code, undefined synset, ...) is
//    an error. For Parley's own dictionaries.
//  * kLegacy: such defects are warnings and the entry/restriction is skipped,
//    as PETRARCH effectively did; the Phoenix files load with zero errors.
//    Structural problems (pattern without '*', verb line outside a block,
//    unterminated comment) stay errors.
//  * kAuto: strict for files named in a parley.dict manifest and for files
//    whose leading comment lines include "# syntax:" or "# parley"; legacy
//    otherwise.
struct ReadOptions {
  enum class Strictness { kAuto, kStrict, kLegacy };
  Strictness strictness = Strictness::kAuto;
};

// Reads one file of the given kind, appending to `set`. Syntax problems are
// appended to set->diagnostics (with file:line:col) and reading continues;
// the returned Status is non-OK only when the file cannot be read at all.
Status ReadDictionaryFile(const std::string& path, DictionaryKind kind,
                          DictionarySet* set);

// Reads a dictionary directory. With a `parley.dict` manifest (see
// docs/dictionary_format.md) the manifest lists the files and their kinds;
// without one, kinds are inferred from file names as in the Phoenix set
// (*actors*.txt, *agents*.txt, CAMEO*.txt / *verbs*.txt, *discards*.txt,
// *Issue*.txt). Fails when the directory holds no dictionary file.
StatusOr<DictionarySet> ReadDictionaryDirectory(const std::string& dir);

// As above, with explicit strictness (the two-argument forms use kAuto).
Status ReadDictionaryFile(const std::string& path, DictionaryKind kind,
                          DictionarySet* set, const ReadOptions& options);
StatusOr<DictionarySet> ReadDictionaryDirectory(const std::string& dir,
                                                const ReadOptions& options);

}  // namespace parley

#endif  // PARLEY_DICTIONARY_H_
