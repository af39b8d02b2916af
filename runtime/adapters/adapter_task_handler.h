// The executor's side of the adapters: an exec::TaskHandler that routes each Task call to the
// registry's adapter for its resource, and declines (std::nullopt) the resources none serves,
// so that the executor's "no handler serves the resource" error stays what users see. It hands
// adapters the time the state has left, so TimeoutSeconds ends a slow call as States.Timeout.
#pragma once

#include "asl/adapter.h"
#include "runtime/exec/task_handler.h"

namespace asl::adapters {

class AdapterTaskHandler final : public exec::TaskHandler {
public:
  /// `registry` is not owned and must outlive the handler.
  explicit AdapterTaskHandler(const AdapterRegistry& registry) : registry_(registry) {}

  std::optional<eval::ExecResult<Value>> invoke(const exec::TaskRequest& request) override;
  const AdapterRegistry& registry() const { return registry_; }

  bool serves(const exec::TaskRequest& request) const override {
    return registry_.find(request.resource) != nullptr;
  }

private:
  const AdapterRegistry& registry_;
};

} // namespace asl::adapters
