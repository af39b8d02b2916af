#include "runtime/adapters/lambda/lambda_adapter.h"

#include "runtime/adapters/aws/service_result.h"
#include "runtime/adapters/resource_arn.h"
#include "runtime/adapters/task_parameters.h"
#include "runtime/value/json_reader.h"
#include "runtime/value/json_writer.h"

namespace asl::adapters {
namespace {

// The function's answer: JSON as a value; anything else (an Event invocation's empty body, a
// payload that is not JSON) as a string.
Value payloadValue(const std::string& payload) {
  if (payload.empty()) return Value::string("");
  auto parsed = parseJsonValue(payload);
  return parsed.ok() ? std::move(parsed).value() : Value::string(payload);
}

TaskError functionError(const std::string& payload) {
  auto parsed = parseJsonValue(payload);
  if (parsed.ok() && parsed->isObject())
    if (const Value* type = parsed->find("errorType"); type && type->isString())
      return TaskError{std::string(type->asString()), payload};
  return TaskError{"Lambda.Unknown",
                   "The cause could not be determined because Lambda did not return an error "
                   "type. Returned payload: " +
                       payload};
}

} // namespace

LambdaAdapter::LambdaAdapter(
    std::map<std::string, std::unique_ptr<LambdaBackend>, std::less<>> functions,
    std::unique_ptr<LambdaBackend> fallback)
    : functions_(std::move(functions)), fallback_(std::move(fallback)) {}

bool LambdaAdapter::serves(std::string_view resource) const {
  if (auto arn = parseLambdaFunctionArn(resource))
    return fallback_ || functions_.count(arn->name) > 0;
  auto arn = parseIntegrationArn(resource);
  return arn && arn->service == "lambda" && arn->action == "invoke" && arn->pattern.empty();
}

LambdaBackend* LambdaAdapter::backendFor(std::string_view functionName) const {
  auto it = functions_.find(lambdaFunctionName(functionName));
  return it != functions_.end() ? it->second.get() : fallback_.get();
}

TaskResult LambdaAdapter::invoke(const TaskCall& call) {
  LambdaRequest request;
  request.remainingMillis = call.remainingMillis;
  request.deadlineMillis = call.deadlineMillis;
  auto functionArn = parseLambdaFunctionArn(call.resource);
  if (functionArn) {
    // Lambda accepts the whole ARN (qualifier included) as the function name.
    request.functionName = std::string(call.resource);
    request.payload = toJson(call.input);
    request.hasPayload = true;
    request.region = std::string(functionArn->region);
  } else {
    const Value& in = call.input;
    if (auto bad = checkParameters(
            in, call.resource,
            {"FunctionName", "Payload", "InvocationType", "Qualifier", "ClientContext"},
            {"FunctionName"}))
      return fail(std::move(*bad));
    std::optional<TaskError> error;
    request.functionName = stringParameter(in, "FunctionName", call.resource, error).value_or("");
    request.qualifier = stringParameter(in, "Qualifier", call.resource, error).value_or("");
    request.invocationType =
        stringParameter(in, "InvocationType", call.resource, error).value_or("");
    request.clientContext = stringParameter(in, "ClientContext", call.resource, error).value_or("");
    if (error) return fail(std::move(*error));
    if (const Value* payload = in.find("Payload")) {
      request.payload = messageText(*payload);
      request.hasPayload = true;
    }
  }

  LambdaBackend* backend = backendFor(request.functionName);
  if (!backend) {
    // Named as Lambda names a function that does not exist, so Catch rules written for that
    // work; the cause says why here.
    return fail(TaskError{"Lambda.ResourceNotFoundException",
                          "Function not found: " + request.functionName +
                              " (the adapters file gives it no back end: list it under "
                              "lambda.functions, or give lambda a \"backend\")"});
  }
  auto answer = backend->invoke(request);
  if (!answer.ok()) return fail(std::move(answer).error());
  const HttpResponse& http = answer->http;
  if (answer->functionError) return fail(functionError(http.body));

  if (functionArn) return payloadValue(http.body.empty() ? "null" : http.body);
  std::vector<Member> envelope;
  if (const std::string* version = http.header("X-Amz-Executed-Version"))
    envelope.push_back(makeMember("ExecutedVersion", Value::string(*version)));
  envelope.push_back(makeMember("Payload", payloadValue(http.body)));
  envelope.push_back(makeMember("SdkHttpMetadata", aws::sdkHttpMetadata(http)));
  envelope.push_back(
      makeMember("SdkResponseMetadata", aws::sdkResponseMetadata(aws::requestIdHeader(http))));
  envelope.push_back(makeMember("StatusCode", Value::integer(http.status)));
  return aws::sortedObject(std::move(envelope));
}

} // namespace asl::adapters
