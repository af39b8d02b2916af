#include "runtime/adapters/lambda/lambda_aws.h"

#include "runtime/adapters/aws/service_result.h"
#include "runtime/adapters/aws/sigv4.h"
#include "runtime/value/json_reader.h"

namespace asl::adapters {
namespace {

constexpr aws::ServiceNaming kNaming{"Lambda", "AWSLambda", "AWSLambdaException"};

TaskError errorAnswer(const HttpResponse& response) {
  // Lambda names the error in X-Amzn-ErrorType ("ResourceNotFoundException:http://...") and
  // sometimes again in the body, with the message under "Message" or "message".
  std::string type;
  if (const std::string* header = response.header("X-Amzn-ErrorType"))
    type = header->substr(0, header->find(':'));
  std::string message;
  if (auto parsed = parseJsonValue(response.body); parsed.ok() && parsed->isObject()) {
    for (const char* key : {"__type", "Type"})
      if (const Value* t = parsed->find(key); t && t->isString() && type.empty())
        type = t->asString();
    for (const char* key : {"Message", "message"})
      if (const Value* m = parsed->find(key); m && m->isString() && message.empty())
        message = m->asString();
  }
  if (size_t hash = type.rfind('#'); hash != std::string::npos) type = type.substr(hash + 1);
  // Every error Lambda's API model declares is named <Something>Exception.
  std::string exception = type.ends_with("Exception") ? type : std::string();
  return aws::serviceFailure(kNaming, exception, response.status, type.empty() ? "null" : type,
                             message.empty() ? response.body.substr(0, 500) : message,
                             aws::requestIdHeader(response));
}

} // namespace

std::string lambdaFunctionName(std::string_view name) {
  if (size_t at = name.find(":function:"); at != std::string_view::npos)
    name = name.substr(at + 10);
  return std::string(name.substr(0, name.find(':')));
}

Result<LambdaResponse, TaskError> LambdaAwsBackend::invoke(const LambdaRequest& request) {
  HttpHeaders headers{{"Content-Type", "application/json"}};
  if (!request.invocationType.empty())
    headers.emplace_back("X-Amz-Invocation-Type", request.invocationType);
  if (!request.clientContext.empty())
    headers.emplace_back("X-Amz-Client-Context", request.clientContext);
  std::string path =
      "/2015-03-31/functions/" + aws::uriEncode(request.functionName, false) + "/invocations";
  std::string query =
      request.qualifier.empty() ? "" : "Qualifier=" + aws::uriEncode(request.qualifier, false);
  HttpTimeouts timeouts = client_.timeoutsWithin(request.remainingMillis);
  auto sent =
      client_.send("POST", path, query, std::move(headers),
                   request.hasPayload ? request.payload : std::string(), timeouts, request.region);
  if (!sent.ok()) return fail(aws::clientFailure(kNaming, sent.error(), timeouts));
  if (sent->status < 200 || sent->status >= 300) return fail(errorAnswer(*sent));
  LambdaResponse response;
  response.functionError = sent->header("X-Amz-Function-Error") != nullptr;
  response.http = std::move(sent).value();
  return response;
}

} // namespace asl::adapters
