// Choice rules: JSONPath rules (Variable + one operator, And/Or/Not) and JSONata rules
// (Condition), each with Next at the top level only.
#include "compiler/front/validate_rules.h"

namespace asl::front {
namespace {

enum class OperandKind : uint8_t { String, Number, Boolean, Timestamp, Path, Pattern, TypeTest };

struct ChoiceOperator {
  std::string_view name;
  OperandKind operand;
};

constexpr ChoiceOperator kOperators[] = {
#define ASL_CHOICE_OPERATOR(id, name, operand) {name, OperandKind::operand},
#include "runtime/eval/choice_operators.def"
#undef ASL_CHOICE_OPERATOR
};

const ChoiceOperator* findOperator(std::string_view name) {
  for (const ChoiceOperator& op : kOperators)
    if (op.name == name) return &op;
  return nullptr;
}

class ChoiceChecker {
public:
  ChoiceChecker(ValidationContext& ctx, const StateInfo& state) : ctx_(ctx), t_(ctx.tree), s_(state) {}

  void rule(Node node, bool topLevel, uint32_t depth) {
    if (node.value->kind != JsonKind::Object) {
      ctx_.report(DiagCode::FieldType, "a choice rule must be an object", node);
      return;
    }
    if (depth > ctx_.options.limits.maxNestingDepth) return; // the JSON depth limit reports it
    if (s_.language == QueryLanguageKind::JSONata) jsonataRule(node, topLevel);
    else jsonPathRule(node, topLevel, depth);
  }

private:
  void requireNext(Node node, bool topLevel) {
    const JsonMember* next = t_.find(*node.value, "Next");
    if (topLevel && !next) {
      ctx_.report(DiagCode::MissingField, "a top-level choice rule needs 'Next'", node);
    } else if (next) {
      PointerPath at = node.at->child("Next");
      Node n{&t_.at(next->value), &at};
      if (!topLevel) ctx_.reportKey(DiagCode::UnknownField, "'Next' is allowed only in top-level choice rules", *node.at, *next);
      else if (n.value->kind != JsonKind::String)
        ctx_.report(DiagCode::FieldType, "Next must be a string naming a state", n);
    }
  }

  void jsonataRule(Node node, bool topLevel) {
    requireNext(node, topLevel);
    const JsonMember* condition = nullptr;
    for (const JsonMember& m : t_.members(*node.value)) {
      PointerPath at = node.at->child(m.key);
      Node field{&t_.at(m.value), &at};
      if (m.key == "Condition") {
        condition = &m;
        if (field.value->kind == JsonKind::Bool) continue;
        if (field.value->kind != JsonKind::String || !isJsonataExpression(t_.string(*field.value)))
          ctx_.report(DiagCode::FieldType, "Condition must be a {% %} JSONata expression or a boolean", field);
        else checkJsonataString(ctx_, field);
      } else if (m.key == "Next" || m.key == "Comment") {
        if (m.key == "Comment" && field.value->kind != JsonKind::String)
          ctx_.report(DiagCode::FieldType, "Comment must be a string", field);
      } else if (topLevel && m.key == "Assign") {
        if (field.value->kind != JsonKind::Object) ctx_.report(DiagCode::FieldType, "Assign must be an object", field);
        else validateAssign(ctx_, field, s_.language);
      } else if (topLevel && m.key == "Output") {
        validateJsonataTemplate(ctx_, field);
      } else if (m.key == "Variable" || findOperator(m.key) || m.key == "And" || m.key == "Or" ||
                 m.key == "Not") {
        ctx_.reportKey(DiagCode::QueryLanguageField,
                       quote(m.key) + " belongs to JSONPath choice rules; a JSONata rule uses 'Condition'",
                       *node.at, m);
      } else {
        ctx_.reportKey(DiagCode::UnknownField, "field " + quote(m.key) + " is not allowed in a choice rule", *node.at, m);
      }
    }
    if (!condition) ctx_.report(DiagCode::MissingField, "a JSONata choice rule needs 'Condition'", node);
  }

