// JSONata parser: expression text to the evaluator's syntax tree, or JSONata's own error.
#pragma once

#include <string_view>

#include "asl/limits.h"
#include "asl/result.h"
#include "runtime/eval/jsonata/ast.h"
#include "runtime/eval/jsonata/error.h"
#include "runtime/eval/jsonata/signature.h"

namespace asl::lang::jsonata {

using eval::jsonata::JsonataError;
using eval::jsonata::NodePtr;

struct ParseOptions {
  /// Accept JSONata 2.1's `?:` (default) and `??` (coalescing) operators. Off by default:
  /// AWS Step Functions runs JSONata 2.0.6, which rejects them.
  bool defaultOperators = false;
};

/// Parses one JSONata expression (the text inside `{% %}`) and post-processes it into the
/// tree the evaluator runs. Errors carry JSONata's codes (S0101...S0402) and byte positions.
/// Nesting deeper than `limits.maxExpressionDepth` fails with code L0001 and text longer than
/// `limits.maxExpressionBytes` with L0002, instead of exhausting the stack or memory.
Result<NodePtr, JsonataError> parseJsonata(std::string_view expr, const Limits& limits,
                                           ParseOptions options = {});

/// Lambda signatures are parsed by the runtime, which also parses the built-in functions' own.
using eval::jsonata::parseSignature;

} // namespace asl::lang::jsonata
