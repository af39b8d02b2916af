// `.waitForTaskToken` for lambda:invoke, sqs:sendMessage and sns:publish: the call is made as
// for the plain resource (its parameters carrying $$.Task.Token to whoever will answer), then
// the task waits until SendTaskSuccess or SendTaskFailure names the token, within the state's
// TimeoutSeconds, and HeartbeatSeconds between SendTaskHeartbeat calls.
#pragma once

#include "runtime/adapters/adapter_task_handler.h"
#include "runtime/adapters/callback/task_tokens.h"
#include "runtime/exec/task_handler.h"

namespace asl::adapters {

class CallbackTaskHandler final : public exec::TaskHandler {
public:
  /// `calls` serves the plain resources (the adapters); `tokens` receives the callbacks;
  /// `reachable` says whether anything can deliver them (an HTTP port is open): without it, a
  /// callback task fails at once rather than wait for what cannot come. Neither is owned.
  CallbackTaskHandler(AdapterTaskHandler& calls, TaskTokens& tokens, bool reachable)
      : calls_(calls), tokens_(tokens), reachable_(reachable) {}

  /// std::nullopt for resources that are not callbacks of the three services, or whose plain
  /// resource no adapter serves (the executor's "no handler" error then stands).
  std::optional<eval::ExecResult<Value>> invoke(const exec::TaskRequest& request) override;

private:
  eval::ExecResult<Value> await(TaskTokens::Slot& slot, const exec::TaskRequest& request);

  AdapterTaskHandler& calls_;
  TaskTokens& tokens_;
  bool reachable_;
};

} // namespace asl::adapters
