// Variables in the execution history: the StateExited event of a state whose Assign wrote
// variables lists each one with its value as JSON text (`assignedVariables`) and
// `assignedVariablesDetails: {truncated: false}`, as GetExecutionHistory shows them; states
// that assign nothing carry neither field.
#include <gtest/gtest.h>

#include "tests/vm/vm_test_support.h"

namespace asl::vm {
namespace {

// The details of the first event of `type`, as compact JSON ("" when there is none).
std::string detailsOf(const testing::Run& r, std::string_view type) {
  for (const Value& e : r.result.history.find("events")->items())
    if (e.find("type")->asString() == type)
      if (const Value* d = e.find("stateExitedEventDetails")) return toJson(*d);
  return "";
}

TEST(VariablesHistory, ExitedEventListsAssignedValuesAsJsonText) {
  auto r = testing::run(R"({"StartAt": "Remember", "States": {
    "Remember": {"Type": "Pass", "Assign": {"count": 3, "name": "ab\"c", "list.$": "$.items",
                                             "none": null}, "Next": "Done"},
    "Done": {"Type": "Succeed"}}})",
                        R"({"items": [1, {"a": true}]})", nullptr, true);
  ASSERT_EQ(r.result.status, ExecutionStatus::Succeeded) << testing::outputOf(r);
  EXPECT_EQ(detailsOf(r, "PassStateExited"),
            R"({"name":"Remember","output":"{\"items\":[1,{\"a\":true}]}",)"
            R"("outputDetails":{"truncated":false},)"
            R"("assignedVariables":{"count":"3","name":"\"ab\\\"c\"","list":"[1,{\"a\":true}]",)"
            R"("none":"null"},"assignedVariablesDetails":{"truncated":false}})");
}

TEST(VariablesHistory, StateWithoutAssignHasNoAssignedVariables) {
  auto r = testing::run(R"({"StartAt": "Plain", "States": {
    "Plain": {"Type": "Pass", "End": true}}})",
                        "{}", nullptr, true);
  EXPECT_EQ(detailsOf(r, "PassStateExited"),
            R"({"name":"Plain","output":"{}","outputDetails":{"truncated":false}})");
}

TEST(VariablesHistory, JsonataAssignAndMatchedChoiceRuleAreListed) {
  auto r = testing::run(R"({"QueryLanguage": "JSONata", "StartAt": "Pick", "States": {
    "Pick": {"Type": "Choice", "Choices": [
      {"Condition": "{% $states.input.n > 1 %}", "Assign": {"tier": "{% 'gold' %}"}, "Next": "Keep"}],
      "Default": "Keep", "Assign": {"tier": "basic"}},
    "Keep": {"Type": "Pass", "Assign": {"total": "{% $states.input.n * 2 %}", "seen": "{% $tier %}"},
             "End": true}}})",
                        R"({"n": 5})", nullptr, true);
  ASSERT_EQ(r.result.status, ExecutionStatus::Succeeded) << testing::outputOf(r);
  EXPECT_EQ(detailsOf(r, "ChoiceStateExited"),
            R"({"name":"Pick","output":"{\"n\":5}","outputDetails":{"truncated":false},)"
            R"("assignedVariables":{"tier":"\"gold\""},"assignedVariablesDetails":{"truncated":false}})");
  EXPECT_EQ(detailsOf(r, "PassStateExited"),
            R"({"name":"Keep","output":"{\"n\":5}","outputDetails":{"truncated":false},)"
            R"("assignedVariables":{"total":"10","seen":"\"gold\""},)"
            R"("assignedVariablesDetails":{"truncated":false}})");
}

TEST(VariablesHistory, CatcherAssignIsListedOnTheCaughtStatesExit) {
  exec::MockTasks tasks =
      testing::mocks(R"({"Call": {"throw": {"error": "Boom", "cause": "it broke"}}})");
  auto r = testing::run(R"({"StartAt": "Call", "States": {
    "Call": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
             "Parameters": {"FunctionName": "f"},
             "Catch": [{"ErrorEquals": ["States.ALL"], "Assign": {"failed.$": "$.Error"},
                        "ResultPath": null, "Next": "Done"}], "End": true},
    "Done": {"Type": "Succeed"}}})",
                        "{}", &tasks, true);
  ASSERT_EQ(r.result.status, ExecutionStatus::Succeeded) << testing::outputOf(r);
  EXPECT_EQ(detailsOf(r, "TaskStateExited"),
            R"({"name":"Call","output":"{}","outputDetails":{"truncated":false},)"
            R"("assignedVariables":{"failed":"\"Boom\""},"assignedVariablesDetails":{"truncated":false}})");
}

} // namespace
} // namespace asl::vm
