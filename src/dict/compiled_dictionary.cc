// Compile(): DictionarySet -> CompiledDictionaryImpl (see compiled_tables.h).
#include <algorithm>
#include <atomic>
#include <map>
#include <unordered_map>

#include "dict/compiled_tables.h"

namespace parley {
namespace {

// "FRO/BIL/---" -> FRO, BIL (defined below).
void SplitCodes(const std::string& code, std::vector<std::string>* out);

constexpr uint32_t kSynsetFlag = 0x80000000u;

// Treebank-split contractions as one token, the way article text has them:
// {"did", "n't"} -> {"didn't"}, {"wo", "n't"} -> {"won't"}.
Phrase JoinContractions(const Phrase& p) {
  Phrase out;
  for (const std::string& w : p) {
    if (w == "n't" && !out.empty()) {
      std::string& last = out.back();
      if (last == "wo") last = "won't";
      else if (last == "ca") last = "can't";
      else if (last == "sha") last = "shan't";
      else last += "n't";
      continue;
    }
    out.push_back(w);
  }
  return out;
}


// Display names that never repeat a loaded term. A framing entry ("the
// Zionist regime" -> ISRGOV) is named after the neutral actor with its code:
// a named group or person (code longer than country + role) after its
// non-framing entry ("Hamas"); a country + role code after a non-framing
// entry of that code spelled with the country's own words ("Israeli
// Government"), else after the country ("Israel"); else the code itself.
class NeutralNamer {
 public:
  explicit NeutralNamer(const std::vector<ActorEntry>& actors) {
    for (const ActorEntry& a : actors) {
      if (a.framing || a.phrases.empty()) continue;
      for (const DatedCode& dc : a.codes) {
        by_code_.emplace(dc.code, &a);  // first in file order wins
        by_code_all_[dc.code].push_back(&a);
      }
      if (a.codes.size() != 1 || a.codes[0].code.size() != 3) continue;
      // The country's own record (the first with the bare code), not places.
      auto [words, fresh] = country_words_.try_emplace(a.codes[0].code);
      if (!fresh) continue;
      for (const Phrase& ph : a.phrases) {
        if (ph.size() == 1) words->second.push_back(ph[0]);
      }
    }
  }

  // The code an entry is named after: its undated code, else its last one.
  static const std::string& MainCode(const ActorEntry& a) {
    for (const DatedCode& dc : a.codes) {
      if (!dc.from && !dc.until) return dc.code;
    }
    return a.codes.back().code;
  }

  std::string Name(const ActorEntry& a) const {
    if (!a.framing) return a.name;
    if (a.codes.empty()) return "";
    const std::string& code = MainCode(a);
    auto exact = by_code_.find(code);
    if (code.size() > 6 && exact != by_code_.end()) return exact->second->name;
    std::string country = code.substr(0, 3);
    if (const std::string* own = CountryWorded(code, country)) return *own;
    auto c = by_code_.find(country);
    if (c != by_code_.end()) return c->second->name;
    return exact != by_code_.end() ? exact->second->name : code;
  }

 private:
  // The name of the shortest non-framing entry with `code` whose primary
  // phrase begins with a word naming `country` ("Ukrainian Government");
  // nullptr if none.
  const std::string* CountryWorded(const std::string& code, const std::string& country) const {
    auto words = country_words_.find(country);
    if (words == country_words_.end() || code.size() == 3) return nullptr;
    auto entries = by_code_all_.find(code);
    if (entries == by_code_all_.end()) return nullptr;
    const ActorEntry* best = nullptr;  // the shortest such phrase, file order on ties
    for (const ActorEntry* a : entries->second) {
      const Phrase& primary = a->phrases[0];
      if (std::find(words->second.begin(), words->second.end(), primary[0]) == words->second.end()) {
        continue;
      }
      if (!best || primary.size() < best->phrases[0].size()) best = a;
    }
    return best ? &best->name : nullptr;
  }

  std::unordered_map<std::string, const ActorEntry*> by_code_;
  std::unordered_map<std::string, std::vector<const ActorEntry*>> by_code_all_;  // file order
  std::unordered_map<std::string, std::vector<std::string>> country_words_;
};

class Compiler {
 public:
  Compiler(const DictionarySet& set, CompileOptions options, CompiledDictionaryImpl* out)
      : set_(set), options_(options), d_(out) {}

