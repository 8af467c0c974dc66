// CameoTable: the CAMEO 1.1b3 event code list with, per code, its English
// name, root, quad class, Goldstein value and PLOVER category, read from
// dictionaries/cameo/cameo_codes.tsv (written for Parley; PLOVER mapping from
// the PLOVER specification, CC BY-SA 4.0, see the TSV header).
//
// dict: used by the readers (unknown code warnings) and by the coder/output
// to enrich every event with root, quad class, Goldstein and PLOVER.
//
// Thread-safety: a loaded table is immutable; Default() is initialised once
// (thread-safe static) and lives until exit.
#ifndef PARLEY_DICT_CAMEO_TABLE_H_
#define PARLEY_DICT_CAMEO_TABLE_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "parley/status.h"

namespace parley {

struct CameoCode {
  std::string code;    // "195"
  std::string name;    // "Employ aerial weapons"
  std::string root;    // "19"
  int quad = 0;        // 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
  double goldstein = 0.0;
  std::string plover;  // "ASSAULT"
};

class CameoTable {
 public:
  CameoTable() = default;

  // Parses the TSV text (columns: code, name, quad, goldstein, plover; '#'
  // comment lines; a header line starting with "code"). `file` names the
  // source in error messages. Fails on malformed rows, duplicate codes or a
  // code whose root row is missing.
  static StatusOr<CameoTable> Parse(std::string_view tsv, const std::string& file);
  static StatusOr<CameoTable> Load(const std::string& path);

  // The table from the data directory: $PARLEY_DATA_DIR/dictionaries/cameo/,
  // $PARLEY_DATA_DIR/cameo/, then <source dir>/dictionaries/cameo/
  // (cameo_codes.tsv). Empty when none could be loaded; DefaultStatus() then
  // says why.
  static const CameoTable& Default();
  static const Status& DefaultStatus();
  // Where Default() looks, in order.
  static std::vector<std::string> DefaultPaths();

  bool empty() const { return codes_.empty(); }
  size_t size() const { return codes_.size(); }
  // Exact code present ("195", "0874", "19").
  bool Contains(std::string_view code) const;
  // The entry for `code`; an unknown sub-code falls back to the longest known
  // prefix ("1959" -> "195", "0319" -> "031" -> "03"). nullptr when not even
  // the 2-digit root is known or the code is not numeric.
  const CameoCode* Lookup(std::string_view code) const;
  // All codes in file order.
  const std::vector<CameoCode>& codes() const { return codes_; }

 private:
  std::vector<CameoCode> codes_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace parley

#endif  // PARLEY_DICT_CAMEO_TABLE_H_
