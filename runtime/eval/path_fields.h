// The error causes AWS records when a JSONPath field of a state cannot be used, one function
// per use site, each worded as the recorded execution history words it. Causes are the detail
// only: the executor adds "An error occurred while executing the state 'X' (entered at the
// event id #N). " in front.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "asl/value.h"
#include "runtime/eval/exec_error.h"
#include "runtime/eval/path.h"
#include "runtime/eval/path_eval.h"

namespace asl::eval {

/// InputPath and OutputPath misses (States.Runtime):
/// "Invalid path '$.x' : No results for path: $['x']", or with "Missing property in path
/// $['no']" when an earlier member is missing.
ExecError invalidPathError(const Path& path, const PathOutcome& outcome);

/// A payload-template field `"name.$"` (Parameters, ResultSelector, ItemSelector) or a Fail
/// state's ErrorPath / CausePath that selects nothing (States.Runtime): "The JSONPath '$.x'
/// specified for the field 'name.$' could not be found in the input '{"a":1}'". `field` is
/// printed as given ('name.$', 'ErrorPath'); `input` is the state's effective input.
ExecError fieldPathNotFound(std::string_view field, const Path& path, const Value& input);

/// Selects `path` for a payload-template field or ErrorPath / CausePath, raising
/// fieldPathNotFound with *roots.input as the input on a miss.
ExecResult<Value> selectForField(std::string_view field, const Path& path, const PathRoots& roots);

/// ResultPath could not be placed into the state input (States.ResultPathMatchFailure).
/// `failedSegment` is the first segment that could not be applied. AWS's wording for this
/// error is not in the recorded corpus; this cause names the path, the step and the input.
ExecError resultPathMismatch(const Path& path, size_t failedSegment, const Value& input);

} // namespace asl::eval
