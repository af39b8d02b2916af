// Parsing of JSONata function signatures such as `<s-n?:b>`, shared by the parser (lambda
// signatures) and the evaluator (the built-in functions' signatures).
#pragma once

#include <cstdint>
#include <string_view>

#include "asl/result.h"
#include "runtime/eval/jsonata/ast.h"
#include "runtime/eval/jsonata/error.h"

namespace asl::eval::jsonata {

/// Parses a signature. `offset` is where the text sits in the expression, for error
/// positions. Fails with S0401 or S0402.
Result<Signature, JsonataError> parseSignature(std::string_view text, uint32_t offset);

} // namespace asl::eval::jsonata
