// Parser and phrase matcher of the claims lexicons. The matcher indexes
// entries by their first literal word and tries each candidate at every
// token (norm and lemma), so one pass over a sentence finds every cue of
// every lexicon.
#include "claims/lexicon.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace parley::claims {
namespace {

struct SectionInfo {
  const char* name;
  Section section;
  bool needs_arg;
  std::vector<std::string> allowed_args;  // empty: any
};

const std::vector<SectionInfo>& Sections() {
  static const std::vector<SectionInfo> kSections = {
      {"verb", Section::kReportingVerb, false, {}},
      {"according", Section::kAccordingTo, false, {}},
      {"relay", Section::kRelay, false, {}},
      {"hedge", Section::kHedge, false, {}},
      {"anonymous", Section::kAnonymous, false, {}},
      {"negation", Section::kNegation, false, {}},
      {"negation_scope", Section::kNegationScope, false, {}},
      {"hypothetical", Section::kHypothetical, false, {}},
      {"hypothetical_scope", Section::kHypotheticalScope, false, {}},
      {"conditional", Section::kConditional, false, {}},
      {"kind", Section::kFigureKind, true,
       {"killed", "injured", "missing", "displaced", "detained", "hostages_held",
        "hostages_released", "prisoners_released", "rockets_fired", "strikes", "aid_trucks",
        "other"}},
      {"qualifier", Section::kQualifier, true, {"at_least", "more_than", "about", "up_to", "exact"}},
      {"cumulative", Section::kCumulative, false, {}},
      {"not_figure", Section::kNotFigure, false, {}},
      {"victim", Section::kVictim, true, {}},
      {"stance", Section::kStance, true, {"demand", "accept", "reject", "offer", "concede"}},
      {"condition", Section::kCondition, false, {}},
      {"context", Section::kContext, false, {}},
      {"anaphor", Section::kAnaphor, false, {}},
      {"item", Section::kItem, true, {}},
  };
  return kSections;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string Lower(std::string_view s) {
  std::string r(s);
  for (char& c : r) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r;
}

std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

Status LineError(const std::string& where, const std::string& msg) {
  return InvalidArgumentError(where + ": " + msg);
}

// "{flag, key=value}" -> attrs.
Status ParseAttrs(const std::string& where, std::string_view body,
                  std::map<std::string, std::string>* attrs) {
  std::string item;
  std::stringstream ss{std::string(body)};
  while (std::getline(ss, item, ',')) {
    std::string_view t = Trim(item);
    if (t.empty()) return LineError(where, "empty attribute in '{...}'");
    size_t eq = t.find('=');
    if (eq == std::string_view::npos) {
      (*attrs)[std::string(t)] = "";
    } else {
      std::string key(Trim(t.substr(0, eq)));
      if (key.empty()) return LineError(where, "attribute without a name: '" + std::string(t) + "'");
      (*attrs)[key] = std::string(Trim(t.substr(eq + 1)));
    }
  }
  return Status::Ok();
}

Status ParsePattern(const std::string& where, std::string_view text,
                    std::vector<PatternWord>* out) {
  for (std::string& w : SplitWords(text)) {
    PatternWord p;
    if (w == "...") {
      if (out->empty()) return LineError(where, "a phrase cannot start with '...'");
      p.kind = PatternWord::Kind::kGap;
    } else if (w == "$name") {
      p.kind = PatternWord::Kind::kName;
    } else if (w == "#num") {
      p.kind = PatternWord::Kind::kNumber;
    } else if (w[0] == '$' || (w[0] == '#' && w.size() > 1)) {
      return LineError(where, "unknown special word '" + w + "' (expected $name or #num)");
    } else {
      p.word = Lower(w);
    }
    out->push_back(std::move(p));
  }
  if (out->empty()) return LineError(where, "empty phrase");
  if (out->back().kind == PatternWord::Kind::kGap) {
    return LineError(where, "a phrase cannot end with '...'");
  }
  return Status::Ok();
}

}  // namespace

const char* SectionName(Section s) {
  for (const SectionInfo& i : Sections()) {
    if (i.section == s) return i.name;
  }
  return "?";
}

std::string LexiconEntry::attr(std::string_view key) const {
  if (attrs.empty()) return {};
  auto it = attrs.find(std::string(key));
  return it == attrs.end() ? std::string() : it->second;
}

Status ClaimsLexicon::AddLine(const std::string& where, std::string_view line, Section* section,
                              std::string* arg) {
  if (size_t hash = line.find(" #"); hash != std::string_view::npos) line = line.substr(0, hash);
  if (!line.empty() && line[0] == '#') return Status::Ok();
  line = Trim(line);
  if (line.empty()) return Status::Ok();
  if (line.front() == '[') {
    if (line.back() != ']') return LineError(where, "unterminated section header (expected ']')");
    std::vector<std::string> words = SplitWords(line.substr(1, line.size() - 2));
    if (words.empty()) return LineError(where, "empty section header '[]'");
    const SectionInfo* info = nullptr;
    for (const SectionInfo& i : Sections()) {
      if (words[0] == i.name) info = &i;
    }
    if (info == nullptr) return LineError(where, "unknown section '" + words[0] + "'");
    std::string a;
    for (size_t i = 1; i < words.size(); ++i) a += (i > 1 ? " " : "") + words[i];
    if (info->needs_arg && a.empty()) {
      return LineError(where, "section '" + words[0] + "' needs an argument, e.g. [" + words[0] +
                                  " " + (info->allowed_args.empty() ? "label" : info->allowed_args[0]) +
                                  "]");
    }
    if (!info->allowed_args.empty() &&
        std::find(info->allowed_args.begin(), info->allowed_args.end(), a) ==
            info->allowed_args.end()) {
      return LineError(where, "unknown " + words[0] + " '" + a + "'");
    }
    *section = info->section;
    *arg = a;
    return Status::Ok();
  }
  if (*section == Section::kCount) return LineError(where, "entry before any [section] header");
  LexiconEntry e;
  e.section = *section;
  e.arg = *arg;
  e.rule = where;
  std::string_view phrase = line;
  if (size_t brace = line.find('{'); brace != std::string_view::npos) {
    if (line.back() != '}') return LineError(where, "unterminated '{' (expected '}' at end of line)");
    PARLEY_RETURN_IF_ERROR(ParseAttrs(where, line.substr(brace + 1, line.size() - brace - 2), &e.attrs));
    phrase = Trim(line.substr(0, brace));
  }
  e.phrase = std::string(phrase);
  PARLEY_RETURN_IF_ERROR(ParsePattern(where, phrase, &e.pattern));
  entries_.push_back(std::move(e));
  return Status::Ok();
}

Status ClaimsLexicon::AddFile(const std::string& file, std::string_view content) {
  Section section = Section::kCount;
  std::string arg;
  uint32_t line_no = 0;
  size_t pos = 0;
  while (pos <= content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    ++line_no;
    std::string_view line = content.substr(pos, nl - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    PARLEY_RETURN_IF_ERROR(AddLine(file + ":" + std::to_string(line_no), line, &section, &arg));
    pos = nl + 1;
  }
  return Status::Ok();
}

void ClaimsLexicon::Index() {
  std::unordered_map<std::string, uint32_t> ids;
  for (LexiconEntry& e : entries_) {
    for (PatternWord& p : e.pattern) {
      if (p.kind != PatternWord::Kind::kWord) continue;
      auto [it, added] = ids.emplace(p.word, static_cast<uint32_t>(vocab_.size()));
      if (added) vocab_.push_back(p.word);
      p.id = it->second;
    }
  }
  size_t n = 64;
  while (n < 3 * vocab_.size()) n *= 2;
  slots_.assign(n, Slot{});
  slot_mask_ = static_cast<uint32_t>(n - 1);
  for (uint32_t id = 0; id < vocab_.size(); ++id) {
    WordKey k;
    KeyOf(vocab_[id], &k);  // pattern words are never empty
    uint32_t h = k.Hash() & slot_mask_;
    while (slots_[h].id != kNoLexWord) h = (h + 1) & slot_mask_;
    slots_[h] = {k.a, k.b, k.n, id};
  }
  std::vector<std::vector<uint32_t>> by_first(vocab_.size());
  quick_.assign(entries_.size(), Quick{});
  for (uint32_t i = 0; i < entries_.size(); ++i) {
    const std::vector<PatternWord>& pat = entries_[i].pattern;
    bool word0 = pat[0].kind == PatternWord::Kind::kWord;
    quick_[i].single = word0 && pat.size() == 1;
    if (word0 && pat.size() >= 2 && pat[1].kind == PatternWord::Kind::kWord) quick_[i].second = pat[1].id;
    const PatternWord& p = pat[0];
    if (p.kind == PatternWord::Kind::kWord) {
      by_first[p.id].push_back(i);
    } else if (p.kind == PatternWord::Kind::kName) {
      starts_with_name_.push_back(i);
    } else {  // kNumber (a pattern cannot open with a gap)
      starts_with_number_.push_back(i);
    }
  }
  first_entries_.clear();
  first_begin_.assign(1, 0);
  second_bits_.assign(vocab_.size(), 0);
  for (uint32_t w = 0; w < by_first.size(); ++w) {
    for (uint32_t id : by_first[w]) {
      const Quick& q = quick_[id];
      second_bits_[w] |= q.second == kNoLexWord ? ~uint64_t{0} : uint64_t{1} << (q.second & 63);
    }
  }
  for (const std::vector<uint32_t>& ids : by_first) {
    first_entries_.insert(first_entries_.end(), ids.begin(), ids.end());
    first_begin_.push_back(static_cast<uint32_t>(first_entries_.size()));
  }
}

StatusOr<std::shared_ptr<const ClaimsLexicon>> ClaimsLexicon::FromStrings(
    const std::vector<std::pair<std::string, std::string>>& files) {
  auto lex = std::shared_ptr<ClaimsLexicon>(new ClaimsLexicon());
  for (const auto& [name, content] : files) {
    PARLEY_RETURN_IF_ERROR(lex->AddFile(name, content));
  }
  if (lex->entries_.empty()) return InvalidArgumentError("claims lexicon: no entries");
  lex->Index();
  return std::shared_ptr<const ClaimsLexicon>(std::move(lex));
}

StatusOr<std::shared_ptr<const ClaimsLexicon>> ClaimsLexicon::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return NotFoundError("claims lexicon directory not found: " + dir);
  }
  std::vector<fs::path> paths;
  for (const auto& de : fs::directory_iterator(dir, ec)) {
    if (de.path().extension() == ".txt") paths.push_back(de.path());
  }
  if (ec) return NotFoundError("cannot list " + dir + ": " + ec.message());
  if (paths.empty()) return NotFoundError("no *.txt lexicon files in " + dir);
  std::sort(paths.begin(), paths.end());
  std::vector<std::pair<std::string, std::string>> files;
  for (const fs::path& p : paths) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return NotFoundError("cannot read " + p.string());
    std::stringstream ss;
    ss << in.rdbuf();
    files.emplace_back("claims/" + p.filename().string(), ss.str());
  }
  return FromStrings(files);
}

