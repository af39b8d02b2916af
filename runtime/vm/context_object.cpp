#include "runtime/vm/context_object.h"

#include <string>
#include <vector>

namespace asl::vm {

namespace {

// The context object's names, interned once: a Map builds one context object per iteration.
struct ContextKeys {
  Value name = Value::interned("Name"), enteredTime = Value::interned("EnteredTime"),
        retryCount = Value::interned("RetryCount"), execution = Value::interned("Execution"),
        stateMachine = Value::interned("StateMachine"), state = Value::interned("State"),
        map = Value::interned("Map"), item = Value::interned("Item"),
        task = Value::interned("Task"), token = Value::interned("Token");
};

const ContextKeys& keys() {
  static const ContextKeys k;
  return k;
}

} // namespace

const Value& ContextObject::value() const {
  if (built_) return *built_;
  const ContextKeys& k = keys();
  ObjectBuilder state(state_.retryCount ? 3 : 2);
  state.add(k.name, Value::string(state_.stateName));
  state.add(k.enteredTime, Value::string(exec::formatTimestamp(state_.enteredTime)));
  if (state_.retryCount) state.add(k.retryCount, Value::integer(*state_.retryCount));
  ObjectBuilder members(3 + (state_.mapItem ? 1 : 0) + (state_.taskToken.empty() ? 0 : 1));
  members.add(k.execution, state_.execution ? *state_.execution : Value::object({}));
  members.add(k.stateMachine, state_.stateMachine ? *state_.stateMachine : Value::object({}));
  members.add(k.state, state.finish());
  if (!state_.taskToken.empty()) {
    ObjectBuilder task(1);
    task.add(k.token, Value::string(state_.taskToken));
    members.add(k.task, task.finish());
  }
  if (state_.mapItem) {
    ObjectBuilder map(1);
    map.add(k.item, *state_.mapItem);
    members.add(k.map, map.finish());
  }
  built_ = members.finish();
  return *built_;
}

} // namespace asl::vm
