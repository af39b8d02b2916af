// Payload templates: ".$" keys, key collisions, the NO_DOLLAR warning, Assign names, JSONata
// templates and the SUSPICIOUS_JSONATA warning.
#include <gtest/gtest.h>

#include "validator_test_util.h"

namespace asl::front {
namespace {

using test::diagnose;
using test::lines;
using test::Lines;

// A Pass "A" on line 4 with `fields` on line 5.
std::string pass(const std::string& fields, const std::string& language = "JSONPath") {
  return "{\n\"StartAt\": \"A\",\n\"States\": {\n\"A\": {\"Type\": \"Pass\", \"QueryLanguage\": "
         "\"" +
         language + "\", \"End\": true,\n" + fields + "}\n}\n}";
}

TEST(PayloadRulesTest, CorrectTemplatePasses) {
  EXPECT_EQ(
      diagnose(pass(R"~("Parameters": {"id.$": "$.id", "ctx.$": "$$.Execution.Id", "v.$": "$$.Map.Item.Value",
"f.$": "States.Format('{} items', $.n)", "nested": {"list": [{"x.$": "$.x"}, 1, "plain"]}, "literal": "hello"})~")),
      lines());
}

TEST(PayloadRulesTest, DollarKeyValueMustBeAString) {
  EXPECT_EQ(diagnose(pass(R"("Parameters": {"id.$": 5})")),
            lines("5:24 error FIELD_TYPE /States/A/Parameters/id.$: the value of 'id.$' must be a "
                  "JSONPath or "
                  "intrinsic function string"));
}

TEST(PayloadRulesTest, DollarKeyValueMustBeAPathOrIntrinsic) {
  EXPECT_EQ(diagnose(pass(R"("Parameters": {"id.$": "id"})")),
            lines("5:25 error INVALID_PATH /States/A/Parameters/id.$: 'id' is neither a JSONPath "
                  "(starting with '$') "
                  "nor an intrinsic function call (States.*)"));
}

TEST(PayloadRulesTest, PlainKeyAndDollarKeyCollide) {
  EXPECT_EQ(diagnose(pass(R"("Parameters": {"a": 1, "a.$": "$.a"})")),
            lines("5:24 error DUPLICATE_KEY /States/A/Parameters/a.$: keys 'a' and 'a.$' both "
                  "produce the field 'a'"));
  EXPECT_EQ(diagnose(pass(R"("Parameters": {"a.$": "$.a", "a": 1})")),
            lines("5:30 error DUPLICATE_KEY /States/A/Parameters/a: keys 'a' and 'a.$' both "
                  "produce the field 'a'"));
}

TEST(PayloadRulesTest, PathLikeLiteralWarnsNoDollar) {
  EXPECT_EQ(
      diagnose(pass(
          R"~("Parameters": {"id": "$.id", "n": {"ctx": "$$.Execution.Id"}, "f": ["States.Format('{}', $.x)"]})~")),
      lines("5:22 warning NO_DOLLAR /States/A/Parameters/id: the value of 'id' looks like a path "
            "or intrinsic "
            "function but is a literal string; name the field 'id.$' to evaluate it",
            "5:43 warning NO_DOLLAR /States/A/Parameters/n/ctx: the value of 'ctx' looks like a "
            "path or "
            "intrinsic function but is a literal string; name the field 'ctx.$' to evaluate it"));
}

TEST(PayloadRulesTest, ResultSelectorIsATemplateToo) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "T",
"States": {
"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true,
"ResultSelector": {"p.$": "Payload"}}
}
})"),
            lines("5:28 error INVALID_PATH /States/T/ResultSelector/p.$: 'Payload' is neither a "
                  "JSONPath (starting "
                  "with '$') nor an intrinsic function call (States.*)"));
}

TEST(PayloadRulesTest, AssignNamesThatCannotBeReadBackWarn) {
  EXPECT_EQ(diagnose(pass(R"("Assign": {"1st": 1, "a-b": 2, "ok_1": 3, "caf\u00e9": 4})")),
            lines("5:12 warning UNREFERENCABLE_VARIABLE /States/A/Assign/1st: variable name '1st' "
                  "cannot be read "
                  "back as $name: use letters, digits and '_', not starting with a digit",
                  "5:22 warning UNREFERENCABLE_VARIABLE /States/A/Assign/a-b: variable name 'a-b' "
                  "cannot be read back "
                  "as $name: use letters, digits and '_', not starting with a digit"));
}

TEST(PayloadRulesTest, AssignNameStatesIsReserved) {
  EXPECT_EQ(diagnose(pass(R"("Assign": {"states": 1})")),
            lines("5:12 error FIELD_VALUE /States/A/Assign/states: 'states' is reserved: $states "
                  "holds the state's "
                  "input, result and context"));
}

TEST(PayloadRulesTest, JsonPathAssignTakesDollarKeys) {
  EXPECT_EQ(diagnose(pass(
                R"~("Assign": {"x.$": "$.x", "y.$": "States.MathAdd($.a, 1)", "z": {"k": [1]}})~")),
            lines());
  EXPECT_EQ(diagnose(pass(R"("Assign": {"x.$": 1})")),
            lines("5:19 error FIELD_TYPE /States/A/Assign/x.$: the value of 'x.$' must be a "
                  "JSONPath or intrinsic "
                  "function string"));
}

// Assign {"x": "$.x"} stores the literal string like Parameters does, so it deserves the same
// warning.
TEST(PayloadRulesTest, AssignPathLikeLiteralWarnsNoDollar) {
  Lines found = diagnose(pass(R"("Assign": {"x": "$.x"})"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].substr(0, found[0].find(':', 5)), "5:17 warning NO_DOLLAR /States/A/Assign/x");
}

TEST(PayloadRulesTest, CorrectJsonataTemplatePasses) {
  EXPECT_EQ(
      diagnose(pass(
          R"("Output": {"a": "{% $states.input.a %}", "b": ["{% 1 + 2 %}", "$.literal", 3], "c": "100%"},
"Assign": {"n": "{% $count(items) %}", "s.$": "plain"})",
          "JSONata")),
      lines("6:40 warning UNREFERENCABLE_VARIABLE /States/A/Assign/s.$: variable name 's.$' cannot "
            "be read back "
            "as $name: use letters, digits and '_', not starting with a digit"));
}

TEST(PayloadRulesTest, JsonataTemplateExpressionsAreParsed) {
  EXPECT_EQ(diagnose(pass(R"("Output": {"a": "{% 1 + %}"})", "JSONata")).size(), 1u);
  Lines found = diagnose(pass(R"("Output": {"a": "{% 1 + %}"})", "JSONata"));
  EXPECT_EQ(found[0].substr(0, found[0].find(':', 5)),
            "5:25 error INVALID_JSONATA /States/A/Output/a");
}

TEST(PayloadRulesTest, EmptyJsonataExpressionIsInvalid) {
  EXPECT_EQ(diagnose(pass(R"("Output": "{%   %}")", "JSONata")),
            lines("5:14 error INVALID_JSONATA /States/A/Output: the JSONata expression between {% "
                  "and %} is empty"));
}

TEST(PayloadRulesTest, UnterminatedJsonataWarnsSuspicious) {
  EXPECT_EQ(diagnose(pass(R"("Output": {"a": "{% $states.input"})", "JSONata")),
            lines("5:17 warning SUSPICIOUS_JSONATA /States/A/Output/a: this string starts with "
                  "'{%' but does not "
                  "end with '%}', so it is a literal string, not a JSONata expression"));
}

} // namespace
} // namespace asl::front