  void jsonPathRule(Node node, bool topLevel, uint32_t depth) {
    requireNext(node, topLevel);
    const JsonMember* variable = nullptr;
    std::vector<const JsonMember*> tests;
    for (const JsonMember& m : t_.members(*node.value)) {
      PointerPath at = node.at->child(m.key);
      Node field{&t_.at(m.value), &at};
      if (m.key == "Variable") {
        variable = &m;
        if (field.value->kind != JsonKind::String) ctx_.report(DiagCode::FieldType, "Variable must be a JSONPath string", field);
        else checkPath(ctx_, field, PathRuleKind::Path);
      } else if (m.key == "And" || m.key == "Or") {
        tests.push_back(&m);
        if (field.value->kind != JsonKind::Array || field.value->count == 0) {
          ctx_.report(DiagCode::InvalidChoiceRule, std::string(m.key) + " must be a non-empty array of choice rules", field);
          continue;
        }
        uint32_t i = 0;
        for (uint32_t e : t_.elements(*field.value)) {
          PointerPath childAt = at.child(i++);
          rule(Node{&t_.at(e), &childAt}, false, depth + 1);
        }
      } else if (m.key == "Not") {
        tests.push_back(&m);
        rule(field, false, depth + 1);
      } else if (const ChoiceOperator* op = findOperator(m.key)) {
        tests.push_back(&m);
        operand(*op, field);
      } else if (m.key == "Next" || m.key == "Comment") {
        if (m.key == "Comment" && field.value->kind != JsonKind::String)
          ctx_.report(DiagCode::FieldType, "Comment must be a string", field);
      } else if (topLevel && m.key == "Assign") {
        if (field.value->kind != JsonKind::Object) ctx_.report(DiagCode::FieldType, "Assign must be an object", field);
        else validateAssign(ctx_, field, s_.language);
      } else if (m.key == "Condition" || m.key == "Output") {
        ctx_.reportKey(DiagCode::QueryLanguageField,
                       quote(m.key) + " belongs to JSONata choice rules; this state uses JSONPath",
                       *node.at, m);
      } else {
        ctx_.reportKey(DiagCode::UnknownField, "field " + quote(m.key) + " is not allowed in a choice rule", *node.at, m);
      }
    }
    if (tests.empty()) {
      ctx_.report(DiagCode::InvalidChoiceRule,
                  "a choice rule needs a comparison (such as 'StringEquals') with 'Variable', or "
                  "'And', 'Or' or 'Not'",
                  node);
      return;
    }
    if (tests.size() > 1) {
      ctx_.reportKey(DiagCode::InvalidChoiceRule,
                     "a choice rule takes exactly one comparison or boolean operator; found " +
                         quote(tests[0]->key) + " and " + quote(tests[1]->key),
                     *node.at, *tests[1]);
      return;
    }
    bool isComparison = findOperator(tests[0]->key) != nullptr;
    if (isComparison && !variable) {
      ctx_.report(DiagCode::MissingField, "comparison " + quote(tests[0]->key) + " needs 'Variable'", node);
    } else if (!isComparison && variable) {
      ctx_.reportKey(DiagCode::InvalidChoiceRule,
                     "'Variable' cannot be used with " + quote(tests[0]->key), *node.at, *variable);
    }
  }

  void operand(const ChoiceOperator& op, Node field) {
    const JsonValue& v = *field.value;
    switch (op.operand) {
    case OperandKind::String:
    case OperandKind::Pattern:
      if (v.kind != JsonKind::String) ctx_.report(DiagCode::FieldType, std::string(op.name) + " must be a string", field);
      break;
    case OperandKind::Number:
      if (v.kind != JsonKind::Number) ctx_.report(DiagCode::FieldType, std::string(op.name) + " must be a number", field);
      break;
    case OperandKind::Boolean:
    case OperandKind::TypeTest:
      if (v.kind != JsonKind::Bool) ctx_.report(DiagCode::FieldType, std::string(op.name) + " must be true or false", field);
      break;
    case OperandKind::Timestamp:
      if (v.kind != JsonKind::String) ctx_.report(DiagCode::FieldType, std::string(op.name) + " must be a timestamp string", field);
      else if (!isAslTimestamp(t_.string(v)))
        ctx_.report(DiagCode::InvalidTimestamp,
                    std::string(op.name) + " value " + quote(t_.string(v)) +
                        " is not an RFC 3339 timestamp such as '2016-03-14T01:59:00Z'",
                    field);
      break;
    case OperandKind::Path:
      if (v.kind != JsonKind::String) ctx_.report(DiagCode::FieldType, std::string(op.name) + " must be a JSONPath string", field);
      else checkPath(ctx_, field, PathRuleKind::Path);
      break;
    }
  }

  ValidationContext& ctx_;
  const JsonTree& t_;
  const StateInfo& s_;
};

} // namespace

void validateChoiceRules(ValidationContext& ctx, const StateInfo& state, Node choices) {
  const JsonTree& t = ctx.tree;
  if (choices.value->count == 0) {
    ctx.report(DiagCode::FieldValue, "Choices must contain at least one rule", choices);
    return;
  }
  ChoiceChecker checker(ctx, state);
  uint32_t i = 0;
  for (uint32_t e : t.elements(*choices.value)) {
    PointerPath at = choices.at->child(i++);
    checker.rule(Node{&t.at(e), &at}, true, 0);
  }
  if (!t.find(*state.object, "Default")) {
    ctx.report(DiagCode::ChoiceWithoutDefault,
               "Choice state " + quote(state.name) +
                   " has no 'Default': input that matches no rule fails the execution with "
                   "States.NoChoiceMatched",
               Node{state.object, state.at});
  }
}

} // namespace asl::front
