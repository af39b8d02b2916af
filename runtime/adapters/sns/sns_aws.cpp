#include "runtime/adapters/sns/sns_aws.h"

#include <array>

#include "runtime/adapters/aws/service_result.h"
#include "runtime/adapters/aws/sigv4.h"
#include "runtime/adapters/aws/xml_text.h"
#include "runtime/adapters/sns/publish.h"
#include "runtime/adapters/task_parameters.h"
#include "runtime/value/json_writer.h"

namespace asl::adapters {
namespace {

constexpr aws::ServiceNaming kNaming{"SNS", "AmazonSNS", "AmazonSNSException"};

// Error codes SNS's API model declares; the SDK names them <code>Exception (one exception:
// ParameterValueInvalid is InvalidParameterValueException), any other AmazonSNSException.
constexpr std::array<std::string_view, 18> kModelled = {"AuthorizationError",
                                                        "EndpointDisabled",
                                                        "InternalError",
                                                        "InvalidParameter",
                                                        "InvalidSecurity",
                                                        "KMSAccessDenied",
                                                        "KMSDisabled",
                                                        "KMSInvalidState",
                                                        "KMSNotFound",
                                                        "KMSOptInRequired",
                                                        "KMSThrottling",
                                                        "NotFound",
                                                        "PlatformApplicationDisabled",
                                                        "Throttled",
                                                        "ValidationException",
                                                        "InvalidState",
                                                        "ReplayLimitExceeded",
                                                        "BatchRequestTooLong"};

void addParam(std::string& form, std::string_view key, std::string_view value) {
  if (!form.empty()) form += '&';
  form += aws::uriEncode(key, false);
  form += '=';
  form += aws::uriEncode(value, false);
}

TaskError errorAnswer(const HttpResponse& response) {
  std::string code = aws::xmlElementText(response.body, "Code").value_or("");
  std::string message =
      aws::xmlElementText(response.body, "Message").value_or(response.body.substr(0, 500));
  std::string requestId = aws::xmlElementText(response.body, "RequestId").value_or("");
  if (requestId.empty()) requestId = aws::requestIdHeader(response);
  std::string exception = code == "ParameterValueInvalid"
                              ? std::string("InvalidParameterValueException")
                              : aws::modelledException(code, kModelled);
  return aws::serviceFailure(kNaming, exception, response.status, code.empty() ? "null" : code,
                             message, requestId);
}

// MessageAttributes as the query protocol flattens a map: entry.N.Name, entry.N.Value.<field>.
std::optional<TaskError> addAttributes(std::string& form, const Value& attributes,
                                       std::string_view resource) {
  if (!attributes.isObject())
    return parameterError("The field 'MessageAttributes' of the resource '" +
                          std::string(resource) + "' must be an object");
  size_t index = 0;
  for (const Member& m : attributes.members()) {
    std::string prefix = "MessageAttributes.entry." + std::to_string(++index) + ".";
    addParam(form, prefix + "Name", m.key.asString());
    if (!m.value.isObject())
      return parameterError("The message attribute '" + std::string(m.key.asString()) +
                            "' must be an object with DataType and StringValue or BinaryValue");
    for (const Member& field : m.value.members()) {
      std::string_view name = field.key.asString();
      if (name != "DataType" && name != "StringValue" && name != "BinaryValue")
        return parameterError("The message attribute '" + std::string(m.key.asString()) +
                              "' has the unknown field '" + std::string(name) + "'");
      if (!field.value.isString())
        return parameterError("The field '" + std::string(name) + "' of the message attribute '" +
                              std::string(m.key.asString()) + "' must be a string");
      addParam(form, prefix + "Value." + std::string(name), field.value.asString());
    }
  }
  return std::nullopt;
}

} // namespace

bool SnsAwsAdapter::serves(std::string_view resource) const {
  return isPublishResource(resource);
}

TaskResult SnsAwsAdapter::invoke(const TaskCall& call) {
  auto read = readPublish(call);
  if (!read.ok()) return fail(std::move(read).error());
  const PublishParameters& p = *read;
  std::string form;
  addParam(form, "Action", "Publish");
  addParam(form, "Version", "2010-03-31");
  for (auto [field, value] :
       {std::pair{"TopicArn", &p.topicArn}, std::pair{"TargetArn", &p.targetArn},
        std::pair{"PhoneNumber", &p.phoneNumber}, std::pair{"Subject", &p.subject},
        std::pair{"MessageStructure", &p.messageStructure}, std::pair{"MessageGroupId", &p.groupId},
        std::pair{"MessageDeduplicationId", &p.deduplicationId}})
    if (*value) addParam(form, field, **value);
  addParam(form, "Message", p.message);
  if (p.attributes)
    if (auto bad = addAttributes(form, *p.attributes, call.resource)) return fail(std::move(*bad));

  HttpTimeouts timeouts = client_.timeoutsWithin(call.remainingMillis);
  auto sent = client_.send("POST", "/", "",
                           {{"Content-Type", "application/x-www-form-urlencoded; charset=utf-8"}},
                           std::move(form), timeouts);
  if (!sent.ok()) return fail(aws::clientFailure(kNaming, sent.error(), timeouts));
  const HttpResponse& response = *sent;
  if (response.status != 200) return fail(errorAnswer(response));

  auto messageId = aws::xmlElementText(response.body, "MessageId");
  if (!messageId)
    return fail(TaskError{"SNS.SdkClientException",
                          "Unable to unmarshall response: " + response.body.substr(0, 500)});
  std::string requestId = aws::xmlElementText(response.body, "RequestId").value_or("");
  if (requestId.empty()) requestId = aws::requestIdHeader(response);
  std::vector<Member> result{
      makeMember("MessageId", Value::string(*messageId)),
      makeMember("SdkHttpMetadata", aws::sdkHttpMetadata(response)),
      makeMember("SdkResponseMetadata", aws::sdkResponseMetadata(requestId))};
  if (auto sequence = aws::xmlElementText(response.body, "SequenceNumber");
      sequence && !sequence->empty())
    result.push_back(makeMember("SequenceNumber", Value::string(*sequence)));
  return aws::sortedObject(std::move(result));
}

} // namespace asl::adapters
