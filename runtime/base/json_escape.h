// JSON string escaping, shared by every writer of JSON text.
#pragma once

#include <string>
#include <string_view>

namespace asl {

/// Appends `s` as a quoted JSON string. Escapes '"', '\\' and control characters; invalid
/// UTF-8 bytes become U+FFFD so output is always valid JSON.
void appendJsonString(std::string& out, std::string_view s);

} // namespace asl
