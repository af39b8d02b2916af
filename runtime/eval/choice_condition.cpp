// Building Choice-rule trees: each comparison's operand checked against its operator and
// prepared for evaluation.
#include "runtime/eval/choice_condition.h"

#include <utility>

#include "runtime/value/json_writer.h"

namespace asl::eval {
namespace {

std::string mismatch(ChoiceOperatorKind op, std::string_view needs, const Value& literal) {
  return std::string(choiceOperatorName(op)) + " needs " + std::string(needs) + ", not " +
         toJson(literal);
}

ChoiceCondition comparison(ChoiceOperatorKind op, std::shared_ptr<const Path> variable,
                           ChoiceOperand operand) {
  ChoiceCondition c;
  c.kind = ChoiceConditionKind::Compare;
  c.op = op;
  c.variable = std::move(variable);
  c.operand = std::move(operand);
  return c;
}

ChoiceCondition combination(ChoiceConditionKind kind, std::vector<ChoiceCondition> children) {
  ChoiceCondition c;
  c.kind = kind;
  c.children = std::move(children);
  return c;
}

} // namespace

Result<ChoiceCondition, std::string> makeChoiceComparison(ChoiceOperatorKind op,
                                                          std::shared_ptr<const Path> variable,
                                                          const Value& literal) {
  if (!variable) return fail(std::string(choiceOperatorName(op)) + " needs a Variable path");
  switch (choiceOperandKind(op)) {
  case ChoiceOperandKind::String:
    if (!literal.isString()) return fail(mismatch(op, "a string", literal));
    return comparison(op, std::move(variable), literal);
  case ChoiceOperandKind::Number:
    if (!literal.isNumber()) return fail(mismatch(op, "a number", literal));
    return comparison(op, std::move(variable), literal);
  case ChoiceOperandKind::Boolean:
  case ChoiceOperandKind::TypeTest:
    if (!literal.isBool()) return fail(mismatch(op, "true or false", literal));
    return comparison(op, std::move(variable), literal);
  case ChoiceOperandKind::Timestamp: {
    std::optional<Instant> instant;
    if (literal.isString()) instant = parseTimestamp(literal.asString());
    if (!instant) return fail(mismatch(op, "an RFC 3339 timestamp", literal));
    return comparison(op, std::move(variable), *instant);
  }
  case ChoiceOperandKind::Pattern:
    if (!literal.isString()) return fail(mismatch(op, "a string", literal));
    return comparison(op, std::move(variable), StringPattern(literal.asString()));
  case ChoiceOperandKind::Path:
    return fail(std::string(choiceOperatorName(op)) + " takes a path, not a literal");
  }
  return fail(std::string("unknown Choice operator"));
}

Result<ChoiceCondition, std::string>
makeChoicePathComparison(ChoiceOperatorKind op, std::shared_ptr<const Path> variable,
                         std::shared_ptr<const Path> operandPath) {
  if (!variable) return fail(std::string(choiceOperatorName(op)) + " needs a Variable path");
  if (choiceOperandKind(op) != ChoiceOperandKind::Path)
    return fail(std::string(choiceOperatorName(op)) + " takes a literal, not a path");
  if (!operandPath) return fail(std::string(choiceOperatorName(op)) + " needs a path");
  return comparison(op, std::move(variable), std::move(operandPath));
}

ChoiceCondition makeChoiceAnd(std::vector<ChoiceCondition> children) {
  return combination(ChoiceConditionKind::And, std::move(children));
}

ChoiceCondition makeChoiceOr(std::vector<ChoiceCondition> children) {
  return combination(ChoiceConditionKind::Or, std::move(children));
}

ChoiceCondition makeChoiceNot(ChoiceCondition child) {
  std::vector<ChoiceCondition> children;
  children.push_back(std::move(child));
  return combination(ChoiceConditionKind::Not, std::move(children));
}

} // namespace asl::eval
