#include "pipeline/json_output.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>

namespace parley {
namespace {

constexpr char kHex[] = "0123456789abcdef";

// Length of the valid UTF-8 sequence starting at s[i], or 0 when the bytes
// there are not one (overlong, surrogate, truncated, > U+10FFFF).
size_t ValidUtf8Length(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const auto cont = [&](size_t k) { return i + k < s.size() && (b(k) & 0xC0) == 0x80; };
  const unsigned char c = b(0);
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && b(1) < 0xA0) return 0;   // overlong
    if (c == 0xED && b(1) >= 0xA0) return 0;  // UTF-16 surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && b(1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && b(1) >= 0x90) return 0;  // > U+10FFFF
    return 4;
  }
  return 0;
}

void AppendEscapedAscii(unsigned char c, std::string* out) {
  switch (c) {
    case '"': out->append("\\\""); return;
    case '\\': out->append("\\\\"); return;
    case '\n': out->append("\\n"); return;
    case '\r': out->append("\\r"); return;
    case '\t': out->append("\\t"); return;
    case '\b': out->append("\\b"); return;
    case '\f': out->append("\\f"); return;
    default: break;
  }
  const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
  out->append(u, sizeof(u));
}

bool NeedsEscape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\' || c >= 0x80; }

// True when one of the 8 bytes of v needs a look (NeedsEscape): a control
// byte, '"', '\\' or a non-ASCII byte. Exact as a yes/no answer (the usual
// "has a zero byte" bit trick), so plain ASCII text is scanned 8 bytes at a
// time.
inline bool AnySpecial(uint64_t v) {
  constexpr uint64_t kOnes = 0x0101010101010101ull;
  constexpr uint64_t kHigh = 0x8080808080808080ull;
  const auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const uint64_t control = (v - 0x20 * kOnes) & ~v & kHigh;  // a byte < 0x20
  return ((v & kHigh) | control | has_zero(v ^ ('"' * kOnes)) | has_zero(v ^ ('\\' * kOnes))) != 0;
}

// End of the run of bytes from i on that are copied as they are: ASCII that
// needs no escape and valid UTF-8 sequences.
size_t PlainRunEnd(std::string_view s, size_t i) {
  const size_t n = s.size();
  const char* p = s.data();
  while (i < n) {
    while (i + 8 <= n) {
      uint64_t v;
      std::memcpy(&v, p + i, 8);
      if (AnySpecial(v)) break;
      i += 8;
    }
    while (i < n && !NeedsEscape(static_cast<unsigned char>(p[i]))) ++i;
    if (i == n || static_cast<unsigned char>(p[i]) < 0x80) return i;
    const size_t len = ValidUtf8Length(s, i);
    if (len == 0) return i;
    i += len;
  }
  return i;
}

// Small helpers that keep the per-record writers readable. `first` tracks
// whether a comma is needed before the next member.
class ObjectWriter {
 public:
  explicit ObjectWriter(std::string* out) : out_(out) { out_->push_back('{'); }
  ~ObjectWriter() { out_->push_back('}'); }
  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  // Appends the key and returns the buffer for the value. Keys are ASCII
  // identifiers chosen here (or span roles): one append of ,"key":
  std::string* Key(std::string_view key) {
    char buf[64];
    if (key.size() > sizeof(buf) - 4) return LongKey(key);
    size_t n = 0;
    buf[n] = ',';
    n += first_ ? 0 : 1;
    first_ = false;
    buf[n++] = '"';
    std::memcpy(buf + n, key.data(), key.size());
    n += key.size();
    buf[n++] = '"';
    buf[n++] = ':';
    out_->append(buf, n);
    return out_;
  }
  void String(std::string_view key, std::string_view v) { AppendJsonString(v, Key(key)); }
  void Number(std::string_view key, double v) { AppendJsonNumber(v, Key(key)); }
  void Int(std::string_view key, uint64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof(buf), v);
    Key(key)->append(buf, r.ptr);
  }
  void Null(std::string_view key) { Key(key)->append("null"); }
  void Bool(std::string_view key, bool v) { Key(key)->append(v ? "true" : "false"); }
  void OptString(std::string_view key, const std::optional<std::string>& v) {
    if (v) String(key, *v); else Null(key);
  }
  void OptDate(std::string_view key, const std::optional<Date>& d) {
    if (d) String(key, d->ToString()); else Null(key);
  }

 private:
  std::string* LongKey(std::string_view key) {
    if (!first_) out_->push_back(',');
    first_ = false;
    out_->push_back('"');
    out_->append(key);
    out_->append("\":");
    return out_;
  }

  std::string* out_;
  bool first_ = true;
};

