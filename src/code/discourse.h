// Document-level inferences of the coder: facts a sentence states only
// with the help of an earlier sentence of the same article.
//
// code: SentenceCtx + earlier SentenceCodings -> extra EventCandidates
//
//  * An agentless passive of violence ("Deif and Salama were eliminated")
//    takes its source from the latest earlier event of violence against the
//    same actor ("Israel claimed to have targeted ... Mohammed Deif"): the
//    article has already said who did it.
//  * A survival statement ("Mohammed Deif was still alive", "Haniyeh
//    survived") denies an earlier event of violence against that person: the
//    event is repeated in this sentence, negated, so the claims stage gives
//    it this sentence's claimant ("in his account").
//
// Both look back at most kDiscourseWindow sentences and never across a
// discarded sentence's events (they have none).
#ifndef PARLEY_CODE_DISCOURSE_H_
#define PARLEY_CODE_DISCOURSE_H_

#include <cstdint>

#include "code/coder_internal.h"
#include "code/sentence_coding.h"

namespace parley::coder_internal {

inline constexpr uint32_t kDiscourseWindow = 8;

// The source of `prior` as the source of an event inferred from it (its
// `via` says "discourse"; its span stays in the earlier sentence).
ActorRef DiscourseSource(const EventCandidate& prior);

// Roots 18 (assault), 19 (fight), 20 (mass violence).
bool IsViolenceRoot(std::string_view code);

// The latest event of violence in sentences [si - kDiscourseWindow, si) of
// `doc` whose target is `victim`. With `need_name`, both must name the same
// person: at least two capitalized words ending in the same surname ("Deif"
// of "Mohammed Deif"; not "Ismail Haniyeh's sons"); without, the same actor
// code suffices when they name the same person or the event is at most two
// sentences back. nullptr if none.
const EventCandidate* PriorViolenceAgainst(const DocumentCoding& doc, uint32_t si,
                                           const ActorMention& victim, const AnalyzedText& text,
                                           std::string_view doc_text, bool need_name);

// A survival statement in the sentence at or after token `from`: mention M
// followed by "is/was/remains (still) alive" or "(has) survived". Returns the
// mention index and the predicate's token range [*first, *end), or -1.
int32_t SurvivalStatement(const SentenceCtx& c, uint32_t from, uint32_t* first, uint32_t* end);

}  // namespace parley::coder_internal

#endif  // PARLEY_CODE_DISCOURSE_H_
