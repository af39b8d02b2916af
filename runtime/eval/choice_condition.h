// The runtime's Choice-rule tree (JSONPath Choice states): comparisons with their operands
// prepared once (timestamps parsed, patterns compiled), combined with And, Or and Not.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "asl/result.h"
#include "asl/value.h"
#include "runtime/eval/choice_operator.h"
#include "runtime/eval/path.h"
#include "runtime/eval/string_match.h"
#include "runtime/eval/timestamp.h"

namespace asl::eval {

enum class ChoiceConditionKind : uint8_t { Compare, And, Or, Not };

/// What a comparison compares the variable with, by the operator's ChoiceOperandKind:
///   String, Number, Boolean, TypeTest  the literal Value (a string, number or bool)
///   Timestamp                          the literal, parsed
///   Pattern                            the literal, compiled
///   Path                               the path whose value is the operand
using ChoiceOperand = std::variant<Value, std::shared_ptr<const Path>, StringPattern, Instant>;

/// One node of a rule. Build comparisons with makeChoiceComparison, which checks that the
/// operand fits the operator; evaluate with evaluateChoice (choice_eval.h).
struct ChoiceCondition {
  ChoiceConditionKind kind = ChoiceConditionKind::Compare;
  ChoiceOperatorKind op = ChoiceOperatorKind::IsPresent; ///< Compare
  std::shared_ptr<const Path> variable;                  ///< Compare: the Variable field
  ChoiceOperand operand;                                 ///< Compare
  std::vector<ChoiceCondition> children;                 ///< And, Or: one or more; Not: one
};

/// Builds a comparison with a literal operand as the definition writes it: a string for the
/// String, Timestamp and StringMatches operators, a number for the Numeric ones, a bool for
/// BooleanEquals and the Is* tests. `variable` must be set.
///
/// The validator rejects definitions whose operands do not fit, so an error here means a
/// caller built a rule the validator never saw; its message says what does not fit, e.g.
/// "TimestampEquals needs an RFC 3339 timestamp, not '2016-03-14'".
Result<ChoiceCondition, std::string> makeChoiceComparison(ChoiceOperatorKind op,
                                                          std::shared_ptr<const Path> variable,
                                                          const Value& literal);
/// The ...Path forms (StringEqualsPath and the others); an error for any other operator.
Result<ChoiceCondition, std::string>
makeChoicePathComparison(ChoiceOperatorKind op, std::shared_ptr<const Path> variable,
                         std::shared_ptr<const Path> operandPath);

ChoiceCondition makeChoiceAnd(std::vector<ChoiceCondition> children);
ChoiceCondition makeChoiceOr(std::vector<ChoiceCondition> children);
ChoiceCondition makeChoiceNot(ChoiceCondition child);

} // namespace asl::eval
