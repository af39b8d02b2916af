// evaluate(ChoiceCondition): every operator on matching and mismatched types, the ...Path
// forms, missing paths and AWS's States.Runtime cause, And/Or/Not and their short circuits.
#include "runtime/eval/choice_eval.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "choice_test_support.h"

namespace asl::eval {
namespace {

using choice_test::documentResolver;
using choice_test::json;
using choice_test::memberPath;

ChoiceCondition compare(std::string_view op, std::string_view variable, std::string_view operand) {
  ChoiceOperatorKind kind = *choiceOperatorNamed(op);
  auto built = choiceOperandKind(kind) == ChoiceOperandKind::Path
                   ? makeChoicePathComparison(kind, memberPath(variable), memberPath(operand))
                   : makeChoiceComparison(kind, memberPath(variable), json(operand));
  EXPECT_TRUE(built.ok()) << op << " " << operand;
  return built.ok() ? *built : ChoiceCondition{};
}

// One comparison: `variable` is the value at $.v and `operand` the JSON literal, or for the
// ...Path forms the value at $.o.
struct CompareCase {
  const char* op;
  const char* variable;
  const char* operand;
  bool holds;
};

void PrintTo(const CompareCase& c, std::ostream* out) {
  *out << c.op << " " << c.variable << " " << c.operand << " -> " << (c.holds ? "true" : "false");
}

class ChoiceCompareTest : public ::testing::TestWithParam<CompareCase> {};

TEST_P(ChoiceCompareTest, HoldsAsAwsDecides) {
  const CompareCase& c = GetParam();
  ChoiceOperatorKind kind = *choiceOperatorNamed(c.op);
  bool pathForm = choiceOperandKind(kind) == ChoiceOperandKind::Path;
  Value input = json(std::string(R"({"v":)") + c.variable + R"(,"o":)" +
                     (pathForm ? c.operand : "null") + "}");
  ChoiceCondition rule = compare(c.op, "$.v", pathForm ? "$.o" : c.operand);
  ExecResult<bool> result = evaluate(rule, documentResolver(input));
  ASSERT_TRUE(result.ok()) << result.error().cause;
  EXPECT_EQ(*result, c.holds) << c.op << " " << c.variable << " " << c.operand;
}

INSTANTIATE_TEST_SUITE_P(
    Strings, ChoiceCompareTest,
    ::testing::Values(CompareCase{"StringEquals", R"("Hello")", R"("Hello")", true},
                      CompareCase{"StringEquals", R"("hello")", R"("Hello")", false},
                      CompareCase{"StringEquals", R"(" ")", R"("     ")", false},
                      CompareCase{"StringEquals", R"("\t\n")", R"("\t\r\n")", false},
                      CompareCase{"StringEquals", R"("")", R"("")", true},
                      CompareCase{"StringEquals", R"("\u00e9")", R"("\u00e9")", true},
                      CompareCase{"StringLessThan", R"("A")", R"("AB")", true},
                      CompareCase{"StringLessThan", R"("AB")", R"("A")", false},
                      CompareCase{"StringLessThan", R"("")", R"("")", false},
                      CompareCase{"StringLessThan", R"("Z")", R"("a")", true},
                      CompareCase{"StringGreaterThan", R"("A")", R"("A ")", false},
                      CompareCase{"StringGreaterThan", R"("b")", R"("a")", true},
                      CompareCase{"StringLessThanEquals", R"("A")", R"("A")", true},
                      CompareCase{"StringLessThanEquals", R"("AB")", R"("A")", false},
                      CompareCase{"StringGreaterThanEquals", R"("")", R"("")", true},
                      CompareCase{"StringGreaterThanEquals", R"("A")", R"("AB")", false},
                      // UTF-16 order: U+1F600 (a surrogate pair) sorts below U+FF21.
                      CompareCase{"StringLessThan", R"("\ud83d\ude00")", R"("\uff21")", true},
                      CompareCase{"StringGreaterThan", R"("\uff21")", R"("\ud83d\ude00")", true},
                      CompareCase{"StringEqualsPath", R"("Hello")", R"("Hello")", true},
                      CompareCase{"StringEqualsPath", R"(" ")", R"("     ")", false},
                      CompareCase{"StringLessThanPath", R"("A")", R"("AB")", true},
                      CompareCase{"StringGreaterThanPath", R"("AB")", R"("ABC")", false},
                      CompareCase{"StringLessThanEqualsPath", R"("")", R"("")", true},
                      CompareCase{"StringGreaterThanEqualsPath", R"("AB")", R"("A")", true},
                      CompareCase{"StringMatches", R"("log-2023.txt")", R"("log-*.txt")", true},
                      CompareCase{"StringMatches", R"("log-2023.csv")", R"("log-*.txt")", false},
                      CompareCase{"StringMatches", R"("a*")", R"("a\\*")", true},
                      CompareCase{"StringMatches", R"("ab")", R"("a\\*")", false},
                      CompareCase{"StringMatches", R"("a\\b")", R"("a\\\\b")", true}));

INSTANTIATE_TEST_SUITE_P(
    Numbers, ChoiceCompareTest,
    ::testing::Values(
        CompareCase{"NumericEquals", "1", "1", true},
        CompareCase{"NumericEquals", "1", "1.0", true},
        CompareCase{"NumericEquals", "0.0", "0", true},
        CompareCase{"NumericEquals", "2.22", "2.22", true},
        CompareCase{"NumericEquals", "1.1", "1", false},
        CompareCase{"NumericEquals", "-0.0", "0", true},
        CompareCase{"NumericEquals", "1e2", "100", true},
        // Integers beyond 2^53 are compared exactly, not through doubles.
        CompareCase{"NumericEquals", "9007199254740993", "9007199254740992.0", false},
        CompareCase{"NumericGreaterThan", "9007199254740993", "9007199254740992.0", true},
        CompareCase{"NumericLessThan", "9007199254740992.0", "9007199254740993", true},
        CompareCase{"NumericLessThan", "9223372036854775807", "1e19", true},
        CompareCase{"NumericGreaterThan", "-9223372036854775808", "-1e19", true},
        CompareCase{"NumericLessThan", "-1", "-0.5", true},
        CompareCase{"NumericLessThan", "0", "-0.5", false},
        CompareCase{"NumericGreaterThan", "1", "0.5", true},
        CompareCase{"NumericLessThan", "0", "1", true},
        CompareCase{"NumericLessThan", "1", "1", false},
        CompareCase{"NumericGreaterThan", "0.0", "0", false},
        CompareCase{"NumericLessThanEquals", "1", "1", true},
        CompareCase{"NumericLessThanEquals", "1", "0", false},
        CompareCase{"NumericGreaterThanEquals", "0.0", "0", true},
        CompareCase{"NumericGreaterThanEquals", "0", "1", false},
        CompareCase{"NumericEqualsPath", "1", "1.0", true},
        CompareCase{"NumericEqualsPath", "0.0", "1.0", false},
        CompareCase{"NumericLessThanPath", "0", "1", true},
        CompareCase{"NumericGreaterThanPath", "1", "0", true},
        CompareCase{"NumericLessThanEqualsPath", "1", "0", false},
        CompareCase{"NumericGreaterThanEqualsPath", "0.0", "0", true}));

INSTANTIATE_TEST_SUITE_P(Booleans, ChoiceCompareTest,
                         ::testing::Values(CompareCase{"BooleanEquals", "true", "true", true},
                                           CompareCase{"BooleanEquals", "false", "false", true},
                                           CompareCase{"BooleanEquals", "false", "true", false},
                                           CompareCase{"BooleanEqualsPath", "false", "false", true},
                                           CompareCase{"BooleanEqualsPath", "true", "false",
                                                       false}));

INSTANTIATE_TEST_SUITE_P(
    Timestamps, ChoiceCompareTest,
    ::testing::Values(
        CompareCase{"TimestampEquals", R"("2012-10-09T19:00:55Z")", R"("2012-10-09T19:00:55Z")",
                    true},
        CompareCase{"TimestampEquals", R"("2012-10-09T20:00:55+01:00")",
                    R"("2012-10-09T19:00:55Z")", true},
        CompareCase{"TimestampEquals", R"("2012-10-09T19:00:55.000Z")", R"("2012-10-09T19:00:55Z")",
                    true},
        CompareCase{"TimestampEquals", R"("2012-10-09T19:00:55.001Z")", R"("2012-10-09T19:00:55Z")",
                    false},
        CompareCase{"TimestampLessThan", R"("2012-10-09T19:00:55Z")", R"("2012-10-09T19:00:56Z")",
                    true},
        CompareCase{"TimestampLessThan", R"("2012-10-09T19:00:55Z")", R"("2012-10-09T19:00:55Z")",
                    false},
        // By instant, not by text: 20:00+01:00 is before 19:30Z.
        CompareCase{"TimestampLessThan", R"("2012-10-09T20:00:00+01:00")",
                    R"("2012-10-09T19:30:00Z")", true},
        CompareCase{"TimestampGreaterThan", R"("2012-10-09T19:00:56Z")",
                    R"("2012-10-09T19:00:55Z")", true},
        CompareCase{"TimestampGreaterThan", R"("2012-10-09T19:00:55.5Z")",
                    R"("2012-10-09T19:00:55Z")", true},
        CompareCase{"TimestampLessThanEquals", R"("2012-10-09T19:00:55Z")",
                    R"("2012-10-09T19:00:55Z")", true},
        CompareCase{"TimestampGreaterThanEquals", R"("2012-10-09T19:00:55Z")",
                    R"("2012-10-09T19:00:56Z")", false},
        CompareCase{"TimestampEqualsPath", R"("2012-10-09T19:00:55Z")", R"("2012-10-09T19:00:55Z")",
                    true},
        CompareCase{"TimestampLessThanPath", R"("2012-10-09T19:00:55Z")",
                    R"("2012-10-09T19:00:56Z")", true},
        CompareCase{"TimestampGreaterThanPath", R"("2012-10-09T19:00:55Z")",
                    R"("2012-10-09T19:00:56Z")", false},
        CompareCase{"TimestampLessThanEqualsPath", R"("2012-10-09T19:00:56Z")",
                    R"("2012-10-09T19:00:55Z")", false},
        CompareCase{"TimestampGreaterThanEqualsPath", R"("2012-10-09T19:00:55Z")",
                    R"("2012-10-09T19:00:55Z")", true},
        // A string that is not a timestamp, on either side of a ...Path form, is false.
        CompareCase{"TimestampEquals", R"("2023-02-24 12:15:56.832957")",
                    R"("2012-10-09T19:00:55Z")", false},
        CompareCase{"TimestampLessThan", R"("2012-10-09T19:00:55")", R"("2099-01-01T00:00:00Z")",
                    false},
        CompareCase{"TimestampGreaterThanEquals", R"("")", R"("1970-01-01T00:00:00Z")", false},
        CompareCase{"TimestampEqualsPath", R"("2012-10-09T19:00:55Z")", R"("2012-10-09")", false},
        CompareCase{"TimestampLessThanPath", R"("junk")", R"("2012-10-09T19:00:55Z")", false},
        CompareCase{"TimestampLessThanPath", R"("2012-10-09T19:00:55Z")", "1", false}));

// A value of the wrong type makes every comparison false, never an error; the recorded AWS
// executions check each kind of JSON value against each operator.
INSTANTIATE_TEST_SUITE_P(
    TypeMismatches, ChoiceCompareTest,
    ::testing::Values(CompareCase{"StringEquals", "null", R"("HelloWorld")", false},
                      CompareCase{"StringEquals", "0", R"("0")", false},
                      CompareCase{"StringEquals", "true", R"("true")", false},
                      CompareCase{"StringEquals", "[]", R"("HelloWorld")", false},
                      CompareCase{"StringEquals", R"([""])", R"("")", false},
                      CompareCase{"StringEquals", "{}", R"("HelloWorld")", false},
                      CompareCase{"StringLessThan", "1", R"("2")", false},
                      CompareCase{"StringGreaterThanEquals", "null", R"("")", false},
                      CompareCase{"StringMatches", "1", R"("*")", false},
                      CompareCase{"StringMatches", "null", R"("*")", false},
                      CompareCase{"NumericEquals", R"("1")", "1", false},
                      CompareCase{"NumericEquals", "true", "1", false},
                      CompareCase{"NumericEquals", "false", "0", false},
                      CompareCase{"NumericEquals", "null", "0", false},
                      CompareCase{"NumericEquals", "[]", "0", false},
                      CompareCase{"NumericEquals", R"({"A":0})", "0", false},
                      CompareCase{"NumericLessThan", R"("")", "1", false},
                      CompareCase{"NumericGreaterThanEquals", "[1]", "0", false},
                      CompareCase{"BooleanEquals", "0", "false", false},
                      CompareCase{"BooleanEquals", "1", "true", false},
                      CompareCase{"BooleanEquals", R"("true")", "true", false},
                      CompareCase{"BooleanEquals", R"("")", "false", false},
                      CompareCase{"BooleanEquals", "null", "false", false},
                      CompareCase{"BooleanEquals", "{}", "false", false},
                      CompareCase{"TimestampEquals", "0", R"("1970-01-01T00:00:00Z")", false},
                      CompareCase{"TimestampEquals", "null", R"("2012-10-09T19:00:55Z")", false},
                      CompareCase{"TimestampEquals", R"(["2012-10-09T19:00:55Z"])",
                                  R"("2012-10-09T19:00:55Z")", false},
                      // The ...Path forms need both sides of the operator's type.
                      CompareCase{"StringEqualsPath", R"("1")", "1", false},
                      CompareCase{"StringLessThanPath", "1", R"("2")", false},
                      CompareCase{"NumericEqualsPath", "null", "0", false},
                      CompareCase{"NumericEqualsPath", "0", R"("0")", false},
                      CompareCase{"NumericGreaterThanPath", R"({"A":0})", "0", false},
                      CompareCase{"BooleanEqualsPath", R"([""])", "false", false},
                      CompareCase{"BooleanEqualsPath", "false", "0", false},
                      CompareCase{"BooleanEqualsPath", "null", "null", false}));

// Is* tests: the type check, compared with the operand.
INSTANTIATE_TEST_SUITE_P(
    TypeTests, ChoiceCompareTest,
    ::testing::Values(
        CompareCase{"IsNull", "null", "true", true}, CompareCase{"IsNull", "null", "false", false},
        CompareCase{"IsNull", R"("")", "true", false}, CompareCase{"IsNull", "0", "false", true},
        CompareCase{"IsNull", "{}", "false", true}, CompareCase{"IsNumeric", "0", "true", true},
        CompareCase{"IsNumeric", "1.1", "true", true},
        CompareCase{"IsNumeric", R"("1")", "true", false},
        CompareCase{"IsNumeric", "false", "false", true},
        CompareCase{"IsNumeric", "0.0", "false", false},
        CompareCase{"IsString", R"("")", "true", true},
        CompareCase{"IsString", R"("2012-10-09T19:00:55Z")", "true", true},
        CompareCase{"IsString", "null", "true", false},
        CompareCase{"IsString", R"([""])", "true", false},
        CompareCase{"IsString", "0", "false", true}, CompareCase{"IsBoolean", "true", "true", true},
        CompareCase{"IsBoolean", "false", "true", true},
        CompareCase{"IsBoolean", "0", "true", false},
        CompareCase{"IsBoolean", R"("true")", "false", true},
        CompareCase{"IsBoolean", "null", "false", true},
        CompareCase{"IsTimestamp", R"("2012-10-09T19:00:55Z")", "true", true},
        CompareCase{"IsTimestamp", R"("2012-10-09T19:00:55.123+01:00")", "true", true},
        CompareCase{"IsTimestamp", R"("2012-10-09T19:00:55")", "true", false},
        CompareCase{"IsTimestamp", R"("2023-02-24")", "true", false},
        CompareCase{"IsTimestamp", R"("2012-10-09t19:00:55z")", "true", false},
        CompareCase{"IsTimestamp", "0", "true", false},
        CompareCase{"IsTimestamp", "null", "false", true},
        CompareCase{"IsTimestamp", R"("2012-10-09T19:00:55Z")", "false", false},
        CompareCase{"IsPresent", "null", "true", true},
        CompareCase{"IsPresent", R"("")", "true", true},
        CompareCase{"IsPresent", "{}", "false", false}));

TEST(ChoiceEvalTest, IsPresentOnAMissingPathIsAnAnswerNotAnError) {
  auto resolve = documentResolver(json(R"({"a":{"b":null}})"));
  EXPECT_EQ(*evaluate(compare("IsPresent", "$.missing", "false"), resolve), true);
  EXPECT_EQ(*evaluate(compare("IsPresent", "$.missing", "true"), resolve), false);
  EXPECT_EQ(*evaluate(compare("IsPresent", "$.a.missing", "true"), resolve), false);
  EXPECT_EQ(*evaluate(compare("IsPresent", "$.a.b.c", "true"), resolve), false);
  EXPECT_EQ(*evaluate(compare("IsPresent", "$.a.b", "true"), resolve), true);
}

// Every operator but IsPresent raises States.Runtime on a Variable that selects nothing.
std::vector<ChoiceOperatorKind> operatorsButIsPresent() {
  std::vector<ChoiceOperatorKind> ops;
  for (size_t i = 0; i < kChoiceOperatorCount; ++i)
    if (static_cast<ChoiceOperatorKind>(i) != ChoiceOperatorKind::IsPresent)
      ops.push_back(static_cast<ChoiceOperatorKind>(i));
  return ops;
}

class ChoiceMissingVariableTest : public ::testing::TestWithParam<ChoiceOperatorKind> {};

TEST_P(ChoiceMissingVariableTest, RaisesStatesRuntimeWithAwsCause) {
  ChoiceOperatorKind op = GetParam();
  std::string_view operand;
  switch (choiceOperandKind(op)) {
  case ChoiceOperandKind::String:
    operand = R"("x")";
    break;
  case ChoiceOperandKind::Number:
    operand = "1";
    break;
  case ChoiceOperandKind::Boolean:
  case ChoiceOperandKind::TypeTest:
    operand = "true";
    break;
  case ChoiceOperandKind::Timestamp:
    operand = R"("2012-10-09T19:00:55Z")";
    break;
  case ChoiceOperandKind::Pattern:
    operand = R"("*")";
    break;
  case ChoiceOperandKind::Path:
    operand = "$.o";
    break;
  }
  ChoiceCondition rule = compare(choiceOperatorName(op), "$.no.such.variable", operand);
  ExecResult<bool> result = evaluate(rule, documentResolver(json(R"({"o":"x"})")));
  ASSERT_FALSE(result.ok()) << choiceOperatorName(op);
  EXPECT_EQ(result.error().error, "States.Runtime");
  EXPECT_EQ(result.error().cause, "Invalid path '$.no.such.variable': The choice state's "
                                  "condition path references an invalid value.");
}

std::string operatorName(const ::testing::TestParamInfo<ChoiceOperatorKind>& param) {
  return std::string(choiceOperatorName(param.param));
}

INSTANTIATE_TEST_SUITE_P(EveryOperatorButIsPresent, ChoiceMissingVariableTest,
                         ::testing::ValuesIn(operatorsButIsPresent()), operatorName);

TEST(ChoiceEvalTest, PathFormsRaiseWhenTheOperandPathSelectsNothing) {
  ExecResult<bool> result = evaluate(compare("NumericEqualsPath", "$.v", "$.Value"),
                                     documentResolver(json(R"({"v":1})")));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().error, "States.Runtime");
  EXPECT_EQ(
      result.error().cause,
      "Invalid path '$.Value': The choice state's condition path references an invalid value.");
}

TEST(ChoiceEvalTest, TheVariableIsLookedUpBeforeTheOperandPath) {
  ExecResult<bool> result =
      evaluate(compare("StringEqualsPath", "$.v", "$.o"), documentResolver(json("{}")));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().cause,
            "Invalid path '$.v': The choice state's condition path references an invalid value.");
}

