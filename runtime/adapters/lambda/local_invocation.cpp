#include "runtime/adapters/lambda/local_invocation.h"

#include "runtime/base/json_escape.h"

namespace asl::adapters {

LambdaResponse localResponse(std::string_view requestId) {
  LambdaResponse response;
  response.http.headers = {{"Content-Type", "application/json"},
                           {"X-Amz-Executed-Version", "$LATEST"},
                           {"x-amzn-RequestId", std::string(requestId)}};
  return response;
}

std::string lambdaErrorPayload(std::string_view type, std::string_view message) {
  std::string out = "{\"errorType\":";
  appendJsonString(out, type);
  out += ",\"errorMessage\":";
  appendJsonString(out, message);
  out += "}";
  return out;
}

LambdaResponse finishLocalResponse(const LambdaRequest& request, LambdaResponse response,
                                   std::string payload, bool failed) {
  // An asynchronous invocation reports nothing back but its acceptance.
  if (request.invocationType == "Event") {
    response.http.status = 202;
    return response;
  }
  response.http.status = 200;
  response.functionError = failed;
  if (failed) response.http.headers.emplace_back("X-Amz-Function-Error", "Unhandled");
  response.http.body = std::move(payload);
  return response;
}

} // namespace asl::adapters
