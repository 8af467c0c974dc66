// CompiledDictionaryImpl::Lookup / LookupWords: how a phrase resolves and
// why (for `parley dict lookup` and --explain).
#include <cctype>

#include "dict/compiled_tables.h"

namespace parley {
namespace {

std::string DateText(const DatedCode& c) {
  if (c.from && c.until) return "valid " + c.from->ToString() + " .. " + c.until->ToString();
  if (c.from) return "valid from " + c.from->ToString();
  if (c.until) return "valid until " + c.until->ToString();
  return "undated";
}

std::string Joined(std::span<const std::string> codes) {
  std::string s;
  for (const std::string& c : codes) s += (s.empty() ? "" : "/") + c;
  return s;
}

LookupResult ActorResult(const CompiledDictionaryImpl& d, const NodeInfo& info,
                         const std::optional<Date>& date) {
  ActorReading r = d.ResolveActor(info, date);
  LookupResult out;
  out.kind = r.entry && r.entry->framing ? "framing" : "actor";
  out.code = Joined(r.codes);
  out.name = r.entry ? r.entry->name : "";
  out.rule = r.entry ? r.entry->loc.RuleId() : "";
  std::string why;
  const auto& list = d.actor_lists[info.actor_list];
  for (uint32_t e : list) {
    for (const DatedCode& c : d.actors[e].codes) {
      why += "  [" + c.code + "] " + DateText(c) + " (" + d.actors[e].loc.RuleId() + ")";
      if (&c == r.applied) why += "  <- applied";
      why += "\n";
    }
  }
  std::string head = r.applied ? "code " + out.code + " applies on " +
                                     (date ? date->ToString() : std::string("(no date)"))
                               : std::string("no code applies on ") +
                                     (date ? date->ToString() : std::string("(no date)"));
  out.explanation = head + "; dated codes that apply win over undated ones (first in file "
                           "order; ranges include both ends, but a range starting on the date "
                           "beats one ending on it):\n" + why;
  return out;
}

}  // namespace

MatchLengths CompiledDictionaryImpl::LongestAt(const std::vector<uint32_t>& ids,
                                               size_t pos) const {
  MatchLengths m;
  uint32_t node = PhraseTrie::kRoot;
  for (size_t j = pos; j < ids.size(); ++j) {
    if (ids[j] == kNoWord) break;
    node = trie.Child(node, ids[j]);
    if (node == PhraseTrie::kNone) break;
    const NodeInfo* info = Info(node);
    if (!info) continue;
    uint32_t len = static_cast<uint32_t>(j + 1 - pos);
    if (info->actor_list >= 0) m.actor = len;
    if (info->agent >= 0) m.agent = len;
    if (info->verb_form >= 0) m.verb = len;
    if (info->discard >= 0) m.discard = len;
  }
  return m;
}

std::vector<LookupResult> CompiledDictionaryImpl::LookupWords(
    const std::vector<std::string>& phrase, const std::optional<Date>& date) const {
  std::vector<LookupResult> out;
  uint32_t node = PhraseTrie::kRoot;
  for (const std::string& w : phrase) {
    uint32_t id = words.Find(w);
    node = id == kNoWord ? PhraseTrie::kNone : trie.Child(node, id);
    if (node == PhraseTrie::kNone) return out;
  }
  const NodeInfo* info = phrase.empty() ? nullptr : Info(node);
  if (!info) return out;
  if (info->actor_list >= 0) out.push_back(ActorResult(*this, *info, date));
  if (info->agent >= 0) {
    const CompiledAgent& a = agents[info->agent];
    out.push_back({"agent", a.prefix ? a.code + "~" : "~" + a.code, a.text, a.loc.RuleId(),
                   a.prefix ? "prefix agent: prepended to the actor code"
                            : "agent: appended to the actor code unless already contained"});
  }
  if (info->verb_form >= 0) {
    const CompiledVerbForm& f = verb_forms[info->verb_form];
    const CompiledVerbEntry& v = verb_entries[f.entry];
    const CompiledBlock& b = blocks[v.block];
    out.push_back({"verb", v.code, b.name, v.loc.RuleId(),
                   "verb '" + v.base + "' in block " + b.name + " [" + b.code + "] with " +
                       std::to_string(b.patterns.size()) + " patterns"});
  }
  for (uint32_t i = info->synset_begin; i < info->synset_end; ++i) {
    out.push_back({"synset", "&" + synset_labels[synset_members[i]], "", "",
                   "member of synset &" + synset_labels[synset_members[i]]});
  }
  if (info->discard >= 0) {
    const CompiledDiscard& c = discards[info->discard];
    out.push_back({"discard", c.story ? "story" : "sentence", c.text, c.loc.RuleId(),
                   c.story ? "discards the whole story" : "discards the sentence"});
  }
  if (info->issue >= 0) {
    const CompiledIssue& c = issues[info->issue];
    out.push_back({"issue", c.code, "", c.loc.RuleId(),
                   c.kind == IssueEntry::Kind::kIssue ? "issue" : "ignore phrase"});
  }
  return out;
}

std::vector<LookupResult> CompiledDictionaryImpl::Lookup(std::string_view phrase,
                                                         const std::optional<Date>& date) const {
  // Plain split on blanks and '_' with ASCII lower-casing; the CLI passes
  // analyzer-normalized words through LookupWords instead.
  std::vector<std::string> ws;
  std::string cur;
  for (char c : phrase) {
    if (c == ' ' || c == '_' || c == '\t') {
      if (!cur.empty()) ws.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  if (!cur.empty()) ws.push_back(std::move(cur));
  return LookupWords(ws, date);
}

}  // namespace parley
