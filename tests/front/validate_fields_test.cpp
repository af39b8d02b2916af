// Per-state field rules: which fields each state type allows in each query language, which it
// requires, which exclude each other, and the type and range of each field.
#include <gtest/gtest.h>

#include "validator_test_util.h"

namespace asl::front {
namespace {

using test::diagnose;
using test::lines;
using test::Lines;
using test::only;

// One state "A" (line 4) in a machine that starts and ends there.
std::string oneState(const std::string& state) {
  return "{\n\"StartAt\": \"A\",\n\"States\": {\n\"A\": " + state + "\n}\n}";
}

TEST(StateFieldsTest, CorrectJsonPathStatesPass) {
  EXPECT_EQ(diagnose(R"~({
"StartAt": "P",
"States": {
"P": {"Type": "Pass", "Comment": "c", "InputPath": "$.in", "Parameters": {"a.$": "$.x"}, "ResultPath": "$.r",
      "OutputPath": "$", "Assign": {"v": 1}, "Next": "T"},
"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
      "ResultSelector": {"p.$": "$.Payload"}, "ResultPath": null, "TimeoutSeconds": 30, "HeartbeatSeconds": 10,
      "Retry": [{"ErrorEquals": ["States.Timeout"]}], "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "F"}],
      "Next": "W"},
"W": {"Type": "Wait", "TimestampPath": "$.when", "Next": "S"},
"S": {"Type": "Succeed", "OutputPath": null},
"F": {"Type": "Fail", "ErrorPath": "$.error", "CausePath": "States.Format('failed: {}', $.cause)"}
}
})~"),
            lines());
}

TEST(StateFieldsTest, CorrectJsonataStatesPass) {
  EXPECT_EQ(diagnose(R"({
"QueryLanguage": "JSONata",
"StartAt": "P",
"States": {
"P": {"Type": "Pass", "Output": {"x": "{% $states.input.x %}"}, "Assign": {"n": "{% 1 + 1 %}"}, "Next": "T"},
"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {"FunctionName": "f"},
      "TimeoutSeconds": "{% 30 %}", "Output": "{% $states.result.Payload %}", "Next": "W"},
"W": {"Type": "Wait", "Seconds": "{% $n %}", "Next": "S"},
"S": {"Type": "Succeed", "Output": "{% $states.input %}"}
}
})"),
            lines());
}

TEST(StateFieldsTest, FieldOfAnotherStateTypeIsNamedWithWhereItBelongs) {
  EXPECT_EQ(diagnose(oneState(
                R"({"Type": "Pass", "Resource": "arn:aws:states:::lambda:invoke", "End": true})")),
            lines("4:23 error UNKNOWN_FIELD /States/A/Resource: field 'Resource' is not allowed in "
                  "a Pass state (only in Task)"));
}

TEST(StateFieldsTest, UnknownFieldIsReportedAtItsKey) {
  EXPECT_EQ(
      diagnose(oneState(R"({"Type": "Succeed", "Nxt": "B"})")),
      lines(
          "4:26 error UNKNOWN_FIELD /States/A/Nxt: field 'Nxt' is not allowed in a Succeed state"));
}

TEST(StateFieldsTest, SucceedAllowsNoNext) {
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Succeed", "End": true})")),
            lines("4:26 error UNKNOWN_FIELD /States/A/End: field 'End' is not allowed in a Succeed "
                  "state (only in "
                  "Pass, Task, Wait, Parallel, Map)"));
}

TEST(StateFieldsTest, FailAllowsNoInputPath) {
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Fail", "InputPath": "$"})")),
            lines("4:23 error UNKNOWN_FIELD /States/A/InputPath: field 'InputPath' is not allowed "
                  "in a Fail state "
                  "(only in Pass, Task, Choice, Wait, Succeed, Parallel, Map)"));
}

TEST(StateFieldsTest, ChoiceAllowsNoResultPath) {
  EXPECT_EQ(
      diagnose(oneState(
          R"({"Type": "Choice", "ResultPath": "$.r", "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "A"}], "Default": "B"},
"B": {"Type": "Succeed"})")),
      lines("4:25 error UNKNOWN_FIELD /States/A/ResultPath: field 'ResultPath' is not allowed in a "
            "Choice "
            "state (only in Pass, Task, Parallel, Map)"));
}

TEST(StateFieldsTest, JsonPathFieldInAJsonataStateSuggestsTheReplacement) {
  EXPECT_EQ(
      diagnose(oneState(
          R"({"Type": "Pass", "QueryLanguage": "JSONata", "InputPath": "$.x", "End": true})")),
      lines("4:51 error QUERY_LANGUAGE_FIELD /States/A/InputPath: field 'InputPath' is a JSONPath "
            "field; this "
            "state uses JSONata: use Output (and Assign)"));
}

