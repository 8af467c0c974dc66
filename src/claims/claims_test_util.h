// Test-only helper for the claims tests: builds an AnalyzedText and a
// DocumentCoding by hand with a trivial tokenizer, a naive lemmatizer, a
// small number reader and a tiny actor table, so that the claims stage can
// be tested on its own. Not part of the library (header used only by
// *_test.cc files).
#ifndef PARLEY_CLAIMS_CLAIMS_TEST_UTIL_H_
#define PARLEY_CLAIMS_CLAIMS_TEST_UTIL_H_

#include <cctype>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "code/sentence_coding.h"
#include "parley/document.h"
#include "parley/text.h"

namespace parley::claims::testing {

class FakeArticle {
 public:
  // Each element is one sentence.
  explicit FakeArticle(const std::vector<std::string>& sentences) {
    for (const std::string& s : sentences) {
      if (!doc.text.empty()) doc.text += ' ';
      uint32_t start = static_cast<uint32_t>(doc.text.size());
      doc.text += s;
      Sentence sent;
      sent.start = start;
      sent.end = static_cast<uint32_t>(doc.text.size());
      sent.first_token = static_cast<uint32_t>(spans_.size());
      Tokenize(start, sent.end);
      sent.end_token = static_cast<uint32_t>(spans_.size());
      text.sentences.push_back(sent);
    }
    doc.id = "test";
    doc.body.push_back({0, static_cast<uint32_t>(doc.text.size())});
    Finish();
  }

  // Adds a coder event on the first token whose norm is `verb`.
  void AddEvent(const std::string& verb, const std::string& code, const std::string& source,
                const std::string& target = "", const std::string& modal = "", bool negated = false) {
    for (uint32_t s = 0; s < text.sentences.size(); ++s) {
      for (uint32_t i = text.sentences[s].first_token; i < text.sentences[s].end_token; ++i) {
        if (norms_[i] != verb) continue;
        EventCandidate c;
        c.verb_first = i;
        c.verb_end = i + 1;
        c.event.code = code;
        c.event.root = code.substr(0, 2);
        c.event.source.code = source;
        if (!target.empty()) {
          ActorRef t;
          t.code = target;
          c.event.target = t;
        }
        c.modal = modal;
        c.negated = negated;
        coding.sentences[s].events.push_back(c);
        return;
      }
    }
  }

  Document doc;
  AnalyzedText text;
  DocumentCoding coding;

 private:
  void Tokenize(uint32_t b, uint32_t e) {
    const std::string& t = doc.text;
    uint32_t i = b;
    while (i < e) {
      unsigned char c = static_cast<unsigned char>(t[i]);
      if (std::isspace(c)) {
        ++i;
        continue;
      }
      uint32_t j = i;
      if (std::isalnum(c)) {
        while (j < e && (std::isalnum(static_cast<unsigned char>(t[j])) || t[j] == '-' ||
                         ((t[j] == ',' || t[j] == '.') && j + 1 < e &&
                          std::isdigit(static_cast<unsigned char>(t[j + 1])) &&
                          std::isdigit(static_cast<unsigned char>(t[j - 1]))))) {
          ++j;
        }
      } else if (c == '\'' && i + 1 < e && t[i + 1] == 's') {
        j = i + 2;
      } else {
        j = i + 1;
      }
      spans_.push_back({i, j});
      i = j;
    }
  }

  static std::string Lemma(const std::string& w);
  void Finish();
  void FindNumbers();
  void FindMentions();

