// MessageAttributes as Task parameters give them ({"name": {"DataType": "String",
// "StringValue": "..."}} or "BinaryValue" in base64), read into the embedded services' form.
// Shared by the embedded SQS and SNS back ends.
#pragma once

#include <optional>
#include <string_view>

#include "asl/queue.h"
#include "asl/runtime.h"
#include "asl/value.h"

namespace asl::adapters {

/// `field` of the Task's parameters (MessageAttributes, MessageSystemAttributes) as attributes,
/// or a States.Runtime error naming what is wrong.
Result<MessageAttributes, TaskError>
readMessageAttributes(const Value& attributes, std::string_view field, std::string_view resource);

/// As SNS puts them in its JSON envelope: {"name": {"Type": "String", "Value": "..."}}, binary
/// values in base64.
Value envelopeAttributes(const MessageAttributes& attributes);

} // namespace asl::adapters