void AppendRange(uint32_t start, uint32_t end, std::string* out) {
  char buf[32];
  out->push_back('[');
  out->append(buf, std::to_chars(buf, buf + sizeof(buf), start).ptr);
  out->push_back(',');
  out->append(buf, std::to_chars(buf, buf + sizeof(buf), end).ptr);
  out->push_back(']');
}

void AppendActor(const ActorRef& a, std::string* out) {
  ObjectWriter o(out);
  o.String("code", a.code);
  o.String("name", a.name);
  o.String("text", a.text);
  o.Int("start", a.start);
  o.Int("end", a.end);
  if (!a.framing.empty()) o.String("framing", a.framing);
}

void OptActor(ObjectWriter* o, std::string_view key, const std::optional<ActorRef>& a) {
  if (a) AppendActor(*a, o->Key(key)); else o->Null(key);
}

// {"source":[s,e],"verb":[s,e],...} in the order the stage recorded them.
// A role that occurs again gets a numeric suffix ("pattern", "pattern_2") so
// that keys stay unique.
void AppendSpans(const std::vector<Span>& spans, std::string* out) {
  ObjectWriter o(out);
  std::string key;
  for (size_t i = 0; i < spans.size(); ++i) {
    int seen = 1;
    for (size_t j = 0; j < i; ++j) seen += spans[j].role == spans[i].role;
    key = spans[i].role;
    if (seen > 1) {
      key.push_back('_');
      key.append(std::to_string(seen));
    }
    AppendRange(spans[i].start, spans[i].end, o.Key(key));
  }
}

std::string_view SentenceText(const CodedDocument& doc, uint32_t i) {
  // Records are in increasing `i`; all of them or only the referenced ones.
  auto it = std::lower_bound(doc.sentences.begin(), doc.sentences.end(), i,
                             [](const SentenceRecord& r, uint32_t k) { return r.i < k; });
  if (it == doc.sentences.end() || it->i != i) return {};
  return it->text;
}

void AppendEvent(const CodedDocument& doc, const Event& e, std::string* out) {
  ObjectWriter o(out);
  o.Int("sentence", e.sentence);
  o.String("text", SentenceText(doc, e.sentence));
  AppendActor(e.source, o.Key("source"));
  OptActor(&o, "target", e.target);
  o.String("code", e.code);
  o.String("root", e.root);
  o.Int("quad", static_cast<uint64_t>(std::max(e.quad, 0)));
  o.Number("goldstein", e.goldstein);
  o.String("plover", e.plover);
  o.String("fact", FactName(e.fact));
  if (!e.fact_cue.empty()) o.String("fact_cue", e.fact_cue);
  if (!e.hedge.empty()) o.String("hedge", e.hedge);
  OptActor(&o, "said_by", e.said_by);
  o.OptDate("date", e.date);
  o.String("rule", e.rule);
  AppendSpans(e.spans, o.Key("spans"));
}

void AppendFigure(const CodedDocument& doc, const Figure& f, std::string* out) {
  ObjectWriter o(out);
  o.Int("sentence", f.sentence);
  o.String("text", SentenceText(doc, f.sentence));
  o.String("kind", f.kind);
  if (!f.what.empty()) o.String("what", f.what);
  o.Number("value", f.value);
  o.String("qualifier", QualifierName(f.qualifier));
  if (f.cumulative) o.Bool("cumulative", true);
  OptActor(&o, "victims", f.victims);
  OptActor(&o, "said_by", f.said_by);
  o.OptDate("date", f.date);
  o.String("fact", FactName(f.fact));
  o.String("rule", f.rule);
  AppendSpans(f.spans, o.Key("spans"));
}

