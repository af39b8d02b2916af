// Evaluates parsed intrinsic-function calls (States.Format(...) and the other 17) to values, with
// AWS Step Functions' results and its States.IntrinsicFailure errors.
#pragma once

#include <functional>

#include "asl/value.h"
#include "runtime/eval/exec_error.h"
#include "runtime/eval/intrinsic.h"
#include "runtime/eval/path.h"
#include "runtime/eval/random_source.h"

namespace asl::eval {

/// Resolves a path argument (`$.a`, `$$.Execution.Id`, `$var`) to its value. Another module
/// evaluates JSONPath; a path that selects nothing is its error to report (AWS raises
/// States.Runtime for it, not States.IntrinsicFailure), and evaluation stops with that error.
using PathResolver = std::function<ExecResult<Value>(const Path&)>;

/// What a call needs from the state that runs it.
struct IntrinsicEnv {
  PathResolver resolvePath;
  /// Randomness for States.UUID and for States.MathRandom without a seed. May be null when the
  /// definition calls neither; a call that needs it then fails with States.Runtime.
  RandomSource* random = nullptr;
};

/// Evaluates `call`: arguments left to right (literals as they are, paths through
/// env.resolvePath, nested calls recursively), then the function. A wrong argument raises
/// States.IntrinsicFailure with a cause naming the function and the problem; the executor
/// prefixes it with "An error occurred while executing the state ...".
ExecResult<Value> evaluateIntrinsic(const IntrinsicCall& call, const IntrinsicEnv& env);

} // namespace asl::eval
