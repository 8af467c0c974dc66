// TextAnalyzer implementation: ties tokenizer, normalizer, lemmatizer,
// sentence splitter and the number/date matchers together.
//
// Analyze() per document:
//   1. tokenize every body range (the title range separately, so the title
//      is its own sentence); if doc.body is empty the whole text is used;
//   2. fill norms into the arena (reserved up front so views stay valid;
//      anything beyond the reservation goes to AnalyzedText::overflow) and
//      lemmas (views into the lemmatizer's table, or the norm itself);
//   3. split sentences; 4. find number and date mentions.
#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

#include "parley/text.h"
#include "text/lemmatizer.h"
#include "text/mentions.h"
#include "text/normalize.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace parley {

void AnalyzedText::Clear() {
  sentences.clear();
  tokens.clear();
  numbers.clear();
  dates.clear();
  arena.clear();
  overflow.clear();
}

namespace {

using text_internal::Lemmatizer;

// Per-thread keyword ids of the current document's tokens (Analyze is const
// and thread-safe; this scratch is reused across documents).
thread_local std::vector<uint8_t> keywords_;
thread_local std::vector<uint64_t> hashes_;
thread_local std::vector<uint32_t> pending_;
thread_local std::vector<uint64_t> keys_;  // two words per queued word
thread_local std::vector<uint32_t> candidates_;  // see mentions.h

inline bool StartsWithDigit(std::string_view norm) { return norm[0] >= '0' && norm[0] <= '9'; }

class TextAnalyzerImpl : public TextAnalyzer {
 public:
  TextAnalyzerImpl(std::unique_ptr<Lemmatizer> lem, TextOptions options)
      : lemmatizer_(std::move(lem)), options_(options) {}

  void Analyze(const Document& doc, AnalyzedText* out) const override;
  std::string_view Lemma(std::string_view lower_word) const override {
    std::string_view l = lemmatizer_->Lookup(lower_word);
    return l.empty() ? lower_word : l;
  }

 private:
  void TokenizeBody(const Document& doc, AnalyzedText* out,
                    std::vector<uint32_t>* hard_breaks) const;
  void FillNormsAndLemmas(const Document& doc, size_t body_bytes,
                          AnalyzedText* out) const;

  std::unique_ptr<Lemmatizer> lemmatizer_;
  TextOptions options_;
};

void TextAnalyzerImpl::TokenizeBody(const Document& doc, AnalyzedText* out,
                                    std::vector<uint32_t>* hard_breaks) const {
  const std::string_view text = doc.text;
  const uint32_t size = static_cast<uint32_t>(text.size());
  auto add = [&](uint32_t b, uint32_t e) {
    e = std::min(e, size);
    if (b >= e) return;
    hard_breaks->push_back(static_cast<uint32_t>(out->tokens.size()));
    text_internal::Tokenize(text, b, e, &out->tokens);
  };
  const ByteRange title = doc.title_range;
  auto add_range = [&](ByteRange r) {
    if (title.size() > 0 && title.start >= r.start && title.end <= r.end) {
      add(r.start, title.start);
      add(title.start, title.end);
      add(title.end, r.end);
    } else {
      add(r.start, r.end);
    }
  };
  if (doc.body.empty()) {
    add_range(ByteRange{0, size});
  } else {
    for (const ByteRange& r : doc.body) add_range(r);
  }
}

// Per-thread cache of recent lexicon results, keyed by the word itself
// (<= 16 bytes, compared exactly). News vocabulary is Zipfian, so most word
// tokens hit here and never touch the large lexicon table.
struct LemmaCache {
  struct Entry {
    uint64_t key[2] = {0, 0};  // the word, zero-padded
    const char* lemma = nullptr;  // nullptr: the lemma is the word itself
    uint16_t lemma_len = 0;
    uint8_t key_len = 0xff;  // 0xff = empty
    uint8_t keyword = 0;
  };
  static constexpr size_t kSize = 1 << 13;  // 256 KiB: stays in L2
  const void* owner = nullptr;  // the Lemmatizer the entries came from
  std::vector<Entry> entries;

