// The causes of States.IntrinsicFailure, kept in one file. The recorded AWS executions this
// project checks against hold no failed intrinsic call, so these texts follow the input rules of
// the AWS developer guide ("Intrinsic functions") rather than recorded causes; when a recording
// shows AWS's wording, this is the one place to change.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "asl/value.h"
#include "runtime/eval/exec_error.h"
#include "runtime/eval/intrinsic.h"

namespace asl::eval {

/// What a check expected of an argument, for the cause text.
enum class ExpectedArgKind : uint8_t {
  String,
  Array,
  Object,
  Boolean,
  Number,
  Integer,
};

/// States.IntrinsicFailure with cause "<function name>: <detail>".
Unexpected<ExecError> intrinsicFailure(IntrinsicId id, std::string_view detail);

/// An argument of the wrong JSON type: "States.ArrayLength: argument 1 must be an array, got a
/// string". `index` is 0-based; the text counts from 1 as people do.
Unexpected<ExecError> argumentTypeFailure(IntrinsicId id, size_t index, ExpectedArgKind expected,
                                          const Value& actual);

/// A call whose argument count does not fit intrinsics.def: "States.ArrayLength: expected 1
/// argument, got 2". The parser rejects such calls; trees from elsewhere may still hold one.
Unexpected<ExecError> arityFailure(IntrinsicId id, size_t count);

/// "a string", "an array", "a number"... for `value`'s JSON type.
std::string_view describeKind(const Value& value);

} // namespace asl::eval
