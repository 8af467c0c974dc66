// Verb pattern lines in both syntaxes (docs/dictionary_format.md):
//
//   PETRARCH-2:  - {COAST GUARD} * &VESSEL (OFF COAST) ^ [1711:173]
//   TABARI:      - $ WILL_* CREDIT_LINE TO + [061]
//
// PETRARCH-2 items are separated by blanks; "{A B}" is a noun phrase (head
// last), "(PREP obj...)" a prepositional phrase. A plain token with '_'
// ("COAST_GUARD") can never match in PETRARCH2; Parley reads it as the noun
// phrase {COAST GUARD}. TABARI tokens are words joined by '_' = adjacency
// (PatternElement::adjacent, always towards the verb). In both syntaxes
// '$' '+' '%' '^' are source, target, compound and skip markers, '&X' a
// synset (checked after the file is read).
#include "dict/dictionary_reader_internal.h"
#include "dict/verb_reader_internal.h"

namespace parley::dict_internal {
namespace {

using Kind = PatternElement::Kind;

// Element for one plain token (no braces / parentheses / '*').
PatternElement TokenElement(std::string_view tok, size_t offset, PatternContext* ctx) {
  PatternElement e;
  if (tok == "$") e.kind = Kind::kSource;
  else if (tok == "+") e.kind = Kind::kTarget;
  else if (tok == "%") e.kind = Kind::kCompound;
  else if (tok == "^") e.kind = Kind::kSkip;
  else if (tok[0] == '&') {
    e.kind = Kind::kSynset;
    std::string label = ToLower(tok.substr(1));
    while (!label.empty() && label.back() == '_') label.pop_back();
    e.words.push_back(label);
    ctx->synset_refs.push_back({label, offset});
  } else {
    Phrase words = SplitPhrase(tok);
    e.kind = words.size() > 1 ? Kind::kNounPhrase : Kind::kWord;
    e.words = std::move(words);
  }
  return e;
}

// Words of a "{A B &C}" group; synset words keep their '&'.
PatternElement NounPhrase(std::string_view inside, size_t offset, PatternContext* ctx) {
  PatternElement e;
  e.kind = Kind::kNounPhrase;
  for (std::string_view tok : SplitBlank(inside)) {
    if (tok[0] == '&') {
      std::string label = ToLower(tok.substr(1));
      while (!label.empty() && label.back() == '_') label.pop_back();
      ctx->synset_refs.push_back({label, offset});
      e.words.push_back("&" + label);
    } else {
      for (std::string& w : SplitPhrase(tok)) e.words.push_back(std::move(w));
    }
  }
  if (e.words.size() == 1 && e.words[0][0] != '&') e.kind = Kind::kWord;
  return e;
}

class P2Scanner {
 public:
  P2Scanner(const Line& line, size_t begin, size_t end, PatternContext* ctx)
      : line_(line), t_(line.text), pos_(begin), end_(end), ctx_(ctx) {}

  // Reads items until end_; '*' switches to the post half.
  bool Scan(VerbPattern* out) {
    bool star = false;
    while (Next()) {
      if (t_[pos_] == '*') {
        if (star) return Fail(pos_, "more than one '*' in a pattern", "*", "exactly one '*'", true);
        star = true;
        ++pos_;
        continue;
      }
      PatternElement e;
      if (!Item(/*in_prep=*/false, &e)) return false;
      (star ? out->post : out->pre).push_back(std::move(e));
    }
    if (!star) {
      return Fail(ctx_->dash, "pattern without '*'", std::string(Trim(t_.substr(ctx_->dash))),
                  "'*' where the verb stands, e.g. '- * WORD [CODE]'", true);
    }
    return true;
  }

 private:
  bool Next() {
    while (pos_ < end_ && IsBlank(t_[pos_])) ++pos_;
    return pos_ < end_;
  }

  bool Fail(size_t at, std::string msg, std::string text, std::string expected,
            bool structural = false) {
    if (structural) {
      ctx_->diags->Structural(line_, at, std::move(msg), std::move(text), std::move(expected));
    } else {
      ctx_->diags->Error(line_, at, std::move(msg), std::move(text), std::move(expected));
    }
    return false;
  }

