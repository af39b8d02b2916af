// Options that shape the diagnostics list (warnings off, maxDiagnostics, TOO_MANY_DIAGNOSTICS)
// and the input-level problems checkDefinition reports before validation.
#include <gtest/gtest.h>

#include "validator_test_util.h"

namespace asl::front {
namespace {

using test::diagnose;
using test::diagnoseUnchecked;
using test::lines;
using test::Lines;
using test::only;

// Three errors (three unknown fields) and one warning (no Default).
constexpr const char* kThreeErrorsOneWarning = R"({
"StartAt": "C",
"States": {
"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "D"}]},
"D": {"Type": "Succeed", "X": 1, "Y": 2, "Z": 3}
}
})";

TEST(DiagnosticsOptionsTest, WarningsAndErrorsAreBothReportedByDefault) {
  CheckedDefinition checked = checkDefinition("f.json", kThreeErrorsOneWarning, {});
  EXPECT_EQ(checked.errorCount(), 3u);
  EXPECT_EQ(checked.warningCount(), 1u);
  EXPECT_TRUE(checked.hasErrors());
  EXPECT_EQ(checked.diagnostics[0].location.file, "f.json");
}

TEST(DiagnosticsOptionsTest, WarningsOffKeepsOnlyErrors) {
  ValidateOptions options;
  options.warnings = false;
  EXPECT_EQ(
      diagnose(kThreeErrorsOneWarning, options),
      (lines("5:26 error UNKNOWN_FIELD /States/D/X: field 'X' is not allowed in a Succeed state",
             "5:34 error UNKNOWN_FIELD /States/D/Y: field 'Y' is not allowed in a Succeed state",
             "5:42 error UNKNOWN_FIELD /States/D/Z: field 'Z' is not allowed in a Succeed state")));
}

TEST(DiagnosticsOptionsTest, WarningsOffSilencesEveryWarningFamily) {
  ValidateOptions options;
  options.warnings = false;
  EXPECT_EQ(diagnose(R"({
"StartAt": "C",
"States": {
"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "Loop"}], "Default": "M"},
"Loop": {"Type": "Pass", "Next": "Loop", "Parameters": {"a": "$.a"}, "Assign": {"1x": 1}},
"M": {"Type": "Map", "End": true, "ItemBatcher": {}, "ItemProcessor": {"StartAt": "T", "States": {
"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
"Retry": [{"ErrorEquals": ["E"], "MaxAttempts": 30}], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "F"}]},
"F": {"Type": "Pass", "Result": {"a.$": "$"}, "End": true}}}}
}
})",
                     options),
            lines());
}

TEST(DiagnosticsOptionsTest, MaxDiagnosticsStopsWithTooManyDiagnostics) {
  ValidateOptions options;
  options.limits.maxDiagnostics = 2;
  EXPECT_EQ(
      diagnose(kThreeErrorsOneWarning, options),
      (lines("4:6 warning CHOICE_WITHOUT_DEFAULT /States/C: Choice state 'C' has no 'Default': "
             "input that "
             "matches no rule fails the execution with States.NoChoiceMatched",
             "5:26 error UNKNOWN_FIELD /States/D/X: field 'X' is not allowed in a Succeed state",
             "5:34 error UNKNOWN_FIELD /States/D/Y: field 'Y' is not allowed in a Succeed state",
             "5:42 error TOO_MANY_DIAGNOSTICS /: stopped after 2 errors (--max-diagnostics)")));
}

TEST(DiagnosticsOptionsTest, ExactlyMaxDiagnosticsErrorsIsNotTooMany) {
  ValidateOptions options;
  options.limits.maxDiagnostics = 3;
  options.warnings = false;
  EXPECT_EQ(diagnose(kThreeErrorsOneWarning, options).size(), 3u);
}

