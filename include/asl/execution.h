// How an execution ended: what `aslc run` prints and what the embedding API returns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "asl/value.h"

namespace asl {

enum class ExecutionStatus : uint8_t { Succeeded, Failed, TimedOut, Aborted };

/// "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", as DescribeExecution spells them.
std::string_view executionStatusName(ExecutionStatus status);

struct ExecutionResult {
  ExecutionStatus status = ExecutionStatus::Succeeded;
  Value output;      ///< SUCCEEDED
  std::string error; ///< FAILED, TIMED_OUT: the error name ("" when a Fail state gave none)
  std::string cause;
  Value history; ///< {"events": [...]} in the GetExecutionHistory format, when asked for
  /// State transitions as AWS bills them: every state entered, at any depth, and every retry.
  uint64_t transitions = 0;
};

} // namespace asl