namespace {

// The token's norm or lemma is the pattern word.
inline bool WordMatches(const TokenWordIds& t, uint32_t id) { return t.norm == id || t.lemma == id; }

// The end of a "..." gap that starts at token `ti` and may reach `limit`:
// it stops before a clause break, so "the bodies of four hostages
// overnight, and Israel released ..." is no "hostages ... released" (but
// "held hostage, but eventually released" is). A break is ";" or ":", or a
// comma + and / but / while / whereas + a new subject (a capitalized word
// or a determiner).
uint32_t GapEnd(const AnalyzedText& text, uint32_t ti, uint32_t limit) {
  const auto& t = text.tokens;
  for (uint32_t k = ti; k < limit; ++k) {
    std::string_view w = t[k].norm;
    if (w == ";" || w == ":") return k;
    if (w != "," || k + 2 >= t.size()) continue;
    std::string_view n = t[k + 1].norm;
    if (n != "and" && n != "but" && n != "while" && n != "whereas") continue;
    std::string_view s = t[k + 2].norm;
    if (t[k + 2].has(kTokCapitalized) || s == "the" || s == "a" || s == "an" || s == "its" ||
        s == "their" || s == "they" || s == "it" || s == "he" || s == "she") {
      return k;
    }
  }
  return limit;
}

}  // namespace

