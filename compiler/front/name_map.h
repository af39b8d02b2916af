// NameMap: a hash map from names (views into the definition) to indices, with a hash cheaper
// than std::hash for the short keys state and field names are.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>

namespace asl::front {

/// FNV-1a: a handful of cycles for a 10-byte name, where std::hash<string_view> runs murmur.
struct NameHash {
  size_t operator()(std::string_view s) const noexcept {
    uint64_t h = 1469598103934665603ull;
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return static_cast<size_t>(h);
  }
};

template <class T> using NameMap = std::unordered_map<std::string_view, T, NameHash>;

} // namespace asl::front
