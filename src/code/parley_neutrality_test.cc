// The coder with Parley's own dictionaries (dictionaries/parley). Neutrality:
// a loaded term and its neutral wording give the same code and the same
// display name, only ActorRef::framing differs; every emitted code is a
// well-formed CAMEO code. Also constructions that need real dictionary data
// (demonyms, announce + object).
#include <memory>
#include <regex>

#include <gtest/gtest.h>

#include "code/event_coder.h"

namespace parley {
namespace {

class ParleyNeutralityTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto set = ReadDictionaryDirectory(std::string(PARLEY_SOURCE_DIR) + "/dictionaries/parley");
    ASSERT_TRUE(set.ok()) << set.status().ToString();
    auto an = TextAnalyzer::Create("/usr/share/wordnet");
    ASSERT_TRUE(an.ok()) << an.status().ToString();
    auto dict = CompiledDictionary::Compile(*set, **an);
    ASSERT_TRUE(dict.ok()) << dict.status().ToString();
    auto coder = EventCoder::Create(*dict);
    ASSERT_TRUE(coder.ok());
    analyzer_ = new std::shared_ptr<const TextAnalyzer>(*an);
    coder_ = new std::shared_ptr<const EventCoder>(*coder);
  }

  // Every event of `text`, coded on 2024-07-14.
  std::vector<Event> Code(const std::string& text) {
    Document doc;
    doc.text = text;
    doc.date = Date::FromYmd(2024, 7, 14);
    doc.body.push_back({0, static_cast<uint32_t>(text.size())});
    AnalyzedText analyzed;
    DocumentCoding coding;
    (*analyzer_)->Analyze(doc, &analyzed);
    auto scratch = (*coder_)->NewScratch();
    (*coder_)->Code(doc, analyzed, scratch.get(), &coding);
    std::vector<Event> out;
    for (const SentenceCoding& s : coding.sentences) {
      for (const EventCandidate& ev : s.events) out.push_back(ev.event);
    }
    return out;
  }

  static std::shared_ptr<const TextAnalyzer>* analyzer_;
  static std::shared_ptr<const EventCoder>* coder_;
};
std::shared_ptr<const TextAnalyzer>* ParleyNeutralityTest::analyzer_ = nullptr;
std::shared_ptr<const EventCoder>* ParleyNeutralityTest::coder_ = nullptr;

TEST_F(ParleyNeutralityTest, LoadedTermHasTheNeutralActorsCodeAndName) {
  struct Case {
    const char* loaded;   // sentence with a framing term as the source
    const char* neutral;  // the same sentence in neutral words
    const char* framing;  // the recorded term
  };
  const Case cases[] = {
      {"The Zionist regime attacked Hamas in Gaza.", "The Israeli government attacked Hamas in Gaza.",
       "Zionist regime"},
      {"The Zionist entity attacked Hamas.", "Israel attacked Hamas.", "Zionist entity"},
      {"The Kyiv regime criticized Russia.", "The Ukrainian government criticized Russia.",
       "Kyiv regime"},
      {"The RSF militia attacked El Fasher.", "The Rapid Support Forces attacked El Fasher.",
       "RSF militia"},
      {"The terrorist organization Hezbollah attacked Israel.", "Hezbollah attacked Israel.",
       "terrorist organization Hezbollah"},
      {"Fitna al-Khawarij terrorists attacked Pakistani soldiers.",
       "The Pakistani Taliban attacked Pakistani soldiers.", "Fitna al-Khawarij"},
      {"The Kiev neo-Nazi regime criticized Russia.", "The Ukrainian government criticized Russia.",
       "Kiev neo-Nazi regime"},
  };
  for (const Case& c : cases) {
    std::vector<Event> loaded = Code(c.loaded), neutral = Code(c.neutral);
    ASSERT_FALSE(loaded.empty()) << c.loaded;
    ASSERT_FALSE(neutral.empty()) << c.neutral;
    EXPECT_EQ(loaded[0].source.code, neutral[0].source.code) << c.loaded;
    EXPECT_EQ(loaded[0].source.name, neutral[0].source.name) << c.loaded;
    EXPECT_EQ(loaded[0].code, neutral[0].code) << c.loaded;
    EXPECT_EQ(loaded[0].source.framing, c.framing) << c.loaded;
    EXPECT_EQ(neutral[0].source.framing, "") << c.neutral;
  }
}

