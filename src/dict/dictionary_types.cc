// Small member functions of the types in include/parley/dictionary.h.
#include <algorithm>

#include "parley/dictionary.h"

namespace parley {

std::string SourceLoc::RuleId() const {
  size_t slash = file.find_last_of('/');
  std::string base = slash == std::string::npos ? file : file.substr(slash + 1);
  base.append(":").append(std::to_string(line));
  return base;
}

std::string Diagnostic::ToString() const {
  std::string out = loc.file;
  if (loc.line > 0) out.append(":").append(std::to_string(loc.line));
  if (loc.column > 0) out.append(":").append(std::to_string(loc.column));
  out.append(severity == Severity::kError ? ": error: " : ": warning: ").append(message);
  if (!text.empty()) out.append(": '").append(text).append("'");
  if (!expected.empty()) out.append(" (expected ").append(expected).append(")");
  return out;
}

bool DatedCode::AppliesOn(const std::optional<Date>& date) const {
  if (!from && !until) return true;
  if (!date) return false;
  if (from && *date < *from) return false;
  if (until && !(*date < *until)) return false;
  return true;
}

const DatedCode* ActorEntry::CodeOn(const std::optional<Date>& date) const {
  const DatedCode* undated = nullptr;
  const DatedCode* latest = nullptr;
  for (const DatedCode& c : codes) {
    bool is_dated = c.from.has_value() || c.until.has_value();
    if (!is_dated) {
      if (undated == nullptr) undated = &c;
      continue;
    }
    if (date && c.AppliesOn(date)) return &c;
    // Most recent validity: open end first, then the latest end date.
    if (latest == nullptr || (latest->until && (!c.until || *latest->until < *c.until))) {
      latest = &c;
    }
  }
  if (undated != nullptr) return undated;
  return date ? nullptr : latest;
}

bool DictionarySet::has_errors() const {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == Diagnostic::Severity::kError;
  });
}

}  // namespace parley
