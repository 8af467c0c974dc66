// Merged events: reports of the same real-world event across articles and
// outlets, linked into one record with every mention, the outlets, and each
// outlet's figures side by side ("92 killed (Hamas)" next to "20 killed
// (Civil Defense)").
//
// corpus records -> [MergeEvents] -> store (merged_events, event_mentions)
//
// Two mentions join when (all configurable in MergeOptions):
//   * same dyad at country level (CountryOf), ordered source->target, except
//     for roots listed in symmetric_roots (consult, fight ...) where A-B and
//     B-A are the same dyad;
//   * same CAMEO root and, unless merge_negated, the same factuality;
//   * dates within max_days of the cluster's first mention (anchored, not
//     chained, so a cluster never drifts across weeks);
//   * compatible figures: the same claimant (or both unattributed) never
//     gives the same figure kind values further apart than figure_ratio.
//     Different claimants may disagree: that is a conflicting claim, kept
//     side by side, not a reason to split.
// Every mention records the rule and the keys that joined it (explainable).
#ifndef PARLEY_CORPUS_MERGE_H_
#define PARLEY_CORPUS_MERGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corpus/corpus_records.h"
#include "parley/date.h"

namespace parley::corpus {

struct MergeOptions {
  int max_days = 1;
  double figure_ratio = 3.0;
  std::vector<std::string> symmetric_roots = {"03", "04", "05", "06", "19", "20"};
  bool merge_negated = false;
  // Figures within this many sentences of a mention are shown with it
  // (0: the mention's own sentence).
  int figure_sentence_window = 0;
  // Events without any date never merge (they stay single mentions).
  bool merge_undated = false;
};

struct MentionLink {
  std::string doc;
  uint32_t idx = 0;        // event index within doc
  std::string outlet;
  std::optional<Date> date;
  // Why this mention belongs here: "first mention" or the matching rule,
  // e.g. "dyad ISR>PSE, root 19, 2024-07-14 within 1 day of 2024-07-13,
  // figures compatible".
  std::string rule;
  std::string keys_json;   // {"dyad":"ISR>PSE","root":"19","date":"...","anchor":"doc#3"}
};

struct FigureClaim {
  std::string doc, outlet;
  uint32_t figure_idx = 0;
  uint32_t sentence = 0;
  std::string kind;
  double value = 0;
  std::string qualifier;
  bool cumulative = false;
  std::string claimant_code, claimant_name;  // said_by; empty = the outlet itself
  std::string victims_code, victims_name;
};

struct MergedEvent {
  uint64_t id = 0;               // 1-based, dense, in (first date, key) order
  std::string key;               // "ISR>PSE|19|asserted"
  std::string source_country, target_country, root, code;  // code: most frequent
  std::optional<Date> first_date, last_date;
  std::vector<MentionLink> mentions;
  int n_docs = 0, n_outlets = 0;
  std::vector<std::string> outlets;
  std::vector<FigureClaim> figures;
  // Some figure kind has different values in different sentences (two
  // values in one sentence are usually two counts: "92 in al-Mawasi and 20
  // in al-Shati").
  bool conflicting = false;
};

// Groups every event of `input` into merged events (an event reported once
// is a merged event with one mention). Deterministic for a given input set
// regardless of input order.
std::vector<MergedEvent> MergeEvents(const CorpusInput& input, const MergeOptions& options);

}  // namespace parley::corpus

#endif  // PARLEY_CORPUS_MERGE_H_
