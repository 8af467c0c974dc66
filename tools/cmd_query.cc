// `parley query`, `parley timeline`, `parley positions`, `parley claims`:
// read the event store written by `parley ingest` (docs/query.md).
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <unistd.h>

#include "parley/event_store.h"
#include "query/query.h"
#include "tools/command.h"
#include "tools/exit_codes.h"

namespace parley::cli {
namespace {

struct CommonArgs {
  std::string db = "parley.db";
  std::string from, to;
};

int Fail(const char* cmd, const Status& s) {
  std::fprintf(stderr, "parley %s: %s\n", cmd, s.message().c_str());
  return ExitCodeFor(s);
}

Status ParseDate(const std::string& text, const char* flag, std::optional<Date>* out) {
  if (text.empty()) return Status::Ok();
  *out = Date::Parse(text);
  if (!*out) return InvalidArgumentError(std::string(flag) + ": bad date '" + text + "' (YYYY-MM-DD)");
  return Status::Ok();
}

// Opens the store read-side; a missing SQLite file is an error, not a new
// empty database.
StatusOr<std::unique_ptr<EventStore>> OpenForQuery(const std::string& db) {
  bool pg = db.starts_with("postgresql://") || db.starts_with("postgres://");
  std::string path = db.starts_with("sqlite:") ? db.substr(7) : db;
  if (!pg && ::access(path.c_str(), F_OK) != 0) {
    return NotFoundError("database '" + path + "' does not exist (create it with `parley ingest`)");
  }
  return EventStore::Open(db);
}

void AddCommon(CLI::App* sub, CommonArgs* a) {
  sub->add_option("--db", a->db, "database: SQLite file (default parley.db) or postgresql://URL");
  sub->add_option("--from", a->from, "first date, YYYY-MM-DD (inclusive)");
  sub->add_option("--to", a->to, "last date, YYYY-MM-DD (inclusive)");
}

struct QueryArgs {
  CommonArgs common;
  query::EventFilter filter;
  std::string format = "table";
};

int RunQuery(QueryArgs a) {
  std::signal(SIGPIPE, SIG_IGN);
  Status s = ParseDate(a.common.from, "--from", &a.filter.from);
  if (s.ok()) s = ParseDate(a.common.to, "--to", &a.filter.to);
  if (s.ok() && !a.filter.dyad.empty() && a.filter.dyad.find('-') == std::string::npos) {
    s = InvalidArgumentError("--dyad: expected A-B, e.g. ISR-PSE");
  }
  auto format = query::ParseFormat(a.format);
  if (s.ok() && !format.ok()) s = format.status();
  if (!s.ok()) return Fail("query", s);
  auto store = OpenForQuery(a.common.db);
  if (!store.ok()) return Fail("query", store.status());
  std::ios::sync_with_stdio(false);
  auto n = query::QueryEvents(store->get(), a.filter, *format, std::cout);
  std::cout.flush();
  if (!n.ok() && n.status().code() != StatusCode::kAborted) return Fail("query", n.status());
  return kExitOk;
}

void SetupQuery(CLI::App* sub, int* exit_code) {
  auto a = std::make_shared<QueryArgs>();
  AddCommon(sub, &a->common);
  auto& f = a->filter;
  sub->add_option("--actor", f.actors, "actor code or prefix, as source or target (repeatable)");
  sub->add_option("--dyad", f.dyad, "A-B: events between A and B in either direction");
  sub->add_option("--code", f.codes, "CAMEO code or prefix (repeatable)");
  sub->add_option("--root", f.roots, "CAMEO root code, e.g. 19 (repeatable)");
  sub->add_option("--plover", f.plover, "PLOVER category, e.g. ASSAULT (repeatable)");
  sub->add_option("--outlet", f.outlets, "outlet name (repeatable, case-insensitive)");
  sub->add_option("--said-by", f.said_by, "claimant code prefix, or 'any' / 'none'");
  sub->add_option("--fact", f.fact, "asserted | negated | hypothetical")
      ->check(CLI::IsMember({"asserted", "negated", "hypothetical"}));
  sub->add_option("--limit", f.limit, "at most N events");
  sub->add_option("--format", a->format, "table | jsonl | csv | tsv (Phoenix 26 columns)")
      ->check(CLI::IsMember({"table", "jsonl", "csv", "tsv"}));
  sub->callback([a, exit_code] { *exit_code = RunQuery(*a); });
}

struct ViewArgs {
  CommonArgs common;
  std::string dyad;
  std::string format = "text";
  bool all = false;
};

using ViewFn = Status (*)(EventStore*, const ViewArgs&, const query::ViewOptions&);

int RunView(const char* cmd, const ViewArgs& a, ViewFn fn) {
  std::signal(SIGPIPE, SIG_IGN);
  query::ViewOptions o;
  o.jsonl = a.format == "jsonl";
  o.all = a.all;
  o.dyad = a.dyad;
  Status s = ParseDate(a.common.from, "--from", &o.from);
  if (s.ok()) s = ParseDate(a.common.to, "--to", &o.to);
  if (!s.ok()) return Fail(cmd, s);
  auto store = OpenForQuery(a.common.db);
  if (!store.ok()) return Fail(cmd, store.status());
  StatusOr<bool> stale = (*store)->CorpusStale();
  if (stale.ok() && *stale) {
    std::fprintf(stderr, "parley %s: note: documents changed since the corpus analysis was "
                         "computed; rerun `parley ingest` to refresh it\n", cmd);
  }
  std::ios::sync_with_stdio(false);
  s = fn(store->get(), a, o);
  std::cout.flush();
  return s.ok() ? kExitOk : Fail(cmd, s);
}

void SetupView(CLI::App* sub, int* exit_code, const char* cmd, bool needs_dyad, ViewFn fn) {
  auto a = std::make_shared<ViewArgs>();
  AddCommon(sub, &a->common);
  auto* d = sub->add_option("--dyad", a->dyad, "country pair, e.g. ISR-PSE");
  if (needs_dyad) d->required();
  sub->add_option("--format", a->format, "text | jsonl")->check(CLI::IsMember({"text", "jsonl"}));
  if (!needs_dyad) sub->add_flag("--all", a->all, "also events whose figures agree");
  sub->callback([a, exit_code, cmd, fn] { *exit_code = RunView(cmd, *a, fn); });
}

void SetupTimeline(CLI::App* sub, int* exit_code) {
  SetupView(sub, exit_code, "timeline", true,
            [](EventStore* s, const ViewArgs& a, const query::ViewOptions& o) {
              return query::Timeline(s, a.dyad, o, std::cout);
            });
}
void SetupPositions(CLI::App* sub, int* exit_code) {
  SetupView(sub, exit_code, "positions", true,
            [](EventStore* s, const ViewArgs& a, const query::ViewOptions& o) {
              return query::Positions(s, a.dyad, o, std::cout);
            });
}
void SetupClaims(CLI::App* sub, int* exit_code) {
  SetupView(sub, exit_code, "claims", false,
            [](EventStore* s, const ViewArgs&, const query::ViewOptions& o) {
              return query::Claims(s, o, std::cout);
            });
}

PARLEY_REGISTER_COMMAND(nullptr, "query", "filter stored events (table, JSONL, CSV, Phoenix TSV)",
                        SetupQuery);
PARLEY_REGISTER_COMMAND(nullptr, "timeline",
                        "negotiation timeline of a dyad in date order, with sources",
                        SetupTimeline);
PARLEY_REGISTER_COMMAND(nullptr, "positions",
                        "each party's negotiating positions over time for a dyad", SetupPositions);
PARLEY_REGISTER_COMMAND(nullptr, "claims",
                        "conflicting figures for the same event, side by side by claimant",
                        SetupClaims);

}  // namespace
}  // namespace parley::cli