TEST(ChoiceEvalTest, ContextPathsResolveThroughTheCaller) {
  auto resolve = documentResolver(json("{}"), json(R"({"Execution":{"Input":{"n":0}}})"));
  EXPECT_EQ(*evaluate(compare("NumericLessThanEquals", "$$.Execution.Input.n", "0"), resolve),
            true);
  ExecResult<bool> missing =
      evaluate(compare("NumericEquals", "$$.Execution.Input.m", "0"), resolve);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().cause, "Invalid path '$$.Execution.Input.m': The choice state's "
                                   "condition path references an invalid value.");
}

TEST(ChoiceEvalTest, MissingCauseFallsBackToTheCanonicalPathWhenNoSourceIsKept) {
  Path path = *memberPath("$.a.b");
  path.source.clear();
  EXPECT_EQ(choicePathMissingCause(path),
            "Invalid path '$['a']['b']': The choice state's condition path references an invalid "
            "value.");
}

TEST(ChoiceEvalTest, ResolverErrorsPropagateUnchanged) {
  ChoicePathResolver failing = [](const Path&) -> ExecResult<std::optional<Value>> {
    return raise(StateErrorId::QueryEvaluationError, "boom");
  };
  for (const char* op : {"IsPresent", "StringEquals"}) {
    ExecResult<bool> result = evaluate(
        compare(op, "$.v", std::string_view(op) == "IsPresent" ? "true" : R"("x")"), failing);
    ASSERT_FALSE(result.ok()) << op;
    EXPECT_EQ(result.error().error, "States.QueryEvaluationError") << op;
    EXPECT_EQ(result.error().cause, "boom") << op;
  }
  // A failure looking up the operand path of a ...Path form propagates too.
  ChoicePathResolver operandFails = [](const Path& path) -> ExecResult<std::optional<Value>> {
    if (path.source == "$.o") return raise(StateErrorId::QueryEvaluationError, "operand");
    return std::optional<Value>(Value::integer(1));
  };
  ExecResult<bool> result = evaluate(compare("NumericEqualsPath", "$.v", "$.o"), operandFails);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().cause, "operand");
}

