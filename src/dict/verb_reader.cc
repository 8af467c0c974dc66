// Verb file reader (CAMEO.2.0.txt PETRARCH-2 layout and TABARI/PETRARCH-1
// layout): synsets, "--- NAME [CODE] ---" blocks, verb lines, pattern lines
// and '~' transformations (docs/dictionary_format.md).
//
// Line classification, in order: '&' starts a synset; '+' directly after a
// synset label or member is a member; "---" starts a block; '-' is a pattern;
// '~' a transformation; anything else a verb line.
//
// Fixes over PETRARCH2: "<!" lines are comments and do not switch off later
// patterns; comments on synset lines are removed; multi-word members ending
// in '_' are usable; a label ending in '_' suppresses member plurals as the
// documentation intended, and '&X' / '&X_' name the same synset; TABARI
// "+&OTHER" members are expanded; plurals follow English rules (BUS -> BUSES);
// regular verb forms add the corrected English forms (TRY -> tried); a
// multi-word verb line without braces ("LASH OUT") is one phrasal verb.
#include "dict/dictionary_reader_internal.h"
#include "dict/verb_reader_internal.h"

#include <algorithm>
#include <unordered_map>

namespace parley::dict_internal {
namespace {

constexpr int kMaxSynsetNesting = 8;

VerbPattern::Syntax DetectSyntax(const std::vector<Line>& lines) {
  for (const Line& l : lines) {
    std::string_view raw = Trim(l.raw);
    if (raw.empty()) continue;
    if (raw[0] != '#') break;
    std::string lower = ToLower(raw);
    size_t p = lower.find("syntax:");
    if (p == std::string::npos) continue;
    std::string_view value = Trim(std::string_view(lower).substr(p + 7));
    if (value.substr(0, 9) == "petrarch2") return VerbPattern::Syntax::kPetrarch2;
    if (value.substr(0, 6) == "tabari") return VerbPattern::Syntax::kTabari;
  }
  for (const Line& l : lines) {
    if (l.raw.rfind("####### VERB PATTERNS", 0) == 0) return VerbPattern::Syntax::kPetrarch2;
  }
  return VerbPattern::Syntax::kTabari;
}

// "KLM_NOP_+RST" -> words {klm,nop,rst}, verb_index 2; false on error.
bool ParseVerbWords(std::string_view text, VerbForm* form, std::string* error) {
  form->words.clear();
  form->verb_index = 0;
  int plus = 0;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) form->words.push_back(ToLower(word));
    word.clear();
  };
  for (char c : text) {
    if (c == '_' || IsBlank(c)) {
      flush();
    } else if (c == '+' && word.empty()) {
      ++plus;
      form->verb_index = static_cast<uint32_t>(form->words.size());
    } else {
      word.push_back(c);
    }
  }
  flush();
  if (form->words.empty()) *error = "empty verb";
  else if (plus > 1) *error = "more than one '+' verb word";
  else if (form->verb_index >= form->words.size()) *error = "'+' not followed by a word";
  else return true;
  return false;
}

class VerbFileReader {
 public:
  VerbFileReader(const std::vector<Line>& lines, DiagSink* diags, DictionarySet* set)
      : lines_(lines), diags_(diags), set_(set), syntax_(DetectSyntax(lines)) {
    ctx_.diags = diags;
    for (size_t i = 0; i < set_->synsets.size(); ++i) synset_index_[set_->synsets[i].label] = i;
  }

  void Read() {
    for (const Line& line : lines_) ReadLine(line);
    ResolveNestedSynsets();
    CheckSynsetRefs();
  }

 private:
  void ReadLine(const Line& line) {
    std::string_view body = Trim(line.text);
    if (body.empty()) return;
    size_t start = line.text.find_first_not_of(" \t");
    if (body[0] == '+' && current_synset_ >= 0) return SynsetMember(line, start);
    current_synset_ = -1;
    if (body[0] == '&') return SynsetLabel(line, start);
    if (body.substr(0, 3) == "---") return BlockHeader(line, start);
    if (body[0] == '-') return Pattern(line, start);
    if (body[0] == '~') return Transform(line, start);
    VerbLine(line, start);
  }

