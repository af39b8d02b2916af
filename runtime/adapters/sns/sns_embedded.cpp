#include "runtime/adapters/sns/sns_embedded.h"

#include <algorithm>

#include "runtime/adapters/aws/crypto.h"
#include "runtime/adapters/aws/http_client.h"
#include "runtime/adapters/aws/service_result.h"
#include "runtime/adapters/message_attributes.h"
#include "runtime/adapters/sns/publish.h"
#include "runtime/adapters/sqs/sqs_embedded.h"
#include "runtime/adapters/task_parameters.h"
#include "runtime/exec/clock.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl::adapters {
namespace {

constexpr aws::ServiceNaming kNaming{"SNS", "AmazonSNS", "AmazonSNSException"};

TaskError snsError(std::string_view exception, long status, std::string_view code,
                   std::string message) {
  return aws::serviceFailure(kNaming, exception, status, code, message, aws::randomUuid());
}

int64_t epochMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// What one publish carries to every subscriber.
struct Publication {
  std::string messageId, topicArn, subject, sequenceNumber, groupId, deduplicationId;
  std::string message;                           ///< the default message
  std::map<std::string, std::string> byProtocol; ///< MessageStructure "json": per protocol
  MessageAttributes attributes;
  std::string timestamp;

  const std::string& messageFor(std::string_view protocol) const {
    auto it = byProtocol.find(std::string(protocol));
    return it != byProtocol.end() ? it->second : message;
  }
};

// The JSON document SNS delivers to SQS queues, HTTP endpoints and Lambda functions. It is not
// signed: there is no AWS key here to sign with, so Signature, SigningCertURL and
// UnsubscribeURL are left out rather than faked.
std::string envelope(const Publication& p, std::string_view protocol) {
  std::vector<Member> members{makeMember("Type", Value::string("Notification")),
                              makeMember("MessageId", Value::string(p.messageId))};
  if (!p.sequenceNumber.empty())
    members.push_back(makeMember("SequenceNumber", Value::string(p.sequenceNumber)));
  members.push_back(makeMember("TopicArn", Value::string(p.topicArn)));
  if (!p.subject.empty()) members.push_back(makeMember("Subject", Value::string(p.subject)));
  members.push_back(makeMember("Message", Value::string(p.messageFor(protocol))));
  members.push_back(makeMember("Timestamp", Value::string(p.timestamp)));
  members.push_back(makeMember("SignatureVersion", Value::string("1")));
  if (!p.attributes.empty())
    members.push_back(makeMember("MessageAttributes", envelopeAttributes(p.attributes)));
  return toJson(Value::object(std::move(members)));
}

std::optional<std::string> deliver(const SnsSubscriber& s, const Publication& p, QueueStore* queues,
                                   int64_t remainingMillis) {
  switch (s.kind) {
  case SnsSubscriber::Kind::Queue: {
    OutgoingMessage m;
    m.body = s.raw ? p.messageFor("sqs") : envelope(p, "sqs");
    // Raw delivery hands the attributes over as the message's own, as SNS does.
    if (s.raw) m.attributes = p.attributes;
    m.groupId = p.groupId;
    m.deduplicationId = p.deduplicationId;
    auto sent = queues->send(s.target, m);
    if (!sent.ok()) return sent.error().code + ": " + sent.error().message;
    return std::nullopt;
  }
  case SnsSubscriber::Kind::Command: {
    LambdaRequest request;
    request.functionName = s.target;
    request.payload = s.raw ? p.messageFor("lambda") : envelope(p, "lambda");
    request.hasPayload = true;
    request.remainingMillis = remainingMillis;
    auto answer = s.command->invoke(request);
    if (!answer.ok()) return answer.error().error + ": " + answer.error().cause;
    if (answer->functionError) return answer->http.body.substr(0, 1000);
    return std::nullopt;
  }
  case SnsSubscriber::Kind::Webhook: {
    HttpRequest request;
    request.url = s.target;
    request.headers = {{"Content-Type", "text/plain; charset=UTF-8"},
                       {"x-amz-sns-message-type", "Notification"},
                       {"x-amz-sns-message-id", p.messageId},
                       {"x-amz-sns-topic-arn", p.topicArn}};
    if (s.raw) request.headers.emplace_back("x-amz-sns-rawdelivery", "true");
    request.body = s.raw ? p.messageFor("http") : envelope(p, "http");
    HttpTimeouts timeouts;
    timeouts.total = s.timeout;
    auto sent = sendHttp(request, withinRemaining(timeouts, remainingMillis));
    if (!sent.ok()) return sent.error().message;
    if (sent->status < 200 || sent->status >= 300)
      return "HTTP status " + std::to_string(sent->status);
    return std::nullopt;
  }
  }
  return std::nullopt;
}

// MessageStructure "json": {"default": "...", "sqs": "...", "http": "...", "lambda": "..."}.
std::optional<TaskError> readStructure(Publication& p) {
  auto parsed = parseJsonValue(p.message);
  const Value* fallback = parsed.ok() && parsed->isObject() ? parsed->find("default") : nullptr;
  if (!fallback || !fallback->isString())
    return snsError("InvalidParameterException", 400, "InvalidParameter",
                    "Invalid parameter: Message Structure - No default entry in JSON message "
                    "body");
  for (const Member& m : parsed->members()) {
    if (!m.value.isString())
      return snsError("InvalidParameterException", 400, "InvalidParameter",
                      "Invalid parameter: Message Structure - JSON message body failed to parse");
    p.byProtocol[std::string(m.key.asString())] = std::string(m.value.asString());
  }
  p.message = std::string(fallback->asString());
  return std::nullopt;
}

} // namespace

