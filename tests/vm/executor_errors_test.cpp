// Retry and Catch as AWS applies them: which retrier and catcher match, delays, what
// States.ALL and States.TaskFailed stand for, what is never caught.
#include <gtest/gtest.h>

#include "tests/vm/vm_test_support.h"

namespace asl::vm {
namespace {

using testing::mocks;
using testing::outputOf;
using testing::run;

constexpr const char* kFlaky = R"({"StartAt":"T","States":{"T":{"Type":"Task",
  "Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
  "Retry":[{"ErrorEquals":["Boom"],"IntervalSeconds":1,"MaxAttempts":3,"BackoffRate":2}],
  "Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.err","Next":"Caught"}],"End":true},
  "Caught":{"Type":"Pass","End":true}}})";

TEST(ExecutorErrors, RetriesWithBackoffThenSucceeds) {
  auto tasks = mocks(
      R"({"T":[{"throw":{"error":"Boom"}},{"throw":{"error":"Boom"}},{"return":{"ok":true}}]})");
  auto r = run(kFlaky, "{}", &tasks);
  EXPECT_EQ(outputOf(r), R"({"ok":true})");
  EXPECT_EQ(r.elapsed, 1000 + 2000); // 1 s, then 2 s
}

TEST(ExecutorErrors, CatchesOnceTheRetrierIsSpent) {
  auto tasks = mocks(R"({"T":{"throw":{"error":"Boom","cause":"always"}}})");
  auto r = run(kFlaky, R"({"in":1})", &tasks);
  EXPECT_EQ(outputOf(r), R"({"in":1,"err":{"Error":"Boom","Cause":"always"}})");
  EXPECT_EQ(r.elapsed, 1000 + 2000 + 4000);
}

TEST(ExecutorErrors, MaxDelayCapsTheBackoff) {
  auto tasks = mocks(R"({"T":[{"throw":{"error":"E"}},{"throw":{"error":"E"}},{"return":1}]})");
  auto r = run(
      R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
    "Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":10,"BackoffRate":3,"MaxDelaySeconds":12}],"End":true}}})",
      "{}", &tasks);
  EXPECT_EQ(outputOf(r), "1");
  EXPECT_EQ(r.elapsed, 10000 + 12000);
}

TEST(ExecutorErrors, TaskFailedStandsForAnyTaskError) {
  auto tasks = mocks(R"({"T":{"throw":{"error":"Custom.Error"}}})");
  auto r = run(
      R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
    "Catch":[{"ErrorEquals":["States.TaskFailed"],"Next":"C"}],"End":true},"C":{"Type":"Pass","End":true}}})",
      "{}", &tasks);
  EXPECT_EQ(outputOf(r), R"({"Error":"Custom.Error","Cause":""})");
}

TEST(ExecutorErrors, RuntimeErrorsAreNeverCaught) {
  auto tasks = mocks(R"({"T":{"return":{}}})");
  auto r = run(
      R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
    "OutputPath":"$.missing","Catch":[{"ErrorEquals":["States.Runtime"],"Next":"C"}],"End":true},"C":{"Type":"Pass","End":true}}})",
      "{}", &tasks);
  EXPECT_EQ(r.result.status, ExecutionStatus::Failed);
  EXPECT_EQ(r.result.error, "States.Runtime");
}

TEST(ExecutorErrors, RetryCountIsInTheContextObject) {
  auto tasks = mocks(R"({"T":[{"throw":{"error":"E"}},{"echo":true}]})");
  auto r = run(
      R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
    "Parameters":{"n.$":"$$.State.RetryCount"},"Retry":[{"ErrorEquals":["E"]}],"End":true}}})",
      "{}", &tasks);
  EXPECT_EQ(outputOf(r), R"({"n":1})");
}

TEST(ExecutorErrors, UnmockedTaskNamesItsResource) {
  auto r = run(
      R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::sqs:sendMessage","Parameters":{"QueueUrl":"q","MessageBody":"m"},"End":true}}})");
  EXPECT_EQ(r.result.status, ExecutionStatus::Failed);
  EXPECT_NE(r.result.cause.find("arn:aws:states:::sqs:sendMessage"), std::string::npos);
}

TEST(ExecutorErrors, MockConfigServesInvocationRanges) {
  auto config = exec::MockTasks::fromMockConfig(testing::json(R"({
    "StateMachines":{"M":{"TestCases":{"Happy":{"T":"Flaky"}}}},
    "MockedResponses":{"Flaky":{"0-1":{"Throw":{"Error":"E","Cause":"c"}},"2":{"Return":{"third":true}}}}})"),
                                                "", "Happy");
  ASSERT_TRUE(config.ok());
  auto r = run(
      R"({"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:123456789012:function:f",
    "Retry":[{"ErrorEquals":["E"],"IntervalSeconds":1,"BackoffRate":1}],"End":true}}})",
      "{}", &*config);
  EXPECT_EQ(outputOf(r), R"({"third":true})");
}

TEST(ExecutorErrors, MockConfigRejectsAnUnknownTestCase) {
  auto config = exec::MockTasks::fromMockConfig(
      testing::json(R"({"StateMachines":{"M":{"TestCases":{}}},"MockedResponses":{}})"), "",
      "Nope");
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.error().message.find("'Nope'"), std::string::npos);
}

} // namespace
} // namespace asl::vm
