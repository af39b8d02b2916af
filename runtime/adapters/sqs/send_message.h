// The Task form `arn:aws:states:::sqs:sendMessage` as both SQS back ends read it (the AWS
// protocol and the embedded queue): which resources it is, and its parameters checked once.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "asl/adapter.h"
#include "asl/result.h"

namespace asl::adapters {

/// `arn:aws:states:::sqs:sendMessage` (the callback pattern is served elsewhere).
bool isSendMessageResource(std::string_view resource);

struct SendMessageParameters {
  std::string queueUrl;
  std::string body; ///< MessageBody as text: strings as they are, anything else as JSON
  std::optional<std::string> groupId, deduplicationId;
  std::optional<int64_t> delaySeconds;
  /// MessageAttributes / MessageSystemAttributes as given (unchecked), or nullptr.
  const Value* attributes = nullptr;
  const Value* systemAttributes = nullptr;
};

/// The call's parameters: unknown or missing fields, non-string ids and a DelaySeconds that
/// is not an integer are task errors naming the field.
Result<SendMessageParameters, TaskError> readSendMessage(const TaskCall& call);

} // namespace asl::adapters
