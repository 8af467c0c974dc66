#include "parley/event_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <map>
#include <pqxx/pqxx>

#include "corpus/synthetic_docs_testing.h"

namespace parley {
namespace {

using testing::Actor;
using testing::DocBuilder;

// Each test gets a fresh database: a temp SQLite file, or its own schema in
// the PostgreSQL database of TEST_PG_URL (tests run in parallel processes).
class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_';
    name = "t" + std::to_string(getpid()) + "_" + name;
    if (GetParam() == "sqlite") {
      path_ = (std::filesystem::temp_directory_path() / (name + ".db")).string();
      Cleanup();
      url_ = path_;
    } else {
      const char* pg = std::getenv("TEST_PG_URL");
      if (pg == nullptr || *pg == '\0') {
        GTEST_SKIP() << "PostgreSQL test skipped: TEST_PG_URL is not set (./setup.sh test starts "
                        "a throwaway server and sets it)";
      }
      pqxx::connection c(pg);
      pqxx::work w(c);
      w.exec("DROP SCHEMA IF EXISTS " + name + " CASCADE; CREATE SCHEMA " + name);
      w.commit();
      schema_ = name;
      url_ = std::string(pg) + (std::string(pg).find('?') == std::string::npos ? "?" : "&") +
             "options=-csearch_path%3D" + name;
    }
    auto s = EventStore::Open(url_);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }
  void TearDown() override {
    store_.reset();
    if (!path_.empty()) Cleanup();
    if (!schema_.empty()) {
      pqxx::connection c(std::getenv("TEST_PG_URL"));
      pqxx::work w(c);
      w.exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
      w.commit();
    }
  }
  void Cleanup() {
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + ext);
  }

  std::map<std::string, int64_t> Counts() {
    auto c = store_->Counts();
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    std::map<std::string, int64_t> m;
    if (c.ok()) m.insert(c->begin(), c->end());
    return m;
  }

  void Put(const std::vector<CodedDocument>& docs, const std::vector<Rejection>& rejects = {},
           PutStats* stats = nullptr) {
    PutStats local;
    Status s = store_->PutBatch(docs, rejects, stats ? stats : &local);
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  std::vector<std::string> Column(const std::string& sql) {
    std::vector<std::string> out;
    Status s = store_->Select(sql, {}, [&](const SqlRow& r) {
      std::string line;
      for (const SqlValue& v : r) line += SqlText(v) + "|";
      out.push_back(line);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }

  std::string EventIndexesSql() const {
    return GetParam() == "sqlite"
               ? "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'events_ix%' "
                 "ORDER BY name"
               : "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND "
                 "indexname LIKE 'events_ix%' ORDER BY indexname";
  }

  std::string path_, schema_, url_;
  std::unique_ptr<EventStore> store_;
};

std::vector<CodedDocument> SampleDocs() {
  return {DocBuilder("a", "France24", "2024-07-14")
              .Sentence("Israeli strikes killed 92 Palestinians, according to Hamas.")
              .Ev(Actor("ISRMIL", "Israeli army"), Actor("PSE", "Palestinians"), "190")
              .Fig("killed", 92, Actor("PSEREBHMS", "Hamas"))
              .Sentence("Hamas withdrew from the talks.")
              .Ev(Actor("PSEREBHMS", "Hamas"), Actor("ISR", "Israel"), "164")
              .Pos(Actor("PSEREBHMS", "Hamas"), Stance::kDemand, "permanent ceasefire")
              .Build(),
          DocBuilder("b", "Times", "2024-07-13")
              .Sentence("An Israeli strike in Khan Younis killed 90 people.")
              .Ev(Actor("ISR", "Israel"), Actor("PSE", "Palestinians"), "195")
              .Fig("killed", 20, Actor("PSEGOV", "Civil Defense"))
              .Build()};
}

TEST_P(StoreTest, ReingestOfTheSameDocumentsChangesNothing) {
  PutStats first, second;
  Put(SampleDocs(), {}, &first);
  auto before = Counts();
  Put(SampleDocs(), {}, &second);
  EXPECT_EQ(Counts(), before);
  EXPECT_EQ(first.inserted, 2u);
  EXPECT_EQ(second.unchanged, 2u);
  EXPECT_EQ(second.inserted + second.replaced, 0u);
  EXPECT_EQ(before["events"], 3);
  EXPECT_EQ(before["sentences"], 3);
}

TEST_P(StoreTest, ChangedDocumentReplacesItsRows) {
  Put(SampleDocs());
  auto changed = DocBuilder("a", "France24", "2024-07-14")
                     .Sentence("Corrected: Israeli strikes hit Gaza.")
                     .Ev(Actor("ISRMIL"), Actor("PSE"), "193")
                     .Hash("h-a-v2")
                     .Build();
  PutStats stats;
  Put({changed}, {}, &stats);
  EXPECT_EQ(stats.replaced, 1u);
  auto counts = Counts();
  EXPECT_EQ(counts["documents"], 2);
  EXPECT_EQ(counts["events"], 2);
  EXPECT_EQ(counts["figures"], 1);
  EXPECT_EQ(counts["positions"], 0);
  EXPECT_EQ(Column("SELECT code FROM events WHERE doc = 'a'"), std::vector<std::string>{"193|"});
  EXPECT_TRUE(*store_->IsStored("a", "h-a-v2"));
  EXPECT_FALSE(*store_->IsStored("a", "h-a"));
}

TEST_P(StoreTest, SameIdTwiceInOneBatchKeepsTheLastVersion) {
  auto v1 = DocBuilder("x", "X", "2024-01-01").Ev(Actor("ISR"), Actor("PSE"), "190").Build();
  auto v2 = DocBuilder("x", "X", "2024-01-01").Ev(Actor("ISR"), Actor("PSE"), "180").Hash("v2").Build();
  Put({v1, v2});
  EXPECT_EQ(Column("SELECT code FROM events"), std::vector<std::string>{"180|"});
}

TEST_P(StoreTest, RejectionsAreStoredOnceWithTheirReason) {
  Rejection r{"in.jsonl", 7, "d7", 6, "invalid UTF-8 at byte 12"};
  Put({}, {r});
  Put({}, {r});
  EXPECT_EQ(Column("SELECT origin, line, doc, reason FROM rejects"),
            std::vector<std::string>{"in.jsonl|7|d7|invalid UTF-8 at byte 12|"});
}

TEST_P(StoreTest, RecomputeMergesAcrossDocumentsAndClearsTheStaleFlag) {
  Put(SampleDocs());
  EXPECT_TRUE(*store_->CorpusStale());
  RecomputeStats stats;
  Status s = store_->Recompute(RecomputeOptions(), &stats);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_FALSE(*store_->CorpusStale());
  EXPECT_EQ(stats.multi_mention, 1u);
  EXPECT_EQ(Column("SELECT n_docs, n_outlets, outlets, conflicting FROM merged_events "
                   "WHERE n_mentions > 1"),
            std::vector<std::string>{"2|2|France24;Times|1|"});
  EXPECT_EQ(Column("SELECT dyad, state FROM negotiations"),
            std::vector<std::string>{"ISR-PSE|suspended|"});
  auto before = Counts();
  ASSERT_TRUE(store_->Recompute(RecomputeOptions(), &stats).ok());
  EXPECT_EQ(Counts(), before);
}

// The recompute uses the records the store kept in memory; a store opened
// afterwards reads them back from the database. Both must give the same
// corpus tables, also after replacements (in another batch and in one batch).
TEST_P(StoreTest, RecomputeFromMemoryEqualsRecomputeFromTheDatabase) {
  auto talks = [](const char* hash, const char* code) {
    return DocBuilder("c", "Ahram", "2024-07-15")
        .Sentence("Hamas negotiators met Egyptian mediators in Cairo.")
        .Ev(Actor("PSEREBHMS", "Hamas"), Actor("EGY", "Egypt"), code)
        .Sentence("Israel rejected the proposal.")
        .Ev(Actor("ISR", "Israel"), Actor("PSE", "Palestinians"), "125")
        .Pos(Actor("ISR", "Israel"), Stance::kReject, "withdrawal")
        .Hash(hash)
        .Build();
  };
  Put(SampleDocs());
  Put({talks("v1", "040"), SampleDocs()[1]});
  Put({talks("v2", "046"), talks("v3", "043")});
  ASSERT_TRUE(store_->Recompute(RecomputeOptions(), nullptr).ok());
  const char* kCorpus[] = {
      "SELECT * FROM merged_events ORDER BY id", "SELECT * FROM event_mentions ORDER BY doc, idx",
      "SELECT * FROM merged_figures ORDER BY merged_id, doc, figure_idx",
      "SELECT * FROM negotiations ORDER BY id",
      "SELECT * FROM negotiation_items ORDER BY negotiation_id, idx",
      "SELECT * FROM negotiation_sources ORDER BY negotiation_id, item_idx, doc, sentence",
      "SELECT * FROM negotiation_positions ORDER BY negotiation_id, idx"};
  std::vector<std::vector<std::string>> from_memory;
  for (const char* q : kCorpus) from_memory.push_back(Column(q));
  EXPECT_EQ(Column("SELECT code FROM event_mentions m JOIN events e ON e.doc = m.doc AND "
                   "e.idx = m.idx WHERE m.doc = 'c' ORDER BY m.idx"),
            (std::vector<std::string>{"043|", "125|"}));
  store_.reset();
  auto reopened = EventStore::Open(url_);
  ASSERT_TRUE(reopened.ok()) << reopened.status().ToString();
  store_ = std::move(*reopened);
  ASSERT_TRUE(store_->Recompute(RecomputeOptions(), nullptr).ok());
  for (size_t i = 0; i < std::size(kCorpus); ++i) {
    EXPECT_EQ(Column(kCorpus[i]), from_memory[i]) << kCorpus[i];
  }
}

TEST_P(StoreTest, EveryValueRoundTrips) {
  auto d = DocBuilder("q", "O'Neil \"quoted\"\ttab", "2024-02-29")
               .Sentence("Line\nbreak and back\\slash and ? mark")
               .Ev(Actor("USAGOV", "United States", "the US"), std::nullopt, "010")
               .Build();
  Put({d});
  EXPECT_EQ(Column("SELECT outlet, date FROM documents"),
            std::vector<std::string>{"O'Neil \"quoted\"\ttab|2024-02-29|"});
  EXPECT_EQ(Column("SELECT text FROM sentences"),
            std::vector<std::string>{"Line\nbreak and back\\slash and ? mark|"});
  EXPECT_EQ(Column("SELECT source_country, target_code, spans FROM events"),
            std::vector<std::string>{"USA||[{\"end\":4,\"role\":\"verb\",\"start\":0}]|"});
}

TEST_P(StoreTest, OnlySentencesThatRecordsReferToAreStored) {
  auto d = DocBuilder("s", "X", "2024-01-01")
               .Sentence("Nothing happens here.")
               .Sentence("Israel struck Gaza.")
               .Ev(Actor("ISR"), Actor("PSE"), "190")
               .Build();
  Put({d});
  EXPECT_EQ(Column("SELECT i, text FROM sentences"),
            std::vector<std::string>{"1|Israel struck Gaza.|"});
}

// A load into an empty store builds the secondary indexes after the load:
// absent while it runs (meta says so), present after the recompute, kept
// by later loads into the non-empty store.
TEST_P(StoreTest, IndexesDeferredByALoadIntoAnEmptyStoreAreBuiltByTheRecompute) {
  const std::vector<std::string> all = {"events_ix1|", "events_ix2|", "events_ix3|",
                                        "events_ix4|", "events_ix5|"};
  EXPECT_EQ(Column(EventIndexesSql()), all);
  Put(SampleDocs());
  EXPECT_EQ(Column(EventIndexesSql()), std::vector<std::string>{});
  EXPECT_EQ(Column("SELECT value FROM meta WHERE key = 'indexes_deferred'"),
            std::vector<std::string>{"1|"});
  ASSERT_TRUE(store_->Recompute(RecomputeOptions(), nullptr).ok());
  EXPECT_EQ(Column(EventIndexesSql()), all);
  EXPECT_EQ(Column("SELECT value FROM meta WHERE key = 'indexes_deferred'"),
            std::vector<std::string>{});
  Put({DocBuilder("z", "X", "2024-01-02").Ev(Actor("ISR"), Actor("PSE"), "190").Build()});
  EXPECT_EQ(Column(EventIndexesSql()), all);
}

// A killed load leaves its indexes deferred; the next Open builds them.
TEST_P(StoreTest, IndexesLeftDeferredAreBuiltByTheNextOpen) {
  Put(SampleDocs());
  EXPECT_EQ(Column(EventIndexesSql()).size(), 0u);
  auto rerun = EventStore::Open(url_);
  ASSERT_TRUE(rerun.ok()) << rerun.status().ToString();
  EXPECT_EQ(Column(EventIndexesSql()).size(), 5u);
  EXPECT_EQ(Column("SELECT value FROM meta WHERE key = 'indexes_deferred'").size(), 0u);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& info) { return info.param; });

TEST(EventStoreOpen, AllSentencesOptionKeepsEverySentence) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("all_sentences_" + std::to_string(getpid()) + ".db")).string();
  std::filesystem::remove(path);
  {
    auto s = EventStore::Open(path, StoreOptions{.all_sentences = true});
    ASSERT_TRUE(s.ok());
    auto d = DocBuilder("s", "X", "2024-01-01")
                 .Sentence("Nothing happens here.")
                 .Sentence("Israel struck Gaza.")
                 .Ev(Actor("ISR"), Actor("PSE"), "190")
                 .Build();
    PutStats stats;
    ASSERT_TRUE((*s)->PutBatch(std::vector<CodedDocument>{d}, {}, &stats).ok());
    auto counts = (*s)->Counts();
    ASSERT_TRUE(counts.ok());
    EXPECT_EQ((*counts)[1], (std::pair<std::string, int64_t>("sentences", 2)));
  }
  for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path + ext);
}

TEST(EventStoreOpen, UnreachableServerIsUnavailable) {
  auto s = EventStore::Open("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(s.status().message().find("secret"), std::string::npos);
}

TEST(EventStoreOpen, UnwritablePathIsUnavailable) {
  auto s = EventStore::Open("/nonexistent-dir/parley.db");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace parley
