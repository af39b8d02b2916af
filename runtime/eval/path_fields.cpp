// AWS's causes for JSONPath fields that cannot be used, worded from recorded executions.
#include "runtime/eval/path_fields.h"

#include <string>
#include <utility>

#include "runtime/value/json_writer.h"

namespace asl::eval {
namespace {

// AWS prints a selected string bare in these causes ("== 2016-13-05T21:29:29Z", value
// "NoNumber") and anything else as JSON ("== 1.5", value "{}").
std::string bareText(const Value& v) {
  return v.isString() ? std::string(v.asString()) : toJson(v);
}

std::string sourceOf(const Path& path) {
  return path.source.empty() ? path.toString() : path.source;
}

Unexpected<ExecError> runtimeError(std::string cause) {
  return raise(StateErrorId::Runtime, std::move(cause));
}

// Selection for the numeric Map and Wait fields; a miss is worded as for other path fields,
// as no recorded execution shows these fields missing.
ExecResult<Value> selectNumberField(std::string_view field, const Path& path,
                                    const PathRoots& roots) {
  return selectForField(field, path, roots);
}

std::string notValid(std::string_view field, const Path& path, const Value& v,
                     std::string_view what) {
  return "The " + std::string(field) + " field refers to value \"" + bareText(v) +
         "\" which is not a valid " + std::string(what) + ": " + sourceOf(path);
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

ExecResult<int64_t> readSecondsPath(const Path& path, const PathRoots& roots) {
  ExecResult<Value> v = selectNumberField("SecondsPath", path, roots);
  if (!v) return Unexpected<ExecError>{std::move(v).error()};
  std::string shown = sourceOf(path) + " == " + bareText(*v);
  if (!v->isInteger())
    return runtimeError("The SecondsPath parameter cannot be parsed as a long value: " + shown);
  if (v->asInteger() < 0)
    return runtimeError("The SecondsPath parameter references a negative value: " + shown);
  return v->asInteger();
}

ExecError timestampPathInvalid(const Path& path, const Value& selected) {
  return ExecError::of(StateErrorId::Runtime,
                       "The TimestampPath parameter does not reference a valid ISO-8601 extended "
                       "offset date-time format string: " +
                           sourceOf(path) + " == " + bareText(selected));
}

ExecResult<int64_t> readMaxConcurrencyPath(const Path& path, const PathRoots& roots) {
  ExecResult<Value> v = selectNumberField("MaxConcurrencyPath", path, roots);
  if (!v) return Unexpected<ExecError>{std::move(v).error()};
  if (!v->isInteger()) return runtimeError(notValid("MaxConcurrencyPath", path, *v, "integer"));
  return v->asInteger();
}

ExecResult<int64_t> readToleratedFailureCountPath(const Path& path, const PathRoots& roots) {
  ExecResult<Value> v = selectNumberField("ToleratedFailureCountPath", path, roots);
  if (!v) return Unexpected<ExecError>{std::move(v).error()};
  if (!v->isInteger())
    return runtimeError(notValid("ToleratedFailureCountPath", path, *v, "integer"));
  if (v->asInteger() < 0) return runtimeError("ToleratedFailureCount cannot be negative.");
  return v->asInteger();
}

ExecResult<double> readToleratedFailurePercentagePath(const Path& path, const PathRoots& roots) {
  ExecResult<Value> v = selectNumberField("ToleratedFailurePercentagePath", path, roots);
  if (!v) return Unexpected<ExecError>{std::move(v).error()};
  if (!v->isNumber())
    return runtimeError(notValid("ToleratedFailurePercentagePath", path, *v, "float"));
  double d = v->asDouble();
  if (d < 0 || d > 100)
    return runtimeError("ToleratedFailurePercentage must be between 0 and 100.");
  return d;
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
