// AdapterRegistry and AdapterEnvironment (asl/adapter.h): the first adapter serving a resource
// answers it.
#include <cstdlib>

#include "asl/adapter.h"

extern char** environ;

namespace asl {

AdapterEnvironment AdapterEnvironment::fromProcess() {
  AdapterEnvironment env;
  for (char** entry = environ; entry && *entry; ++entry) {
    std::string_view text(*entry);
    size_t eq = text.find('=');
    if (eq == std::string_view::npos) continue;
    env.variables.emplace(std::string(text.substr(0, eq)), std::string(text.substr(eq + 1)));
  }
  return env;
}

std::optional<std::string> AdapterEnvironment::get(std::string_view name) const {
  auto it = variables.find(name);
  if (it == variables.end() || it->second.empty()) return std::nullopt;
  return it->second;
}

void AdapterRegistry::add(std::unique_ptr<Adapter> adapter) {
  adapters_.push_back(std::move(adapter));
}

Adapter* AdapterRegistry::find(std::string_view resource) const {
  for (const auto& adapter : adapters_)
    if (adapter->serves(resource)) return adapter.get();
  return nullptr;
}

std::optional<TaskResult> AdapterRegistry::invoke(const TaskCall& call) const {
  Adapter* adapter = find(call.resource);
  if (!adapter) return std::nullopt;
  return adapter->invoke(call);
}

} // namespace asl
