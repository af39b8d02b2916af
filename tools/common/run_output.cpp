#include "tools/common/run_output.h"

#include "runtime/value/json_writer.h"

namespace asl::tools {

std::string formatRunResult(const vm::ExecutionResult& result) {
  std::vector<Member> members;
  members.push_back(makeMember("status", Value::string(vm::executionStatusName(result.status))));
  if (result.status == vm::ExecutionStatus::Succeeded) {
    members.push_back(makeMember("output", result.output));
  } else {
    if (!result.error.empty()) members.push_back(makeMember("error", Value::string(result.error)));
    if (!result.cause.empty()) members.push_back(makeMember("cause", Value::string(result.cause)));
  }
  return toJson(Value::object(std::move(members)));
}

} // namespace asl::tools
