// The context object (`$$` in JSONPath, `$states.context` in JSONata): what the execution, the
// state machine and the running state are. Built on first use only, since most states never
// read it and a transition should not pay for an object nobody looks at.
#pragma once

#include <optional>
#include <string_view>

#include "asl/value.h"
#include "runtime/eval/path_eval.h"
#include "runtime/exec/clock.h"

namespace asl::vm {

struct StateContext {
  const Value* execution =
      nullptr; ///< {"Id", "Input", "StartTime", "Name", "RoleArn", "RedriveCount"}
  const Value* stateMachine = nullptr; ///< {"Id", "Name"}
  std::string_view stateName;
  exec::EpochMillis enteredTime = 0;
  std::optional<uint32_t> retryCount; ///< states that can retry carry State.RetryCount
  const Value* mapItem = nullptr; ///< {"Index", "Value"} while a Map builds an iteration's input
  std::string_view taskToken = {}; ///< `.waitForTaskToken` Task states: $$.Task.Token
};

class ContextObject final : public eval::ContextSource {
public:
  explicit ContextObject(const StateContext& state) : state_(state) {}
  const Value& value() const;
  const Value& contextValue() const override { return value(); }
  std::string_view taskToken() const { return state_.taskToken; }

private:
  StateContext state_;
  mutable std::optional<Value> built_;
};

} // namespace asl::vm
