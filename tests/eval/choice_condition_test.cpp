// makeChoiceComparison and friends: operands prepared for evaluation, and operands that do not
// fit their operator refused with a message naming both.
#include "runtime/eval/choice_condition.h"

#include <gtest/gtest.h>

#include <ostream>
#include <utility>
#include <variant>
#include <vector>

#include "choice_test_support.h"

namespace asl::eval {
namespace {

using choice_test::json;
using choice_test::memberPath;

TEST(ChoiceConditionTest, TimestampLiteralsAreParsedOnce) {
  auto built = makeChoiceComparison(ChoiceOperatorKind::TimestampEquals, memberPath("$.t"),
                                    json(R"("2012-10-09T20:00:55+01:00")"));
  ASSERT_TRUE(built.ok());
  EXPECT_EQ(built->kind, ChoiceConditionKind::Compare);
  ASSERT_TRUE(std::holds_alternative<Instant>(built->operand));
  EXPECT_EQ(std::get<Instant>(built->operand).epochSeconds, 1349809255);
}

TEST(ChoiceConditionTest, StringMatchesPatternsAreCompiledOnce) {
  auto built = makeChoiceComparison(ChoiceOperatorKind::StringMatches, memberPath("$.s"),
                                    json(R"("log-*.txt")"));
  ASSERT_TRUE(built.ok());
  ASSERT_TRUE(std::holds_alternative<StringPattern>(built->operand));
  EXPECT_EQ(std::get<StringPattern>(built->operand).source(), "log-*.txt");
}

TEST(ChoiceConditionTest, OtherLiteralsAreKeptAsValues) {
  for (auto [op, literal] : {std::pair{ChoiceOperatorKind::StringEquals, R"("x")"},
                             std::pair{ChoiceOperatorKind::NumericLessThan, "1.5"},
                             std::pair{ChoiceOperatorKind::BooleanEquals, "false"},
                             std::pair{ChoiceOperatorKind::IsNull, "true"},
                             std::pair{ChoiceOperatorKind::IsPresent, "false"}}) {
    auto built = makeChoiceComparison(op, memberPath("$.v"), json(literal));
    ASSERT_TRUE(built.ok()) << choiceOperatorName(op);
    ASSERT_TRUE(std::holds_alternative<Value>(built->operand));
    EXPECT_EQ(std::get<Value>(built->operand), json(literal));
    EXPECT_EQ(built->op, op);
    EXPECT_EQ(built->variable->source, "$.v");
  }
}

struct MisfitCase {
  ChoiceOperatorKind op;
  const char* literal;
  const char* message;
};

void PrintTo(const MisfitCase& c, std::ostream* out) {
  *out << choiceOperatorName(c.op) << " " << c.literal;
}

class ChoiceConditionMisfitTest : public ::testing::TestWithParam<MisfitCase> {};

TEST_P(ChoiceConditionMisfitTest, IsRefusedWithAMessage) {
  const MisfitCase& c = GetParam();
  auto built = makeChoiceComparison(c.op, memberPath("$.v"), json(c.literal));
  ASSERT_FALSE(built.ok());
  EXPECT_EQ(built.error(), c.message);
}

INSTANTIATE_TEST_SUITE_P(
    Operands, ChoiceConditionMisfitTest,
    ::testing::Values(
        MisfitCase{ChoiceOperatorKind::StringEquals, "1", "StringEquals needs a string, not 1"},
        MisfitCase{ChoiceOperatorKind::NumericEquals, R"("1")",
                   R"(NumericEquals needs a number, not "1")"},
        MisfitCase{ChoiceOperatorKind::BooleanEquals, "null",
                   "BooleanEquals needs true or false, not null"},
        MisfitCase{ChoiceOperatorKind::IsString, "1", "IsString needs true or false, not 1"},
        MisfitCase{ChoiceOperatorKind::TimestampLessThan, R"("2016-03-14")",
                   R"(TimestampLessThan needs an RFC 3339 timestamp, not "2016-03-14")"},
        MisfitCase{ChoiceOperatorKind::TimestampLessThan, "0",
                   "TimestampLessThan needs an RFC 3339 timestamp, not 0"},
        MisfitCase{ChoiceOperatorKind::StringMatches, "[]", "StringMatches needs a string, not []"},
        MisfitCase{ChoiceOperatorKind::StringEqualsPath, R"("$.o")",
                   "StringEqualsPath takes a path, not a literal"}));

TEST(ChoiceConditionTest, ComparisonsNeedAVariable) {
  auto literal = makeChoiceComparison(ChoiceOperatorKind::IsNull, nullptr, json("true"));
  ASSERT_FALSE(literal.ok());
  EXPECT_EQ(literal.error(), "IsNull needs a Variable path");
  auto path =
      makeChoicePathComparison(ChoiceOperatorKind::NumericEqualsPath, nullptr, memberPath("$.o"));
  ASSERT_FALSE(path.ok());
  EXPECT_EQ(path.error(), "NumericEqualsPath needs a Variable path");
}

TEST(ChoiceConditionTest, PathFormsKeepTheOperandPath) {
  auto built = makeChoicePathComparison(ChoiceOperatorKind::NumericEqualsPath, memberPath("$.v"),
                                        memberPath("$.o"));
  ASSERT_TRUE(built.ok());
  ASSERT_TRUE(std::holds_alternative<std::shared_ptr<const Path>>(built->operand));
  EXPECT_EQ(std::get<std::shared_ptr<const Path>>(built->operand)->source, "$.o");
}

TEST(ChoiceConditionTest, PathComparisonsRefuseLiteralOperatorsAndMissingPaths) {
  auto literal = makeChoicePathComparison(ChoiceOperatorKind::NumericEquals, memberPath("$.v"),
                                          memberPath("$.o"));
  ASSERT_FALSE(literal.ok());
  EXPECT_EQ(literal.error(), "NumericEquals takes a literal, not a path");
  auto missing =
      makeChoicePathComparison(ChoiceOperatorKind::NumericEqualsPath, memberPath("$.v"), nullptr);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error(), "NumericEqualsPath needs a path");
}

TEST(ChoiceConditionTest, CombinatorsHoldTheirChildren) {
  auto leaf = [] {
    return *makeChoiceComparison(ChoiceOperatorKind::IsPresent, memberPath("$.v"), json("true"));
  };
  std::vector<ChoiceCondition> two;
  two.push_back(leaf());
  two.push_back(leaf());
  ChoiceCondition conjunction = makeChoiceAnd(two);
  EXPECT_EQ(conjunction.kind, ChoiceConditionKind::And);
  EXPECT_EQ(conjunction.children.size(), 2u);
  ChoiceCondition disjunction = makeChoiceOr(std::move(two));
  EXPECT_EQ(disjunction.kind, ChoiceConditionKind::Or);
  EXPECT_EQ(disjunction.children.size(), 2u);
  ChoiceCondition negation = makeChoiceNot(leaf());
  EXPECT_EQ(negation.kind, ChoiceConditionKind::Not);
  ASSERT_EQ(negation.children.size(), 1u);
  EXPECT_EQ(negation.children[0].op, ChoiceOperatorKind::IsPresent);
}

} // namespace
} // namespace asl::eval
