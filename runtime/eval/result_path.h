// The JSONPath data-flow steps around a state's work: InputPath, ResultPath and OutputPath.
#pragma once

#include <cstdint>

#include <span>

#include "asl/value.h"
#include "runtime/eval/exec_error.h"
#include "runtime/eval/path.h"
#include "runtime/eval/path_eval.h"

namespace asl::eval {

/// How a state wrote one of its path fields.
enum class PathFieldMode : uint8_t {
  Absent, ///< the field is not there: its default applies
  Null,   ///< `"Field": null`
  Path,   ///< `"Field": "$..."`
};

/// A path field as the executor holds it; `path` is set when mode is Path.
struct PathFieldRef {
  PathFieldMode mode = PathFieldMode::Absent;
  const Path* path = nullptr;
};

/// InputPath: absent → the input (roots.input), null → `{}`, a path → its selection (a Path,
/// so indefinite paths give an array). A definite path that misses raises States.Runtime with
/// AWS's "Invalid path '$.x' : No results for path: $['x']".
ExecResult<Value> applyInputPath(const PathFieldRef& field, const PathRoots& roots);

/// OutputPath, with the same rules; roots.input is the state's output so far.
ExecResult<Value> applyOutputPath(const PathFieldRef& field, const PathRoots& roots);

/// ResultPath: absent or `$` → the result, null → the input unchanged, a reference path → the
/// input with the result placed there. Missing members on the way are created as objects; only
/// the objects and arrays along the path are rebuilt, every other node stays shared.
/// Raises States.ResultPathMatchFailure when the path cannot be placed: a member step on
/// something other than an object, an index step on a non-array or past its end, or a path
/// that does not start at `$`.
ExecResult<Value> applyResultPath(const Value& stateInput, const Value& result,
                                  const PathFieldRef& field);

/// ResultPath's copy of one object on the way down: `existing`'s members, sharing every value,
/// with the member at `slot` replaced by `placed`, or `key: placed` appended when `slot` is
/// past the end. One allocation.
Value withPlacedMember(std::span<const Member> existing, size_t slot, Value placed,
                       const Value& key);

} // namespace asl::eval