// Combinators over $.t (true), $.f (false) and $.gone (missing, so evaluating it raises).
class ChoiceCombinatorTest : public ::testing::Test {
protected:
  ChoiceCondition truth() { return compare("BooleanEquals", "$.t", "true"); }
  ChoiceCondition falsity() { return compare("BooleanEquals", "$.f", "true"); }
  ChoiceCondition raising() { return compare("BooleanEquals", "$.gone", "true"); }
  static std::vector<ChoiceCondition> list(ChoiceCondition a, ChoiceCondition b) {
    std::vector<ChoiceCondition> v;
    v.push_back(std::move(a));
    v.push_back(std::move(b));
    return v;
  }
  ExecResult<bool> run(const ChoiceCondition& c) { return evaluate(c, resolve_); }
  ChoicePathResolver resolve_ = documentResolver(json(R"({"t":true,"f":false})"));
};

TEST_F(ChoiceCombinatorTest, AndHoldsWhenEveryChildHolds) {
  EXPECT_TRUE(*run(makeChoiceAnd(list(truth(), truth()))));
  EXPECT_FALSE(*run(makeChoiceAnd(list(truth(), falsity()))));
  EXPECT_FALSE(*run(makeChoiceAnd(list(falsity(), truth()))));
}

TEST_F(ChoiceCombinatorTest, OrHoldsWhenAnyChildHolds) {
  EXPECT_TRUE(*run(makeChoiceOr(list(falsity(), truth()))));
  EXPECT_TRUE(*run(makeChoiceOr(list(truth(), falsity()))));
  EXPECT_FALSE(*run(makeChoiceOr(list(falsity(), falsity()))));
}

