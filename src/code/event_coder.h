// EventCoder: codes CAMEO events from an analyzed document with a compiled
// dictionary, without an external parser (sparse parse over tokens:
// actor/agent mentions -> noun groups -> clauses -> verb patterns).
//
// text [AnalyzedText] + dict [CompiledDictionary] -> code [DocumentCoding]
#ifndef PARLEY_CODE_EVENT_CODER_H_
#define PARLEY_CODE_EVENT_CODER_H_

#include <memory>
#include <string>

#include "code/sentence_coding.h"
#include "dict/compiled_dictionary.h"
#include "parley/document.h"
#include "parley/status.h"
#include "parley/text.h"

namespace parley {

struct CoderOptions {
  // Emit events whose source is an agent only ("---GOV").
  bool allow_agent_only_source = false;
  // PETRARCH-1 compatibility: a passive verb without "by X" keeps its
  // grammatical subject as the source ("The Philippines was criticized over
  // its dispute with Eriador" -> PHL ERI). Off by default: in news such a
  // subject is the victim ("a jet was shot down over Ukraine"), and the event
  // is dropped. `parley validate` turns it on.
  bool agentless_passive_subject_is_source = false;
  // An event verb with a source but no coded target ("Israel resumed
  // talks.") gives an event with no target (CAMEO allows it). Off in
  // `parley validate` (PETRARCH codes only dyads).
  bool allow_missing_target = true;
  // A named group whose code already carries a sector and a group code
  // ("PSEREBHMS", "LBNREBHEZ") keeps it when an agent is attached: "Hamas
  // leaders" and "a senior Hamas official" are PSEREBHMS, not PSEREBHMSGOV.
  // Off in `parley validate` (PETRARCH appends every agent not contained).
  bool group_codes_absorb_agents = true;
  // A negated diplomatic-cooperation verb (root 05: accept, agree, endorse)
  // is a rejection: "Israel cannot accept these terms" -> 120, asserted
  // (CAMEO 12 "refuse to accept"). The rule id gets " negated->120". Off in
  // `parley validate` (PETRARCH keeps the verb's code).
  bool negated_cooperation_is_rejection = true;
  // Document-level inferences (code/discourse.h): an agentless passive of
  // violence takes the source of the earlier event of violence against the
  // same actor ("Deif and Salama were eliminated"), and "X was still alive"
  // repeats the earlier event against X, negated. Off in `parley validate`
  // (PETRARCH codes sentence by sentence).
  bool infer_from_discourse = true;
  // Cooperation (roots 03-06 except visits 042/043) whose only coded
  // phrase after the verb is reached through in/at ("held talks in Cairo",
  // "signed the deal at the White House") has no target: that is where, not
  // with whom. A list of sources then cooperates pairwise. Off in `parley
  // validate` (PETRARCH takes the place as the target).
  bool meeting_place_is_no_target = true;
  // A name after a demonym or region and a plain noun is what the phrase
  // names when it is more specific: "the Lebanese group Hezbollah" ->
  // LBNREBHEZ, "the West African bloc ECOWAS" -> IGOWAS (not LBN, WAF). Off
  // in `parley validate` (PETRARCH takes the first actor of the phrase).
  bool appositive_name_wins = true;
  // A capital (coded <ISO3>GOV by metonymy) reached through in/at from a
  // phrase without an actor is a place when violence (roots 18-20) hits
  // it: "a drone hit an apartment building in Tel Aviv" -> ISR, not ISRGOV
  // ("consternation in Washington" stays USAGOV; with a role word this
  // always holds: "protesters in Nairobi" -> KENCVL). Off in `parley
  // validate`, where PETRARCH keeps the government.
  bool place_in_capital_is_country = true;
  // The target of a verb may be inside the infinitive right after it:
  // "Washington agreed to resume military aid and intelligence sharing with
  // Kyiv" -> USAGOV 030 UKRGOV, "threatened to expand their attacks on
  // Israel" -> 130 ISR. Off in `parley validate` (PETRARCH's validation
  // records stop the target search at the next coded verb).
  bool target_inside_infinitive = true;
};

// Per-thread mutable state of the coder, reused across documents.
class CoderScratch {
 public:
  virtual ~CoderScratch() = default;
};

class EventCoder {
 public:
  static StatusOr<std::shared_ptr<const EventCoder>> Create(
      std::shared_ptr<const CompiledDictionary> dictionary, CoderOptions options = {});
  virtual ~EventCoder() = default;

  virtual std::unique_ptr<CoderScratch> NewScratch() const = 0;

  // Codes every sentence of `text` (the analysis of `doc`). Thread-safe with
  // one scratch per thread; `out` is cleared first.
  virtual void Code(const Document& doc, const AnalyzedText& text, CoderScratch* scratch,
                    DocumentCoding* out) const = 0;

  // Human-readable account of each decision for one sentence (--explain).
  virtual std::string Explain(const Document& doc, const AnalyzedText& text,
                              const DocumentCoding& coding, uint32_t sentence) const = 0;
};

}  // namespace parley

#endif  // PARLEY_CODE_EVENT_CODER_H_