  bool Item(bool in_prep, PatternElement* e) {
    char c = t_[pos_];
    if (c == '{') return Braces(e);
    if (c == '(') {
      if (in_prep) return Fail(pos_, "nested '('", t_.substr(pos_, end_ - pos_), "')'");
      return Prep(e);
    }
    if (c == '}' || c == ')') {
      return Fail(pos_, std::string("unmatched '") + c + "'", std::string(1, c),
                  c == '}' ? "'{' before it" : "'(' before it");
    }
    size_t start = pos_;
    while (pos_ < end_ && !IsBlank(t_[pos_]) && t_[pos_] != '(' && t_[pos_] != ')' &&
           t_[pos_] != '{' && t_[pos_] != '}' && (t_[pos_] != '*' || pos_ == start)) {
      ++pos_;
    }
    if (t_[start] == '*') return Fail(start, "'*' inside a phrase", "*", "'*' outside ( )");
    *e = TokenElement(std::string_view(t_).substr(start, pos_ - start), start, ctx_);
    return true;
  }

  bool Braces(PatternElement* e) {
    size_t close = t_.find('}', pos_);
    size_t nested = t_.find('{', pos_ + 1);
    if (close == std::string::npos || close >= end_) {
      return Fail(pos_, "unterminated '{'", t_.substr(pos_, end_ - pos_), "'}'");
    }
    if (nested < close) return Fail(nested, "nested '{'", t_.substr(pos_, close - pos_ + 1),
                                    "'{' groups cannot be nested");
    std::string_view inside = std::string_view(t_).substr(pos_ + 1, close - pos_ - 1);
    if (Trim(inside).empty()) return Fail(pos_, "empty '{}' in a pattern", "{}", "words");
    *e = NounPhrase(inside, pos_, ctx_);
    pos_ = close + 1;
    return true;
  }

  bool Prep(PatternElement* e) {
    size_t open = pos_;
    size_t close = open;
    bool in_brace = false;
    while (++close < end_) {
      if (t_[close] == '{') in_brace = true;
      if (t_[close] == '}') in_brace = false;
      if (t_[close] == ')' && !in_brace) break;
    }
    if (close >= end_) return Fail(open, "unterminated '('", t_.substr(open, end_ - open), "')'");
    e->kind = Kind::kPrep;
    P2Scanner inner(line_, open + 1, close, ctx_);
    if (!inner.Next()) return Fail(open, "empty '()' in a pattern", "()", "'(PREP ...)'");
    PatternElement prep;
    if (!inner.Item(true, &prep)) return false;
    if (prep.kind != Kind::kWord && prep.kind != Kind::kSynset) {
      return Fail(open, "'(' must be followed by a preposition", t_.substr(open, close - open + 1),
                  "'(PREP ...)'");
    }
    e->words = prep.kind == Kind::kSynset ? Phrase{"&" + prep.words[0]} : prep.words;
    while (inner.Next()) {
      if (t_[inner.pos_] == '*') return Fail(inner.pos_, "'*' inside '( )'", "*", "'*' outside");
      PatternElement obj;
      if (!inner.Item(true, &obj)) return false;
      e->object.push_back(std::move(obj));
    }
    pos_ = close + 1;
    return true;
  }

