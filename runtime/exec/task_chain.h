// Several task handlers asked in turn: the first that serves a request answers it. How the
// tools put the command line's mocks before the task adapters.
#pragma once

#include <vector>

#include "runtime/exec/task_handler.h"

namespace asl::exec {

class TaskChain final : public TaskHandler {
public:
  /// Asks `handler` after those added before it. Not owned; must outlive the chain's use.
  void add(TaskHandler* handler) {
    if (handler) handlers_.push_back(handler);
  }

  std::optional<eval::ExecResult<Value>> invoke(const TaskRequest& request) override {
    for (TaskHandler* handler : handlers_)
      if (auto answer = handler->invoke(request)) return answer;
    return std::nullopt;
  }

  bool mayBlock(const TaskRequest& request) const override {
    for (const TaskHandler* handler : handlers_)
      if (handler->serves(request)) return handler->mayBlock(request);
    return false; // nobody serves it: the executor fails the state at once
  }

  bool serves(const TaskRequest& request) const override {
    for (const TaskHandler* handler : handlers_)
      if (handler->serves(request)) return true;
    return false;
  }

private:
  std::vector<TaskHandler*> handlers_;
};

} // namespace asl::exec
