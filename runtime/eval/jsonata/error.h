// JsonataError: a JSONata error as JSONata reports it (code, position, token, value), and its
// conversion to the toolchain's Diagnostic.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "asl/diagnostic.h"

namespace asl::eval::jsonata {

/// One JSONata error. Fields mirror the error object JSONata throws so that messages and
/// positions can be compared with the reference implementation.
struct JsonataError {
  std::string code;        ///< JSONata's code, e.g. "S0202"; "L...." for aslc's own limits
  uint32_t position = 0;   ///< byte offset JSONata reports: just past the offending token
  uint32_t start = 0;      ///< byte offset where the offending token begins (for carets)
  std::string token;       ///< the offending token's text, if any
  std::string value;       ///< extra detail: the expected token, a literal, a parameter index
  bool tokenIsLiteral = false;  ///< print `token` unquoted (a number, true/false/null)
  bool valueIsLiteral = false;  ///< print `value` unquoted

  /// The message in JSONata's wording, e.g. `Expected ")", got "]"`.
  std::string message() const;
};

/// Builds an error with a code and the token's [start, position) span.
JsonataError makeJsonataError(std::string_view code, uint32_t start, uint32_t position);

/// The message template for a code (JSONata's wording with {{token}}/{{value}} holes), or ""
/// when the code is unknown.
std::string_view jsonataErrorTemplate(std::string_view code);

/// Converts to a Diagnostic with code InvalidJsonata, message `S0202: expected ")", got "]"`
/// and location.offset = the error's position within the expression. Callers that know where
/// the expression sits in a file add that offset and fill line/column.
Diagnostic toDiagnostic(const JsonataError& error);

} // namespace asl::eval::jsonata
