#include "query/query.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <pqxx/pqxx>
#include <sstream>

#include "corpus/synthetic_docs_testing.h"

namespace parley::query {
namespace {

using testing::Actor;
using testing::DocBuilder;

std::vector<CodedDocument> Corpus() {
  return {DocBuilder("a", "France24", "2024-07-14")
              .Sentence("Israeli strikes killed 92 Palestinians, according to Hamas.")
              .Ev(Actor("ISRMIL", "Israeli army"), Actor("PSE", "Palestinians"), "190")
              .Fig("killed", 92, Actor("PSEREBHMS", "Hamas"))
              .Sentence("Hamas withdrew from the talks in Doha.")
              .Ev(Actor("PSEREBHMS", "Hamas"), Actor("ISR", "Israel"), "164")
              .Pos(Actor("PSEREBHMS", "Hamas"), Stance::kDemand, "permanent ceasefire")
              .Build(),
          DocBuilder("b", "Times", "2024-07-13")
              .Sentence("An Israeli strike killed 20 people, the Civil Defense said.")
              .Ev(Actor("ISR", "Israel"), Actor("PSE", "Palestinians"), "195")
              .SaidBy(Actor("PSEGOV", "Civil Defense"))
              .Fig("killed", 20, Actor("PSEGOV", "Civil Defense"))
              .Build(),
          DocBuilder("c", "AFP", "2024-05-05")
              .Sentence("Hamas negotiators met Egyptian mediators in Cairo.")
              .Ev(Actor("PSEREBHMS", "Hamas"), Actor("EGY", "Egypt"), "046")
              .Sentence("Israeli forces shelled Rafah.")
              .Ev(Actor("ISRMIL"), Actor("PSE"), "195", nullptr, Fact::kNegated)
              .Build()};
}

// A store filled with Corpus(): SQLite in a temp file, or PostgreSQL in a
// fresh schema of TEST_PG_URL.
class Fixture {
 public:
  explicit Fixture(const std::string& backend) {
    std::string name = "q" + std::to_string(getpid()) + "_" + backend + "_" +
                       ::testing::UnitTest::GetInstance()->current_test_info()->name();
    for (char& c : name) c = std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_';
    if (backend == "sqlite") {
      path_ = (std::filesystem::temp_directory_path() / (name + ".db")).string();
      Remove();
      url_ = path_;
    } else {
      pg_ = std::getenv("TEST_PG_URL");
      pqxx::connection c(pg_);
      pqxx::work w(c);
      w.exec("DROP SCHEMA IF EXISTS " + name + " CASCADE; CREATE SCHEMA " + name);
      w.commit();
      schema_ = name;
      url_ = pg_ + (pg_.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + name;
    }
    auto s = EventStore::Open(url_);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    if (!s.ok()) return;
    store_ = std::move(*s);
    PutStats stats;
    EXPECT_TRUE(store_->PutBatch(Corpus(), {}, &stats).ok());
    RecomputeStats rs;
    EXPECT_TRUE(store_->Recompute(RecomputeOptions(), &rs).ok());
  }
  ~Fixture() {
    store_.reset();
    if (!path_.empty()) Remove();
    if (!schema_.empty()) {
      pqxx::connection c(pg_);
      pqxx::work w(c);
      w.exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
      w.commit();
    }
  }
  EventStore* store() { return store_.get(); }

 private:
  void Remove() {
    for (const char* ext : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + ext);
  }
  std::string path_, schema_, url_, pg_;
  std::unique_ptr<EventStore> store_;
};

std::string RunQuery(EventStore* s, const EventFilter& f, Format fmt) {
  std::ostringstream out;
  auto n = QueryEvents(s, f, fmt, out);
  EXPECT_TRUE(n.ok()) << n.status().ToString();
  return out.str();
}

std::vector<std::string> DocsOf(EventStore* s, const EventFilter& f) {
  std::vector<std::string> docs;
  std::istringstream in(RunQuery(s, f, Format::kCsv));
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) docs.push_back(line.substr(0, line.find(',')) + "#" +
                                                line.substr(line.find(',') + 1, 1));
  return docs;
}

struct FilterCase {
  const char* name;
  EventFilter filter;
  std::vector<std::string> expected;  // doc#idx in (date, doc, idx) order
};

class FilterTest : public ::testing::TestWithParam<FilterCase> {};

TEST_P(FilterTest, SelectsExactlyTheMatchingEvents) {
  Fixture fx("sqlite");
  EXPECT_EQ(DocsOf(fx.store(), GetParam().filter), GetParam().expected) << GetParam().name;
}

EventFilter F(std::function<void(EventFilter&)> set) {
  EventFilter f;
  set(f);
  return f;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, FilterTest,
    ::testing::Values(
        FilterCase{"everything", {}, {"c#0", "c#1", "b#0", "a#0", "a#1"}},
        FilterCase{"actor prefix", F([](auto& f) { f.actors = {"isrmil"}; }), {"c#1", "a#0"}},
        FilterCase{"dyad either direction", F([](auto& f) { f.dyad = "PSE-ISR"; }),
                   {"c#1", "b#0", "a#0", "a#1"}},
        FilterCase{"code prefix", F([](auto& f) { f.codes = {"19"}; }), {"c#1", "b#0", "a#0"}},
        FilterCase{"root", F([](auto& f) { f.roots = {"16"}; }), {"a#1"}},
        FilterCase{"date range", F([](auto& f) {
                     f.from = Date::Parse("2024-07-13");
                     f.to = Date::Parse("2024-07-13");
                   }), {"b#0"}},
        FilterCase{"outlet ignores case", F([](auto& f) { f.outlets = {"times"}; }), {"b#0"}},
        FilterCase{"said by", F([](auto& f) { f.said_by = "PSEGOV"; }), {"b#0"}},
        FilterCase{"unattributed", F([](auto& f) { f.said_by = "none"; }),
                   {"c#0", "c#1", "a#0", "a#1"}},
        FilterCase{"negated only", F([](auto& f) { f.fact = "negated"; }), {"c#1"}},
        FilterCase{"limit", F([](auto& f) { f.limit = 2; }), {"c#0", "c#1"}}));

TEST(PhoenixTsv, HasTwentySixColumnsAndSplitsActorCodes) {
  Fixture fx("sqlite");
  EventFilter f;
  f.roots = {"16"};
  std::string line = RunQuery(fx.store(), f, Format::kTsv);
  std::vector<std::string> cols;
  std::istringstream in(line.substr(0, line.size() - 1));
  for (std::string c; std::getline(in, c, '\t');) cols.push_back(c);
  ASSERT_EQ(cols.size(), 26u);
  EXPECT_EQ(cols[1], "20240714");
  EXPECT_EQ(cols[5], "PSEREBHMS");
  EXPECT_EQ(cols[6], "PSE");
  EXPECT_EQ(cols[7], "REB");
  EXPECT_EQ(cols[8], "HMS");
  EXPECT_EQ(cols[13], "164");
  EXPECT_EQ(cols[23], "a_1");
  EXPECT_EQ(cols[25], "France24");
}

TEST(PhoenixTsv, OrganisationCodes) {
  PhoenixActor a = SplitPhoenixActor("IGOUNOHCR");
  EXPECT_EQ(a.entity, "IGO");
  EXPECT_EQ(a.attributes, "UNO;HCR");
  EXPECT_EQ(SplitPhoenixActor("ISRMIL").role, "MIL");
}

TEST(Views, TimelineListsItemsInDateOrderWithSources) {
  Fixture fx("sqlite");
  std::ostringstream out;
  ASSERT_TRUE(Timeline(fx.store(), "PSE-ISR", ViewOptions(), out).ok());
  std::string t = out.str();
  size_t round = t.find("2024-05-05  round");
  size_t suspension = t.find("2024-07-14  suspension");
  ASSERT_NE(round, std::string::npos) << t;
  ASSERT_NE(suspension, std::string::npos) << t;
  EXPECT_LT(round, suspension);
  EXPECT_NE(t.find("source: AFP | doc c | sentence 0: \"Hamas negotiators met Egyptian mediators in Cairo.\""),
            std::string::npos) << t;
  EXPECT_NE(t.find(" in Cairo"), std::string::npos) << t;
}

TEST(Views, UnknownDyadIsNotFound) {
  Fixture fx("sqlite");
  std::ostringstream out;
  EXPECT_EQ(Timeline(fx.store(), "RUS-UKR", ViewOptions(), out).code(), StatusCode::kNotFound);
  EXPECT_EQ(Timeline(fx.store(), "RUS", ViewOptions(), out).code(), StatusCode::kInvalidArgument);
}

TEST(Views, ClaimsShowConflictingFiguresByClaimant) {
  Fixture fx("sqlite");
  std::ostringstream out;
  ASSERT_TRUE(Claims(fx.store(), ViewOptions(), out).ok());
  std::string t = out.str();
  EXPECT_NE(t.find("92                       according to Hamas"), std::string::npos) << t;
  EXPECT_NE(t.find("20                       according to Civil Defense"), std::string::npos) << t;
  EXPECT_NE(t.find("2 report(s) in 2 outlet(s)"), std::string::npos) << t;
}

// SQLite and PostgreSQL must give byte-identical results for every view.
TEST(Backends, SqliteAndPostgresqlGiveTheSameResults) {
  if (std::getenv("TEST_PG_URL") == nullptr || *std::getenv("TEST_PG_URL") == '\0') {
    GTEST_SKIP() << "PostgreSQL comparison skipped: TEST_PG_URL is not set (./setup.sh test "
                    "starts a throwaway server and sets it)";
  }
  Fixture lite("sqlite"), pg("postgresql");
  for (Format f : {Format::kTable, Format::kJsonl, Format::kCsv, Format::kTsv}) {
    EXPECT_EQ(RunQuery(lite.store(), EventFilter(), f), RunQuery(pg.store(), EventFilter(), f));
  }
  EventFilter dyad;
  dyad.dyad = "ISR-PSE";
  dyad.from = Date::Parse("2024-07-01");
  EXPECT_EQ(RunQuery(lite.store(), dyad, Format::kJsonl), RunQuery(pg.store(), dyad, Format::kJsonl));
  std::ostringstream a, b, c, d, e, g;
  ASSERT_TRUE(Timeline(lite.store(), "ISR-PSE", ViewOptions(), a).ok());
  ASSERT_TRUE(Timeline(pg.store(), "ISR-PSE", ViewOptions(), b).ok());
  EXPECT_EQ(a.str(), b.str());
  ASSERT_TRUE(Claims(lite.store(), ViewOptions(), c).ok());
  ASSERT_TRUE(Claims(pg.store(), ViewOptions(), d).ok());
  EXPECT_EQ(c.str(), d.str());
  ASSERT_TRUE(Positions(lite.store(), "ISR-PSE", ViewOptions(), e).ok());
  ASSERT_TRUE(Positions(pg.store(), "ISR-PSE", ViewOptions(), g).ok());
  EXPECT_EQ(e.str(), g.str());
}

}  // namespace
}  // namespace parley::query
