// ClaimsLexicon: the human-editable word lists of the claims stage
// (reporting verbs, hedges, factuality cues, figure triggers, stance cues,
// negotiation items), parsed from dictionaries/parley/claims/*.txt and
// compiled into one phrase matcher over token norms and lemmas.
//
// code [DocumentCoding] -> claims (uses ClaimsLexicon) -> CodedDocument
//
// File format (full description in docs/claims.md):
//   # comment                       anywhere; '#' starts a comment
//   [section argument words]        starts a section; argument optional
//   phrase words  {flag, key=value} one entry per line; attributes optional
// Phrase words match a token when equal to its normalized form or its lemma.
// Special words: "..." = a gap of 0-6 tokens; "$name" = 1-3 capitalized
// words, captured (an item label may then use "$name"); "#num" = a number.
// Every entry keeps file:line, which is its rule id in output.
//
// Immutable after Load(); thread-safe for concurrent Match().
#ifndef PARLEY_CLAIMS_LEXICON_H_
#define PARLEY_CLAIMS_LEXICON_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/status.h"
#include "parley/text.h"

namespace parley::claims {

// The sections the loader accepts, and which file each belongs to.
enum class Section : uint8_t {
  kReportingVerb,    // reporting.txt [verb]
  kAccordingTo,      // reporting.txt [according]   "according to X"
  kRelay,            // reporting.txt [relay]       "source", "statement"
  kHedge,            // reporting.txt [hedge]       "claimed", "allegedly"
  kAnonymous,        // reporting.txt [anonymous]   "sources", "officials"
  kNegation,         // factuality.txt [negation]
  kNegationScope,    // factuality.txt [negation_scope]   "denied that"
  kHypothetical,     // factuality.txt [hypothetical]
  kHypotheticalScope,// factuality.txt [hypothetical_scope]  "no certainty that"
  kConditional,      // factuality.txt [conditional]  "if", "unless"
  kFigureKind,       // figures.txt [kind K]
  kQualifier,        // figures.txt [qualifier Q]
  kCumulative,       // figures.txt [cumulative]
  kNotFigure,        // figures.txt [not_figure]
  kVictim,           // figures.txt [victim ROLE]
  kStance,           // stances.txt [stance S]
  kCondition,        // stances.txt [condition]   "if", "in exchange for"
  kContext,          // stances.txt [context]     negotiation words
  kAnaphor,          // stances.txt [anaphor]     "plan", "terms"
  kItem,             // negotiation_items.txt [item LABEL]
  kCount
};
const char* SectionName(Section s);

// One pattern element.
struct PatternWord {
  enum class Kind : uint8_t { kWord, kGap, kName, kNumber };
  Kind kind = Kind::kWord;
  std::string word;  // for kWord
  uint32_t id = 0;   // for kWord: the word's id in the lexicon vocabulary
};

// A token's norm and lemma as lexicon vocabulary ids (kNoLexWord when the
// word occurs in no pattern). Matching compares ids, never bytes.
inline constexpr uint32_t kNoLexWord = 0xFFFFFFFFu;
struct TokenWordIds {
  uint32_t norm = kNoLexWord;
  uint32_t lemma = kNoLexWord;
};

struct LexiconEntry {
  Section section = Section::kCount;
  std::string arg;                      // section argument: kind, stance, label
  std::vector<PatternWord> pattern;
  std::map<std::string, std::string> attrs;  // {flag} -> "", {k=v} -> v
  std::string rule;                     // "claims/figures.txt:12"
  std::string phrase;                   // the entry as written (for Explain)
  // Most entries have no attributes: answered without building a key.
  bool has(std::string_view flag) const {
    return !attrs.empty() && attrs.count(std::string(flag)) > 0;
  }
  std::string attr(std::string_view key) const;
};

// A match of one entry over tokens [first, end) (document token indices).
struct LexMatch {
  uint32_t first = 0;
  uint32_t end = 0;
  uint32_t entry = 0;            // index into ClaimsLexicon::entries()
  uint32_t name_first = 0;       // captured $name span, when the pattern has one
  uint32_t name_end = 0;
};

class ClaimsLexicon {
 public:
  // Reads every *.txt file of `dir` (non-recursive) in name order. Fails with
  // "file:line: message" on the first error; an empty or missing directory
  // is an error.
  static StatusOr<std::shared_ptr<const ClaimsLexicon>> Load(const std::string& dir);
  // Parses one file's contents (used by Load and by tests); `file` is the
  // name used in rule ids and diagnostics.
  static StatusOr<std::shared_ptr<const ClaimsLexicon>> FromStrings(
      const std::vector<std::pair<std::string, std::string>>& files);

  const std::vector<LexiconEntry>& entries() const { return entries_; }
  const LexiconEntry& entry(uint32_t i) const { return entries_[i]; }

