// Internals of the verb file reader shared between verb_reader.cc (blocks,
// verb lines, synsets, transformations) and verb_pattern_parser.cc (pattern
// lines in PETRARCH-2 and TABARI syntax).
//
// dict: verb file lines -> [verb reader] -> VerbBlock / Synset / Transformation
#ifndef PARLEY_DICT_VERB_READER_INTERNAL_H_
#define PARLEY_DICT_VERB_READER_INTERNAL_H_

#include <string>
#include <vector>

#include "dict/dictionary_reader_internal.h"

namespace parley::dict_internal {

// State for parsing one pattern line.
struct PatternContext {
  DiagSink* diags = nullptr;
  size_t dash = 0;             // offset of the leading '-'
  bool adjacent_next = false;  // TABARI: '*_' seen, next element is adjacent
  struct SynsetRef {
    std::string label;  // lower-case, no '&', no trailing '_'
    size_t offset;      // column offset in the line
  };
  std::vector<SynsetRef> synset_refs;  // every '&X' of the line
};

// Parses the pattern line `line` whose '-' is at `dash`. Returns false (with
// a diagnostic, or a warning for skipped TABARI alternatives) when the
// pattern is unusable. Synset references are appended to ctx->synset_refs
// and must be checked by the caller once all synsets are known.
bool ParsePatternLine(const Line& line, size_t dash, VerbPattern::Syntax syntax,
                      PatternContext* ctx, VerbPattern* out);

}  // namespace parley::dict_internal

#endif  // PARLEY_DICT_VERB_READER_INTERNAL_H_
