// Reading the adapters file (docs/adapters.md): the checks every section makes, each failure an
// INVALID_ADAPTERS_FILE diagnostic at the JSON pointer of the field at fault.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "asl/diagnostic.h"
#include "asl/result.h"
#include "asl/value.h"

namespace asl::adapters {

/// The adapters file is wrong at `pointer`.
Unexpected<Diagnostic> invalidAdapters(std::string message, std::string pointer);

/// Fails on a key of `object` that is not in `keys`: a misspelt "endpiont" must not be ignored
/// (it would silently call AWS).
Result<void> onlyKeys(const Value& object, std::initializer_list<std::string_view> keys,
                      const std::string& pointer);

} // namespace asl::adapters
