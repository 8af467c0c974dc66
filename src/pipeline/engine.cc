// Engine: loads and wires the stages (text analyzer, dictionaries, event
// coder, claims extractor) and codes one document at a time.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <string_view>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "dict/cameo_table.h"
#include "parley/dictionary.h"
#include "pipeline/engine_internal.h"

#ifndef PARLEY_INSTALL_DATADIR
#define PARLEY_INSTALL_DATADIR "/usr/local/share/parley"
#endif

namespace parley {
namespace {

bool IsDirectory(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// <dir of the running executable>/../share/parley, for relocated installs.
std::string ExecutableRelativeDataDir() {
  char buf[4096];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof(buf) - 1);
  if (n <= 0) return {};
  std::string exe(buf, static_cast<size_t>(n));
  const size_t slash = exe.rfind('/');
  if (slash == std::string::npos) return {};
  return exe.substr(0, slash) + "/../share/parley";
}

// Appends every entry of `more` to `set` (later directories add to earlier).
void MergeInto(DictionarySet&& more, DictionarySet* set) {
  auto append = [](auto& to, auto& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  };
  append(set->actors, more.actors);
  append(set->agents, more.agents);
  append(set->synsets, more.synsets);
  append(set->verb_blocks, more.verb_blocks);
  append(set->transformations, more.transformations);
  append(set->discards, more.discards);
  append(set->issues, more.issues);
  append(set->files, more.files);
  append(set->diagnostics, more.diagnostics);
}

// "dictionary errors:\n  file:line:col: error: ..." (at most 20 listed).
Status DictionaryErrors(const DictionarySet& set) {
  std::string msg = "dictionary errors:";
  size_t errors = 0;
  for (const Diagnostic& d : set.diagnostics) {
    if (d.severity != Diagnostic::Severity::kError) continue;
    if (++errors <= 20) msg += "\n  " + d.ToString();
  }
  if (errors > 20) msg += fmt::format("\n  ... and {} more", errors - 20);
  return InvalidArgumentError(std::move(msg));
}

StatusOr<DictionarySet> ReadLayeredDictionaries(const std::vector<std::string>& dirs) {
  DictionarySet set;
  for (const std::string& dir : dirs) {
    StatusOr<DictionarySet> one = ReadDictionaryDirectory(dir);
    if (!one.ok()) {
      return Status(one.status().code(),
                    fmt::format("cannot read dictionaries in {}: {}", dir, one.status().message()));
    }
    MergeInto(std::move(one).value(), &set);
  }
  if (set.has_errors()) return DictionaryErrors(set);
  return set;
}

std::string_view TrimBlanks(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The `dir = PATH` entry of the [claims] section of <dir>/parley.dict
// (docs/dictionary_format.md), resolved against <dir>; empty when absent.
std::string ManifestClaimsDirectory(const std::string& dir) {
  std::ifstream in(dir + "/parley.dict");
  std::string line;
  bool in_claims = false;
  while (std::getline(in, line)) {
    std::string_view l = line;
    l = TrimBlanks(l.substr(0, std::min(l.find('#'), l.find(';'))));
    if (l.size() >= 2 && l.front() == '[' && l.back() == ']') {
      in_claims = TrimBlanks(l.substr(1, l.size() - 2)) == "claims";
      continue;
    }
    const size_t eq = l.find('=');
    if (!in_claims || eq == std::string_view::npos || TrimBlanks(l.substr(0, eq)) != "dir") continue;
    std::string path(TrimBlanks(l.substr(eq + 1)));
    if (path.empty()) continue;
    return path.front() == '/' ? path : dir + "/" + path;
  }
  return {};
}

// The claims lexicons: from the last dictionary directory whose manifest has
// a [claims] `dir = PATH` entry or that has a "claims" subdirectory, else
// Parley's bundled ones.
std::string ClaimsDirectory(const std::vector<std::string>& dirs) {
  for (auto it = dirs.rbegin(); it != dirs.rend(); ++it) {
    if (std::string m = ManifestClaimsDirectory(*it); !m.empty()) return m;
    if (IsDirectory(*it + "/claims")) return *it + "/claims";
  }
  return DataDirectory() + "/dictionaries/parley/claims";
}

Status Annotate(const Status& s, std::string_view what) {
  return Status(s.code(), fmt::format("{}: {}", what, s.message()));
}

void FillMetadata(const Document& doc, CodedDocument* out) {
  out->doc = doc.id;
  out->origin = doc.origin;
  out->ordinal = doc.ordinal;
  out->date = doc.date;
  out->title = doc.title;
  out->date_source = doc.date ? doc.date_source : std::string();
  out->outlet = doc.outlet;
  out->url = doc.url;
  out->language = doc.language;
  out->extra_json = doc.extra_json;
  out->content_hash = doc.content_hash;
}

// Root, quad class, Goldstein and PLOVER from the CAMEO table for events the
// coder left without them (e.g. codes from a user's verb dictionary).
void EnrichEvents(CodedDocument* out) {
  const CameoTable& cameo = CameoTable::Default();
  if (cameo.empty()) return;
  for (Event& e : out->events) {
    if (!e.root.empty() && e.quad != 0 && !e.plover.empty()) continue;
    const CameoCode* c = cameo.Lookup(e.code);
    if (c == nullptr) continue;
    if (e.root.empty()) e.root = c->root;
    if (e.quad == 0) {
      e.quad = c->quad;
      e.goldstein = c->goldstein;
    }
    if (e.plover.empty()) e.plover = c->plover;
  }
}

SentenceRecord MakeSentenceRecord(const Document& doc, const Sentence& s, uint32_t i) {
  const uint32_t end = std::min<uint32_t>(s.end, static_cast<uint32_t>(doc.text.size()));
  const uint32_t start = std::min(s.start, end);
  return SentenceRecord{i, start, end, doc.text.substr(start, end - start)};
}

// All sentences, or only those that an event, figure or position refers to
// (their text is the "text" of those records in the output).
void FillSentences(const Document& doc, const AnalyzedText& text, bool all, CodedDocument* out) {
  out->sentences.clear();
  const uint32_t n = static_cast<uint32_t>(text.sentences.size());
  if (all) {
    for (uint32_t i = 0; i < n; ++i) out->sentences.push_back(MakeSentenceRecord(doc, text.sentences[i], i));
    return;
  }
  std::vector<uint32_t> used;
  for (const Event& e : out->events) used.push_back(e.sentence);
  for (const Figure& f : out->figures) used.push_back(f.sentence);
  for (const Position& p : out->positions) used.push_back(p.sentence);
  std::sort(used.begin(), used.end());
  used.erase(std::unique(used.begin(), used.end()), used.end());
  for (uint32_t i : used) {
    if (i < n) out->sentences.push_back(MakeSentenceRecord(doc, text.sentences[i], i));
  }
}

}  // namespace

std::string DataDirectory() {
  if (const char* env = std::getenv("PARLEY_DATA_DIR"); env != nullptr && *env != '\0') return env;
#ifdef PARLEY_SOURCE_DIR
  if (IsDirectory(std::string(PARLEY_SOURCE_DIR) + "/dictionaries")) return PARLEY_SOURCE_DIR;
#endif
  if (std::string rel = ExecutableRelativeDataDir(); !rel.empty() && IsDirectory(rel)) return rel;
  return PARLEY_INSTALL_DATADIR;
}

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

StatusOr<std::unique_ptr<Engine>> Engine::Create(const EngineOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  impl->dictionary_dirs = options.dictionary_dirs;
  if (impl->dictionary_dirs.empty()) {
    impl->dictionary_dirs.push_back(DataDirectory() + "/dictionaries/parley");
  }
  auto text = TextAnalyzer::Create(options.wordnet_dir);
  if (!text.ok()) return Annotate(text.status(), "cannot load the text analyzer");
  impl->text = std::move(text).value();

  StatusOr<DictionarySet> set = ReadLayeredDictionaries(impl->dictionary_dirs);
  if (!set.ok()) return set.status();
  for (const Diagnostic& d : set->diagnostics) {
    impl->dictionary_warnings += d.severity == Diagnostic::Severity::kWarning;
  }
  auto dictionary = CompiledDictionary::Compile(*set, *impl->text);
  if (!dictionary.ok()) return Annotate(dictionary.status(), "cannot compile the dictionaries");
  impl->dictionary = std::move(dictionary).value();

  auto coder = EventCoder::Create(impl->dictionary);
  if (!coder.ok()) return Annotate(coder.status(), "cannot create the event coder");
  impl->coder = std::move(coder).value();

  impl->claims_dir = ClaimsDirectory(impl->dictionary_dirs);
  auto claims = ClaimsExtractor::Create(impl->claims_dir, impl->dictionary);
  if (!claims.ok()) {
    return Annotate(claims.status(), "cannot load the claims lexicons in " + impl->claims_dir);
  }
  impl->claims = std::move(claims).value();
  return std::unique_ptr<Engine>(new Engine(std::move(impl)));
}

std::unique_ptr<EngineScratch> Engine::NewScratch() const {
  auto s = std::make_unique<EngineScratch>();
  s->coder = impl_->coder->NewScratch();
  return s;
}

void Engine::Code(const Document& doc, EngineScratch* scratch, CodedDocument* out) const {
  out->events.clear();
  out->figures.clear();
  out->positions.clear();
  FillMetadata(doc, out);
  impl_->text->Analyze(doc, &scratch->text);
  impl_->coder->Code(doc, scratch->text, scratch->coder.get(), &scratch->coding);
  impl_->claims->Extract(doc, scratch->text, scratch->coding, out);
  EnrichEvents(out);
  FillSentences(doc, scratch->text, impl_->options.emit_sentences, out);
}

}  // namespace parley
