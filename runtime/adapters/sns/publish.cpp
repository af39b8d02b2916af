#include "runtime/adapters/sns/publish.h"

#include "runtime/adapters/resource_arn.h"
#include "runtime/adapters/task_parameters.h"

namespace asl::adapters {

bool isPublishResource(std::string_view resource) {
  auto arn = parseIntegrationArn(resource);
  return arn && arn->service == "sns" && arn->action == "publish" && arn->pattern.empty();
}

Result<PublishParameters, TaskError> readPublish(const TaskCall& call) {
  const Value& in = call.input;
  if (auto bad = checkParameters(in, call.resource,
                                 {"TopicArn", "TargetArn", "PhoneNumber", "Message", "Subject",
                                  "MessageStructure", "MessageAttributes", "MessageGroupId",
                                  "MessageDeduplicationId"},
                                 {"Message"}))
    return fail(std::move(*bad));
  PublishParameters p;
  std::optional<TaskError> error;
  p.topicArn = stringParameter(in, "TopicArn", call.resource, error);
  p.targetArn = stringParameter(in, "TargetArn", call.resource, error);
  p.phoneNumber = stringParameter(in, "PhoneNumber", call.resource, error);
  p.subject = stringParameter(in, "Subject", call.resource, error);
  p.messageStructure = stringParameter(in, "MessageStructure", call.resource, error);
  p.groupId = stringParameter(in, "MessageGroupId", call.resource, error);
  p.deduplicationId = stringParameter(in, "MessageDeduplicationId", call.resource, error);
  if (error) return fail(std::move(*error));
  p.message = messageText(*in.find("Message"));
  p.attributes = in.find("MessageAttributes");
  return p;
}

} // namespace asl::adapters
