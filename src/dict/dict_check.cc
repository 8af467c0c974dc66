// `parley dict check` report; see dict_check.h.
#include "dict/dict_check.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <map>
#include <optional>

#include "dict/dictionary_reader_internal.h"

namespace parley {
namespace {

std::optional<DictionaryKind> KindFromKey(std::string_view key) {
  if (key == "actors") return DictionaryKind::kActors;
  if (key == "framing") return DictionaryKind::kFraming;
  if (key == "agents") return DictionaryKind::kAgents;
  if (key == "verbs") return DictionaryKind::kVerbs;
  if (key == "discards") return DictionaryKind::kDiscards;
  if (key == "issues") return DictionaryKind::kIssues;
  return std::nullopt;
}

template <typename T>
void Append(std::vector<T>* from, std::vector<T>* to) {
  to->insert(to->end(), std::make_move_iterator(from->begin()),
             std::make_move_iterator(from->end()));
}

Status ReadPath(const std::string& path, const ReadOptions& options, DictionarySet* set) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    StatusOr<DictionarySet> dir = ReadDictionaryDirectory(path, options);
    if (!dir.ok()) return dir.status();
    MergeDictionarySet(std::move(dir.value()), set);
    return Status::Ok();
  }
  std::string file = path;
  std::optional<DictionaryKind> kind;
  size_t colon = path.find(':');
  if (colon != std::string::npos && (kind = KindFromKey(path.substr(0, colon)))) {
    file = path.substr(colon + 1);
  } else {
    kind = dict_internal::KindFromFileName(path);
  }
  if (!kind) {
    return InvalidArgumentError(
        "cannot tell the dictionary kind of '" + path +
        "': name it *actors*.txt, *framing*.txt, *agents*.txt, *verbs*.txt, *discards*.txt or "
        "*issues*.txt, or write KIND:PATH (e.g. actors:" + path + ")");
  }
  return ReadDictionaryFile(file, *kind, set, options);
}

void PrintSummary(const DictionarySet& s, std::ostream& out) {
  size_t phrases = 0, framing = 0, agent_forms = 0, verbs = 0, forms = 0, patterns = 0;
  size_t members = 0, story = 0, issue_forms = 0;
  for (const ActorEntry& a : s.actors) {
    phrases += a.phrases.size();
    framing += a.framing ? 1 : 0;
  }
  for (const AgentEntry& a : s.agents) agent_forms += a.forms.size();
  for (const VerbBlock& b : s.verb_blocks) {
    verbs += b.verbs.size();
    patterns += b.patterns.size();
    for (const VerbEntry& v : b.verbs) forms += v.forms.size();
  }
  for (const Synset& y : s.synsets) members += y.members.size();
  for (const DiscardEntry& d : s.discards) story += d.story ? 1 : 0;
  for (const IssueEntry& i : s.issues) issue_forms += i.forms.size();
  out << "files: " << s.files.size() << "\n"
      << "actors: " << s.actors.size() << " records, " << phrases << " phrases ("
      << framing << " framing records)\n"
      << "agents: " << s.agents.size() << " entries, " << agent_forms << " forms\n"
      << "verbs: " << s.verb_blocks.size() << " blocks, " << verbs << " verbs, " << forms
      << " forms, " << patterns << " patterns\n"
      << "synsets: " << s.synsets.size() << " (" << members << " members), transformations: "
      << s.transformations.size() << "\n"
      << "discards: " << s.discards.size() << " (" << story << " story-level)\n"
      << "issues: " << s.issues.size() << " entries, " << issue_forms << " forms\n";
}

}  // namespace

int64_t CurrentRssBytes() {
  std::ifstream statm("/proc/self/statm");
  int64_t size = 0, resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return resident * static_cast<int64_t>(sysconf(_SC_PAGESIZE));
}

void MergeDictionarySet(DictionarySet from, DictionarySet* to) {
  Append(&from.actors, &to->actors);
  Append(&from.agents, &to->agents);
  Append(&from.synsets, &to->synsets);
  Append(&from.verb_blocks, &to->verb_blocks);
  Append(&from.transformations, &to->transformations);
  Append(&from.discards, &to->discards);
  Append(&from.issues, &to->issues);
  Append(&from.files, &to->files);
  Append(&from.diagnostics, &to->diagnostics);
}

StatusOr<DictCheckResult> CheckDictionaries(const std::vector<std::string>& paths,
                                            const DictCheckOptions& options,
                                            std::ostream& out) {
  if (paths.empty()) return InvalidArgumentError("no dictionary directory or file given");
  DictCheckResult r;
  int64_t rss_before = CurrentRssBytes();
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();
  for (const std::string& p : paths) PARLEY_RETURN_IF_ERROR(ReadPath(p, options.read, &r.set));
  r.read_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  r.rss_delta_bytes = CurrentRssBytes() - rss_before;
  std::map<std::string, size_t> categories;
  size_t printed = 0;
  for (const Diagnostic& d : r.set.diagnostics) {
    bool error = d.severity == Diagnostic::Severity::kError;
    (error ? r.errors : r.warnings)++;
    categories[std::string(error ? "error: " : "warning: ") + d.message]++;
    if (options.max_printed == 0 || printed < options.max_printed) {
      out << d.ToString() << "\n";
      ++printed;
    }
  }
  if (printed < r.set.diagnostics.size()) {
    out << "... " << (r.set.diagnostics.size() - printed) << " more diagnostics not shown\n";
  }
  PrintSummary(r.set, out);
  out << "diagnostics: " << r.errors << " errors, " << r.warnings << " warnings\n";
  for (const auto& [category, n] : categories) out << "  " << n << " x " << category << "\n";
  out << std::fixed << std::setprecision(3) << "read: " << r.read_seconds << " s wall, "
      << r.cpu_seconds << " s CPU, memory: "
      << std::setprecision(1) << (static_cast<double>(r.rss_delta_bytes) / (1 << 20))
      << " MiB RSS delta\n";
  r.failed = r.errors > 0 || (options.warnings_are_failures && r.warnings > 0);
  return r;
}

}  // namespace parley
