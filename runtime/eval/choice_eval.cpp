// Choice-rule evaluation: And/Or/Not with short circuits, and every comparison operator with
// AWS's rule that a value of the wrong type makes a comparison false.
#include "runtime/eval/choice_eval.h"

#include <cmath>
#include <compare>
#include <cstdint>
#include <limits>

#include "runtime/eval/utf16_order.h"

namespace asl::eval {
namespace {

enum class ValueFamily : uint8_t { String, Number, Boolean, Timestamp };
enum class Relation : uint8_t { Equals, LessThan, GreaterThan, LessThanEquals, GreaterThanEquals };

struct Comparison {
  ValueFamily family;
  Relation relation;
};

// What a literal-form comparison operator compares, and how.
Comparison comparisonOf(ChoiceOperatorKind op) {
  using K = ChoiceOperatorKind;
  switch (op) {
  case K::StringEquals:
    return {ValueFamily::String, Relation::Equals};
  case K::StringLessThan:
    return {ValueFamily::String, Relation::LessThan};
  case K::StringGreaterThan:
    return {ValueFamily::String, Relation::GreaterThan};
  case K::StringLessThanEquals:
    return {ValueFamily::String, Relation::LessThanEquals};
  case K::StringGreaterThanEquals:
    return {ValueFamily::String, Relation::GreaterThanEquals};
  case K::NumericEquals:
    return {ValueFamily::Number, Relation::Equals};
  case K::NumericLessThan:
    return {ValueFamily::Number, Relation::LessThan};
  case K::NumericGreaterThan:
    return {ValueFamily::Number, Relation::GreaterThan};
  case K::NumericLessThanEquals:
    return {ValueFamily::Number, Relation::LessThanEquals};
  case K::NumericGreaterThanEquals:
    return {ValueFamily::Number, Relation::GreaterThanEquals};
  case K::BooleanEquals:
    return {ValueFamily::Boolean, Relation::Equals};
  case K::TimestampEquals:
    return {ValueFamily::Timestamp, Relation::Equals};
  case K::TimestampLessThan:
    return {ValueFamily::Timestamp, Relation::LessThan};
  case K::TimestampGreaterThan:
    return {ValueFamily::Timestamp, Relation::GreaterThan};
  case K::TimestampLessThanEquals:
    return {ValueFamily::Timestamp, Relation::LessThanEquals};
  case K::TimestampGreaterThanEquals:
    return {ValueFamily::Timestamp, Relation::GreaterThanEquals};
  default:
    break; // Path forms, StringMatches and Is* tests are not ordered comparisons
  }
  return {ValueFamily::String, Relation::Equals};
}

bool satisfies(std::partial_ordering order, Relation relation) {
  switch (relation) {
  case Relation::Equals:
    return order == 0;
  case Relation::LessThan:
    return order < 0;
  case Relation::GreaterThan:
    return order > 0;
  case Relation::LessThanEquals:
    return order <= 0;
  case Relation::GreaterThanEquals:
    return order >= 0;
  }
  return false;
}

// An integer against a double, exactly: converting the integer to double would round values
// above 2^53 and could call two different numbers equal.
std::partial_ordering compareIntegerWithDouble(int64_t i, double d) {
  constexpr double kTwoTo63 = 9223372036854775808.0;
  if (d >= kTwoTo63) return std::partial_ordering::less;
  if (d < -kTwoTo63) return std::partial_ordering::greater;
  double whole = std::trunc(d);
  auto wholeInteger = static_cast<int64_t>(whole); // exact: |whole| < 2^63
  if (i != wholeInteger) return i <=> wholeInteger;
  return 0.0 <=> d - whole;
}

std::partial_ordering compareNumbers(const Value& a, const Value& b) {
  if (a.isInteger() && b.isInteger()) return a.asInteger() <=> b.asInteger();
  if (a.isInteger()) return compareIntegerWithDouble(a.asInteger(), b.asDouble());
  if (b.isInteger()) return 0 <=> compareIntegerWithDouble(b.asInteger(), a.asDouble());
  return a.asDouble() <=> b.asDouble();
}

std::optional<Instant> timestampOf(const Value& v) {
  if (!v.isString()) return std::nullopt;
  return parseTimestamp(v.asString());
}

// A literal-form comparison of two values; false when either has the wrong type.
bool holds(Comparison c, const Value& variable, const Value& operand) {
  switch (c.family) {
  case ValueFamily::String:
    if (!variable.isString() || !operand.isString()) return false;
    if (c.relation == Relation::Equals) return variable.asString() == operand.asString();
    return satisfies(compareUtf16(variable.asString(), operand.asString()), c.relation);
  case ValueFamily::Number:
    if (!variable.isNumber() || !operand.isNumber()) return false;
    return satisfies(compareNumbers(variable, operand), c.relation);
  case ValueFamily::Boolean:
    return variable.isBool() && operand.isBool() && variable.asBool() == operand.asBool();
  case ValueFamily::Timestamp: {
    std::optional<Instant> left = timestampOf(variable);
    std::optional<Instant> right = timestampOf(operand);
    return left && right && satisfies(*left <=> *right, c.relation);
  }
  }
  return false;
}

bool passesTypeTest(ChoiceOperatorKind op, const Value& v) {
  switch (op) {
  case ChoiceOperatorKind::IsNull:
    return v.isNull();
  case ChoiceOperatorKind::IsNumeric:
    return v.isNumber();
  case ChoiceOperatorKind::IsString:
    return v.isString();
  case ChoiceOperatorKind::IsBoolean:
    return v.isBool();
  case ChoiceOperatorKind::IsTimestamp:
    return timestampOf(v).has_value();
  default:
    return false;
  }
}

// The value `path` selects; States.Runtime when it selects nothing.
ExecResult<Value> lookUpRequired(const Path& path, const ChoicePathResolver& resolve) {
  ExecResult<std::optional<Value>> found = resolve(path);
  if (!found) return fail(std::move(found).error());
  if (!found->has_value()) return raise(StateErrorId::Runtime, choicePathMissingCause(path));
  return std::move(**found);
}

ExecResult<bool> evaluateComparison(const ChoiceCondition& c, const ChoicePathResolver& resolve) {
  if (c.op == ChoiceOperatorKind::IsPresent) {
    ExecResult<std::optional<Value>> found = resolve(*c.variable);
    if (!found) return fail(std::move(found).error());
    return found->has_value() == std::get<Value>(c.operand).asBool();
  }
  ExecResult<Value> variable = lookUpRequired(*c.variable, resolve);
  if (!variable) return fail(std::move(variable).error());

  if (const auto* operandPath = std::get_if<std::shared_ptr<const Path>>(&c.operand)) {
    ExecResult<Value> operand = lookUpRequired(**operandPath, resolve);
    if (!operand) return fail(std::move(operand).error());
    return holds(comparisonOf(choiceLiteralForm(c.op)), *variable, *operand);
  }
  if (const auto* instant = std::get_if<Instant>(&c.operand)) {
    std::optional<Instant> value = timestampOf(*variable);
    return value && satisfies(*value <=> *instant, comparisonOf(c.op).relation);
  }
  if (const auto* pattern = std::get_if<StringPattern>(&c.operand))
    return variable->isString() && pattern->matches(variable->asString());

  const Value& literal = std::get<Value>(c.operand);
  if (choiceOperandKind(c.op) == ChoiceOperandKind::TypeTest)
    return passesTypeTest(c.op, *variable) == literal.asBool();
  return holds(comparisonOf(c.op), *variable, literal);
}

} // namespace

ExecResult<bool> evaluate(const ChoiceCondition& condition, const ChoicePathResolver& resolve) {
  switch (condition.kind) {
  case ChoiceConditionKind::Compare:
    return evaluateComparison(condition, resolve);
  case ChoiceConditionKind::And:
  case ChoiceConditionKind::Or: {
    // And stops at the first false child, Or at the first true one.
    const bool decisive = condition.kind == ChoiceConditionKind::Or;
    for (const ChoiceCondition& child : condition.children) {
      ExecResult<bool> result = evaluate(child, resolve);
      if (!result || *result == decisive) return result;
    }
    return !decisive;
  }
  case ChoiceConditionKind::Not: {
    ExecResult<bool> result = evaluate(condition.children.front(), resolve);
    if (!result) return result;
    return !*result;
  }
  }
  return false;
}

std::string choicePathMissingCause(const Path& path) {
  const std::string& text = path.source.empty() ? path.toString() : path.source;
  return "Invalid path '" + text +
         "': The choice state's condition path references an invalid value.";
}

} // namespace asl::eval
