// What runs a Task state's work: mocks, the service adapters, or handlers an embedding program
// registers. The executor asks one TaskHandler; chains and routers are TaskHandlers too.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

#include "asl/value.h"
#include "runtime/eval/exec_error.h"
#include "runtime/exec/clock.h"
#include "runtime/exec/task_timer.h"

namespace asl::exec {

struct TaskRequest {
  // A constructor rather than aggregate initialisation: callers name what they know, and the
  // limits below keep their defaults until the executor sets them.
  TaskRequest(std::string_view state, std::string_view resourceArn, const Value& effectiveInput,
              uint32_t retries = 0)
      : stateName(state), resource(resourceArn), input(effectiveInput), retryCount(retries) {}

  std::string_view stateName;
  std::string_view resource; ///< the Task state's Resource ARN
  const Value& input;        ///< the effective input (after InputPath/Parameters or Arguments)
  uint32_t retryCount = 0;   ///< 0 on the first attempt
  /// When the task must have finished, on the execution's clock (`clock`): TimeoutSeconds after
  /// it started, 99999999 s when the state gives none. A result returned at or after it is
  /// discarded and the state fails with States.Timeout, so a handler that waits for something
  /// should stop waiting then.
  EpochMillis deadline = std::numeric_limits<EpochMillis>::max();
  /// HeartbeatSeconds, when the state gives it: the handler calls timer->heartbeat() at least
  /// this often, or the state fails with States.HeartbeatTimeout.
  std::optional<int64_t> heartbeatSeconds;
  TaskTimer* timer = nullptr;       ///< the deadline and heartbeats; null outside an execution
  Clock* clock = nullptr;           ///< the execution's clock (real or virtual)
  const CancelScope* cancel = nullptr; ///< set when the execution or the branch stops
  /// `.waitForTaskToken` resources: the token $$.Task.Token gave the state's parameters; the
  /// task ends when SendTaskSuccess or SendTaskFailure names it.
  std::string_view taskToken;
};

/// The time left before the request's deadline on its clock, in milliseconds (0 once passed);
/// INT64_MAX when the request has no clock.
inline int64_t remainingMillis(const TaskRequest& request) {
  if (!request.clock || request.deadline == std::numeric_limits<EpochMillis>::max())
    return std::numeric_limits<int64_t>::max();
  EpochMillis now = request.clock->now();
  return request.deadline > now ? request.deadline - now : 0;
}

class TaskHandler {
public:
  virtual ~TaskHandler() = default;
  /// The task's raw result, or the error it raised. std::nullopt: this handler does not serve
  /// the request (a chain then asks the next one).
  virtual std::optional<eval::ExecResult<Value>> invoke(const TaskRequest& request) = 0;
  /// Whether serving `request` may block the thread (network, a process, a person): the
  /// executor then lets a Map or Parallel start another lane meanwhile. Handlers that answer
  /// from memory say no, so that computing branches do not wake threads they cannot use.
  virtual bool mayBlock(const TaskRequest& request) const {
    (void)request;
    return true;
  }
  /// Whether invoke would answer `request` rather than decline it; a handler that cannot
  /// tell says yes. Chains use it to ask mayBlock of the handler that will answer.
  virtual bool serves(const TaskRequest& request) const {
    (void)request;
    return true;
  }
};

} // namespace asl::exec