  void SynsetLabel(const Line& line, size_t start) {
    std::string_view label_text = Trim(std::string_view(line.text).substr(start + 1));
    if (label_text.empty() || label_text.find_first_of(" \t") != std::string_view::npos) {
      diags_->Error(line, start, label_text.empty() ? "empty synset label" : "blank in a synset label",
                    std::string(Trim(line.text)), "'&LABEL' alone on the line");
      return;
    }
    std::string label = ToLower(label_text);
    no_plural_ = label.back() == '_';
    while (!label.empty() && label.back() == '_') label.pop_back();
    auto it = synset_index_.find(label);
    if (it != synset_index_.end()) {
      diags_->Warning(line, start, "synset defined again; members are added to the first definition",
                      "&" + label, "one definition per label");
      current_synset_ = static_cast<int>(it->second);
      return;
    }
    Synset s;
    s.label = label;
    s.loc = diags_->Loc(line, start);
    synset_index_[label] = set_->synsets.size();
    current_synset_ = static_cast<int>(set_->synsets.size());
    set_->synsets.push_back(std::move(s));
  }

  void SynsetMember(const Line& line, size_t start) {
    std::string_view m = Trim(std::string_view(line.text).substr(start + 1));
    Synset& s = set_->synsets[current_synset_];
    if (!m.empty() && m[0] == '&') {
      std::string label = ToLower(m.substr(1));
      while (!label.empty() && label.back() == '_') label.pop_back();
      nested_.push_back({static_cast<size_t>(current_synset_), label, line.number, start});
      return;
    }
    bool braced = !m.empty() && m[0] == '{';
    std::string cleaned;
    for (char c : m) {
      if (c != '{' && c != '}') cleaned.push_back(c);
    }
    Phrase p = SplitPhrase(cleaned);
    if (p.empty()) {
      diags_->Error(line, start, "empty synset member", std::string(Trim(line.text)), "'+WORD'");
      return;
    }
    bool plural = !no_plural_ && !braced && p.size() == 1 && m.back() != '_';
    s.members.push_back(p);
    if (plural) {
      Phrase pl = PluralPhrase(p);
      if (pl != p) s.members.push_back(std::move(pl));
    }
  }

  void BlockHeader(const Line& line, size_t start) {
    std::string_view t = std::string_view(line.text);
    size_t name_start = t.find_first_not_of('-', start);
    size_t open = t.find('[', start);
    if (open == std::string_view::npos) {
      diags_->Structural(line, start, "block header without code", std::string(Trim(t)),
                    "'--- NAME [CODE] ---'");
      current_block_ = -1;
      return;
    }
    size_t close = t.find(']', open);
    std::vector<std::string_view> name_tokens =
        SplitBlank(t.substr(name_start, open - std::min(open, name_start)));
    if (close == std::string_view::npos || name_tokens.empty()) {
      diags_->Structural(line, close == std::string_view::npos ? open : start,
                    close == std::string_view::npos ? "unclosed bracket" : "block name missing",
                    std::string(Trim(t)), "'--- NAME [CODE] ---'");
      current_block_ = -1;
      return;
    }
    VerbBlock b;
    for (size_t i = 0; i < name_tokens.size(); ++i) {
      if (i > 0) b.name.push_back('_');
      b.name.append(name_tokens[i]);
    }
    b.code = std::string(Trim(t.substr(open + 1, close - open - 1)));
    b.loc = diags_->Loc(line, start);
    CheckCode(line, open, b.code, "block");
    current_block_ = static_cast<int>(set_->verb_blocks.size());
    set_->verb_blocks.push_back(std::move(b));
  }

  void CheckCode(const Line& line, size_t at, const std::string& code, const char* what) {
    if (code.empty()) {
      diags_->Error(line, at, std::string(what) + " code missing", "[]", "'[CODE]' or '[---]'");
      return;
    }
    // "[A:B]" on a block or verb line: active and passive code.
    size_t colon = code.find(':');
    for (std::string_view part : {std::string_view(code).substr(0, colon),
                                  colon == std::string::npos
                                      ? std::string_view()
                                      : std::string_view(code).substr(colon + 1)}) {
      if (!part.empty() && !IsKnownEventCode(part)) {
        diags_->Warning(line, at, "unknown CAMEO code", std::string(part),
                        "a code of dictionaries/cameo/cameo_codes.tsv or '---'");
      }
    }
  }

