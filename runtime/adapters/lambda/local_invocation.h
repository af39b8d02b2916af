// What the local Lambda back ends (a command, a native handler) share: the Invoke API's answer
// as Lambda shapes it, so that both look to the adapter exactly like the HTTP back end.
#pragma once

#include <string>
#include <string_view>

#include "runtime/adapters/lambda/lambda_backend.h"

namespace asl::adapters {

/// A response carrying the headers Lambda sends with every answer, for `requestId`.
LambdaResponse localResponse(std::string_view requestId);

/// The payload a function's runtime reports an error with: {"errorType", "errorMessage"}.
std::string lambdaErrorPayload(std::string_view type, std::string_view message);

/// Completes `response` with the function's `payload`: 202 and no body for an Event
/// invocation, else 200 with the payload, marked as a function error when `failed`.
LambdaResponse finishLocalResponse(const LambdaRequest& request, LambdaResponse response,
                                   std::string payload, bool failed);

} // namespace asl::adapters
