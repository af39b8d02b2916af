// Machine-level rules: StartAt, States, state names, transitions, reachability, terminal states
// and the top-level fields (TimeoutSeconds, Version, QueryLanguage).
#include <gtest/gtest.h>

#include "validator_test_util.h"

namespace asl::front {
namespace {

using test::diagnose;
using test::lines;
using test::Lines;
using test::only;

TEST(MachineRulesTest, CorrectDefinitionPasses) {
  EXPECT_EQ(diagnose(R"({
"Comment": "a small machine",
"Version": "1.0",
"TimeoutSeconds": 300,
"QueryLanguage": "JSONPath",
"StartAt": "Check",
"States": {
"Check": {"Type": "Choice", "Choices": [{"Variable": "$.ok", "BooleanEquals": true, "Next": "Work"}], "Default": "Failed"},
"Work": {"Type": "Pass", "Next": "Wait"},
"Wait": {"Type": "Wait", "Seconds": 1, "Next": "Done"},
"Done": {"Type": "Succeed"},
"Failed": {"Type": "Fail", "Error": "E", "Cause": "c"}
}
})"),
            lines());
}

TEST(MachineRulesTest, MissingStartAtAndStatesAreReportedTogether) {
  EXPECT_EQ(diagnose(R"({
"Comment": "nothing else"
})"),
            lines("1:1 error MISSING_FIELD /: missing required fields 'StartAt' and 'States'"));
}

TEST(MachineRulesTest, MissingStartAt) {
  EXPECT_EQ(diagnose(R"({
"States": {
"A": {"Type": "Succeed"}
}
})"),
            lines("1:1 error MISSING_FIELD /: missing required field 'StartAt'"));
}

TEST(MachineRulesTest, MissingStates) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "A"
})"),
            lines("1:1 error MISSING_FIELD /: missing required field 'States'"));
}

TEST(MachineRulesTest, StartAtMustBeAString) {
  EXPECT_EQ(diagnose(R"({
"StartAt": 1,
"States": {
"A": {"Type": "Succeed"}
}
})"),
            lines("2:12 error FIELD_TYPE /StartAt: StartAt must be a string naming a state"));
}

TEST(MachineRulesTest, StatesMustBeAnObject) {
  EXPECT_EQ(
      diagnose(R"({
"StartAt": "A",
"States": ["A"]
})"),
      lines(
          "3:11 error FIELD_TYPE /States: States must be an object mapping state names to states"));
}

TEST(MachineRulesTest, StatesMustNotBeEmpty) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "A",
"States": {}
})"),
            lines("2:12 error MISSING_TRANSITION_TARGET /StartAt: StartAt names 'A', which is not "
                  "a state of this machine",
                  "3:11 error FIELD_VALUE /States: States must contain at least one state"));
}

TEST(MachineRulesTest, StartAtMustNameAState) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "B",
"States": {
"A": {"Type": "Succeed"}
}
})"),
            lines("2:12 error MISSING_TRANSITION_TARGET /StartAt: StartAt names 'B', which is not "
                  "a state of this machine"));
}

TEST(MachineRulesTest, NextMustNameAState) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "C",
"States": {
"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "B"}], "Default": "D"},
"B": {"Type": "Pass", "Next": "Missing"},
"D": {"Type": "Succeed"}
}
})"),
            lines("5:31 error MISSING_TRANSITION_TARGET /States/B/Next: no state named 'Missing' "
                  "in this state machine"));
}

TEST(MachineRulesTest, DefaultMustNameAState) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "C",
"States": {
"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "D"}], "Default": "Nope"},
"D": {"Type": "Succeed"}
}
})"),
            lines("4:102 error MISSING_TRANSITION_TARGET /States/C/Default: no state named 'Nope' "
                  "in this state machine"));
}

TEST(MachineRulesTest, ChoiceRuleNextMustNameAState) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "C",
"States": {
"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Nope"}], "Default": "D"},
"D": {"Type": "Succeed"}
}
})"),
            lines("4:84 error MISSING_TRANSITION_TARGET /States/C/Choices/0/Next: no state named "
                  "'Nope' in this state machine"));
}