  std::vector<std::pair<uint32_t, uint32_t>> spans_;
  std::vector<std::string> norms_, lemmas_;
};

inline std::string FakeArticle::Lemma(const std::string& w) {
  static const std::map<std::string, std::string> kIrregular = {
      {"said", "say"}, {"says", "say"}, {"told", "tell"}, {"fled", "flee"},
      {"children", "child"}, {"women", "woman"}, {"men", "man"}, {"wrote", "write"},
      {"made", "make"}, {"was", "be"}, {"were", "be"}, {"is", "be"}, {"are", "be"},
      {"bodies", "body"}, {"denied", "deny"}, {"killed", "kill"}, {"injured", "injure"},
      {"wounded", "wound"}, {"died", "die"}, {"freed", "free"}, {"released", "release"},
      {"stressed", "stress"}, {"added", "add"}, {"warned", "warn"}, {"confirmed", "confirm"},
      {"announced", "announce"}, {"rejected", "reject"}, {"accepted", "accept"},
      {"demanded", "demand"}, {"insisted", "insist"}, {"offered", "offer"}, {"proposed", "propose"},
      {"arrested", "arrest"}, {"detained", "detain"}, {"displaced", "displace"},
      {"hostages", "hostage"}, {"prisoners", "prisoner"}, {"rockets", "rocket"},
      {"strikes", "strike"}, {"trucks", "truck"}, {"deaths", "death"}, {"insists", "insist"},
      {"noted", "note"}, {"claimed", "claim"}, {"stated", "state"}, {"affirmed", "affirm"},
      {"withdrew", "withdraw"}, {"troops", "troop"}, {"forces", "force"}, {"calls", "call"},
      {"called", "call"}, {"refused", "refuse"}, {"welcomed", "welcome"}, {"agreed", "agree"},
      {"missiles", "missile"}, {"drones", "drone"}, {"dismissed", "dismiss"},
      {"saying", "say"}, {"mediators", "mediator"}};
  auto it = kIrregular.find(w);
  return it == kIrregular.end() ? w : it->second;
}

inline void FakeArticle::Finish() {
  norms_.reserve(spans_.size());
  for (auto [b, e] : spans_) {
    std::string w = doc.text.substr(b, e - b);
    std::string n;
    for (char c : w) n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    norms_.push_back(n);
  }
  for (const std::string& n : norms_) lemmas_.push_back(Lemma(n));
  for (size_t i = 0; i < spans_.size(); ++i) {
    Token t;
    t.start = spans_[i].first;
    t.end = spans_[i].second;
    t.norm = norms_[i];
    t.lemma = lemmas_[i];
    unsigned char c0 = static_cast<unsigned char>(doc.text[t.start]);
    if (std::isalpha(c0)) t.flags |= kTokWord;
    if (std::isdigit(c0)) t.flags |= kTokNumber;
    if (!std::isalnum(c0)) t.flags |= kTokPunct;
    if (std::isupper(c0)) t.flags |= kTokCapitalized;
    if (norms_[i] == "\"") t.flags |= kTokQuote;
    text.tokens.push_back(t);
  }
  coding.sentences.resize(text.sentences.size());
  for (uint32_t s = 0; s < text.sentences.size(); ++s) coding.sentences[s].sentence = s;
  FindNumbers();
  FindMentions();
}

inline void FakeArticle::FindNumbers() {
  static const std::map<std::string, double> kWords = {
      {"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6},
      {"seven", 7}, {"eight", 8}, {"nine", 9}, {"ten", 10}, {"twelve", 12}, {"twenty", 20},
      {"ninety-two", 92}, {"dozens", 24}, {"hundreds", 200}};
  for (uint32_t i = 0; i < text.tokens.size(); ++i) {
    NumberMention n;
    n.first_token = i;
    n.end_token = i + 1;
    const std::string& w = norms_[i];
    if (std::isdigit(static_cast<unsigned char>(w[0]))) {
      std::string digits;
      for (char c : w) {
        if (c != ',') digits += c;
      }
      if (digits.find('-') != std::string::npos) digits = digits.substr(0, digits.find('-'));
      n.value = std::stod(digits);
    } else if (auto it = kWords.find(w); it != kWords.end()) {
      n.value = it->second;
      n.vague = w == "dozens" || w == "hundreds";
    } else {
      continue;
    }
    if (i + 1 < norms_.size() && norms_[i + 1] == "million") {
      n.value *= 1e6;
      n.end_token = i + 2;
    }
    text.tokens[i].number = static_cast<int32_t>(text.numbers.size());
    text.numbers.push_back(n);
  }
}

inline void FakeArticle::FindMentions() {
  static const std::vector<std::pair<std::string, std::string>> kActors = {
      {"the health ministry", "PSEHLH"}, {"civil defence", "PSEGOV"}, {"israeli army", "ISRMIL"},
      {"israeli soldiers", "ISRMIL"}, {"the united nations", "IGOUNO"}, {"hamas", "PSEREBHMS"},
      {"israel", "ISRGOV"}, {"israeli", "ISR"}, {"idf", "ISRMIL"}, {"palestinians", "PSE"},
      {"palestinian", "PSE"}, {"netanyahu", "ISRGOV"}, {"egypt", "EGYGOV"}, {"qatar", "QATGOV"},
      {"russia", "RUSGOV"}, {"russian", "RUS"}, {"ukraine", "UKRGOV"}, {"ukrainian", "UKR"},
      {"kyiv", "UKRGOV"}, {"moscow", "RUSGOV"}, {"zelensky", "UKRGOV"}, {"houthis", "YEMREB"},
      {"hezbollah", "LBNREBHEZ"}, {"sudanese army", "SDNMIL"}, {"rsf", "SDNREB"},
      {"gaza", "PSE"}, {"the movement", "PSEREBHMS"}, {"officials", "---GOV"},
      {"afp", "FRAMED"}, {"mediators", "---GOV"}, {"reuters", "GBRMED"}, {"kremlin", "RUSGOV"}, {"sudan", "SDNGOV"},
      {"the military", "---MIL"}, {"msf", "NGOMSF"}, {"eu", "IGOEUR"}, {"wfp", "IGOUNOWFP"}};
  for (uint32_t s = 0; s < text.sentences.size(); ++s) {
    const Sentence& st = text.sentences[s];
    for (uint32_t i = st.first_token; i < st.end_token;) {
      size_t best_len = 0;
      const std::string* code = nullptr;
      for (const auto& [phrase, c] : kActors) {
        std::vector<std::string> ws;
        std::string cur;
        for (char ch : phrase + " ") {
          if (ch == ' ') {
            ws.push_back(cur);
            cur.clear();
          } else {
            cur += ch;
          }
        }
        if (i + ws.size() > st.end_token || ws.size() <= best_len) continue;
        bool ok = true;
        for (size_t k = 0; k < ws.size() && ok; ++k) ok = norms_[i + k] == ws[k];
        if (ok) {
          best_len = ws.size();
          code = &c;
        }
      }
      if (code == nullptr) {
        ++i;
        continue;
      }
      ActorMention m;
      m.first_token = i;
      m.end_token = i + static_cast<uint32_t>(best_len);
      m.actor.code = *code;
      m.actor.text = doc.text.substr(text.tokens[i].start, text.tokens[m.end_token - 1].end - text.tokens[i].start);
      m.agent_only = code->starts_with("---");
      coding.sentences[s].mentions.push_back(m);
      i = m.end_token;
    }
  }
}

}  // namespace parley::claims::testing

#endif  // PARLEY_CLAIMS_CLAIMS_TEST_UTIL_H_
