// The Choice-rule comparison operators as a type, read from choice_operators.def: the runtime
// evaluates them and the compiler's IR names them with the same enum.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string_view>

namespace asl::eval {

enum class ChoiceOperatorKind : uint8_t {
#define ASL_CHOICE_OPERATOR(id, name, operand) id,
#include "runtime/eval/choice_operators.def"
#undef ASL_CHOICE_OPERATOR
};

/// What an operator's operand is, the third column of choice_operators.def.
enum class ChoiceOperandKind : uint8_t {
  String,    ///< a string literal
  Number,    ///< a number literal
  Boolean,   ///< true or false (BooleanEquals)
  Timestamp, ///< an RFC 3339 timestamp string literal
  Path,      ///< a path to the other value (the ...Path forms)
  Pattern,   ///< a glob with `*` wildcards (StringMatches)
  TypeTest,  ///< true or false: whether the variable should pass the Is* test
};

namespace detail {
struct ChoiceOperatorInfo {
  std::string_view name;
  ChoiceOperandKind operand;
};
inline constexpr ChoiceOperatorInfo kChoiceOperators[] = {
#define ASL_CHOICE_OPERATOR(id, name, operand) {name, ChoiceOperandKind::operand},
#include "runtime/eval/choice_operators.def"
#undef ASL_CHOICE_OPERATOR
};
} // namespace detail

/// Every operator, for tables and tests.
inline constexpr size_t kChoiceOperatorCount = std::size(detail::kChoiceOperators);

/// "StringEquals" for ChoiceOperatorKind::StringEquals, and so on.
constexpr std::string_view choiceOperatorName(ChoiceOperatorKind op) {
  return detail::kChoiceOperators[static_cast<size_t>(op)].name;
}

constexpr ChoiceOperandKind choiceOperandKind(ChoiceOperatorKind op) {
  return detail::kChoiceOperators[static_cast<size_t>(op)].operand;
}

/// The operator spelled `name` in a definition, if it is one.
constexpr std::optional<ChoiceOperatorKind> choiceOperatorNamed(std::string_view name) {
  for (size_t i = 0; i < kChoiceOperatorCount; ++i)
    if (detail::kChoiceOperators[i].name == name) return static_cast<ChoiceOperatorKind>(i);
  return std::nullopt;
}

/// For a ...Path form, the operator that compares with a literal instead (StringEqualsPath ->
/// StringEquals); any other operator is returned as is. The two forms differ only in where the
/// operand comes from, so evaluation shares one comparison.
constexpr ChoiceOperatorKind choiceLiteralForm(ChoiceOperatorKind op) {
  if (choiceOperandKind(op) != ChoiceOperandKind::Path) return op;
  std::string_view name = choiceOperatorName(op);
  name.remove_suffix(std::string_view("Path").size());
  return *choiceOperatorNamed(name);
}

} // namespace asl::eval