TEST(MachineRulesTest, CatchNextMustNameAState) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "T",
"States": {
"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
"Catch": [{"ErrorEquals": ["States.Timeout"], "Next": "Nope"}]}
}
})"),
            lines("5:55 error MISSING_TRANSITION_TARGET /States/T/Catch/0/Next: no state named "
                  "'Nope' in this state machine"));
}

TEST(MachineRulesTest, TransitionsCannotLeaveABranch) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "P",
"States": {
"P": {"Type": "Parallel", "End": true, "Branches": [
{"StartAt": "B", "States": {"B": {"Type": "Pass", "Next": "P"}, "E": {"Type": "Succeed"}}}
]}
}
})"),
            lines("5:59 error MISSING_TRANSITION_TARGET /States/P/Branches/0/States/B/Next: no "
                  "state named 'P' in "
                  "this branch or processor",
                  "5:65 error UNREACHABLE_STATE /States/P/Branches/0/States/E: state 'E' is not "
                  "reachable from StartAt"));
}

TEST(MachineRulesTest, TransitionsCannotEnterABranch) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "A",
"States": {
"A": {"Type": "Pass", "Next": "P"},
"P": {"Type": "Parallel", "Next": "B", "Branches": [
{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}
]}
}
})"),
            lines("3:11 error MISSING_END_STATE /States: no terminal state: at least one state "
                  "must have \"End\": "
                  "true or be a Succeed or Fail state",
                  "5:35 error MISSING_TRANSITION_TARGET /States/P/Next: no state named 'B' in this "
                  "state machine"));
}

TEST(MachineRulesTest, UnreachableStateIsReportedAtItsName) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "A",
"States": {
"A": {"Type": "Succeed"},
"Orphan": {"Type": "Succeed"}
}
})"),
            lines("5:1 error UNREACHABLE_STATE /States/Orphan: state 'Orphan' is not reachable "
                  "from StartAt"));
}

TEST(MachineRulesTest, MachineWithoutTerminalStateIsMissingEndState) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "A",
"States": {
"A": {"Type": "Pass", "Next": "B"},
"B": {"Type": "Pass", "Next": "A"}
}
})"),
            lines("3:11 error MISSING_END_STATE /States: no terminal state: at least one state "
                  "must have \"End\": "
                  "true or be a Succeed or Fail state"));
}

TEST(MachineRulesTest, LoopWithNoWayOutWarnsNoPathToEnd) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "C",
"States": {
"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsPresent": true, "Next": "Loop"}], "Default": "Done"},
"Loop": {"Type": "Pass", "Next": "Loop"},
"Done": {"Type": "Succeed"}
}
})"),
            lines("5:1 warning NO_PATH_TO_END /States/Loop: no path from state 'Loop' reaches a "
                  "terminal state: it "
                  "can only loop or fail"));
}

TEST(MachineRulesTest, LoopThroughAChoiceWithAnExitPasses) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "C",
"States": {
"C": {"Type": "Choice", "Choices": [{"Variable": "$.again", "BooleanEquals": true, "Next": "Loop"}], "Default": "Done"},
"Loop": {"Type": "Wait", "Seconds": 1, "Next": "C"},
"Done": {"Type": "Succeed"}
}
})"),
            lines());
}

TEST(MachineRulesTest, StateNamesAreUniqueAcrossNestedMachines) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "A",
"States": {
"A": {"Type": "Parallel", "End": true, "Branches": [
{"StartAt": "A", "States": {"A": {"Type": "Succeed"}}}
]}
}
})"),
            lines("5:29 error DUPLICATE_STATE_NAME /States/A/Branches/0/States/A: state name 'A' "
                  "is already used "
                  "in this definition; names must be unique across all branches and iterations"));
}

