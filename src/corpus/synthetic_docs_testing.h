// Test helper (header only, for tests of corpus, store and query): builds
// synthetic CodedDocuments sentence by sentence, so tests state the records
// they need in one line each.
#ifndef PARLEY_CORPUS_SYNTHETIC_DOCS_TESTING_H_
#define PARLEY_CORPUS_SYNTHETIC_DOCS_TESTING_H_

#include <optional>
#include <string>
#include <utility>

#include "parley/event.h"

namespace parley::testing {

inline ActorRef Actor(std::string code, std::string name = "", std::string text = "") {
  ActorRef a;
  a.code = std::move(code);
  a.name = name.empty() ? a.code : std::move(name);
  a.text = text.empty() ? a.name : std::move(text);
  return a;
}

inline Date Day(const char* ymd) { return *Date::Parse(ymd); }

class DocBuilder {
 public:
  DocBuilder(std::string id, std::string outlet, const char* date) {
    d_.doc = std::move(id);
    d_.origin = "synthetic/" + d_.doc;
    d_.outlet = std::move(outlet);
    if (date) d_.date = Day(date);
    d_.content_hash = "h-" + d_.doc;
  }
  // Adds a sentence; later records refer to the last one.
  DocBuilder& Sentence(std::string text) {
    SentenceRecord s;
    s.i = static_cast<uint32_t>(d_.sentences.size());
    s.start = offset_;
    offset_ += static_cast<uint32_t>(text.size()) + 1;
    s.end = offset_ - 1;
    s.text = std::move(text);
    d_.sentences.push_back(std::move(s));
    return *this;
  }
  DocBuilder& Ev(ActorRef source, std::optional<ActorRef> target, std::string code,
                 const char* date = nullptr, Fact fact = Fact::kAsserted) {
    Event e;
    e.sentence = Current();
    e.source = std::move(source);
    e.target = std::move(target);
    e.code = std::move(code);
    e.root = e.code.substr(0, 2);
    e.quad = e.root >= "14" ? 4 : 1;
    e.rule = "test:" + e.code;
    e.fact = fact;
    if (date) e.date = Day(date);
    e.spans.push_back({"verb", 0, 4});
    d_.events.push_back(std::move(e));
    return *this;
  }
  DocBuilder& SaidBy(ActorRef who) {
    d_.events.back().said_by = std::move(who);
    return *this;
  }
  DocBuilder& Fig(std::string kind, double value, std::optional<ActorRef> said_by,
                  bool cumulative = false) {
    Figure f;
    f.sentence = Current();
    f.kind = std::move(kind);
    f.value = value;
    f.said_by = std::move(said_by);
    f.cumulative = cumulative;
    f.rule = "test:figure";
    d_.figures.push_back(std::move(f));
    return *this;
  }
  DocBuilder& Pos(ActorRef party, Stance stance, std::string item, const char* date = nullptr) {
    Position p;
    p.sentence = Current();
    p.party = std::move(party);
    p.stance = stance;
    p.item = std::move(item);
    p.item_text = p.item;
    if (date) p.date = Day(date);
    p.rule = "test:position";
    d_.positions.push_back(std::move(p));
    return *this;
  }
  DocBuilder& Hash(std::string h) {
    d_.content_hash = std::move(h);
    return *this;
  }
  CodedDocument Build() const { return d_; }

 private:
  uint32_t Current() {
    if (d_.sentences.empty()) Sentence("(no text)");
    return static_cast<uint32_t>(d_.sentences.size() - 1);
  }
  CodedDocument d_;
  uint32_t offset_ = 0;
};

}  // namespace parley::testing

#endif  // PARLEY_CORPUS_SYNTHETIC_DOCS_TESTING_H_