bool ClaimsLexicon::MatchAt(const AnalyzedText& text, const TokenWordIds* ids, uint32_t i,
                            uint32_t end, const LexiconEntry& e, LexMatch* m) const {
  // Quick reject (exact): "in ... Gaza" patterns are tried at every "in";
  // most fail on the second word, which needs no backtracking to check.
  if (e.pattern.size() >= 2 && e.pattern[0].kind == PatternWord::Kind::kWord &&
      e.pattern[1].kind == PatternWord::Kind::kWord) {
    if (i + 1 >= end) return false;
    const Token& next = text.tokens[i + 1];
    bool skippable_quote = next.has(kTokQuote) && !next.has(kTokWord);
    if (!skippable_quote && !WordMatches(ids[i + 1], e.pattern[1].id)) return false;
  }
  // Small backtracking matcher; patterns are short and gaps are bounded.
  struct Frame {
    size_t pi;
    uint32_t ti;
  };
  constexpr uint32_t kMaxGap = 6;
  // Fixed-size stack: no allocation per attempt (this runs at most tokens).
  constexpr size_t kMaxFrames = 128;
  Frame stack[kMaxFrames];
  size_t top = 0;
  auto push = [&](Frame f) {
    if (top < kMaxFrames) stack[top++] = f;
  };
  push({0, i});
  while (top > 0) {
    Frame f = stack[--top];
    if (f.pi == e.pattern.size()) {
      m->first = i;
      m->end = f.ti;
      return true;
    }
    const PatternWord& p = e.pattern[f.pi];
    switch (p.kind) {
      case PatternWord::Kind::kWord:
        if (f.ti < end && WordMatches(ids[f.ti], p.id)) push({f.pi + 1, f.ti + 1});
        // Quote marks inside a phrase do not break it: there was "no
        // certainty" that; a "calm in return for calm" equation.
        if (f.pi > 0 && f.ti < end && text.tokens[f.ti].has(kTokQuote) && !text.tokens[f.ti].has(kTokWord)) {
          push({f.pi, f.ti + 1});
        }
        break;
      case PatternWord::Kind::kGap: {
        const uint32_t limit = GapEnd(text, f.ti, std::min(end, f.ti + kMaxGap));
        for (uint32_t g = kMaxGap + 1; g-- > 0;) {
          if (f.ti + g <= limit) push({f.pi + 1, f.ti + g});
        }
        break;
      }
      case PatternWord::Kind::kNumber:
        if (f.ti < end && text.tokens[f.ti].number >= 0) {
          const NumberMention& n = text.numbers[text.tokens[f.ti].number];
          push({f.pi + 1, std::max(f.ti + 1, std::min(n.end_token, end))});
        }
        break;
      case PatternWord::Kind::kName: {
        uint32_t k = f.ti;
        while (k < end && k < f.ti + 3 && text.tokens[k].has(kTokCapitalized) &&
               text.tokens[k].has(kTokWord)) {
          ++k;
        }
        if (k > f.ti) {
          m->name_first = f.ti;
          m->name_end = k;
          push({f.pi + 1, k});
        }
        break;
      }
    }
  }
  return false;
}

