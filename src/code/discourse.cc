// Document-level inferences: sources of agentless passives and survival
// statements, from earlier events of the same article (see discourse.h).
#include "code/discourse.h"

#include <algorithm>
#include <cctype>

namespace parley::coder_internal {
namespace {

bool NameWord(const Token& t, std::string_view doc_text) {
  static constexpr std::string_view kNotNames[] = {"the", "a", "an", "this", "that", "these",
                                                   "those", "some", "several", "many", "all"};
  if (t.end - t.start < 2 || t.start >= doc_text.size() || t.number >= 0) return false;
  if (!std::isupper(static_cast<unsigned char>(doc_text[t.start]))) return false;
  return std::find(std::begin(kNotNames), std::end(kNotNames), t.norm) == std::end(kNotNames);
}

// The surname of a person's name: the last of at least two capitalized
// words ("Deif" of "Mohammed Deif"), not followed by "'s" ("Ismail
// Haniyeh's sons" names the sons). Index of that token, or -1: "Three
// Israelis" or "Hamas" name no person.
int32_t SurnameToken(const ActorMention& m, const AnalyzedText& text, std::string_view doc_text) {
  int32_t last = -1, words = 0;
  for (uint32_t i = m.first_token; i < m.end_token; ++i) {
    if (NameWord(text.tokens[i], doc_text)) {
      ++words;
      last = static_cast<int32_t>(i);
    }
  }
  if (words < 2) return -1;
  const uint32_t next = static_cast<uint32_t>(last) + 1;
  if (next < text.tokens.size() && text.tokens[next].has(kTokPossessive)) return -1;
  return last;
}

// Both mentions name the same person (same surname).
bool SamePerson(const ActorMention& a, const ActorMention& b, const AnalyzedText& text,
                std::string_view doc_text) {
  int32_t x = SurnameToken(a, text, doc_text), y = SurnameToken(b, text, doc_text);
  return x >= 0 && y >= 0 && text.tokens[x].norm == text.tokens[y].norm;
}

bool IsBe(const Token& t) {
  return t.lemma == "be" || t.norm == "remain" || t.norm == "remains" || t.norm == "remained";
}

}  // namespace

ActorRef DiscourseSource(const EventCandidate& prior) {
  ActorRef source = prior.event.source;
  source.via = "discourse";
  return source;
}

bool IsViolenceRoot(std::string_view code) {
  std::string_view r = code.substr(0, 2);
  return r == "18" || r == "19" || r == "20";
}

const EventCandidate* PriorViolenceAgainst(const DocumentCoding& doc, uint32_t si,
                                           const ActorMention& victim, const AnalyzedText& text,
                                           std::string_view doc_text, bool need_name) {
  if (need_name && SurnameToken(victim, text, doc_text) < 0) return nullptr;
  uint32_t lo = si > kDiscourseWindow ? si - kDiscourseWindow : 0;
  for (uint32_t s = si; s-- > lo;) {
    const SentenceCoding& sc = doc.sentences[s];
    for (size_t k = sc.events.size(); k-- > 0;) {
      const EventCandidate& e = sc.events[k];
      if (!IsViolenceRoot(e.event.code) || e.target_mention < 0 || e.event.source.code.empty()) {
        continue;
      }
      const ActorMention& t = sc.mentions[static_cast<size_t>(e.target_mention)];
      bool named = SamePerson(victim, t, text, doc_text);
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
    if (!(c.tok(i).cls & kWcSurvival)) continue;  // most tokens: one bit test
    const Token& t = c.token(i);
    uint32_t j = i;  // first token of the predicate
    if (t.norm == "alive") {
      if (j > c.first && (c.token(j - 1).norm == "still" || c.token(j - 1).norm == "yet")) --j;
      if (j <= c.first || !IsBe(c.token(j - 1))) continue;
      --j;
    } else if (t.lemma == "survive") {  // survived, survives, surviving
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
