// Expression errors (JSONPath, intrinsic functions, JSONata) are located at the offending
// character inside the string, counting escapes and multi-byte characters in the source.
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

TEST(ExpressionLocationTest, PathErrorPointsInsideTheString) {
  EXPECT_EQ(diagnose(pass(R"("InputPath": "$.a[")")),
            lines("5:19 error INVALID_PATH /States/A/InputPath: expected ']' to close the bracket "
                  "opened at character 4"));
}

TEST(ExpressionLocationTest, ReferencePathRejectsFilters) {
  EXPECT_EQ(diagnose(pass(R"("ResultPath": "$.a[?(@.x)]")")),
            lines("5:19 error INVALID_PATH /States/A/ResultPath: reference paths allow only "
                  "'.name', \"['name']\" and "
                  "'[index]' segments; found a filter"));
}

TEST(ExpressionLocationTest, ResultPathRejectsVariables) {
  EXPECT_EQ(
      diagnose(pass(R"("ResultPath": "$v.x")")),
      lines("5:16 error INVALID_PATH /States/A/ResultPath: variables ('$v') are not allowed here"));
}

TEST(ExpressionLocationTest, EscapesBeforeTheErrorAreCountedInTheSource) {
  // "\u0041" is one character once decoded but six in the file: the column is the file's.
  EXPECT_EQ(diagnose(pass(R"("ResultPath": "$['\u0041\"'][?(@.x)]")")),
            lines("5:29 error INVALID_PATH /States/A/ResultPath: reference paths allow only "
                  "'.name', \"['name']\" and "
                  "'[index]' segments; found a filter"));
}

TEST(ExpressionLocationTest, MultiByteCharactersCountAsOneColumn) {
  EXPECT_EQ(diagnose(pass("\"ResultPath\": \"$.caf\xC3\xA9[?(@.x)]\"")),
            lines("5:22 error INVALID_PATH /States/A/ResultPath: reference paths allow only "
                  "'.name', \"['name']\" and "
                  "'[index]' segments; found a filter"));
}

TEST(ExpressionLocationTest, UnknownIntrinsicIsLocated) {
  EXPECT_EQ(diagnose(pass(R"~("Parameters": {"x.$": "States.Nope($.a)"})~")),
            lines("5:24 error INVALID_INTRINSIC /States/A/Parameters/x.$: unknown intrinsic "
                  "function 'States.Nope'"));
}

TEST(ExpressionLocationTest, IntrinsicArityIsChecked) {
  EXPECT_EQ(diagnose(pass(R"~("Parameters": {"x.$": "States.MathAdd($.a)"})~")),
            lines("5:24 error INVALID_INTRINSIC /States/A/Parameters/x.$: States.MathAdd takes 2 "
                  "arguments, got 1"));
}

TEST(ExpressionLocationTest, IntrinsicErrorAfterAnEscapedQuoteIsLocated) {
  // The error is at the closing quote: column 49 counts the two bytes of the escaped quote.
  EXPECT_EQ(diagnose(pass(R"~("Parameters": {"x.$": "States.Format('a\"b', $.a"})~")),
            lines("5:49 error INVALID_INTRINSIC /States/A/Parameters/x.$: expected ')' to close "
                  "the '(' at character 14"));
}

TEST(ExpressionLocationTest, JsonataErrorPointsAtTheToken) {
  // '*' is JSONata's wildcard, so the parser stops at the '2' after it.
  EXPECT_EQ(diagnose(pass(R"("Output": "{% $states.input.a + * 2 %}")", "JSONata")),
            lines("5:35 error INVALID_JSONATA /States/A/Output: S0201: syntax error: 2"));
}

TEST(ExpressionLocationTest, JsonataErrorAfterEscapesIsLocated) {
  EXPECT_EQ(diagnose(pass(R"("Output": "{% \"a\\\"b\" & ) %}")", "JSONata")),
            lines("5:28 error INVALID_JSONATA /States/A/Output: S0211: the symbol \")\" cannot be "
                  "used as a unary operator"));
}

TEST(ExpressionLocationTest, ChoiceVariableErrorIsLocated) {
  EXPECT_EQ(diagnose(R"({
"StartAt": "C",
"States": {
"C": {"Type": "Choice", "Default": "D", "Choices": [
{"Variable": "$.a[", "IsNull": true, "Next": "D"}]},
"D": {"Type": "Succeed"}
}
})"),
            lines("5:19 error INVALID_PATH /States/C/Choices/0/Variable: expected ']' to close the "
                  "bracket opened at "
                  "character 4"));
}

TEST(ExpressionLocationTest, ChoiceConditionErrorIsLocated) {
  EXPECT_EQ(diagnose(R"({
"QueryLanguage": "JSONata",
"StartAt": "C",
"States": {
"C": {"Type": "Choice", "Default": "D", "Choices": [
{"Condition": "{% $states.input.a = %}", "Next": "D"}]},
"D": {"Type": "Succeed"}
}
})"),
            lines("6:37 error INVALID_JSONATA /States/C/Choices/0/Condition: S0207: unexpected end "
                  "of expression"));
}

// Positions in messages count characters of the expression, since the diagnostic's own
// line:column already locates the problem in the file.
TEST(ExpressionLocationTest, MessagesCountCharactersOfTheExpression) {
  Lines found = diagnose(pass(R"("InputPath": "$.a[")"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_NE(found[0].find("opened at character 4"), std::string::npos) << found[0];
}

} // namespace
} // namespace asl::front
