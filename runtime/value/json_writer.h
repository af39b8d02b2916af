// Writes asl::Value as JSON text the way AWS Step Functions prints it.
#pragma once

#include <cstddef>
#include <string>

#include "asl/value.h"

namespace asl {

// AWS serializes state data with Java's Jackson, so this writer reproduces Jackson's defaults:
//
// - Compact: no spaces or newlines; object members in insertion order.
// - Strings: '"', '\\' and control characters escaped (\n \r \t \b \f, others as \u00XX);
//   '/' and all non-ASCII UTF-8 are kept as is (invalid UTF-8 becomes U+FFFD).
// - Integers (Value::integer, or integral JSON numbers that fit int64): plain digits, `-0` is `0`.
// - Doubles: Java's Double.toString, i.e. the shortest decimal that reads back as the same
//   double, and
//     * 1e-3 <= |d| < 1e7: plain decimal with at least one fraction digit: `2.0`, `0.1`,
//       `1234567.5`, `0.001`
//     * otherwise scientific, one digit before the point, at least one after, capital `E`,
//       no `+`: `1.0E7`, `1.2345E10`, `1.0E-4`, `9.223372036854776E18`
//     * zero is `0.0` or `-0.0`.
//   The corpus shows the cases it has (`0.0`, `0.1`, `1.1`, `3.3` come back unchanged; `-0`
//   read as an integer prints `0`); the exponent form follows Java's documented rule (the
//   JDK 19+ shortest-digit algorithm, which Jackson's fast writer also uses).

/// Compact JSON, as AWS prints state input and output.
std::string toJson(const Value& value);
/// Appends the compact JSON of `value` to `out`.
void appendJson(std::string& out, const Value& value);
/// Indented JSON for people (`": "` after keys, `indent` spaces per level, `[]`/`{}` when empty).
std::string toPrettyJson(const Value& value, int indent = 2);
/// The exact byte length of toJson(value), computed without building it (payload size limits).
size_t jsonSize(const Value& value);

/// Appends a double as Java's Double.toString prints it (the rule above). Finite values only.
void appendJsonDouble(std::string& out, double d);

} // namespace asl
