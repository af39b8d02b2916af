// Pieces of path evaluation shared by its source files (walker, filters, functions); not an
// interface for other modules.
#pragma once

#include <optional>
#include <string_view>

#include "asl/value.h"
#include "runtime/eval/path.h"
#include "runtime/eval/path_eval.h"

namespace asl::eval::detail {

/// What a path inside a filter or script may refer to besides `@`.
struct FilterScope {
  const PathRoots& roots;
  const Value& document; ///< `$` inside a filter: the document the outer path started from
};

/// Selects `path` with `@` bound to `current` (filters and scripts). Inside filters a member
/// `length` of an array reads its size, so that `@.length-1` works as in Goessner's JSONPath.
PathOutcome selectInFilter(const Path& path, const Value& current, const FilterScope& scope);

/// True when the filter expression holds for `current`. Jayway rules: a lone path tests that
/// the path exists; comparisons with a missing value are false (so `!=` is true); `=~` matches
/// the whole string.
bool filterAccepts(const FilterExpr& expr, const Value& current, const FilterScope& scope);

/// The value of a script expression (`[(@.length-1)]`), or nullopt when it has none.
std::optional<Value> evaluateScript(const FilterExpr& expr, const Value& current,
                                    const FilterScope& scope);

/// Whole-string match of `subject` against a Java-style regular expression with Jayway's flag
/// letters (i, m, s, x, u, d, U). A pattern that does not compile matches nothing.
bool regexMatches(std::string_view pattern, std::string_view flags, std::string_view subject);

/// Applies a path function (`length`, `sum`, ...) to the value the path selected. nullopt when
/// the function cannot apply (Jayway raises an error, e.g. aggregating no numbers).
std::optional<Value> applyPathFunction(std::string_view name, const Value& input);

} // namespace asl::eval::detail
