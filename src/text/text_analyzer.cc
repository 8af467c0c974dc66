// TextAnalyzer implementation: ties tokenizer, normalizer, lemmatizer,
// sentence splitter and the number/date matchers together.
//
// Analyze() per document:
//   1. tokenize every body range (the title range separately, so the title
//      is its own sentence); if doc.body is empty the whole text is used.
//      The tokenizer writes the norms of plain ASCII words (<= 16 bytes)
//      straight into the arena and queues them, hashed, for step 2;
//   2. fill the other norms into the arena (reserved up front so views stay
//      valid; anything beyond the reservation goes to
//      AnalyzedText::overflow) and lemmas/keywords of all words (views into
//      the lemmatizer's table, or the norm itself) through a per-thread
//      cache; collect the number/date candidate tokens;
//   3. split sentences; 4. find number and date mentions (candidates only).
#include <algorithm>
#include <array>
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
// Words to look up. Never trimmed (the count is passed along), so its
// elements are value-initialized only when it grows past its high-water mark.
thread_local std::vector<text_internal::QueuedWord> queue_;
thread_local std::vector<uint32_t> hard_breaks_;
thread_local std::vector<uint32_t> candidates_;  // see mentions.h
// One bit per token: a number/date candidate. Collected in any order, read
// out in token order (no sort; a token is marked at most once anyway).
thread_local std::vector<uint64_t> candidate_bits_;

inline void MarkCandidate(uint64_t* bits, uint32_t token) {
  bits[token >> 6] |= uint64_t{1} << (token & 63);
}

// candidates_ = the marked tokens in increasing order.
void ListCandidates() {
  candidates_.clear();
  const std::vector<uint64_t>& bits = candidate_bits_;
  for (size_t w = 0; w < bits.size(); ++w) {
    for (uint64_t b = bits[w]; b != 0; b &= b - 1) {
      candidates_.push_back(static_cast<uint32_t>(w * 64 + __builtin_ctzll(b)));
    }
  }
}
thread_local std::vector<uint32_t> others_;  // tokens left to normalize

inline bool StartsWithDigit(std::string_view norm) { return norm[0] >= '0' && norm[0] <= '9'; }

class TextAnalyzerImpl : public TextAnalyzer {
 public:
  TextAnalyzerImpl(std::unique_ptr<Lemmatizer> lem, TextOptions options)
      : lemmatizer_(std::move(lem)), options_(options) {
    const auto all = text_internal::AllKeywords();
    for (size_t k = 0; k < all.size() && k + 1 < starts_mention_.size(); ++k) {
      starts_mention_[k + 1] = (all[k].kinds & text_internal::kMentionStartKinds) != 0;
    }
  }

  void Analyze(const Document& doc, AnalyzedText* out) const override;
  std::string_view Lemma(std::string_view lower_word) const override {
    std::string_view l = lemmatizer_->Lookup(lower_word);
    return l.empty() ? lower_word : l;
  }

 private:
  // Returns the number of words queued in queue_.
  size_t TokenizeBody(const Document& doc, text_internal::NormArena* arena,
                      AnalyzedText* out, std::vector<uint32_t>* hard_breaks) const;
  void FillNormsAndLemmas(const Document& doc, text_internal::NormArena* arena,
                          size_t queued, AnalyzedText* out) const;
  void ResolveMisses(size_t misses, Token* toks, uint8_t* kws, uint64_t* cand) const;

  std::unique_ptr<Lemmatizer> lemmatizer_;
  TextOptions options_;
  // By keyword id: its kinds intersect kMentionStartKinds (id 0: false).
  std::array<bool, 256> starts_mention_{};
};