TEST(StateFieldsTest, JsonataFieldInAJsonPathStateSuggestsTheReplacement) {
  EXPECT_EQ(
      diagnose(oneState(
          R"({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Arguments": {}, "End": true})")),
      lines("4:69 error QUERY_LANGUAGE_FIELD /States/A/Arguments: field 'Arguments' is a JSONata "
            "field; this "
            "state uses JSONPath: use Parameters"));
}

TEST(StateFieldsTest, ResultIsAJsonPathOnlyField) {
  EXPECT_EQ(diagnose(oneState(
                R"({"Type": "Pass", "QueryLanguage": "JSONata", "Result": 1, "End": true})")),
            lines("4:51 error QUERY_LANGUAGE_FIELD /States/A/Result: field 'Result' is a JSONPath "
                  "field; this state "
                  "uses JSONata: use Output"));
}

TEST(StateFieldsTest, PathFieldInAJsonataStateSuggestsAnExpression) {
  EXPECT_EQ(
      diagnose(oneState(
          R"({"Type": "Wait", "QueryLanguage": "JSONata", "SecondsPath": "$.s", "End": true})")),
      lines("4:51 error QUERY_LANGUAGE_FIELD /States/A/SecondsPath: field 'SecondsPath' is a "
            "JSONPath field; "
            "this state uses JSONata: use the field without 'Path' and a {% %} expression"));
}

TEST(StateFieldsTest, NextAndEndTogetherAreReportedAtEnd) {
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Pass", "Next": "A", "End": true})")),
            lines("4:36 error NEXT_AND_END /States/A/End: state 'A' has both 'Next' and \"End\": "
                  "true; choose one"));
}

TEST(StateFieldsTest, NeitherNextNorEndIsReportedAtTheState) {
  EXPECT_EQ(only(diagnose(oneState(R"({"Type": "Pass", "End": false})")), "NEXT_AND_END"),
            lines("4:6 error NEXT_AND_END /States/A: state 'A' needs 'Next' or \"End\": true"));
}

TEST(StateFieldsTest, EndMustBeABoolean) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "A",
"States": {
"A": {"Type": "Pass", "End": "true", "Next": "B"},
"B": {"Type": "Succeed"}
}
})"),
            lines("4:30 error FIELD_TYPE /States/A/End: End must be a boolean, not string"));
}

TEST(StateFieldsTest, NextMustBeAString) {
  EXPECT_EQ(
      diagnose(oneState(R"({"Type": "Pass", "Next": 1, "End": true})")),
      lines(
          "4:31 error FIELD_TYPE /States/A/Next: Next must be a string naming a state, not number",
          "4:34 error NEXT_AND_END /States/A/End: state 'A' has both 'Next' and \"End\": true; "
          "choose one"));
}

TEST(StateFieldsTest, CommentMustBeAString) {
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Succeed", "Comment": ["x"]})")),
            lines("4:37 error FIELD_TYPE /States/A/Comment: Comment must be a string, not array"));
}

TEST(StateFieldsTest, RequiredFieldsPerStateType) {
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Task", "End": true})")),
            lines("4:6 error MISSING_FIELD /States/A: Task state 'A' is missing required field "
                  "'Resource'"));
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Parallel", "End": true})")),
            lines("4:6 error MISSING_FIELD /States/A: Parallel state 'A' is missing required field "
                  "'Branches'"));
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Choice", "Default": "B"},
"B": {"Type": "Succeed"})")),
            lines("4:6 error MISSING_FIELD /States/A: Choice state 'A' is missing required field "
                  "'Choices'"));
}

TEST(StateFieldsTest, PathFieldsMustBeStringsOrNull) {
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Pass", "InputPath": 5, "End": true})")),
            lines("4:36 error FIELD_TYPE /States/A/InputPath: InputPath must be a JSONPath string "
                  "or null, not number"));
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Pass", "ResultPath": true, "End": true})")),
            lines("4:37 error FIELD_TYPE /States/A/ResultPath: ResultPath must be a Reference Path "
                  "string or null, not boolean"));
}

TEST(StateFieldsTest, ResultSelectorMustBeAnObject) {
  EXPECT_EQ(
      diagnose(oneState(
          R"({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "ResultSelector": "$", "End": true})")),
      lines("4:87 error FIELD_TYPE /States/A/ResultSelector: ResultSelector must be an object, not "
            "string"));
}

TEST(StateFieldsTest, AssignMustBeAnObject) {
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Pass", "Assign": [], "End": true})")),
            lines("4:33 error FIELD_TYPE /States/A/Assign: Assign must be an object, not array"));
}

TEST(StateFieldsTest, RetryAndCatchMustBeArrays) {
  EXPECT_EQ(
      diagnose(oneState(
          R"({"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Retry": {}, "Catch": {}, "End": true})")),
      lines(
          "4:78 error FIELD_TYPE /States/A/Retry: Retry must be an array of retriers, not object",
          "4:91 error FIELD_TYPE /States/A/Catch: Catch must be an array of catchers, not object"));
}

