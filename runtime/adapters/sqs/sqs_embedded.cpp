#include "runtime/adapters/sqs/sqs_embedded.h"

#include "runtime/adapters/aws/crypto.h"
#include "runtime/adapters/aws/service_result.h"
#include "runtime/adapters/message_attributes.h"
#include "runtime/adapters/sqs/send_message.h"
#include "runtime/adapters/task_parameters.h"
#include "runtime/value/json_writer.h"

namespace asl::adapters {
namespace {

constexpr aws::ServiceNaming kNaming{"SQS", "AmazonSQS", "AmazonSQSException"};

} // namespace

std::string_view queueNameFromUrl(std::string_view queueUrl) {
  while (queueUrl.ends_with('/'))
    queueUrl.remove_suffix(1);
  size_t slash = queueUrl.rfind('/');
  return slash == std::string_view::npos ? queueUrl : queueUrl.substr(slash + 1);
}

TaskError sqsQueueFailure(const QueueError& error) {
  // The exception and the (query-compatible) error code the AWS SDK for Java reports.
  std::string exception, code = error.code;
  long status = 400;
  if (error.code == "QueueDoesNotExist") {
    exception = "QueueDoesNotExistException";
    code = "AWS.SimpleQueueService.NonExistentQueue";
  } else if (error.code == "InvalidMessageContents") {
    exception = "InvalidMessageContentsException";
  } else if (error.code == "StorageError") {
    status = 500;
    code = "InternalError";
  }
  return aws::serviceFailure(kNaming, exception, status, code, error.message, aws::randomUuid());
}

bool SqsEmbeddedAdapter::serves(std::string_view resource) const {
  return isSendMessageResource(resource);
}

TaskResult SqsEmbeddedAdapter::invoke(const TaskCall& call) {
  auto read = readSendMessage(call);
  if (!read.ok()) return fail(std::move(read).error());
  const SendMessageParameters& p = *read;
  std::string queueUrl = p.queueUrl;
  OutgoingMessage message;
  message.groupId = p.groupId.value_or("");
  message.deduplicationId = p.deduplicationId.value_or("");
  message.body = p.body;
  if (p.delaySeconds) message.delaySeconds = *p.delaySeconds;
  if (p.attributes) {
    auto attributes = readMessageAttributes(*p.attributes, "MessageAttributes", call.resource);
    if (!attributes.ok()) return fail(std::move(attributes).error());
    message.attributes = std::move(attributes).value();
  }
  if (p.systemAttributes) {
    auto attributes =
        readMessageAttributes(*p.systemAttributes, "MessageSystemAttributes", call.resource);
    if (!attributes.ok()) return fail(std::move(attributes).error());
    message.systemAttributes = std::move(attributes).value();
  }

  auto sent = store_->send(queueNameFromUrl(queueUrl), message);
  if (!sent.ok()) return fail(sqsQueueFailure(sent.error()));
  HttpResponse response = aws::localResponse("application/x-amz-json-1.0");
  std::vector<Member> result;
  if (!sent->md5OfAttributes.empty())
    result.push_back(makeMember("MD5OfMessageAttributes", Value::string(sent->md5OfAttributes)));
  result.push_back(makeMember("MD5OfMessageBody", Value::string(sent->md5OfBody)));
  if (!sent->md5OfSystemAttributes.empty())
    result.push_back(
        makeMember("MD5OfMessageSystemAttributes", Value::string(sent->md5OfSystemAttributes)));
  result.push_back(makeMember("MessageId", Value::string(sent->messageId)));
  result.push_back(makeMember("SdkHttpMetadata", aws::sdkHttpMetadata(response)));
  result.push_back(
      makeMember("SdkResponseMetadata", aws::sdkResponseMetadata(aws::requestIdHeader(response))));
  if (!sent->sequenceNumber.empty())
    result.push_back(makeMember("SequenceNumber", Value::string(sent->sequenceNumber)));
  return aws::sortedObject(std::move(result));
}

} // namespace asl::adapters