size_t TextAnalyzerImpl::TokenizeBody(const Document& doc, text_internal::NormArena* arena,
                                      AnalyzedText* out,
                                      std::vector<uint32_t>* hard_breaks) const {
  const std::string_view text = doc.text;
  // The tokenizer writes through the sink's counters into vectors it grows
  // ahead; they are trimmed once at the end (tokenizer.h, WordSink). The
  // tokens of the previous document are overwritten, not cleared first.
  text_internal::WordSink sink{arena, &queue_, &others_};
  const uint32_t size = static_cast<uint32_t>(text.size());
  auto add = [&](uint32_t b, uint32_t e) {
    e = std::min(e, size);
    if (b >= e) return;
    hard_breaks->push_back(static_cast<uint32_t>(sink.tokens_written));
    text_internal::Tokenize(text, b, e, &out->tokens, &sink);
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
  out->tokens.resize(sink.tokens_written);
  return sink.words_written;
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
    bool starts = false;  // the keyword can start a mention (a candidate)
  };
  static constexpr size_t kSize = 1 << 15;  // 1 MiB: half of this CPU's L2
  const void* owner = nullptr;  // the Lemmatizer the entries came from
  std::vector<Entry> entries;

  Entry& Slot(uint64_t hash) { return entries[(hash >> 7) & (kSize - 1)]; }
  // True when q's slot holds q's word.
  bool Hit(const text_internal::QueuedWord& q) {
    const Entry& e = Slot(q.hash);
    return e.key_len == q.size && e.key[0] == q.key[0] && e.key[1] == q.key[1];
  }
  // Zero-padded copy of a word of at most 16 bytes.
  // REQUIRES: w.size() <= 16.
  static void Pad(std::string_view w, uint64_t out[2]) {
    out[0] = out[1] = 0;
    std::memcpy(out, w.data(), w.size());
  }
};
thread_local LemmaCache lemma_cache_;

// (*ptr, *len) = (p, n) when p != 0, without a branch.
inline void SelectIfNonNull(uint64_t p, uint64_t n, uint64_t* ptr, uint64_t* len) {
#if defined(__x86_64__)
  __asm__("test %2, %2\n\tcmovnz %2, %0\n\tcmovnz %3, %1"
          : "+r"(*ptr), "+r"(*len)
          : "r"(p), "r"(n)
          : "cc");
#else
  if (p != 0) {
    *ptr = p;
    *len = n;
  }
#endif
}

// Copies a cache hit's lemma, keyword and candidate mark to token `i`.
inline void ApplyHit(const LemmaCache::Entry& e, uint32_t i, Token* toks, uint8_t* kws,
                     uint64_t* cand) {
  // The lemma is selected with cmov, not branched on (whether a word has a
  // lemma of its own is erratic): the entry's, or the norm, which the
  // tokenizer stored in the same cache line. GCC turns a conditional here
  // into a branch, hence the asm.
  Token& t = toks[i];
  uint64_t ptr = reinterpret_cast<uint64_t>(t.norm.data());
  uint64_t len = t.norm.size();
  SelectIfNonNull(reinterpret_cast<uint64_t>(e.lemma), e.lemma_len, &ptr, &len);
  t.lemma = std::string_view(reinterpret_cast<const char*>(ptr), len);
  // Without branches (keywords come and go erratically): kws[i] is 0 before,
  // and marking is an or (a token starting with a digit is marked already).
  kws[i] = e.keyword;
  cand[i >> 6] |= uint64_t{e.starts} << (i & 63);
}

// Fills norms of the tokens the tokenizer did not normalize (punctuation,
// numbers, non-ASCII and long words) and lemmas/keywords of every word. The
// tokenizer queued the plain ASCII words with their hash and padded norm;
// other words are appended here. Then the queue is answered from the
// per-thread cache, prefetching kDistance entries ahead; cache misses
// prefetch their lexicon slot and are resolved in a last pass, so memory
// accesses overlap. Also marks the number/date candidates (mentions.h) in
// candidate_bits_.
void TextAnalyzerImpl::FillNormsAndLemmas(const Document& doc,
                                          text_internal::NormArena* arena, size_t queued,
                                          AnalyzedText* out) const {
  constexpr size_t kDistance = 24;
  const std::string_view text = doc.text;
  const char* const text_end = text.data() + text.size();
  std::string scratch;
  const size_t n = out->tokens.size();
  keywords_.assign(n, 0);
  candidate_bits_.assign((n + 63) / 64, 0);
  uint64_t* const cand = candidate_bits_.data();
  LemmaCache& cache = lemma_cache_;
  if (cache.owner != lemmatizer_.get()) {
    cache.entries.assign(LemmaCache::kSize, LemmaCache::Entry{});
    cache.owner = lemmatizer_.get();
  }
  Token* const toks = out->tokens.data();
  uint8_t* const kws = keywords_.data();
  std::vector<text_internal::QueuedWord>& queue = queue_;
  if (queue.size() < queued + others_.size()) queue.resize(queued + others_.size());
  for (const uint32_t i : others_) {  // not normalized by the tokenizer
    Token& t = toks[i];
    const char* const raw = text.data() + t.start;
    const size_t len = t.end - t.start;
    const uint16_t flags = t.flags;
    std::string_view norm;
    if (flags & kTokPunct) {
      norm = text_internal::StaticPunctNorm(std::string_view(raw, len));
      if (norm.empty()) {
        norm = text_internal::NormalizeToken(std::string_view(raw, len), arena, &scratch);
      }
    } else {
      norm = text_internal::NormalizeTokenWide(std::string_view(raw, len), text_end, arena,
                                               &scratch);
    }
    t.norm = norm;
    t.lemma = norm;
    if (StartsWithDigit(norm)) MarkCandidate(cand, i);
    if (!(flags & kTokWord)) continue;
    // Written in place (a copy of a stack object would reload the fields
    // just stored as 16-byte words: failed store forwards).
    text_internal::QueuedWord& q = queue[queued++];
    q.token = static_cast<uint32_t>(i);
    q.size = static_cast<uint32_t>(norm.size());
    q.hash = text_internal::HashBytes(norm);
    // Longer norms never match a cache entry (key_len <= 16).
    q.key[0] = q.key[1] = 0;
    if (norm.size() <= sizeof(LemmaCache::Entry::key)) LemmaCache::Pad(norm, q.key);
  }
  const size_t words = queued;
  size_t misses = 0;
  for (size_t k = 0; k < words; ++k) {
    if (k + kDistance < words) __builtin_prefetch(&cache.Slot(queue[k + kDistance].hash));
    const text_internal::QueuedWord& q = queue[k];
    if (cache.Hit(q)) {
      ApplyHit(cache.Slot(q.hash), q.token, toks, kws, cand);
      continue;
    }
    lemmatizer_->Prefetch(q.hash);
    queue[misses++] = q;  // k >= misses: reuses the front of the queue
  }
  ResolveMisses(misses, toks, kws, cand);
}

