// `parley validate FILE.xml [--dictionaries DIR] [--verbose]`: runs a
// PETRARCH validation file (PETR.UnitTest.*.xml) through the text stage and
// the event coder and compares each record's (source, target, code) set with
// the expected one exactly. Prints failing records (expected vs produced), a
// per-category table and a last line "N passed, M failed".
// Exit codes: 0 all records pass, 1 (kExitFailures) some fail, 2 bad usage or
// malformed XML, 3 a file or dictionary cannot be read.
// The work is in src/code/validation.cc (tested there).
#include <iostream>
#include <memory>
#include <string>

#include "code/validation.h"
#include "tools/command.h"
#include "tools/exit_codes.h"

namespace parley::cli {
namespace {

struct ValidateArgs {
  std::string file;
  ValidationOptions options;
};

int Run(const ValidateArgs& args) {
  ValidationSummary summary;
  Status s = RunValidation(args.file, args.options, std::cout, &summary);
  std::cout.flush();
  if (!s.ok()) {
    std::cerr << "parley validate: " << s.message() << "\n";
    return ExitCodeFor(s);
  }
  return summary.failed > 0 ? kExitFailures : kExitOk;
}

void Setup(CLI::App* sub, int* exit_code) {
  auto args = std::make_shared<ValidateArgs>();
  sub->add_option("file", args->file, "PETRARCH validation XML file")->required();
  sub->add_option("--dictionaries", args->options.dictionaries,
                  "dictionary directory to use instead of the files named in <Environment> "
                  "(resolved relative to the XML file)");
  sub->add_option("--wordnet", args->options.wordnet_dir, "WordNet data directory");
  sub->add_flag("--verbose", args->options.verbose, "print passing records too");
  sub->add_flag("--explain", args->options.explain, "print how each printed record was coded");
  sub->callback([args, exit_code] { *exit_code = Run(*args); });
}

PARLEY_REGISTER_COMMAND(nullptr, "validate",
                        "code a PETRARCH validation file and compare with the expected events",
                        &Setup);

}  // namespace
}  // namespace parley::cli