TEST_F(ChoiceCombinatorTest, NotInverts) {
  EXPECT_FALSE(*run(makeChoiceNot(truth())));
  EXPECT_TRUE(*run(makeChoiceNot(falsity())));
  EXPECT_TRUE(*run(makeChoiceNot(makeChoiceNot(truth()))));
}

TEST_F(ChoiceCombinatorTest, AndStopsAtTheFirstFalseChild) {
  EXPECT_FALSE(*run(makeChoiceAnd(list(falsity(), raising()))));
  ExecResult<bool> reached = run(makeChoiceAnd(list(truth(), raising())));
  ASSERT_FALSE(reached.ok());
  EXPECT_EQ(reached.error().error, "States.Runtime");
}

TEST_F(ChoiceCombinatorTest, OrStopsAtTheFirstTrueChild) {
  EXPECT_TRUE(*run(makeChoiceOr(list(truth(), raising()))));
  ExecResult<bool> reached = run(makeChoiceOr(list(falsity(), raising())));
  ASSERT_FALSE(reached.ok());
  EXPECT_EQ(reached.error().error, "States.Runtime");
}

TEST_F(ChoiceCombinatorTest, NotPassesErrorsThrough) {
  ExecResult<bool> result = run(makeChoiceNot(raising()));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(
      result.error().cause,
      "Invalid path '$.gone': The choice state's condition path references an invalid value.");
}

TEST_F(ChoiceCombinatorTest, TheDocumentedIsPresentGuardAvoidsTheError) {
  // AWS's guide: StringEquals is evaluated only if the key exists, thanks to IsPresent first.
  ChoiceCondition guarded = makeChoiceAnd(
      list(compare("IsPresent", "$.gone", "true"), compare("StringEquals", "$.gone", R"("foo")")));
  EXPECT_FALSE(*run(guarded));
}

TEST_F(ChoiceCombinatorTest, NestedCombinatorsEvaluateInsideOut) {
  // Not(Or(false, And(true, Not(false)))) = Not(true) = false
  ChoiceCondition nested = makeChoiceNot(
      makeChoiceOr(list(falsity(), makeChoiceAnd(list(truth(), makeChoiceNot(falsity()))))));
  EXPECT_FALSE(*run(nested));
}

} // namespace
} // namespace asl::eval
