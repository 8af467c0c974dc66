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
#include <cstring>
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
    WordKey k;
    if (!KeyOf(w, &k)) return kNoLexWord;
    for (uint32_t h = k.Hash() & slot_mask_;; h = (h + 1) & slot_mask_) {
      const Slot& s = slots_[h];
      if (s.id == kNoLexWord) return kNoLexWord;
      if (s.a == k.a && s.b == k.b && s.n == k.n && (k.n <= 16 || SameBytes(vocab_[s.id], w))) {
        return s.id;
      }
    }
  }
  TokenWordIds TokenIds(const Token& t) const {
    TokenWordIds ids;
    ids.norm = WordId(t.norm);
    // The lemma is usually the norm itself (the same view); a lemma with the
    // norm's bytes elsewhere gets the same id from WordId.
    bool same = t.lemma.data() == t.norm.data() && t.lemma.size() == t.norm.size();
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
  // Words are short: a byte loop is cheaper than a memcmp call.
  static bool SameBytes(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t k = 0; k < a.size(); ++k) {
      if (a[k] != b[k]) return false;
    }
    return true;
  }
  std::vector<LexiconEntry> entries_;
  // A word's exact key: its length and bytes, read with at most two loads
  // per 8 bytes and never past its end. For 4-8 bytes the two 4-byte loads
  // overlap ([0,4) and [n-4,n) cover the word), for 9-16 bytes the two 8-byte
  // ones do, for 1-3 bytes three single bytes do: equal keys of equal length
  // are equal words. Longer words key on their first and last 8 bytes and are
  // compared in full.
  struct WordKey {
    uint64_t a = 0, b = 0;
    uint32_t n = 0;
    uint32_t Hash() const {
      uint64_t x = (a ^ (b * 0x9E3779B97F4A7C15ull) ^ n) * 0xFF51AFD7ED558CCDull;
      return static_cast<uint32_t>(x >> 40);
    }
  };
  static uint64_t Load(const char* p, size_t bytes) {
    if (bytes == 8) {
      uint64_t v;
      std::memcpy(&v, p, 8);
      return v;
    }
    uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
  }
  static bool KeyOf(std::string_view w, WordKey* k) {
    const char* p = w.data();
    const size_t n = w.size();
    k->n = static_cast<uint32_t>(n);
    if (n >= 8) {
      k->a = Load(p, 8);
      k->b = Load(p + n - 8, 8);
    } else if (n >= 4) {
      k->a = Load(p, 4) | (Load(p + n - 4, 4) << 32);
    } else if (n > 0) {
      k->a = static_cast<uint8_t>(p[0]) | (static_cast<uint64_t>(static_cast<uint8_t>(p[n / 2])) << 8) |
             (static_cast<uint64_t>(static_cast<uint8_t>(p[n - 1])) << 16);
    } else {
      return false;
    }
    return true;
  }
  // Vocabulary: every literal pattern word, interned (id = index), with an
  // open-addressing table of their keys (load factor <= 1/3).
  struct Slot {
    uint64_t a = 0, b = 0;
    uint32_t n = 0;
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
};

}  // namespace parley::claims

#endif  // PARLEY_CLAIMS_LEXICON_H_