  bool InBlock(const Line& line, size_t start, const char* what) {
    if (current_block_ >= 0) return true;
    diags_->Structural(line, start, std::string(what) + " outside a verb block",
                  std::string(Trim(line.text)), "a '--- NAME [CODE] ---' line before it");
    return false;
  }

  void Pattern(const Line& line, size_t start) {
    if (!InBlock(line, start, "pattern")) return;
    VerbPattern p;
    size_t refs_before = ctx_.synset_refs.size();
    if (!ParsePatternLine(line, start, syntax_, &ctx_, &p)) {
      ctx_.synset_refs.resize(refs_before);
      return;
    }
    VerbBlock& block = set_->verb_blocks[current_block_];
    for (size_t i = refs_before; i < ctx_.synset_refs.size(); ++i) {
      pending_refs_.push_back({ctx_.synset_refs[i].label, line.number, ctx_.synset_refs[i].offset,
                               static_cast<size_t>(current_block_), block.patterns.size()});
    }
    ctx_.synset_refs.resize(refs_before);
    set_->verb_blocks[current_block_].patterns.push_back(std::move(p));
  }

  void Transform(const Line& line, size_t start) {
    std::string_view t = std::string_view(line.text).substr(start + 1);
    size_t eq = t.find('=');
    Transformation tr;
    if (eq != std::string_view::npos) {
      tr.lhs = std::string(Trim(t.substr(0, eq)));
      tr.rhs = std::string(Trim(t.substr(eq + 1)));
    }
    if (tr.lhs.empty() || tr.rhs.empty()) {
      diags_->Error(line, start, "malformed transformation", std::string(Trim(line.text)),
                    "'~ a (a b VERB2) VERB1 = a b CODE'");
      return;
    }
    tr.loc = diags_->Loc(line, start);
    set_->transformations.push_back(std::move(tr));
  }

  void VerbLine(const Line& line, size_t start);
  void AddForms(const Line& line, size_t start, std::string_view base, std::string_view braces,
                bool has_braces, VerbEntry* entry);

  void ResolveNestedSynsets();
  void CheckSynsetRefs();

  struct NestedRef {
    size_t synset;
    std::string label;
    uint32_t line;
    size_t offset;
  };
  struct PendingRef {
    std::string label;
    uint32_t line;
    size_t offset;
    size_t block;    // index into set_->verb_blocks
    size_t pattern;  // index into its patterns
  };

  const std::vector<Line>& lines_;
  DiagSink* diags_;
  DictionarySet* set_;
  VerbPattern::Syntax syntax_;
  PatternContext ctx_;
  int current_block_ = -1;
  int current_synset_ = -1;
  bool no_plural_ = false;
  std::unordered_map<std::string, size_t> synset_index_;
  std::vector<NestedRef> nested_;
  std::vector<PendingRef> pending_refs_;
};

void VerbFileReader::VerbLine(const Line& line, size_t start) {
  if (!InBlock(line, start, "verb line")) return;
  std::string_view t = std::string_view(line.text).substr(start);
  VerbEntry entry;
  entry.loc = diags_->Loc(line, start);
  size_t open = t.find('[');
  if (open != std::string_view::npos) {
    size_t close = t.find(']', open);
    if (close == std::string_view::npos) {
      diags_->Error(line, start + open, "unclosed bracket", std::string(t.substr(open)), "']'");
      return;
    }
    entry.code = std::string(Trim(t.substr(open + 1, close - open - 1)));
    CheckCode(line, start + open, entry.code, "verb");
    t = t.substr(0, open);
  }
  size_t brace = t.find('{');
  std::string_view braces;
  if (brace != std::string_view::npos) {
    size_t close = t.find('}', brace);
    if (close == std::string_view::npos) {
      diags_->Error(line, start + brace, "unterminated '{'", std::string(Trim(t.substr(brace))),
                    "'VERB {FORM FORM}'");
      return;
    }
    braces = t.substr(brace + 1, close - brace - 1);
    t = t.substr(0, brace);
  }
  AddForms(line, start, Trim(t), braces, brace != std::string_view::npos, &entry);
}

