// Formatting and parsing of timestamps: ISO 8601 by default, or an XPath F&O 3.1 picture
// string such as "[Y0001]-[M01]-[D01]" (format-dateTime), as $fromMillis and $toMillis take.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "runtime/eval/jsonata/jvalue.h"

namespace asl::eval::jsonata {

/// Formats milliseconds since the epoch. `picture` and `timezone` (e.g. "-0500") may be
/// undefined; errors (D3110...) are thrown as the evaluator's errors.
std::string formatDateTime(double millis, const JValue& picture, const JValue& timezone);

/// Parses a timestamp (ISO 8601 without a picture). nullopt when the text does not match
/// the picture; throws D3110-class errors for bad pictures.
std::optional<double> parseDateTime(std::string_view text, const JValue& picture);

/// Formats an integer with an XPath format-integer picture ($formatInteger).
std::string formatIntegerPicture(double value, std::string_view picture);
/// Parses an integer written with a format-integer picture ($parseInteger).
std::optional<double> parseIntegerPicture(std::string_view text, std::string_view picture);

} // namespace asl::eval::jsonata
