// Workflow variables (Assign): a scope per machine run. Map iterations and Parallel branches get
// a child scope that reads its parent's variables and keeps its own assignments to itself.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "asl/value.h"
#include "runtime/eval/path_eval.h"

namespace asl::vm {

class Variables final : public eval::VariableSource {
public:
  Variables() = default;
  explicit Variables(const Variables* parent) : parent_(parent) {}

  const Value* findVariable(std::string_view name) const override { return find(name); }

  /// The innermost binding of `name`, or nullptr.
  const Value* find(std::string_view name) const {
    for (const Variables* scope = this; scope; scope = scope->parent_)
      for (const auto& [key, value] : scope->own_)
        if (key == name) return &value;
    return nullptr;
  }
  /// Calls f(name, value) for every variable in reach, the innermost binding of each name once.
  template <class F> void forEachVisible(F&& f) const {
    for (const Variables* scope = this; scope; scope = scope->parent_)
      for (const auto& [key, value] : scope->own_) {
        bool shadowed = false;
        for (const Variables* inner = this; inner != scope && !shadowed; inner = inner->parent_)
          for (const auto& entry : inner->own_)
            if (entry.first == key) shadowed = true;
        if (!shadowed) f(key, value);
      }
  }

  void set(std::string_view name, Value value) {
    for (auto& [key, existing] : own_)
      if (key == name) {
        existing = std::move(value);
        return;
      }
    own_.emplace_back(std::string(name), std::move(value));
  }

private:
  const Variables* parent_ = nullptr;
  // Few variables per scope: a vector beats a map for lookups and costs one allocation.
  std::vector<std::pair<std::string, Value>> own_;
};

} // namespace asl::vm