  Entry& Slot(uint64_t hash) { return entries[(hash >> 7) & (kSize - 1)]; }
  // Zero-padded copy of a word of at most 16 bytes.
  // REQUIRES: w.size() <= 16.
  static void Pad(std::string_view w, uint64_t out[2]) {
    out[0] = out[1] = 0;
    std::memcpy(out, w.data(), w.size());
  }
};
thread_local LemmaCache lemma_cache_;

// Lower-cases a pure-ASCII word of 1..16 bytes with two 8-byte loads into
// the arena (writes 16 bytes, keeps `n`) and returns its zero-padded
// lower-case form in k[0], k[1]; false (nothing written) when the word is not
// pure ASCII or the bytes/space for the wide loads and stores are missing.
inline bool FastAsciiNorm(const char* raw, size_t n, const char* readable_end,
                          text_internal::NormArena* arena, uint64_t k[2]) {
  if (n == 0 || n > 16 || raw + 16 > readable_end || arena->used + 16 > arena->cap) {
    return false;
  }
  uint64_t w0, w1;
  __builtin_memcpy(&w0, raw, 8);
  __builtin_memcpy(&w1, raw + 8, 8);
  if (n < 8) {
    w0 &= (uint64_t{1} << (8 * n)) - 1;
    w1 = 0;
  } else if (n == 8) {
    w1 = 0;
  } else if (n < 16) {
    w1 &= (uint64_t{1} << (8 * (n - 8))) - 1;
  }
  if (((w0 | w1) & 0x8080808080808080ull) != 0) return false;
  k[0] = text_internal::LowerAscii8(w0);
  k[1] = text_internal::LowerAscii8(w1);
  char* d = arena->base + arena->used;
  __builtin_memcpy(d, k, 16);
  arena->used += n;
  return true;
}

// Software-pipelined: while normalizing and hashing word k (prefetching
// its cache slot), word k - kDistance is answered from the per-thread cache
// (its slot has arrived by now); cache misses prefetch their lexicon slot
// and are resolved in a last pass, so memory accesses overlap. Words of at
// most 16 bytes carry their zero-padded norm (keys_) so cache probes compare
// two registers.
void TextAnalyzerImpl::FillNormsAndLemmas(const Document& doc, size_t body_bytes,
                                          AnalyzedText* out) const {
  constexpr size_t kDistance = 16;
  const std::string_view text = doc.text;
  const char* const text_end = text.data() + text.size();
  std::string scratch;
  text_internal::NormArena arena;
  arena.Begin(out, body_bytes + 64);
  const size_t n = out->tokens.size();
  keywords_.assign(n, 0);
  hashes_.resize(n);
  pending_.resize(n);
  keys_.resize(2 * n);
  candidates_.clear();
  LemmaCache& cache = lemma_cache_;
  if (cache.owner != lemmatizer_.get()) {
    cache.entries.assign(LemmaCache::kSize, LemmaCache::Entry{});
    cache.owner = lemmatizer_.get();
  }
  Token* const toks = out->tokens.data();
  uint32_t* const pending = pending_.data();
  uint64_t* const hashes = hashes_.data();
  uint64_t* const keys = keys_.data();
  uint8_t* const kws = keywords_.data();
  size_t words = 0;
  size_t misses = 0;
  // Answers word k from the cache or queues it (k >= misses always holds,
  // so the queue reuses the front of pending/hashes/keys).
  auto probe = [&](size_t k) {
    const uint32_t i = pending[k];
    const uint64_t h = hashes[k];
    const uint64_t k0 = keys[2 * k], k1 = keys[2 * k + 1];
    Token& t = toks[i];
    const LemmaCache::Entry& e = cache.Slot(h);
    if (e.key_len == t.norm.size() && e.key[0] == k0 && e.key[1] == k1) {
      if (e.lemma != nullptr) t.lemma = std::string_view(e.lemma, e.lemma_len);
      kws[i] = e.keyword;
      if (e.keyword != 0 && !StartsWithDigit(t.norm)) candidates_.push_back(i);
      return;
    }
    lemmatizer_->Prefetch(h);
    pending[misses] = i;
    hashes[misses] = h;
    keys[2 * misses] = k0;
    keys[2 * misses + 1] = k1;
    ++misses;
  };
  for (size_t i = 0; i < n; ++i) {
    Token& t = toks[i];
    const char* const raw = text.data() + t.start;
    const size_t len = t.end - t.start;
    const uint16_t flags = t.flags;
    if (flags & kTokPunct) {
      std::string_view norm = text_internal::StaticPunctNorm(std::string_view(raw, len));
      if (norm.empty()) {
        norm = text_internal::NormalizeToken(std::string_view(raw, len), &arena, &scratch);
      }
      t.norm = norm;
      t.lemma = norm;
      if (StartsWithDigit(norm)) candidates_.push_back(static_cast<uint32_t>(i));
      continue;
    }
    uint64_t k[2];
    std::string_view norm;
    uint64_t h;
    if ((flags & kTokWord) && FastAsciiNorm(raw, len, text_end, &arena, k)) {
      norm = std::string_view(arena.base + arena.used - len, len);
      h = text_internal::HashWords(k[0], k[1], len);
    } else {
      norm = text_internal::NormalizeTokenWide(std::string_view(raw, len), text_end,
                                               &arena, &scratch);
      if (!(flags & kTokWord)) {
        t.norm = norm;
        t.lemma = norm;
        if (StartsWithDigit(norm)) candidates_.push_back(static_cast<uint32_t>(i));
        continue;
      }
      h = text_internal::HashBytes(norm);
      k[0] = k[1] = 0;
      // Longer norms never match a cache entry (key_len <= 16).
      if (norm.size() <= sizeof(LemmaCache::Entry::key)) LemmaCache::Pad(norm, k);
    }
    t.norm = norm;
    t.lemma = norm;
    if (StartsWithDigit(norm)) candidates_.push_back(static_cast<uint32_t>(i));
    __builtin_prefetch(&cache.Slot(h));
    pending[words] = static_cast<uint32_t>(i);
    hashes[words] = h;
    keys[2 * words] = k[0];
    keys[2 * words + 1] = k[1];
    ++words;
    if (words > kDistance) probe(words - 1 - kDistance);
  }
  arena.End();
  for (size_t k = words > kDistance ? words - kDistance : 0; k < words; ++k) probe(k);
  for (size_t k = 0; k < misses; ++k) {
    const size_t i = pending[k];
    const uint64_t h = hashes[k];
    Token& t = toks[i];
    const Lemmatizer::Entry e = lemmatizer_->FindHashed(t.norm, h);
    if (!e.lemma.empty()) t.lemma = e.lemma;
    kws[i] = e.keyword;
    if (e.keyword != 0 && !StartsWithDigit(t.norm)) {
      candidates_.push_back(static_cast<uint32_t>(i));
    }
    if (t.norm.size() <= sizeof(LemmaCache::Entry::key)) {
      LemmaCache::Entry& c = cache.Slot(h);
      c.key[0] = keys[2 * k];
      c.key[1] = keys[2 * k + 1];
      c.key_len = static_cast<uint8_t>(t.norm.size());
      c.keyword = e.keyword;
      c.lemma = e.lemma.empty() ? nullptr : e.lemma.data();
      c.lemma_len = static_cast<uint16_t>(e.lemma.size());
    }
  }
}

void TextAnalyzerImpl::Analyze(const Document& doc, AnalyzedText* out) const {
  out->Clear();
  size_t body_bytes = 0;
  for (const ByteRange& r : doc.body) body_bytes += r.size();
  if (doc.body.empty()) body_bytes = doc.text.size();
  std::vector<uint32_t> hard_breaks;
  TokenizeBody(doc, out, &hard_breaks);
  FillNormsAndLemmas(doc, body_bytes, out);
  text_internal::SplitSentences(doc.text, hard_breaks,
                                options_.max_tokens_per_sentence, &out->tokens,
                                &out->sentences);
  uint8_t* kw = keywords_.data();
  std::sort(candidates_.begin(), candidates_.end());
  text_internal::FindDates(doc, kw, candidates_, out);
  text_internal::FindNumbers(kw, candidates_, out);
}

}  // namespace

StatusOr<std::shared_ptr<const TextAnalyzer>> TextAnalyzer::Create(
    const std::string& wordnet_dir, TextOptions options) {
  auto lem = Lemmatizer::Load(wordnet_dir);
  if (!lem.ok()) return lem.status();
  return std::shared_ptr<const TextAnalyzer>(
      std::make_shared<TextAnalyzerImpl>(std::move(lem).value(), options));
}

}  // namespace parley
