#include "text/lemmatizer.h"

#include "text/keywords.h"

#include <sys/mman.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

namespace parley::text_internal {
namespace {

using WordSet = std::unordered_set<std::string>;

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

std::string_view FirstField(std::string_view line) {
  size_t sp = line.find(' ');
  return sp == std::string_view::npos ? line : line.substr(0, sp);
}

Status ReadIndex(const std::string& path, WordSet* out) {
  std::ifstream in(path);
  if (!in) return NotFoundError("cannot read WordNet index " + path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == ' ') continue;  // license header
    std::string_view w = FirstField(line);
    if (w.find('_') != std::string_view::npos) continue;  // multi-word
    out->emplace(w);
  }
  return Status::Ok();
}

// Reads "form base [base...]" lines; the first base wins.
Status ReadExceptions(const std::string& path,
                      std::vector<std::pair<std::string, std::string>>* out) {
  std::ifstream in(path);
  if (!in) return NotFoundError("cannot read WordNet exceptions " + path);
  std::string line;
  while (std::getline(in, line)) {
    size_t sp = line.find(' ');
    if (sp == std::string::npos) continue;
    size_t sp2 = line.find(' ', sp + 1);
    std::string base = line.substr(sp + 1, sp2 == std::string::npos
                                               ? std::string::npos
                                               : sp2 - sp - 1);
    std::string form = line.substr(0, sp);
    if (form.find('_') != std::string::npos) continue;
    out->emplace_back(std::move(form), std::move(base));
  }
  return Status::Ok();
}

bool EndsWith(const std::string& s, std::string_view suf) {
  return s.size() >= suf.size() &&
         std::string_view(s).substr(s.size() - suf.size()) == suf;
}

// Adds form -> base for every rule whose inverse applies to `base`.
template <size_t N>
void ApplyRules(const WordSet& bases, const Rule (&rules)[N],
                const WordSet* skip_if_form_in,
                std::unordered_map<std::string, std::string>* table) {
  for (const Rule& r : rules) {
    for (const std::string& base : bases) {
      if (!EndsWith(base, r.ending)) continue;
      std::string form =
          base.substr(0, base.size() - std::string_view(r.ending).size()) +
          r.suffix;
      // A form that is itself a lemma keeps itself unless the base is long
      // enough to be safe ("operations" -> "operation", but "gas" stays).
      if (form == base || (bases.count(form) && base.size() < 4)) continue;
      if (skip_if_form_in && skip_if_form_in->count(form)) continue;
      table->emplace(std::move(form), base);
    }
  }
}

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

StatusOr<std::unique_ptr<Lemmatizer>> Lemmatizer::Load(const std::string& dir) {
  WordSet noun, verb, adj, adv;
  PARLEY_RETURN_IF_ERROR(ReadIndex(dir + "/index.noun", &noun));
  PARLEY_RETURN_IF_ERROR(ReadIndex(dir + "/index.verb", &verb));
  PARLEY_RETURN_IF_ERROR(ReadIndex(dir + "/index.adj", &adj));
  PARLEY_RETURN_IF_ERROR(ReadIndex(dir + "/index.adv", &adv));
  std::vector<std::pair<std::string, std::string>> vexc, nexc, aexc, rexc;
  PARLEY_RETURN_IF_ERROR(ReadExceptions(dir + "/verb.exc", &vexc));
  PARLEY_RETURN_IF_ERROR(ReadExceptions(dir + "/noun.exc", &nexc));
  PARLEY_RETURN_IF_ERROR(ReadExceptions(dir + "/adj.exc", &aexc));
  PARLEY_RETURN_IF_ERROR(ReadExceptions(dir + "/adv.exc", &rexc));

  // emplace() keeps the first value: insertion order is the precedence.
  std::unordered_map<std::string, std::string> table;
  table.reserve(400000);
  for (const auto& [f, b] : kFixed) table.emplace(f, b);
  for (auto& [f, b] : vexc) table.emplace(f, b);
  ApplyRules(verb, kVerbRules, nullptr, &table);
  for (auto& [f, b] : nexc) table.emplace(f, b);
  ApplyRules(noun, kNounRules, nullptr, &table);
  for (auto& [f, b] : aexc) table.emplace(f, b);
  ApplyRules(adj, kAdjRules, &noun, &table);
  for (auto& [f, b] : rexc) table.emplace(f, b);

  // Keywords share the table: one probe per token gives lemma and keyword.
  std::unordered_map<std::string, uint8_t> keywords;
  const auto all = AllKeywords();
  for (size_t k = 0; k < all.size(); ++k) {
    keywords.emplace(std::string(all[k].word), static_cast<uint8_t>(k + 1));
  }
  auto lem = std::unique_ptr<Lemmatizer>(new Lemmatizer());
  size_t cap = 1;
  while (cap < (table.size() + keywords.size()) * 2) cap <<= 1;
  if (!lem->AllocateSlots(cap)) {
    return ResourceExhaustedError("cannot allocate the lemma table");
  }
  for (const auto& [f, b] : table) {
    if (f == b || f.size() > 255 || b.size() > 255) continue;
    auto kw = keywords.find(f);
    lem->Insert(f, b, kw == keywords.end() ? 0 : kw->second);
    if (kw != keywords.end()) keywords.erase(kw);
  }
  for (const auto& [w, id] : keywords) lem->Insert(w, "", id);
  if (lem->count_ <= keywords.size()) {
    return NotFoundError("WordNet data in " + dir + " is empty");
  }
  return lem;
}

void Lemmatizer::FreeDeleter::operator()(void* p) const { std::free(p); }

bool Lemmatizer::AllocateSlots(size_t n) {
  constexpr size_t kHugePage = 2u << 20;
  size_t bytes = n * sizeof(Slot);
  bytes = (bytes + kHugePage - 1) / kHugePage * kHugePage;
  void* mem = std::aligned_alloc(kHugePage, bytes);
  if (mem != nullptr) {
    madvise(mem, bytes, MADV_HUGEPAGE);  // a hint; failure is harmless
    std::memset(mem, 0, bytes);
  } else {
    mem = std::calloc(n, sizeof(Slot));
    if (mem == nullptr) return false;
  }
  slots_.reset(static_cast<Slot*>(mem));
  num_slots_ = n;
  mask_ = n - 1;
  return true;
}

void Lemmatizer::Insert(std::string_view key, std::string_view value,
                        uint8_t keyword) {
  uint64_t h = HashBytes(key);
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
