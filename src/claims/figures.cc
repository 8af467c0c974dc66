// Figures: explicit numbers about people or attacks.
//
// For every number mention of a sentence (from the text stage, so "six",
// "40,223" and "1.2 million" alike), we reject what is not a count (dates,
// years, ages, times, money, percentages, ordinals, "one of the", section
// numbers, vague quantities such as "dozens"), then look for a trigger of
// figures.txt [kind ...] close to it, in this order of preference:
//   - a pattern spanning the number: "freed 124 hostages"
//   - after the number, at most 5 tokens on: "92 dead", "six rockets that
//     were fired", "40,223 people have been killed", "92,981 others injured"
//   - before it, at most 4 tokens back (6 for a running toll): "killed 92
//     Palestinians", "the deaths of at least 40,223", "the death toll rose
//     to 40,223", "a death toll that has now surpassed 40,200". A killing or
//     injury word right before the number, or before "of (the)" and the
//     number ("the killing of the six hostages"), wins over a noun after it.
// Without a trigger there is no figure: we never guess a kind.
// The qualifier comes from the words right before the number ("at least",
// "more than", "surpassed", "nearly", "up to"); a toll or total word, or a
// qualifier marked {cumulative}, makes the figure cumulative. Victims are
// the actor mention right after the number (or after "of"), completed with
// a role: "Palestinians" -> PSE + CVL, "Israeli soldiers" -> ISRMIL.
#include <algorithm>
#include <cctype>
#include <cmath>

#include "claims/claims_internal.h"

