// Document-level inferences: sources of agentless passives and survival
// statements, from earlier events of the same article (see discourse.h).
#include "code/discourse.h"

#include <algorithm>
#include <cctype>

namespace parley::coder_internal {
namespace {

// The last word of the mention that starts with a capital letter and has at
// least three letters ("Deif" of "Mohammed Deif"); empty when none.
std::string_view Surname(const ActorMention& m, const AnalyzedText& text,
                         std::string_view doc_text) {
  for (uint32_t i = m.end_token; i > m.first_token; --i) {
    const Token& t = text.tokens[i - 1];
    if (t.end - t.start < 3 || t.start >= doc_text.size()) continue;
    if (std::isupper(static_cast<unsigned char>(doc_text[t.start]))) return t.norm;
  }
  return {};
}

bool MentionHasWord(const ActorMention& m, const AnalyzedText& text, std::string_view word) {
  for (uint32_t i = m.first_token; i < m.end_token; ++i) {
    if (text.tokens[i].norm == word) return true;
  }
  return false;
}

bool IsBe(const Token& t) {
  return t.lemma == "be" || t.norm == "remain" || t.norm == "remains" || t.norm == "remained";
}

}  // namespace

bool IsViolenceRoot(std::string_view code) {
  std::string_view r = code.substr(0, 2);
  return r == "18" || r == "19" || r == "20";
}

const EventCandidate* PriorViolenceAgainst(const DocumentCoding& doc, uint32_t si,
                                           const ActorMention& victim, const AnalyzedText& text,
                                           std::string_view doc_text, bool need_name) {
  std::string_view surname = Surname(victim, text, doc_text);
  if (need_name && surname.empty()) return nullptr;
  uint32_t lo = si > kDiscourseWindow ? si - kDiscourseWindow : 0;
  for (uint32_t s = si; s-- > lo;) {
    const SentenceCoding& sc = doc.sentences[s];
    for (size_t k = sc.events.size(); k-- > 0;) {
      const EventCandidate& e = sc.events[k];
      if (!IsViolenceRoot(e.event.code) || e.target_mention < 0 || e.event.source.code.empty()) {
        continue;
      }
      const ActorMention& t = sc.mentions[static_cast<size_t>(e.target_mention)];
      bool named = !surname.empty() && MentionHasWord(t, text, surname);
      if (need_name ? named : t.actor.code == victim.actor.code && (named || si - s <= 2)) {
        return &e;
      }
    }
  }
  return nullptr;
}

int32_t SurvivalStatement(const SentenceCtx& c, uint32_t from, uint32_t* first, uint32_t* end) {
  const auto& ms = c.out->mentions;
  for (uint32_t i = std::max(from, c.first + 1); i < c.end; ++i) {
    const Token& t = c.token(i);
    uint32_t j = i;  // first token of the predicate
    if (t.norm == "alive") {
      if (j > c.first && (c.token(j - 1).norm == "still" || c.token(j - 1).norm == "yet")) --j;
      if (j <= c.first || !IsBe(c.token(j - 1))) continue;
      --j;
    } else if (t.lemma == "survive" && t.norm != "survive") {
      if (j > c.first && (c.token(j - 1).norm == "has" || c.token(j - 1).norm == "had")) --j;
    } else {
      continue;
    }
    for (size_t k = 0; k < ms.size(); ++k) {
      const ActorMention& m = ms[k];
      // The chunker may have taken an unknown verb into the name
      // ("Ismail Haniyeh survived").
      bool before = m.end_token == j || (m.end_token == i + 1 && m.first_token < j);
      if (!m.agent_only && before && m.first_token >= from) {
        *first = j;
        *end = i + 1;
        return static_cast<int32_t>(k);
      }
    }
  }
  return -1;
}

}  // namespace parley::coder_internal
