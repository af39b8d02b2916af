// What runs a Task state's work: mocks, the service adapters, or handlers an embedding program
// registers. The executor asks one TaskHandler; chains and routers are TaskHandlers too.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "asl/value.h"
#include "runtime/eval/exec_error.h"

namespace asl::exec {

struct TaskRequest {
  std::string_view stateName;
  std::string_view resource; ///< the Task state's Resource ARN
  const Value& input;        ///< the effective input (after InputPath/Parameters or Arguments)
  uint32_t retryCount = 0;   ///< 0 on the first attempt
};

class TaskHandler {
public:
  virtual ~TaskHandler() = default;
  /// The task's raw result, or the error it raised. std::nullopt: this handler does not serve
  /// the request (a chain then asks the next one).
  virtual std::optional<eval::ExecResult<Value>> invoke(const TaskRequest& request) = 0;
};

} // namespace asl::exec
