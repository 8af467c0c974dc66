// Internal structures of the event coder's sparse parse, shared by
// sentence_parse.cc (matches, noun phrases, compounds, mentions),
// pattern_match.cc (verb patterns) and event_coder.cc (clauses, events).
//
// code: AnalyzedText sentence -> TokInfo/matches -> NounPhrase/VerbGroup ->
//       EventCandidate
// All token indices are document-wide (AnalyzedText::tokens).
#ifndef PARLEY_CODE_CODER_INTERNAL_H_
#define PARLEY_CODE_CODER_INTERNAL_H_

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "code/event_coder.h"
#include "code/word_cache.h"
#include "code/word_classes.h"
#include "dict/compiled_tables.h"

namespace parley::coder_internal {

struct TokInfo {
  uint32_t word = kNoWord;
  uint32_t lemma = kNoWord;
  uint32_t cls = 0;
  int32_t np = -1;         // noun phrase covering the token
  int32_t actor = -1;      // actor hit starting here
  int32_t agent = -1;      // agent hit starting here
  int32_t verb = -1;       // verb hit starting here (accepted or not)
  bool in_match = false;   // covered by an actor/agent hit
  bool is_verb = false;    // covered by an accepted verb form
  bool barrier = false;    // clause boundary for the backward subject search
  bool stop = false;       // hard limit for the forward target search
  bool joiner = false;     // "_" inside a name: transparent to phrase matching
  bool reduced = false;    // verb of a reduced relative ("fighters backed by Iran")
  // CompiledDictionaryImpl::starts of `word` (bits 0-2: first word of a
  // phrase / discard / synset member), plus kLemmaStartsPhrase for `lemma`.
  uint8_t starts = 0;
};
constexpr uint8_t kStartsPhrase = 1, kStartsDiscard = 2, kStartsSynset = 4;
constexpr uint8_t kLemmaStartsPhrase = 8;

struct ActorHit {
  uint32_t first = 0, end = 0;
  uint32_t node = 0;
};
struct AgentHit {
  uint32_t first = 0, end = 0;
  int32_t agent = -1;
};
struct VerbHit {
  uint32_t first = 0, end = 0;
  int32_t form = -1;
  bool accepted = false;
  bool report = false;  // a reporting verb ("said"), by word class
};

// The mentions of one noun phrase: always consecutive indices into
// SentenceCoding::mentions (BuildNounPhrases appends a phrase's mentions in
// one go, ResolvePronouns adds one to a phrase that has none), so a range
// replaces a vector: no allocation per phrase. Reads like a vector<int32_t>.
class MemberRange {
 public:
  class Iter {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = int32_t;
    using difference_type = std::ptrdiff_t;
    using pointer = const int32_t*;
    using reference = int32_t;
    Iter() = default;
    explicit Iter(int32_t v) : v_(v) {}
    int32_t operator*() const { return v_; }
    Iter& operator++() { ++v_; return *this; }
    Iter operator++(int) { Iter t = *this; ++v_; return t; }
    friend bool operator==(Iter a, Iter b) { return a.v_ == b.v_; }
   private:
    int32_t v_ = 0;
  };
  bool empty() const { return first_ == end_; }
  size_t size() const { return static_cast<size_t>(end_ - first_); }
  int32_t operator[](size_t i) const { return first_ + static_cast<int32_t>(i); }
  Iter begin() const { return Iter(first_); }
  Iter end() const { return Iter(end_); }
  // `m` must be the next index after the last one added (or the first).
  void push_back(int32_t m) {
    if (empty()) first_ = end_ = m;
    assert(m == end_);
    end_ = m + 1;
  }

