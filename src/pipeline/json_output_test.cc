#include "pipeline/json_output.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

namespace parley {
namespace {

std::string Str(std::string_view s) {
  std::string out;
  AppendJsonString(s, &out);
  return out;
}

std::string Num(double v) {
  std::string out;
  AppendJsonNumber(v, &out);
  return out;
}

TEST(JsonStringTest, EscapesQuotesBackslashesAndControlCharacters) {
  struct Case {
    std::string in, want;
  };
  const Case cases[] = {
      {"plain", "\"plain\""},
      {"say \"no\"", "\"say \\\"no\\\"\""},
      {"a\\b", "\"a\\\\b\""},
      {"line\nbreak\ttab\rcr", "\"line\\nbreak\\ttab\\rcr\""},
      {std::string("nul\0x", 5), "\"nul\\u0000x\""},
      {"\x01\x1f\x7f", "\"\\u0001\\u001f\x7f\""},
      {"\b\f", "\"\\b\\f\""},
      {"", "\"\""},
  };
  for (const Case& c : cases) EXPECT_EQ(c.want, Str(c.in)) << c.in;
}

TEST(JsonStringTest, KeepsValidUtf8AndReplacesInvalidBytes) {
  struct Case {
    std::string in, want;
  };
  const Case cases[] = {
      {"caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d \xf0\x9f\x98\x80",
       "\"caf\xc3\xa9 \xe2\x80\x9cq\xe2\x80\x9d \xf0\x9f\x98\x80\""},
      {"bad \xff end", "\"bad \\ufffd end\""},
      {"trunc \xe2\x80", "\"trunc \\ufffd\\ufffd\""},
      {"overlong \xc0\xaf", "\"overlong \\ufffd\\ufffd\""},
      {"surrogate \xed\xa0\x80", "\"surrogate \\ufffd\\ufffd\\ufffd\""},
      {"lone continuation \x80", "\"lone continuation \\ufffd\""},
  };
  for (const Case& c : cases) EXPECT_EQ(c.want, Str(c.in)) << c.in;
}

// The escaping a byte-at-a-time writer produces (the contract above),
// against which the 8-bytes-at-a-time scan is checked.
std::string ReferenceJsonString(std::string_view s) {
  std::string out = "\"";
  for (size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // A sequence of at most 4 bytes goes through the byte-by-byte path.
      size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
      std::string seq;
      const bool fits = n > 0 && i + n <= s.size();
      if (fits) AppendJsonString(s.substr(i, n), &seq);
      if (fits && seq.find("\\ufffd") == std::string::npos) {
        out.append(s.substr(i, n));
        i += n;
      } else {
        out.append("\\ufffd");
        ++i;
      }
      continue;
    }
    std::string esc;
    AppendJsonString(s.substr(i, 1), &esc);
    out.append(esc, 1, esc.size() - 2);
    ++i;
  }
  return out + "\"";
}

TEST(JsonStringTest, SpecialBytesAtEveryOffsetOfLongStrings) {
  // Each special byte (or sequence) at every position of a 0-40 byte plain
  // text: the word-at-a-time scan must find it wherever it sits.
  const std::string specials[] = {"\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\x7f",
                                  "\xc3\xa9", "\xe2\x80\x9c", "\xf0\x9f\x98\x80",
                                  "\xff", "\xe2\x80", "\xc0\xaf"};
  for (const std::string& sp : specials) {
    for (size_t len = 0; len <= 40; ++len) {
      for (size_t at = 0; at <= len; ++at) {
        std::string in = std::string(at, 'a') + sp + std::string(len - at, 'b');
        EXPECT_EQ(ReferenceJsonString(in), Str(in)) << "len " << len << " at " << at;
      }
    }
  }
  EXPECT_EQ("\"" + std::string(100, 'x') + "\"", Str(std::string(100, 'x')));
  EXPECT_EQ("\"" + std::string(17, 'x') + "\\\"\"", Str(std::string(17, 'x') + "\""));
}

TEST(JsonNumberTest, IntegralValuesHaveNoFraction) {
  EXPECT_EQ("40200", Num(40200));
  EXPECT_EQ("-10", Num(-10));
  EXPECT_EQ("0", Num(0));
  EXPECT_EQ("1000000", Num(1e6));
  EXPECT_EQ("1200000", Num(1.2e6));
  EXPECT_EQ("2.8", Num(2.8));
  EXPECT_EQ("-0.5", Num(-0.5));
  EXPECT_EQ("null", Num(std::numeric_limits<double>::quiet_NaN()));
  EXPECT_EQ("null", Num(std::numeric_limits<double>::infinity()));
}

ActorRef Actor(std::string code, std::string name, std::string text, uint32_t s, uint32_t e) {
  ActorRef a;
  a.code = std::move(code);
  a.name = std::move(name);
  a.text = std::move(text);
  a.start = s;
  a.end = e;
  return a;
}

CodedDocument SampleDocument() {
  CodedDocument d;
  d.doc = "jp-1";
  d.date = Date::FromYmd(2024, 7, 14);
  d.title = "Strike";
  d.sentences.push_back({0, 0, 30, "Israel struck Gaza on Sunday."});
  d.sentences.push_back({2, 60, 90, "Hamas said 90 were killed."});
  Event e;
  e.sentence = 0;
  e.source = Actor("ISR", "Israel", "Israel", 0, 6);
  e.target = Actor("PSE", "Gaza", "Gaza", 14, 18);
  e.target->framing = "the Strip";
  e.code = "195";
  e.root = "19";
  e.quad = 4;
  e.goldstein = -10;
  e.plover = "ASSAULT";
  e.date = Date::FromYmd(2024, 7, 14);
  e.rule = "Parley.verbs.txt:812";
  e.spans = {{"source", 0, 6}, {"verb", 7, 13}, {"pattern", 7, 13}, {"pattern", 14, 18}};
  d.events.push_back(e);
  Figure f;
  f.sentence = 2;
  f.kind = "killed";
  f.value = 90;
  f.qualifier = Qualifier::kAtLeast;
  f.said_by = Actor("PSEREBHMS", "Hamas", "Hamas", 60, 65);
  f.cumulative = true;
  f.rule = "claims/figures.txt:3";
  d.figures.push_back(f);
  return d;
}

TEST(DocumentJsonTest, WritesTheDocumentedContract) {
  std::string out;
  AppendDocumentJson(SampleDocument(), {}, &out);
  const std::string want =
      R"({"doc":"jp-1","date":"2024-07-14","title":"Strike","outlet":null,"events":[)"
      R"({"sentence":0,"text":"Israel struck Gaza on Sunday.",)"
      R"("source":{"code":"ISR","name":"Israel","text":"Israel","start":0,"end":6},)"
      R"("target":{"code":"PSE","name":"Gaza","text":"Gaza","start":14,"end":18,"framing":"the Strip"},)"
      R"("code":"195","root":"19","quad":4,"goldstein":-10,"plover":"ASSAULT","fact":"asserted",)"
      R"("said_by":null,"date":"2024-07-14","rule":"Parley.verbs.txt:812",)"
      R"("spans":{"source":[0,6],"verb":[7,13],"pattern":[7,13],"pattern_2":[14,18]}}],)"
      R"("figures":[{"sentence":2,"text":"Hamas said 90 were killed.","kind":"killed","value":90,)"
      R"("qualifier":"at_least","cumulative":true,"victims":null,)"
      R"("said_by":{"code":"PSEREBHMS","name":"Hamas","text":"Hamas","start":60,"end":65},)"
      R"("date":null,"fact":"asserted","rule":"claims/figures.txt:3","spans":{}}],"positions":[]})"
      "\n";
  EXPECT_EQ(want, out);
}

TEST(DocumentJsonTest, SentencesAndInputFieldsOnlyWhenPresent) {
  CodedDocument d;
  d.doc = "x";
  d.extra_json = R"("source":"bbc","n":3)";
  d.url = "https://example.org/a";
  d.sentences.push_back({0, 0, 3, "Hi."});
  std::string plain, with_sentences;
  AppendDocumentJson(d, {}, &plain);
  AppendDocumentJson(d, {.sentences = true}, &with_sentences);
  EXPECT_EQ(R"({"doc":"x","date":null,"title":null,"outlet":null,"url":"https://example.org/a",)"
            R"("input":{"source":"bbc","n":3},"events":[],"figures":[],"positions":[]})"
            "\n",
            plain);
  EXPECT_NE(std::string::npos,
            with_sentences.find(R"("sentences":[{"i":0,"start":0,"end":3,"text":"Hi."}])"));
}

TEST(RejectionJsonTest, UnknownDocumentIdIsNull) {
  std::string out;
  AppendRejectionJson({"in.jsonl", 7, "", 6, "invalid JSON: missing '}'"}, &out);
  EXPECT_EQ(R"({"origin":"in.jsonl","line":7,"doc":null,"reason":"invalid JSON: missing '}'"})"
            "\n",
            out);
}

}  // namespace
}  // namespace parley
