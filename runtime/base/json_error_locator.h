// Finds the exact byte where malformed JSON goes wrong, and says what was expected there.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace asl {

struct JsonSyntaxError {
  size_t offset;
  std::string message;
};

/// Scans `text` as strict RFC 8259 JSON (UTF-8 checked). Returns the first error, or nothing
/// when the text is well-formed. Iterative, so deep nesting cannot exhaust the stack.
/// simdjson reports that a document is invalid but not where; this scan runs only then.
std::optional<JsonSyntaxError> locateJsonError(std::string_view text);

} // namespace asl
