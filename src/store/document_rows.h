// Conversion of a CodedDocument / Rejection into table rows, in the column
// order of schema.cc (documents, sentences, events, figures, positions,
// rejects).
//
// PutBatch (event_store.cc) -> [document rows] -> Backend::Insert
#ifndef PARLEY_STORE_DOCUMENT_ROWS_H_
#define PARLEY_STORE_DOCUMENT_ROWS_H_

#include <map>
#include <string>
#include <vector>

#include "parley/document.h"
#include "parley/event.h"
#include "parley/event_store.h"

namespace parley::store {

// Table name -> rows to insert.
using TableRows = std::map<std::string, std::vector<SqlRow>>;

// Sentences: all of them when `all_sentences`, else only those that an
// event, figure or position refers to.
void AppendDocumentRows(const CodedDocument& doc, const std::string& now, bool all_sentences,
                        TableRows* rows);
void AppendRejectionRow(const Rejection& r, const std::string& now, TableRows* rows);

// [{"role":"verb","start":3,"end":9},...]
std::string SpansJson(const std::vector<Span>& spans);

}  // namespace parley::store

#endif  // PARLEY_STORE_DOCUMENT_ROWS_H_
