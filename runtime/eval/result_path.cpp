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
    std::vector<Member> members;
    if (node) members.assign(node->members().begin(), node->members().end());
    Value* slot = nullptr;
    for (Member& m : members)
      if (m.key.asString() == s.name) slot = &m.value;
    std::optional<Value> placed = place(slot, path, i + 1, result, failedAt);
    if (!placed) return std::nullopt;
    if (slot)
      *slot = std::move(*placed);
    else
      members.push_back(makeMember(s.name, std::move(*placed)));
    return Value::object(std::move(members));
  }
  if (s.kind == PathSegmentKind::Index && node && node->isArray()) {
    int64_t size = static_cast<int64_t>(node->size());
    int64_t index = s.index < 0 ? s.index + size : s.index;
    if (index >= 0 && index < size) {
      std::vector<Value> items(node->items().begin(), node->items().end());
      Value& slot = items[static_cast<size_t>(index)];
      std::optional<Value> placed = place(&slot, path, i + 1, result, failedAt);
      if (!placed) return std::nullopt;
      slot = std::move(*placed);
      return Value::array(std::move(items));
    }
  }
  failedAt = i;
  return std::nullopt;
}

} // namespace

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
