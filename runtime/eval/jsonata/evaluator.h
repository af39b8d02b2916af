// The JSONata evaluator's interface: evaluate a parsed expression against an input value and
// variable bindings, getting a JSON value, "undefined", or a JSONata error with its code.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "asl/result.h"
#include "asl/value.h"
#include "runtime/eval/jsonata/ast.h"
#include "runtime/eval/jsonata/error.h"
#include "runtime/eval/jsonata/function.h"

namespace asl::eval::jsonata {

/// Parses expression text for `$eval`. The runtime cannot parse (the parser lives in the
/// compiler), so a host that offers `$eval` passes the parser in.
using ExpressionParser = std::function<Result<NodePtr, JsonataError>(std::string_view)>;

struct EvalOptions {
  /// Deepest nesting of evaluations (JSONata's "depth"); beyond it, U1001 "Stack overflow".
  uint32_t maxDepth = 1000;
  /// Wall-clock budget per evaluation in milliseconds (0: none); beyond it, U1001 "timeout".
  uint32_t timeLimitMs = 10000;
  /// Machine stack the evaluation may use, whatever maxDepth says: deep recursion ends with
  /// U1001 before it can overflow a thread's stack.
  size_t maxStackBytes = 4 * 1024 * 1024;
  /// Functions callable by name; nullptr is the standard library.
  const FunctionRegistry* functions = nullptr;
  /// For `$eval`; without it `$eval` fails with D3120.
  ExpressionParser parser;
  /// Milliseconds since the epoch for `$now()` and `$millis()`; unset: the system clock, read
  /// once per evaluation as JSONata does.
  std::optional<int64_t> nowMillis;
  /// A function is not JSON: by default a function result reads as undefined, as jsonata-js
  /// hands it back and a JSON host cannot hold it; with this set it is error L0004, for hosts
  /// that report it (AWS: "returned an unsupported result type").
  bool functionResultIsError = false;
};

/// Variables visible to the expression, e.g. {"x", 1} for `$x`.
using Bindings = std::vector<std::pair<std::string, asl::Value>>;

/// Evaluates `expr`. `input` unset is JSONata's undefined input. The result is unset when the
/// expression evaluates to undefined (for example a path that selects nothing).
Result<std::optional<asl::Value>, JsonataError> evaluate(const Node& expr,
                                                         const std::optional<asl::Value>& input,
                                                         const Bindings& bindings = {},
                                                         const EvalOptions& options = {});

} // namespace asl::eval::jsonata
