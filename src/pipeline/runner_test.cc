#include "pipeline/runner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/json_output.h"

namespace parley {
namespace {

// Generates `n` documents of varying length; every 7th input is a rejection.
class GeneratedSource : public DocumentSource {
 public:
  explicit GeneratedSource(uint64_t n, std::atomic<uint64_t>* read = nullptr)
      : n_(n), read_(read) {}
  StatusOr<bool> Next(InputItem* item) override {
    if (next_ == n_) return false;
    if (fail_at_ && next_ == fail_at_) return DataLossError("disk on fire at item " + std::to_string(next_));
    const uint64_t k = next_++;
    if (read_) read_->fetch_add(1);
    item->rejected = (k % 7 == 3);
    if (item->rejected) {
      item->rejection = Rejection{"gen", k + 1, "", k, "bad record " + std::to_string(k)};
      return true;
    }
    item->doc = Document();
    item->doc.id = "d" + std::to_string(k);
    item->doc.origin = "gen";
    item->doc.line = k + 1;
    item->doc.ordinal = k;
    // Lengths vary a lot so that parallel workers finish out of order.
    for (uint64_t w = 0; w < (k * 37) % 400 + 1; ++w) item->doc.text += "word" + std::to_string(w % 13) + " ";
    return true;
  }
  uint64_t fail_at_ = 0;

 private:
  uint64_t n_;
  uint64_t next_ = 0;
  std::atomic<uint64_t>* read_;
};

// A deterministic stand-in for the Engine: one figure per document whose
// value is the number of words; throws on a document id "boom".
class WordCountProcessor : public DocumentProcessor {
 public:
  std::unique_ptr<ProcessorScratch> NewScratch() const override {
    return std::make_unique<ProcessorScratch>();
  }
  uint32_t Process(const Document& doc, ProcessorScratch*, CodedDocument* out) const override {
    if (doc.id == "boom") throw std::runtime_error("kaboom");
    *out = CodedDocument();
    out->doc = doc.id;
    out->ordinal = doc.ordinal;
    Figure f;
    f.kind = "words";
    for (char c : doc.text) f.value += (c == ' ');
    out->figures.push_back(f);
    return 1;
  }
};

class CollectingSink : public DocumentSink {
 public:
  explicit CollectingSink(std::atomic<uint64_t>* read = nullptr) : read_(read) {}
  Status Put(const Document& source, CodedDocument&& coded) override {
    EXPECT_EQ(source.id, coded.doc);
    AppendDocumentJson(coded, {}, &text);
    return Written();
  }
  Status Reject(const Rejection& r) override {
    AppendRejectionJson(r, &text);
    return Written();
  }
  Status Flush() override {
    ++flushes;
    return Status::Ok();
  }
  std::string text;
  int flushes = 0;
  uint64_t fail_after = 0;
  uint64_t max_in_flight = 0;
  uint64_t written = 0;

