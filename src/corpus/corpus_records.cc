#include "corpus/corpus_records.h"

namespace parley::corpus {

std::string CountryOf(std::string_view code) {
  if (code.size() >= 6 && (code.starts_with("IGO") || code.starts_with("NGO"))) {
    return std::string(code.substr(0, 6));
  }
  return std::string(code.substr(0, std::min<size_t>(3, code.size())));
}

namespace {

std::string SentenceText(const CodedDocument& doc, uint32_t i) {
  if (i < doc.sentences.size() && doc.sentences[i].i == i) return doc.sentences[i].text;
  for (const SentenceRecord& s : doc.sentences) {
    if (s.i == i) return s.text;
  }
  return "";
}

}  // namespace

bool IsTalkEvent(std::string_view code, std::string_view root) {
  return root == "03" || root == "04" || root == "05" || root == "12" || root == "16" ||
         code.starts_with("0871");
}

void AppendDocument(const CodedDocument& doc, CorpusInput* input, bool talk_sentences_only) {
  const std::string outlet = doc.outlet.value_or("");
  for (uint32_t k = 0; k < doc.events.size(); ++k) {
    const Event& e = doc.events[k];
    EventRecord r;
    r.doc = doc.doc;
    r.idx = k;
    r.sentence = e.sentence;
    r.outlet = outlet;
    r.date = e.date ? e.date : doc.date;
    r.source_code = e.source.code;
    r.source_name = e.source.name;
    r.source_text = e.source.text;
    if (e.target) {
      r.target_code = e.target->code;
      r.target_name = e.target->name;
      r.target_text = e.target->text;
    }
    r.code = e.code;
    r.root = e.root;
    r.quad = e.quad;
    if (e.said_by) {
      r.said_by_code = e.said_by->code;
      r.said_by_name = e.said_by->name;
    }
    r.fact = e.fact;
    if (!talk_sentences_only || IsTalkEvent(e.code, e.root)) {
      r.sentence_text = SentenceText(doc, e.sentence);
    }
    input->events.push_back(std::move(r));
  }
  for (uint32_t k = 0; k < doc.figures.size(); ++k) {
    const Figure& f = doc.figures[k];
    FigureRecord r;
    r.doc = doc.doc;
    r.idx = k;
    r.sentence = f.sentence;
    r.outlet = outlet;
    r.date = f.date ? f.date : doc.date;
    r.kind = f.kind;
    r.value = f.value;
    r.qualifier = QualifierName(f.qualifier);
    if (f.victims) {
      r.victims_code = f.victims->code;
      r.victims_name = f.victims->name;
    }
    if (f.said_by) {
      r.said_by_code = f.said_by->code;
      r.said_by_name = f.said_by->name;
    }
    r.cumulative = f.cumulative;
    r.fact = f.fact;
    input->figures.push_back(std::move(r));
  }
  for (uint32_t k = 0; k < doc.positions.size(); ++k) {
    const Position& p = doc.positions[k];
    PositionRecord r;
    r.doc = doc.doc;
    r.idx = k;
    r.sentence = p.sentence;
    r.outlet = outlet;
    r.date = p.date ? p.date : doc.date;
    r.party_code = p.party.code;
    r.party_name = p.party.name;
    r.stance = p.stance;
    r.item = p.item;
    r.item_text = p.item_text;
    if (p.said_by) {
      r.said_by_code = p.said_by->code;
      r.said_by_name = p.said_by->name;
    }
    r.fact = p.fact;
    r.sentence_text = SentenceText(doc, p.sentence);
    input->positions.push_back(std::move(r));
  }
}

}  // namespace parley::corpus
