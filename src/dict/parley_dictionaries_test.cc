// Tests of Parley's own dictionary set (dictionaries/parley): it loads with
// no diagnostics, has no duplicate or malformed entries, and resolves the
// phrases analysts rely on to the documented codes on the right dates.
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "dict/compiled_dictionary.h"
#include "dict/dict_check.h"
#include "parley/date.h"
#include "parley/dictionary.h"
#include "parley/text.h"

namespace parley {
namespace {

std::string DictDir() { return std::string(PARLEY_SOURCE_DIR) + "/dictionaries/parley"; }

std::string Key(const Phrase& p) {
  std::string k;
  for (const std::string& w : p) k += (k.empty() ? "" : " ") + w;
  return k;
}

std::string BaseName(const std::string& path) {
  size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

class ParleyDictionariesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    StatusOr<DictionarySet> read = ReadDictionaryDirectory(DictDir());
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    set_ = new DictionarySet(std::move(*read));
    for (const ActorEntry& e : set_->actors) {
      for (const Phrase& p : e.phrases) actors_->emplace(Key(p), &e);
    }
  }
  static void TearDownTestSuite() {
    delete set_;
    set_ = nullptr;
  }

  // The one entry holding `phrase`, or nullptr.
  static const ActorEntry* Find(const std::string& phrase) {
    auto it = actors_->find(phrase);
    return it == actors_->end() ? nullptr : it->second;
  }

