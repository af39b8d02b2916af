// JSON string escaping, shared by every writer of JSON text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace asl {

/// Appends `s` as a quoted JSON string. Escapes '"', '\\' and control characters; invalid
/// UTF-8 bytes become U+FFFD so output is always valid JSON.
void appendJsonString(std::string& out, std::string_view s);

/// The number of bytes `appendJsonString` appends for `s`, quotes included, without building it.
size_t jsonStringSize(std::string_view s);

} // namespace asl