TEST(MachineRulesTest, StateNameOfEightyCharactersPasses) {
  std::string name(80, 'n');
  EXPECT_EQ(diagnose("{\"StartAt\": \"" + name + "\", \"States\": {\"" + name +
                     "\": {\"Type\": \"Succeed\"}}}"),
            lines());
}

TEST(MachineRulesTest, StateNameLongerThanEightyCharactersIsInvalid) {
  std::string name(81, 'n');
  EXPECT_EQ(diagnose("{\"StartAt\": \"" + name + "\",\n\"States\": {\"" + name +
                     "\": {\"Type\": \"Succeed\"}}}"),
            lines("2:12 error INVALID_STATE_NAME /States/" + name +
                  ": state name is 81 characters; the limit is 80"));
}

TEST(MachineRulesTest, StateNameLengthCountsCharactersNotBytes) {
  std::string name;
  for (int i = 0; i < 80; ++i)
    name += "\xC3\xA9"; // 80 x U+00E9, 160 bytes
  EXPECT_EQ(diagnose("{\"StartAt\": \"" + name + "\", \"States\": {\"" + name +
                     "\": {\"Type\": \"Succeed\"}}}"),
            lines());
}

TEST(MachineRulesTest, EmptyStateNameIsInvalid) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "",
"States": {
"": {"Type": "Succeed"}
}
})"),
            lines("4:1 error INVALID_STATE_NAME /States/: a state name must not be empty"));
}

TEST(MachineRulesTest, StateMustBeAnObject) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "A",
"States": {
"A": "Succeed"
}
})"),
            lines("3:11 error MISSING_END_STATE /States: no terminal state: at least one state "
                  "must have \"End\": "
                  "true or be a Succeed or Fail state",
                  "4:6 error FIELD_TYPE /States/A: state 'A' must be a JSON object"));
}

TEST(MachineRulesTest, StateNeedsAType) {
  EXPECT_EQ(only(diagnose(R"({
"StartAt": "A",
"States": {
"A": {"End": true}
}
})"),
                 "MISSING_FIELD"),
            lines("4:6 error MISSING_FIELD /States/A: state 'A' has no 'Type'"));
}

TEST(MachineRulesTest, TypeMustBeAString) {
  EXPECT_EQ(only(diagnose(R"({
"StartAt": "A",
"States": {
"A": {"Type": 7, "End": true}
}
})"),
                 "FIELD_TYPE"),
            lines("4:15 error FIELD_TYPE /States/A/Type: Type must be a string"));
}

TEST(MachineRulesTest, UnknownStateTypeIsNamed) {
  EXPECT_EQ(only(diagnose(R"({
"StartAt": "A",
"States": {
"A": {"Type": "Lambda", "End": true}
}
})"),
                 "UNKNOWN_STATE_TYPE"),
            lines("4:15 error UNKNOWN_STATE_TYPE /States/A/Type: unknown state type 'Lambda'; "
                  "expected Pass, Task, "
                  "Choice, Wait, Succeed, Fail, Parallel or Map"));
}

// A state whose Type is wrong still has "End": true and its transitions; the graph checks should
// use them instead of adding errors about ends and reachability.
TEST(MachineRulesTest, BadTypeDoesNotCascadeIntoGraphErrors) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "A",
"States": {
"A": {"Type": "Lambda", "Next": "B"},
"B": {"Type": "Succeed"}
}
})"),
            lines("4:15 error UNKNOWN_STATE_TYPE /States/A/Type: unknown state type 'Lambda'; "
                  "expected Pass, Task, "
                  "Choice, Wait, Succeed, Fail, Parallel or Map"));
}

TEST(MachineRulesTest, UnknownTopLevelFieldIsReportedAtItsKey) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "A",
"Timeout": 10,
"States": {
"A": {"Type": "Succeed"}
}
})"),
            lines("3:1 error UNKNOWN_FIELD /Timeout: field 'Timeout' is not allowed at the top "
                  "level of a state machine"));
}

