#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "parley/pipeline.h"
#include "pipeline/engine_internal.h"
#include "pipeline/json_output.h"

namespace parley {
namespace {

bool HaveWordNet() { return ::access("/usr/share/wordnet/index.noun", R_OK) == 0; }

// One engine with Parley's bundled dictionaries for all tests (loading takes
// about a second).
const Engine* DefaultEngine() {
  static StatusOr<std::unique_ptr<Engine>> engine = Engine::Create({});
  EXPECT_TRUE(engine.ok()) << engine.status().ToString();
  return engine.ok() ? engine->get() : nullptr;
}

Document MakeDocument(std::string text) {
  Document d;
  d.id = "t-1";
  d.origin = "test.jsonl";
  d.line = 3;
  d.ordinal = 2;
  d.date = Date::FromYmd(2024, 7, 14);
  d.title = "Title";
  d.outlet = "Wire";
  d.url = "https://example.org/1";
  d.extra_json = R"("source":"x")";
  d.content_hash = "00ff";
  d.text = std::move(text);
  d.body.push_back({0, static_cast<uint32_t>(d.text.size())});
  return d;
}

std::string Json(const CodedDocument& c, bool sentences = false) {
  std::string out;
  AppendDocumentJson(c, {.sentences = sentences}, &out);
  return out;
}

TEST(DataDirectoryTest, EnvironmentVariableWinsOverTheSourceTree) {
  const char* old = std::getenv("PARLEY_DATA_DIR");
  const std::string saved = old ? old : "";
  ASSERT_EQ(0, setenv("PARLEY_DATA_DIR", "/opt/parley-data", 1));
  EXPECT_EQ("/opt/parley-data", DataDirectory());
  ASSERT_EQ(0, unsetenv("PARLEY_DATA_DIR"));
  EXPECT_EQ(PARLEY_SOURCE_DIR, DataDirectory());
  if (old) setenv("PARLEY_DATA_DIR", saved.c_str(), 1);
}

TEST(EngineCreateTest, MissingDictionaryDirectoryIsNamed) {
  if (!HaveWordNet()) GTEST_SKIP() << "WordNet data (wordnet-base) not installed";
  auto engine = Engine::Create({.dictionary_dirs = {"/nonexistent/parley-dicts"}});
  ASSERT_FALSE(engine.ok());
  EXPECT_NE(std::string::npos, engine.status().message().find("/nonexistent/parley-dicts"));
}

TEST(EngineCreateTest, BrokenDictionaryErrorsGiveFileAndLine) {
  if (!HaveWordNet()) GTEST_SKIP() << "WordNet data (wordnet-base) not installed";
  char tmpl[] = "/tmp/parley_engine_test_XXXXXX";
  ASSERT_NE(nullptr, mkdtemp(tmpl));
  const std::string dir = tmpl;
  std::ofstream(dir + "/Bad.actors.txt") << "ISRAEL [ISR\n";
  std::ofstream(dir + "/parley.dict") << "[dictionaries]\nactors = Bad.actors.txt\n";
  auto engine = Engine::Create({.dictionary_dirs = {dir}});
  ASSERT_FALSE(engine.ok());
  EXPECT_NE(std::string::npos, engine.status().message().find("Bad.actors.txt:1")) << engine.status().message();
  std::remove((dir + "/Bad.actors.txt").c_str());
  std::remove((dir + "/parley.dict").c_str());
  ::rmdir(dir.c_str());
}

TEST(EngineCodeTest, CarriesMetadataAndCodesAnAttack) {
  if (!HaveWordNet()) GTEST_SKIP() << "WordNet data (wordnet-base) not installed";
  const Engine* engine = DefaultEngine();
  ASSERT_NE(nullptr, engine);
  const Document doc = MakeDocument(
      "The weather was mild. Israel struck Gaza on Sunday. Nothing else happened.");
  auto scratch = engine->NewScratch();
  CodedDocument out;
  engine->Code(doc, scratch.get(), &out);
  EXPECT_EQ("t-1", out.doc);
  EXPECT_EQ("test.jsonl", out.origin);
  EXPECT_EQ(2u, out.ordinal);
  EXPECT_EQ(doc.date, out.date);
  EXPECT_EQ("Wire", out.outlet.value_or(""));
  EXPECT_EQ(R"("source":"x")", out.extra_json);
  EXPECT_EQ("00ff", out.content_hash);
  ASSERT_FALSE(out.events.empty());
  const Event& e = out.events[0];
  EXPECT_EQ("ISR", e.source.code);
  EXPECT_EQ("19", e.root);
  EXPECT_EQ(4, e.quad);
  EXPECT_FALSE(e.rule.empty());
  // Without emit_sentences only the sentences that records refer to are kept.
  ASSERT_EQ(1u, out.sentences.size());
  EXPECT_EQ(1u, out.sentences[0].i);
  EXPECT_EQ("Israel struck Gaza on Sunday.", out.sentences[0].text);
}

TEST(EngineCodeTest, SameDocumentSameBytesWithReusedOrFreshScratch) {
  if (!HaveWordNet()) GTEST_SKIP() << "WordNet data (wordnet-base) not installed";
  const Engine* engine = DefaultEngine();
  ASSERT_NE(nullptr, engine);
  const Document a = MakeDocument(
      "Egypt and Qatar held talks with Hamas leaders in Cairo on Monday, officials said. "
      "At least 12 people were killed, the health ministry said.");
  const Document b = MakeDocument("Russia shelled Kharkiv. Ukraine condemned the attack.");
  auto reused = engine->NewScratch();
  CodedDocument out;
  engine->Code(a, reused.get(), &out);
  const std::string first = Json(out);
  engine->Code(b, reused.get(), &out);
  engine->Code(a, reused.get(), &out);
  EXPECT_EQ(first, Json(out));
  auto fresh = engine->NewScratch();
  CodedDocument out2;
  engine->Code(a, fresh.get(), &out2);
  EXPECT_EQ(first, Json(out2));
}

TEST(EngineCodeTest, ExplainNamesRulesAndWords) {
  if (!HaveWordNet()) GTEST_SKIP() << "WordNet data (wordnet-base) not installed";
  const Engine* engine = DefaultEngine();
  ASSERT_NE(nullptr, engine);
  auto scratch = engine->NewScratch();
  const std::string text = engine->Explain(MakeDocument("Israel struck Gaza on Sunday."), scratch.get());
  EXPECT_NE(std::string::npos, text.find("=== document t-1 (test.jsonl:3)"));
  EXPECT_NE(std::string::npos, text.find("--- text analysis"));
  EXPECT_NE(std::string::npos, text.find("rule    Parley.verbs.txt:"));
  EXPECT_NE(std::string::npos, text.find("verb      \"struck\""));
}

}  // namespace
}  // namespace parley
