// The coder's per-sentence result, handed to the claims stage
// (attribution, factuality, figures, positions), which reads the same
// structures instead of re-parsing the sentence.
//
// text [AnalyzedText] -> code [DocumentCoding] -> claims -> CodedDocument
//
// All token indices are into AnalyzedText::tokens (document-wide indices).
// Fields may be added; none may be renamed or removed without updating
// src/claims.
#ifndef PARLEY_CODE_SENTENCE_CODING_H_
#define PARLEY_CODE_SENTENCE_CODING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "parley/event.h"

namespace parley {

// A resolved actor mention: a token span whose words the dictionaries (or
// coreference) resolved to an actor code.
struct ActorMention {
  uint32_t first_token = 0;
  uint32_t end_token = 0;   // exclusive
  ActorRef actor;           // code, name, text, byte offsets, framing, via
  bool agent_only = false;  // only an agent matched ("officials"): code like "---GOV"
  bool pronoun = false;     // "he", "it", "the movement" resolved by coreference
  bool compound = false;    // part of "Egypt and Qatar"
  uint32_t group = 0;       // mentions joined in one compound share a group id
  // The phrase names an action of the actor ("Israeli strikes": a
  // needs-actor agent), so it owns nothing: never the antecedent of "its".
  bool action = false;
  // A capital (<ISO3>GOV by metonymy) reached through in/at from a phrase
  // without an actor or role word: "an apartment building in Tel Aviv".
  // The target of violence is then the country (ISR), not its government.
  bool capital_place = false;
};

// A clause: a token range with its main verb(s). Reporting structures split
// sentences into a reporting clause ("X said") and a reported clause.
struct Clause {
  uint32_t first_token = 0;
  uint32_t end_token = 0;
  enum class Kind { kMain, kReported, kReporting, kRelative, kSubordinate, kConditional };
  Kind kind = Kind::kMain;
  int32_t parent = -1;      // index of the enclosing clause, -1 for top level
  // For kReported: the reporting clause's speaker mention (index into
  // SentenceCoding::mentions) or -1, and the reporting verb token.
  int32_t speaker = -1;
  int32_t reporting_verb = -1;
};

// An event as the coder found it, before attribution and factuality.
struct EventCandidate {
  Event event;              // source, target, code, root, quad, goldstein,
                            // plover, rule, spans, date filled by the coder
  uint32_t verb_first = 0;  // verb group token range (auxiliaries included)
  uint32_t verb_end = 0;
  int32_t clause = -1;      // index into SentenceCoding::clauses
  int32_t source_mention = -1;  // index into mentions, -1 if none
  int32_t target_mention = -1;
  bool passive = false;
  // Markers the coder saw in the verb group; the claims stage turns these
  // (and wider context) into Event::fact.
  bool negated = false;     // "did not", "never", "no longer"
  std::string modal;        // "will", "would", "could", "may", "ready to" ...
};

struct SentenceCoding {
  uint32_t sentence = 0;    // index into AnalyzedText::sentences
  std::vector<ActorMention> mentions;
  std::vector<Clause> clauses;
  std::vector<EventCandidate> events;
  bool discarded = false;   // a discard phrase matched
  // The sentence opens with a dateline ("CEBU CITY: --", "GAZA (AFP) -");
  // its tokens [first_token, dateline_end) are not coded. 0 = none.
  uint32_t dateline_end = 0;
};

struct DocumentCoding {
  std::vector<SentenceCoding> sentences;  // one per AnalyzedText sentence
  bool story_discarded = false;
  void Clear() {
    sentences.clear();
    story_discarded = false;
  }
};

}  // namespace parley

#endif  // PARLEY_CODE_SENTENCE_CODING_H_
