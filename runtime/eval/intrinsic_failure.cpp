// Cause texts of States.IntrinsicFailure.
#include "runtime/eval/intrinsic_failure.h"

namespace asl::eval {

namespace {

std::string_view describeExpected(ExpectedArgKind kind) {
  switch (kind) {
  case ExpectedArgKind::String:
    return "a string";
  case ExpectedArgKind::Array:
    return "an array";
  case ExpectedArgKind::Object:
    return "a JSON object";
  case ExpectedArgKind::Boolean:
    return "a boolean";
  case ExpectedArgKind::Number:
    return "a number";
  case ExpectedArgKind::Integer:
    return "an integer";
  }
  return "a value";
}

} // namespace

std::string_view describeKind(const Value& value) {
  switch (value.kind()) {
  case ValueKind::Null:
    return "null";
  case ValueKind::Bool:
    return "a boolean";
  case ValueKind::Number:
    return "a number";
  case ValueKind::String:
    return "a string";
  case ValueKind::Array:
    return "an array";
  case ValueKind::Object:
    return "a JSON object";
  }
  return "a value";
}

Unexpected<ExecError> intrinsicFailure(IntrinsicId id, std::string_view detail) {
  std::string cause(intrinsicInfo(id).name);
  cause += ": ";
  cause += detail;
  return raise(StateErrorId::IntrinsicFailure, std::move(cause));
}

Unexpected<ExecError> argumentTypeFailure(IntrinsicId id, size_t index, ExpectedArgKind expected,
                                          const Value& actual) {
  std::string detail = "argument " + std::to_string(index + 1) + " must be ";
  detail += describeExpected(expected);
  detail += ", got ";
  detail += describeKind(actual);
  return intrinsicFailure(id, detail);
}

Unexpected<ExecError> arityFailure(IntrinsicId id, size_t count) {
  const IntrinsicInfo& info = intrinsicInfo(id);
  std::string detail = "expected ";
  if (info.maxArgs < 0) {
    detail += "at least " + std::to_string(info.minArgs);
  } else if (info.minArgs == info.maxArgs) {
    detail += std::to_string(info.minArgs);
  } else {
    detail += std::to_string(info.minArgs) + " to " + std::to_string(info.maxArgs);
  }
  const int lastNumber = info.maxArgs < 0 ? info.minArgs : info.maxArgs;
  detail += lastNumber == 1 ? " argument" : " arguments";
  detail += ", got " + std::to_string(count);
  return intrinsicFailure(id, detail);
}

} // namespace asl::eval
