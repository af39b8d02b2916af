#include "runtime/adapters/sqs/sqs_aws.h"

#include <array>

#include "runtime/adapters/aws/crypto.h"
#include "runtime/adapters/aws/service_result.h"
#include "runtime/adapters/sqs/send_message.h"
#include "runtime/adapters/task_parameters.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl::adapters {
namespace {

constexpr aws::ServiceNaming kNaming{"SQS", "AmazonSQS", "AmazonSQSException"};

// The error shapes SQS's API model declares; the SDK names them <shape>Exception, and any
// other code AmazonSQSException.
constexpr std::array<std::string_view, 13> kModelled = {
    "QueueDoesNotExist",  "InvalidMessageContents", "UnsupportedOperation", "RequestThrottled",
    "InvalidAddress",     "InvalidSecurity",        "KmsAccessDenied",      "KmsDisabled",
    "KmsInvalidKeyUsage", "KmsInvalidState",        "KmsNotFound",          "KmsOptInRequired",
    "KmsThrottled"};

// "com.amazonaws.sqs#QueueDoesNotExist" -> "QueueDoesNotExist".
std::string_view shapeName(std::string_view type) {
  if (size_t hash = type.rfind('#'); hash != std::string_view::npos) type = type.substr(hash + 1);
  if (size_t colon = type.find(':'); colon != std::string_view::npos) type = type.substr(0, colon);
  return type;
}

TaskError errorAnswer(const HttpResponse& response) {
  std::string type, message;
  if (auto parsed = parseJsonValue(response.body); parsed.ok() && parsed->isObject()) {
    if (const Value* t = parsed->find("__type"); t && t->isString()) type = t->asString();
    for (const char* key : {"message", "Message"})
      if (const Value* m = parsed->find(key); m && m->isString()) message = m->asString();
  }
  std::string shape(shapeName(type));
  // Query-compatible servers also send the query protocol's code ("AWS.SimpleQueueService.
  // NonExistentQueue;Sender"), which is what the SDK reports as the error code.
  std::string code = shape;
  if (const std::string* query = response.header("x-amzn-query-error"))
    code = query->substr(0, query->find(';'));
  if (code.empty()) code = "null";
  return aws::serviceFailure(kNaming, aws::modelledException(shape, kModelled), response.status,
                             code, message.empty() ? response.body.substr(0, 500) : message,
                             aws::requestIdHeader(response));
}

} // namespace

bool SqsAwsAdapter::serves(std::string_view resource) const {
  return isSendMessageResource(resource);
}

TaskResult SqsAwsAdapter::invoke(const TaskCall& call) {
  auto read = readSendMessage(call);
  if (!read.ok()) return fail(std::move(read).error());
  const SendMessageParameters& p = *read;
  const std::string& body = p.body;

  std::vector<Member> request{makeMember("QueueUrl", Value::string(p.queueUrl)),
                              makeMember("MessageBody", Value::string(body))};
  if (p.delaySeconds)
    request.push_back(makeMember("DelaySeconds", Value::integer(*p.delaySeconds)));
  for (auto [field, attributes] : {std::pair{"MessageAttributes", p.attributes},
                                   std::pair{"MessageSystemAttributes", p.systemAttributes}}) {
    if (attributes) {
      if (!attributes->isObject())
        return fail(parameterError("The field '" + std::string(field) + "' of the resource '" +
                                   std::string(call.resource) + "' must be an object"));
      request.push_back(makeMember(field, *attributes));
    }
  }
  if (p.groupId) request.push_back(makeMember("MessageGroupId", Value::string(*p.groupId)));
  if (p.deduplicationId)
    request.push_back(makeMember("MessageDeduplicationId", Value::string(*p.deduplicationId)));

  HttpTimeouts timeouts = client_.timeoutsWithin(call.remainingMillis);
  auto sent = client_.send(
      "POST", "/", "",
      {{"Content-Type", "application/x-amz-json-1.0"}, {"X-Amz-Target", "AmazonSQS.SendMessage"}},
      toJson(Value::object(std::move(request))), timeouts);
  if (!sent.ok()) return fail(aws::clientFailure(kNaming, sent.error(), timeouts));
  const HttpResponse& response = *sent;
  if (response.status != 200) return fail(errorAnswer(response));

  auto parsed = parseJsonValue(response.body);
  if (!parsed.ok() || !parsed->isObject() || !parsed->find("MessageId"))
    return fail(TaskError{"SQS.SdkClientException",
                          "Unable to unmarshall response: " + response.body.substr(0, 500)});
  // The SDK checks the body's MD5 against the one SQS computed, so a message changed on the
  // way is an error rather than a silent success.
  const Value* md5 = parsed->find("MD5OfMessageBody");
  std::string expected = aws::toHex(aws::md5(body));
  if (!md5 || !md5->isString() || md5->asString() != expected)
    return fail(TaskError{"SQS.SdkClientException",
                          "MD5 returned by SQS does not match the calculation on the original "
                          "request. (MD5 calculated by the message body: \"" +
                              expected + "\", MD5 checksum returned: \"" +
                              (md5 && md5->isString() ? std::string(md5->asString()) : "") +
                              "\")"});

  std::vector<Member> result;
  for (const char* field : {"MD5OfMessageAttributes", "MD5OfMessageBody",
                            "MD5OfMessageSystemAttributes", "MessageId", "SequenceNumber"})
    if (const Value* v = parsed->find(field); v && !v->isNull())
      result.push_back(makeMember(field, *v));
  std::string requestId = aws::requestIdHeader(response);
  result.push_back(makeMember("SdkHttpMetadata", aws::sdkHttpMetadata(response)));
  result.push_back(makeMember("SdkResponseMetadata", aws::sdkResponseMetadata(requestId)));
  return aws::sortedObject(std::move(result));
}

} // namespace asl::adapters
