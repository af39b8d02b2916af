// The error a running state raises: a name (States.Runtime, a task's own error name...) and a
// cause, both compared byte for byte with what AWS reports, so Retry/Catch and users' tests
// behave the same here as there.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "asl/result.h"

namespace asl::eval {

enum class StateErrorId : uint8_t {
#define ASL_STATE_ERROR(id, name) id,
#include "runtime/eval/state_errors.def"
#undef ASL_STATE_ERROR
};

/// "States.Runtime" for StateErrorId::Runtime, and so on.
constexpr std::string_view stateErrorName(StateErrorId id) {
  switch (id) {
#define ASL_STATE_ERROR(id, name)                                                                  \
  case StateErrorId::id:                                                                           \
    return name;
#include "runtime/eval/state_errors.def"
#undef ASL_STATE_ERROR
  }
  return {};
}

struct ExecError {
  std::string error; ///< the error name Retry/Catch match on
  std::string cause; ///< free text; AWS's exact wording where AWS raises the error

  static ExecError of(StateErrorId id, std::string cause) {
    return ExecError{std::string(stateErrorName(id)), std::move(cause)};
  }
};

/// What evaluation steps return: a value, or the error the state raises.
template <class T> using ExecResult = Result<T, ExecError>;

/// Shorthand for `fail(ExecError::of(id, cause))`.
inline Unexpected<ExecError> raise(StateErrorId id, std::string cause) {
  return Unexpected<ExecError>{ExecError::of(id, std::move(cause))};
}

} // namespace asl::eval
