// Negotiation tracker: from coded events and negotiating positions, one
// negotiation process per dyad (unordered country pair, "ISR-PSE") with its
// mediators, rounds, proposals, responses, each party's positions over time
// and the state of the talks over time. Every item links to the sentences
// (doc, sentence index, text, outlet) that support it.
//
// corpus records -> [TrackNegotiations] -> store (negotiations, items, sources)
//
// Which events count ("talk events"): CAMEO roots 03 (intent to cooperate:
// proposals), 04 (consult: rounds), 05 (diplomatic cooperation: acceptance;
// 057 = agreement), 12 (reject), 16 (reduce relations: suspension) and 0871
// (declare ceasefire: agreement). Positions: offer -> proposal, accept/reject
// -> response, demand/concede -> position.
//
// Which negotiation an item belongs to: each document has a main dyad, the
// country pair with most events in it (any code). A talk event between A and
// B belongs to A-B, unless the document's main dyad is A-C: then B is a third
// party talking to one side (Qatar meeting Israeli officials in an article
// about Israel and Hamas), the item goes to A-C, and B becomes a mediator when
// the item is a consultation (04x). Events without a target and positions go
// to the document's main dyad when their actor is one of its parties.
//
// State over time: active (first round/proposal/response), suspended (16x),
// resumed (a round or 03x proposal after a suspension), agreement (057,
// 0871). Only asserted items change the state; negated or hypothetical ones
// are listed with their factuality.
#ifndef PARLEY_CORPUS_NEGOTIATION_H_
#define PARLEY_CORPUS_NEGOTIATION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "corpus/corpus_records.h"

namespace parley::corpus {

struct NegotiationOptions {
  // A party's proposal within this many days after the other side's
  // proposal is a counter-proposal.
  int counter_days = 7;
  // A demand not repeated for this many days while the party states other
  // positions is "dropped".
  int drop_after_days = 60;
};

struct Support {
  std::string doc, outlet;
  uint32_t sentence = 0;
  std::string record;  // "event:3" or "position:1"
  std::string text;    // sentence text when stored
};

struct NegotiationItem {
  // round | proposal | response | suspension | resumption | agreement | position
  std::string kind;
  std::optional<Date> date;
  std::string actor_code, actor_name;
  std::string counterpart_code, counterpart_name;
  std::string code;    // CAMEO code (events); empty for positions
  std::string stance;  // accept | reject | offer | counter | demand | concede
  std::string item;    // position item ("permanent ceasefire")
  std::string fact;    // asserted | negated | hypothetical
  std::string where;   // place of a round when the sentence names one
  std::vector<std::string> attendees;
  std::string state;   // state of the talks after this item
  std::vector<Support> sources;
};

struct PositionStep {
  std::optional<Date> date;
  std::string stance, fact;
  Support source;
};

struct PartyPosition {
  std::string party, party_name;  // country-level code, display name
  std::string item;
  std::vector<PositionStep> steps;  // date order
  // held | dropped | conceded | accepted | rejected | offered
  std::string status;
};

struct Negotiation {
  uint64_t id = 0;
  std::string dyad;               // "ISR-PSE" (sorted)
  std::string party_a, party_b;
  std::vector<std::string> mediators;  // country codes, most active first
  std::string state;              // latest state
  std::optional<Date> first_date, last_date;
  std::vector<NegotiationItem> items;    // date order, undated last
  std::vector<PartyPosition> positions;
};

// Deterministic for a given input set regardless of order.
std::vector<Negotiation> TrackNegotiations(const CorpusInput& input,
                                           const NegotiationOptions& options);

// "ISR-PSE" for ("PSE", "ISR").
std::string DyadName(const std::string& a, const std::string& b);

}  // namespace parley::corpus

#endif  // PARLEY_CORPUS_NEGOTIATION_H_
