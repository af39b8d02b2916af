// AWS's size limits on workflow variables: 256 KiB for one variable's value, 256 KiB for all
// the values of one Assign, 10 MiB for all the variables an execution holds. Sizes are those
// of the values' compact JSON text, so a string of n ASCII characters takes n + 2 bytes.
// Exceeding one fails the state with States.Runtime before anything is written.
#include <gtest/gtest.h>

#include <string>

#include "tests/vm/vm_test_support.h"

namespace asl::vm {
namespace {

constexpr size_t kVariableLimit = 256 * 1024;

// A JSONata state machine whose one Pass state assigns `assign` (the Assign object's text).
std::string assigning(const std::string& assign) {
  return R"({"QueryLanguage": "JSONata", "StartAt": "Big", "States": {
    "Big": {"Type": "Pass", "Assign": )" +
         assign + R"(, "Output": "done", "End": true}}})";
}

// A JSONata expression for a string whose JSON text takes `bytes` bytes.
std::string stringOfJsonSize(size_t bytes) {
  return "{% $pad('', " + std::to_string(bytes - 2) + ", 'x') %}";
}

std::string prefix() {
  return "An error occurred while executing the state 'Big' (entered at the event id #2). ";
}

TEST(VariableLimits, VariableOfExactlyTheLimitIsAssigned) {
  auto r = testing::run(assigning(R"({"big": ")" + stringOfJsonSize(kVariableLimit) + R"("})"));
  EXPECT_EQ(r.result.status, ExecutionStatus::Succeeded) << testing::outputOf(r);
}

TEST(VariableLimits, VariableOneByteOverTheLimitFailsWithStatesRuntime) {
  auto r =
      testing::run(assigning(R"({"big": ")" + stringOfJsonSize(kVariableLimit + 1) + R"("})"));
  ASSERT_EQ(r.result.status, ExecutionStatus::Failed);
  EXPECT_EQ(r.result.error, "States.Runtime");
  EXPECT_EQ(r.result.cause, prefix() + "The value assigned to the variable 'big' is 262145 "
                                       "bytes, more than the 262144 bytes a variable may hold.");
}

TEST(VariableLimits, AssignWhoseValuesTogetherExceedTheLimitFails) {
  std::string half = stringOfJsonSize(kVariableLimit / 2 + 1);
  auto r = testing::run(assigning(R"({"a": ")" + half + R"(", "b": ")" + half + R"("})"));
  ASSERT_EQ(r.result.status, ExecutionStatus::Failed);
  EXPECT_EQ(r.result.error, "States.Runtime");
  EXPECT_EQ(r.result.cause, prefix() + "The values assigned in this Assign are 262146 bytes "
                                       "together, more than the 262144 bytes one Assign may "
                                       "write.");
}

TEST(VariableLimits, JsonPathAssignIsLimitedToo) {
  std::string definition = R"({"StartAt": "Make", "States": {
    "Make": {"Type": "Pass", "QueryLanguage": "JSONata",
             "Output": {"s": ")" + stringOfJsonSize(kVariableLimit - 10) + R"json("}, "Next": "Big"},
    "Big": {"Type": "Pass", "Assign": {"copy.$": "States.Array($.s, $.s)"}, "End": true}}})json";
  auto r = testing::run(definition);
  ASSERT_EQ(r.result.status, ExecutionStatus::Failed);
  EXPECT_EQ(r.result.error, "States.Runtime");
  EXPECT_EQ(r.result.cause,
            "An error occurred while executing the state 'Big' (entered at the event id #4). The "
            "value assigned to the variable 'copy' is 524271 bytes, more than the 262144 bytes a "
            "variable may hold.");
}

// A chain of `states` Pass states, each assigning its own variable of `bytes` bytes.
std::string chainAssigning(int states, size_t bytes, bool sameName) {
  std::string s = R"({"QueryLanguage": "JSONata", "StartAt": "S0", "States": {)";
  for (int i = 0; i < states; ++i) {
    std::string name = sameName ? "v" : "v" + std::to_string(i);
    s += "\"S" + std::to_string(i) + R"(": {"Type": "Pass", "Output": {}, "Assign": {")" + name +
         R"(": ")" + stringOfJsonSize(bytes) + "\"}, ";
    s += i + 1 < states ? "\"Next\": \"S" + std::to_string(i + 1) + "\"}," : "\"End\": true}";
  }
  return s + "}}";
}

TEST(VariableLimits, ExecutionHoldingMoreThanTenMebibytesFails) {
  // 41 variables of 255,000 bytes fit in 10 MiB (10,485,760 bytes); the 42nd does not.
  auto fits = testing::run(chainAssigning(41, 255000, false));
  EXPECT_EQ(fits.result.status, ExecutionStatus::Succeeded) << testing::outputOf(fits);
  auto r = testing::run(chainAssigning(42, 255000, false));
  ASSERT_EQ(r.result.status, ExecutionStatus::Failed);
  EXPECT_EQ(r.result.error, "States.Runtime");
  EXPECT_EQ(r.result.cause,
            "An error occurred while executing the state 'S41' (entered at the event id #84). The "
            "variables of the execution would take 10710000 bytes, more than the 10485760 bytes "
            "an execution may hold.");
}

TEST(VariableLimits, ReassigningAVariableReplacesItsSize) {
  auto r = testing::run(chainAssigning(60, 255000, true));
  EXPECT_EQ(r.result.status, ExecutionStatus::Succeeded) << testing::outputOf(r);
}

TEST(VariableLimits, FinishedMapIterationsReleaseTheirVariables) {
  // 60 iterations one after another, each holding 255,000 bytes until it ends: 15 MB in all,
  // never more than one iteration's worth at a time.
  auto r = testing::run(R"({"QueryLanguage": "JSONata", "StartAt": "Each", "States": {
    "Each": {"Type": "Map", "Items": "{% [1..60] %}", "MaxConcurrency": 1,
      "ItemProcessor": {"StartAt": "Hold", "States": {
        "Hold": {"Type": "Pass", "Assign": {"held": ")" +
                        stringOfJsonSize(255000) + R"("}, "Output": "{% $states.input %}",
                 "End": true}}},
      "Output": "{% $count($states.result) %}", "End": true}}})");
  ASSERT_EQ(r.result.status, ExecutionStatus::Succeeded) << testing::outputOf(r);
  EXPECT_EQ(testing::outputOf(r), "60");
}

} // namespace
} // namespace asl::vm
