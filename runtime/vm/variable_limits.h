// AWS's limits on workflow variables, checked when an Assign is about to be written: one
// variable's value, all the values one Assign writes, and all the variables an execution holds.
// Sizes are those of the values' compact JSON text in UTF-8, as for AWS's payload limit.
#pragma once

#include <cstddef>

#include "asl/value.h"
#include "runtime/eval/exec_error.h"
#include "runtime/vm/variables.h"

namespace asl::vm {

struct VariableLimits {
  size_t maxVariableBytes = 256 * 1024;
  size_t maxAssignBytes = 256 * 1024;
  size_t maxExecutionBytes = 10 * 1024 * 1024;
};

/// Checks the values of one Assign (an object, name to value) against `limits`, given the
/// scope it will be written to. Fails with States.Runtime naming the limit that is exceeded.
eval::ExecResult<void> checkAssignment(const Value& assigned, const Variables& scope,
                                       const VariableLimits& limits);

} // namespace asl::vm
