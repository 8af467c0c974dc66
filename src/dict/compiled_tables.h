// The concrete CompiledDictionary: every dictionary phrase (actor, agent,
// verb form, synset member, discard, issue) interned to word ids and stored
// in one PhraseTrie whose node payload says what ends there; verb blocks with
// their patterns compiled to word-id element lists.
//
// dict [DictionarySet] -> Compile -> [CompiledDictionaryImpl] -> code
//
// The coder (src/code) reads these tables directly (dynamic_cast from
// CompiledDictionary). Everything is immutable after Compile.
#ifndef PARLEY_DICT_COMPILED_TABLES_H_
#define PARLEY_DICT_COMPILED_TABLES_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dict/compiled_dictionary.h"
#include "dict/phrase_trie.h"
#include "parley/dictionary.h"

namespace parley {

struct CompiledActor {
  std::vector<DatedCode> codes;
  std::string name;
  bool framing = false;
  SourceLoc loc;
  // split_codes[i]: codes[i].code split at '/' without empty parts and "---"
  // ("FRO/BIL/SAM" -> three), computed once at compile time.
  std::vector<std::vector<std::string>> split_codes;
};

struct CompiledAgent {
  std::string code;   // without '~'
  bool prefix = false;
  SourceLoc loc;
  std::string text;   // the form as written
  bool needs_actor = false;  // AgentEntry::needs_actor
  std::string event_code = "";  // AgentEntry::event_code
};

struct CompiledVerbForm {
  uint32_t entry = 0;       // index into verb_entries
  uint32_t verb_index = 0;  // which word of the form is the verb
  uint32_t num_words = 0;
};

struct CompiledVerbEntry {
  uint32_t block = 0;
  std::string code;  // effective code: entry code, else the block code
  std::string base;
  SourceLoc loc;
};

struct PatElem {
  enum class Kind { kWords, kSynset, kSource, kTarget, kSkip, kCompound, kNounPhrase, kPrep };
  Kind kind = Kind::kWords;
  std::vector<uint32_t> words;  // kWords: contiguous; kNounPhrase: mods.., head; kPrep: prep, obj..
  int32_t synset = -1;          // kSynset
  bool adjacent = false;        // must touch the previous element (or the verb)
};

struct CompiledPattern {
  std::vector<PatElem> pre;   // text order
  std::vector<PatElem> post;  // text order
  std::string code;
  std::string passive_code;
  bool tabari = true;
  SourceLoc loc;
  std::string text;
  int specificity = 0;
  // Literal word ids the pattern needs somewhere in the sentence (a cheap
  // prefilter before matching).
  std::vector<uint32_t> required;
  bool null_code = false;  // "[---]": a match means "no event"
  bool usable = true;      // has an event code or is null_code
};

struct CompiledBlock {
  std::string name;
  std::string code;
  SourceLoc loc;
  std::vector<uint32_t> patterns;  // most specific first
  // Prefilter aligned with `patterns` (same order and size): whether the
  // pattern is usable and up to two of its required word ids (kNoWord =
  // none), so the coder can skip a pattern whose anchor words are absent
  // from the sentence without touching the pattern itself.
  struct Gate {
    uint32_t anchor[2] = {kNoWord, kNoWord};
    bool usable = true;
  };
  std::vector<Gate> gates;
};

struct CompiledDiscard {
  bool story = false;
  SourceLoc loc;
  std::string text;
};

struct CompiledIssue {
  std::string code;
  IssueEntry::Kind kind = IssueEntry::Kind::kIssue;
  SourceLoc loc;
};

// What ends at a trie node (indices; -1 = none).
struct NodeInfo {
  int32_t actor_list = -1;  // index into actor_lists (entries in file order)
  int32_t agent = -1;
  int32_t verb_form = -1;   // first verb form in file order
  int32_t discard = -1;
  int32_t issue = -1;
  uint32_t synset_begin = 0;  // [begin, end) into synset_members
  uint32_t synset_end = 0;
};

// A resolved actor reading for a date.
struct ActorReading {
  // "FRO/BIL/SAM" gives three; empty = uncoded. Points into the dictionary.
  std::span<const std::string> codes;
  const CompiledActor* entry = nullptr;
  const DatedCode* applied = nullptr;
};

// Longest match lengths (in words) starting at one position, per kind.
struct MatchLengths {
  uint32_t actor = 0, agent = 0, verb = 0, discard = 0;
  friend bool operator==(const MatchLengths&, const MatchLengths&) = default;
};

class CompiledDictionaryImpl : public CompiledDictionary {
 public:
  // Longest matches at `pos` over interned word ids (kNoWord = unknown).
  MatchLengths LongestAt(const std::vector<uint32_t>& ids, size_t pos) const;

  // Unique per compiled dictionary in this process (caches key on it; an
  // address could be reused after a hot reload).
  uint64_t instance_id = 0;
  WordTable words;
  PhraseTrie trie;
  std::vector<NodeInfo> nodes;  // payload index -> info
  std::vector<std::vector<uint32_t>> actor_lists;
  std::vector<CompiledActor> actors;
  std::vector<CompiledAgent> agents;
  std::vector<CompiledVerbForm> verb_forms;
  std::vector<CompiledVerbEntry> verb_entries;
  std::vector<CompiledBlock> blocks;
  std::vector<CompiledPattern> patterns;
  std::vector<std::string> synset_labels;
  std::vector<uint32_t> synset_members;  // synset ids, per node range
  std::vector<CompiledDiscard> discards;
  std::vector<CompiledIssue> issues;
  // Per word id: bit 0 = first word of some phrase, bit 1 = of a discard,
  // bit 2 = of a synset member.
  std::vector<uint8_t> starts;
  bool StartsPhrase(uint32_t w) const { return w < starts.size() && (starts[w] & 1); }
  bool StartsDiscard(uint32_t w) const { return w < starts.size() && (starts[w] & 2); }
  bool StartsSynset(uint32_t w) const { return w < starts.size() && (starts[w] & 4); }
  size_t num_actor_phrases_ = 0;
  size_t num_agent_phrases_ = 0;
  size_t num_verb_forms_ = 0;

  const NodeInfo* Info(uint32_t node) const {
    int32_t p = trie.payload(node);
    return p < 0 ? nullptr : &nodes[p];
  }
  // Resolves the actor entries ending at `node` for `date`: dated codes that
  // apply win (a range starting on the date first, then file order; ranges
  // include both ends), then the first undated code; with no date, the most
  // recent dated code.
  ActorReading ResolveActor(const NodeInfo& info, const std::optional<Date>& date) const;
  bool InSynset(const NodeInfo& info, int32_t synset) const;

  // Lookup over already-normalized words.
  std::vector<LookupResult> LookupWords(const std::vector<std::string>& words,
                                        const std::optional<Date>& date) const;

  std::vector<LookupResult> Lookup(std::string_view phrase,
                                   const std::optional<Date>& date) const override;
  size_t num_actor_phrases() const override { return num_actor_phrases_; }
  size_t num_agent_phrases() const override { return num_agent_phrases_; }
  size_t num_verb_forms() const override { return num_verb_forms_; }
  size_t num_patterns() const override { return patterns.size(); }
  size_t memory_bytes() const override;
};

// True when `code` is a usable event code (starts with a digit; "---",
// "+++", "###" and the like are not events).
bool IsEventCode(std::string_view code);

}  // namespace parley

#endif  // PARLEY_DICT_COMPILED_TABLES_H_
