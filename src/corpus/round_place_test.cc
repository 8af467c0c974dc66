#include "corpus/round_place.h"

#include <gtest/gtest.h>

#include <random>
#include <regex>
#include <set>

namespace parley::corpus {
namespace {

// The rules of round_place.h written with std::regex, as the negotiation
// tracker first had them: the scanner must give the same answer.
std::string FindPlaceByRegex(const std::string& sentence,
                             const std::unordered_set<std::string>& places) {
  static const std::regex kIn(R"(\b(in|at)\s+(?:the\s+)?([A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?))");
  static const std::regex kTalkNoun(R"(\b(talks|negotiations|round|meeting|summit|consultations)\b)",
                                    std::regex::icase);
  static const std::regex kAttrib(
      R"(\b(?:the\s+)?([A-Z][\w'-]+)\s+(?:talks|negotiations|summit|meeting)\b)");
  static const std::set<std::string> kCalendar = {
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
      "Saturday", "Sunday"};
  for (auto it = std::sregex_iterator(sentence.begin(), sentence.end(), kIn);
       it != std::sregex_iterator(); ++it) {
    std::string name = (*it)[2].str();
    if (kCalendar.count(name.substr(0, name.find(' ')))) continue;
    std::string before = sentence.substr(0, it->position(0));
    before = before.size() > 60 ? before.substr(before.size() - 60) : before;
    if (places.count(name) || places.count(name.substr(0, name.find(' '))) ||
        std::regex_search(before, kTalkNoun)) {
      return name;
    }
  }
  std::smatch m;
  if (std::regex_search(sentence, m, kAttrib) && places.count(m[1].str())) return m[1].str();
  return "";
}

const std::unordered_set<std::string> kPlaces = {"Cairo", "Doha", "Geneva", "Egypt"};

struct PlaceCase {
  const char* sentence;
  const char* place;
};

class FindPlaceTest : public ::testing::TestWithParam<PlaceCase> {};

TEST_P(FindPlaceTest, NamesThePlaceOfTheRound) {
  EXPECT_EQ(FindPlace(GetParam().sentence, kPlaces), GetParam().place);
  EXPECT_EQ(FindPlaceByRegex(GetParam().sentence, kPlaces), GetParam().place);
}

INSTANTIATE_TEST_SUITE_P(
    Sentences, FindPlaceTest,
    ::testing::Values(PlaceCase{"Hamas negotiators met Egyptian mediators in Cairo on Sunday.", "Cairo"},
                      PlaceCase{"The talks resumed in Sharm el-Sheikh.", "Sharm"},
                      PlaceCase{"A round of negotiations in New York ended.", "New York"},
                      PlaceCase{"Delegates met at the Hague Conference.", ""},
                      PlaceCase{"Talks will be held at the Palais Wilson.", "Palais Wilson"},
                      PlaceCase{"They met in March in Doha.", "Doha"},
                      PlaceCase{"The meeting was in Monday Hall.", ""},
                      PlaceCase{"Officials said the Doha talks stalled.", "Doha"},
                      PlaceCase{"Officials said the Vienna talks stalled.", ""},
                      PlaceCase{"The envoy arrived in theory.", ""},
                      PlaceCase{"Fighting in Gaza continued.", ""},
                      PlaceCase{"Fighting in Gaza continued as talks in  Geneva\tresumed.", "Geneva"},
                      PlaceCase{"TALKS were held in Ankara.", "Ankara"},
                      PlaceCase{"Roundtable in Ankara.", ""},
                      PlaceCase{"in Egypt", "Egypt"},
                      PlaceCase{"", ""}));

// Random sentences over words that hit every branch (in/at, "the", one-
// and two-word names, month names, apostrophes and hyphens, talk nouns in
// any case, tabs, non-ASCII bytes).
TEST(FindPlace, AgreesWithTheRegularExpressionsOnRandomSentences) {
  static const char* kWords[] = {
      "in", "at", "the", "The", "Cairo", "Doha", "New", "York", "March", "Sunday", "talks",
      "Talks", "ROUND", "rounds", "meeting", "summit", "negotiations", "consultations", "x",
      "A", "Al-Arish", "O'Hare", "café", "Gaza", "theory", "into", "at-large", "in,", "\t",
      "Geneva.", "Egypt's", "_in", "9", "said", "a", "of"};
  std::mt19937 rng(12345);
  std::uniform_int_distribution<size_t> word(0, std::size(kWords) - 1), len(0, 14),
      sep(0, 5);
  int with_place = 0;
  for (int n = 0; n < 20000; ++n) {
    std::string s;
    for (size_t k = 0, l = len(rng); k < l; ++k) {
      if (k) s += sep(rng) == 0 ? "  " : " ";
      s += kWords[word(rng)];
    }
    std::string expected = FindPlaceByRegex(s, kPlaces);
    with_place += !expected.empty();
    ASSERT_EQ(FindPlace(s, kPlaces), expected) << "sentence: " << s;
  }
  EXPECT_GT(with_place, 1000);  // the sample exercises the matching branches
}

}  // namespace
}  // namespace parley::corpus
