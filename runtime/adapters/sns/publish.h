// The Task form `arn:aws:states:::sns:publish` as both SNS back ends read it (the AWS
// protocol and the embedded topics): which resources it is, and its parameters checked once.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "asl/adapter.h"
#include "asl/result.h"

namespace asl::adapters {

/// `arn:aws:states:::sns:publish` (the callback pattern is served elsewhere).
bool isPublishResource(std::string_view resource);

struct PublishParameters {
  std::optional<std::string> topicArn, targetArn, phoneNumber, subject, messageStructure, groupId,
      deduplicationId;
  std::string message; ///< Message as text: strings as they are, anything else as JSON
  const Value* attributes = nullptr; ///< MessageAttributes as given (unchecked), or nullptr
};

/// The call's parameters: unknown fields, a missing Message and non-string fields are task
/// errors naming the field.
Result<PublishParameters, TaskError> readPublish(const TaskCall& call);

} // namespace asl::adapters
