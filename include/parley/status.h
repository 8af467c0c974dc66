// Status and StatusOr<T>: errors as values, LevelDB/Abseil style.
//
// Every fallible library function returns Status or StatusOr<T>. Exceptions
// never cross a module boundary; the CLI maps codes to exit codes in one place
// (tools/exit_codes.h).
#ifndef PARLEY_STATUS_H_
#define PARLEY_STATUS_H_

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace parley {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // bad user input: a malformed file, option or record
  kNotFound,            // a file or entity that does not exist
  kDataLoss,            // input that cannot be decoded (bad UTF-8, truncated)
  kResourceExhausted,   // a configured limit was exceeded
  kFailedPrecondition,  // state does not allow the operation
  kUnavailable,         // a service (database) could not be reached
  kInternal,            // a bug
  kAborted,             // stopped on request (closed pipe, signal)
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "INVALID_ARGUMENT: message", or "OK".
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgumentError(std::string m) {
  return Status(StatusCode::kInvalidArgument, std::move(m));
}
inline Status NotFoundError(std::string m) {
  return Status(StatusCode::kNotFound, std::move(m));
}
inline Status DataLossError(std::string m) {
  return Status(StatusCode::kDataLoss, std::move(m));
}
inline Status ResourceExhaustedError(std::string m) {
  return Status(StatusCode::kResourceExhausted, std::move(m));
}
inline Status FailedPreconditionError(std::string m) {
  return Status(StatusCode::kFailedPrecondition, std::move(m));
}
inline Status UnavailableError(std::string m) {
  return Status(StatusCode::kUnavailable, std::move(m));
}
inline Status InternalError(std::string m) {
  return Status(StatusCode::kInternal, std::move(m));
}
inline Status AbortedError(std::string m) {
  return Status(StatusCode::kAborted, std::move(m));
}

// Holds either a value or a non-OK Status.
template <typename T>
class [[nodiscard]] StatusOr {
 public:
  StatusOr(Status status) : v_(std::move(status)) {  // NOLINT: implicit
    assert(!std::get<Status>(v_).ok());
  }
  StatusOr(T value) : v_(std::move(value)) {}  // NOLINT: implicit

  bool ok() const { return std::holds_alternative<T>(v_); }
  Status status() const { return ok() ? Status() : std::get<Status>(v_); }

  // REQUIRES: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<Status, T> v_;
};

}  // namespace parley

// Returns early from the enclosing function when `expr` is not OK.
#define PARLEY_RETURN_IF_ERROR(expr)              \
  do {                                            \
    ::parley::Status parley_status_ = (expr);     \
    if (!parley_status_.ok()) return parley_status_; \
  } while (0)

#endif  // PARLEY_STATUS_H_
