// What runs one Lambda invocation, whatever the Task form that asked for it: the Invoke API of
// AWS or a compatible server (lambda_aws.h), or a local executable (lambda_command.h). The
// Lambda adapter (lambda_adapter.h) reads the Task, picks the back end by function name and
// shapes the answer as Step Functions does.
#pragma once

#include <cstdint>
#include <string>

#include "asl/runtime.h"
#include "runtime/adapters/aws/http_client.h"

namespace asl::adapters {

struct LambdaRequest {
  std::string functionName;   ///< as the Task gave it: a name, name:alias or an ARN
  std::string qualifier;      ///< "" when absent
  std::string invocationType; ///< "" (RequestResponse), "Event", "DryRun"
  std::string clientContext;  ///< base64, "" when absent
  std::string payload;        ///< the event's bytes
  bool hasPayload = false;
  std::string region; ///< a function ARN's region; "" for the configured one
  /// The time the Task state has left (TaskCall::remainingMillis): no back end waits longer.
  int64_t remainingMillis = INT64_MAX;
  /// When the Task state times out, in ms since the epoch on the execution's clock.
  int64_t deadlineMillis = INT64_MAX;
};

/// The largest result a function may return, as Lambda's (6 MB).
inline constexpr size_t kMaxLambdaResultBytes = 6291556;

struct LambdaResponse {
  /// The Invoke API's answer: status, headers (SdkHttpMetadata), the payload as body.
  HttpResponse http;
  /// X-Amz-Function-Error was set: the payload describes the function's error.
  bool functionError = false;
};

class LambdaBackend {
public:
  virtual ~LambdaBackend() = default;
  /// The function's answer; a failure is a task error already named (Lambda.*).
  virtual Result<LambdaResponse, TaskError> invoke(const LambdaRequest& request) = 0;
};

/// The function's name without qualifier from any form FunctionName takes: "f", "f:prod",
/// "123456789012:function:f", "arn:aws:lambda:us-east-1:123456789012:function:f[:prod]".
std::string lambdaFunctionName(std::string_view functionName);

} // namespace asl::adapters
