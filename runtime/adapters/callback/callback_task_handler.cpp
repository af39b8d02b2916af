#include "runtime/adapters/callback/callback_task_handler.h"

#include <algorithm>

#include "runtime/adapters/resource_arn.h"

namespace asl::adapters {
namespace {

using SteadyClock = std::chrono::steady_clock;

// Cancellation is polled: a cancelled Parallel branch stops waiting within this.
constexpr auto kPollSlice = std::chrono::milliseconds(100);
constexpr std::string_view kCallbackSuffix = ".waitForTaskToken";

eval::ExecResult<Value> failure(std::string error, std::string cause) {
  return eval::ExecResult<Value>(fail(eval::ExecError{std::move(error), std::move(cause)}));
}

bool isCallbackResource(std::string_view resource) {
  auto arn = parseIntegrationArn(resource);
  if (!arn || arn->pattern != "waitForTaskToken") return false;
  return (arn->service == "lambda" && arn->action == "invoke") ||
         (arn->service == "sqs" && arn->action == "sendMessage") ||
         (arn->service == "sns" && arn->action == "publish");
}

} // namespace

std::optional<eval::ExecResult<Value>>
CallbackTaskHandler::invoke(const exec::TaskRequest& request) {
  if (!isCallbackResource(request.resource)) return std::nullopt;
  std::string_view plainResource =
      request.resource.substr(0, request.resource.size() - kCallbackSuffix.size());
  if (!calls_.registry().find(plainResource)) return std::nullopt;
  if (!reachable_)
    return failure("States.Runtime",
                   "The resource '" + std::string(request.resource) + "' of state '" +
                       std::string(request.stateName) +
                       "' waits for a task token, and nothing can deliver one: run with "
                       "--callback-port so that SendTaskSuccess can reach the execution");
  if (request.taskToken.empty())
    return failure("States.Runtime", "The state '" + std::string(request.stateName) +
                                         "' waits for a task token but was given none");

  std::string token(request.taskToken);
  // Open before the call: whoever receives the message may answer before the call returns.
  std::shared_ptr<TaskTokens::Slot> slot = tokens_.open(token, request.timer);
  exec::TaskRequest plain = request;
  plain.resource = plainResource;
  auto sent = calls_.invoke(plain);
  if (!sent || !sent->ok()) {
    tokens_.close(token);
    return sent;
  }
  eval::ExecResult<Value> outcome = await(*slot, request);
  tokens_.close(token);
  return outcome;
}

eval::ExecResult<Value> CallbackTaskHandler::await(TaskTokens::Slot& slot,
                                                   const exec::TaskRequest& request) {
  // The wait is measured in real time from what the state has left, so that it also ends
  // under a virtual clock (which moves only when something waits on it); when it ends for
  // lack of time, the execution's clock is brought to the moment that ran out, so the
  // executor reports States.Timeout or States.HeartbeatTimeout as AWS does.
  int64_t remaining = exec::remainingMillis(request);
  auto deadline = remaining == std::numeric_limits<int64_t>::max()
                      ? SteadyClock::time_point::max()
                      : SteadyClock::now() + std::chrono::milliseconds(remaining);
  std::optional<std::chrono::milliseconds> heartbeat;
  if (request.heartbeatSeconds) heartbeat = std::chrono::seconds(*request.heartbeatSeconds);

  std::unique_lock lock(slot.mutex);
  for (;;) {
    if (slot.outcome) {
      CallbackOutcome& o = *slot.outcome;
      if (o.succeeded) return eval::ExecResult<Value>(std::move(o.output));
      return failure(std::move(o.error), std::move(o.cause));
    }
    if (request.cancel && request.cancel->cancelled())
      return failure("States.Runtime", "the execution stopped");
    auto now = SteadyClock::now();
    if (now >= deadline) {
      lock.unlock();
      if (request.clock && request.cancel)
        request.clock->waitUntil(request.deadline, *request.cancel);
      return failure("States.Timeout", "");
    }
    if (heartbeat && now >= slot.lastBeat + *heartbeat) {
      lock.unlock();
      if (request.clock && request.cancel && request.timer)
        request.clock->waitUntil(request.timer->heartbeatDue() + 1, *request.cancel);
      return failure("States.HeartbeatTimeout", "");
    }
    auto wake = std::min(deadline, now + kPollSlice);
    if (heartbeat) wake = std::min(wake, slot.lastBeat + *heartbeat);
    slot.changed.wait_until(lock, wake);
  }
}

} // namespace asl::adapters
