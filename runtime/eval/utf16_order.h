// The order AWS sorts and compares strings in: Java's String.compareTo, which compares UTF-16
// code units, applied to our UTF-8 strings without converting them.
#pragma once

#include <compare>
#include <string_view>

namespace asl::eval {

/// Orders two UTF-8 strings as Java orders the same text in UTF-16: code unit by code unit,
/// a proper prefix first. This is code point order except that characters above U+FFFF (stored
/// as surrogates 0xD800-0xDFFF) sort before U+E000-U+FFFF, so "\u{1F600}" < "\u{FF21}" here
/// while their UTF-8 bytes sort the other way.
std::strong_ordering compareUtf16(std::string_view a, std::string_view b);

} // namespace asl::eval
