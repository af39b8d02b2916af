// Evaluating parsed JSONPath trees over asl::Value, with the semantics of Jayway JsonPath, the
// library AWS Step Functions runs: a definite path selects one node or reports which step
// found nothing; any other path selects every match, in document order, as an array.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "asl/value.h"
#include "runtime/eval/path.h"

namespace asl::eval {

/// What a path's root names: `$` the input, `$$` the context object, `$name` a variable.
/// An interface so that callers can build the context object only when a path reads it.
class PathRoots {
public:
  virtual ~PathRoots() = default;
  virtual const Value* input() const = 0;
  virtual const Value* context() const = 0;
  virtual const Value* variable(std::string_view name) const = 0;
};

/// Roots held directly, for callers that have them at hand.
class FixedRoots final : public PathRoots {
public:
  explicit FixedRoots(const Value* input, const Value* context = nullptr)
      : input_(input), context_(context) {}
  const Value* input() const override { return input_; }
  const Value* context() const override { return context_; }
  const Value* variable(std::string_view) const override { return nullptr; }

private:
  const Value* input_;
  const Value* context_;
};

struct PathSelection {
  /// False only for a definite path that selected nothing (or a variable that is not set).
  bool found = false;
  Value value;
  /// When not found: how many segments matched before the one that found nothing.
  size_t matchedSegments = 0;
};

/// Selects with `path`. Definite paths do not allocate (the result shares the input's node).
PathSelection selectPath(const Path& path, const PathRoots& roots);

/// AWS's wording for a definite path that selected nothing, as Jayway reports it:
/// "No results for path: $['a']" when the last step found nothing, "Missing property in path
/// $['a']" naming the prefix up to the step that found nothing otherwise.
std::string describeMiss(const Path& path, const PathSelection& miss);

/// ResultPath: `input` with `result` placed at the Reference Path `path` (Member and Index
/// segments only). Missing objects along the way are created; only the nodes on the way are
/// rebuilt, everything else is shared with `input`. `$` gives `result` itself. Returns false
/// (and leaves `out` alone) when a step cannot be taken: an index beyond an array, a member of
/// a non-object, an index into a non-array.
bool placeAtPath(const Value& input, const Path& path, const Value& result, Value& out);

} // namespace asl::eval
