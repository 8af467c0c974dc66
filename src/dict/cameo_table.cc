// CAMEO code table loader; see cameo_table.h.
#include "dict/cameo_table.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace parley {
namespace {

std::vector<std::string> SplitTabs(std::string_view line) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      out.emplace_back(line.substr(start));
      return out;
    }
    out.emplace_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

bool IsDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

Status RowError(const std::string& file, int line, const std::string& what) {
  return InvalidArgumentError(file + ":" + std::to_string(line) + ": " + what);
}

StatusOr<CameoCode> ParseRow(std::string_view line, const std::string& file, int number) {
  std::vector<std::string> f = SplitTabs(line);
  if (f.size() != 5) {
    return RowError(file, number, "expected 5 tab-separated columns (code, name, quad, "
                                  "goldstein, plover), got " + std::to_string(f.size()));
  }
  CameoCode c;
  c.code = f[0];
  if (!IsDigits(c.code) || c.code.size() < 2 || c.code.size() > 4) {
    return RowError(file, number, "bad CAMEO code '" + c.code + "'");
  }
  c.root = c.code.substr(0, 2);
  c.name = f[1];
  if (f[2].size() != 1 || f[2][0] < '1' || f[2][0] > '4') {
    return RowError(file, number, "quad class must be 1..4: '" + f[2] + "'");
  }
  c.quad = f[2][0] - '0';
  char* end = nullptr;
  c.goldstein = std::strtod(f[3].c_str(), &end);
  if (f[3].empty() || *end != '\0' || c.goldstein < -10.0 || c.goldstein > 10.0) {
    return RowError(file, number, "Goldstein value must be in [-10, 10]: '" + f[3] + "'");
  }
  c.plover = f[4];
  return c;
}

}  // namespace

StatusOr<CameoTable> CameoTable::Parse(std::string_view tsv, const std::string& file) {
  CameoTable table;
  int number = 0;
  size_t pos = 0;
  while (pos < tsv.size()) {
    size_t end = tsv.find('\n', pos);
    if (end == std::string_view::npos) end = tsv.size();
    std::string_view line = tsv.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#' || line.substr(0, 5) == "code\t") continue;
    StatusOr<CameoCode> row = ParseRow(line, file, number);
    if (!row.ok()) return row.status();
    if (table.index_.count(row->code) != 0) {
      return RowError(file, number, "duplicate code '" + row->code + "'");
    }
    if (row->code.size() > 2 && table.index_.count(row->root) == 0) {
      return RowError(file, number, "code '" + row->code + "' before its root row '" +
                                        row->root + "'");
    }
    table.index_.emplace(row->code, table.codes_.size());
    table.codes_.push_back(std::move(row.value()));
  }
  if (table.codes_.empty()) return InvalidArgumentError(file + ": no CAMEO codes");
  return table;
}

StatusOr<CameoTable> CameoTable::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError("cannot open CAMEO table '" + path + "'");
  std::ostringstream buf;
  buf << in.rdbuf();
  return Parse(buf.str(), path);
}

std::vector<std::string> CameoTable::DefaultPaths() {
  std::vector<std::string> paths;
  if (const char* env = std::getenv("PARLEY_DATA_DIR"); env != nullptr && *env != '\0') {
    paths.push_back(std::string(env) + "/dictionaries/cameo/cameo_codes.tsv");
    paths.push_back(std::string(env) + "/cameo/cameo_codes.tsv");
  }
#ifdef PARLEY_SOURCE_DIR
  paths.push_back(std::string(PARLEY_SOURCE_DIR) + "/dictionaries/cameo/cameo_codes.tsv");
#endif
  return paths;
}

namespace {

struct DefaultTable {
  CameoTable table;
  Status status;
};

const DefaultTable& LoadDefault() {
  static const DefaultTable* loaded = [] {
    auto* d = new DefaultTable;
    std::string tried;
    for (const std::string& path : CameoTable::DefaultPaths()) {
      StatusOr<CameoTable> t = CameoTable::Load(path);
      if (t.ok()) {
        d->table = std::move(t.value());
        return d;
      }
      if (t.status().code() != StatusCode::kNotFound) {
        d->status = t.status();
        return d;
      }
      tried += (tried.empty() ? "" : ", ") + path;
    }
    d->status = NotFoundError("CAMEO code table not found (tried: " + tried +
                              "); set PARLEY_DATA_DIR to the Parley source directory");
    return d;
  }();
  return *loaded;
}

}  // namespace

const CameoTable& CameoTable::Default() { return LoadDefault().table; }
const Status& CameoTable::DefaultStatus() { return LoadDefault().status; }

bool CameoTable::Contains(std::string_view code) const {
  return index_.count(std::string(code)) != 0;
}

const CameoCode* CameoTable::Lookup(std::string_view code) const {
  if (!IsDigits(code) || code.size() < 2) return nullptr;
  std::string key(code.substr(0, 4));
  while (key.size() >= 2) {
    auto it = index_.find(key);
    if (it != index_.end()) return &codes_[it->second];
    key.pop_back();
  }
  return nullptr;
}

}  // namespace parley
