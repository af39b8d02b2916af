// Evaluates JSONPath Choice rules as AWS does: which rule holds for a state's input, or the
// States.Runtime error AWS raises when a rule's path selects nothing.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "asl/value.h"
#include "runtime/eval/choice_condition.h"
#include "runtime/eval/exec_error.h"
#include "runtime/eval/path.h"

namespace asl::eval {

/// Looks a rule's path up (the Variable, or the operand of a ...Path form) against whatever
/// the path reads: the state's input, the context object, workflow variables. Returns the
/// selected value, nothing when the path selects no node, or an error to raise as is.
/// Supplied by the caller so that rule evaluation does not depend on the JSONPath evaluator.
using ChoicePathResolver = std::function<ExecResult<std::optional<Value>>(const Path&)>;

/// Whether `condition` holds.
///
/// As AWS evaluates rules:
/// - A value of the wrong type makes a comparison false, never an error: StringEquals on a
///   number, NumericEquals on "1", TimestampEquals on a string that is not a timestamp (on
///   either side of a TimestampEqualsPath), a ...Path form whose operand has the wrong type.
/// - Numbers compare by value whether integers or not (1 equals 1.0); strings compare by
///   UTF-16 code units as Java does (utf16_order.h); timestamps compare as instants, so
///   offsets count ("2020-01-01T01:00:00+01:00" equals "2020-01-01T00:00:00Z").
/// - Is* tests check the type (IsTimestamp: a string parseTimestamp accepts) and hold when
///   the result equals the operand, so `"IsNull": false` holds for every non-null value.
/// - IsPresent is the one operator that tolerates a Variable selecting nothing. For any other
///   comparison, a Variable or a ...Path operand that selects nothing raises States.Runtime
///   with choicePathMissingCause (the Variable is looked up first).
/// - And and Or stop at the first child that decides them, so a later child's missing path
///   raises nothing: `And: [IsPresent, StringEquals]` on the same path is the documented idiom.
ExecResult<bool> evaluate(const ChoiceCondition& condition, const ChoicePathResolver& resolve);

/// The cause of the States.Runtime error a rule raises when `path` selects nothing, without
/// the "An error occurred while executing the state ..." prefix the executor adds:
///   Invalid path '$.foo': The choice state's condition path references an invalid value.
/// The path appears as written in the definition.
std::string choicePathMissingCause(const Path& path);

} // namespace asl::eval
