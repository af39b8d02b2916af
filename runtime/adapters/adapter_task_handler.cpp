#include "runtime/adapters/adapter_task_handler.h"

#include <chrono>

namespace asl::adapters {
namespace {

// An answer this close to the deadline came because the deadline cut the call short (timers
// fire at millisecond granularity, the clock reads whole milliseconds).
constexpr int64_t kDeadlineSlackMillis = 5;

eval::ExecResult<Value> toExecResult(TaskResult answer) {
  if (answer.ok()) return eval::ExecResult<Value>(std::move(answer).value());
  TaskError error = std::move(answer).error();
  return eval::ExecResult<Value>(
      fail(eval::ExecError{std::move(error.error), std::move(error.cause)}));
}

} // namespace

std::optional<eval::ExecResult<Value>>
AdapterTaskHandler::invoke(const exec::TaskRequest& request) {
  int64_t remaining = exec::remainingMillis(request);
  auto started = std::chrono::steady_clock::now();
  auto answer = registry_.invoke(TaskCall{request.stateName, request.resource, request.input,
                                          request.retryCount, request.deadline, remaining});
  if (!answer) return std::nullopt;
  int64_t elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                        std::chrono::steady_clock::now() - started)
                        .count();
  // A call that failed because it ran into the state's deadline is the state's timeout. Let
  // the execution's clock reach the deadline (a virtual clock does not move while a request
  // waits on the network; a real one is at most a few milliseconds short), so the executor
  // reports States.Timeout, as AWS does, rather than the adapter's own timeout error.
  if (!answer->ok() && remaining != std::numeric_limits<int64_t>::max() &&
      elapsed + kDeadlineSlackMillis >= remaining && request.clock && request.cancel)
    request.clock->waitUntil(request.deadline, *request.cancel);
  return toExecResult(std::move(*answer));
}

} // namespace asl::adapters
