// Variable size limits: which one an Assign breaks, in the order AWS lists them.
#include "runtime/vm/variable_limits.h"

#include <algorithm>
#include <string>

#include "runtime/value/json_writer.h"

namespace asl::vm {

using eval::StateErrorId;

eval::ExecResult<void> checkAssignment(const Value& assigned, const Variables& scope,
                                       const VariableLimits& limits) {
  size_t total = 0;
  size_t replaced = 0;
  for (const Member& m : assigned.members()) {
    size_t bytes = jsonSize(m.value);
    if (bytes > limits.maxVariableBytes)
      return eval::raise(StateErrorId::Runtime,
                         "The value assigned to the variable '" + std::string(m.key.asString()) +
                             "' is " + std::to_string(bytes) + " bytes, more than the " +
                             std::to_string(limits.maxVariableBytes) +
                             " bytes a variable may hold.");
    total += bytes;
    replaced += scope.ownBytesOf(m.key.asString());
  }
  if (total > limits.maxAssignBytes)
    return eval::raise(StateErrorId::Runtime,
                       "The values assigned in this Assign are " + std::to_string(total) +
                           " bytes together, more than the " +
                           std::to_string(limits.maxAssignBytes) + " bytes one Assign may write.");
  size_t stored = scope.storedBytes();
  size_t after = stored - std::min(stored, replaced) + total;
  if (after > limits.maxExecutionBytes)
    return eval::raise(StateErrorId::Runtime, "The variables of the execution would take " +
                                                  std::to_string(after) + " bytes, more than the " +
                                                  std::to_string(limits.maxExecutionBytes) +
                                                  " bytes an execution may hold.");
  return {};
}

} // namespace asl::vm
