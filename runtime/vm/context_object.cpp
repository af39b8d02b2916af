#include "runtime/vm/context_object.h"

#include <string>
#include <vector>

namespace asl::vm {

const Value& ContextObject::value() const {
  if (built_) return *built_;
  std::vector<Member> stateMembers;
  stateMembers.push_back(makeMember("Name", Value::string(state_.stateName)));
  stateMembers.push_back(
      makeMember("EnteredTime", Value::string(exec::formatTimestamp(state_.enteredTime))));
  if (state_.retryCount)
    stateMembers.push_back(makeMember("RetryCount", Value::integer(*state_.retryCount)));
  std::vector<Member> members;
  members.push_back(
      makeMember("Execution", state_.execution ? *state_.execution : Value::object({})));
  members.push_back(
      makeMember("StateMachine", state_.stateMachine ? *state_.stateMachine : Value::object({})));
  members.push_back(makeMember("State", Value::object(std::move(stateMembers))));
  if (state_.mapItem)
    members.push_back(makeMember("Map", Value::object({makeMember("Item", *state_.mapItem)})));
  built_ = Value::object(std::move(members));
  return *built_;
}

} // namespace asl::vm
