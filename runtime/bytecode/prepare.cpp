#include "runtime/bytecode/prepare.h"

namespace asl::bc {
namespace {

Result<eval::ChoiceCondition, std::string> conditionOf(const ChoiceRule& rule) {
  auto children = [&]() -> Result<std::vector<eval::ChoiceCondition>, std::string> {
    std::vector<eval::ChoiceCondition> out;
    for (const ChoiceRule& child : rule.children) {
      auto c = conditionOf(child);
      if (!c.ok()) return fail(std::move(c).error());
      out.push_back(std::move(c).value());
    }
    return out;
  };
  switch (rule.kind) {
  case ChoiceRule::Kind::Compare: {
    if (!rule.variable || !rule.variable->path)
      return fail(std::string("a comparison has no Variable path"));
    auto op = static_cast<eval::ChoiceOperatorKind>(rule.op);
    if (rule.operandPath) {
      if (!rule.operandPath->path)
        return fail(std::string("a ...Path comparison has no operand path"));
      return eval::makeChoicePathComparison(op, rule.variable->path, rule.operandPath->path);
    }
    return eval::makeChoiceComparison(op, rule.variable->path, rule.operand);
  }
  case ChoiceRule::Kind::And:
  case ChoiceRule::Kind::Or: {
    auto list = children();
    if (!list.ok()) return fail(std::move(list).error());
    if (list->empty()) return fail(std::string("And/Or without rules"));
    return rule.kind == ChoiceRule::Kind::And ? eval::makeChoiceAnd(std::move(list).value())
                                              : eval::makeChoiceOr(std::move(list).value());
  }
  case ChoiceRule::Kind::Not: {
    auto list = children();
    if (!list.ok()) return fail(std::move(list).error());
    if (list->size() != 1) return fail(std::string("Not needs exactly one rule"));
    return eval::makeChoiceNot(std::move(list->front()));
  }
  case ChoiceRule::Kind::Condition:
    return eval::ChoiceCondition{};
  }
  return fail(std::string("unknown rule kind"));
}

} // namespace

Result<void> prepareProgram(Program& program) {
  for (size_t c = 0; c < program.choices.size(); ++c) {
    Choice& choice = program.choices[c];
    choice.prepared.clear();
    for (size_t r = 0; r < choice.rules.size(); ++r) {
      auto condition = conditionOf(choice.rules[r]);
      if (!condition.ok())
        return fail(makeDiagnostic(DiagCode::InvalidChoiceRule, "choice " + std::to_string(c) +
                                                                    ", rule " + std::to_string(r) +
                                                                    ": " + condition.error()));
      choice.prepared.push_back(std::move(condition).value());
    }
  }
  return {};
}

} // namespace asl::bc
