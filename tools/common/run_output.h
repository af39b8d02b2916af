// The result of a run as aslc prints it: {"status", "output"} or {"status", "error", "cause"}.
#pragma once

#include <string>

#include "runtime/vm/executor.h"

namespace asl::tools {

/// One line of JSON. Absent error or cause names are left out, as DescribeExecution does.
std::string formatRunResult(const vm::ExecutionResult& result);

} // namespace asl::tools
