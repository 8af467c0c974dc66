// `parley dict check DIR|FILE...`: reads dictionary sets and files, prints
// every diagnostic as file:line:col, a summary of entry counts and the
// reading time and memory; exit 1 when any error was found (or any warning
// with --strict), 0 otherwise, 3 when a path cannot be read at all.
// The work is in src/dict/dict_check.cc (tested there).
#include <iostream>
#include <string>
#include <vector>

#include "dict/dict_check.h"
#include "tools/command.h"
#include "tools/exit_codes.h"

namespace parley::cli {
namespace {

struct DictCheckArgs {
  std::vector<std::string> paths;
  bool strict = false;
  bool legacy = false;
  size_t max_printed = 0;
};

int Run(const DictCheckArgs& args) {
  DictCheckOptions options;
  if (args.strict) {
    options.read.strictness = ReadOptions::Strictness::kStrict;
    options.warnings_are_failures = true;
  } else if (args.legacy) {
    options.read.strictness = ReadOptions::Strictness::kLegacy;
  }
  options.max_printed = args.max_printed;
  StatusOr<DictCheckResult> r = CheckDictionaries(args.paths, options, std::cout);
  std::cout.flush();
  if (!r.ok()) {
    std::cerr << "parley dict check: " << r.status().message() << "\n";
    return r.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitInput;
  }
  return r->failed ? kExitFailures : kExitOk;
}

void Setup(CLI::App* sub, int* exit_code) {
  auto args = std::make_shared<DictCheckArgs>();
  sub->add_option("paths", args->paths,
                  "dictionary directories (with or without parley.dict) or files; a file's "
                  "kind follows from its name or is given as KIND:PATH")
      ->required();
  sub->add_flag("--strict", args->strict,
                "every defect is an error and warnings fail the check (for Parley's own "
                "dictionaries)");
  sub->add_flag("--legacy", args->legacy,
                "read every file as a PETRARCH/Phoenix file: entry defects are warnings");
  sub->add_option("--max-diagnostics", args->max_printed,
                  "print at most N diagnostics (0 = all; counts stay exact)");
  sub->callback([args, exit_code] { *exit_code = Run(*args); });
}

PARLEY_REGISTER_COMMAND("dict", "check",
                        "check dictionaries: diagnostics with file:line:col, counts, load "
                        "time and memory",
                        &Setup);

}  // namespace
}  // namespace parley::cli