 private:
  int32_t first_ = 0, end_ = 0;
};

// A noun phrase found by chunking, with the mentions it resolved to (several
// for a compound list, one otherwise; none when nothing is coded).
struct NounPhrase {
  uint32_t first = 0, end = 0;
  int32_t prep = -1;          // preposition token right before, -1 none
  int32_t absorbed_by = -1;   // NP that took this one's actors ("troops in Iraq")
  int32_t list_head = -1;     // first NP of the compound list it belongs to
  bool pronoun = false;
  bool has_actor = false;      // own actor or absorbed one
  int32_t absorbs = -1;        // NP (list head) absorbed through a preposition
  // "the West African nation of Mali": the own actor is a region that only
  // says where the absorbed "of" phrase is; the absorbed codes replace it.
  bool yields_to_absorbed = false;
  uint32_t actor_begin = 0, actor_end = 0;  // actor hits inside [first, end)
  uint32_t agent_begin = 0, agent_end = 0;  // agent hits inside
  MemberRange members;  // indices into SentenceCoding::mentions
};

// One actor code a noun phrase resolves to, before it becomes a mention
// (noun_phrases.cc: Collect); kept in Scratch so the vector keeps its buffer.
struct NpItem {
  std::string code;
  uint32_t first = 0, end = 0;
  const CompiledActor* entry = nullptr;
  uint32_t actor_hit = 0;
  bool has_hit = false;
  bool absorbed = false;
  bool capital_place = false;  // see ActorMention::capital_place
};

struct VerbGroup {
  uint32_t first = 0, end = 0;  // auxiliaries .. verb form end
  int32_t hit = -1;             // index into verb hits
  bool negated = false;
  bool passive = false;
  bool infinitive = false;
  bool coordinated = false;
  std::string modal;
  int32_t subject_np = -1;
  int32_t clause = -1;
  bool produced = false;
};

struct Scratch : public CoderScratch {
  std::vector<TokInfo> toks;  // indexed by token - sentence.first_token
  std::vector<ActorHit> actors;
  std::vector<AgentHit> agents;
  std::vector<VerbHit> verbs;
  std::vector<NounPhrase> nps;
  std::vector<VerbGroup> groups;
  // Document context for pronouns: recent coded mentions (most recent last),
  // pointing into the DocumentCoding's earlier sentences (final once coded;
  // EventCoderImpl::Code sizes DocumentCoding::sentences before the first).
  std::vector<const ActorMention*> context;
  std::vector<uint32_t> context_sentence;  // sentence of each context mention
  std::vector<uint32_t> context_order;     // event_coder.cc: mentions to add, in order
  std::vector<uint32_t> ids;
  // Word id + word class per word of up to 16 bytes, keyed by the word's
  // packed bytes (code/word_cache.h): no string hash or memcmp per token.
  WordCache word_cache;
  // Bloom filter of the sentence's word and lemma ids (pattern prefilter).
  uint64_t bloom[16] = {};
  // The word classes of the sentence's words, or-ed (PrepareTokens): rare
  // constructions skip the sentence on one test ("alive": kWcSurvival).
  uint32_t classes = 0;
  // TokInfo::starts of the sentence's tokens, or-ed (PrepareTokens): no
  // discard scan without kStartsDiscard.
  uint32_t starts = 0;
  std::vector<NpItem> np_items;  // noun_phrases.cc, per noun phrase
  // PrepareTokens, in token order: the tokens whose word starts a discard
  // phrase (kStartsDiscard), and those FindMatches must look at (word or
  // lemma starts a phrase, or a reporting / "according" word).
  std::vector<uint32_t> discard_starts;
  std::vector<uint32_t> match_starts;
  static uint32_t BloomBit(uint32_t id) { return (id * 2654435761u) >> 22; }  // 10 bits
  void BloomAdd(uint32_t id) {
    uint32_t h = BloomBit(id);
    bloom[h >> 6] |= uint64_t{1} << (h & 63);
  }
  bool BloomHas(uint32_t id) const {
    uint32_t h = BloomBit(id);
    return (bloom[h >> 6] >> (h & 63)) & 1;
  }
  // Per-sentence synset index (pattern_match.cc), built on first use: every
  // (token, synset) with a member phrase of the synset starting at the token
  // and the length of the longest one, in token order (a sentence has few);
  // plus one bit per synset present anywhere in the sentence.
  // `synsets_ready` is cleared at the start of every sentence
  // (EventCoderImpl::CodeSentence), after PrepareTokens.
  struct SynsetHit {
    uint32_t synset = 0;
    uint32_t len = 0;
    uint32_t token = 0;
  };
  bool synsets_ready = false;
  std::vector<SynsetHit> synset_hits;
  std::vector<uint64_t> synset_present;
  // After EnsureSynsetIndex: whether a member phrase of `synset` is in the sentence.
  bool SynsetPresent(uint32_t synset) const {
    return synset / 64 < synset_present.size() && ((synset_present[synset / 64] >> (synset % 64)) & 1);
  }
  // pattern_gates.h: the sentence's word and lemma ids that key some verb
  // pattern (built on first use; cleared per sentence with synsets_ready),
  // and CodeGroup's work vectors.
  bool gate_words_ready = false;
  std::vector<uint32_t> gate_words;
  std::vector<uint64_t> gate_word_blocks;  // per gate word: the blocks it keys (signature)
  uint32_t num_gate_words = 0;     // used entries of gate_words (they only grow)
  uint64_t gate_blocks_all = 0;    // the signatures or-ed
  // With gate_words: the tokens whose word starts a synset member (the
  // synset index walks from these instead of testing every token).
  std::vector<uint32_t> synset_starts;
  std::vector<uint32_t> gate_positions;
  std::vector<uint32_t> gate_candidates;
};

// Everything the per-sentence functions need.
struct SentenceCtx {
  const CompiledDictionaryImpl* dict = nullptr;
  const WordClasses* classes = nullptr;
  const Document* doc = nullptr;
  const AnalyzedText* text = nullptr;
  const CoderOptions* options = nullptr;
  Scratch* s = nullptr;
  SentenceCoding* out = nullptr;
  // The whole document's coding; sentences before out->sentence are final
  // (discourse.h looks back at their events).
  const DocumentCoding* document = nullptr;
  uint32_t first = 0, end = 0;  // sentence token range
  std::optional<Date> date;     // sentence date for actor resolution

