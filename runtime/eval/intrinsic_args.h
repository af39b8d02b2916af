// Argument checks shared by the intrinsic implementations: each returns the argument in the
// C++ type the function works with, or the States.IntrinsicFailure that names what was wrong.
#pragma once

#include <cmath>
#include <cstdint>
#include <span>
#include <string_view>

#include "asl/value.h"
#include "runtime/eval/exec_error.h"
#include "runtime/eval/intrinsic.h"
#include "runtime/eval/intrinsic_failure.h"

namespace asl::eval::intrinsics {

inline ExecResult<std::string_view> stringArg(IntrinsicId id, std::span<const Value> args,
                                              size_t index) {
  if (!args[index].isString()) {
    return argumentTypeFailure(id, index, ExpectedArgKind::String, args[index]);
  }
  return args[index].asString();
}

inline ExecResult<const Value*> arrayArg(IntrinsicId id, std::span<const Value> args,
                                         size_t index) {
  if (!args[index].isArray()) {
    return argumentTypeFailure(id, index, ExpectedArgKind::Array, args[index]);
  }
  return &args[index];
}

inline ExecResult<const Value*> objectArg(IntrinsicId id, std::span<const Value> args,
                                          size_t index) {
  if (!args[index].isObject()) {
    return argumentTypeFailure(id, index, ExpectedArgKind::Object, args[index]);
  }
  return &args[index];
}

/// A number with no fraction (`3` or `3.0`) that fits int64.
inline ExecResult<int64_t> integerArg(IntrinsicId id, std::span<const Value> args, size_t index) {
  const Value& v = args[index];
  if (v.isInteger()) return v.asInteger();
  if (v.isNumber()) {
    const double d = v.asDouble();
    // 2^63 itself does not fit, hence the strict bound.
    if (std::trunc(d) == d && d >= -9223372036854775808.0 && d < 9223372036854775808.0) {
      return static_cast<int64_t>(d);
    }
  }
  return argumentTypeFailure(id, index, ExpectedArgKind::Integer, v);
}

} // namespace asl::eval::intrinsics