void VerbFileReader::AddForms(const Line& line, size_t start, std::string_view base,
                              std::string_view braces, bool has_braces, VerbEntry* entry) {
  VerbForm form;
  std::string error;
  if (!ParseVerbWords(base, &form, &error)) {
    diags_->Error(line, start, error, std::string(Trim(line.text)), "'VERB', '+VERB_PARTICLE' "
                  "or 'MODIFIER_+VERB'");
    return;
  }
  entry->base = JoinPhrase(form.words);
  entry->forms.push_back(form);
  if (has_braces) {
    for (std::string_view tok : SplitBlank(braces)) {
      VerbForm f;
      if (!ParseVerbWords(tok, &f, &error)) {
        diags_->Error(line, start, error, std::string(tok), "'{FORM FORM}'");
        continue;
      }
      if (f.words.size() == form.words.size() && tok.find('+') == std::string_view::npos) {
        f.verb_index = form.verb_index;
      }
      entry->forms.push_back(std::move(f));
    }
  } else {
    for (std::string& w : VerbInflections(form.words[form.verb_index])) {
      VerbForm f = form;
      f.words[f.verb_index] = std::move(w);
      entry->forms.push_back(std::move(f));
    }
  }
  set_->verb_blocks[current_block_].verbs.push_back(std::move(*entry));
}

void VerbFileReader::ResolveNestedSynsets() {
  // "+&OTHER" members (TABARI) may refer to synsets defined later and to
  // synsets that contain references themselves; iterate a bounded number of
  // rounds (cycles are reported).
  std::vector<NestedRef> todo = std::move(nested_);
  for (int round = 0; round < kMaxSynsetNesting && !todo.empty(); ++round) {
    std::vector<NestedRef> again;
    for (const NestedRef& r : todo) {
      auto it = synset_index_.find(r.label);
      if (it == synset_index_.end()) {
        Line l;
        l.number = r.line;
        diags_->Error(l, r.offset, "undefined synset", "&" + r.label, "an '&LABEL' definition");
        continue;
      }
      bool target_pending = false;
      for (const NestedRef& o : todo) target_pending |= (o.synset == it->second);
      if (target_pending && round + 1 < kMaxSynsetNesting) {
        again.push_back(r);
        continue;
      }
      const std::vector<Phrase> members = set_->synsets[it->second].members;
      auto& dst = set_->synsets[r.synset].members;
      dst.insert(dst.end(), members.begin(), members.end());
    }
    todo = std::move(again);
  }
  for (const NestedRef& r : todo) {
    Line l;
    l.number = r.line;
    diags_->Error(l, r.offset, "synsets nested too deeply or in a cycle", "&" + r.label,
                    "at most " + std::to_string(kMaxSynsetNesting) + " levels");
  }
}

// A pattern naming an undefined synset can never match (PETRARCH kept it
// with the literal '&X' token); it is reported and dropped.
void VerbFileReader::CheckSynsetRefs() {
  std::vector<std::pair<size_t, size_t>> dead;
  for (const PendingRef& r : pending_refs_) {
    if (synset_index_.count(r.label) != 0) continue;
    Line l;
    l.number = r.line;
    diags_->Error(l, r.offset, "undefined synset; pattern dropped", "&" + r.label,
                  "an '&" + r.label + "' definition with '+' members in a verb file");
    dead.emplace_back(r.block, r.pattern);
  }
  std::sort(dead.begin(), dead.end());
  dead.erase(std::unique(dead.begin(), dead.end()), dead.end());
  for (auto it = dead.rbegin(); it != dead.rend(); ++it) {
    auto& patterns = set_->verb_blocks[it->first].patterns;
    patterns.erase(patterns.begin() + static_cast<std::ptrdiff_t>(it->second));
  }
}

}  // namespace

void ReadVerbLines(const std::vector<Line>& lines, DiagSink* diags, DictionarySet* set) {
  VerbFileReader reader(lines, diags, set);
  reader.Read();
}

}  // namespace parley::dict_internal
