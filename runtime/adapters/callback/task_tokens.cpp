#include "runtime/adapters/callback/task_tokens.h"

#include "runtime/value/json_reader.h"

namespace asl::adapters {
namespace {

constexpr size_t kMaxClosedTokens = 10000;
constexpr size_t kMaxTokenBytes = 1024; // Step Functions' limit on taskToken
constexpr size_t kMaxOutputBytes = 262144;

} // namespace

std::shared_ptr<TaskTokens::Slot> TaskTokens::open(const std::string& token,
                                                   exec::TaskTimer* timer) {
  auto slot = std::make_shared<Slot>();
  slot->lastBeat = std::chrono::steady_clock::now();
  slot->timer = timer;
  std::lock_guard lock(mutex_);
  open_[token] = slot;
  return slot;
}

void TaskTokens::remember(const std::string& token) {
  if (!closed_.insert(token).second) return;
  closedOrder_.push_back(token);
  if (closedOrder_.size() > kMaxClosedTokens) {
    closed_.erase(closedOrder_.front());
    closedOrder_.pop_front();
  }
}

void TaskTokens::close(const std::string& token) {
  std::lock_guard lock(mutex_);
  open_.erase(token);
  remember(token);
}

std::optional<CallbackError> TaskTokens::refuse(std::string_view token) const {
  if (token.empty() || token.size() > kMaxTokenBytes)
    return CallbackError{"InvalidToken", "Invalid Token: 'Invalid token'"};
  if (closed_.count(token))
    return CallbackError{"TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'"};
  return CallbackError{"InvalidToken", "Invalid Token: 'Invalid token'"};
}

Result<void, CallbackError> TaskTokens::finish(std::string_view token, CallbackOutcome outcome) {
  std::lock_guard lock(mutex_);
  auto it = open_.find(token);
  if (it == open_.end()) return asl::fail(*refuse(token));
  {
    std::lock_guard slotLock(it->second->mutex);
    it->second->outcome = std::move(outcome);
  }
  it->second->changed.notify_all();
  std::string key = it->first;
  open_.erase(it);
  remember(key); // the first answer wins; a second is told the task is over
  return {};
}

Result<void, CallbackError> TaskTokens::succeed(std::string_view token,
                                                std::string_view outputJson) {
  if (outputJson.size() > kMaxOutputBytes)
    return asl::fail(CallbackError{"InvalidOutput", "Invalid Output: the output is larger than "
                                                    "262144 bytes"});
  auto output = parseJsonValue(outputJson);
  if (!output.ok())
    return asl::fail(CallbackError{"InvalidOutput", "Invalid Output: " + output.error().message});
  return finish(token, CallbackOutcome{true, std::move(output).value(), {}, {}});
}

Result<void, CallbackError> TaskTokens::fail(std::string_view token, std::string error,
                                             std::string cause) {
  return finish(token, CallbackOutcome{false, {}, std::move(error), std::move(cause)});
}

Result<void, CallbackError> TaskTokens::heartbeat(std::string_view token) {
  std::lock_guard lock(mutex_);
  auto it = open_.find(token);
  if (it == open_.end()) return asl::fail(*refuse(token));
  {
    std::lock_guard slotLock(it->second->mutex);
    it->second->lastBeat = std::chrono::steady_clock::now();
  }
  // Under the registry's lock: close() cannot return, and the timer go away, meanwhile.
  if (it->second->timer) it->second->timer->heartbeat();
  it->second->changed.notify_all();
  return {};
}

} // namespace asl::adapters
