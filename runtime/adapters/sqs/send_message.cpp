#include "runtime/adapters/sqs/send_message.h"

#include "runtime/adapters/resource_arn.h"
#include "runtime/adapters/task_parameters.h"
#include "runtime/value/json_writer.h"

namespace asl::adapters {

bool isSendMessageResource(std::string_view resource) {
  auto arn = parseIntegrationArn(resource);
  return arn && arn->service == "sqs" && arn->action == "sendMessage" && arn->pattern.empty();
}

Result<SendMessageParameters, TaskError> readSendMessage(const TaskCall& call) {
  const Value& in = call.input;
  if (auto bad = checkParameters(in, call.resource,
                                 {"QueueUrl", "MessageBody", "MessageAttributes",
                                  "MessageSystemAttributes", "MessageGroupId",
                                  "MessageDeduplicationId", "DelaySeconds"},
                                 {"QueueUrl", "MessageBody"}))
    return fail(std::move(*bad));
  SendMessageParameters p;
  std::optional<TaskError> error;
  p.queueUrl = stringParameter(in, "QueueUrl", call.resource, error).value_or("");
  p.groupId = stringParameter(in, "MessageGroupId", call.resource, error);
  p.deduplicationId = stringParameter(in, "MessageDeduplicationId", call.resource, error);
  if (error) return fail(std::move(*error));
  p.body = messageText(*in.find("MessageBody"));
  if (const Value* delay = in.find("DelaySeconds")) {
    if (!delay->isInteger())
      return fail(parameterError("The field 'DelaySeconds' of the resource '" +
                                 std::string(call.resource) + "' must be an integer; found " +
                                 toJson(*delay)));
    p.delaySeconds = delay->asInteger();
  }
  p.attributes = in.find("MessageAttributes");
  p.systemAttributes = in.find("MessageSystemAttributes");
  return p;
}

} // namespace asl::adapters
