// The task tokens of the Task states waiting for a callback (`.waitForTaskToken`), and what
// ends their wait: SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat, with the errors Step
// Functions gives (InvalidToken, TaskTimedOut, InvalidOutput). Shared by the waiting tasks and
// whatever receives callbacks (the HTTP server of callback_server.h, or a program's own code).
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "asl/result.h"
#include "asl/value.h"
#include "runtime/exec/task_timer.h"

namespace asl::adapters {

/// A refused callback, with the error code Step Functions answers with.
struct CallbackError {
  std::string code; ///< "InvalidToken", "TaskTimedOut", "InvalidOutput"
  std::string message;
};

/// How a waiting task ended.
struct CallbackOutcome {
  bool succeeded = false;
  Value output;             ///< SendTaskSuccess
  std::string error, cause; ///< SendTaskFailure
};

class TaskTokens {
public:
  /// One waiting task.
  struct Slot {
    std::mutex mutex;
    std::condition_variable changed;
    std::optional<CallbackOutcome> outcome;
    std::chrono::steady_clock::time_point lastBeat; ///< opening, then each heartbeat
    exec::TaskTimer* timer = nullptr;               ///< told of heartbeats
  };

  /// Starts accepting callbacks for `token` until close(token).
  std::shared_ptr<Slot> open(const std::string& token, exec::TaskTimer* timer);
  /// The task stopped waiting (it ended, timed out or was cancelled): later callbacks for the
  /// token are answered TaskTimedOut, as Step Functions answers them for a closed task.
  void close(const std::string& token);

  Result<void, CallbackError> succeed(std::string_view token, std::string_view outputJson);
  Result<void, CallbackError> fail(std::string_view token, std::string error, std::string cause);
  Result<void, CallbackError> heartbeat(std::string_view token);

private:
  Result<void, CallbackError> finish(std::string_view token, CallbackOutcome outcome);
  std::optional<CallbackError> refuse(std::string_view token) const;
  void remember(const std::string& token);

  mutable std::mutex mutex_;
  std::map<std::string, std::shared_ptr<Slot>, std::less<>> open_;
  // Closed tokens, the most recent ones only, so that a late callback is told the task is over.
  std::set<std::string, std::less<>> closed_;
  std::deque<std::string> closedOrder_;
};

} // namespace asl::adapters