  TokInfo& tok(uint32_t i) const { return s->toks[i - first]; }
  const Token& token(uint32_t i) const { return text->tokens[i]; }
  uint32_t cls(uint32_t i) const { return i < end && i >= first ? tok(i).cls : 0; }
};

// sentence_parse.cc
void PrepareTokens(SentenceCtx* c);
bool CheckDiscards(SentenceCtx* c, bool* story);
void FindMatches(SentenceCtx* c);
void AcceptVerbs(SentenceCtx* c);
void BuildNounPhrases(SentenceCtx* c);
void ResolvePronouns(SentenceCtx* c);
// An agent-only mention ("the junta", "---MIL") takes the country of the
// sentence when its other mentions name exactly one country and at least one
// of them is a place introduced by "in" ("a village in Sagaing" -> MMR;
// "Officials criticized Israel" stays ---GOV: Israel is the target, not where).
void CountryForAgentOnly(SentenceCtx* c);
// A definite agent-only mention in a reported clause whose role the speaker's
// code carries takes the speaker's country ("An Israeli military spokesman
// said the army had struck ..." -> ISRMIL). Runs after BuildClauses.
void CountryFromSpeaker(SentenceCtx* c);

// pattern_match.cc
struct PatternBinding {
  int32_t source_np = -1;
  int32_t target_np = -1;
  int32_t compound_np = -1;
  std::vector<std::pair<uint32_t, uint32_t>> spans;  // matched words (token ranges)
};
// Tries `pattern` around verb group `g`; limit = last token (exclusive) the
// post half may reach.
bool MatchPattern(const SentenceCtx& c, const CompiledPattern& pattern, const VerbGroup& g,
                  uint32_t limit, PatternBinding* b);
// Length of the phrase of `synset` starting at token i (0 = none).
uint32_t SynsetMatchAt(const SentenceCtx& c, int32_t synset, uint32_t i);
// Builds the sentence's synset index unless built (Scratch::SynsetPresent).
void EnsureSynsetIndex(const SentenceCtx& c);

}  // namespace parley::coder_internal

#endif  // PARLEY_CODE_CODER_INTERNAL_H_
