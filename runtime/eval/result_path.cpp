// InputPath, OutputPath and ResultPath over immutable values: ResultPath rebuilds only the spine.
#include "runtime/eval/result_path.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "runtime/eval/path_fields.h"

namespace asl::eval {
namespace {

ExecResult<Value> applyInOutPath(const PathFieldRef& field, const PathRoots& roots) {
  switch (field.mode) {
  case PathFieldMode::Absent:
    return roots.input ? *roots.input : Value();
  case PathFieldMode::Null:
    return Value::object({});
  case PathFieldMode::Path:
    break;
  }
  PathOutcome out = selectPath(*field.path, roots);
  if (!out.found()) return Unexpected<ExecError>{invalidPathError(*field.path, out)};
  return std::move(out.value);
}

// Places `result` at segments[i..] below `node` (nullptr: the member is missing and is
// created). Sets `failedAt` to the segment that could not be applied.
std::optional<Value> place(const Value* node, const Path& path, size_t i, const Value& result,
                           size_t& failedAt) {
  if (i == path.segments.size()) return result;
  const PathSegment& s = path.segments[i];
  if (s.kind == PathSegmentKind::Member) {
    if (node && !node->isObject()) {
      failedAt = i;
      return std::nullopt;
    }
    // The copy shares every member but the one the path goes through, in one allocation.
    std::span<const Member> existing = node ? node->members() : std::span<const Member>();
    size_t slot = existing.size();
    for (size_t m = 0; m < existing.size(); ++m)
      if (existing[m].key.asString() == s.name) slot = m;
    std::optional<Value> placed = place(slot < existing.size() ? &existing[slot].value : nullptr,
                                        path, i + 1, result, failedAt);
    if (!placed) return std::nullopt;
    return withPlacedMember(existing, slot, std::move(*placed),
                            slot < existing.size() ? Value() : Value::string(s.name));
  }
  if (s.kind == PathSegmentKind::Index && node && node->isArray()) {
    int64_t size = static_cast<int64_t>(node->size());
    int64_t index = s.index < 0 ? s.index + size : s.index;
    if (index >= 0 && index < size) {
      std::span<const Value> existing = node->items();
      std::optional<Value> placed =
          place(&existing[static_cast<size_t>(index)], path, i + 1, result, failedAt);
      if (!placed) return std::nullopt;
      ArrayBuilder items(existing.size());
      for (size_t k = 0; k < existing.size(); ++k)
        items.add(k == static_cast<size_t>(index) ? std::move(*placed) : existing[k]);
      return items.finish();
    }
  }
  failedAt = i;
  return std::nullopt;
}

} // namespace

Value withPlacedMember(std::span<const Member> existing, size_t slot, Value placed,
                       const Value& key) {
  ObjectBuilder members(existing.size() + (slot < existing.size() ? 0 : 1));
  for (size_t m = 0; m < existing.size(); ++m)
    members.add(existing[m].key, m == slot ? std::move(placed) : existing[m].value);
  if (slot >= existing.size()) members.add(key, std::move(placed));
  return members.finish();
}

ExecResult<Value> applyInputPath(const PathFieldRef& field, const PathRoots& roots) {
  return applyInOutPath(field, roots);
}

ExecResult<Value> applyOutputPath(const PathFieldRef& field, const PathRoots& roots) {
  return applyInOutPath(field, roots);
}

ExecResult<Value> applyResultPath(const Value& stateInput, const Value& result,
                                  const PathFieldRef& field) {
  if (field.mode == PathFieldMode::Absent) return result;
  if (field.mode == PathFieldMode::Null) return stateInput;
  const Path& path = *field.path;
  if (path.root != PathRootKind::Input)
    return Unexpected<ExecError>{resultPathMismatch(path, 0, stateInput)};
  size_t failedAt = 0;
  std::optional<Value> placed = place(&stateInput, path, 0, result, failedAt);
  if (!placed) return Unexpected<ExecError>{resultPathMismatch(path, failedAt, stateInput)};
  return std::move(*placed);
}

} // namespace asl::eval
