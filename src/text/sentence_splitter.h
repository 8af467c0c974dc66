// Sentence splitter (text stage): groups tokens into sentences.
//
// ingest -> text [Tokenize -> SplitSentences] -> numbers/dates -> dict
//
// Works over tokens (not characters), after norms are filled. A sentence ends:
//  - at a hard break: the start of another body range, the end of the title;
//  - at a blank line, or a line break followed by an indented line
//    (wire-style paragraphs: "\n    The dry period ...");
//  - after ".", "!", "?", "...", "…" plus any closing quotes/brackets glued to
//    them, when the next token does not start lower case (or with , ; : ) );
//  - after an abbreviation that may end a sentence ("U.S.", "a.m.", "Inc.")
//    only when the next word is a common sentence opener ("The", "He") or a
//    line break follows; titles, months and initials ("Gen.", "Jan.", "W.")
//    never end one;
//  - after a closing quote glued to a capitalized word, a scraping artifact:
//    `civilians”Hamas political bureau chief` -> break before "Hamas";
//  - when a sentence reaches max_tokens tokens.
// A piece made only of punctuation ("...", a stray ".") is appended to the
// previous sentence instead of standing alone, unless a hard break
// separates them.
#ifndef PARLEY_TEXT_SENTENCE_SPLITTER_H_
#define PARLEY_TEXT_SENTENCE_SPLITTER_H_

#include <string_view>
#include <vector>

#include "parley/text.h"

namespace parley::text_internal {

// `hard_breaks` holds sorted token indices before which a sentence must
// start. Appends sentences to *sentences and sets kTokSentenceStart.
void SplitSentences(std::string_view text, const std::vector<uint32_t>& hard_breaks,
                    uint32_t max_tokens, std::vector<Token>* tokens,
                    std::vector<Sentence>* sentences);

}  // namespace parley::text_internal

#endif  // PARLEY_TEXT_SENTENCE_SPLITTER_H_
