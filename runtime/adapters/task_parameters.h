// Reading a service integration's parameters (the Task's effective input) the way Step
// Functions does: an object with the fields the integration documents, message bodies that
// are strings as is and any other JSON serialized. A field the integration does not know, or
// one of the wrong type, is a definition mistake: States.Runtime, which no Retry or Catch hides.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "asl/runtime.h"
#include "asl/value.h"

namespace asl::adapters {

/// Fails when `input` is not an object, holds a field not in `allowed`, or lacks one of
/// `required`.
std::optional<TaskError> checkParameters(const Value& input, std::string_view resource,
                                         std::initializer_list<std::string_view> allowed,
                                         std::initializer_list<std::string_view> required);

/// The field as a string, or a States.Runtime error when it is present but not a string.
/// std::nullopt (with `error` untouched) when absent.
std::optional<std::string> stringParameter(const Value& input, std::string_view field,
                                           std::string_view resource,
                                           std::optional<TaskError>& error);

/// A message body: a string as is, any other JSON value as its compact JSON text.
std::string messageText(const Value& value);

/// States.Runtime with `cause`.
TaskError parameterError(std::string cause);

} // namespace asl::adapters
