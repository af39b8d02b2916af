// Evaluates parsed JSONPath trees (eval::Path) over asl::Value the way AWS Step Functions does:
// Jayway JsonPath semantics, with the misses AWS reports named precisely enough to word them.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "asl/value.h"
#include "runtime/eval/path.h"

namespace asl::eval {

/// Where `$name` roots find their values; the executor's variable scopes implement it.
class VariableSource {
public:
  virtual ~VariableSource() = default;
  /// The variable's current value, or nullptr when no scope in reach assigns it.
  virtual const Value* findVariable(std::string_view name) const = 0;
};

/// A context object built only when a path reads it (most never do).
class ContextSource {
public:
  virtual ~ContextSource() = default;
  virtual const Value& contextValue() const = 0;
};

/// The documents a path may start from. A null pointer reads as JSON null, except that an
/// absent `variables` makes every `$name` unknown.
struct PathRoots {
  const Value* input = nullptr;               ///< `$`
  const Value* context = nullptr;             ///< `$$`
  const ContextSource* lazyContext = nullptr; ///< `$$` when `context` is null
  const VariableSource* variables = nullptr;
};

/// Why a definite path selected nothing. Indefinite paths never miss: they yield an array,
/// possibly empty (AWS returns `[]` for `$.item.items[1:5]` over `{}`).
enum class PathMissKind : uint8_t {
  None,
  /// The last step found nothing: a missing member or an index out of range.
  /// Jayway: "No results for path: $['a']['b']" (the whole path).
  NoResults,
  /// A member missing before the last step. Jayway: "Missing property in path $['a']" (the
  /// prefix up to and including that member).
  MissingProperty,
  /// A member step applied to something that is not an object (null included).
  NotAnObject,
  /// An index step applied to something that is not an array.
  NotAnArray,
  /// A `$name` root that no scope defines.
  UnknownVariable,
  /// A function that cannot apply, e.g. `sum()` over an array with no numbers.
  FunctionFailed,
};

/// What selecting a path produced. `failedSegments` counts the segments of the prefix that
/// names where evaluation stopped (Path::prefixToString(failedSegments)); for NoResults it is
/// the whole path.
struct PathOutcome {
  Value value; ///< the selection when found(); null otherwise
  PathMissKind miss = PathMissKind::None;
  uint32_t failedSegments = 0;

  bool found() const { return miss == PathMissKind::None; }
};

/// Follows flat steps (Path::flat) from `node`: the node they reach, or nullptr when one finds
/// nothing (the full evaluation then words the miss).
const Value* walkFlat(std::span<const FlatStep> steps, const Value* node);

/// True when Jayway returns one value rather than a list: no recursive descent, and every
/// segment a member, an index or a script, except that the last may be a union of member
/// names (Jayway merges those into one object) and a function may end the path.
bool selectsOneValue(const Path& path);

/// Selects `path` from `roots`. Definite paths (selectsOneValue) yield the node or a miss;
/// other paths yield an array of every match in document order and never miss. Selecting a
/// path made only of members and indexes does not allocate.
PathOutcome selectPath(const Path& path, const PathRoots& roots);

/// Jayway's description of a miss, which AWS quotes after "Invalid path '<path>' : ", e.g.
/// "No results for path: $['a']" or "Missing property in path $['no']".
std::string describePathMiss(const Path& path, const PathOutcome& outcome);

} // namespace asl::eval
