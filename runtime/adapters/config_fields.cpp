#include "runtime/adapters/config_fields.h"

namespace asl::adapters {

Unexpected<Diagnostic> invalidAdapters(std::string message, std::string pointer) {
  return fail(
      makeDiagnostic(DiagCode::InvalidAdaptersFile, std::move(message), std::move(pointer)));
}

Result<void> onlyKeys(const Value& object, std::initializer_list<std::string_view> keys,
                      const std::string& pointer) {
  for (const Member& m : object.members()) {
    std::string_view key = m.key.asString();
    bool known = false;
    for (std::string_view k : keys)
      known = known || k == key;
    if (!known)
      return invalidAdapters(
          "unknown field \"" + std::string(key) + "\"" +
              (pointer.empty() ? std::string(" at the top level") : " in " + pointer),
          appendPointer(pointer, key));
  }
  return {};
}

} // namespace asl::adapters
