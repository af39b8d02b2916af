// Reads JSON text into asl::Value (simdjson's DOM parser inside, nothing of it escapes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "asl/result.h"
#include "asl/value.h"

namespace asl {

/// Bounds on what parseJsonValue accepts. The 256 KiB state payload limit is not one of them:
/// the runtime checks that on the values it produces, with jsonSize.
struct JsonReadLimits {
  /// Largest accepted text, in bytes.
  size_t maxBytes = 64 * 1024 * 1024;
  /// Deepest accepted nesting: `[]` and `{}` are depth 1, a scalar is depth 0.
  uint32_t maxDepth = 512;
};

/// Parses one strict RFC 8259 JSON value (surrounding whitespace allowed).
///
/// Integers that fit int64 stay integers; other numbers (decimals, exponents, larger
/// integers) become doubles. A key that appears twice keeps its first position and its last
/// value, as Jackson does. Errors: InvalidJson with the byte offset (location.offset, and
/// line:column) where the text goes wrong; NestingTooDeep past maxDepth; InvalidJson naming the
/// limit when the text exceeds maxBytes.
Result<Value> parseJsonValue(std::string_view text, const JsonReadLimits& limits = {});

} // namespace asl
