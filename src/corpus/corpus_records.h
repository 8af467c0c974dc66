// Flat records the corpus stage works on: one row per event, figure and
// position, with the document context (outlet, date, sentence text) that
// cross-document analysis needs. The store loads them from the database (or
// tests build them from synthetic CodedDocuments with AppendDocument).
//
// code/claims -> CodedDocument -> [corpus records] -> merge / negotiation -> store
#ifndef PARLEY_CORPUS_CORPUS_RECORDS_H_
#define PARLEY_CORPUS_CORPUS_RECORDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parley/date.h"
#include "parley/event.h"

namespace parley::corpus {

// Country-level part of an actor code: the first 3 letters ("ISRMIL" ->
// "ISR", "PSEREBHMS" -> "PSE"), or 6 for international and non-governmental
// organisations ("IGOUNO" -> "IGOUNO", "NGOHRW" -> "NGOHRW"). Empty for an
// empty code.
std::string CountryOf(std::string_view code);

struct EventRecord {
  std::string doc;
  uint32_t idx = 0;          // index of the event within its document
  uint32_t sentence = 0;
  std::string outlet;        // empty when unknown
  std::optional<Date> date;  // event date, else the article date
  std::string source_code, source_name, source_text;
  std::string target_code, target_name, target_text;  // empty: no target
  std::string code, root;
  int quad = 0;
  std::string said_by_code, said_by_name;
  Fact fact = Fact::kAsserted;
  std::string sentence_text;  // may be empty when sentences were not stored
};

struct FigureRecord {
  std::string doc;
  uint32_t idx = 0;
  uint32_t sentence = 0;
  std::string outlet;
  std::optional<Date> date;
  std::string kind;
  double value = 0;
  std::string qualifier;     // QualifierName()
  std::string victims_code, victims_name;
  std::string said_by_code, said_by_name;
  bool cumulative = false;
  Fact fact = Fact::kAsserted;
};

struct PositionRecord {
  std::string doc;
  uint32_t idx = 0;
  uint32_t sentence = 0;
  std::string outlet;
  std::optional<Date> date;
  std::string party_code, party_name;
  Stance stance = Stance::kDemand;
  std::string item, item_text;
  std::string said_by_code, said_by_name;
  Fact fact = Fact::kAsserted;
  std::string sentence_text;
};

struct CorpusInput {
  std::vector<EventRecord> events;
  std::vector<FigureRecord> figures;
  std::vector<PositionRecord> positions;
};

// Appends the records of one coded document. Dates fall back to the article
// date; sentence texts come from doc.sentences when present (events: only
// for talk events when `talk_sentences_only`, the only ones that use it).
void AppendDocument(const CodedDocument& doc, CorpusInput* input,
                    bool talk_sentences_only = false);

// Events the negotiation tracker uses (and reads the sentence of): roots
// 03, 04, 05, 12, 16 and code 0871.
bool IsTalkEvent(std::string_view code, std::string_view root);

}  // namespace parley::corpus

#endif  // PARLEY_CORPUS_CORPUS_RECORDS_H_
