// Choice rules: every comparison operator's operand type, the ...Path forms, And/Or/Not,
// Variable, JSONata Condition, Next only at the top level, and the missing-Default warning.
#include <gtest/gtest.h>

#include "validator_test_util.h"

namespace asl::front {
namespace {

using test::diagnose;
using test::lines;
using test::Lines;

// A Choice "C" whose rule list is `rules` (starting on line 4); "D" is its Default.
std::string choice(const std::string& rules, const std::string& extra = "") {
  return "{\n\"StartAt\": \"C\",\n\"States\": {\n\"C\": {\"Type\": \"Choice\"" + extra +
         ", \"Default\": \"D\", \"Choices\": [\n" + rules +
         "\n]},\n\"D\": {\"Type\": \"Succeed\"}\n}\n}";
}

// A rule on line 5 whose operator is on line 6 at column 1.
std::string comparison(const std::string& op, const std::string& operand) {
  return choice("{\"Variable\": \"$.x\", \"Next\": \"D\",\n\"" + op + "\": " + operand + "}");
}

struct OperatorCase {
  const char* name;
  const char* good;
  const char* bad;
  const char* message; ///< for the bad operand
};

TEST(ChoiceRulesTest, EveryOperatorChecksItsOperandType) {
  const OperatorCase cases[] = {
      {"StringEquals", "\"a\"", "1", "StringEquals must be a string"},
      {"StringLessThan", "\"a\"", "1", "StringLessThan must be a string"},
      {"StringGreaterThan", "\"a\"", "1", "StringGreaterThan must be a string"},
      {"StringLessThanEquals", "\"a\"", "1", "StringLessThanEquals must be a string"},
      {"StringGreaterThanEquals", "\"a\"", "1", "StringGreaterThanEquals must be a string"},
      {"StringMatches", "\"log-*.txt\"", "true", "StringMatches must be a string"},
      {"NumericEquals", "1", "\"1\"", "NumericEquals must be a number"},
      {"NumericLessThan", "1.5", "\"1\"", "NumericLessThan must be a number"},
      {"NumericGreaterThan", "-1", "null", "NumericGreaterThan must be a number"},
      {"NumericLessThanEquals", "0", "[]", "NumericLessThanEquals must be a number"},
      {"NumericGreaterThanEquals", "1e3", "{}", "NumericGreaterThanEquals must be a number"},
      {"BooleanEquals", "false", "\"true\"", "BooleanEquals must be true or false"},
      {"TimestampEquals", "\"2016-03-14T01:59:00Z\"", "0",
       "TimestampEquals must be a timestamp string"},
      {"TimestampLessThan", "\"2016-03-14T01:59:00Z\"", "0",
       "TimestampLessThan must be a timestamp string"},
      {"TimestampGreaterThan", "\"2016-03-14T01:59:00Z\"", "0",
       "TimestampGreaterThan must be a timestamp string"},
      {"TimestampLessThanEquals", "\"2016-03-14T01:59:00Z\"", "0",
       "TimestampLessThanEquals must be a timestamp string"},
      {"TimestampGreaterThanEquals", "\"2016-03-14T01:59:00Z\"", "0",
       "TimestampGreaterThanEquals must be a timestamp string"},
      {"IsNull", "true", "1", "IsNull must be true or false"},
      {"IsPresent", "false", "\"yes\"", "IsPresent must be true or false"},
      {"IsNumeric", "true", "0", "IsNumeric must be true or false"},
      {"IsString", "true", "null", "IsString must be true or false"},
      {"IsBoolean", "true", "[]", "IsBoolean must be true or false"},
      {"IsTimestamp", "true", "{}", "IsTimestamp must be true or false"},
  };
  for (const OperatorCase& c : cases) {
    std::string op = c.name;
    EXPECT_EQ(diagnose(comparison(op, c.good)), lines()) << op;
    EXPECT_EQ(diagnose(comparison(op, c.bad)),
              lines("6:" + std::to_string(op.size() + 5) +
                    " error FIELD_TYPE /States/C/Choices/0/" + op + ": " + c.message))
        << op;
  }
}

TEST(ChoiceRulesTest, EveryPathOperatorTakesAJsonPath) {
  for (std::string op :
       {"StringEqualsPath", "StringLessThanPath", "StringGreaterThanPath",
        "StringLessThanEqualsPath", "StringGreaterThanEqualsPath", "NumericEqualsPath",
        "NumericLessThanPath", "NumericGreaterThanPath", "NumericLessThanEqualsPath",
        "NumericGreaterThanEqualsPath", "BooleanEqualsPath", "TimestampEqualsPath",
        "TimestampLessThanPath", "TimestampGreaterThanPath", "TimestampLessThanEqualsPath",
        "TimestampGreaterThanEqualsPath"}) {
    EXPECT_EQ(diagnose(comparison(op, "\"$.y\"")), lines()) << op;
    EXPECT_EQ(diagnose(comparison(op, "\"$$.Execution.Input.y\"")), lines()) << op;
    EXPECT_EQ(diagnose(comparison(op, "1")), lines("6:" + std::to_string(op.size() + 5) +
                                                   " error FIELD_TYPE /States/C/Choices/0/" + op +
                                                   ": " + op + " must be a JSONPath string"))
        << op;
  }
}

TEST(ChoiceRulesTest, TimestampOperandMustBeRfc3339) {
  EXPECT_EQ(
      diagnose(comparison("TimestampEquals", "\"yesterday\"")),
      lines(
          "6:20 error INVALID_TIMESTAMP /States/C/Choices/0/TimestampEquals: TimestampEquals value "
          "'yesterday' is not an RFC 3339 timestamp such as '2016-03-14T01:59:00Z'"));
}

TEST(ChoiceRulesTest, RuleWithoutComparisonIsInvalid) {
  EXPECT_EQ(diagnose(choice(R"({"Variable": "$.x", "Next": "D"})")),
            lines("5:1 error INVALID_CHOICE_RULE /States/C/Choices/0: a choice rule needs a "
                  "comparison (such as "
                  "'StringEquals') with 'Variable', or 'And', 'Or' or 'Not'"));
}

TEST(ChoiceRulesTest, RuleWithTwoComparisonsIsReportedAtTheSecond) {
  EXPECT_EQ(
      diagnose(choice(R"({"Variable": "$.x", "IsPresent": true, "IsNull": false, "Next": "D"})")),
      lines("5:40 error INVALID_CHOICE_RULE /States/C/Choices/0/IsNull: a choice rule takes "
            "exactly one "
            "comparison or boolean operator; found 'IsPresent' and 'IsNull'"));
}

TEST(ChoiceRulesTest, ComparisonNeedsVariable) {
  EXPECT_EQ(diagnose(choice(R"({"StringEquals": "a", "Next": "D"})")),
            lines("5:1 error MISSING_FIELD /States/C/Choices/0: comparison 'StringEquals' needs "
                  "'Variable'"));
}

TEST(ChoiceRulesTest, VariableCannotGoWithAnd) {
  EXPECT_EQ(
      diagnose(choice(
          R"({"Variable": "$.x", "And": [{"Variable": "$.y", "IsNull": true}], "Next": "D"})")),
      lines("5:2 error INVALID_CHOICE_RULE /States/C/Choices/0/Variable: 'Variable' cannot be used "
            "with 'And'"));
}

TEST(ChoiceRulesTest, VariableMustBeAValidPath) {
  EXPECT_EQ(diagnose(choice(R"({"Variable": 3, "IsNull": true, "Next": "D"})")),
            lines("5:14 error FIELD_TYPE /States/C/Choices/0/Variable: Variable must be a JSONPath "
                  "string"));
}

TEST(ChoiceRulesTest, AndOrMustBeNonEmptyArrays) {
  EXPECT_EQ(diagnose(choice(R"({"And": [], "Next": "D"})")),
            lines("5:9 error INVALID_CHOICE_RULE /States/C/Choices/0/And: And must be a non-empty "
                  "array of choice rules"));
  EXPECT_EQ(diagnose(choice(R"({"Or": {"Variable": "$.x", "IsNull": true}, "Next": "D"})")),
            lines("5:8 error INVALID_CHOICE_RULE /States/C/Choices/0/Or: Or must be a non-empty "
                  "array of choice rules"));
}

TEST(ChoiceRulesTest, NestedRulesAreCheckedLikeTopLevelOnes) {
  EXPECT_EQ(
      diagnose(choice(
          R"({"Or": [{"Variable": "$.x", "IsNull": true}, {"Not": {"Variable": "$.y"}}], "Next": "D"})")),
      lines("5:54 error INVALID_CHOICE_RULE /States/C/Choices/0/Or/1/Not: a choice rule needs a "
            "comparison "
            "(such as 'StringEquals') with 'Variable', or 'And', 'Or' or 'Not'"));
}

TEST(ChoiceRulesTest, NotTakesOneRuleObject) {
  EXPECT_EQ(diagnose(choice(R"({"Not": [{"Variable": "$.x", "IsNull": true}], "Next": "D"})")),
            lines("5:9 error FIELD_TYPE /States/C/Choices/0/Not: a choice rule must be an object"));
}

TEST(ChoiceRulesTest, CorrectBooleanCombinationPasses) {
  EXPECT_EQ(diagnose(choice(R"({"And": [{"Variable": "$.x", "NumericGreaterThan": 1},
{"Or": [{"Not": {"Variable": "$.y", "IsPresent": true}}, {"Variable": "$.y", "StringMatches": "a*"}]}],
"Next": "D", "Comment": "both", "Assign": {"seen": true}})")),
            lines());
}

TEST(ChoiceRulesTest, NextOnlyAtTheTopLevel) {
  EXPECT_EQ(
      diagnose(choice(R"({"Not": {"Variable": "$.x", "IsNull": true, "Next": "D"}, "Next": "D"})")),
      lines("5:45 error UNKNOWN_FIELD /States/C/Choices/0/Not/Next: 'Next' is allowed only in "
            "top-level choice rules"));
}

TEST(ChoiceRulesTest, TopLevelRuleNeedsNext) {
  EXPECT_EQ(
      diagnose(choice(R"({"Variable": "$.x", "IsNull": true})")),
      lines("5:1 error MISSING_FIELD /States/C/Choices/0: a top-level choice rule needs 'Next'"));
}

TEST(ChoiceRulesTest, RuleNextMustBeAString) {
  EXPECT_EQ(
      diagnose(choice(R"({"Variable": "$.x", "IsNull": true, "Next": 1})")),
      lines(
          "5:45 error FIELD_TYPE /States/C/Choices/0/Next: Next must be a string naming a state"));
}

TEST(ChoiceRulesTest, AssignOnlyAtTheTopLevel) {
  EXPECT_EQ(diagnose(choice(
                R"({"Not": {"Variable": "$.x", "IsNull": true, "Assign": {}}, "Next": "D"})")),
            lines("5:45 error UNKNOWN_FIELD /States/C/Choices/0/Not/Assign: field 'Assign' is not "
                  "allowed in a choice rule"));
}

TEST(ChoiceRulesTest, UnknownFieldInARule) {
  EXPECT_EQ(diagnose(choice(R"({"Variable": "$.x", "IsNull": true, "Next": "D", "Else": "D"})")),
            lines("5:50 error UNKNOWN_FIELD /States/C/Choices/0/Else: field 'Else' is not allowed "
                  "in a choice rule"));
}

TEST(ChoiceRulesTest, ConditionBelongsToJsonata) {
  EXPECT_EQ(diagnose(choice(R"({"Condition": "{% true %}", "Next": "D"})")),
            lines("5:1 error INVALID_CHOICE_RULE /States/C/Choices/0: a choice rule needs a "
                  "comparison (such as "
                  "'StringEquals') with 'Variable', or 'And', 'Or' or 'Not'",
                  "5:2 error QUERY_LANGUAGE_FIELD /States/C/Choices/0/Condition: 'Condition' "
                  "belongs to JSONata "
                  "choice rules; this state uses JSONPath"));
}

TEST(ChoiceRulesTest, ChoicesMustBeANonEmptyArray) {
  EXPECT_EQ(
      diagnose(choice("")),
      lines("4:52 error FIELD_VALUE /States/C/Choices: Choices must contain at least one rule"));
  EXPECT_EQ(diagnose(R"({
"StartAt": "C",
"States": {
"C": {"Type": "Choice", "Choices": {}, "Default": "D"},
"D": {"Type": "Succeed"}
}
})"),
            lines("4:36 error FIELD_TYPE /States/C/Choices: Choices must be an array of choice "
                  "rules, not object"));
}