 private:
  Status Written() {
    ++written;
    if (read_) max_in_flight = std::max<uint64_t>(max_in_flight, read_->load() - written);
    if (fail_after && written == fail_after) return AbortedError("output closed");
    return Status::Ok();
  }
  std::atomic<uint64_t>* read_;
};

std::string RunWithThreads(int threads, uint64_t n) {
  GeneratedSource source(n);
  CollectingSink sink;
  WordCountProcessor processor;
  StatusOr<RunStats> stats = RunPipeline(processor, &source, &sink, {.threads = threads});
  EXPECT_TRUE(stats.ok()) << stats.status().ToString();
  return sink.text;
}

TEST(RunnerTest, OutputIsIdenticalForOneTwoAndFourThreads) {
  const std::string one = RunWithThreads(1, 600);
  EXPECT_EQ(one, RunWithThreads(2, 600));
  EXPECT_EQ(one, RunWithThreads(4, 600));
}

TEST(RunnerTest, DocumentsAndRejectionsKeepInputOrder) {
  GeneratedSource source(100);
  CollectingSink sink;
  WordCountProcessor processor;
  StatusOr<RunStats> stats = RunPipeline(processor, &source, &sink, {.threads = 4});
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(86u, stats->documents);
  EXPECT_EQ(14u, stats->rejected);
  EXPECT_EQ(100, std::count(sink.text.begin(), sink.text.end(), '\n'));
  size_t pos = 0;
  for (int k = 0; k < 100; ++k) {
    const std::string needle = k % 7 == 3 ? "\"reason\":\"bad record " + std::to_string(k) + "\""
                                          : "{\"doc\":\"d" + std::to_string(k) + "\"";
    const size_t at = sink.text.find(needle, pos);
    ASSERT_NE(std::string::npos, at) << "item " << k << " missing or out of order";
    pos = at;
  }
  EXPECT_GE(sink.flushes, 1);
  EXPECT_NE(std::string::npos, stats->Summary().find("coded 86, rejected 14"));
}

TEST(RunnerTest, DocumentsInFlightAreBounded) {
  std::atomic<uint64_t> read{0};
  GeneratedSource source(2000, &read);
  CollectingSink sink(&read);
  WordCountProcessor processor;
  RunnerOptions options{.threads = 2, .max_in_flight_per_thread = 3};
  ASSERT_TRUE(RunPipeline(processor, &source, &sink, options).ok());
  EXPECT_LE(sink.max_in_flight, 6u);
}

TEST(RunnerTest, SinkErrorStopsReadingEarly) {
  std::atomic<uint64_t> read{0};
  GeneratedSource source(100000, &read);
  CollectingSink sink(&read);
  sink.fail_after = 10;
  WordCountProcessor processor;
  StatusOr<RunStats> stats = RunPipeline(processor, &source, &sink, {.threads = 2});
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(StatusCode::kAborted, stats.status().code());
  EXPECT_EQ(10u, sink.written);
  EXPECT_LT(read.load(), 100u);
}

TEST(RunnerTest, SourceErrorIsReturned) {
  GeneratedSource source(100);
  source.fail_at_ = 50;
  CollectingSink sink;
  WordCountProcessor processor;
  StatusOr<RunStats> stats = RunPipeline(processor, &source, &sink, {.threads = 2});
  ASSERT_FALSE(stats.ok());
  EXPECT_EQ(StatusCode::kDataLoss, stats.status().code());
  EXPECT_NE(std::string::npos, stats.status().message().find("item 50"));
}

TEST(RunnerTest, OversizedDocumentIsRejectedNotCoded) {
  GeneratedSource source(20);
  CollectingSink sink;
  WordCountProcessor processor;
  StatusOr<RunStats> stats =
      RunPipeline(processor, &source, &sink, {.threads = 2, .max_doc_bytes = 1000});
  ASSERT_TRUE(stats.ok());
  EXPECT_GT(stats->rejected, 3u);
  EXPECT_NE(std::string::npos, sink.text.find("over the limit of 1000 (--max-doc-bytes)"));
}

class OneDocSource : public DocumentSource {
 public:
  explicit OneDocSource(std::vector<std::string> ids) : ids_(std::move(ids)) {}
  StatusOr<bool> Next(InputItem* item) override {
    if (next_ == ids_.size()) return false;
    item->rejected = false;
    item->doc = Document();
    item->doc.id = ids_[next_];
    item->doc.ordinal = next_++;
    return true;
  }

 private:
  std::vector<std::string> ids_;
  size_t next_ = 0;
};

TEST(RunnerTest, ProcessorExceptionRejectsOnlyThatDocument) {
  OneDocSource source({"a", "boom", "c"});
  CollectingSink sink;
  WordCountProcessor processor;
  StatusOr<RunStats> stats = RunPipeline(processor, &source, &sink, {.threads = 2});
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(2u, stats->documents);
  EXPECT_EQ(1u, stats->rejected);
  EXPECT_NE(std::string::npos, sink.text.find("internal error while coding: kaboom"));
}

}  // namespace
}  // namespace parley