  Status Run() {
    for (size_t i = 0; i < set_.synsets.size(); ++i) {
      synset_ids_.emplace(set_.synsets[i].label, static_cast<int32_t>(i));
      d_->synset_labels.push_back(set_.synsets[i].label);
    }
    PARLEY_RETURN_IF_ERROR(AddActors());
    PARLEY_RETURN_IF_ERROR(AddAgents());
    PARLEY_RETURN_IF_ERROR(AddVerbs());
    PARLEY_RETURN_IF_ERROR(AddSynsets());
    PARLEY_RETURN_IF_ERROR(AddDiscardsAndIssues());
    FlattenSynsets();
    d_->starts.resize(d_->words.size(), 0);
    return Status::Ok();
  }

 private:
  Status Count() {
    if (++entries_ > options_.max_entries) {
      return ResourceExhaustedError("dictionary exceeds max_entries = " +
                                    std::to_string(options_.max_entries) + " phrases");
    }
    return Status::Ok();
  }

  // Returns the info of the node ending `phrase`, creating both; nullptr for
  // an empty phrase.
  NodeInfo* Node(const Phrase& phrase, uint32_t* node_out = nullptr) {
    if (phrase.empty()) return nullptr;
    ids_.clear();
    for (const std::string& w : phrase) ids_.push_back(d_->words.Intern(w));
    if (d_->starts.size() <= ids_[0]) d_->starts.resize(ids_[0] + 1, 0);
    d_->starts[ids_[0]] |= 1;
    uint32_t node = d_->trie.Insert(ids_.data(), ids_.size());
    if (node_out) *node_out = node;
    int32_t p = d_->trie.payload(node);
    if (p < 0) {
      p = static_cast<int32_t>(d_->nodes.size());
      d_->nodes.emplace_back();
      d_->trie.set_payload(node, p);
    }
    return &d_->nodes[p];
  }

  Status AddActors() {
    NeutralNamer namer(set_.actors);
    for (const ActorEntry& a : set_.actors) {
      uint32_t index = static_cast<uint32_t>(d_->actors.size());
      d_->actors.push_back({a.codes, namer.Name(a), a.framing, a.loc, {}});
      auto& split = d_->actors.back().split_codes;
      for (const DatedCode& dc : a.codes) SplitCodes(dc.code, &split.emplace_back());
      for (const Phrase& ph : a.phrases) {
        PARLEY_RETURN_IF_ERROR(Count());
        NodeInfo* info = Node(ph);
        if (!info) continue;
        if (info->actor_list < 0) {
          info->actor_list = static_cast<int32_t>(d_->actor_lists.size());
          d_->actor_lists.emplace_back();
        }
        auto& list = d_->actor_lists[info->actor_list];
        if (std::find(list.begin(), list.end(), index) == list.end()) list.push_back(index);
        ++d_->num_actor_phrases_;
      }
    }
    return Status::Ok();
  }

  Status AddAgents() {
    for (const AgentEntry& a : set_.agents) {
      int32_t index = static_cast<int32_t>(d_->agents.size());
      std::string text;
      if (!a.forms.empty()) {
        for (const std::string& w : a.forms[0]) text += (text.empty() ? "" : " ") + w;
      }
      d_->agents.push_back({a.code, a.prefix, a.loc, text, a.needs_actor, a.event_code});
      for (const Phrase& ph : a.forms) {
        PARLEY_RETURN_IF_ERROR(Count());
        NodeInfo* info = Node(ph);
        if (info && info->agent < 0) info->agent = index;
        ++d_->num_agent_phrases_;
      }
    }
    return Status::Ok();
  }

