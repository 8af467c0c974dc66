// DocContext helpers: token text, mention lookup and pronoun fallback.
#include <algorithm>

#include "claims/claims_internal.h"

namespace parley::claims {

bool IsPronoun(std::string_view w) {
  static const char* const kWords[] = {"he", "she", "it", "they", "we", "him", "her", "them",
                                       "his", "its", "their", "i", "us", "our"};
  for (const char* k : kWords) {
    if (w == k) return true;
  }
  return false;
}

bool IsPossessivePronoun(std::string_view w) {
  return w == "his" || w == "its" || w == "their" || w == "her" || w == "our";
}

bool IsBoundary(std::string_view w) {
  return w == "," || w == ";" || w == ":" || w == "." || w == "which" || w == "who" ||
         w == "that" || w == "while" || w == "whereas" || w == "but" || w == "(" || w == ")";
}

std::string_view DocContext::WordsView(uint32_t first, uint32_t end) const {
  if (first >= end || end > text->tokens.size()) return {};
  uint32_t b = text->tokens[first].start, e = text->tokens[end - 1].end;
  if (e > doc->text.size() || b > e) return {};
  return std::string_view(doc->text).substr(b, e - b);
}

Span DocContext::SpanOf(std::string role, uint32_t first, uint32_t end) const {
  Span sp;
  sp.role = std::move(role);
  if (first < end && end <= text->tokens.size()) {
    sp.start = text->tokens[first].start;
    sp.end = text->tokens[end - 1].end;
  }
  return sp;
}

const ActorMention* DocContext::MentionAt(uint32_t s, uint32_t i, bool allow_agent) const {
  const SentenceCoding* sc = coded(s);
  if (sc == nullptr) return nullptr;
  const ActorMention* best = nullptr;
  for (const ActorMention& m : sc->mentions) {
    if (m.first_token <= i && i < m.end_token && (allow_agent || !m.agent_only) &&
        !m.actor.code.empty()) {
      if (best == nullptr || m.end_token - m.first_token > best->end_token - best->first_token) {
        best = &m;
      }
    }
  }
  return best;
}

const ActorMention* DocContext::FirstMentionIn(uint32_t s, uint32_t first, uint32_t end) const {
  const SentenceCoding* sc = coded(s);
  if (sc == nullptr) return nullptr;
  const ActorMention* best = nullptr;
  for (const ActorMention& m : sc->mentions) {
    if (m.agent_only || m.actor.code.empty()) continue;
    if (m.end_token <= first || m.first_token >= end) continue;
    // Bare pronouns are resolved here (ResolvePronoun), not taken from the coder.
    if (m.pronoun && m.end_token == m.first_token + 1 && IsPronoun(norm(m.first_token))) continue;
    if (best == nullptr || m.first_token < best->first_token) best = &m;
  }
  return best;
}

const ActorMention* DocContext::LastMentionBefore(uint32_t i) const {
  const ActorMention* best = nullptr;
  for (const DocMention& dm : mentions) {
    const ActorMention* m = dm.m;
    if (m->first_token >= i) break;
    if (m->end_token > i || m->agent_only || m->actor.code.empty()) continue;
    // A pronoun hardly ever refers back to a news agency ("told AFP").
    if (m->actor.code.size() >= 6 && m->actor.code.compare(3, 3, "MED") == 0) continue;
    best = m;
  }
  return best;
}

// "Mediators have been working ... between Hamas and Israel. They have
// proposed ...": the previous sentence opens with a plural common noun that
// names no actor, so "they" refers to that group, not to Hamas.
bool DocContext::OpensWithUnresolvedGroup(uint32_t p) const {
  const Sentence& st = text->sentences[p];
  uint32_t k = st.first_token;
  while (k < st.end_token && k < st.first_token + 2 &&
         (Is(k, "the") || Is(k, "these") || Is(k, "those") || Is(k, "some") || Is(k, "many") ||
          Is(k, "other") || Is(k, "several"))) {
    ++k;
  }
  if (k >= st.end_token || !tok(k).has(kTokWord) || text->tokens[k].lemma.empty()) return false;
  std::string_view w = norm(k);
  bool plural = w.size() > 3 && w.back() == 's' && text->tokens[k].lemma != w;
  if (!plural) return false;
  // An agent without a country ("Mediators" -> ---GOV) is still unresolved.
  const ActorMention* agent = MentionAt(p, k, true);
  if (agent != nullptr && !agent->actor.code.starts_with("---")) return false;
  // The group's head ends at the first non-noun-like word; no actor inside.
  return FirstMentionIn(p, st.first_token, std::min(k + 2, st.end_token)) == nullptr;
}

const ActorMention* DocContext::ResolvePronoun(uint32_t s, uint32_t i) const {
  uint32_t first = text->sentences[s].first_token;
  if (s > 0 && i <= first + 1 && (Is(i, "they") || Is(i, "their")) && OpensWithUnresolvedGroup(s - 1)) {
    return nullptr;
  }
  // Centering: a personal pronoun refers to the subject (first actor) of its
  // own sentence before it, else of the latest sentence with one:
  // "Al-Rishq reaffirmed ... He called for ...". The coder's coreference is
  // the fallback.
  uint32_t sentence_first = text->sentences[s].first_token;
  if (const ActorMention* m = FirstMentionIn(s, sentence_first, i)) {
    if (m->end_token <= i && (m->actor.code.size() < 6 || m->actor.code.compare(3, 3, "MED") != 0)) {
      return m;
    }
  }
  for (uint32_t p = s; p-- > 0 && p + 3 > s;) {
    const Sentence& st = text->sentences[p];
    // "It further stated ...": a sentence whose subject is itself a pronoun
    // passes on that pronoun's referent (bounded chain).
    if (st.first_token < st.end_token && IsPronoun(norm(st.first_token)) &&
        !IsPossessivePronoun(norm(st.first_token)) && s - p < 3 && p > 0) {
      return ResolvePronoun(p, st.first_token);
    }
    if (const ActorMention* m = FirstMentionIn(p, st.first_token, st.end_token)) {
      if (m->actor.code.size() < 6 || m->actor.code.compare(3, 3, "MED") != 0) return m;
    }
  }
  if (const ActorMention* m = MentionAt(s, i)) return m;
  return LastMentionBefore(i);
}

std::optional<ActorRef> DictionaryActor(const DocContext& ctx, uint32_t i) {
  if (ctx.dict == nullptr || !ctx.tok(i).has(kTokCapitalized)) return std::nullopt;
  for (const LookupResult& r : ctx.dict->Lookup(ctx.Words(i, i + 1), ctx.doc->date)) {
    if (r.kind != "actor" || r.code.empty()) continue;
    ActorRef a;
    a.code = r.code;
    a.name = r.name;
    a.text = ctx.Words(i, i + 1);
    a.start = ctx.tok(i).start;
    a.end = ctx.tok(i).end;
    a.via = "dictionary (" + r.rule + ")";
    return a;
  }
  return std::nullopt;
}

std::string LocalCountry(const DocContext& ctx, uint32_t s) {
  const SentenceCoding* sc = ctx.coded(s);
  if (sc == nullptr) return {};
  std::vector<std::pair<std::string, int>> counts;
  for (const ActorMention& m : sc->mentions) {
    if (m.agent_only || m.actor.code.size() < 3 || m.actor.code.starts_with("---") ||
        m.actor.code.starts_with("IGO") || m.actor.code.starts_with("NGO")) {
      continue;
    }
    std::string c = m.actor.code.substr(0, 3);
    auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& p) { return p.first == c; });
    if (it == counts.end()) {
      counts.emplace_back(c, 1);
    } else {
      ++it->second;
    }
  }
  std::string best;
  int n = 0;
  for (const auto& [c, k] : counts) {
    if (k >= n) {
      best = c;
      n = k;
    }
  }
  return best;
}

std::optional<Date> SentenceDate(const DocContext& ctx, uint32_t s) {
  const Sentence& sent = ctx.text->sentences[s];
  for (uint32_t i = sent.first_token; i < sent.end_token; ++i) {
    if (ctx.tok(i).date < 0) continue;
    const DateMention& m = ctx.text->dates[ctx.tok(i).date];
    if (!DatesNothing(*ctx.text, m)) return m.date;  // not "since October 7"
  }
  return ctx.doc->date;
}

}  // namespace parley::claims
