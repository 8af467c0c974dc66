// Verb groups and clauses of one sentence, and the subject / target / passive
// agent searches the event coder runs per verb group.
//
// code: noun phrases + accepted verbs -> [VerbGroup, Clause] -> events
#ifndef PARLEY_CODE_CLAUSES_H_
#define PARLEY_CODE_CLAUSES_H_

#include <cstddef>
#include <cstdint>

#include "code/coder_internal.h"

namespace parley::coder_internal {

// Fills Scratch::groups (one per accepted verb), SentenceCoding::clauses
// (main clause first, then subordinate/relative, reporting/reported pairs)
// and the barrier/stop token marks.
void BuildClauses(SentenceCtx* c);

// The subject noun phrase of group `gi`: the leftmost coded, non-PP noun
// phrase of its clause; the antecedent of a relative pronoun; the subject of
// the previous verb for a coordinated or infinitive verb. -1 if none.
int32_t SubjectOf(const SentenceCtx& c, size_t gi);

// ", accusing Israel of ...", ", killing 20 people": an -ing participle
// right after a comma, with no auxiliary; SubjectOf gives it the previous
// verb's subject.
bool ParticipleAfterComma(const SentenceCtx& c, const VerbGroup& g);

// First token the target search of group `gi` must not reach: a hard stop
// (";", a trailing reporting clause) or the next verb with an event code.
uint32_t TargetLimit(const SentenceCtx& c, size_t gi);

// First coded noun phrase after the verb group (the object or a PP object).
int32_t DefaultTarget(const SentenceCtx& c, const VerbGroup& g, uint32_t limit,
                      int32_t exclude);

// "by X" after a passive verb (with `wide`, also "from X" / "in X").
int32_t ByAgent(const SentenceCtx& c, const VerbGroup& g, uint32_t limit, bool wide);

// "from X" right after a passive verb ("were fired from the Strip").
int32_t FromAgent(const SentenceCtx& c, const VerbGroup& g, uint32_t limit);

}  // namespace parley::coder_internal

#endif  // PARLEY_CODE_CLAUSES_H_
