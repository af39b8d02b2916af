// The parser's intermediate tree: what the Pratt parser builds before post-parse processing
// turns it into the evaluator's tree (runtime/eval/jsonata/ast.h). Private to this folder.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runtime/eval/jsonata/ast.h"

namespace asl::lang::jsonata {

enum class RawKind : uint8_t {
  String, Number, True, False, Null, Regex, Name, Variable,
  KeywordName,  ///< and/or/in used where an operand is expected: a field name
  Placeholder,  ///< `?` argument of a partial application
  End,          ///< the end of input where an operand was expected
  Binary,       ///< op: arithmetic, comparison, . [ { ^ := @ # ~> ..
  Negate, ArrayCons, ObjectCons, Wildcard, Descendant, Parent,
  Call, Partial, Lambda, Condition, Elvis, Coalesce, Block, Transform,
};

struct RawNode;
using RawPtr = std::unique_ptr<RawNode>;

struct RawSortTerm {
  bool descending = false;
  RawPtr expr;
};

struct RawNode {
  RawKind kind = RawKind::Null;
  std::string text;   ///< operator, name, variable, string value, regex pattern, number text
  std::string flags;  ///< regex flags
  double number = 0;
  uint32_t start = 0;
  uint32_t position = 0;
  uint32_t height = 1;  ///< longest path to a leaf, bounded so later recursion is safe
  bool keepArray = false;

  RawPtr lhs, rhs, third;  ///< Binary lhs/rhs; Negate lhs; Condition lhs ? rhs : third;
                           ///< Transform lhs | rhs , third |; Call procedure = lhs; Lambda body = rhs
  std::vector<RawPtr> items;  ///< array items, block expressions, call arguments, lambda params
  std::vector<std::pair<RawPtr, RawPtr>> pairs;  ///< object constructor / group-by
  std::vector<RawSortTerm> terms;                ///< order-by
  std::optional<eval::jsonata::Signature> signature;
};

} // namespace asl::lang::jsonata
