#include "code/word_classes.h"

namespace parley {

void WordClasses::Add(std::initializer_list<const char*> words, uint32_t cls) {
  for (const char* w : words) {
    std::string_view v(w);
    map_[v] |= cls;
    if (!v.empty()) filter_[FilterBit(v) >> 6] |= uint64_t{1} << (FilterBit(v) & 63);
  }
}

WordClasses::WordClasses() {
  Add({"the", "a", "an", "this", "these", "those", "each", "every", "some", "any", "another",
       "such", "both", "all", "several", "many", "most", "its", "his", "her", "their", "our",
       "my", "your", "no"},
      kWcDet);
  Add({"its", "his", "her", "their", "our", "my", "your"}, kWcPossPron);
  Add({"of", "in", "on", "at", "by", "from", "with", "against", "for", "into", "onto", "over",
       "under", "toward", "towards", "between", "among", "amid", "near", "through", "during",
       "about", "across", "along", "around", "inside", "outside", "without", "within",
       "despite", "upon", "via", "per", "behind", "beyond", "throughout", "off", "like"},
      kWcPrep);
  Add({"by"}, kWcBy);
  Add({"and", "or", "&"}, kWcConj);
  Add({"is", "are", "was", "were", "be", "been", "being", "am", "'s", "'re", "'m"}, kWcBe);
  Add({"is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having",
       "do", "does", "did", "'ve", "'d", "got", "get", "gets"},
      kWcAux);
  Add({"will", "would", "could", "may", "might", "must", "shall", "should", "can", "'ll", "wo",
       "ca", "cannot"},
      kWcModal);
  Add({"not", "n't", "never", "no", "cannot", "neither", "nor"}, kWcNeg);
  Add({"didn't", "doesn't", "don't", "isn't", "aren't", "wasn't", "weren't", "hasn't",
       "haven't", "hadn't"},
      kWcNeg | kWcAux);
  Add({"won't", "wouldn't", "can't", "couldn't", "shouldn't", "mustn't", "mightn't",
       "shan't"},
      kWcNeg | kWcModal);
  Add({"who", "which", "whom", "whose"}, kWcRelPron);
  Add({"after", "because", "while", "as", "if", "unless", "when", "since", "before",
       "although", "though", "whereas", "until", "once", "whether", "where", "whilst",
       "amid"},
      kWcSubConj);
  Add({"if", "unless"}, kWcCondition);
  Add({"that"}, kWcThat);
  Add({"he", "she", "it", "they", "him", "them"}, kWcPronoun);
  Add({"say", "says", "said", "saying", "tell", "tells", "told", "telling", "report",
       "reports", "reported", "announce", "announces", "announced", "add", "adds", "added",
       "state", "states", "stated", "declare", "declares", "declared", "note", "notes",
       "noted", "tweet", "tweets", "tweeted", "write", "writes", "wrote", "insist", "insists",
       "insisted", "explain", "explained", "explains", "quote", "quoted", "affirm",
       "affirms", "affirmed", "reaffirm", "reaffirms", "reaffirmed", "stress", "stresses",
       "stressed", "emphasize", "emphasizes", "emphasized", "emphasise", "emphasises",
       "emphasised", "reiterate", "reiterates", "reiterated", "assert", "asserts", "asserted",
       "confirm", "confirms", "confirmed", "underline", "underlines", "underlined"},
      kWcReport);
  Add({"announce", "announces", "announced", "declare", "declares", "declared", "affirm",
       "affirms", "affirmed", "reaffirm", "reaffirms", "reaffirmed", "stress", "stresses",
       "stressed", "emphasize", "emphasizes", "emphasized", "emphasise", "emphasises",
       "emphasised", "reiterate", "reiterates", "reiterated", "confirm", "confirms",
       "confirmed", "underline", "underlines", "underlined"},
      kWcObjectReport);
  Add({"alive", "survived", "survives", "surviving"}, kWcSurvival);
  // Object complements: "holds the occupation fully responsible", "held
  // Israel accountable", "found them guilty".
  Add({"accountable", "responsible", "liable", "guilty", "culpable"}, kWcPredAdj);
  Add({"to"}, kWcTo);
  Add({","}, kWcComma);
  Add({";", ":", "(", ")", ".", "!", "?", "--", "[", "]"}, kWcStop);
  Add({"\"", "``", "''"}, kWcQuote);
  Add({"former", "ex-", "ex"}, kWcFormer);
  Add({"also", "recently", "reportedly", "allegedly", "already", "still", "then", "now",
       "again", "just", "later", "even", "ever", "really", "certainly", "unexpectedly",
       "immediately", "heavily", "further", "only", "initially", "finally", "repeatedly",
       "jointly", "publicly", "officially", "strongly", "quickly", "reportedly", "apparently",
       "oddly", "most", "yet", "longer", "previously", "subsequently", "later", "earlier"},
      kWcAdverb);
  Add({"movement", "group", "organization", "organisation", "army", "military", "militants",
       "faction", "regime", "country", "kingdom", "state"},
      kWcDefNoun);
  Add({"according"}, kWcAccording);
  Add({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
       "dozens", "hundreds", "thousands", "millions", "million", "billion", "half"},
      kWcNumberWord);
}

std::string_view CapsAlias(std::string_view norm) {
  if (norm == "us") return "u.s.";
  if (norm == "is") return "isis";
  if (norm == "who") return "w.h.o.";
  return "";
}

namespace {
bool EndsWith(std::string_view s, std::string_view suf) {
  return s.size() >= suf.size() && s.substr(s.size() - suf.size()) == suf;
}
}  // namespace

bool IsRegularInflection(std::string_view norm, std::string_view lemma) {
  if (norm == lemma) return true;
  std::string_view stem = lemma;
  if (norm.substr(0, stem.size()) != stem) {
    if (EndsWith(stem, "e")) stem.remove_suffix(1);  // "hoping" from "hope"
    if (norm.substr(0, stem.size()) != stem) return false;
  }
  std::string_view suf = norm.substr(stem.size());
  return suf == "s" || suf == "es" || suf == "d" || suf == "ed" || suf == "ing" || suf == "e" ||
         suf == "ed" || suf == "ing";
}

bool LooksParticiple(std::string_view norm, std::string_view lemma) {
  if (EndsWith(norm, "ed") || EndsWith(norm, "en") || EndsWith(norm, "wn")) return true;
  if (norm == lemma) return false;
  if (EndsWith(norm, "s") || EndsWith(norm, "ing")) return false;
  return true;  // irregular: "struck", "hit" (same as lemma is excluded above)
}

}  // namespace parley
