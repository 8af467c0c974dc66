// RunValidation: code every record of a PETRARCH validation file and compare.
#include <algorithm>
#include <fstream>
#include <iomanip>
#include <set>
#include <sstream>

#include "code/event_coder.h"
#include "code/validation.h"

namespace parley {
namespace {

std::string DirOf(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

StatusOr<DictionarySet> LoadDictionaries(const ValidationFile& f, const std::string& xml_path,
                                         const ValidationOptions& options) {
  if (!options.dictionaries.empty()) return ReadDictionaryDirectory(options.dictionaries);
  DictionarySet set;
  std::string dir = DirOf(xml_path);
  auto add = [&](const std::string& name, DictionaryKind kind) -> Status {
    if (name.empty()) return Status::Ok();
    std::string p = !name.empty() && name[0] == '/' ? name : dir + "/" + name;
    return ReadDictionaryFile(p, kind, &set);
  };
  PARLEY_RETURN_IF_ERROR(add(f.verbfile, DictionaryKind::kVerbs));
  for (const std::string& a : f.actorfiles) PARLEY_RETURN_IF_ERROR(add(a, DictionaryKind::kActors));
  PARLEY_RETURN_IF_ERROR(add(f.agentfile, DictionaryKind::kAgents));
  PARLEY_RETURN_IF_ERROR(add(f.discardfile, DictionaryKind::kDiscards));
  return set;
}

std::string Show(const std::set<ExpectedEvent>& s) {
  if (s.empty()) return "(none)";
  std::string out;
  for (const ExpectedEvent& e : s) {
    out += (out.empty() ? "" : ", ") + e.source + " " + e.target + " " + e.code;
  }
  return out;
}

struct Outcome {
  std::set<ExpectedEvent> produced;
  bool story_discard = false;
  bool sentence_discard = false;
  bool dateline = false;
};

Outcome CodeRecord(const ValidationRecord& r, const TextAnalyzer& analyzer,
                   const EventCoder& coder, CoderScratch* scratch, AnalyzedText* text,
                   DocumentCoding* coding, std::string* explain) {
  Document doc;
  doc.id = r.id;
  doc.origin = "validation";
  doc.date = r.date;
  doc.text = r.text;
  doc.body.push_back({0, static_cast<uint32_t>(doc.text.size())});
  analyzer.Analyze(doc, text);
  coder.Code(doc, *text, scratch, coding);
  if (explain) {
    for (uint32_t i = 0; i < coding->sentences.size(); ++i) {
      *explain += coder.Explain(doc, *text, *coding, i);
    }
  }
  Outcome o;
  o.story_discard = coding->story_discarded;
  for (const SentenceCoding& sc : coding->sentences) {
    o.sentence_discard |= sc.discarded;
    o.dateline |= sc.dateline_end > 0;
    for (const EventCandidate& ev : sc.events) {
      const Event& e = ev.event;
      o.produced.insert({e.source.code, e.target ? e.target->code : "---", e.code});
    }
  }
  return o;
}

bool Passes(const ValidationRecord& r, const Outcome& o) {
  if (r.error == "storydiscard") return o.story_discard;
  if (r.error == "sentencediscard") return o.sentence_discard && !o.story_discard;
  if (r.error == "dateline") return o.dateline;
  if (r.error == "bad_input_parse") return r.bad_parse;
  if (!r.error.empty()) return false;
  std::set<ExpectedEvent> want(r.events.begin(), r.events.end());
  return want == o.produced;
}

void PrintTable(const ValidationSummary& s, std::ostream& out) {
  out << "\ncategory        passed  failed   rate\n";
  for (const auto& [cat, pf] : s.by_category) {
    int total = pf.first + pf.second;
    out << std::left << std::setw(14) << (cat.empty() ? "(none)" : cat) << std::right
        << std::setw(8) << pf.first << std::setw(8) << pf.second << std::setw(6)
        << (total ? 100 * pf.first / total : 0) << "%\n";
  }
}

}  // namespace

Status RunValidation(const std::string& path, const ValidationOptions& options,
                     std::ostream& out, ValidationSummary* summary) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open validation file");
  std::stringstream buf;
  buf << in.rdbuf();
  auto file = ParseValidationXml(buf.str(), path);
  if (!file.ok()) return file.status();
  auto set = LoadDictionaries(*file, path, options);
  if (!set.ok()) return set.status();
  auto analyzer = TextAnalyzer::Create(options.wordnet_dir);
  if (!analyzer.ok()) return analyzer.status();
  auto dict = CompiledDictionary::Compile(*set, **analyzer);
  if (!dict.ok()) return dict.status();
  CoderOptions copt;
  copt.allow_agent_only_source = true;  // PETRARCH codes "---GOV" sources
  copt.allow_missing_target = false;    // and only dyads
  copt.meeting_place_is_no_target = false;  // and takes "in X" as a target
  copt.group_codes_absorb_agents = false;  // PETRARCH appends agents
  copt.agentless_passive_subject_is_source = true;  // PETRARCH-1 passives
  copt.negated_cooperation_is_rejection = false;     // PETRARCH keeps the code
  copt.infer_from_discourse = false;                 // and codes sentence by sentence
  copt.appositive_name_wins = false;                 // and takes a phrase's first actor
  copt.place_in_capital_is_country = false;          // and "in the capital" is its government
  copt.target_inside_infinitive = false;             // and stops at the next coded verb
  auto coder = EventCoder::Create(*dict, copt);
  if (!coder.ok()) return coder.status();
  auto scratch = (*coder)->NewScratch();
  AnalyzedText text;
  DocumentCoding coding;
  *summary = ValidationSummary{};
  for (const ValidationRecord& r : file->records) {
    std::string explain;
    Outcome o = CodeRecord(r, **analyzer, **coder, scratch.get(), &text, &coding,
                           options.explain ? &explain : nullptr);
    bool ok = Passes(r, o);
    auto& cat = summary->by_category[r.category];
    (ok ? summary->passed : summary->failed)++;
    (ok ? cat.first : cat.second)++;
    if (ok && !options.verbose) continue;
    std::set<ExpectedEvent> want(r.events.begin(), r.events.end());
    out << (ok ? "PASS " : "FAIL ") << (r.id.empty() ? "(no id)" : r.id) << " [" << r.category
        << "] " << path << ":" << r.line << "\n  text:     " << r.text << "\n  expected: "
        << (r.error.empty() ? Show(want) : "error " + r.error)
        << "\n  produced: " << Show(o.produced)
        << (o.story_discard ? " [story discarded]" : o.sentence_discard ? " [sentence discarded]" : "")
        << "\n" << explain;
  }
  PrintTable(*summary, out);
  out << summary->passed << " passed, " << summary->failed << " failed\n";
  return Status::Ok();
}

}  // namespace parley
