// Loading the corpus records from the store and writing the corpus analysis
// (merged events, negotiations) back as rows. Used by EventStore::Recompute.
//
// store tables -> [LoadCorpusInput] -> corpus -> [AppendCorpusRows] -> store tables
#ifndef PARLEY_STORE_CORPUS_IO_H_
#define PARLEY_STORE_CORPUS_IO_H_

#include <vector>

#include "corpus/corpus_records.h"
#include "corpus/merge.h"
#include "corpus/negotiation.h"
#include "store/backend.h"
#include "store/document_rows.h"

namespace parley::store {

StatusOr<corpus::CorpusInput> LoadCorpusInput(Backend* db);

void AppendMergedRows(const std::vector<corpus::MergedEvent>& merged, TableRows* rows);
void AppendNegotiationRows(const std::vector<corpus::Negotiation>& negotiations, TableRows* rows);

// Value helpers for rows read back from a Backend.
std::string Str(const SqlValue& v);
int64_t I64(const SqlValue& v);
double Dbl(const SqlValue& v);
std::optional<Date> DateOf(const SqlValue& v);
Fact FactOf(const std::string& s);
Stance StanceOf(const std::string& s);

}  // namespace parley::store

#endif  // PARLEY_STORE_CORPUS_IO_H_
