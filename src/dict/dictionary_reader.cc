// ReadDictionaryFile / ReadDictionaryDirectory (include/parley/dictionary.h)
// and the `parley.dict` manifest:
//
//   # Parley dictionary set manifest
//   [dictionaries]
//   verbs = Parley.verbs.txt
//   actors = Parley.countries.actors.txt, Parley.igo.actors.txt
//   framing = Parley.framing.actors.txt
//   agents = Parley.agents.txt
//   discards = Parley.discards.txt
//   issues = Parley.issues.txt
//
// Only [dictionaries] is read here; other sections ([claims], ...) belong to
// later stages and are skipped. Paths are relative to the manifest.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "dict/dictionary_reader_internal.h"
#include "parley/dictionary.h"

namespace parley {
namespace {

namespace fs = std::filesystem;
using dict_internal::DiagSink;
using dict_internal::Line;

constexpr const char* kManifestName = "parley.dict";
constexpr size_t kMaxDictionaryBytes = 256u << 20;

StatusOr<std::string> ReadWholeFile(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    return NotFoundError("cannot read dictionary '" + path + "': " +
                         (fs::exists(path, ec) ? "not a regular file" : "no such file"));
  }
  if (fs::file_size(path, ec) > kMaxDictionaryBytes) {
    return ResourceExhaustedError("dictionary '" + path + "' is larger than 256 MiB");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open dictionary '" + path + "'");
  std::ostringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

std::optional<DictionaryKind> KindFromKey(std::string_view key) {
  if (key == "verbs") return DictionaryKind::kVerbs;
  if (key == "actors") return DictionaryKind::kActors;
  if (key == "framing") return DictionaryKind::kFraming;
  if (key == "agents") return DictionaryKind::kAgents;
  if (key == "discards") return DictionaryKind::kDiscards;
  if (key == "issues") return DictionaryKind::kIssues;
  return std::nullopt;
}

}  // namespace

namespace dict_internal {

std::optional<DictionaryKind> KindFromFileName(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  std::string n = dict_internal::ToLower(name);
  if (n.size() < 4 || n.substr(n.size() - 4) != ".txt") return std::nullopt;
  if (n.find("framing") != std::string::npos) return DictionaryKind::kFraming;
  if (n.find("actors") != std::string::npos) return DictionaryKind::kActors;
  if (n.find("agents") != std::string::npos) return DictionaryKind::kAgents;
  if (n.rfind("cameo", 0) == 0 || n.find("verbs") != std::string::npos) {
    return DictionaryKind::kVerbs;
  }
  if (n.find("discards") != std::string::npos) return DictionaryKind::kDiscards;
  if (n.find("issue") != std::string::npos) return DictionaryKind::kIssues;
  return std::nullopt;
}

}  // namespace dict_internal

namespace {

struct ManifestFile {
  std::string path;
  DictionaryKind kind;
  uint32_t line;
};

// Parses the manifest; problems go to set->diagnostics.
std::vector<ManifestFile> ParseManifest(const std::string& manifest, const std::string& dir,
                                        const std::string& contents, DictionarySet* set) {
  std::vector<ManifestFile> files;
  DiagSink diags(manifest, &set->diagnostics);
  std::vector<Line> lines = dict_internal::SplitLines(contents, manifest, &set->diagnostics);
  std::string section;
  for (const Line& line : lines) {
    std::string_view body = dict_internal::Trim(line.text);
    if (body.empty() || body[0] == ';') continue;
    if (body.front() == '[') {
      if (body.back() != ']') {
        diags.Error(line, 0, "unclosed section header", std::string(body), "'[section]'");
      }
      section = std::string(dict_internal::Trim(body.substr(1, body.size() - 2)));
      continue;
    }
    if (section != "dictionaries") {
      if (section.empty()) {
        diags.Error(line, 0, "entry outside a section", std::string(body), "'[dictionaries]' first");
      }
      continue;
    }
    size_t eq = body.find('=');
    std::string key = eq == std::string_view::npos
                          ? std::string(body)
                          : dict_internal::ToLower(dict_internal::Trim(body.substr(0, eq)));
    std::optional<DictionaryKind> kind = KindFromKey(key);
    if (eq == std::string_view::npos || !kind) {
      diags.Error(line, 0, eq == std::string_view::npos ? "missing '='" : "unknown key", key,
                  "one of verbs, actors, framing, agents, discards, issues");
      continue;
    }
    std::string_view rest = body.substr(eq + 1);
    while (true) {
      size_t comma = rest.find(',');
      std::string_view name = dict_internal::Trim(rest.substr(0, comma));
      if (!name.empty()) {
        fs::path p(name);
        files.push_back({p.is_absolute() ? p.string() : (fs::path(dir) / p).string(), *kind,
                         line.number});
      }
      if (comma == std::string_view::npos) break;
      rest.remove_prefix(comma + 1);
    }
  }
  return files;
}

// True when the leading comment lines contain "# syntax:" or "# parley".
bool HasParleyHeader(const std::vector<Line>& lines) {
  for (const Line& l : lines) {
    std::string_view raw = dict_internal::Trim(l.raw);
    if (raw.empty()) continue;
    if (raw[0] != '#') return false;
    raw.remove_prefix(1);
    std::string head = dict_internal::ToLower(dict_internal::Trim(raw));
    if (head.rfind("syntax:", 0) == 0 || head.rfind("parley", 0) == 0) return true;
  }
  return false;
}

}  // namespace

Status ReadDictionaryFile(const std::string& path, DictionaryKind kind, DictionarySet* set) {
  return ReadDictionaryFile(path, kind, set, ReadOptions{});
}

Status ReadDictionaryFile(const std::string& path, DictionaryKind kind, DictionarySet* set,
                          const ReadOptions& options) {
  StatusOr<std::string> contents = ReadWholeFile(path);
  if (!contents.ok()) return contents.status();
  set->files.push_back(path);
  std::vector<Line> lines = dict_internal::SplitLines(*contents, path, &set->diagnostics);
  bool legacy = options.strictness == ReadOptions::Strictness::kLegacy ||
                (options.strictness == ReadOptions::Strictness::kAuto && !HasParleyHeader(lines));
  DiagSink diags(path, &set->diagnostics, legacy);
  switch (kind) {
    case DictionaryKind::kActors:
      dict_internal::ReadActorLines(lines, /*framing=*/false, &diags, set);
      break;
    case DictionaryKind::kFraming:
      dict_internal::ReadActorLines(lines, /*framing=*/true, &diags, set);
      break;
    case DictionaryKind::kAgents:
      dict_internal::ReadAgentLines(lines, &diags, set);
      break;
    case DictionaryKind::kVerbs:
      dict_internal::ReadVerbLines(lines, &diags, set);
      break;
    case DictionaryKind::kDiscards:
      dict_internal::ReadDiscardLines(lines, &diags, set);
      break;
    case DictionaryKind::kIssues:
      dict_internal::ReadIssueLines(lines, &diags, set);
      break;
  }
  return Status::Ok();
}

StatusOr<DictionarySet> ReadDictionaryDirectory(const std::string& dir) {
  return ReadDictionaryDirectory(dir, ReadOptions{});
}

StatusOr<DictionarySet> ReadDictionaryDirectory(const std::string& dir,
                                                const ReadOptions& options) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return NotFoundError("dictionary directory '" + dir + "' does not exist");
  }
  DictionarySet set;
  ReadOptions file_options = options;
  std::string manifest = (fs::path(dir) / kManifestName).string();
  std::vector<ManifestFile> files;
  if (fs::exists(manifest, ec)) {
    StatusOr<std::string> contents = ReadWholeFile(manifest);
    if (!contents.ok()) return contents.status();
    set.files.push_back(manifest);
    files = ParseManifest(manifest, dir, *contents, &set);
    if (file_options.strictness == ReadOptions::Strictness::kAuto) {
      file_options.strictness = ReadOptions::Strictness::kStrict;
    }
  } else {
    std::vector<std::string> names;
    for (const fs::directory_entry& e : fs::directory_iterator(dir, ec)) {
      if (e.is_regular_file(ec)) names.push_back(e.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    for (const std::string& n : names) {
      if (std::optional<DictionaryKind> k = dict_internal::KindFromFileName(n)) {
        files.push_back({(fs::path(dir) / n).string(), *k, 0});
      }
    }
  }
  if (files.empty() && !set.has_errors()) {
    return NotFoundError("no dictionary file in '" + dir + "' (no " + kManifestName +
                         " and no *actors*.txt, *agents*.txt, CAMEO*.txt/*verbs*.txt, "
                         "*discards*.txt or *Issue*.txt)");
  }
  for (const ManifestFile& f : files) {
    Status s = ReadDictionaryFile(f.path, f.kind, &set, file_options);
    if (s.ok()) continue;
    if (f.line == 0) return s;
    DiagSink diags(manifest, &set.diagnostics);
    diags.ErrorAt(f.line, "dictionary file listed in the manifest cannot be read: " + s.message(),
                  fs::path(f.path).filename().string(), "an existing file relative to " + dir);
  }
  return set;
}

}  // namespace parley
