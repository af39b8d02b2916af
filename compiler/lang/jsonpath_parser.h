// Parses ASL Paths and Reference Paths (JSONPath as AWS's Jayway engine reads it) into eval::Path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "asl/limits.h"
#include "asl/result.h"
#include "runtime/eval/path.h"

namespace asl::lang {

/// Which grammar a field uses.
enum class PathSyntaxKind : uint8_t {
  Path,          ///< any JSONPath: wildcards, descent, slices, unions, filters, functions
  ReferencePath, ///< one writable node: only `.name`, `['name']` and `[index]` (ResultPath)
};

/// What the field being parsed allows; shared by the path and intrinsic parsers.
struct ParseOptions {
  bool allowContext = true;   ///< `$$...`
  bool allowVariables = true; ///< `$name...`
  Limits limits{};            ///< maxExpressionBytes and maxExpressionDepth apply
  /// Reject a literal States.Format template whose `{}` count differs from the number of
  /// remaining arguments. The ASL spec says they MUST match, but AWS's own guide shows
  /// States.Format('{}.{}.{}', a, b) as an example, so by default the mismatch is left to the
  /// evaluator and only a strict (lint) mode asks for it here.
  bool checkFormatPlaceholders = false;
};

/// Parses a whole path. Errors are DiagCode::InvalidPath with location.offset set to the byte
/// offset in `text` of the problem (the caller rebases it into the file).
Result<eval::Path> parsePath(std::string_view text, PathSyntaxKind syntax,
                             const ParseOptions& options = {});

/// Parses the path that starts at `text[start]` and stops where a path cannot continue (at a
/// `,`, `)` or blank outside brackets), for parsers that embed paths, such as intrinsic
/// arguments. Sets `*end` to the offset just after it. `depth` is the nesting the embedder has
/// already used. Error offsets are into `text`.
Result<eval::Path> parseEmbeddedPath(std::string_view text, size_t start, size_t* end,
                                     const ParseOptions& options, uint32_t depth);

/// The 1-based column of a byte offset in an expression, counting code points; for messages
/// such as "the bracket opened at column 3".
uint32_t expressionColumn(std::string_view text, size_t offset);

} // namespace asl::lang
