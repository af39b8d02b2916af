// The interpreter's data flow and transitions: what each state passes on, in AWS's order.
#include <gtest/gtest.h>

#include "tests/vm/vm_test_support.h"

namespace asl::vm {
namespace {

using testing::outputOf;
using testing::run;

TEST(ExecutorFlow, PassChainAppliesParametersResultPathAndOutputPath) {
  auto r = run(R"j({"StartAt":"A","States":{
    "A":{"Type":"Pass","Parameters":{"sum.$":"States.MathAdd($.x, 1)","fixed":true},"ResultPath":"$.r","Next":"B"},
    "B":{"Type":"Pass","OutputPath":"$.r","End":true}}})j",
               R"({"x":41})");
  EXPECT_EQ(outputOf(r), R"({"sum":42,"fixed":true})");
}

TEST(ExecutorFlow, InputPathNullGivesAnEmptyObject) {
  auto r = run(R"({"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":null,"End":true}}})",
               R"({"x":1})");
  EXPECT_EQ(outputOf(r), "{}");
}

TEST(ExecutorFlow, ChoiceTakesTheFirstMatchingRuleElseDefault) {
  const char* def = R"({"StartAt":"C","States":{
    "C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericGreaterThan":10,"Next":"Big"}],"Default":"Small"},
    "Big":{"Type":"Pass","Result":"big","End":true},"Small":{"Type":"Pass","Result":"small","End":true}}})";
  EXPECT_EQ(outputOf(run(def, R"({"n":11})")), R"("big")");
  EXPECT_EQ(outputOf(run(def, R"({"n":1})")), R"("small")");
}

TEST(ExecutorFlow, ChoiceWithoutMatchOrDefaultFailsWithNoChoiceMatched) {
  auto r = run(R"({"StartAt":"C","States":{
    "C":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"D"}]},"D":{"Type":"Succeed"}}})",
               R"({"n":2})");
  EXPECT_EQ(r.result.status, ExecutionStatus::Failed);
  EXPECT_EQ(r.result.error, "States.NoChoiceMatched");
}

TEST(ExecutorFlow, FailStateReadsErrorAndCausePaths) {
  auto r =
      run(R"({"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.e","CausePath":"$.c"}}})",
          R"({"e":"Oops","c":"because"})");
  EXPECT_EQ(outputOf(r), "FAILED Oops: because");
}

TEST(ExecutorFlow, MissingInputPathFailsWithTheStatePrefix) {
  auto r = run(R"({"StartAt":"P","States":{"P":{"Type":"Pass","InputPath":"$.nope","End":true}}})");
  EXPECT_EQ(r.result.error, "States.Runtime");
  EXPECT_EQ(r.result.cause,
            "An error occurred while executing the state 'P' (entered at the event id #2). Invalid "
            "path '$.nope' : No results for path: $['nope']");
}

TEST(ExecutorFlow, AssignTakesEffectAfterOutputPath) {
  auto r = run(R"({"StartAt":"A","States":{
    "A":{"Type":"Pass","Assign":{"v":1},"Next":"B"},
    "B":{"Type":"Pass","OutputPath":"$v","Assign":{"v":2},"Next":"C"},
    "C":{"Type":"Pass","Parameters":{"before.$":"$","now.$":"$v"},"End":true}}})");
  EXPECT_EQ(outputOf(r), R"({"before":1,"now":2})");
}

TEST(ExecutorFlow, ContextObjectNamesTheStateAndExecution) {
  auto r = run(
      R"({"StartAt":"Here","States":{"Here":{"Type":"Pass","Parameters":{"s.$":"$$.State.Name","i.$":"$$.Execution.Input"},"End":true}}})",
      R"({"k":1})");
  EXPECT_EQ(outputOf(r), R"({"s":"Here","i":{"k":1}})");
}

TEST(ExecutorFlow, WaitMovesTheVirtualClock) {
  auto r = run(R"({"StartAt":"W","States":{"W":{"Type":"Wait","SecondsPath":"$.s","End":true}}})",
               R"({"s":90})");
  EXPECT_EQ(r.result.status, ExecutionStatus::Succeeded);
  EXPECT_EQ(r.elapsed, 90000);
}

TEST(ExecutorFlow, WaitUntilATimestamp) {
  auto r = run(
      R"({"StartAt":"W","States":{"W":{"Type":"Wait","Timestamp":"2023-11-14T22:14:20Z","End":true}}})");
  EXPECT_EQ(r.result.status, ExecutionStatus::Succeeded);
  EXPECT_EQ(testing::kStart + r.elapsed, 1700000060000);
}

TEST(ExecutorFlow, ExecutionTimeoutEndsTimedOut) {
  auto r = run(
      R"({"TimeoutSeconds":5,"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":10,"Next":"X"},"X":{"Type":"Succeed"}}})");
  EXPECT_EQ(r.result.status, ExecutionStatus::TimedOut);
  EXPECT_EQ(r.result.error, "States.Timeout");
}

TEST(ExecutorFlow, StateOutputOverThePayloadLimitFails) {
  std::string big(300 * 1024, 'a');
  auto r =
      run(R"({"StartAt":"P","States":{"P":{"Type":"Pass","Result":")" + big + R"(","End":true}}})");
  EXPECT_EQ(r.result.error, "States.DataLimitExceeded");
  EXPECT_EQ(r.result.cause, "The state/task 'P' returned a result with a size exceeding the "
                            "maximum number of bytes service limit.");
}

TEST(ExecutorFlow, HistoryNumbersEventsAsAws) {
  auto r =
      run(R"({"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Succeed"}}})",
          "{}", nullptr, true);
  const Value* events = r.result.history.find("events");
  ASSERT_TRUE(events);
  std::vector<std::string> types;
  for (const Value& e : events->items())
    types.emplace_back(e.find("type")->asString());
  EXPECT_EQ(types, (std::vector<std::string>{"ExecutionStarted", "PassStateEntered",
                                             "PassStateExited", "SucceedStateEntered",
                                             "SucceedStateExited", "ExecutionSucceeded"}));
  EXPECT_EQ(events->items()[3].find("id")->asInteger(), 4);
  EXPECT_EQ(events->items()[3].find("previousEventId")->asInteger(), 3);
}

} // namespace
} // namespace asl::vm