void AppendPosition(const CodedDocument& doc, const Position& p, std::string* out) {
  ObjectWriter o(out);
  o.Int("sentence", p.sentence);
  o.String("text", SentenceText(doc, p.sentence));
  AppendActor(p.party, o.Key("party"));
  o.String("stance", StanceName(p.stance));
  o.String("item", p.item);
  if (!p.item_text.empty()) o.String("item_text", p.item_text);
  OptActor(&o, "said_by", p.said_by);
  o.OptDate("date", p.date);
  o.String("fact", FactName(p.fact));
  o.String("rule", p.rule);
  AppendSpans(p.spans, o.Key("spans"));
}

void AppendSentences(const CodedDocument& doc, std::string* out) {
  out->push_back('[');
  for (size_t k = 0; k < doc.sentences.size(); ++k) {
    if (k) out->push_back(',');
    const SentenceRecord& s = doc.sentences[k];
    ObjectWriter o(out);
    o.Int("i", s.i);
    o.Int("start", s.start);
    o.Int("end", s.end);
    o.String("text", s.text);
  }
  out->push_back(']');
}

template <typename T, typename Fn>
void AppendArray(const CodedDocument& doc, const std::vector<T>& items, Fn fn,
                 std::string* out) {
  out->push_back('[');
  for (size_t k = 0; k < items.size(); ++k) {
    if (k) out->push_back(',');
    fn(doc, items[k], out);
  }
  out->push_back(']');
}

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  out->reserve(out->size() + s.size() + 2);
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    const size_t run = PlainRunEnd(s, i);
    out->append(s.data() + i, run - i);
    i = run;
    if (i == s.size()) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      AppendEscapedAscii(c, out);
    } else {
      out->append("\\ufffd");  // PlainRunEnd stops only at invalid UTF-8
    }
    ++i;
  }
  out->push_back('"');
}

void AppendJsonNumber(double value, std::string* out) {
  if (!std::isfinite(value)) {
    out->append("null");
    return;
  }
  char buf[64];
  constexpr double kMaxExact = 9007199254740992.0;  // 2^53
  if (value == std::trunc(value) && std::fabs(value) <= kMaxExact) {
    const int64_t i = static_cast<int64_t>(value);
    out->append(buf, std::to_chars(buf, buf + sizeof(buf), i).ptr);
    return;
  }
  out->append(buf, std::to_chars(buf, buf + sizeof(buf), value).ptr);
}

void AppendDocumentJson(const CodedDocument& doc, const JsonOutputOptions& options,
                        std::string* out) {
  {
    ObjectWriter o(out);
    o.String("doc", doc.doc);
    o.OptDate("date", doc.date);
    if (doc.date && !doc.date_source.empty()) o.String("date_source", doc.date_source);
    o.OptString("title", doc.title);
    o.OptString("outlet", doc.outlet);
    if (doc.url) o.String("url", *doc.url);
    if (doc.language) o.String("language", *doc.language);
    if (!doc.extra_json.empty()) {
      std::string* v = o.Key("input");
      v->push_back('{');
      v->append(doc.extra_json);  // already serialized JSON members (ingest)
      v->push_back('}');
    }
    if (options.sentences) AppendSentences(doc, o.Key("sentences"));
    AppendArray(doc, doc.events, AppendEvent, o.Key("events"));
    AppendArray(doc, doc.figures, AppendFigure, o.Key("figures"));
    AppendArray(doc, doc.positions, AppendPosition, o.Key("positions"));
  }
  out->push_back('\n');
}

void AppendRejectionJson(const Rejection& rejection, std::string* out) {
  {
    ObjectWriter o(out);
    o.String("origin", rejection.origin);
    o.Int("line", rejection.line);
    if (rejection.doc.empty()) o.Null("doc"); else o.String("doc", rejection.doc);
    o.String("reason", rejection.reason);
  }
  out->push_back('\n');
}

}  // namespace parley