TEST(ChoiceRulesTest, ChoiceWithoutDefaultWarns) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "C",
"States": {
"C": {"Type": "Choice", "Choices": [{"Variable": "$.x", "IsNull": true, "Next": "D"}]},
"D": {"Type": "Succeed"}
}
})"),
            lines("4:6 warning CHOICE_WITHOUT_DEFAULT /States/C: Choice state 'C' has no "
                  "'Default': input that "
                  "matches no rule fails the execution with States.NoChoiceMatched"));
}

TEST(ChoiceRulesTest, JsonataConditionPasses) {
  EXPECT_EQ(
      diagnose(choice(
          R"({"Condition": "{% $states.input.x > 1 %}", "Next": "D", "Output": {"y": 1}, "Assign": {"z": "{% 2 %}"}})",
          ", \"QueryLanguage\": \"JSONata\"")),
      lines());
}

TEST(ChoiceRulesTest, JsonataRuleNeedsCondition) {
  EXPECT_EQ(
      diagnose(choice(R"({"Next": "D"})", ", \"QueryLanguage\": \"JSONata\"")),
      lines(
          "5:1 error MISSING_FIELD /States/C/Choices/0: a JSONata choice rule needs 'Condition'"));
}

TEST(ChoiceRulesTest, JsonataConditionMustBeAnExpression) {
  EXPECT_EQ(diagnose(choice(R"({"Condition": "$states.input.x", "Next": "D"})",
                            ", \"QueryLanguage\": \"JSONata\"")),
            lines("5:15 error FIELD_TYPE /States/C/Choices/0/Condition: Condition must be a {% %} "
                  "JSONata expression "
                  "or a boolean"));
}

TEST(ChoiceRulesTest, JsonPathOperatorsInAJsonataRuleAreRejected) {
  EXPECT_EQ(diagnose(choice(R"({"Condition": "{% true %}", "Variable": "$.x", "Next": "D"})",
                            ", \"QueryLanguage\": \"JSONata\"")),
            lines("5:29 error QUERY_LANGUAGE_FIELD /States/C/Choices/0/Variable: 'Variable' "
                  "belongs to JSONPath "
                  "choice rules; a JSONata rule uses 'Condition'"));
}

} // namespace
} // namespace asl::front
