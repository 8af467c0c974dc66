// Shared internals of the claims stage: the per-document context every
// component reads (tokens, mentions, lexicon matches per sentence) and the
// attribution result (Report) that events, figures and positions consult.
//
// claims_extractor.cc builds a DocContext, runs attribution.cc, then
// factuality.cc (events), figures.cc and positions.cc.
#ifndef PARLEY_CLAIMS_CLAIMS_INTERNAL_H_
#define PARLEY_CLAIMS_CLAIMS_INTERNAL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims/lexicon.h"
#include "code/sentence_coding.h"
#include "dict/compiled_dictionary.h"
#include "parley/document.h"
#include "parley/event.h"
#include "parley/text.h"

namespace parley::claims {

// Concatenates string-like pieces by appending (GCC 12 raises a false
// -Wrestrict on `"literal" + std::string&&`, PR105329).
template <typename... Parts>
std::string StrCat(const Parts&... parts) {
  std::string s;
  (s.append(std::string_view(parts)), ...);
  return s;
}

// A resolved mention anywhere in the document (coder's mentions, flattened).
struct DocMention {
  const ActorMention* m = nullptr;
  uint32_t sentence = 0;
};

// "X said that ..." / "..., according to X": the speaker is credited with the
// tokens [first, end). speaker is empty for anonymous sources.
struct Report {
  uint32_t first = 0;
  uint32_t end = 0;
  std::optional<ActorRef> speaker;
  bool relay = false;      // a source/statement/"according to" relays the party
  bool negates = false;    // "denied that ..."
  std::string_view hedge;  // "claimed" when the reporting verb is a hedge (token norm)
  uint32_t cue_first = 0;  // the reporting cue tokens
  uint32_t cue_end = 0;
  std::string_view rule;   // lexicon rule id of the cue (lexicon-owned or a literal)
  uint32_t speaker_first = 0, speaker_end = 0;  // speaker mention tokens
};

constexpr uint32_t SectionBit(Section s) { return uint32_t{1} << static_cast<uint32_t>(s); }

struct DocContext {
  const Document* doc = nullptr;
  const AnalyzedText* text = nullptr;
  const DocumentCoding* coding = nullptr;
  const ClaimsLexicon* lex = nullptr;
  const CompiledDictionary* dict = nullptr;  // may be null (tests)
  std::vector<DocMention> mentions;                // document order
  std::vector<std::vector<LexMatch>> matches;      // per sentence
  std::vector<uint32_t> sections;                  // per sentence: bit per Section matched
  std::vector<TokenWordIds> word_ids;              // per token (lexicon vocabulary)
  std::vector<uint32_t> quotes;                    // quote-mark tokens inside sentences
  // Tokens where a number mention starts, in token order; those of sentence
  // s are number_tokens[number_begin[s] .. number_begin[s + 1]).
  std::vector<uint32_t> number_tokens;
  std::vector<uint32_t> number_begin;
  std::vector<std::vector<Report>> reports;        // per sentence

  const Token& tok(uint32_t i) const { return text->tokens[i]; }
  std::string_view norm(uint32_t i) const { return text->tokens[i].norm; }
  bool Is(uint32_t i, std::string_view w) const {
    return i < text->tokens.size() && text->tokens[i].norm == w;
  }
  const LexiconEntry& entry(const LexMatch& m) const { return lex->entry(m.entry); }
  // True when sentence s has a match of any of the sections in `mask`
  // (SectionBit(a) | SectionBit(b) ...): scans for absent sections are skipped.
  bool HasAny(uint32_t s, uint32_t mask) const { return (sections[s] & mask) != 0; }
  const SentenceCoding* coded(uint32_t s) const {
    return coding != nullptr && s < coding->sentences.size() ? &coding->sentences[s] : nullptr;
  }
  // The original words of tokens [first, end).
  std::string Words(uint32_t first, uint32_t end) const { return std::string(WordsView(first, end)); }
  std::string_view WordsView(uint32_t first, uint32_t end) const;
  // Byte span of tokens [first, end).
  Span SpanOf(std::string role, uint32_t first, uint32_t end) const;
  // Mention (not agent-only unless allow_agent) covering token i, or null.
  const ActorMention* MentionAt(uint32_t s, uint32_t i, bool allow_agent = false) const;
  // First usable mention overlapping [first, end) of sentence s.
  const ActorMention* FirstMentionIn(uint32_t s, uint32_t first, uint32_t end) const;
  // Most recent non-agent mention ending at or before token i (any sentence).
  const ActorMention* LastMentionBefore(uint32_t i) const;
  // Resolves a pronoun token: the coder's pronoun mention; for he/she/they
  // the first actor of the sentence before it, else of the latest sentence
  // with one (its subject, usually); for it/its the most recent mention.
  const ActorMention* ResolvePronoun(uint32_t s, uint32_t i) const;
  // True when sentence p opens with a plural common noun naming no actor
  // ("Mediators have been ..."): a sentence-initial "they" after it refers to
  // that group and resolves to nothing.
  bool OpensWithUnresolvedGroup(uint32_t p) const;
};

// The first resolved date mentioned in sentence s, else the document date.
std::optional<Date> SentenceDate(const DocContext& ctx, uint32_t s);

// The country most often mentioned in sentence s ("" when none).
std::string LocalCountry(const DocContext& ctx, uint32_t s);
// The actor the dictionary gives to the single word at token i ("Israeli"),
// when the coder's mentions are coarser; nullopt without one.
std::optional<ActorRef> DictionaryActor(const DocContext& ctx, uint32_t i);

bool IsPronoun(std::string_view w);
bool IsPossessivePronoun(std::string_view w);
// Relative or clause-opening words where a subject search stops.
bool IsBoundary(std::string_view w);

// attribution.cc: fills ctx->reports.
void FindReports(DocContext* ctx);
// The outermost named report covering token i of sentence s, or null.
const Report* ReportFor(const DocContext& ctx, uint32_t s, uint32_t i);

// factuality.cc: sets fact, fact_cue, hedge, said_by on one coded event.
void Attribute(const DocContext& ctx, const EventCandidate& c, uint32_t s, Event* ev);
// Factuality of a cue at token i (used for figures and positions too).
Fact FactAt(const DocContext& ctx, uint32_t s, uint32_t first, uint32_t end, std::string* cue);

// The country part of an actor code: 3 letters, 6 for IGO/NGO ("IGOUNO").
std::string Country(const std::string& code);

// figures.cc / positions.cc
void ExtractFigures(const DocContext& ctx, uint32_t s, std::vector<Figure>* out);
void ExtractPositions(const DocContext& ctx, uint32_t s, std::vector<Position>* out);

// Debug forms used by tests and Explain.
std::string FigureDebugString(const Figure& f);
std::string PositionDebugString(const Position& p);
std::string EventDebugString(const Event& e);

}  // namespace parley::claims

#endif  // PARLEY_CLAIMS_CLAIMS_INTERNAL_H_
