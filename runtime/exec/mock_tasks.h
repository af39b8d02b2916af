// Scripted task responses, from the two formats users bring:
//  - the Step Functions Local mock configuration (MockConfigFile.json: StateMachines ->
//    TestCases -> state name -> MockedResponses entry, whose keys are invocation numbers or
//    ranges such as "1-2", each holding a Return or a Throw), unchanged;
//  - the conformance/benchmark format, keyed by state name: {"echo": true}, an ordered list of
//    {"return"} / {"throw"} entries (optionally with the recorded "input", which lets calls from
//    Map iterations and Parallel branches arriving in any order find their own answer), or one
//    {"return"} / {"throw"} answering every call.
// Both load into one MockTasks, a TaskHandler that serves the states it knows.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "asl/result.h"
#include "runtime/exec/task_handler.h"

namespace asl::exec {

class MockTasks final : public TaskHandler {
public:
  /// The conformance format: an object keyed by state name.
  static Result<MockTasks> fromScript(const Value& script);
  /// The Step Functions Local format. `stateMachine` may be empty when the file names one state
  /// machine, or when only one of its state machines has `testCase`.
  static Result<MockTasks> fromMockConfig(const Value& config, std::string_view stateMachine,
                                          std::string_view testCase);

  MockTasks() = default;
  MockTasks(MockTasks&& other) noexcept : states_(std::move(other.states_)) {}
  MockTasks& operator=(MockTasks&& other) noexcept {
    states_ = std::move(other.states_);
    return *this;
  }

  std::optional<eval::ExecResult<Value>> invoke(const TaskRequest& request) override;
  bool mayBlock(const TaskRequest&) const override { return false; } ///< answers from memory
  bool serves(const TaskRequest& request) const override;
  bool empty() const { return states_.empty(); }

private:
  struct Response {
    enum class Kind : uint8_t { Return, Throw, Echo } kind = Kind::Return;
    Value value;           ///< Return
    eval::ExecError error; ///< Throw
    std::optional<Value> recordedInput;
  };
  struct InvocationRange {
    uint32_t first = 0, last = 0;
    Response response;
  };
  struct StateScript {
    enum class Mode : uint8_t { Always, InOrder, ByInvocation } mode = Mode::Always;
    std::vector<Response> responses;     ///< Always: one; InOrder: in call order
    std::vector<bool> used;              ///< InOrder
    std::vector<InvocationRange> ranges; ///< ByInvocation
    uint32_t calls = 0;
  };

  static Result<Response> responseFromScript(const Value& entry, std::string_view where);
  static Result<Response> responseFromMockConfig(const Value& entry, std::string_view where);
  eval::ExecResult<Value> answer(const Response& response, const TaskRequest& request) const;

  mutable std::mutex mutex_;
  std::map<std::string, StateScript, std::less<>> states_;
};

} // namespace asl::exec