std::string SnsSubscriber::describe() const {
  switch (kind) {
  case Kind::Queue:
    return "queue " + target;
  case Kind::Command:
    return "command " + target;
  case Kind::Webhook:
    return "webhook " + target;
  }
  return target;
}

SnsEmbeddedAdapter::SnsEmbeddedAdapter(std::map<std::string, SnsTopic, std::less<>> topics,
                                       std::shared_ptr<QueueStore> queues, std::string region,
                                       std::string account)
    : topics_(std::move(topics)), queues_(std::move(queues)), region_(std::move(region)),
      account_(std::move(account)),
      // FIFO sequence numbers only grow, across runs too: they start from the clock.
      sequence_(static_cast<uint64_t>(epochMillis()) * 1000) {}

bool SnsEmbeddedAdapter::serves(std::string_view resource) const {
  return isPublishResource(resource);
}

TaskResult SnsEmbeddedAdapter::invoke(const TaskCall& call) {
  auto read = readPublish(call);
  if (!read.ok()) return fail(std::move(read).error());
  const std::optional<std::string>& topicArn = read->topicArn;
  const std::optional<std::string>& targetArn = read->targetArn;
  const std::optional<std::string>& phone = read->phoneNumber;
  const std::optional<std::string>& structure = read->messageStructure;
  Publication p;
  p.subject = read->subject.value_or("");
  p.groupId = read->groupId.value_or("");
  p.deduplicationId = read->deduplicationId.value_or("");
  if (phone)
    return fail(snsError("InvalidParameterException", 400, "InvalidParameter",
                         "Invalid parameter: PhoneNumber: the embedded SNS sends no SMS"));
  if (!topicArn && !targetArn)
    return fail(snsError("InvalidParameterException", 400, "InvalidParameter",
                         "Invalid parameter: TopicArn or TargetArn Reason: no value for required "
                         "parameter"));
  std::string arn = topicArn ? *topicArn : *targetArn;
  std::string_view topicName = std::string_view(arn).substr(arn.rfind(':') + 1);
  auto topic = topics_.find(topicName);
  if (topic == topics_.end())
    return fail(snsError("NotFoundException", 404, "NotFound",
                         "Topic does not exist (the adapters file lists no topic \"" +
                             std::string(topicName) + "\" under sns.topics)"));
  p.message = read->message;
  if (p.message.empty())
    return fail(snsError("InvalidParameterException", 400, "InvalidParameter",
                         "Invalid parameter: Empty message"));
  if (structure && *structure != "json")
    return fail(snsError("InvalidParameterException", 400, "InvalidParameter",
                         "Invalid parameter: MessageStructure"));
  if (structure)
    if (auto bad = readStructure(p)) return fail(std::move(*bad));
  if (read->attributes) {
    auto attributes = readMessageAttributes(*read->attributes, "MessageAttributes", call.resource);
    if (!attributes.ok()) return fail(std::move(attributes).error());
    p.attributes = std::move(attributes).value();
  }
  bool fifo = topicName.ends_with(".fifo");
  if (fifo) {
    if (p.groupId.empty())
      return fail(snsError("InvalidParameterException", 400, "InvalidParameter",
                           "Invalid parameter: The MessageGroupId parameter is required for FIFO "
                           "topics"));
    if (p.deduplicationId.empty() && topic->second.contentBasedDeduplication)
      p.deduplicationId = aws::toHex(aws::sha256(p.message));
    if (p.deduplicationId.empty())
      return fail(snsError("InvalidParameterException", 400, "InvalidParameter",
                           "Invalid parameter: The topic should either have "
                           "ContentBasedDeduplication enabled or MessageDeduplicationId "
                           "provided explicitly"));
    p.sequenceNumber = std::to_string(sequence_.fetch_add(1) + 1);
    p.sequenceNumber.insert(0, p.sequenceNumber.size() < 20 ? 20 - p.sequenceNumber.size() : 0,
                            '0');
  }
  p.messageId = aws::randomUuid();
  p.topicArn = "arn:aws:sns:" + region_ + ":" + account_ + ":" + std::string(topicName);
  p.timestamp = exec::formatTimestamp(epochMillis());

  const std::vector<SnsSubscriber>& subscribers = topic->second.subscribers;
  for (size_t i = 0; i < subscribers.size(); ++i) {
    if (auto failed = deliver(subscribers[i], p, queues_.get(), call.remainingMillis))
      return fail(snsError({}, 500, "DeliveryFailed",
                           "Delivery of message " + p.messageId + " to subscriber " +
                               std::to_string(i + 1) + " (" + subscribers[i].describe() +
                               ") failed: " + *failed));
  }

  HttpResponse response = aws::localResponse("text/xml");
  std::vector<Member> result{
      makeMember("MessageId", Value::string(p.messageId)),
      makeMember("SdkHttpMetadata", aws::sdkHttpMetadata(response)),
      makeMember("SdkResponseMetadata", aws::sdkResponseMetadata(aws::requestIdHeader(response)))};
  if (!p.sequenceNumber.empty())
    result.push_back(makeMember("SequenceNumber", Value::string(p.sequenceNumber)));
  return aws::sortedObject(std::move(result));
}

} // namespace asl::adapters
