// `parley`: the command-line front end. Subcommands live in tools/cmd_*.cc
// and register themselves (tools/command.h).
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "tools/command.h"
#include "tools/exit_codes.h"

namespace parley::cli {
namespace {

std::vector<CommandSpec>& Registry() {
  static std::vector<CommandSpec> r;
  return r;
}

}  // namespace

bool RegisterCommand(const CommandSpec& spec) {
  Registry().push_back(spec);
  return true;
}

}  // namespace parley::cli

int main(int argc, char** argv) {
  using namespace parley::cli;
  CLI::App app{
      "parley: source-attributed event data (CAMEO events, figures, claims, "
      "negotiating positions) from news articles"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "parley 0.1.0");
  int exit_code = kExitOk;
  std::map<std::string, CLI::App*> groups;
  // Groups first (e.g. "dict"), so that children can attach to them.
  for (const CommandSpec& spec : Registry()) {
    if (spec.parent == nullptr) continue;
    if (!groups.count(spec.parent)) {
      CLI::App* g = app.add_subcommand(spec.parent, std::string(spec.parent) + " commands");
      g->require_subcommand(1);
      groups[spec.parent] = g;
    }
  }
  for (const CommandSpec& spec : Registry()) {
    CLI::App* parent = spec.parent ? groups[spec.parent] : &app;
    CLI::App* sub = parent->add_subcommand(spec.name, spec.help);
    spec.setup(sub, &exit_code);
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kExitUsage;
  }
  std::fflush(stdout);
  return exit_code;
}