void ClaimsLexicon::Match(const AnalyzedText& text, uint32_t first, uint32_t end,
                          std::vector<LexMatch>* out) const {
  std::vector<TokenWordIds> ids(end);
  for (uint32_t i = first; i < end; ++i) ids[i] = TokenIds(text.tokens[i]);
  Match(text, ids.data(), first, end, out);
}

void ClaimsLexicon::Match(const AnalyzedText& text, const TokenWordIds* ids, uint32_t first,
                          uint32_t end, std::vector<LexMatch>* out) const {
  size_t base = out->size();
  auto try_entries = [&](const std::vector<uint32_t>& entries, uint32_t i) {
    for (uint32_t id : entries) {
      LexMatch m;
      m.entry = id;
      if (MatchAt(text, ids, i, end, entries_[id], &m)) out->push_back(m);
    }
  };
  // Entries opening with the word at token i: one-word patterns match, the
  // second word rejects most others before MatchAt (same result as MatchAt).
  auto try_first = [&](uint32_t b, uint32_t e, uint32_t i) {
    for (uint32_t k = b; k < e; ++k) {
      uint32_t id = first_entries_[k];
      const Quick& q = quick_[id];
      LexMatch m;
      m.entry = id;
      if (q.single) {
        m.first = i;
        m.end = i + 1;
        out->push_back(m);
        continue;
      }
      if (q.second != kNoLexWord) {
        if (i + 1 >= end) continue;
        const Token& next = text.tokens[i + 1];
        bool skippable_quote = next.has(kTokQuote) && !next.has(kTokWord);
        if (!skippable_quote && ids[i + 1].norm != q.second && ids[i + 1].lemma != q.second) continue;
      }
      if (MatchAt(text, ids, i, end, entries_[id], &m)) out->push_back(m);
    }
  };
  const bool numbers = !starts_with_number_.empty(), names = !starts_with_name_.empty();
  const uint32_t* begin = first_begin_.data();
  // False when no entry of word w's group can match at i: all need a second
  // word and the next token is none of them (nor a quote mark to skip).
  auto group_may_match = [&](uint32_t w, uint32_t i) {
    uint64_t bits = second_bits_[w];
    if (bits == ~uint64_t{0}) return true;
    if (i + 1 >= end) return false;
    const Token& next = text.tokens[i + 1];
    if (next.has(kTokQuote) && !next.has(kTokWord)) return true;
    const TokenWordIds& n = ids[i + 1];
    uint64_t have = (n.norm != kNoLexWord ? uint64_t{1} << (n.norm & 63) : 0) |
                    (n.lemma != kNoLexWord ? uint64_t{1} << (n.lemma & 63) : 0);
    return (bits & have) != 0;
  };
  for (uint32_t i = first; i < end; ++i) {
    const TokenWordIds w = ids[i];
    if (w.norm != kNoLexWord && begin[w.norm] != begin[w.norm + 1] && group_may_match(w.norm, i)) {
      try_first(begin[w.norm], begin[w.norm + 1], i);
    }
    // A lemma other than the norm ("killed" -> "kill") opens its own entries.
    if (w.lemma != kNoLexWord && w.lemma != w.norm && begin[w.lemma] != begin[w.lemma + 1] &&
        group_may_match(w.lemma, i)) {
      try_first(begin[w.lemma], begin[w.lemma + 1], i);
    }
    if (!numbers && !names) continue;
    const Token& t = text.tokens[i];
    if (numbers && t.number >= 0) try_entries(starts_with_number_, i);
    if (names && t.has(kTokCapitalized) && t.has(kTokWord)) try_entries(starts_with_name_, i);
  }
  // Ordered by start, then longer first, ties in the order found (a stable
  // insertion sort: matches arrive ordered by start already).
  for (size_t k = base + 1; k < out->size(); ++k) {
    LexMatch x = (*out)[k];
    size_t j = k;
    while (j > base && ((*out)[j - 1].first > x.first ||
                        ((*out)[j - 1].first == x.first && (*out)[j - 1].end < x.end))) {
      (*out)[j] = (*out)[j - 1];
      --j;
    }
    (*out)[j] = x;
  }
  out->erase(std::unique(out->begin() + static_cast<std::ptrdiff_t>(base), out->end(),
                         [](const LexMatch& a, const LexMatch& b) {
                           return a.first == b.first && a.end == b.end && a.entry == b.entry;
                         }),
             out->end());
}

}  // namespace parley::claims