// The lexicon slots of queue_[0, misses) were prefetched; now their keys in
// the string pool (a second dependent DRAM access per miss), all at once;
// then each word is looked up and cached.
void TextAnalyzerImpl::ResolveMisses(size_t misses, Token* toks, uint8_t* kws,
                                     uint64_t* cand) const {
  const std::vector<text_internal::QueuedWord>& queue = queue_;
  LemmaCache& cache = lemma_cache_;
  for (size_t k = 0; k < misses; ++k) lemmatizer_->PrefetchKey(queue[k].hash);
  for (size_t k = 0; k < misses; ++k) {
    const text_internal::QueuedWord& q = queue[k];
    // An earlier miss of this document may have filled the slot with the
    // same word (a word repeated in one document misses every time in the
    // pass above): the slot is in L1 now.
    if (cache.Hit(q)) {
      ApplyHit(cache.Slot(q.hash), q.token, toks, kws, cand);
      continue;
    }
    Token& t = toks[q.token];
    const Lemmatizer::Entry e = lemmatizer_->FindHashed(t.norm, q.hash);
    if (!e.lemma.empty()) t.lemma = e.lemma;
    kws[q.token] = e.keyword;
    const bool starts = starts_mention_[e.keyword];
    if (starts) MarkCandidate(cand, q.token);
    if (t.norm.size() <= sizeof(LemmaCache::Entry::key)) {
      LemmaCache::Entry& c = cache.Slot(q.hash);
      c.key[0] = q.key[0];
      c.key[1] = q.key[1];
      c.key_len = static_cast<uint8_t>(t.norm.size());
      c.keyword = e.keyword;
      c.starts = starts;
      c.lemma = e.lemma.empty() ? nullptr : e.lemma.data();
      c.lemma_len = static_cast<uint16_t>(e.lemma.size());
    }
  }
}

void TextAnalyzerImpl::Analyze(const Document& doc, AnalyzedText* out) const {
  // Like out->Clear(), but the arena keeps its size (NormArena::Begin) and
  // the tokens are overwritten by TokenizeBody, which sizes the vector.
  out->sentences.clear();
  out->numbers.clear();
  out->dates.clear();
  out->overflow.clear();
  size_t body_bytes = 0;
  for (const ByteRange& r : doc.body) body_bytes += r.size();
  if (doc.body.empty()) body_bytes = doc.text.size();
  text_internal::NormArena arena;
  arena.Begin(out, body_bytes + 64);
  others_.clear();
  hard_breaks_.clear();
  const size_t queued = TokenizeBody(doc, &arena, out, &hard_breaks_);
  FillNormsAndLemmas(doc, &arena, queued, out);
  arena.End();
  text_internal::SplitSentences(doc.text, hard_breaks_,
                                options_.max_tokens_per_sentence, &out->tokens,
                                &out->sentences);
  uint8_t* kw = keywords_.data();
  ListCandidates();
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