  static DictionarySet* set_;
  static std::multimap<std::string, const ActorEntry*>* actors_;
};

DictionarySet* ParleyDictionariesTest::set_ = nullptr;
std::multimap<std::string, const ActorEntry*>* ParleyDictionariesTest::actors_ =
    new std::multimap<std::string, const ActorEntry*>();

TEST_F(ParleyDictionariesTest, LoadsWithoutAnyDiagnostic) {
  std::ostringstream all;
  for (const Diagnostic& d : set_->diagnostics) all << d.ToString() << "\n";
  EXPECT_TRUE(set_->diagnostics.empty()) << all.str();
  EXPECT_FALSE(set_->has_errors());
}

TEST_F(ParleyDictionariesTest, ManifestListsEveryActorAgentAndFramingFile) {
  std::set<std::string> read;
  for (const std::string& f : set_->files) read.insert(BaseName(f));
  for (const char* f : {"parley.dict", "Parley.countries.actors.txt", "Parley.igo.actors.txt",
                        "Parley.groups.actors.txt", "Parley.people.actors.txt",
                        "Parley.framing.actors.txt", "Parley.agents.txt"}) {
    EXPECT_TRUE(read.count(f)) << f << " was not read";
  }
  EXPECT_GT(set_->actors.size(), 900u);
  EXPECT_GT(set_->agents.size(), 200u);
}

TEST_F(ParleyDictionariesTest, NoActorPhraseIsDefinedTwice) {
  std::ostringstream dups;
  for (auto it = actors_->begin(); it != actors_->end();) {
    auto range = actors_->equal_range(it->first);
    if (std::distance(range.first, range.second) > 1) {
      dups << "'" << it->first << "':";
      for (auto r = range.first; r != range.second; ++r) dups << " " << r->second->loc.RuleId();
      dups << "\n";
    }
    it = range.second;
  }
  EXPECT_EQ(dups.str(), "");
}

TEST_F(ParleyDictionariesTest, NoAgentPhraseIsAlsoAnActorPhraseOrDefinedTwice) {
  std::map<std::string, std::string> seen;
  for (const AgentEntry& a : set_->agents) {
    for (const Phrase& f : a.forms) {
      std::string k = Key(f);
      EXPECT_EQ(Find(k), nullptr) << "agent '" << k << "' is also an actor";
      auto [it, inserted] = seen.emplace(k, a.loc.RuleId());
      EXPECT_TRUE(inserted) << "agent '" << k << "' at " << a.loc.RuleId() << " and "
                            << it->second;
    }
  }
}

const std::set<std::string>& Roles() {
  static const std::set<std::string> roles = {"GOV", "MIL", "COP", "REB", "OPP", "PTY",
                                              "MED", "HLH", "CVL", "BUS", "JUD", "LEG",
                                              "HRI", "REF", "UAF", "ELI"};
  return roles;
}

// A code is 3-12 upper-case letters/digits in groups of three; for a
// country code the second group, if any, is a guideline role.
std::string CodeProblem(const std::string& code, const std::set<std::string>& countries) {
  if (code.size() < 3 || code.size() > 12 || code.size() % 3 != 0) return "bad length";
  for (char c : code) {
    if (!std::isupper(static_cast<unsigned char>(c)) && !std::isdigit(static_cast<unsigned char>(c))) {
      return "not upper-case alphanumeric";
    }
  }
  std::string head = code.substr(0, 3);
  if (head == "IGO" || head == "NGO" || head == "IMG") return "";
  if (!countries.count(head)) return "unknown country " + head;
  if (code.size() >= 6 && !Roles().count(code.substr(3, 3))) return "unknown role";
  return "";
}

TEST_F(ParleyDictionariesTest, EveryCodeIsWellFormed) {
  std::set<std::string> countries;
  for (const ActorEntry& e : set_->actors) {
    for (const DatedCode& c : e.codes) {
      if (c.code.size() == 3) countries.insert(c.code);
    }
  }
  EXPECT_GT(countries.size(), 240u);  // every ISO 3166-1 entry plus Kosovo
  for (const ActorEntry& e : set_->actors) {
    EXPECT_FALSE(e.codes.empty()) << e.loc.RuleId();
    for (const DatedCode& c : e.codes) {
      EXPECT_EQ(CodeProblem(c.code, countries), "") << c.code << " at " << e.loc.RuleId();
    }
  }
  for (const AgentEntry& a : set_->agents) {
    EXPECT_TRUE(Roles().count(a.code)) << a.code << " at " << a.loc.RuleId();
    EXPECT_FALSE(a.prefix) << a.loc.RuleId();
  }
}

TEST_F(ParleyDictionariesTest, UndatedFallbackIsWrittenLast) {
  for (const ActorEntry& e : set_->actors) {
    for (size_t i = 0; i + 1 < e.codes.size(); ++i) {
      EXPECT_TRUE(e.codes[i].from || e.codes[i].until)
          << "undated code " << e.codes[i].code << " before another code at " << e.loc.RuleId();
    }
  }
}

TEST_F(ParleyDictionariesTest, EveryFramingEntryComesFromTheFramingFile) {
  size_t framing = 0;
  for (const ActorEntry& e : set_->actors) {
    EXPECT_EQ(e.framing, e.loc.file.find("framing") != std::string::npos) << e.loc.RuleId();
    framing += e.framing;
  }
  EXPECT_GT(framing, 30u);
}

TEST_F(ParleyDictionariesTest, DictCheckPassesInStrictModeWithWarningsAsFailures) {
  DictCheckOptions options;
  options.read.strictness = ReadOptions::Strictness::kStrict;
  options.warnings_are_failures = true;
  std::ostringstream report;
  StatusOr<DictCheckResult> result = CheckDictionaries({DictDir()}, options, report);
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_FALSE(result->failed) << report.str();
  EXPECT_EQ(result->errors + result->warnings, 0u) << report.str();
}

// Longest match starts at "the": an entry "the X" would swallow "the X Y"
// where "X Y" is a longer entry. So "the X" exists only when "X" alone is
// not an entry (or a shorter "the ..." entry needs it), and then "the X Y"
// is listed for every "X Y".
TEST_F(ParleyDictionariesTest, NoLeadingTheEntryShadowsALongerEntry) {
  for (const auto& [key, entry] : *actors_) {
    if (key.rfind("the ", 0) != 0) continue;
    std::string rest = key.substr(4);
    // Redundant unless a shorter "the ..." entry would otherwise swallow it.
    bool needed = false;
    for (size_t sp = rest.find(' '); sp != std::string::npos; sp = rest.find(' ', sp + 1)) {
      needed = needed || Find("the " + rest.substr(0, sp)) != nullptr;
    }
    EXPECT_TRUE(needed || Find(rest) == nullptr)
        << "'" << key << "' (" << entry->loc.RuleId() << "): '" << rest
        << "' is an entry, drop the article";
    for (auto it = actors_->lower_bound(rest + " ");
         it != actors_->end() && it->first.rfind(rest + " ", 0) == 0; ++it) {
      EXPECT_NE(Find("the " + it->first), nullptr)
          << "'" << key << "' shadows '" << it->first << "' (" << it->second->loc.RuleId() << ")";
    }
  }
}

struct CodeCase {
  const char* phrase;
  const char* date;  // "" = undated article
  const char* code;  // "" = no code applies
};

TEST_F(ParleyDictionariesTest, PhrasesResolveToTheDocumentedCodeOnTheDate) {
  const CodeCase cases[] = {
      // countries, demonyms, capitals, places, institutions
      {"israel", "", "ISR"},
      {"israeli", "", "ISR"},
      {"palestinians", "", "PSE"},
      {"gaza strip", "", "PSE"},
      {"west bank", "", "PSE"},
      {"rafah", "", "PSE"},
      {"egyptian", "", "EGY"},
      {"cairo", "", "EGYGOV"},
      {"kyiv", "", "UKRGOV"},
      {"kremlin", "", "RUSGOV"},
      {"u.s.", "", "USA"},
      {"the us", "", "USA"},
      {"congo", "", "COD"},
      {"republic of the congo", "", "COG"},
      {"turkiye", "", "TUR"},
      {"idf", "", "ISRMIL"},
      {"gaza health ministry", "", "PSEHLH"},
      // world regions (CAMEO region codes), never the United States
      {"central american", "", "LAM"},
      {"latin american", "", "LAM"},
      {"west african", "", "WAF"},
      {"nordic countries", "", "SCN"},
      {"south african", "", "ZAF"},
      {"north american", "", "NMR"},
      // international organisations
      {"unrwa", "", "IGOUNOUNR"},
      {"united nations", "", "IGOUNO"},
      {"icrc", "", "NGOIRC"},
      {"arab league", "", "IGOARL"},
      {"european union", "", "IGOEUR"},
      // groups, with dated transitions
      {"hamas", "", "PSEREBHMS"},
      {"al-qassam brigades", "", "PSEREBHMS"},
      {"houthis", "", "YEMREBHTH"},
      {"ansar allah", "", "YEMREBHTH"},
      {"rapid support forces", "2020-01-01", "SDNMIL"},
      {"rsf", "2024-05-01", "SDNREBRSF"},
      {"rsf", "", "SDNREBRSF"},
      {"taliban", "2021-08-14", "AFGREBTAL"},
      {"taliban", "2021-08-15", "AFGGOV"},
      {"taliban", "", "AFGGOV"},
      {"hts", "2024-12-08", "SYRREBHTS"},
      {"hts", "2024-12-10", "SYRGOV"},
      {"m23", "", "CODREBM23"},
      // people
      {"netanyahu", "1998-01-01", "ISRGOV"},
      {"netanyahu", "2022-01-01", "ISROPP"},
      {"netanyahu", "2023-06-01", "ISRGOV"},
      {"netanyahu", "", "ISRGOV"},
      {"ismail haniyeh", "2006-06-01", "PSEGOV"},
      {"haniyeh", "2020-01-01", "PSEREBHMS"},
      {"donald trump", "2019-01-01", "USAGOV"},
      {"trump", "2023-01-01", "USAOPP"},
      {"trump", "2025-01-20", "USAGOV"},
      {"biden", "2022-01-01", "USAGOV"},
      {"biden", "2025-06-01", "USAELI"},
      {"ahmed al-sharaa", "2024-12-08", "SYRREBHTS"},
      {"jolani", "2025-03-01", "SYRGOV"},
      {"bashar al-assad", "2020-01-01", "SYRGOV"},
      {"hemedti", "2021-01-01", "SDNMIL"},
      {"burhan", "", "SDNMIL"},
      {"hemedti", "2023-04-15", "SDNREBRSF"},
      {"herzi halevi", "2024-01-01", "ISRMIL"},
      {"eyal zamir", "2025-06-01", "ISRMIL"},
      {"sameh shoukry", "2024-07-03", "EGYELI"},
      {"badr abdelatty", "", "EGYGOV"},
      {"aoun", "2020-01-01", "LBNGOV"},
      {"aoun", "2024-01-01", "LBNMIL"},
      {"zelenskyy", "", "UKRGOV"},
      {"guterres", "2010-01-01", "IGOUNOHCR"},
      {"guterres", "", "IGOUNO"},
      {"gustavo petro", "2026-08-07", "COLELI"},
      // framing terms resolve to neutral codes
      {"zionist entity", "", "ISR"},
      {"occupation forces", "", "ISRMIL"},
      {"the resistance", "", "PSEREB"},
      {"hamas terrorists", "", "PSEREBHMS"},
      {"kyiv regime", "", "UKRGOV"},
      {"russian occupiers", "", "RUSMIL"},
      {"janjaweed", "2004-01-01", "SDNREB"},
      {"janjaweed", "2024-01-01", "SDNREBRSF"},
      {"assad regime", "2025-01-01", "SYRELI"},
      {"iran-backed houthis", "", "YEMREBHTH"},
  };
  for (const CodeCase& c : cases) {
    const ActorEntry* e = Find(c.phrase);
    ASSERT_NE(e, nullptr) << "'" << c.phrase << "' is not in the dictionaries";
    std::optional<Date> date;
    if (*c.date) {
      date = Date::Parse(c.date);
      ASSERT_TRUE(date.has_value()) << c.date;
    }
    const DatedCode* code = e->CodeOn(date);
    EXPECT_EQ(code ? code->code : "", c.code)
        << "'" << c.phrase << "' on '" << c.date << "' (" << e->loc.RuleId() << ")";
  }
}

TEST_F(ParleyDictionariesTest, FramingTermsAreMarkedAndNeutralNamesAreNot) {
  for (const char* loaded : {"zionist regime", "kiev junta", "rsf militia", "houthi militia",
                             "the occupation", "hamas-run health ministry"}) {
    const ActorEntry* e = Find(loaded);
    ASSERT_NE(e, nullptr) << loaded;
    EXPECT_TRUE(e->framing) << loaded;
  }
  for (const char* neutral : {"hamas", "israel", "rapid support forces", "houthis", "ukraine"}) {
    const ActorEntry* e = Find(neutral);
    ASSERT_NE(e, nullptr) << neutral;
    EXPECT_FALSE(e->framing) << neutral;
  }
}

TEST_F(ParleyDictionariesTest, CommonWordsAreNotActors) {
  // Norms are case-folded: "US", "WHO", "CAR" (Central African Republic),
  // "Amnesty" would match the pronouns and nouns "us", "who", "car",
  // "amnesty"; "Congress" is also India's party; "Saba" a Yemeni agency.
  for (const char* risky : {"us", "who", "is", "it", "car", "amnesty", "congress", "saba",
                            "kia", "sna", "the regime", "the enemy", "terrorists"}) {
    EXPECT_EQ(Find(risky), nullptr) << "'" << risky << "' would match a common word";
  }
}

struct AgentCase {
  const char* phrase;
  const char* code;
};

TEST_F(ParleyDictionariesTest, AgentWordsGiveGuidelineRoles) {
  std::map<std::string, std::string> agents;
  for (const AgentEntry& a : set_->agents) {
    for (const Phrase& f : a.forms) agents[Key(f)] = a.code;
  }
  const AgentCase cases[] = {
      {"officials", "GOV"},       {"spokesmen", "GOV"},  {"envoy", "GOV"},
      {"troops", "MIL"},          {"soldiers", "MIL"},   {"police", "COP"},
      {"militants", "REB"},       {"gunmen", "UAF"},     {"protesters", "CVL"},
      {"journalists", "MED"},     {"health ministry", "HLH"},
      {"civil defence", "GOV"},   {"residents", "CVL"},  {"children", "CVL"},
      {"mediators", "GOV"},       {"activists", "HRI"},  {"defence ministry", "GOV"},
      {"refugees", "REF"},        {"displaced", "REF"},  {"lawmakers", "LEG"},
      {"judges", "JUD"},          {"rights groups", "HRI"}, {"businessmen", "BUS"},
  };
  for (const AgentCase& c : cases) {
    auto it = agents.find(c.phrase);
    ASSERT_NE(it, agents.end()) << c.phrase;
    EXPECT_EQ(it->second, c.code) << c.phrase;
  }
  EXPECT_EQ(agents.count("prisoners"), 0u) << "prisoners keep the bare country code";
  EXPECT_EQ(agents.count("party"), 0u) << "'parties to the conflict' are not PTY";
}

// Lookups through the compiled dictionary, with article tokenization
// (possessive clitics split, "U.S." kept whole, hyphenated words whole).
struct SurfaceCase {
  const char* text;
  const char* date;  // "" = undated
  const char* kind;  // "actor" or "framing"
  const char* code;
};

TEST_F(ParleyDictionariesTest, SurfaceFormsResolveThroughTheCompiledDictionary) {
  StatusOr<std::shared_ptr<const TextAnalyzer>> text = TextAnalyzer::Create("/usr/share/wordnet");
  if (!text.ok()) GTEST_SKIP() << "WordNet not available: " << text.status().ToString();
  StatusOr<std::shared_ptr<const CompiledDictionary>> dict =
      CompiledDictionary::Compile(*set_, **text);
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  const SurfaceCase cases[] = {
      {"Cairo", "", "actor", "EGYGOV"},
      {"U.S.", "", "actor", "USA"},
      {"People's Republic of China", "", "actor", "CHN"},
      {"al-Qassam Brigades", "", "actor", "PSEREBHMS"},
      {"Hamas-run health ministry", "", "framing", "PSEHLH"},
      {"Zionist entity", "", "framing", "ISR"},
      {"the US forces", "", "actor", "USAMIL"},
      {"the occupation army", "", "framing", "ISRMIL"},
      {"Kiev regime", "", "framing", "UKRGOV"},
      {"Netanyahu", "2022-03-01", "actor", "ISROPP"},
      {"Netanyahu", "2024-03-01", "actor", "ISRGOV"},
      {"Ahmed al-Sharaa", "2025-02-01", "actor", "SYRGOV"},
      {"Taliban", "2019-01-01", "actor", "AFGREBTAL"},
      {"Erdogan", "", "actor", "TURGOV"},
  };
  for (const SurfaceCase& c : cases) {
    std::optional<Date> date;
    if (*c.date) date = Date::Parse(c.date);
    std::vector<LookupResult> found = (*dict)->Lookup(c.text, date);
    bool ok = false;
    std::string seen;
    for (const LookupResult& r : found) {
      seen += r.kind + ":" + r.code + " ";
      ok = ok || (r.kind == c.kind && r.code == c.code);
    }
    EXPECT_TRUE(ok) << "'" << c.text << "' on '" << c.date << "': got " << seen;
  }
}

}  // namespace
}  // namespace parley
