#include "text/lemmatizer.h"

#include "text/keywords.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace parley::text_internal {
namespace {

// Short-key comparison without a libc call.
inline bool BytesEqual(const char* a, const char* b, size_t n) {
  while (n >= 8) {
    uint64_t x, y;
    std::memcpy(&x, a, 8);
    std::memcpy(&y, b, 8);
    if (x != y) return false;
    a += 8;
    b += 8;
    n -= 8;
  }
  for (size_t i = 0; i < n; ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

}  // namespace

namespace lemma_load {

// Flat open-addressing map from string_view keys to string_view values,
// used only while loading (the views point into the file buffers or into
// `arena`). Emplace keeps the first value of a key, like
// unordered_map::emplace; entries() lists the entries in insertion order.
class ViewMap {
 public:
  struct Entry {
    std::string_view key;
    std::string_view value;
    uint64_t hash;
  };
  explicit ViewMap(size_t expected) {
    size_t cap = 16;
    while (cap < expected * 2) cap <<= 1;
    slots_.assign(cap, 0);
    entries_.reserve(expected);
  }
  static constexpr size_t kNone = ~size_t{0};
  bool Contains(std::string_view key, uint64_t h) const { return slots_[Probe(key, h)] != 0; }
  // The index of key's entry in entries(), or kNone.
  size_t Find(std::string_view key, uint64_t h) const {
    const uint32_t e = slots_[Probe(key, h)];
    return e == 0 ? kNone : e - 1;
  }
  bool Contains(std::string_view key) const { return Contains(key, HashBytes(key)); }
  // Inserts key -> value unless key is present; true when inserted. The
  // key's bytes must outlive the map (FormArena keeps generated forms).
  bool Emplace(std::string_view key, std::string_view value, uint64_t h) {
    const size_t i = Probe(key, h);
    if (slots_[i] != 0) return false;
    entries_.push_back(Entry{key, value, h});
    slots_[i] = static_cast<uint32_t>(entries_.size());
    if (entries_.size() * 2 > slots_.size()) Rehash();
    return true;
  }
  bool Emplace(std::string_view key, std::string_view value) {
    return Emplace(key, value, HashBytes(key));
  }
  const std::vector<Entry>& entries() const { return entries_; }
  size_t size() const { return entries_.size(); }

 private:
  // The slot holding `key`, or the empty slot where it would go.
  size_t Probe(std::string_view key, uint64_t h) const {
    const size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const uint32_t e = slots_[i];
      if (e == 0) return i;
      const Entry& x = entries_[e - 1];
      if (x.hash == h && x.key.size() == key.size() &&
          BytesEqual(x.key.data(), key.data(), key.size())) {
        return i;
      }
    }
  }
  void Rehash() {
    std::vector<uint32_t> old;
    old.swap(slots_);
    slots_.assign(old.size() * 2, 0);
    const size_t mask = slots_.size() - 1;
    for (uint32_t e : old) {
      if (e == 0) continue;
      size_t i = entries_[e - 1].hash & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = e;
    }
  }
  std::vector<uint32_t> slots_;  // 0 = empty, else entry index + 1
  std::vector<Entry> entries_;
};

}  // namespace lemma_load

namespace {

using lemma_load::ViewMap;

struct Rule {
  const char* suffix;
  const char* ending;
};

// WordNet morphy detachment rules (morph.c), per part of speech.
constexpr Rule kVerbRules[] = {{"s", ""},   {"ies", "y"}, {"es", "e"},
                               {"es", ""},  {"ed", "e"},  {"ed", ""},
                               {"ing", "e"}, {"ing", ""}};
constexpr Rule kNounRules[] = {{"s", ""},    {"ses", "s"},  {"xes", "x"},
                               {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
                               {"men", "man"}, {"ies", "y"}};
constexpr Rule kAdjRules[] = {{"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"}};

// Function words and auxiliaries: fixed lemmas, never run through rules
// ("us" would otherwise become the noun "u", "has" the noun "ha").
constexpr std::pair<const char*, const char*> kFixed[] = {
    {"is", "be"},      {"are", "be"},     {"was", "be"},    {"were", "be"},
    {"am", "be"},      {"been", "be"},    {"being", "be"},  {"'s", "'s"},
    {"has", "have"},   {"had", "have"},   {"having", "have"},
    {"does", "do"},    {"did", "do"},     {"done", "do"},   {"doing", "do"},
    {"us", "us"},      {"as", "as"},      {"its", "its"},   {"his", "his"},
    {"this", "this"},  {"thus", "thus"},  {"yes", "yes"},   {"less", "less"},
    {"was", "be"},     {"ones", "one"},   {"others", "other"},
    {"news", "news"},  {"media", "media"}, {"data", "data"},
    {"evening", "evening"}, {"morning", "morning"}, {"during", "during"},
    {"ceiling", "ceiling"}, {"wedding", "wedding"}, {"thing", "thing"},
    {"nothing", "nothing"}, {"something", "something"},
    {"anything", "anything"}, {"everything", "everything"},
    {"spring", "spring"}, {"string", "string"}, {"king", "king"},
    {"sibling", "sibling"}, {"politics", "politics"}, {"series", "series"},
    {"species", "species"}, {"means", "means"}, {"headquarters", "headquarters"},
    {"united", "united"}, {"left", "leave"}, {"lies", "lie"},
};

// A file's bytes, read whole (not zero-filled first).
struct FileBytes {
  std::unique_ptr<char[]> data;
  size_t size = 0;
  std::string_view view() const { return std::string_view(data.get(), size); }
};

// Reads the whole file at `path` into *out (one read for a regular file).
Status ReadFile(const std::string& path, const char* what, FileBytes* out) {
  const Status error = NotFoundError(std::string("cannot read WordNet ") + what + " " + path);
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return error;
  struct stat st;
  // One byte more than the size: the read that sees the end.
  size_t cap = (fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<size_t>(st.st_size) : 0) + 1;
  out->data = std::make_unique_for_overwrite<char[]>(cap);
  out->size = 0;
  while (true) {
    if (out->size == cap) {  // grew since fstat, or not a regular file
      auto bigger = std::make_unique_for_overwrite<char[]>(cap * 2 + 4096);
      std::memcpy(bigger.get(), out->data.get(), out->size);
      out->data = std::move(bigger);
      cap = cap * 2 + 4096;
    }
    const ssize_t n = read(fd, out->data.get() + out->size, cap - out->size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      close(fd);
      if (n < 0) return error;
      return Status::Ok();
    }
    out->size += static_cast<size_t>(n);
  }
}

// Calls fn(line) for every line of `text` (as std::getline would split it:
// a last line without '\n' counts, no empty line after a final '\n').
template <typename Fn>
void ForEachLine(std::string_view text, Fn fn) {
  size_t pos = 0;
  while (pos < text.size()) {
    const char* nl = static_cast<const char*>(
        std::memchr(text.data() + pos, '\n', text.size() - pos));
    const size_t end = nl == nullptr ? text.size() : static_cast<size_t>(nl - text.data());
    fn(text.substr(pos, end - pos));
    pos = end + 1;
  }
}

// Stable storage for generated word forms (views into it never move).
class FormArena {
 public:
  std::string_view Copy(std::string_view s) {
    if (chunks_.empty() || used_ + s.size() > kChunk) {
      chunks_.push_back(std::make_unique_for_overwrite<char[]>(std::max(kChunk, s.size())));
      used_ = 0;
    }
    char* d = chunks_.back().get() + used_;
    std::memcpy(d, s.data(), s.size());
    used_ += s.size();
    return std::string_view(d, s.size());
  }

 private:
  static constexpr size_t kChunk = 1 << 16;
  std::vector<std::unique_ptr<char[]>> chunks_;
  size_t used_ = 0;
};

// The head words of a WordNet index file (first field of every line but the
// license header, multi-word entries "a_b" left out), each once, in file
// order.
struct WordList {
  FileBytes file;                      // the views' storage
  std::vector<std::string_view> words;  // distinct, in file order
  ViewMap set{1};
};

Status ReadIndex(const std::string& path, WordList* out) {
  PARLEY_RETURN_IF_ERROR(ReadFile(path, "index", &out->file));
  out->set = ViewMap(out->file.size / 32 + 1);  // index lines are ~40 bytes
  ForEachLine(out->file.view(), [&](std::string_view line) {
    if (line.empty() || line[0] == ' ') return;  // license header
    const std::string_view w = line.substr(0, line.find(' '));
    if (w.find('_') != std::string_view::npos) return;  // multi-word
    if (out->set.Emplace(w, {})) out->words.push_back(w);
  });
  return Status::Ok();
}

// Reads "form base [base...]" lines; the first base wins. The views point
// into *file.
Status ReadExceptions(const std::string& path, FileBytes* file,
                      std::vector<std::pair<std::string_view, std::string_view>>* out) {
  PARLEY_RETURN_IF_ERROR(ReadFile(path, "exceptions", file));
  ForEachLine(file->view(), [&](std::string_view line) {
    const size_t sp = line.find(' ');
    if (sp == std::string_view::npos) return;
    const size_t sp2 = line.find(' ', sp + 1);
    const std::string_view base =
        line.substr(sp + 1, sp2 == std::string_view::npos ? std::string_view::npos : sp2 - sp - 1);
    const std::string_view form = line.substr(0, sp);
    if (form.find('_') != std::string_view::npos) return;
    out->emplace_back(form, base);
  });
  return Status::Ok();
}

// Adds form -> base for every rule whose inverse applies to a base (rules
// in order; within one rule every form has a single base, so the order of
// the bases does not matter).
template <size_t N>
void ApplyRules(const WordList& bases, const Rule (&rules)[N], const ViewMap* skip_if_form_in,
                FormArena* arena, ViewMap* table) {
  std::string form;
  for (const Rule& r : rules) {
    const std::string_view ending = r.ending;
    const std::string_view suffix = r.suffix;
    for (const std::string_view base : bases.words) {
      if (base.size() < ending.size() ||
          !BytesEqual(base.data() + base.size() - ending.size(), ending.data(), ending.size())) {
        continue;
      }
      const size_t stem = base.size() - ending.size();
      form.resize(stem + suffix.size());
      std::memcpy(form.data(), base.data(), stem);
      std::memcpy(form.data() + stem, suffix.data(), suffix.size());
      // A form that is itself a lemma keeps itself unless the base is long
      // enough to be safe ("operations" -> "operation", but "gas" stays).
      if (form == base) continue;
      const uint64_t h = HashBytes(form);
      if (base.size() < 4 && bases.set.Contains(form, h)) continue;
      if (skip_if_form_in && skip_if_form_in->Contains(form, h)) continue;
      if (table->Contains(form, h)) continue;
      table->Emplace(arena->Copy(form), base, h);
    }
  }
}

}  // namespace

StatusOr<std::unique_ptr<Lemmatizer>> Lemmatizer::Load(const std::string& dir) {
  WordList noun, verb, adj, adv;
  PARLEY_RETURN_IF_ERROR(ReadIndex(dir + "/index.noun", &noun));
  PARLEY_RETURN_IF_ERROR(ReadIndex(dir + "/index.verb", &verb));
  PARLEY_RETURN_IF_ERROR(ReadIndex(dir + "/index.adj", &adj));
  PARLEY_RETURN_IF_ERROR(ReadIndex(dir + "/index.adv", &adv));
  FileBytes files[4];
  std::vector<std::pair<std::string_view, std::string_view>> vexc, nexc, aexc, rexc;
  PARLEY_RETURN_IF_ERROR(ReadExceptions(dir + "/verb.exc", &files[0], &vexc));
  PARLEY_RETURN_IF_ERROR(ReadExceptions(dir + "/noun.exc", &files[1], &nexc));
  PARLEY_RETURN_IF_ERROR(ReadExceptions(dir + "/adj.exc", &files[2], &aexc));
  PARLEY_RETURN_IF_ERROR(ReadExceptions(dir + "/adv.exc", &files[3], &rexc));

  // Emplace() keeps the first value: insertion order is the precedence.
  ViewMap table(noun.words.size() * 2 + verb.words.size() * 4);
  FormArena arena;
  for (const auto& [f, b] : kFixed) table.Emplace(f, b);
  for (const auto& [f, b] : vexc) table.Emplace(f, b);
  ApplyRules(verb, kVerbRules, nullptr, &arena, &table);
  for (const auto& [f, b] : nexc) table.Emplace(f, b);
  ApplyRules(noun, kNounRules, nullptr, &arena, &table);
  for (const auto& [f, b] : aexc) table.Emplace(f, b);
  ApplyRules(adj, kAdjRules, &noun.set, &arena, &table);
  for (const auto& [f, b] : rexc) table.Emplace(f, b);
  return Build(table, dir);
}

// The lookup table of `table`'s entries (form -> base; entries whose base
// is the form itself only held their place in the precedence) and the
// keywords (keywords.h), sharing slots: one probe gives lemma and keyword.
StatusOr<std::unique_ptr<Lemmatizer>> Lemmatizer::Build(const ViewMap& table,
                                                         const std::string& dir) {
  const auto all = AllKeywords();
  ViewMap keywords(all.size());
  std::vector<uint8_t> keyword_ids;  // per entry of `keywords`
  for (size_t k = 0; k < all.size(); ++k) {
    if (keywords.Emplace(all[k].word, {})) keyword_ids.push_back(static_cast<uint8_t>(k + 1));
  }
  std::vector<bool> keyword_placed(keyword_ids.size(), false);
  size_t keywords_left = keyword_ids.size();
  auto lem = std::unique_ptr<Lemmatizer>(new Lemmatizer());
  size_t cap = 1;
  while (cap < (table.size() + keywords.size()) * 2) cap <<= 1;
  if (!lem->AllocateSlots(cap)) {
    return ResourceExhaustedError("cannot allocate the lemma table");
  }
  size_t pool = 0;
  for (const ViewMap::Entry& e : table.entries()) pool += e.key.size() + e.value.size();
  lem->pool_.reserve(pool + 4096);
  for (const ViewMap::Entry& e : table.entries()) {
    const std::string_view f = e.key, b = e.value;
    if (f == b || f.size() > 255 || b.size() > 255) continue;
    const size_t k = keywords.Find(f, e.hash);
    uint8_t id = 0;
    if (k != ViewMap::kNone && !keyword_placed[k]) {
      id = keyword_ids[k];
      keyword_placed[k] = true;
      --keywords_left;
    }
    lem->Insert(f, b, id, e.hash);
  }
  for (size_t k = 0; k < keyword_ids.size(); ++k) {
    if (keyword_placed[k]) continue;
    const ViewMap::Entry& w = keywords.entries()[k];
    lem->Insert(w.key, "", keyword_ids[k], w.hash);
  }
  if (lem->count_ <= keywords_left) {
    return NotFoundError("WordNet data in " + dir + " is empty");
  }
  return lem;
}

void Lemmatizer::UnmapDeleter::operator()(Slot* p) const { munmap(p, bytes); }

bool Lemmatizer::AllocateSlots(size_t n) {
  constexpr size_t kHugePage = 2u << 20;
  size_t bytes = n * sizeof(Slot);
  bytes = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  // Map a huge page more than needed and unmap the unaligned ends.
  void* raw = mmap(nullptr, bytes + kHugePage, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return false;
  char* const base = static_cast<char*>(raw);
  const uintptr_t addr = reinterpret_cast<uintptr_t>(base);
  char* const mem = base + ((kHugePage - addr % kHugePage) % kHugePage);
  if (mem != base) munmap(base, static_cast<size_t>(mem - base));
  const size_t tail = static_cast<size_t>(base + bytes + kHugePage - (mem + bytes));
  if (tail != 0) munmap(mem + bytes, tail);
  madvise(mem, bytes, MADV_HUGEPAGE);  // a hint; failure is harmless
  slots_ = std::unique_ptr<Slot[], UnmapDeleter>(reinterpret_cast<Slot*>(mem),
                                                 UnmapDeleter{bytes});
  num_slots_ = n;
  mask_ = n - 1;
  return true;
}

void Lemmatizer::Insert(std::string_view key, std::string_view value, uint8_t keyword,
                        uint64_t h) {
  size_t i = h & mask_;
  while (slots_[i].used) i = (i + 1) & mask_;
  Slot& s = slots_[i];
  s.tag = static_cast<uint32_t>(h >> 32);
  s.used = 1;
  s.keyword = keyword;
  s.key_off = static_cast<uint32_t>(pool_.size());
  s.key_len = static_cast<uint8_t>(key.size());
  pool_.append(key);
  s.val_off = static_cast<uint32_t>(pool_.size());
  s.val_len = static_cast<uint8_t>(value.size());
  pool_.append(value);
  ++count_;
}

Lemmatizer::Entry Lemmatizer::FindHashed(std::string_view form, uint64_t h) const {
  if (num_slots_ == 0 || form.size() > 255) return {};
  const uint32_t tag = static_cast<uint32_t>(h >> 32);
  for (size_t i = h & mask_;; i = (i + 1) & mask_) {
    const Slot& s = slots_[i];
    if (!s.used) return {};
    if (s.tag == tag && s.key_len == form.size() &&
        BytesEqual(pool_.data() + s.key_off, form.data(), form.size())) {
      return Entry{std::string_view(pool_.data() + s.val_off, s.val_len), s.keyword};
    }
  }
}

}  // namespace parley::text_internal