TEST(StateFieldsTest, PassResultWithDollarKeyWarnsItIsStatic) {
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Pass", "Result": {"x.$": "$.y"}, "End": true})")),
            lines("4:34 warning PASS_RESULT_IS_STATIC /States/A/Result/x.$: Result is never "
                  "evaluated: 'x.$' stays a "
                  "literal key; use Parameters to compute values"));
}

TEST(StateFieldsTest, WaitNeedsOneDuration) {
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Wait", "End": true})")),
            lines("4:6 error MISSING_FIELD /States/A: Wait state 'A' needs exactly one of "
                  "'Seconds', 'SecondsPath', "
                  "'Timestamp' or 'TimestampPath'"));
}

TEST(StateFieldsTest, WaitTakesOnlyOneDuration) {
  EXPECT_EQ(
      diagnose(oneState(R"({"Type": "Wait", "Seconds": 5, "TimestampPath": "$.t", "End": true})")),
      lines("4:37 error EXCLUSIVE_FIELDS /States/A/TimestampPath: a Wait state takes exactly one "
            "of 'Seconds', "
            "'SecondsPath', 'Timestamp' and 'TimestampPath'"));
}

TEST(StateFieldsTest, WaitSecondsMustBeANonNegativeInteger) {
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Wait", "Seconds": -1, "End": true})")),
            lines("4:34 error FIELD_VALUE /States/A/Seconds: Seconds must be an integer from 0 to "
                  "99999999, not -1"));
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Wait", "Seconds": "10", "End": true})")),
            lines("4:34 error FIELD_TYPE /States/A/Seconds: Seconds must be an integer from 0 to "
                  "99999999"));
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Wait", "Seconds": 0, "End": true})")), lines());
}

TEST(StateFieldsTest, JsonataSecondsMustBeANumberOrAnExpression) {
  EXPECT_EQ(diagnose(oneState(
                R"({"Type": "Wait", "QueryLanguage": "JSONata", "Seconds": "10", "End": true})")),
            lines("4:62 error FIELD_TYPE /States/A/Seconds: Seconds must be a number or a {% %} "
                  "JSONata expression"));
}

TEST(StateFieldsTest, WaitTimestampMustBeRfc3339) {
  for (std::string bad :
       {"2016-03-14 01:59:00Z", "2016-03-14t01:59:00Z", "2016-13-14T01:59:00Z",
        "2016-03-14T01:59:00", "2016-03-14T01:59:00.Z", "2016-03-14T01:59:00+0100"}) {
    EXPECT_EQ(diagnose(oneState(R"({"Type": "Wait", "Timestamp": ")" + bad + R"(", "End": true})")),
              lines("4:36 error INVALID_TIMESTAMP /States/A/Timestamp: Timestamp '" + bad +
                    "' is not an RFC 3339 timestamp such as '2016-03-14T01:59:00Z'"));
  }
  for (std::string good :
       {"2016-03-14T01:59:00Z", "2016-03-14T01:59:00.123Z", "2016-03-14T01:59:00+01:00"})
    EXPECT_EQ(
        diagnose(oneState(R"({"Type": "Wait", "Timestamp": ")" + good + R"(", "End": true})")),
        lines())
        << good;
}

TEST(StateFieldsTest, FailErrorAndErrorPathExcludeEachOther) {
  EXPECT_EQ(
      diagnose(oneState(
          R"({"Type": "Fail", "Error": "E", "ErrorPath": "$.e", "Cause": "c", "CausePath": "$.c"})")),
      lines("4:37 error EXCLUSIVE_FIELDS /States/A/ErrorPath: fields 'Error' and 'ErrorPath' "
            "cannot both be set",
            "4:71 error EXCLUSIVE_FIELDS /States/A/CausePath: fields 'Cause' and 'CausePath' "
            "cannot both be set"));
}

TEST(StateFieldsTest, FailErrorMustBeAString) {
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Fail", "Error": 500})")),
            lines("4:32 error FIELD_TYPE /States/A/Error: Error must be a string, not number"));
}

TEST(StateFieldsTest, FailHasNoOutputInJsonata) {
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Fail", "QueryLanguage": "JSONata", "Output": {}})")),
            lines("4:51 error UNKNOWN_FIELD /States/A/Output: field 'Output' is not allowed in a "
                  "Fail state (only in "
                  "Pass, Task, Choice, Wait, Succeed, Parallel, Map)"));
}

TEST(StateFieldsTest, BranchesMustBeANonEmptyArray) {
  EXPECT_EQ(
      diagnose(oneState(R"({"Type": "Parallel", "Branches": [], "End": true})")),
      lines(
          "4:39 error FIELD_VALUE /States/A/Branches: Branches must contain at least one branch"));
  EXPECT_EQ(diagnose(oneState(R"({"Type": "Parallel", "Branches": {}, "End": true})")),
            lines("4:39 error FIELD_TYPE /States/A/Branches: Branches must be an array of state "
                  "machines, not object"));
}

} // namespace
} // namespace asl::front
