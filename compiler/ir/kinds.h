// Enumerations shared by the front end and the IR: state types and query languages.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace asl::ir {

enum class StateKind : uint8_t { Pass, Task, Choice, Wait, Succeed, Fail, Parallel, Map };
enum class QueryLanguageKind : uint8_t { JSONPath, JSONata };
/// The AWS state machine type: Express forbids some integrations (.sync, callbacks, activities).
enum class MachineTypeKind : uint8_t { Standard, Express };

std::string_view stateKindName(StateKind kind);
std::optional<StateKind> stateKindFromName(std::string_view name);
std::string_view queryLanguageName(QueryLanguageKind kind);

} // namespace asl::ir
