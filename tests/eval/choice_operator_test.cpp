// ChoiceOperatorKind: names, operand kinds and the literal form of every ...Path operator, all
// read from choice_operators.def.
#include "runtime/eval/choice_operator.h"

#include <gtest/gtest.h>

#include <string>

namespace asl::eval {
namespace {

static_assert(choiceOperatorName(ChoiceOperatorKind::StringEquals) == "StringEquals");
static_assert(choiceLiteralForm(ChoiceOperatorKind::TimestampLessThanEqualsPath) ==
              ChoiceOperatorKind::TimestampLessThanEquals);

TEST(ChoiceOperatorTest, EveryNameReadsBackAsItsOperator) {
  // 16 comparisons, each with a ...Path twin, StringMatches and 6 Is* tests.
  ASSERT_EQ(kChoiceOperatorCount, 39u);
  for (size_t i = 0; i < kChoiceOperatorCount; ++i) {
    auto op = static_cast<ChoiceOperatorKind>(i);
    EXPECT_EQ(choiceOperatorNamed(choiceOperatorName(op)), op) << choiceOperatorName(op);
  }
}

TEST(ChoiceOperatorTest, UnknownNamesAreNoOperator) {
  EXPECT_FALSE(choiceOperatorNamed("StringContains").has_value());
  EXPECT_FALSE(choiceOperatorNamed("stringequals").has_value());
  EXPECT_FALSE(choiceOperatorNamed("").has_value());
  EXPECT_FALSE(choiceOperatorNamed("Variable").has_value());
}

TEST(ChoiceOperatorTest, OperandKindsFollowTheName) {
  EXPECT_EQ(choiceOperandKind(ChoiceOperatorKind::StringLessThan), ChoiceOperandKind::String);
  EXPECT_EQ(choiceOperandKind(ChoiceOperatorKind::NumericEquals), ChoiceOperandKind::Number);
  EXPECT_EQ(choiceOperandKind(ChoiceOperatorKind::BooleanEquals), ChoiceOperandKind::Boolean);
  EXPECT_EQ(choiceOperandKind(ChoiceOperatorKind::TimestampEquals), ChoiceOperandKind::Timestamp);
  EXPECT_EQ(choiceOperandKind(ChoiceOperatorKind::StringMatches), ChoiceOperandKind::Pattern);
  EXPECT_EQ(choiceOperandKind(ChoiceOperatorKind::IsTimestamp), ChoiceOperandKind::TypeTest);
  for (size_t i = 0; i < kChoiceOperatorCount; ++i) {
    auto op = static_cast<ChoiceOperatorKind>(i);
    std::string name(choiceOperatorName(op));
    EXPECT_EQ(choiceOperandKind(op) == ChoiceOperandKind::Path, name.ends_with("Path")) << name;
    EXPECT_EQ(choiceOperandKind(op) == ChoiceOperandKind::TypeTest, name.starts_with("Is")) << name;
  }
}

TEST(ChoiceOperatorTest, PathFormsMapToTheirLiteralTwinOthersToThemselves) {
  for (size_t i = 0; i < kChoiceOperatorCount; ++i) {
    auto op = static_cast<ChoiceOperatorKind>(i);
    std::string name(choiceOperatorName(op));
    ChoiceOperatorKind literal = choiceLiteralForm(op);
    if (choiceOperandKind(op) == ChoiceOperandKind::Path) {
      EXPECT_EQ(std::string(choiceOperatorName(literal)) + "Path", name);
      EXPECT_NE(choiceOperandKind(literal), ChoiceOperandKind::Path) << name;
    } else {
      EXPECT_EQ(literal, op) << name;
    }
  }
}

} // namespace
} // namespace asl::eval
