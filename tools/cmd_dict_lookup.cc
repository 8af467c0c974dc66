// `parley dict lookup PHRASE [--date YYYY-MM-DD] [--dictionaries DIR]`: shows
// how a phrase resolves and why: each reading (actor, framing, agent, verb,
// synset, discard, issue) with its code, the file:line of the entry and, for
// actors, every dated code with the one that applies on the date. When the
// whole phrase is no entry, the longest entries inside it are listed.
// The phrase is normalized by the text stage exactly like article text.
// Exit codes: 0 found, 1 (kExitFailures) no entry, 2 usage, 3 unreadable
// dictionaries.
#include <iostream>
#include <memory>
#include <string>

#include "dict/compiled_tables.h"
#include "parley/dictionary.h"
#include "parley/text.h"
#include "tools/command.h"
#include "tools/exit_codes.h"

namespace parley::cli {
namespace {

struct LookupArgs {
  std::string phrase;
  std::string date;
  std::string dictionaries = std::string(PARLEY_SOURCE_DIR) + "/dictionaries/parley";
  std::string wordnet = "/usr/share/wordnet";
};

void Print(const std::vector<LookupResult>& rs) {
  for (const LookupResult& r : rs) {
    std::cout << r.kind << " " << (r.code.empty() ? "(no code)" : r.code);
    if (!r.name.empty()) std::cout << "  \"" << r.name << "\"";
    if (!r.rule.empty()) std::cout << "  " << r.rule;
    std::cout << "\n  " << r.explanation << "\n";
  }
}

int Run(const LookupArgs& args) {
  std::optional<Date> date;
  if (!args.date.empty()) {
    date = Date::Parse(args.date);
    if (!date) {
      std::cerr << "parley dict lookup: bad --date '" << args.date << "' (YYYY-MM-DD)\n";
      return kExitUsage;
    }
  }
  auto set = ReadDictionaryDirectory(args.dictionaries);
  if (!set.ok()) {
    std::cerr << "parley dict lookup: " << set.status().message() << "\n";
    return kExitInput;
  }
  auto an = TextAnalyzer::Create(args.wordnet);
  if (!an.ok()) {
    std::cerr << "parley dict lookup: " << an.status().message() << "\n";
    return kExitInput;
  }
  auto dict = CompiledDictionary::Compile(*set, **an);
  if (!dict.ok()) {
    std::cerr << "parley dict lookup: " << dict.status().message() << "\n";
    return ExitCodeFor(dict.status());
  }
  const auto& d = dynamic_cast<const CompiledDictionaryImpl&>(**dict);
  Document doc;
  doc.text = args.phrase;
  doc.date = date;
  doc.body.push_back({0, static_cast<uint32_t>(doc.text.size())});
  AnalyzedText text;
  (*an)->Analyze(doc, &text);
  std::vector<std::string> words;
  std::vector<uint32_t> ids;
  for (const Token& t : text.tokens) {
    if (t.has(kTokPunct) && !t.has(kTokPossessive) && t.norm != "-") continue;
    words.emplace_back(t.norm);
    ids.push_back(d.words.Find(t.norm));
  }
  std::cout << "phrase: \"" << args.phrase << "\" -> words:";
  for (const std::string& w : words) std::cout << " " << w;
  std::cout << "\ndate: " << (date ? date->ToString() : std::string("(none)")) << "\n";
  auto rs = d.LookupWords(words, date);
  if (!rs.empty()) {
    Print(rs);
    return kExitOk;
  }
  std::cout << "no entry for the whole phrase; longest entries inside it:\n";
  bool any = false;
  for (size_t i = 0; i < words.size(); ++i) {
    MatchLengths m = d.LongestAt(ids, i);
    uint32_t len = std::max({m.actor, m.agent, m.verb, m.discard});
    if (len == 0) continue;
    std::vector<std::string> sub(words.begin() + i, words.begin() + i + len);
    std::cout << "[" << i << "," << i + len << ")\n";
    Print(d.LookupWords(sub, date));
    any = true;
    i += len - 1;
  }
  return any ? kExitOk : kExitFailures;
}

void Setup(CLI::App* sub, int* exit_code) {
  auto args = std::make_shared<LookupArgs>();
  sub->add_option("phrase", args->phrase, "the phrase, as it would appear in an article")
      ->required();
  sub->add_option("--date", args->date, "date for dated actor codes (YYYY-MM-DD)");
  sub->add_option("--dictionaries", args->dictionaries, "dictionary directory")
      ->capture_default_str();
  sub->add_option("--wordnet", args->wordnet, "WordNet data directory")->capture_default_str();
  sub->callback([args, exit_code] { *exit_code = Run(*args); });
}

PARLEY_REGISTER_COMMAND("dict", "lookup", "show how a phrase resolves in the dictionaries and why",
                        &Setup);

}  // namespace
}  // namespace parley::cli