  Status AddVerbs() {
    for (size_t b = 0; b < set_.verb_blocks.size(); ++b) {
      const VerbBlock& block = set_.verb_blocks[b];
      CompiledBlock cb{block.name, block.code, block.loc, {}, {}};
      for (const VerbEntry& v : block.verbs) {
        uint32_t entry = static_cast<uint32_t>(d_->verb_entries.size());
        d_->verb_entries.push_back({static_cast<uint32_t>(b),
                                    v.code.empty() ? block.code : v.code, v.base, v.loc});
        for (const VerbForm& f : v.forms) {
          PARLEY_RETURN_IF_ERROR(Count());
          NodeInfo* info = Node(f.words);
          if (!info) continue;
          ++d_->num_verb_forms_;
          if (info->verb_form >= 0) continue;  // first entry in file order wins
          info->verb_form = static_cast<int32_t>(d_->verb_forms.size());
          d_->verb_forms.push_back(
              {entry, f.verb_index, static_cast<uint32_t>(f.words.size())});
        }
      }
      for (const VerbPattern& p : block.patterns) {
        PARLEY_RETURN_IF_ERROR(Count());
        CompiledPattern cp;
        if (!CompilePattern(p, &cp)) continue;
        cb.patterns.push_back(static_cast<uint32_t>(d_->patterns.size()));
        d_->patterns.push_back(std::move(cp));
      }
      std::stable_sort(cb.patterns.begin(), cb.patterns.end(), [&](uint32_t x, uint32_t y) {
        return d_->patterns[x].specificity > d_->patterns[y].specificity;
      });
      for (uint32_t pi : cb.patterns) cb.gates.push_back(GateOf(d_->patterns[pi]));
      d_->blocks.push_back(std::move(cb));
    }
    return Status::Ok();
  }

  static CompiledBlock::Gate GateOf(const CompiledPattern& p) {
    CompiledBlock::Gate g;
    g.usable = p.usable;
    if (!p.required.empty()) {
      g.anchor[0] = p.required.front();
      if (p.required.back() != p.required.front()) g.anchor[1] = p.required.back();
    }
    return g;
  }

  uint32_t WordOrSynset(const std::string& w, bool* ok) {
    if (!w.empty() && w[0] == '&') {
      auto it = synset_ids_.find(w.substr(1));
      if (it == synset_ids_.end()) {
        *ok = false;
        return 0;
      }
      return kSynsetFlag | static_cast<uint32_t>(it->second);
    }
    return d_->words.Intern(w);
  }

  bool ConvertElement(const PatternElement& e, std::vector<PatElem>* out) {
    using K = PatternElement::Kind;
    PatElem pe;
    pe.adjacent = e.adjacent;
    bool ok = true;
    switch (e.kind) {
      case K::kSource: pe.kind = PatElem::Kind::kSource; break;
      case K::kTarget: pe.kind = PatElem::Kind::kTarget; break;
      case K::kSkip: pe.kind = PatElem::Kind::kSkip; break;
      case K::kCompound: pe.kind = PatElem::Kind::kCompound; break;
      case K::kSynset: {
        pe.kind = PatElem::Kind::kSynset;
        auto it = e.words.empty() ? synset_ids_.end() : synset_ids_.find(e.words[0]);
        if (it == synset_ids_.end()) return false;
        pe.synset = it->second;
        break;
      }
      case K::kWord:
      case K::kNounPhrase:
        pe.kind = e.kind == K::kWord ? PatElem::Kind::kWords : PatElem::Kind::kNounPhrase;
        for (const std::string& w : e.words) pe.words.push_back(WordOrSynset(w, &ok));
        if (pe.kind == PatElem::Kind::kWords && pe.words.size() == 1 &&
            (pe.words[0] & kSynsetFlag)) {
          pe.kind = PatElem::Kind::kSynset;
          pe.synset = static_cast<int32_t>(pe.words[0] & ~kSynsetFlag);
          pe.words.clear();
        }
        break;
      case K::kPrep: {
        PatElem prep;
        prep.kind = PatElem::Kind::kPrep;
        prep.adjacent = e.adjacent;
        for (const std::string& w : e.words) prep.words.push_back(WordOrSynset(w, &ok));
        out->push_back(std::move(prep));
        for (const PatternElement& o : e.object) {
          if (o.kind == K::kSkip) continue;
          if (!ConvertElement(o, out)) return false;
        }
        return ok;
      }
    }
    if (!ok) return false;
    out->push_back(std::move(pe));
    return true;
  }

