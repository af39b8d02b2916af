// parseJsonata: size limit, Pratt stage, then post-parse processing.
#include "compiler/lang/jsonata/parser.h"

#include <string>

#include "compiler/lang/jsonata/pratt.h"
#include "compiler/lang/jsonata/try.h"

namespace asl::lang::jsonata {

Result<NodePtr, JsonataError> parseJsonata(std::string_view expr, const Limits& limits,
                                           ParseOptions options) {
  if (expr.size() > limits.maxExpressionBytes) {
    JsonataError e = eval::jsonata::makeJsonataError("L0002", 0, 0);
    e.value = std::to_string(limits.maxExpressionBytes);
    e.valueIsLiteral = true;
    return fail(std::move(e));
  }
  ASL_JSONATA_ASSIGN(raw, parseRaw(expr, limits, options));
  return processRaw(*raw);
}

} // namespace asl::lang::jsonata