TEST(MachineRulesTest, CommentAndVersionMustBeStrings) {
  EXPECT_EQ(diagnose(R"({
"Comment": 1,
"Version": 1.0,
"StartAt": "A",
"States": {
"A": {"Type": "Succeed"}
}
})"),
            lines("2:12 error FIELD_TYPE /Comment: Comment must be a string",
                  "3:12 error FIELD_TYPE /Version: Version must be a string such as '1.0'"));
}

TEST(MachineRulesTest, TimeoutSecondsMustBeAPositiveInteger) {
  for (std::string bad : {"0", "1.5", "100000000", "\"60\""}) {
    EXPECT_EQ(diagnose("{\n\"TimeoutSeconds\": " + bad +
                       ",\n\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}"),
              lines("2:19 error FIELD_VALUE /TimeoutSeconds: TimeoutSeconds must be an integer "
                    "from 1 to 99999999"))
        << bad;
  }
  EXPECT_EQ(diagnose("{\"TimeoutSeconds\": 99999999, \"StartAt\": \"A\", \"States\": {\"A\": "
                     "{\"Type\": \"Succeed\"}}}"),
            lines());
}

TEST(MachineRulesTest, QueryLanguageMustBeJsonPathOrJsonata) {
  EXPECT_EQ(diagnose(R"({
"QueryLanguage": "XPath",
"StartAt": "A",
"States": {
"A": {"Type": "Succeed", "QueryLanguage": 2}
}
})"),
            lines("2:18 error FIELD_VALUE /QueryLanguage: QueryLanguage must be 'JSONPath' or "
                  "'JSONata', not 'XPath'",
                  "5:43 error FIELD_TYPE /States/A/QueryLanguage: QueryLanguage must be a string: "
                  "'JSONPath' or 'JSONata'"));
}

TEST(MachineRulesTest, BranchAllowsOnlyStartAtStatesAndComment) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "P",
"States": {
"P": {"Type": "Parallel", "End": true, "Branches": [
{"StartAt": "B", "TimeoutSeconds": 5, "ProcessorConfig": {}, "Comment": "ok", "States": {"B": {"Type": "Succeed"}}}
]}
}
})"),
            lines("5:18 error UNKNOWN_FIELD /States/P/Branches/0/TimeoutSeconds: field "
                  "'TimeoutSeconds' is not "
                  "allowed in a Parallel branch",
                  "5:39 error UNKNOWN_FIELD /States/P/Branches/0/ProcessorConfig: field "
                  "'ProcessorConfig' is not "
                  "allowed in a Parallel branch"));
}

TEST(MachineRulesTest, BranchMustBeAnObject) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "P",
"States": {
"P": {"Type": "Parallel", "End": true, "Branches": [[]]}
}
})"),
            lines("4:53 error FIELD_TYPE /States/P/Branches/0: a state machine must be a JSON "
                  "object, not array"));
}

TEST(MachineRulesTest, NestedMachinesDeeperThanTheLimitAreRejected) {
  ValidateOptions options;
  options.limits.maxMachineDepth = 1;
  EXPECT_EQ(diagnose(R"({
"StartAt": "P",
"States": {
"P": {"Type": "Parallel", "End": true, "Branches": [
{"StartAt": "B", "States": {"B": {"Type": "Succeed"}}}
]}
}
})",
                     options),
            lines("5:1 error NESTING_TOO_DEEP /States/P/Branches/0: Map and Parallel states are "
                  "nested deeper than "
                  "the limit of 1"));
}

// AWS rejects a JSONPath state inside a machine whose top-level QueryLanguage is JSONata (the
// CDK documents the same rule: "If JSONata is specified at the top level, JSONPath cannot be
// used").
TEST(MachineRulesTest, JsonPathStateInAJsonataMachineIsRejected) {
  Lines found = diagnose(R"({
"QueryLanguage": "JSONata",
"StartAt": "A",
"States": {
"A": {"Type": "Pass", "QueryLanguage": "JSONPath", "End": true}
}
})");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].substr(0, found[0].find(':', 5)),
            "5:40 error FIELD_VALUE /States/A/QueryLanguage");
}

} // namespace
} // namespace asl::front
