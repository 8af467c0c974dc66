// Subcommand registry of the `parley` CLI. Each tools/cmd_*.cc registers its
// subcommands with a static PARLEY_REGISTER_COMMAND; parley_main.cc builds
// the CLI11 app from the registry. Exit codes are in tools/exit_codes.h.
#ifndef PARLEY_TOOLS_COMMAND_H_
#define PARLEY_TOOLS_COMMAND_H_

#include <CLI/CLI.hpp>

namespace parley::cli {

// Adds options to `sub` and a callback; the callback stores its exit code in
// *exit_code. `sub` is a subcommand of the root app (or of a parent command
// named by `parent`, e.g. "dict").
using SetupFn = void (*)(CLI::App* sub, int* exit_code);

struct CommandSpec {
  const char* parent;  // nullptr for top level, else a group such as "dict"
  const char* name;
  const char* help;
  SetupFn setup;
};

bool RegisterCommand(const CommandSpec& spec);

}  // namespace parley::cli

#define PARLEY_REGISTER_COMMAND_CONCAT2(a, b) a##b
#define PARLEY_REGISTER_COMMAND_CONCAT(a, b) PARLEY_REGISTER_COMMAND_CONCAT2(a, b)
#define PARLEY_REGISTER_COMMAND(...)                                     \
  static const bool PARLEY_REGISTER_COMMAND_CONCAT(parley_cmd_, __LINE__) = \
      ::parley::cli::RegisterCommand(::parley::cli::CommandSpec{__VA_ARGS__})

#endif  // PARLEY_TOOLS_COMMAND_H_