namespace parley::claims {
namespace {

bool InDate(const DocContext& ctx, const NumberMention& n) {
  uint32_t lo = n.first_token > 8 ? n.first_token - 8 : 0;
  for (uint32_t i = lo; i <= n.first_token; ++i) {
    int32_t d = ctx.tok(i).date;
    if (d < 0) continue;
    const DateMention& dm = ctx.text->dates[d];
    if (dm.first_token <= n.first_token && n.first_token < dm.end_token) return true;
  }
  return false;
}

bool IsYear(const DocContext& ctx, const NumberMention& n) {
  if (n.value < 1900 || n.value > 2100 || n.value != std::floor(n.value)) return false;
  if (ctx.norm(n.first_token).size() != 4) return false;
  if (n.first_token == 0) return true;
  static const char* const kBefore[] = {"in", "since", "of", "by", "until", "from", "year",
                                        "between", "early", "late", "mid", "the", "summer",
                                        "winter", "spring", "autumn", "fall", ",", "-", "and",
                                        "to", "through", "before", "after", "during", "'s"};
  std::string_view p = ctx.norm(n.first_token - 1);
  for (const char* k : kBefore) {
    if (p == k) return true;
  }
  return ctx.tok(n.first_token - 1).has(kTokCapitalized);  // "July 2014"
}

bool IsOrdinal(std::string_view w) {
  if (w.size() > 2 && std::isdigit(static_cast<unsigned char>(w[0]))) {
    std::string_view suf = w.substr(w.size() - 2);
    return suf == "st" || suf == "nd" || suf == "rd" || suf == "th";
  }
  return false;
}

// Ages, money, percentages, times, "one of", "Resolution 2735", ...
bool NotACount(const DocContext& ctx, uint32_t s, const NumberMention& n) {
  if (n.vague || InDate(ctx, n) || IsYear(ctx, n) || IsOrdinal(ctx.norm(n.first_token))) return true;
  const Sentence& sent = ctx.text->sentences[s];
  uint32_t after = n.end_token;
  // The next three tokens' words, compared case-insensitively (ASCII).
  std::string_view next =
      after < sent.end_token ? ctx.WordsView(after, std::min(after + 3, sent.end_token)) : "";
  auto starts = [next](std::string_view lower) {
    if (next.size() < lower.size()) return false;
    for (size_t k = 0; k < lower.size(); ++k) {
      char c = next[k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != lower[k]) return false;
    }
    return true;
  };
  std::string_view self = ctx.norm(n.first_token);
  if (self.find("-year") != std::string_view::npos || self.find("-month") != std::string_view::npos) {
    return true;
  }
  if (starts("-year") || starts("year-old") || starts("years old") || starts("year old") ||
      starts("-month")) {
    return true;
  }
  if (n.value == 1 && ctx.Is(after, "of")) return true;  // "one of the"
  bool glued_after = after < sent.end_token && ctx.tok(after).start == ctx.tok(n.end_token - 1).end;
  if (glued_after && ctx.Is(after, "/")) return true;  // "9/11"
  if ((glued_after && ctx.Is(after, ":")) || ctx.Is(after, "%") || ctx.Is(after, "percent") ||
      ctx.Is(after, "per")) {
    return true;
  }
  if (n.first_token > sent.first_token) {
    uint32_t p = n.first_token - 1;
    bool glued = ctx.tok(p).end == ctx.tok(n.first_token).start;
    if ((glued && ctx.Is(p, ":")) || ctx.Is(p, "$") || ctx.Is(p, "€") || ctx.Is(p, "£") || ctx.Is(p, "#")) return true;
    if (ctx.Is(p, "aged") || ctx.Is(p, "age")) return true;
    if (glued && (ctx.Is(p, "/") || ctx.Is(p, "."))) return true;  // "9/11", "7.8"
  }
  for (const LexMatch& m : ctx.matches[s]) {
    if (ctx.entry(m).section != Section::kNotFigure) continue;
    if ((m.first >= after && m.first <= after + 1) ||
        (m.end <= n.first_token && m.end + 1 >= n.first_token)) {
      return true;
    }
  }
  return false;
}

bool Crosses(const DocContext& ctx, uint32_t first, uint32_t end) {
  for (uint32_t i = first; i < end; ++i) {
    std::string_view w = ctx.norm(i);
    if (w == ";" || w == "." || w == ":" || ctx.tok(i).has(kTokQuote)) return true;
  }
  return false;
}

bool HasComma(const DocContext& ctx, uint32_t first, uint32_t end) {
  for (uint32_t i = first; i < end; ++i) {
    if (ctx.Is(i, ",")) return true;
  }
  return false;
}

// "eight civilians, including two children": a breakdown of a count given
// before it, not a figure of its own ("including", "among them", "of whom").
bool IsSubCount(const DocContext& ctx, uint32_t s, const NumberMention& n) {
  uint32_t first = ctx.text->sentences[s].first_token;
  uint32_t p = n.first_token;
  for (const LexMatch& q : ctx.matches[s]) {
    if (ctx.entry(q).section == Section::kQualifier && q.end == p && q.first >= first) p = q.first;
  }
  if (p > first && ctx.Is(p - 1, "including")) return true;
  if (p > first + 1 && (ctx.Is(p - 1, "them") || ctx.Is(p - 1, "whom"))) {
    return ctx.Is(p - 2, "among") || ctx.Is(p - 2, "of");
  }
  return false;
}

// How far after the number its trigger may be: 5 tokens, 9 across a
// breakdown ("eight civilians, including two children, were killed").
uint32_t AfterLimit(const DocContext& ctx, uint32_t first, uint32_t end) {
  for (uint32_t i = first; i < end && i < first + 3; ++i) {
    if (ctx.Is(i, "including") || ctx.Is(i, "among")) return 9;
  }
  return 5;
}

struct Trigger {
  const LexMatch* m = nullptr;
  int score = 1 << 20;  // lower is better
};

// "killed more than 120 people in attacks": a trigger after the number
// belongs to its noun phrase, not to a prepositional phrase beyond it.
bool CrossesPreposition(const DocContext& ctx, uint32_t first, uint32_t end) {
  static const char* const kPreps[] = {"in", "on", "at", "near", "across", "during", "after",
                                       "by", "with", "from", "against", "since", "before"};
  for (uint32_t i = first; i < end; ++i) {
    for (const char* p : kPreps) {
      if (ctx.Is(i, p)) return true;
    }
  }
  return false;
}

// Tokens between a trigger ending at `from` and the number, not counting a
// qualifier ("killed more than 120": 0).
uint32_t GapBefore(const DocContext& ctx, uint32_t s, uint32_t from, uint32_t number) {
  uint32_t gap = number - from;
  for (const LexMatch& q : ctx.matches[s]) {
    if (ctx.entry(q).section == Section::kQualifier && q.first >= from && q.end == number) {
      gap -= q.end - q.first;
      break;
    }
  }
  return gap;
}

// A count of strikes is a noun ("three airstrikes"), not the verb ("struck
// four airbases", "attacked two villages").
bool IsVerbFormOfNounKind(const DocContext& ctx, const LexiconEntry& e, const LexMatch& m) {
  if (e.arg != "strikes" || m.end != m.first + 1) return false;
  std::string_view w = ctx.norm(m.first);
  return w == "struck" || w.ends_with("ed") || w.ends_with("ing");
}

// True when [from, number) is "of" plus determiners ("of the", "of all the").
bool OfPhraseBetween(const DocContext& ctx, uint32_t from, uint32_t number) {
  if (from >= number || !ctx.Is(from, "of")) return false;
  for (uint32_t k = from + 1; k < number; ++k) {
    if (!ctx.Is(k, "the") && !ctx.Is(k, "all") && !ctx.Is(k, "these") && !ctx.Is(k, "those")) {
      return false;
    }
  }
  return true;
}

Trigger FindTrigger(const DocContext& ctx, uint32_t s, const NumberMention& n) {
  Trigger best;
  for (const LexMatch& m : ctx.matches[s]) {
    const LexiconEntry& e = ctx.entry(m);
    if (e.section != Section::kFigureKind || IsVerbFormOfNounKind(ctx, e, m)) continue;
    int score;
    if (m.first < n.first_token && m.end >= n.end_token) {
      score = 0;  // spanning: "freed 124 hostages"
    } else if (m.first >= n.end_token && m.first <= n.end_token + AfterLimit(ctx, n.end_token, m.first) &&
               !Crosses(ctx, n.end_token, m.first) && !CrossesPreposition(ctx, n.end_token, m.first)) {
      score = 2 * static_cast<int>(m.first - n.end_token) + 1;
    } else if (m.end <= n.first_token) {
      // Counted nouns ("70 missiles", "three airstrikes") follow their number:
      // "Ukrainian drones struck four airbases" counts airbases.
      if (e.arg == "rockets_fired" || e.arg == "strikes" || e.attr("what") == "drones") continue;
      bool cumulative = e.has("cumulative");
      uint32_t limit = cumulative ? 6 : 4;
      if (n.first_token - m.end > limit || Crosses(ctx, m.end, n.first_token)) continue;
      // "a strike on al-Mawasi, two officials said": a comma ends the phrase.
      if (!cumulative && HasComma(ctx, m.end, n.first_token)) continue;
      uint32_t gap = GapBefore(ctx, s, m.end, n.first_token);
      // "executed six hostages": the verb right before the number names the
      // event; the noun after it names the victims.
      bool event_verb = e.arg == "killed" || e.arg == "injured";
      // "the killing of the six hostages", "the bodies of four hostages":
      // the event noun + "of" names what happened to the people counted.
      // (Not "a toll of 1 person wounded": a toll word names no event.)
      bool event_of = event_verb && !cumulative && OfPhraseBetween(ctx, m.end, n.first_token);
      score = (gap == 0 && event_verb) || event_of
                  ? 0
                  : 2 * static_cast<int>(n.first_token - m.end) + 2;
    } else {
      continue;
    }
    if (score < best.score ||
        (score == best.score && m.end - m.first > best.m->end - best.m->first)) {
      best.m = &m;
      best.score = score;
    }
  }
  return best;
}

void SetQualifier(const DocContext& ctx, uint32_t s, const NumberMention& n, Figure* f) {
  for (const LexMatch& m : ctx.matches[s]) {
    const LexiconEntry& e = ctx.entry(m);
    if (e.section != Section::kQualifier || m.end > n.first_token || m.end + 1 < n.first_token) {
      continue;
    }
    if (m.end + 1 == n.first_token && !ctx.Is(m.end, "to") && !ctx.Is(m.end, "a")) continue;
    if (e.arg == "at_least") f->qualifier = Qualifier::kAtLeast;
    if (e.arg == "more_than") f->qualifier = Qualifier::kMoreThan;
    if (e.arg == "about") f->qualifier = Qualifier::kAbout;
    if (e.arg == "up_to") f->qualifier = Qualifier::kUpTo;
    if (e.has("cumulative")) f->cumulative = true;
    f->spans.push_back(ctx.SpanOf("qualifier", m.first, m.end));
  }
}

void SetVictims(const DocContext& ctx, uint32_t s, const NumberMention& n, const LexMatch& trig,
                Figure* f) {
  const Sentence& sent = ctx.text->sentences[s];
  uint32_t i = n.end_token;
  if (ctx.Is(i, "of")) ++i;  // "40,223 of them"
  const ActorMention* m = nullptr;
  if (i < sent.end_token && ctx.tok(i).has(kTokWord)) m = ctx.MentionAt(s, i, true);
  std::string_view tw = ctx.norm(trig.first);
  bool verb_trigger = tw.ends_with("ed") || tw.ends_with("ing") || tw == "hurt" || tw == "fled";
  if (m == nullptr && trig.end <= n.first_token && !verb_trigger && trig.first > sent.first_token) {
    // "the deaths of at least 40,223 Palestinians" handled above; "Palestinian
    // deaths". Before a verb ("Israeli soldiers killed 12") stands the
    // perpetrator, not the victims.
    m = ctx.MentionAt(s, trig.first - 1, true);
  }
  if (m == nullptr) return;
  ActorRef v = m->actor;
  std::string role = "CVL";
  for (const LexMatch& vm : ctx.matches[s]) {
    const LexiconEntry& e = ctx.entry(vm);
    if (e.section == Section::kVictim && vm.first >= m->first_token && vm.first <= m->end_token) {
      role = e.arg;
    }
  }
  if (v.code.size() == 3) v.code += role;
  if (v.code.starts_with("---")) return;  // no country: leave victims unknown
  f->victims = v;
  f->spans.push_back(ctx.SpanOf("victims", m->first_token, m->end_token));
}

bool IsCumulative(const DocContext& ctx, uint32_t s, const NumberMention& n) {
  for (const LexMatch& m : ctx.matches[s]) {
    if (ctx.entry(m).section != Section::kCumulative) continue;
    if ((m.end <= n.first_token && n.first_token - m.end <= 8) ||
        (m.first >= n.end_token && m.first - n.end_token <= 6)) {
      return true;
    }
  }
  return false;
}
bool HasSpan(const Figure& f, std::string_view role) {
  for (const Span& sp : f.spans) {
    if (sp.role == role) return true;
  }
  return false;
}

// "allegedly killed 12", "12 so-called militants": the hedge word near the
// figure is recorded as a "hedge" span (the claim is the source's, not the
// outlet's); a hedging report verb ("the ministry claimed") is added above.
void AddHedgeWord(const DocContext& ctx, uint32_t s, uint32_t first, uint32_t end, Figure* f) {
  for (const LexMatch& m : ctx.matches[s]) {
    if (ctx.entry(m).section != Section::kHedge) continue;
    if (m.end + 4 >= first && m.first < end + 2) {
      f->spans.push_back(ctx.SpanOf("hedge", m.first, m.end));
      return;
    }
  }
}
}  // namespace

void ExtractFigures(const DocContext& ctx, uint32_t s, std::vector<Figure>* out) {
  // No trigger in the sentence: no figure (the tests before FindTrigger
  // have no effect).
  if (!ctx.HasAny(s, SectionBit(Section::kFigureKind))) return;
  const Sentence& sent = ctx.text->sentences[s];
  size_t first_out = out->size();
  // The sentence's number mentions (collected in token order by the lexicon pass).
  for (uint32_t k = ctx.number_begin[s]; k < ctx.number_begin[s + 1]; ++k) {
    uint32_t i = ctx.number_tokens[k];
    const NumberMention& n = ctx.text->numbers[ctx.tok(i).number];
    if (NotACount(ctx, s, n) || IsSubCount(ctx, s, n)) continue;
    Trigger t = FindTrigger(ctx, s, n);
    if (t.m == nullptr) continue;
    const LexiconEntry& e = ctx.entry(*t.m);
    Figure f;
    f.sentence = s;
    f.kind = e.arg;
    f.value = n.value;
    f.what = e.attr("what");
    f.rule = e.rule;
    f.cumulative = e.has("cumulative") || IsCumulative(ctx, s, n);
    f.spans.push_back(ctx.SpanOf("number", n.first_token, n.end_token));
    f.spans.push_back(ctx.SpanOf("trigger", t.m->first, t.m->end));
    SetQualifier(ctx, s, n, &f);
    SetVictims(ctx, s, n, *t.m, &f);
    uint32_t at = std::min(n.first_token, t.m->first);
    uint32_t fact_end = std::min(sent.end_token, std::max(n.end_token, t.m->end) + 3);
    f.fact = FactAt(ctx, s, at, fact_end, nullptr);
    if (const Report* r = ReportFor(ctx, s, n.first_token)) {
      f.said_by = r->speaker;
      f.said_by->via = StrCat("reported: '", ctx.WordsView(r->cue_first, r->cue_end), "' ", r->rule);
      f.spans.push_back(ctx.SpanOf("said_by", r->speaker_first, r->speaker_end));
      if (!r->hedge.empty()) f.spans.push_back(ctx.SpanOf("hedge", r->cue_first, r->cue_end));
    }
    if (!HasSpan(f, "hedge")) AddHedgeWord(ctx, s, at, fact_end, &f);
    f.date = SentenceDate(ctx, s);
    bool dup = false;
    for (size_t i = first_out; i < out->size(); ++i) {
      dup |= (*out)[i].kind == f.kind && (*out)[i].value == f.value;
    }
    if (!dup) out->push_back(std::move(f));
  }
}

}  // namespace parley::claims