  bool CompilePattern(const VerbPattern& p, CompiledPattern* cp) {
    for (const PatternElement& e : p.pre) {
      if (!ConvertElement(e, &cp->pre)) return false;
    }
    for (const PatternElement& e : p.post) {
      if (!ConvertElement(e, &cp->post)) return false;
    }
    cp->code = p.code;
    cp->passive_code = p.passive_code;
    cp->tabari = p.syntax == VerbPattern::Syntax::kTabari;
    cp->loc = p.loc;
    cp->text = p.text;
    int spec = 0;
    for (const auto* half : {&cp->pre, &cp->post}) {
      for (const PatElem& e : *half) {
        spec += 2 * std::max<int>(1, static_cast<int>(e.words.size())) + (e.adjacent ? 1 : 0);
      }
    }
    cp->specificity = spec;
    cp->null_code = cp->code == "---" && cp->passive_code.empty();
    cp->usable = cp->null_code || IsEventCode(cp->code) || IsEventCode(cp->passive_code);
    for (const auto* half : {&cp->pre, &cp->post}) {
      for (const PatElem& e : *half) {
        if (e.kind != PatElem::Kind::kWords && e.kind != PatElem::Kind::kNounPhrase &&
            e.kind != PatElem::Kind::kPrep) {
          continue;
        }
        for (uint32_t w : e.words) {
          if (!(w & kSynsetFlag)) cp->required.push_back(w);
        }
      }
    }
    return true;
  }

  Status AddSynsets() {
    for (size_t s = 0; s < set_.synsets.size(); ++s) {
      for (const Phrase& m : set_.synsets[s].members) {
        PARLEY_RETURN_IF_ERROR(Count());
        for (const Phrase& form : {m, JoinContractions(m)}) {
          uint32_t node = 0;
          if (!Node(form, &node)) continue;
          d_->starts[ids_[0]] |= 4;
          auto& v = synset_by_node_[node];
          if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(static_cast<uint32_t>(s));
        }
      }
    }
    return Status::Ok();
  }

  Status AddDiscardsAndIssues() {
    for (const DiscardEntry& e : set_.discards) {
      PARLEY_RETURN_IF_ERROR(Count());
      NodeInfo* info = Node(e.words);
      if (!info) continue;
      d_->starts[ids_[0]] |= 2;
      std::string text;
      for (const std::string& w : e.words) text += (text.empty() ? "" : " ") + w;
      if (info->discard < 0 || (e.story && !d_->discards[info->discard].story)) {
        info->discard = static_cast<int32_t>(d_->discards.size());
        d_->discards.push_back({e.story, e.loc, text});
      }
    }
    for (const IssueEntry& e : set_.issues) {
      int32_t index = static_cast<int32_t>(d_->issues.size());
      d_->issues.push_back({e.code, e.kind, e.loc});
      for (const Phrase& f : e.forms) {
        PARLEY_RETURN_IF_ERROR(Count());
        NodeInfo* info = Node(f);
        if (info && info->issue < 0) info->issue = index;
      }
    }
    return Status::Ok();
  }

  void FlattenSynsets() {
    for (auto& [node, ids] : synset_by_node_) {
      NodeInfo& info = d_->nodes[d_->trie.payload(node)];
      info.synset_begin = static_cast<uint32_t>(d_->synset_members.size());
      d_->synset_members.insert(d_->synset_members.end(), ids.begin(), ids.end());
      info.synset_end = static_cast<uint32_t>(d_->synset_members.size());
    }
  }

