// Exit codes of the `parley` command, in one place (documented in
// docs/cli.md). Library code returns Status; only the CLI maps it here.
#ifndef PARLEY_TOOLS_EXIT_CODES_H_
#define PARLEY_TOOLS_EXIT_CODES_H_

#include "parley/status.h"

namespace parley::cli {

inline constexpr int kExitOk = 0;          // done; rejected documents (if any) were listed
inline constexpr int kExitFailures = 1;    // ran, but something checked failed (validate, dict check)
inline constexpr int kExitUsage = 2;       // bad command line
inline constexpr int kExitInput = 3;       // an input or dictionary could not be read at all
inline constexpr int kExitDatabase = 4;    // the store could not be opened or written
inline constexpr int kExitInternal = 70;   // a bug (EX_SOFTWARE)

inline int ExitCodeFor(const Status& s) {
  switch (s.code()) {
    case StatusCode::kOk: return kExitOk;
    case StatusCode::kInvalidArgument: return kExitUsage;
    case StatusCode::kNotFound:
    case StatusCode::kDataLoss:
    case StatusCode::kResourceExhausted: return kExitInput;
    case StatusCode::kUnavailable:
    case StatusCode::kFailedPrecondition: return kExitDatabase;
    case StatusCode::kAborted: return kExitOk;
    case StatusCode::kInternal: return kExitInternal;
  }
  return kExitInternal;
}

}  // namespace parley::cli

#endif  // PARLEY_TOOLS_EXIT_CODES_H_