  // Appends every match starting in [first, end) and ending before `end`
  // to *out, ordered by start, then longer first.
  void Match(const AnalyzedText& text, uint32_t first, uint32_t end,
             std::vector<LexMatch>* out) const;
  // The same with the tokens' vocabulary ids precomputed: ids[i] is
  // TokenIds(text.tokens[i]) for every i in [first, end).
  void Match(const AnalyzedText& text, const TokenWordIds* ids, uint32_t first, uint32_t end,
             std::vector<LexMatch>* out) const;

  // Vocabulary id of a word (any literal word of any pattern), or kNoLexWord.
  uint32_t WordId(std::string_view w) const {
    if (w.empty()) return kNoLexWord;
    uint32_t sig = Sig(w);
    if (!SigSet(sig)) return kNoLexWord;
    return FindSlot(w, sig);
  }
  TokenWordIds TokenIds(const Token& t) const {
    TokenWordIds ids;
    ids.norm = WordId(t.norm);
    // The lemma is usually the norm itself (same pointer, or same bytes).
    bool same = (t.lemma.data() == t.norm.data() && t.lemma.size() == t.norm.size()) ||
                SameBytes(t.lemma, t.norm);
    ids.lemma = same ? ids.norm : WordId(t.lemma);
    return ids;
  }

 private:
  Status AddFile(const std::string& file, std::string_view content);
  Status AddLine(const std::string& where, std::string_view line, Section* section,
                 std::string* arg);
  void Index();
  bool MatchAt(const AnalyzedText& text, const TokenWordIds* ids, uint32_t i, uint32_t end,
               const LexiconEntry& e, LexMatch* m) const;
  uint32_t Intern(const std::string& w);
  // Words are short: a byte loop is cheaper than a memcmp call.
  static bool SameBytes(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t k = 0; k < a.size(); ++k) {
      if (a[k] != b[k]) return false;
    }
    return true;
  }
  uint32_t FindSlot(std::string_view w, uint32_t sig) const {
    for (uint32_t h = sig & slot_mask_;; h = (h + 1) & slot_mask_) {
      const Slot& s = slots_[h];
      if (s.id == kNoLexWord) return kNoLexWord;
      if (s.sig == sig && SameBytes(vocab_[s.id], w)) return s.id;
    }
  }

  std::vector<LexiconEntry> entries_;
  // Vocabulary: every literal pattern word, interned (id = index), with an
  // open-addressing table keyed by Sig() (exact: the bytes are compared).
  struct Slot {
    uint32_t sig = 0;
    uint32_t id = kNoLexWord;
  };
  std::vector<std::string> vocab_;
  std::vector<Slot> slots_;
  uint32_t slot_mask_ = 0;
  // Per vocabulary id, the entries whose pattern opens with that word:
  // first_entries_[first_begin_[id] .. first_begin_[id + 1]).
  std::vector<uint32_t> first_entries_;
  std::vector<uint32_t> first_begin_;
  // Per vocabulary id: when every entry opening with that word needs a given
  // second word, bit (id & 63) of each such second word; ~0 otherwise. A
  // next token whose norm and lemma hit no bit rules out the whole group.
  std::vector<uint64_t> second_bits_;
  // Per entry, what Match can decide without MatchAt: a one-word pattern
  // matches its token at once; a pattern whose second element is a word
  // fails unless the next token is that word (or a quote mark).
  struct Quick {
    bool single = false;
    uint32_t second = kNoLexWord;
  };
  std::vector<Quick> quick_;
  // Entries opening with $name / #num: tried only where a capitalized word /
  // a number mention starts (MatchAt would fail anywhere else).
  std::vector<uint32_t> starts_with_name_;
  std::vector<uint32_t> starts_with_number_;
  // Prefilter: (first two bytes, last byte, length) mixed into 20 bits; a
  // bit is set for every vocabulary word, so most other words skip the
  // table lookup.
  static uint32_t Sig(std::string_view w) {
    uint32_t second = w.size() > 1 ? static_cast<uint8_t>(w[1]) : 0u;
    uint32_t key = static_cast<uint8_t>(w.front()) | (second << 8) |
                   (static_cast<uint32_t>(static_cast<uint8_t>(w.back())) << 16) |
                   (static_cast<uint32_t>(w.size() & 0xFF) << 24);
    return (key * 2654435761u) >> 12;
  }
  std::vector<uint64_t> sig_;  // 2^20 bits, one per Sig() value of a vocabulary word
  bool SigSet(uint32_t sig) const { return (sig_[sig >> 6] >> (sig & 63)) & 1; }
};

}  // namespace parley::claims

#endif  // PARLEY_CLAIMS_LEXICON_H_
