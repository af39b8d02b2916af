#include "runtime/adapters/task_parameters.h"

#include <algorithm>

#include "runtime/value/json_writer.h"

namespace asl::adapters {

TaskError parameterError(std::string cause) {
  return TaskError{"States.Runtime", std::move(cause)};
}

std::optional<TaskError> checkParameters(const Value& input, std::string_view resource,
                                         std::initializer_list<std::string_view> allowed,
                                         std::initializer_list<std::string_view> required) {
  if (!input.isObject())
    return parameterError("The parameters of the resource '" + std::string(resource) +
                          "' must be an object; found " + toJson(input).substr(0, 200));
  for (const Member& m : input.members()) {
    std::string_view key = m.key.asString();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      return parameterError("The field '" + std::string(key) +
                            "' is not supported by Step Functions for the resource '" +
                            std::string(resource) + "'");
  }
  for (std::string_view field : required)
    if (!input.find(field))
      return parameterError("The field '" + std::string(field) + "' is required by the resource '" +
                            std::string(resource) + "' but was missing");
  return std::nullopt;
}

std::optional<std::string> stringParameter(const Value& input, std::string_view field,
                                           std::string_view resource,
                                           std::optional<TaskError>& error) {
  const Value* v = input.find(field);
  if (!v) return std::nullopt;
  if (!v->isString()) {
    error = parameterError("The field '" + std::string(field) + "' of the resource '" +
                           std::string(resource) + "' must be a string; found " +
                           toJson(*v).substr(0, 200));
    return std::nullopt;
  }
  return std::string(v->asString());
}

std::string messageText(const Value& value) {
  return value.isString() ? std::string(value.asString()) : toJson(value);
}

} // namespace asl::adapters
