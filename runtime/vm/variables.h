// Workflow variables (Assign): a scope per machine run. Map iterations and Parallel branches get
// a child scope that reads its parent's variables and keeps its own assignments to itself.
// Every scope of an execution adds the serialized size of what it holds to one counter, which
// AWS's per-execution limit on variables is checked against (variable_limits.h).
#pragma once

#include <atomic>
#include <cstddef>
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
  /// A scope inside `parent` (nullptr: the outermost) whose variables count towards `stored`
  /// (nullptr: not counted).
  Variables(const Variables* parent, std::atomic<size_t>* stored)
      : parent_(parent), stored_(stored) {}
  Variables(const Variables&) = delete;
  Variables& operator=(const Variables&) = delete;
  ~Variables() override {
    if (stored_) stored_->fetch_sub(ownBytes_, std::memory_order_relaxed);
  }

  const Value* findVariable(std::string_view name) const override { return find(name); }

  /// The innermost binding of `name`, or nullptr.
  const Value* find(std::string_view name) const {
    for (const Variables* scope = this; scope; scope = scope->parent_)
      for (const Entry& e : scope->own_)
        if (e.name == name) return &e.value;
    return nullptr;
  }
  /// Calls f(name, value) for every variable in reach, the innermost binding of each name once.
  template <class F> void forEachVisible(F&& f) const {
    for (const Variables* scope = this; scope; scope = scope->parent_)
      for (const Entry& e : scope->own_) {
        bool shadowed = false;
        for (const Variables* inner = this; inner != scope && !shadowed; inner = inner->parent_)
          for (const Entry& other : inner->own_)
            if (other.name == e.name) shadowed = true;
        if (!shadowed) f(e.name, e.value);
      }
  }

  /// Binds `name` in this scope; `bytes` is the value's serialized size.
  void set(std::string_view name, Value value, size_t bytes = 0) {
    for (Entry& e : own_)
      if (e.name == name) {
        account(bytes, e.bytes);
        e.value = std::move(value);
        e.bytes = bytes;
        return;
      }
    account(bytes, 0);
    own_.push_back(Entry{std::string(name), std::move(value), bytes});
  }
  /// The serialized size of `name`'s value in this scope (0 when it is not bound here).
  size_t ownBytesOf(std::string_view name) const {
    for (const Entry& e : own_)
      if (e.name == name) return e.bytes;
    return 0;
  }
  /// The serialized size of every variable the execution holds (this scope's when uncounted).
  size_t storedBytes() const {
    return stored_ ? stored_->load(std::memory_order_relaxed) : ownBytes_;
  }

private:
  struct Entry {
    std::string name;
    Value value;
    size_t bytes = 0;
  };
  // Unsigned arithmetic: a smaller new value wraps to a subtraction, which is what is meant.
  void account(size_t added, size_t removed) {
    ownBytes_ += added - removed;
    if (stored_) stored_->fetch_add(added - removed, std::memory_order_relaxed);
  }

  const Variables* parent_ = nullptr;
  std::atomic<size_t>* stored_ = nullptr;
  size_t ownBytes_ = 0;
  // Few variables per scope: a vector beats a map for lookups and costs one allocation.
  std::vector<Entry> own_;
};

} // namespace asl::vm