  const DictionarySet& set_;
  CompileOptions options_;
  CompiledDictionaryImpl* d_;
  std::unordered_map<std::string, int32_t> synset_ids_;
  std::map<uint32_t, std::vector<uint32_t>> synset_by_node_;
  std::vector<uint32_t> ids_;
  size_t entries_ = 0;
};

bool Dated(const DatedCode& c) { return c.from.has_value() || c.until.has_value(); }

bool AppliesInclusive(const DatedCode& c, const Date& d) {
  if (c.from && d < *c.from) return false;
  if (c.until && *c.until < d) return false;
  return true;
}

void SplitCodes(const std::string& code, std::vector<std::string>* out) {
  size_t start = 0;
  while (start <= code.size()) {
    size_t slash = code.find('/', start);
    if (slash == std::string::npos) slash = code.size();
    std::string part = code.substr(start, slash - start);
    if (!part.empty() && part != "---") out->push_back(std::move(part));
    start = slash + 1;
  }
}

}  // namespace

bool IsEventCode(std::string_view code) {
  // 2-4 digits, optionally one letter ("174K" in the PETRARCH unit tests).
  size_t digits = 0;
  while (digits < code.size() && code[digits] >= '0' && code[digits] <= '9') ++digits;
  if (digits < 2 || digits > 4) return false;
  if (digits == code.size()) return true;
  char c = code[digits];
  return digits + 1 == code.size() && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

StatusOr<std::shared_ptr<const CompiledDictionary>> CompiledDictionary::Compile(
    const DictionarySet& set, const TextAnalyzer& /*text*/, CompileOptions options) {
  if (set.has_errors()) {
    for (const Diagnostic& d : set.diagnostics) {
      if (d.severity == Diagnostic::Severity::kError) {
        return InvalidArgumentError("dictionary has errors; first: " + d.ToString());
      }
    }
  }
  static std::atomic<uint64_t> next_instance{1};
  auto impl = std::make_shared<CompiledDictionaryImpl>();
  impl->instance_id = next_instance.fetch_add(1);
  Compiler compiler(set, options, impl.get());
  PARLEY_RETURN_IF_ERROR(compiler.Run());
  return std::shared_ptr<const CompiledDictionary>(std::move(impl));
}

ActorReading CompiledDictionaryImpl::ResolveActor(const NodeInfo& info,
                                                  const std::optional<Date>& date) const {
  ActorReading r;
  if (info.actor_list < 0) return r;
  const auto& list = actor_lists[info.actor_list];
  r.entry = &actors[list[0]];
  auto take = [&](uint32_t e, const DatedCode& c) {
    r.entry = &actors[e];
    r.applied = &c;
    r.codes = r.entry->split_codes[&c - r.entry->codes.data()];
  };
  if (date) {
    // A role that begins on the date beats one that ends on it (contiguous
    // ranges "A until D", "B from D"); otherwise the first that applies.
    for (uint32_t e : list) {
      for (const DatedCode& c : actors[e].codes) {
        if (c.from && *c.from == *date) {
          take(e, c);  // then return r by name: moved, not copied
          return r;
        }
      }
    }
    for (uint32_t e : list) {
      for (const DatedCode& c : actors[e].codes) {
        if (Dated(c) && AppliesInclusive(c, *date)) {
          take(e, c);  // then return r by name: moved, not copied
          return r;
        }
      }
    }
  }
  for (uint32_t e : list) {
    for (const DatedCode& c : actors[e].codes) {
      if (!Dated(c)) {
        take(e, c);  // then return r by name: moved, not copied
        return r;
      }
    }
  }
  if (!date) {  // no date: the most recent dated code
    const DatedCode* best = nullptr;
    uint32_t best_e = 0;
    for (uint32_t e : list) {
      for (const DatedCode& c : actors[e].codes) {
        if (!best || (best->until && (!c.until || *best->until < *c.until))) {
          best = &c;
          best_e = e;
        }
      }
    }
    if (best) take(best_e, *best);
  }
  return r;
}

bool CompiledDictionaryImpl::InSynset(const NodeInfo& info, int32_t synset) const {
  for (uint32_t i = info.synset_begin; i < info.synset_end; ++i) {
    if (synset_members[i] == static_cast<uint32_t>(synset)) return true;
  }
  return false;
}

size_t CompiledDictionaryImpl::memory_bytes() const {
  size_t n = words.memory_bytes() + trie.memory_bytes() + nodes.capacity() * sizeof(NodeInfo);
  for (const auto& l : actor_lists) n += sizeof(l) + l.capacity() * 4;
  for (const auto& a : actors) {
    n += sizeof(a) + a.name.capacity() + a.loc.file.capacity() / 8;
    for (const auto& c : a.codes) n += sizeof(c) + c.code.capacity();
    for (const auto& v : a.split_codes) n += sizeof(v) + v.capacity() * sizeof(std::string);
  }
  n += agents.capacity() * sizeof(CompiledAgent) + verb_forms.capacity() * sizeof(CompiledVerbForm);
  n += verb_entries.capacity() * sizeof(CompiledVerbEntry);
  for (const auto& p : patterns) {
    n += sizeof(p) + p.text.capacity() + (p.pre.capacity() + p.post.capacity()) * sizeof(PatElem);
  }
  n += synset_members.capacity() * 4 + discards.capacity() * sizeof(CompiledDiscard);
  return n;
}

}  // namespace parley
