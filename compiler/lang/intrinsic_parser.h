// Parses intrinsic-function calls such as States.Format('{}', $.a) into eval::IntrinsicCall.
#pragma once

#include <string_view>

#include "asl/result.h"
#include "compiler/lang/jsonpath_parser.h"
#include "runtime/eval/intrinsic.h"

namespace asl::lang {

/// True when a `.$` value is meant as an intrinsic call rather than a path: its first
/// non-blank characters are "States.". Leading blanks still count, so that the caller hands the
/// value to parseIntrinsic and reports why it is wrong instead of calling it a bad path.
bool looksLikeIntrinsic(std::string_view text);

/// Parses one call: `States.Name(arg, ...)`, where an argument is a string in single quotes
/// (escapes `\'`, `\{`, `\}`, `\\`), a number, true, false, null, a path, or a nested call.
/// Checks that the function exists, that the argument count fits its arity, that literal
/// arguments have the kinds intrinsics.def requires, and, with options.checkFormatPlaceholders,
/// that a literal States.Format template has one `{}` per remaining argument. Paths inside obey
/// `options` like any other path. Errors are DiagCode::InvalidIntrinsic (or InvalidPath for a
/// malformed path argument) with location.offset the byte offset in `text` of the problem.
Result<eval::IntrinsicCall> parseIntrinsic(std::string_view text, const ParseOptions& options = {});

} // namespace asl::lang