  const Line& line_;
  const std::string& t_;
  size_t pos_;
  size_t end_;
  PatternContext* ctx_;
};

// TABARI: each blank-separated token is a '_'-chain of adjacent parts.
bool ScanTabari(const Line& line, size_t begin, size_t end, PatternContext* ctx,
                VerbPattern* out) {
  const std::string& t = line.text;
  std::string_view body = std::string_view(t).substr(begin, end - begin);
  if (body.find('{') != std::string_view::npos) {
    ctx->diags->Warning(line, begin + body.find('{'),
                        "TABARI '{A | B}' alternatives are not supported; pattern skipped",
                        std::string(Trim(body)), "one pattern line per alternative");
    return false;
  }
  bool star = false;
  for (std::string_view tok : SplitBlank(body)) {
    size_t tok_off = static_cast<size_t>(tok.data() - t.data());
    bool joined = false;  // previous part was joined to this one with '_'
    size_t i = 0;
    while (i <= tok.size()) {
      size_t us = tok.find('_', i);
      if (us == std::string_view::npos) us = tok.size();
      std::string_view part = tok.substr(i, us - i);
      bool next_joined = us < tok.size() && us + 1 < tok.size();
      if (!part.empty()) {
        if (part == "*") {
          if (star) {
            ctx->diags->Structural(line, tok_off + i, "more than one '*' in a pattern", "*",
                              "exactly one '*'");
            return false;
          }
          star = true;
          if (joined && !out->pre.empty()) out->pre.back().adjacent = true;
          if (next_joined) ctx->adjacent_next = true;
        } else {
          PatternElement e = TokenElement(part, tok_off + i, ctx);
          if (star) {
            e.adjacent = ctx->adjacent_next || (joined && !out->post.empty());
            ctx->adjacent_next = false;
            out->post.push_back(std::move(e));
          } else {
            if (joined && !out->pre.empty()) out->pre.back().adjacent = true;
            out->pre.push_back(std::move(e));
          }
        }
        joined = next_joined;
      }
      i = us + 1;
    }
    ctx->adjacent_next = false;
  }
  if (!star) {
    ctx->diags->Structural(line, ctx->dash, "pattern without '*'",
                      std::string(Trim(t.substr(ctx->dash))),
                      "'*' where the verb stands, e.g. '- * WORD [CODE]'");
    return false;
  }
  return true;
}

// Reads "[A]", "[A:B]", "[:B]", "[---]" at the end of the pattern.
bool ParsePatternCode(const Line& line, PatternContext* ctx, size_t* code_start,
                      VerbPattern* out) {
  const std::string& t = line.text;
  size_t open = t.rfind('[');
  if (open == std::string::npos || open < ctx->dash) {
    ctx->diags->Error(line, ctx->dash, "code missing", std::string(Trim(t.substr(ctx->dash))),
                      "'[CODE]' at the end of the pattern");
    return false;
  }
  size_t close = t.find(']', open);
  if (close == std::string::npos) {
    ctx->diags->Error(line, open, "unclosed bracket", t.substr(open), "']'");
    return false;
  }
  if (!Trim(std::string_view(t).substr(close + 1)).empty()) {
    ctx->diags->Error(line, close + 1, "text after the code",
                      std::string(Trim(std::string_view(t).substr(close + 1))),
                      "the code last ('#' starts a comment)");
    return false;
  }
  std::string inside(Trim(std::string_view(t).substr(open + 1, close - open - 1)));
  size_t colon = inside.find(':');
  out->code = std::string(Trim(std::string_view(inside).substr(0, colon)));
  if (colon != std::string::npos) {
    out->passive_code = std::string(Trim(std::string_view(inside).substr(colon + 1)));
  }
  if (out->code.empty() && out->passive_code.empty()) {
    ctx->diags->Error(line, open, "code missing", t.substr(open, close - open + 1),
                      "'[CODE]', '[CODE:PASSIVE]', '[:PASSIVE]' or '[---]'");
    return false;
  }
  for (const std::string* c : {&out->code, &out->passive_code}) {
    if (!c->empty() && !IsKnownEventCode(*c)) {
      ctx->diags->Warning(line, open, "unknown CAMEO code", *c,
                          "a code of dictionaries/cameo/cameo_codes.tsv or '---'");
    }
  }
  *code_start = open;
  return true;
}

}  // namespace

bool ParsePatternLine(const Line& line, size_t dash, VerbPattern::Syntax syntax,
                      PatternContext* ctx, VerbPattern* out) {
  ctx->dash = dash;
  ctx->adjacent_next = false;
  out->syntax = syntax;
  out->loc = ctx->diags->Loc(line, dash);
  out->text = std::string(Trim(line.text.substr(dash)));
  size_t code_start = 0;
  if (!ParsePatternCode(line, ctx, &code_start, out)) return false;
  if (syntax == VerbPattern::Syntax::kTabari) {
    return ScanTabari(line, dash + 1, code_start, ctx, out);
  }
  P2Scanner scanner(line, dash + 1, code_start, ctx);
  return scanner.Scan(out);
}

}  // namespace parley::dict_internal
