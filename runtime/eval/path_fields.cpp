// AWS's causes for JSONPath fields that cannot be used, worded from recorded executions.
#include "runtime/eval/path_fields.h"

#include <string>
#include <utility>

#include "runtime/value/json_writer.h"

namespace asl::eval {
namespace {

std::string sourceOf(const Path& path) {
  return path.source.empty() ? path.toString() : path.source;
}

} // namespace

ExecError invalidPathError(const Path& path, const PathOutcome& outcome) {
  return ExecError::of(StateErrorId::Runtime, "Invalid path '" + sourceOf(path) +
                                                  "' : " + describePathMiss(path, outcome));
}

ExecError fieldPathNotFound(std::string_view field, const Path& path, const Value& input) {
  return ExecError::of(StateErrorId::Runtime,
                       "The JSONPath '" + sourceOf(path) + "' specified for the field '" +
                           std::string(field) + "' could not be found in the input '" +
                           toJson(input) + "'");
}

ExecResult<Value> selectForField(std::string_view field, const Path& path, const PathRoots& roots) {
  PathOutcome out = selectPath(path, roots);
  if (!out.found())
    return Unexpected<ExecError>{
        fieldPathNotFound(field, path, roots.input ? *roots.input : Value())};
  return std::move(out.value);
}

ExecError resultPathMismatch(const Path& path, size_t failedSegment, const Value& input) {
  std::string step =
      path.prefixToString(failedSegment + 1).substr(path.prefixToString(failedSegment).size());
  if (path.root != PathRootKind::Input)
    return ExecError::of(StateErrorId::ResultPathMatchFailure,
                         "Unable to apply ResultPath '" + sourceOf(path) +
                             "': a ResultPath must start at '$'");
  return ExecError::of(StateErrorId::ResultPathMatchFailure,
                       "Unable to apply ResultPath '" + sourceOf(path) + "' to input '" +
                           toJson(input) + "': cannot apply step " + step + " at " +
                           path.prefixToString(failedSegment));
}

} // namespace asl::eval