TEST_F(ParleyNeutralityTest, FramingTermNamesACountryRoleAfterTheCountry) {
  // No non-framing "<Yemeni> <role>" entry codes YEMHLH: the country's name.
  std::vector<Event> e = Code("The Houthi-run health ministry criticized Saudi Arabia.");
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e[0].source.code, "YEMHLH");
  EXPECT_EQ(e[0].source.name, "Yemen");
  EXPECT_EQ(e[0].source.framing, "Houthi-run health ministry");
}

TEST_F(ParleyNeutralityTest, EmittedCodesAreUpperCaseCameo) {
  // "AFP" is FRA + MED (French media): FRAMED is a CAMEO code, not a flag.
  const std::regex cameo("[A-Z0-9-]{3,}");
  for (const char* text :
       {"An AFP correspondent met the Israeli government.",
        "The Zionist enemy shelled southern Lebanon, the Lebanese army said.",
        "Hamas-run civil defence said Israeli occupation forces killed 12 people.",
        "Russian occupiers and the Kiev regime forces clashed near Bakhmut."}) {
    std::vector<Event> events = Code(text);
    EXPECT_FALSE(events.empty()) << text;
    for (const Event& e : events) {
      EXPECT_TRUE(std::regex_match(e.source.code, cameo)) << text << ": " << e.source.code;
      if (e.target) {
        EXPECT_TRUE(std::regex_match(e.target->code, cameo)) << text << ": " << e.target->code;
      }
      EXPECT_EQ(e.source.name.find_first_of("[]~"), std::string::npos) << e.source.name;
    }
  }
}

TEST_F(ParleyNeutralityTest, AnnounceWithADirectObjectIsAnEventVerb) {
  struct Case {
    const char* text;
    const char* code;  // of the first event; "" = no event
  };
  const Case cases[] = {
      {"Israel announced an investigation into the strike on Gaza.", "090"},
      {"Hamas announced its agreement to a proposal by the United States.", "050"},
      // reporting: the clause's own event is coded, not "announced"
      {"Hamas announced that it had attacked Israel.", "190"},
      {"Hamas announced it had attacked Israel.", "190"},
  };
  for (const Case& c : cases) {
    std::vector<Event> e = Code(c.text);
    EXPECT_EQ(e.empty() ? "" : e[0].code, c.code) << c.text;
  }
}

TEST_F(ParleyNeutralityTest, BareDemonymInAListSharesTheHeadNounsAgents) {
  struct Case {
    const char* text;
    const char* sources;  // source codes of the events, in order
  };
  const Case cases[] = {
      {"Syrian and Iranian forces attacked rebels in Idlib.", "SYRMIL IRNMIL"},
      {"Israeli and Egyptian officials met Hamas leaders.", "ISRGOV EGYGOV"},
      {"Iran and Iraqi forces attacked rebels in Idlib.", "IRN IRQMIL"},  // a name, not a demonym
  };
  for (const Case& c : cases) {
    std::string got;
    for (const Event& e : Code(c.text)) got += (got.empty() ? "" : " ") + e.source.code;
    EXPECT_EQ(got, c.sources) << c.text;
  }
}

TEST_F(ParleyNeutralityTest, MediatorIsTheSourceOfMediationBetweenParties) {
  std::string got;
  for (const Event& e : Code("Egypt mediated between Israel and Hamas on Sunday.")) {
    got += (got.empty() ? "" : " | ") + e.source.code + " " + e.code + " " +
           (e.target ? e.target->code : "---");
  }
  EXPECT_EQ(got, "EGY 045 ISR | EGY 045 PSEREBHMS");
}

TEST_F(ParleyNeutralityTest, GroupLedByAnActorTakesItsCode) {
  struct Case {
    const char* text;
    const char* source;
  };
  const Case cases[] = {
      {"The delegation, headed by Khalil al-Hayya, met Egyptian officials in Cairo.",
       "PSEREBHMS"},
      {"A delegation led by Hamas met Egyptian officials.", "PSEREBHMS"},
      {"Forces led by Khalifa Haftar attacked the city.", "LBYMIL"},
  };
  for (const Case& c : cases) {
    std::vector<Event> e = Code(c.text);
    ASSERT_FALSE(e.empty()) << c.text;
    EXPECT_EQ(e[0].source.code, c.source) << c.text;
  }
}

}  // namespace
}  // namespace parley
