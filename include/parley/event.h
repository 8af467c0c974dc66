// The coded output of one document: events, figures and negotiating
// positions, each with who the article attributes it to (`said_by`), its
// factuality and the rule and token spans that produced it.
//
// code/claims -> [CodedDocument] -> corpus -> store -> query
//
// Field names follow the gold annotation schema exactly (source, target,
// root, code, fact, said_by, kind, value, qualifier). CAMEO codes are strings
// end to end ("0874", "195"), never integers.
#ifndef PARLEY_EVENT_H_
#define PARLEY_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "parley/date.h"

namespace parley {

// An actor as mentioned in a sentence, resolved to a CAMEO-style code.
struct ActorRef {
  std::string code;     // "PSEREBHMS", "ISRMIL", "IGOUNO"
  std::string name;     // canonical name from the dictionary: "Hamas"
  std::string text;     // the words in the article: "the Palestinian Islamist movement"
  uint32_t start = 0;   // byte offsets of `text` into Document::text
  uint32_t end = 0;
  // The framing term when the mention used a loaded term ("the occupation",
  // "terrorist groups in the Strip"); empty otherwise. Recorded, never judged.
  std::string framing;
  // How the mention was resolved: "dictionary", "agent", "pronoun",
  // "apposition", "coreference", "possessive" ... (for --explain).
  std::string via;
};

// A named token span that contributed to a decision: role is "source",
// "target", "verb", "pattern", "said_by", "negation", "modal", "date" ...
struct Span {
  std::string role;
  uint32_t start = 0;
  uint32_t end = 0;
  friend bool operator==(const Span&, const Span&) = default;
};

enum class Fact { kAsserted, kNegated, kHypothetical };
const char* FactName(Fact f);  // "asserted" | "negated" | "hypothetical"

struct Event {
  uint32_t sentence = 0;       // index into the document's sentences
  ActorRef source;
  std::optional<ActorRef> target;
  std::string code;            // CAMEO code, "195"
  std::string root;            // "19"
  int quad = 0;                // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0;
  std::string plover;          // "ASSAULT"
  Fact fact = Fact::kAsserted;
  std::optional<ActorRef> said_by;
  std::optional<Date> date;    // resolved event date (sentence date or article date)
  std::string rule;            // dictionary rule id, e.g. "Parley.verbs.txt:812"
  std::vector<Span> spans;
  // Explanations (claims stage): which words gave the factuality and the
  // attribution; e.g. "negated by 'did not' [120,127)".
  std::string fact_cue;
  std::string hedge;           // "claimed", "alleged", "presented as" ... or empty
};

enum class Qualifier { kExact, kAtLeast, kMoreThan, kAbout, kUpTo };
const char* QualifierName(Qualifier q);  // "exact" | "at_least" | ...

struct Figure {
  uint32_t sentence = 0;
  std::string kind;            // killed | injured | ... | other
  double value = 0;
  Qualifier qualifier = Qualifier::kExact;
  std::optional<ActorRef> victims;
  std::optional<ActorRef> said_by;
  std::optional<Date> date;
  bool cumulative = false;     // a running toll ("the death toll has surpassed 40,200")
  std::string what;            // for kind "other": "fires", "days of war"
  Fact fact = Fact::kAsserted;
  std::string rule;
  std::vector<Span> spans;
};

enum class Stance { kDemand, kAccept, kReject, kOffer, kConcede };
const char* StanceName(Stance s);  // "demand" | "accept" | ...

struct Position {
  uint32_t sentence = 0;
  ActorRef party;
  Stance stance = Stance::kDemand;
  std::string item;            // normalized: "permanent ceasefire"
  std::string item_text;       // the words in the article
  std::optional<ActorRef> said_by;
  std::optional<Date> date;
  Fact fact = Fact::kAsserted;
  std::string rule;
  std::vector<Span> spans;
};

struct SentenceRecord {
  uint32_t i = 0;
  uint32_t start = 0;
  uint32_t end = 0;
  std::string text;
};

// Everything Parley emits for one document.
struct CodedDocument {
  std::string doc;
  std::string origin;
  uint64_t ordinal = 0;
  std::optional<Date> date;
  std::optional<std::string> title;
  std::optional<std::string> outlet;
  std::optional<std::string> url;
  std::optional<std::string> language;
  std::string extra_json;      // carried-through input fields
  std::string content_hash;
  std::vector<SentenceRecord> sentences;
  std::vector<Event> events;
  std::vector<Figure> figures;
  std::vector<Position> positions;
  // Where `date` came from (Document::date_source): "marker", "field",
  // "inferred" (dateline or war day count); "" without a date.
  std::string date_source;
};

}  // namespace parley

#endif  // PARLEY_EVENT_H_
