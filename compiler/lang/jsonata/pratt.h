// The Pratt (top-down operator precedence) stage of the JSONata parser: tokens to the raw
// tree, with JSONata's binding powers and syntax errors. Private to this folder.
#pragma once

#include <string_view>

#include "asl/limits.h"
#include "asl/result.h"
#include "compiler/lang/jsonata/parser.h"
#include "compiler/lang/jsonata/raw_tree.h"

namespace asl::lang::jsonata {

/// Parses a whole expression into the raw tree (before post-parse processing).
Result<RawPtr, JsonataError> parseRaw(std::string_view expr, const Limits& limits,
                                      ParseOptions options);

/// Post-parse processing: the raw tree to the evaluator's tree (post_parse.cpp).
Result<NodePtr, JsonataError> processRaw(RawNode& root);

} // namespace asl::lang::jsonata