TEST(DiagnosticsOptionsTest, WarningsDoNotCountTowardsTheLimit) {
  ValidateOptions options;
  options.limits.maxDiagnostics = 1;
  EXPECT_EQ(
      diagnose(R"({
"StartAt": "A",
"States": {
"A": {"Type": "Pass", "Parameters": {"a": "$.a", "b": "$.b"}, "End": true, "X": 1}
}
})",
               options),
      (lines("4:43 warning NO_DOLLAR /States/A/Parameters/a: the value of 'a' looks like a path or "
             "intrinsic "
             "function but is a literal string; name the field 'a.$' to evaluate it",
             "4:55 warning NO_DOLLAR /States/A/Parameters/b: the value of 'b' looks like a path or "
             "intrinsic "
             "function but is a literal string; name the field 'b.$' to evaluate it",
             "4:76 error UNKNOWN_FIELD /States/A/X: field 'X' is not allowed in a Pass state")));
}

TEST(InputProblemsTest, MalformedJsonIsInvalidJsonDescription) {
  EXPECT_EQ(diagnose("{\n\"StartAt\": \"A\"\n\"States\": {}\n}"),
            lines("3:1 error INVALID_JSON_DESCRIPTION : unexpected character '\"': expected ',' or "
                  "'}' after an object member"));
}

TEST(InputProblemsTest, EmptyInputIsMissingDescription) {
  EXPECT_EQ(
      diagnoseUnchecked(" \n "),
      lines("1:1 error MISSING_DESCRIPTION : the definition is empty: expected a JSON object"));
}

TEST(InputProblemsTest, NonObjectRootIsDefinitionNotObject) {
  EXPECT_EQ(diagnose("[1]"), lines("1:1 error DEFINITION_NOT_OBJECT /: the definition must be a "
                                   "JSON object, not a JSON array"));
}

TEST(InputProblemsTest, DuplicateKeyIsReportedAtTheSecondKey) {
  EXPECT_EQ(diagnoseUnchecked(R"({
"StartAt": "A",
"States": {
"A": {"Type": "Succeed", "Comment": "a", "Comment": "b"}
}
})"),
            lines("4:42 error DUPLICATE_KEY /States/A/Comment: duplicate key \"Comment\" in an object"));
}

// The pointer of a duplicate key should name it, as every validator diagnostic does.
TEST(InputProblemsTest, DuplicateKeyPointerNamesTheKey) {
  EXPECT_EQ(
      diagnose(R"({
"StartAt": "A",
"States": {
"A": {"Type": "Succeed", "Comment": "a", "Comment": "b"}
}
})"),
      lines("4:42 error DUPLICATE_KEY /States/A/Comment: duplicate key \"Comment\" in an object"));
}

TEST(InputProblemsTest, DuplicateStateKeyIsADuplicateStateName) {
  EXPECT_EQ(only(diagnoseUnchecked(R"({
"StartAt": "A",
"States": {
"A": {"Type": "Succeed"},
"A": {"Type": "Succeed"}
}
})"),
                 "DUPLICATE_STATE_NAME"),
            lines("5:1 error DUPLICATE_STATE_NAME /States/A: state name 'A' is already used in "
                  "this definition; "
                  "names must be unique across all branches and iterations"));
}

// A second "A" is the same state name, not a second unreachable state.
TEST(InputProblemsTest, DuplicateStateKeyIsNotAlsoUnreachable) {
  EXPECT_EQ(only(diagnoseUnchecked(R"({
"StartAt": "A",
"States": {
"A": {"Type": "Succeed"},
"A": {"Type": "Succeed"}
}
})"),
                 "UNREACHABLE_STATE"),
            Lines{});
}

TEST(InputProblemsTest, DefinitionLargerThanTheLimitIsRejected) {
  ValidateOptions options;
  options.limits.maxDefinitionBytes = 16;
  EXPECT_EQ(diagnose(R"({"StartAt": "A", "States": {"A": {"Type": "Succeed"}}})", options),
            lines("1:1 error DEFINITION_TOO_LARGE /: the definition is 54 bytes; the limit is 16 "
                  "bytes (--max-definition-bytes)"));
}

TEST(InputProblemsTest, NestingTooDeepPointerNamesTheValue) {
  ValidateOptions options;
  options.limits.maxNestingDepth = 4;
  EXPECT_EQ(
      diagnose(
          R"({"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": {"a": [1]}, "End": true}}})",
          options),
      lines("1:67 error NESTING_TOO_DEEP /States/A/Result/a: JSON nesting is deeper than the limit "
            "of 4 levels "
            "(--max-nesting-depth)"));
}

} // namespace
} // namespace asl::front
