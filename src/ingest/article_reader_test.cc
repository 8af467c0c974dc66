#include "ingest/article_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include <cstdio>
#include <string>
#include <vector>

#include "ingest/ingest_test_util.h"

namespace parley::ingest {
namespace {

using testing_util::Item;
using testing_util::ReadAll;
using testing_util::TempDir;

const std::string kArticles = std::string(PARLEY_SOURCE_DIR) + "/testdata/articles/";

std::string BodyText(const Document& d) {
  std::string out;
  for (const ByteRange& r : d.body) out += d.text.substr(r.start, r.size()) + "\n";
  return out;
}

std::string Gzip(const std::string& path, const std::string& data) {
  gzFile f = gzopen(path.c_str(), "wb");
  gzwrite(f, data.data(), static_cast<unsigned>(data.size()));
  gzclose(f);
  return path;
}

std::string Zstd(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

TEST(ArticleReaderTest, ScrapedTextArticleKeepsBoilerplateOutOfBody) {
  auto items = ReadAll({kArticles + "scraped_talks.txt"});
  ASSERT_EQ(1u, items.size());
  ASSERT_FALSE(items[0].rejected) << items[0].rej.reason;
  const Document& d = items[0].doc;
  EXPECT_EQ("scraped_talks", d.id);
  EXPECT_EQ(kArticles + "scraped_talks.txt", d.origin);
  ASSERT_TRUE(d.title.has_value());
  EXPECT_EQ("Negotiators return to Doha as pressure mounts for a ‘lasting truce’", *d.title);
  EXPECT_EQ(*d.title, d.text.substr(d.title_range.start, d.title_range.size()));
  const std::string body = BodyText(d);
  for (const char* gone : {"Published", "Reading time", "AFP)", "Read next", "Share\n",
                           "source site"}) {
    EXPECT_EQ(std::string::npos, body.find(gone)) << gone;
    EXPECT_NE(std::string::npos, d.text.find(gone)) << gone;  // still in text
  }
  EXPECT_NE(std::string::npos, body.find("ninety-two detainees"));
  EXPECT_EQ(16u, d.content_hash.size());
}

TEST(ArticleReaderTest, DateMarkerSetsDocumentDate) {
  auto items = ReadAll({kArticles + "wire_no_title.txt"});
  ASSERT_EQ(1u, items.size());
  const Document& d = items[0].doc;
  ASSERT_TRUE(d.date.has_value());
  EXPECT_EQ("2021-05-16", d.date->ToString());
  EXPECT_FALSE(d.title.has_value());
  EXPECT_EQ(std::string::npos, BodyText(d).find("date 2021"));
  EXPECT_EQ(std::string::npos, BodyText(d).find("contributed to this report"));
}

TEST(ArticleReaderTest, JsonLinesFixtureYieldsDocsRejectionsAndWarnings) {
  std::vector<Rejection> warnings;
  ReaderOptions opt;
  opt.on_warning = [&](const Rejection& w) { warnings.push_back(w); };
  auto items = ReadAll({kArticles + "mixed.jsonl"}, opt);
  std::vector<std::string> got;
  for (const Item& it : items) {
    got.push_back(it.rejected ? "R" + std::to_string(it.rej.line) + ":" + it.rej.doc + ":" +
                                    it.rej.reason
                              : "D" + std::to_string(it.doc.line) + ":" + it.doc.id);
  }
  const std::vector<std::string> want = {
      "D1:fx-1",
      "D2:fx-2",
      "R3:fx-3:field 'text' is missing",
      "R4:fx-4:field 'text' is a number, not a string",
      "R5:fx-5:malformed or truncated JSON: A string is opened, but never closed.",
      "R6::JSON line is an array, not an object",
      "D8:h:" + items[6].doc.id.substr(2),
      "R9:fx-8:empty text",
  };
  EXPECT_EQ(want, got);
  for (size_t i = 0; i < items.size(); ++i) {
    EXPECT_EQ(i, items[i].rejected ? items[i].rej.ordinal : items[i].doc.ordinal);
  }
  const Document& d1 = items[0].doc;
  EXPECT_EQ("\"source\":\"fixture\",\"tags\":[\"talks\",\"un\"],\"score\":0.5", d1.extra_json);
  EXPECT_EQ("Example Wire", d1.outlet.value_or(""));
  EXPECT_EQ("https://example.org/a/1", d1.url.value_or(""));
  EXPECT_EQ("en", d1.language.value_or(""));
  EXPECT_EQ("2023-03-14", d1.date->ToString());
  EXPECT_FALSE(items[1].doc.date.has_value());
  ASSERT_EQ(1u, warnings.size());
  EXPECT_EQ(2u, warnings[0].line);
  EXPECT_EQ("fx-2", warnings[0].doc);
  EXPECT_EQ("date 'last tuesday' is not YYYY-MM-DD; document coded with date null",
            warnings[0].reason);
  EXPECT_EQ("2023-03-16", items[6].doc.date->ToString());
  EXPECT_EQ(18u, items[6].doc.id.size());  // "h:" + 16 hex
}

TEST(ArticleReaderTest, EveryRejectionReasonIsReported) {
  TempDir dir;
  ReaderOptions opt;
  opt.max_document_bytes = 100;
  opt.max_line_bytes = 200;
  const std::string big(150, 'a');
  const std::string huge_line = "{\"id\":\"big\",\"text\":\"" + std::string(300, 'x') + "\"}";
  std::vector<std::string> inputs = {
      dir.Write("bad_utf8.txt", "Title\nabc\xFF"),
      dir.Write("nul.txt", std::string("Title\nab\0c", 10)),
      dir.Write("empty.txt", ""),
      dir.Write("big.txt", big),
      dir.Write("lines.jsonl",
                huge_line + "\n{\"id\":\"ok\",\"text\":\"fine\"}\n{\"id\":\"u\",\"text\":\"a\xC3\"}\n" +
                    "{\"id\":\"n\",\"text\":\"a\\u0000b\"}\n{\"id\":\"long\",\"text\":\"" + big +
                    "\"}\n"),
      dir.Path("missing.txt"),
  };
  auto items = ReadAll(inputs, opt);
  std::vector<std::string> got;
  for (const Item& it : items) {
    got.push_back(it.rejected ? it.rej.reason : "doc " + it.doc.id);
  }
  const std::vector<std::string> want = {
      "invalid UTF-8 at byte 9",
      "NUL byte at byte 8 of the text",
      "empty document",
      "document is over the limit of 100 bytes",
      "line is 322 bytes, over the limit of 200",
      "doc ok",
      "invalid UTF-8 at byte 19 of the line",
      "NUL byte at byte 1 of the text",
      "document is 150 bytes, over the limit of 100",
      "unreadable input: no such file or directory",
  };
  EXPECT_EQ(want, got);
  EXPECT_EQ(dir.Path("bad_utf8.txt"), items[0].rej.origin);
  EXPECT_EQ("bad_utf8", items[0].rej.doc);
  EXPECT_EQ(1u, items[4].rej.line);
  EXPECT_EQ("big", items[4].rej.doc);
  EXPECT_EQ(2u, items[5].doc.line);
}

// The reader's block is 1 MiB: lines that cross it (a NUL byte, invalid
// UTF-8, a good record) and a truncated last line keep their line numbers
// and reasons.
TEST(ArticleReaderTest, RejectionsAcrossTheReadBlockKeepLineNumbers) {
  TempDir dir;
  std::string data;
  int line = 0;
  auto add = [&](const std::string& l) {
    data += l + "\n";
    ++line;
  };
  while (data.size() < (1u << 20) - 40) {
    add("{\"id\":\"f" + std::to_string(line) + "\",\"text\":\"" + std::string(900, 'w') + "\"}");
  }
  const int nul_line = line + 1;
  add(std::string("{\"id\":\"nul\",\"text\":\"") + std::string(60, 'a') + '\0' + "\"}");
  add("{\"id\":\"utf\",\"text\":\"" + std::string(1 << 20, 'b') + "\xC3\"}");
  add("{\"id\":\"good\",\"text\":\"" + std::string(70000, 'c') + "\"}\r");
  data += "{\"id\":\"cut\",\"text\":\"trunc";
  auto items = ReadAll({dir.Write("big.jsonl", data)});
  ASSERT_EQ(static_cast<size_t>(nul_line + 3), items.size());
  const Item& nul = items[nul_line - 1];
  EXPECT_TRUE(nul.rejected);
  EXPECT_EQ(static_cast<uint64_t>(nul_line), nul.rej.line);
  EXPECT_EQ("nul", nul.rej.doc);
  EXPECT_EQ("NUL byte at byte 80 of the line", nul.rej.reason);
  const Item& utf = items[nul_line];
  EXPECT_EQ(static_cast<uint64_t>(nul_line + 1), utf.rej.line);
  EXPECT_EQ("invalid UTF-8 at byte " + std::to_string(20 + (1 << 20)) + " of the line",
            utf.rej.reason);
  const Item& good = items[nul_line + 1];
  EXPECT_FALSE(good.rejected);
  EXPECT_EQ(static_cast<uint64_t>(nul_line + 2), good.doc.line);
  EXPECT_EQ(70000u, good.doc.text.size());
  const Item& cut = items[nul_line + 2];
  EXPECT_EQ(static_cast<uint64_t>(nul_line + 3), cut.rej.line);
  EXPECT_EQ("cut", cut.rej.doc);
  EXPECT_EQ("malformed or truncated JSON: A string is opened, but never closed.", cut.rej.reason);
}

TEST(ArticleReaderTest, GzipAndZstdRoundTrip) {
  TempDir dir;
  const std::string jsonl =
      "{\"id\":\"a\",\"text\":\"First article.\"}\n{\"id\":\"b\",\"text\":\"Second.\"}\n";
  const std::string article = "A title\n\nBody text of the article.\n";
  std::vector<std::string> inputs = {
      Gzip(dir.Path("x.jsonl.gz"), jsonl),
      dir.Write("y.jsonl.zst", Zstd(jsonl)),
      Gzip(dir.Path("t.txt.gz"), article),
      dir.Write("u.txt.zst", Zstd(article)),
  };
  auto items = ReadAll(inputs);
  ASSERT_EQ(6u, items.size());
  for (const Item& it : items) ASSERT_FALSE(it.rejected) << it.rej.reason;
  EXPECT_EQ("First article.", items[0].doc.text);
  EXPECT_EQ("b", items[3].doc.id);
  EXPECT_EQ("t", items[4].doc.id);
  EXPECT_EQ(article, items[4].doc.text);
  EXPECT_EQ("u", items[5].doc.id);
  EXPECT_EQ(article, items[5].doc.text);
  EXPECT_EQ("A title", items[5].doc.title.value_or(""));
}

TEST(ArticleReaderTest, CorruptCompressedInputIsRejectedNotFatal) {
  TempDir dir;
  std::string z = Zstd(std::string(5000, 'q'));
  z.resize(z.size() / 2);
  auto items = ReadAll({dir.Write("bad.txt.gz", std::string("\x1f\x8b\x08\x00garbage", 11)),
                        dir.Write("cut.jsonl.zst", z), dir.Write("ok.txt", "Fine text.")});
  ASSERT_EQ(3u, items.size());
  EXPECT_TRUE(items[0].rejected);
  EXPECT_TRUE(items[1].rejected);
  EXPECT_NE(std::string::npos, items[1].rej.reason.find("zstd")) << items[1].rej.reason;
  EXPECT_FALSE(items[2].rejected);
}

TEST(ArticleReaderTest, DirectoriesRecurseInSortedPathOrder) {
  TempDir dir;
  dir.Write("b/2.txt", "two");
  dir.Write("a/sub/0.txt", "zero");
  dir.Write("a/1.txt", "one");
  dir.Write("c.jsonl", "{\"id\":\"j\",\"text\":\"jay\"}\n");
  dir.Write(".hidden.txt", "hidden");
  dir.Write(".git/x.txt", "hidden");
  dir.Write("notes.md", "skipped");
  auto items = ReadAll({dir.path()});
  std::vector<std::string> ids;
  for (const Item& it : items) ids.push_back(it.doc.id);
  EXPECT_EQ((std::vector<std::string>{"1", "0", "2", "j"}), ids);
}

TEST(ArticleReaderTest, TreatAsOverridesExtension) {
  TempDir dir;
  ReaderOptions opt;
  opt.treat_as = InputFormat::kJsonl;
  auto items = ReadAll({dir.Write("data.txt", "{\"id\":\"z\",\"text\":\"zed\"}\n")}, opt);
  ASSERT_EQ(1u, items.size());
  EXPECT_EQ("z", items[0].doc.id);
}

TEST(ArticleReaderTest, ContentHashCoversTextAndMetadata) {
  Document a, b;
  a.text = b.text = "same";
  EXPECT_EQ(ContentHash(a), ContentHash(b));
  b.title = "t";
  EXPECT_NE(ContentHash(a), ContentHash(b));
  b.title.reset();
  b.date = Date::FromYmd(2024, 1, 1);
  EXPECT_NE(ContentHash(a), ContentHash(b));
}

TEST(ArticleReaderTest, FormatAndIdFromPath) {
  EXPECT_EQ(InputFormat::kJsonl, FormatForPath("/x/a.jsonl"));
  EXPECT_EQ(InputFormat::kJsonl, FormatForPath("a.ndjson.zst"));
  EXPECT_EQ(InputFormat::kJsonl, FormatForPath("a.JSON.gz"));
  EXPECT_EQ(InputFormat::kText, FormatForPath("a.txt.gz"));
  EXPECT_EQ(InputFormat::kText, FormatForPath("noext"));
  EXPECT_EQ("000_4aea", IdForPath("/s/000_4aea.txt"));
  EXPECT_EQ("a", IdForPath("d/a.txt.gz"));
}

TEST(ArticleReaderTest, OpenWithoutInputsFails) {
  EXPECT_FALSE(ArticleReader::Open({}).ok());
}

}  // namespace
}  // namespace parley::ingest

namespace parley::ingest {
namespace {

// Runs the reader on "-" with `bytes` as stdin (restored afterwards).
std::vector<testing_util::Item> ReadStdin(const std::string& bytes, const TempDir& tmp) {
  const std::string path = tmp.Write("stdin.bin", bytes);
  fflush(stdin);
  const int saved = dup(0);
  FILE* f = fopen(path.c_str(), "rb");
  dup2(fileno(f), 0);
  clearerr(stdin);
  auto items = ReadAll({"-"});
  dup2(saved, 0);
  close(saved);
  fclose(f);
  clearerr(stdin);
  return items;
}

TEST(ArticleReaderTest, EmptyOrBlankStdinYieldsNothing) {
  TempDir tmp;
  for (const std::string& bytes : {std::string(), std::string(" \n\t\r\n  ")}) {
    EXPECT_EQ(0u, ReadStdin(bytes, tmp).size()) << "stdin '" << bytes << "'";
  }
  auto items = ReadStdin("Title\nBody text here.\n", tmp);
  ASSERT_EQ(1u, items.size());
  EXPECT_FALSE(items[0].rejected);
  EXPECT_EQ("stdin", items[0].doc.id);
}

TEST(ArticleReaderTest, EmptyNamedFileIsStillRejected) {
  TempDir tmp;
  for (const std::string& bytes : {std::string(), std::string(" \n\n")}) {
    auto items = ReadAll({tmp.Write("empty.txt", bytes)});
    ASSERT_EQ(1u, items.size());
    EXPECT_TRUE(items[0].rejected);
    EXPECT_NE(std::string::npos, items[0].rej.reason.find("empty")) << items[0].rej.reason;
  }
}

}  // namespace
}  // namespace parley::ingest
