// Queries over the event store: event filters with table / JSONL / CSV /
// Phoenix TSV output, and the corpus views (negotiation timeline, party
// positions, conflicting claims). Everything reads through
// EventStore::Select, so SQLite and PostgreSQL give the same results.
//
// store -> [query] -> CLI (parley query | timeline | positions | claims)
#ifndef PARLEY_QUERY_QUERY_H_
#define PARLEY_QUERY_QUERY_H_

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "parley/date.h"
#include "parley/event_store.h"
#include "parley/status.h"

namespace parley::query {

struct EventFilter {
  std::vector<std::string> actors;  // code or code prefix, source or target ("ISR", "PSEREB")
  std::string dyad;                 // "A-B": prefixes A and B, either direction
  std::vector<std::string> codes;   // CAMEO code or code prefix ("19", "0874")
  std::vector<std::string> roots;   // exact root ("19")
  std::vector<std::string> plover;  // "ASSAULT"
  std::optional<Date> from, to;     // inclusive
  std::vector<std::string> outlets; // exact, case-insensitive
  std::string said_by;              // code prefix, "any" or "none"
  std::string fact;                 // asserted | negated | hypothetical
  int64_t limit = 0;                // 0 = no limit
};

enum class Format { kTable, kJsonl, kCsv, kTsv };
// "table" | "jsonl" | "csv" | "tsv" (Phoenix 26-column TSV).
StatusOr<Format> ParseFormat(std::string_view name);

// Writes the matching events in (date, doc, index) order. Returns the
// number of events written.
StatusOr<int64_t> QueryEvents(EventStore* store, const EventFilter& filter, Format format,
                              std::ostream& out);

// The SQL WHERE clause and parameters for `filter` (exposed for tests).
std::string WhereClause(const EventFilter& filter, std::vector<SqlValue>* params);

// Splits an actor code into Phoenix's entity / role / attribute fields:
// "PSEREBHMS" -> {"PSE", "REB", "HMS"}; "IGOUNO" -> {"IGO", "", "UNO"}.
struct PhoenixActor {
  std::string entity, role, attributes;
};
PhoenixActor SplitPhoenixActor(std::string_view code);

struct ViewOptions {
  std::optional<Date> from, to;
  bool jsonl = false;  // one JSON object per item instead of text
  bool all = false;    // claims: also events whose figures agree
  std::string dyad;    // claims: restrict to a dyad ("ISR-PSE")
};

// "PSE-ISR", "isr-pse", "ISRGOV-PSEREB" -> "ISR-PSE"; error when malformed.
StatusOr<std::string> NormalizeDyad(std::string_view dyad);

// The negotiation timeline of `dyad` in date order, every item with its
// sources (outlet, doc, sentence, text). kNotFound when the dyad has none.
Status Timeline(EventStore* store, const std::string& dyad, const ViewOptions& options,
                std::ostream& out);

// Each party's positions per item and how they moved.
Status Positions(EventStore* store, const std::string& dyad, const ViewOptions& options,
                 std::ostream& out);

// Merged events with conflicting figures, figures side by side by claimant.
Status Claims(EventStore* store, const ViewOptions& options, std::ostream& out);

}  // namespace parley::query

#endif  // PARLEY_QUERY_QUERY_H_
